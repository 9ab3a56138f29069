/**
 * Reading a delegation table off a sheet (SPEC 2.2): header, row kinds, sections and the direction
 * (đoàn ra / đoàn vào) from the header, the title above the table, the sheet name or the sections.
 */
import { Grid } from "./grid";
import { fieldsByColumn, flaggableColumns, FlaggedCell, flaggedCells } from "./header-cells";
import { SheetView, sheetView } from "./cells";
import {
  DELEGATION_FIELDS,
  DelegationField,
  DelegationStatus,
  Direction,
  directionFromText,
  EXPECTED_DELEGATION_FIELDS,
  statusFromText,
} from "./delegation-fields";
import { DelegationHeader, findDelegationHeader, isRepeatedDelegationHeader } from "./delegation-header";
import { classifyRow, isNoteText, RowCells, RowKind } from "./rows";
import { parseStt, Stt, toRoman } from "./stt";
import { foldKey } from "./text";

export interface DelegationRow {
  /** Sheet row number. */
  row: number;
  kind: RowKind;
  stt: Stt;
  /** Field texts with merges applied; "" for a missing column. */
  fields: Record<DelegationField, string>;
  /** Texts of the extra columns, in the order of `table.extras`. */
  extras: string[];
  /** Index into `table.sections` of the innermost section the row belongs to, or -1. */
  section: number;
  /** Raw cells that need a word: formulas and error values. */
  flagged?: FlaggedCell[];
}

export interface DelegationSection {
  row: number;
  stt: Stt;
  title: string;
  level: number;
  parent: number;
  path: string;
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
  extras: DelegationHeader["extras"];
  /** Text above the header: "Phụ lục I: KẾ HOẠCH ĐOÀN RA NĂM 2025". */
  titleText: string;
  /** Text of the note rows after the table. */
  notesText: string;
  /** Expected columns that are absent. */
  missingColumns: DelegationField[];
  direction: Direction;
  directionBasis: DirectionBasis;
}

export type ReadDelegationResult = { ok: true; table: DelegationTable; view: SheetView } | { ok: false; reason: "no-header" };

export function readDelegationTable(grid: Grid): ReadDelegationResult {
  const view = sheetView(grid);
  const header = findDelegationHeader(view);
  if (!header) return { ok: false, reason: "no-header" };
  return { ok: true, table: tableFromHeader(view, header), view };
}

function emptyFields(): Record<DelegationField, string> {
  const out = {} as Record<DelegationField, string>;
  for (const f of DELEGATION_FIELDS) out[f] = "";
  return out;
}

function tableFromHeader(view: SheetView, header: DelegationHeader): DelegationTable {
  const width = header.lastCol - header.firstCol + 1;
  const fieldsByIndex = fieldsByColumn<DelegationField>(header.columns, header.firstCol, width);
  const headerTexts: string[] = new Array(width);
  for (let i = 0; i < width; i++) headerTexts[i] = view.text(header.row, header.firstCol + i);
  // Row kinds are those of task tables (rows.ts) read through the matching columns; the task checker never sees
  // these cells, so "lead" here is only the slot the classifier calls a detail.
  const noTaskFields = new Array(width).fill(null);
  const firstData = header.row + header.rows;
  const flaggable = flaggableColumns(header.columns, header.extras);

  const read: Array<{ fields: Record<DelegationField, string>; all: string[]; cells: RowCells }> = [];
  for (let r = firstData; r <= view.lastRow; r++) {
    const all: string[] = new Array(width);
    for (let i = 0; i < width; i++) all[i] = view.text(r, header.firstCol + i);
    const fields = emptyFields();
    for (const f of DELEGATION_FIELDS) {
      const c = header.columns[f];
      if (c !== undefined) fields[f] = view.text(r, c);
    }
    const cells: RowCells = {
      stt: fields.stt,
      content: fields.name,
      lead: fields.leader || fields.members,
      coordinating: fields.country,
      timeframe: fields.time,
      all,
      fieldsByIndex: noTaskFields,
      mergedAcross: view.mergedAcross(r),
    };
    read.push({ fields, all, cells });
  }
  let end = read.length - 1;
  while (end >= 0 && read[end].all.every((t) => t === "")) end--;

  const rows: DelegationRow[] = [];
  const sections: DelegationSection[] = [];
  const stack: Array<{ index: number; style: string }> = [];
  const notes: string[] = [];
  let afterTable = false;
  let seenDelegation = false;
  for (let i = 0; i <= end; i++) {
    const r = firstData + i;
    const { fields, all, cells } = read[i];
    let kind: RowKind;
    let stt: Stt;
    let title: string | undefined;
    if (all.some((t) => t !== "") && isRepeatedDelegationHeader(all, fieldsByIndex, headerTexts)) {
      kind = "repeated-header";
      stt = parseStt(fields.stt);
    } else {
      const cls = classifyRow(cells);
      kind = cls.kind;
      stt = cls.stt;
      title = cls.title;
      if (kind === "task" && isPlainHeading(stt, fields.name, all)) {
        kind = "section";
        title = fields.name;
      } else if (kind === "task" && stt.kind === "empty" && TOTAL_LINE.test(foldKey(fields.name || fields.stt))) {
        // "Tổng cộng | | | 81": the sum of the column, not a delegation.
        kind = "note";
      }
    }
    // Once signatures or "Nơi nhận" start after the delegations, the rest of the sheet is not table.
    if (kind === "note" && seenDelegation && all.some((t) => t !== "" && isNoteText(t))) afterTable = true;
    if (afterTable && kind !== "blank") kind = "note";
    if (kind === "task") seenDelegation = true;
    if (kind === "note") notes.push(all.filter((t) => t !== "").join(" "));

    if (kind === "section") {
      const style = stt.kind === "number" || stt.kind === "hierarchical" ? `number-${stt.parts.length}` : stt.kind;
      const at = stack.findIndex((s) => s.style === style);
      if (at >= 0) stack.length = at;
      const parent = stack.length ? stack[stack.length - 1].index : -1;
      const heading = title ?? "";
      const label = stt.kind === "roman" ? toRoman(stt.parts[0]) : stt.parts.length ? stt.text.replace(/[.)]+$/, "") : shorten(heading);
      sections.push({
        row: r,
        stt,
        title: heading,
        level: stack.length,
        parent,
        path: parent >= 0 ? `${sections[parent].path} › ${label}` : label,
        status: statusFromText(heading),
        direction: directionFromText(heading),
      });
      stack.push({ index: sections.length - 1, style });
    }
    const row: DelegationRow = {
      row: r,
      kind,
      stt,
      fields,
      extras: header.extras.map((e) => all[e.col - header.firstCol]),
      section: stack.length ? stack[stack.length - 1].index : -1,
    };
    if (kind === "task" || kind === "section") {
      const flagged = flaggedCells(view, r, flaggable);
      if (flagged.length) row.flagged = flagged;
    }
    rows.push(row);
  }

  let lastTableRow = header.row + header.rows - 1;
  for (const row of rows) if (row.kind !== "note" && row.kind !== "blank") lastTableRow = row.row;

  const titleParts: string[] = view.grid.textAbove ? [view.grid.textAbove] : [];
  for (let r = view.firstRow; r < header.row; r++) {
    const parts: string[] = [];
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      const t = view.text(r, c);
      if (t !== "") parts.push(t);
    }
    if (parts.length) titleParts.push(parts.join(" "));
  }
  const titleText = titleParts.join("\n");
  const { direction, basis } = tableDirection(header, titleText, view.grid.sheetName, sections);
  return {
    sheetName: view.grid.sheetName,
    header,
    firstRow: header.row,
    lastRow: lastTableRow,
    rows,
    sections,
    extras: header.extras,
    titleText,
    notesText: notes.join("\n"),
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

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

/** The delegations of a table (rows of kind "task"). */
export function delegationRows(table: DelegationTable): DelegationRow[] {
  return table.rows.filter((r) => r.kind === "task");
}
