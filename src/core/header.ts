/**
 * Finding the header row of an appendix task table anywhere on a sheet (SPEC 2.1).
 */
import { SheetView } from "./cells";
import {
  compileVariants,
  EXTRA_HEADER_VARIANTS,
  ExtraRole,
  headerKey,
  matchHeader,
  matchVariant,
  TASK_FIELDS,
  TASK_HEADER_VARIANTS,
  TaskField,
} from "./fields";
import { foldKey } from "./text";
import { headerCells } from "./header-cells";

const TASK_VARIANTS = compileVariants(TASK_HEADER_VARIANTS);
const EXTRA_VARIANTS = compileVariants(EXTRA_HEADER_VARIANTS);

/** How many rows, from the first filled one, a header is looked for in: title blocks are short, but some sheets start low. */
export const HEADER_SEARCH_ROWS = 1000;

export interface ExtraColumn {
  col: number;
  header: string;
  role: ExtraRole;
}

export interface HeaderMatch {
  /** First header row and number of header rows (2 when a second row names sub-columns). */
  row: number;
  rows: number;
  columns: Partial<Record<TaskField, number>>;
  headers: Partial<Record<TaskField, string>>;
  extras: ExtraColumn[];
  firstCol: number;
  lastCol: number;
}

/** The task field a header cell names, or null. */
export function headerField(text: string): TaskField | null {
  if (text === "" || text.length > 80) return null;
  let f = headerFieldMemo.get(text);
  if (f === undefined) {
    const key = headerKey(foldKey(text));
    const task = matchVariant(key, TASK_VARIANTS);
    // "Chỉ tiêu đạt được" is a result column although it starts like the content header "Chỉ tiêu".
    const extra = task ? matchVariant(key, EXTRA_VARIANTS) : null;
    f = task && !(extra && extra.variant.length > task.variant.length) ? task.field : null;
    if (headerFieldMemo.size >= 50_000) headerFieldMemo.clear();
    headerFieldMemo.set(text, f);
  }
  return f;
}

const headerFieldMemo = new Map<string, TaskField | null>();

function extraRole(text: string): ExtraRole {
  return matchHeader(headerKey(foldKey(text)), EXTRA_VARIANTS) ?? "other";
}

interface RowMatch {
  fields: Map<TaskField, number>;
  nonEmpty: number;
  matched: number;
}

function matchRow(view: SheetView, row: number): RowMatch {
  const fields = new Map<TaskField, number>();
  let nonEmpty = 0;
  let matched = 0;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const t = view.text(row, c);
    if (t === "") continue;
    nonEmpty++;
    const f = headerField(t);
    if (f === null) continue;
    matched++;
    if (!fields.has(f)) fields.set(f, c);
  }
  return { fields, nonEmpty, matched };
}

/** A header row names the content and at least the STT or the lead; a weekly schedule ("Ngày | Thời gian | Nội dung") does not. */
function isHeaderRow(m: RowMatch): boolean {
  return m.fields.has("content") && (m.fields.has("stt") || m.fields.has("lead")) && m.fields.size >= 2;
}

/**
 * A header that names the STT, the lead and the timeframe but words the content column some other way is still a
 * table: the content column is the unnamed one whose cells below hold the longest prose.
 */
function inferContent(view: SheetView, row: number, m: RowMatch): number | undefined {
  if (m.fields.has("content") || !m.fields.has("lead") || m.fields.size < 3) return undefined;
  const used = new Set(m.fields.values());
  let best: number | undefined;
  let bestLength = 40;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    if (used.has(c) || view.text(row, c) === "") continue;
    let total = 0;
    let n = 0;
    for (let r = row + 1; r <= Math.min(view.lastRow, row + 30); r++) {
      const t = view.text(r, c);
      if (t === "") continue;
      total += t.length;
      n++;
    }
    if (n > 0 && total / n > bestLength) {
      bestLength = total / n;
      best = c;
    }
  }
  return best;
}

export function findHeader(view: SheetView): HeaderMatch | null {
  const last = Math.min(view.lastRow, view.firstFilledRow + HEADER_SEARCH_ROWS - 1);
  for (let r = view.firstFilledRow; r <= last; r++) {
    const m = matchRow(view, r);
    const inferred = isHeaderRow(m) ? undefined : inferContent(view, r, m);
    if (inferred !== undefined) m.fields.set("content", inferred);
    else if (!isHeaderRow(m)) continue;
    let rows = 1;
    const columns = new Map(m.fields);
    // A second header row names sub-columns under a merged parent ("Cơ quan thực hiện" › "Chủ trì" | "Phối hợp").
    if (r + 1 <= view.lastRow) {
      const next = matchRow(view, r + 1);
      if (next.matched > 0 && next.matched === next.nonEmpty) {
        const adds = [...next.fields].filter(([f, c]) => !m.fields.has(f) || m.fields.get(f) !== c);
        if (adds.length > 0 || next.fields.size === m.fields.size) {
          rows = 2;
          for (const [f, c] of next.fields) {
            // The parent cell's column keeps its meaning only if no sub-column claims the same field.
            if (!columns.has(f) || view.mergeAt(r, columns.get(f)!)) columns.set(f, c);
          }
        }
      }
    }
    return buildMatch(view, r, rows, columns);
  }
  return null;
}

function buildMatch(view: SheetView, row: number, rows: number, columns: Map<TaskField, number>): HeaderMatch {
  const used = new Set(columns.values());
  const { cells, firstCol, lastCol } = headerCells(view, row, rows);
  const extras: ExtraColumn[] = cells.filter((h) => !used.has(h.col)).map((h) => ({ col: h.col, header: h.text, role: extraRole(h.text) }));
  const headers: Partial<Record<TaskField, string>> = {};
  const cols: Partial<Record<TaskField, number>> = {};
  for (const f of TASK_FIELDS) {
    const c = columns.get(f);
    if (c === undefined) continue;
    cols[f] = c;
    headers[f] = view.text(rows === 2 && view.text(row + 1, c) !== "" ? row + 1 : row, c);
  }
  return { row, rows, columns: cols, headers, extras, firstCol, lastCol };
}

/** Header wordings a person can recognise, for the no-table message. */
export function lookedForHeaders(): string[] {
  return ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
}

/**
 * True when a row inside the table repeats the header (pages of a table pasted from Word repeat it) or a shorter
 * sub-header: two or more cells name the field of the column they stand in.
 */
export function isRepeatedHeader(texts: ReadonlyArray<string>, fieldsByIndex: ReadonlyArray<TaskField | null>): boolean {
  let hits = 0;
  let exact = 0;
  let nonEmpty = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t === "") continue;
    nonEmpty++;
    const w = headerWording(t);
    if (w === null) continue;
    if (w.field !== null && w.field === fieldsByIndex[i]) hits++;
    if (w.exact) exact++;
  }
  // A sub-header pasted one column off ("Nội dung" under STT) still repeats the header's very words.
  return (hits >= 2 && hits * 2 >= nonEmpty) || (exact >= 3 && exact * 2 > nonEmpty);
}

const EXACT_WORDINGS = new Set(
  [...TASK_VARIANTS, ...EXTRA_VARIANTS].map((v) => v.variant).concat(["san pham dau ra", "san pham du kien", "ket qua du kien"]),
);

/** Header cells are short; a longer cell is task text and is not folded at all. */
const MAX_HEADER_LENGTH = 60;
const wordingCache = new Map<string, { field: TaskField | null; exact: boolean } | null>();

/**
 * What a cell says as a header: the field it names (by prefix) and whether the whole cell is a header wording
 * (not a task that merely starts with "Nội dung …"). Memoised: every row of a table is asked.
 */
function headerWording(text: string): { field: TaskField | null; exact: boolean } | null {
  if (text.length > MAX_HEADER_LENGTH) return null;
  let w = wordingCache.get(text);
  if (w === undefined) {
    const key = headerKey(foldKey(text));
    const field = matchHeader(key, TASK_VARIANTS);
    const exact = EXACT_WORDINGS.has(key);
    w = field === null && !exact ? null : { field, exact };
    if (wordingCache.size > 50_000) wordingCache.clear();
    wordingCache.set(text, w);
  }
  return w;
}
