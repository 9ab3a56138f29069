/**
 * Reading an appendix task table off a sheet (SPEC 2.1): the rows under its header, walked by the shared row walker
 * with the task columns in their roles; rows whose cells slid one column left are read back into place.
 */
import { ExtraColumn } from "../../sheet/header-match";
import { walkedTable, walkRows, WalkedRow, WalkedSection, WalkSpec } from "../../sheet/row-walker";
import { parseStt } from "../../sheet/stt";
import { SheetView } from "../../sheet/view";
import { TASK_FIELDS, TaskField } from "./fields";
import { isRepeatedHeader, TaskHeader } from "./header";

export type TableRow = WalkedRow<TaskField>;
export type Section = WalkedSection;

export interface TaskTable {
  sheetName: string;
  header: TaskHeader;
  /** First and last row of the table, header included. */
  firstRow: number;
  lastRow: number;
  rows: TableRow[];
  sections: Section[];
  extras: ExtraColumn[];
  /** Text above the header: plan title, "(Kèm theo Kế hoạch số …)". */
  titleText: string;
  /** Fields whose column is absent. */
  missingColumns: TaskField[];
}

const TASK_WALK: WalkSpec<TaskField> = {
  fields: TASK_FIELDS,
  roles: { number: "stt", title: "content", details: ["lead", "coordinating", "timeframe"] },
  repeatsHeader: (all, fieldsByIndex) => isRepeatedHeader(all, fieldsByIndex),
  reread: (view, row, header, fields) => (fields.stt.length >= 20 ? shiftedFields(view, row, header, fields) : null),
};

/** The task table under a header found on the sheet. */
export function readTaskTable(view: SheetView, header: TaskHeader): TaskTable {
  const walk = walkRows(view, header, TASK_WALK);
  return {
    ...walkedTable(view, header, walk),
    sections: walk.sections,
    titleText: walk.titleRows.flat().join("\n"),
    missingColumns: TASK_FIELDS.filter((f) => header.columns[f] === undefined),
  };
}

const AGENCY_START = /^(sở|ban|ubnd|ủy ban|uỷ ban|công an|bộ|cục|chi cục|trung tâm|văn phòng|viện|các|hội|liên hiệp|thanh tra|đài|báo)\s/i;

/**
 * A row whose cells slid one column to the left when merged cells were lost: the task text stands in the STT
 * column and an agency in the content column. Read it one column to the right, and say so.
 */
function shiftedFields(view: SheetView, row: number, header: TaskHeader, f: Record<TaskField, string>): Record<TaskField, string> | null {
  const sttCol = header.columns.stt;
  const contentCol = header.columns.content;
  if (sttCol === undefined || contentCol !== sttCol + 1) return null;
  if (f.stt.length < 20 || !/\s/.test(f.stt) || parseStt(f.stt).kind !== "other") return null;
  if (f.content === "" || f.content.length > 120 || !AGENCY_START.test(f.content)) return null;
  const out = { stt: "", content: f.stt, lead: "", coordinating: "", timeframe: "" };
  for (const field of ["lead", "coordinating", "timeframe"] as const) {
    const c = header.columns[field];
    if (c !== undefined && c - 1 >= header.firstCol) out[field] = view.text(row, c - 1);
  }
  return out;
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * Fields whose cell holds an error value (#N/A, #REF! …): the error-value issue says what is wrong, so the code is
 * not also read as an agency or a timeframe.
 */
export function errorFields(row: TableRow): ReadonlySet<string> {
  if (!row.flagged) return NO_FIELDS;
  const out = new Set<string>();
  for (const f of row.flagged) if (f.cell.error) out.add(f.field);
  return out;
}
