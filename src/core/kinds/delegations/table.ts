/**
 * Reading a delegation table off a sheet (SPEC 2.2): the rows under its header, walked by the shared row walker with
 * the delegation columns in their roles, and the direction (đoàn ra / đoàn vào) from the header, the title above
 * the table, the sheet name or the sections.
 */
import { ExtraColumn } from "../../sheet/header-match";
import { walkedTable, walkRows, WalkedRow, WalkedSection, WalkSpec } from "../../sheet/row-walker";
import { Stt } from "../../sheet/stt";
import { foldKey } from "../../sheet/text";
import { SheetView } from "../../sheet/view";
import { isRepeatedHeader } from "../tasks/header";
import {
  DELEGATION_FIELDS,
  DelegationField,
  DelegationStatus,
  Direction,
  directionFromText,
  EXPECTED_DELEGATION_FIELDS,
  statusFromText,
} from "./fields";
import { DelegationHeader, isRepeatedDelegationHeader } from "./header";

export type DelegationRow = WalkedRow<DelegationField>;

export interface DelegationSection extends WalkedSection {
  /** What the heading says of the delegations under it: "… TRONG KẾ HOẠCH" / "… ĐỀ NGHỊ BỔ SUNG", or null. */
  status: DelegationStatus | null;
  /** "A. ĐOÀN RA" / "B. ĐOÀN VÀO" in a table that lists both, or null. */
  direction: Direction | null;
}

/** Where the table's direction was read from. */
export type DirectionBasis = "header" | "title" | "sheet" | "sections" | "assumed";

export interface DelegationTable {
  sheetName: string;
  header: DelegationHeader;
  firstRow: number;
  lastRow: number;
  rows: DelegationRow[];
  sections: DelegationSection[];
  extras: ExtraColumn[];
  /** Text above the header: "Phụ lục I: KẾ HOẠCH ĐOÀN RA NĂM 2025". */
  titleText: string;
  /** Text of the note rows after the table. */
  notesText: string;
  /** Expected columns that are absent. */
  missingColumns: DelegationField[];
  direction: Direction;
  directionBasis: DirectionBasis;
}

const DELEGATION_WALK: WalkSpec<DelegationField> = {
  fields: DELEGATION_FIELDS,
  // A leader, a member count, a destination or a time makes a row a delegation; a heading has only its name.
  roles: { number: "stt", title: "name", details: ["leader", "members", "country", "time"] },
  repeatsHeader: (all, fieldsByIndex, headerTexts) =>
    isRepeatedDelegationHeader(all, fieldsByIndex, headerTexts) || isRepeatedHeader(all, NO_TASK_FIELDS),
  reclassify: (cls, fields, all) => {
    if (cls.kind !== "task") return cls;
    if (isPlainHeading(cls.stt, fields.name, all)) return { kind: "section", stt: cls.stt, title: fields.name };
    // "Tổng cộng | | | 81": the sum of the column, not a delegation.
    if (cls.stt.kind === "empty" && TOTAL_LINE.test(foldKey(fields.name || fields.stt))) return { kind: "note", stt: cls.stt };
    return cls;
  },
};

/** Whole-cell task header wordings repeated inside a delegation table (a sheet pasted under the wrong header). */
const NO_TASK_FIELDS: ReadonlyArray<null> = [];

/** The delegation table under a header found on the sheet. */
export function readDelegationTable(view: SheetView, header: DelegationHeader): DelegationTable {
  const walk = walkRows(view, header, DELEGATION_WALK);
  const sections: DelegationSection[] = walk.sections.map((s) => ({
    ...s,
    status: statusFromText(s.title),
    direction: directionFromText(s.title),
  }));
  const titleText = walk.titleRows.map((parts) => parts.join(" ")).join("\n");
  const { direction, basis } = tableDirection(header, titleText, view.grid.sheetName, sections);
  return {
    ...walkedTable(view, header, walk),
    sections,
    titleText,
    notesText: walk.notes.join("\n"),
    missingColumns: EXPECTED_DELEGATION_FIELDS.filter((f) => header.columns[f] === undefined),
    direction,
    directionBasis: basis,
  };
}

/**
 * "Tên đoàn ra" in the header, then "KẾ HOẠCH ĐOÀN RA" in the title, then the sheet name, then the sections.
 * A table that says nothing is taken as outbound: the forms of Thông tư 25/2025/TT-BGDĐT are đoàn ra forms.
 */
function tableDirection(
  header: DelegationHeader,
  titleText: string,
  sheetName: string,
  sections: readonly DelegationSection[],
): { direction: Direction; basis: DirectionBasis } {
  const fromHeader = directionFromText(header.headers.name ?? "");
  if (fromHeader) return { direction: fromHeader, basis: "header" };
  const fromTitle = directionFromText(titleText);
  if (fromTitle) return { direction: fromTitle, basis: "title" };
  const fromSheet = directionFromText(sheetName);
  if (fromSheet) return { direction: fromSheet, basis: "sheet" };
  const fromSections = sections.find((s) => s.direction !== null)?.direction;
  if (fromSections) return { direction: fromSections, basis: "sections" };
  return { direction: "outbound", basis: "assumed" };
}

const TOTAL_LINE = /^(?:tong cong|cong|tong so|tong)(?=$|[\s:.,])/;

/** "Đoàn ra trong kế hoạch" typed in lower case, unnumbered and alone on its row, heads a section all the same. */
function isPlainHeading(stt: Stt, name: string, all: readonly string[]): boolean {
  if (stt.kind !== "empty" || name === "" || name.length > 80) return false;
  if (all.filter((t) => t !== "").length !== 1) return false;
  return statusFromText(name) !== null || directionFromText(name) !== null;
}
