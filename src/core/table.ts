/**
 * Reading an appendix task table off a sheet: header, row kinds, sections (SPEC 2.1).
 */
import { Grid } from "./grid";
import { fieldsByColumn, flaggableColumns, FlaggedCell, flaggedCells } from "./header-cells";
import { cellText, SheetView, sheetView } from "./cells";
import { TASK_FIELDS, TaskField } from "./fields";
import { ExtraColumn, findHeader, HeaderMatch } from "./header";
import { Classification, classifyRow, isNoteText, RowCells, RowKind } from "./rows";
import { parseStt, Stt, toRoman } from "./stt";
import { foldKey, isPunctuationOnly } from "./text";

export interface TableRow {
  /** Sheet row number. */
  row: number;
  kind: RowKind;
  stt: Stt;
  /** Field texts with merges applied; "" for a missing column. */
  fields: Record<TaskField, string>;
  /** Texts of the extra columns, in the order of `table.extras`. */
  extras: string[];
  /** Index into `table.sections` of the innermost section the row belongs to, or -1. */
  section: number;
  /** Numbering segment: an elided row ("…………") starts a new one, so numbers after it are not compared with those before. */
  segment: number;
  /** The row's cells sat one column to the left of their headers (merged cells lost) and were read shifted back. */
  shifted?: boolean;
  /** Raw cells that need a word: formulas and error values, by field or extra header. */
  flagged?: FlaggedCell[];
}

export interface Section {
  row: number;
  stt: Stt;
  title: string;
  /** 0 for the outermost level. */
  level: number;
  parent: number;
  /** "A › I › 1.1" style path of numerals (or titles where unnumbered). */
  path: string;
  /** Numbering segment (see TableRow.segment). */
  segment: number;
}

export interface TaskTable {
  sheetName: string;
  header: HeaderMatch;
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

export type ReadTableResult = { ok: true; table: TaskTable; view: SheetView } | { ok: false; reason: "no-header"; hint: string };

export function readTable(grid: Grid): ReadTableResult {
  const view = sheetView(grid);
  const header = findHeader(view);
  if (!header) return { ok: false, reason: "no-header", hint: describeSheet(view) };
  return { ok: true, table: tableFromHeader(view, header), view };
}

/** A hint for the no-table message: what the sheet looks like instead. */
function describeSheet(view: SheetView): string {
  if (view.firstFilledRow > view.lastRow || view.lastCol < view.firstCol) return "empty";
  const last = Math.min(view.lastRow, view.firstFilledRow + 50);
  let any = false;
  for (let r = view.firstFilledRow; r <= last; r++) {
    const keys: string[] = [];
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      const t = view.text(r, c);
      if (t !== "") keys.push(foldKey(t));
    }
    if (keys.length) any = true;
    // A weekly work schedule (lịch công tác): "Ngày | Thời gian | Nội dung | Lãnh đạo chủ trì".
    if (keys.includes("ngay") && keys.some((k) => k.startsWith("noi dung")) && keys.some((k) => k.startsWith("thoi gian")))
      return "schedule";
  }
  return any ? "no-header" : "empty";
}

const AGENCY_START = /^(sở|ban|ubnd|ủy ban|uỷ ban|công an|bộ|cục|chi cục|trung tâm|văn phòng|viện|các|hội|liên hiệp|thanh tra|đài|báo)\s/i;

/**
 * A row whose cells slid one column to the left when merged cells were lost: the task text stands in the STT
 * column and an agency in the content column. Read it one column to the right, and say so.
 */
function shiftedFields(view: SheetView, row: number, header: HeaderMatch, f: Record<TaskField, string>): Record<TaskField, string> | null {
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

function tableFromHeader(view: SheetView, header: HeaderMatch): TaskTable {
  const width = header.lastCol - header.firstCol + 1;
  const fieldsByIndex = fieldsByColumn<TaskField>(header.columns, header.firstCol, width);
  const firstData = header.row + header.rows;
  const flaggable = flaggableColumns(header.columns, header.extras);

  // Read every row once; classification needs the next row's STT (sub-section headings).
  const fieldIndex = TASK_FIELDS.map((f) => (header.columns[f] === undefined ? -1 : header.columns[f]! - header.firstCol));
  const rowsCells: RowCells[] = [];
  const shiftedRows = new Set<number>();
  const flaggedRows = new Set<number>();
  const fieldsByRow: Array<Record<TaskField, string>> = [];
  const sttByRow: Stt[] = [];
  const blankRow: boolean[] = [];
  const inherited = (r: number, c: number) => {
    const m = view.mergeAt(r, c);
    return m !== undefined && m.top < r;
  };
  const mergedDown = (r: number, c: number) => {
    const m = view.mergeAt(r, c);
    return m !== undefined && m.bottom > m.top;
  };
  const detailCols = (["lead", "coordinating", "timeframe"] as const)
    .map((f) => header.columns[f])
    .filter((c): c is number => c !== undefined);
  const continuation = new Set<number>();
  const lastRow = lastRowOfOwn(view, header.firstCol, header.lastCol, firstData);
  for (let r = firstData; r <= lastRow; r++) {
    const all: string[] = new Array(width);
    let blank = true;
    let own = false;
    for (let i = 0; i < width; i++) {
      const cell = view.cell(r, header.firstCol + i);
      const t = cellText(cell);
      all[i] = t;
      if (t !== "") {
        blank = false;
        if (!own && !inherited(r, header.firstCol + i)) own = true;
      }
      if (cell && (cell.error || cell.formula)) flaggedRows.add(r);
    }
    if (!blank && !own) continuation.add(r);
    const read = {
      stt: fieldIndex[0] < 0 ? "" : all[fieldIndex[0]],
      content: fieldIndex[1] < 0 ? "" : all[fieldIndex[1]],
      lead: fieldIndex[2] < 0 ? "" : all[fieldIndex[2]],
      coordinating: fieldIndex[3] < 0 ? "" : all[fieldIndex[3]],
      timeframe: fieldIndex[4] < 0 ? "" : all[fieldIndex[4]],
    };
    const shifted = read.stt.length >= 20 ? shiftedFields(view, r, header, read) : null;
    if (shifted) shiftedRows.add(r);
    const fields = shifted ?? read;
    const stt = parseStt(fields.stt);
    fieldsByRow.push(fields);
    sttByRow.push(stt);
    blankRow.push(blank);
    rowsCells.push({
      stt: fields.stt,
      content: fields.content,
      lead: fields.lead,
      coordinating: fields.coordinating,
      timeframe: fields.timeframe,
      all,
      fieldsByIndex,
      mergedAcross: view.mergedAcross(r),
      parsedStt: stt,
      detailsMergedDown: !blank && detailCols.every((c) => all[c - header.firstCol] === "" || mergedDown(r, c)),
    });
  }
  // Trailing blank rows are outside the table.
  let end = rowsCells.length - 1;
  while (end >= 0 && blankRow[end]) end--;

  const nextStt: Array<Stt | undefined> = new Array(end + 1);
  let upcoming: Stt | undefined;
  for (let i = end; i >= 0; i--) {
    nextStt[i] = upcoming;
    if (!blankRow[i] && !continuation.has(firstData + i)) upcoming = sttByRow[i];
  }

  const rows: TableRow[] = [];
  const sections: Section[] = [];
  const stack: Array<{ index: number; style: string }> = [];
  let afterTable = false;
  let seenTask = false;
  let lastKind: RowKind = "blank";
  const twoLevel = isTwoLevel(header);
  let segment = 0;
  for (let i = 0; i <= end; i++) {
    const r = firstData + i;
    const cells = rowsCells[i];
    let cls: Classification = continuation.has(r) ? { kind: "continuation", stt: sttByRow[i] } : classifyRow(cells, nextStt[i]);
    // Once signatures or "Nơi nhận" start after the tasks, the rest of the sheet is not table.
    if (cls.kind === "note" && seenTask && cells.all.some((t) => t !== "" && isNoteText(t))) afterTable = true;
    if (afterTable && cls.kind !== "blank") cls = { kind: "note", stt: cls.stt };
    if (cls.kind === "task" && seenTask && belongsToTaskAbove(cells, cls.stt, twoLevel, lastKind))
      cls = { kind: "continuation", stt: cls.stt };
    if (cls.kind === "task") seenTask = true;
    if (cls.kind !== "blank") lastKind = cls.kind;
    if (cls.kind === "note" && !afterTable && cells.all.some((t) => t !== "") && cells.all.every((t) => t === "" || isPunctuationOnly(t)))
      segment++;

    if (cls.kind === "section") {
      const style = sectionStyle(cls.stt);
      const at = stack.findIndex((s) => s.style === style);
      if (at >= 0) stack.length = at;
      const parent = stack.length ? stack[stack.length - 1].index : -1;
      const label = cls.stt.kind === "empty" || cls.stt.kind === "other" ? shorten(cls.title ?? "") : sectionLabel(cls.stt);
      const path = parent >= 0 ? `${sections[parent].path} › ${label}` : label;
      sections.push({ row: r, stt: cls.stt, title: cls.title ?? "", level: stack.length, parent, path, segment });
      stack.push({ index: sections.length - 1, style });
    }
    const row: TableRow = {
      row: r,
      kind: cls.kind,
      stt: cls.stt,
      fields: fieldsByRow[i],
      extras: header.extras.map((e) => cells.all[e.col - header.firstCol]),
      section: stack.length ? stack[stack.length - 1].index : -1,
      segment,
    };
    if (shiftedRows.has(r)) row.shifted = true;
    if ((cls.kind === "task" || cls.kind === "section") && flaggedRows.has(r)) {
      const flagged = flaggedCells(view, r, flaggable);
      if (flagged.length) row.flagged = flagged;
    }
    rows.push(row);
  }

  // The table ends at its last row that is not a note: signatures below are not part of it.
  let lastTableRow = header.row + header.rows - 1;
  for (const row of rows) if (row.kind !== "note" && row.kind !== "blank" && row.kind !== "continuation") lastTableRow = row.row;

  const titleParts: string[] = [];
  for (let r = view.firstRow; r < header.row; r++) {
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      const t = view.text(r, c);
      if (t !== "") titleParts.push(t);
    }
  }
  return {
    sheetName: view.grid.sheetName,
    header,
    firstRow: header.row,
    lastRow: lastTableRow,
    rows,
    sections,
    extras: header.extras,
    titleText: titleParts.join("\n"),
    missingColumns: TASK_FIELDS.filter((f) => header.columns[f] === undefined),
  };
}

/**
 * The last row at or below `from` with a filled cell of its own between the columns: rows below it are blank or
 * hold only merged areas running down from above, so reading stops there — a merge or a stray value at the sheet's
 * end must not make the table a million rows long.
 */
function lastRowOfOwn(view: SheetView, firstCol: number, lastCol: number, from: number): number {
  const { grid } = view;
  for (let r = view.lastRow; r >= from; r--) {
    const cells = grid.cells[r - grid.originRow];
    if (!cells || cells.length === 0) continue;
    const last = Math.min(lastCol, grid.originCol + cells.length - 1);
    for (let c = Math.max(firstCol, grid.originCol); c <= last; c++) {
      if (cellText(cells[c - grid.originCol]) === "") continue;
      const m = view.mergeAt(r, c);
      if (!m || (m.top === r && m.left === c)) return r;
    }
  }
  return from - 1;
}

/** "TT | Chi tiết": a table whose tasks carry unnumbered detail rows. */
function isTwoLevel(header: HeaderMatch): boolean {
  const texts = [header.headers.content ?? "", ...header.extras.map((e) => e.header)];
  return texts.some((t) => foldKey(t).startsWith("chi tiet"));
}

/**
 * Rows that are not tasks of their own but part of the task above: a row left behind by a lost merge, with no
 * number and no content, only details; and, in two-level tables, the unnumbered detail rows under a task (content,
 * output or timeframe, but no agency).
 */
function belongsToTaskAbove(cells: RowCells, stt: Stt, twoLevel: boolean, lastKind: RowKind): boolean {
  if (stt.kind !== "empty" || (lastKind !== "task" && lastKind !== "continuation")) return false;
  if (cells.content === "") return true;
  return twoLevel && cells.lead === "" && cells.coordinating === "";
}

/** Sections of one style share a level: letters above Roman numerals above numbered headings. */
function sectionStyle(stt: Stt): string {
  if (stt.kind === "number" || stt.kind === "hierarchical") return `number-${stt.parts.length}`;
  return stt.kind;
}

function sectionLabel(stt: Stt): string {
  if (stt.kind === "roman") return toRoman(stt.parts[0]);
  if (stt.kind === "letter") return String.fromCharCode(64 + stt.parts[0]);
  return stt.parts.length ? stt.parts.join(".") : stt.text;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

export function tasksOf(table: TaskTable): TableRow[] {
  return table.rows.filter((r) => r.kind === "task");
}
