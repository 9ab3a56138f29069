/**
 * The header row of an appendix task table (SPEC 2.1): "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | …".
 */
import {
  compileVariants,
  EXTRA_WORDINGS,
  extraRole,
  fieldMatcher,
  headerKey,
  HeaderMatch,
  headerMatch,
  headerSearchRows,
  matchHeader,
  matchRow,
  RowMatch,
} from "../../sheet/header-match";
import { memoize } from "../../memo/memo";
import { foldKey } from "../../sheet/text";
import { SheetView } from "../../sheet/view";
import { TASK_FIELDS, TASK_HEADER_VARIANTS, TaskField } from "./fields";

const TASK_VARIANTS = compileVariants(TASK_HEADER_VARIANTS);

export type TaskHeader = HeaderMatch<TaskField>;

const byWording = fieldMatcher(TASK_VARIANTS);

/**
 * "Phòng ban chủ trì", "Bộ phận phối hợp": a unit word of an organisation's work plan before the role — the role
 * names the column as "Cơ quan chủ trì" does. Persons ("Lãnh đạo chủ trì" of a work schedule) are not units.
 */
const UNIT_ROLE = /^(?:phong ban|phong|ban|bo phan|to|nhom|khoa|don vi, bo phan|xi nghiep)\s+(chu tri|phoi hop)$/;

/** The task field a header cell names, or null. */
export const headerField: (text: string) => TaskField | null = (text) => {
  const field = byWording(text);
  if (field !== null || text.length > 40) return field;
  const role = UNIT_ROLE.exec(headerKey(foldKey(text)));
  return role ? (role[1] === "chu tri" ? "lead" : "coordinating") : null;
};

/** A header row names the content and at least the STT or the lead; a weekly schedule ("Ngày | Thời gian | Nội dung") does not. */
function isHeaderRow(m: RowMatch<TaskField>): boolean {
  return m.fields.has("content") && (m.fields.has("stt") || m.fields.has("lead")) && m.fields.size >= 2;
}

/**
 * A header that names the STT, the lead and the timeframe but words the content column some other way is still a
 * table: the content column is the unnamed one whose cells below hold the longest prose. When four of the five
 * fields are named, the header is a table for sure and the content is the column that names each row ("Giai đoạn"
 * of a plan in phases): its header names no prose about the task (a product, a result, a goal, a note, a contact),
 * and its cells are text, one different name per row — not advisers repeated on every row — however short.
 */
function inferContent(view: SheetView, row: number, m: RowMatch<TaskField>): number | undefined {
  if (m.fields.has("content") || !m.fields.has("lead") || (m.fields.size < 3 && !m.fields.has("timeframe"))) return undefined;
  const used = new Set(m.fields.values());
  const unnamed: number[] = [];
  for (let c = view.firstCol; c <= view.lastCol; c++) if (!used.has(c) && view.text(row, c) !== "") unnamed.push(c);
  if (m.fields.size >= 4) {
    const naming = unnamed.filter((c) => extraRole(view.text(row, c)) === "other" && namesEachRow(view, row, c));
    const best = longestProse(view, row, naming, 0);
    if (best !== undefined) return best;
  }
  return longestProse(view, row, unnamed, 40);
}

/** The column whose filled cells under the header (up to 30 rows) are longest on average, if longer than `floor`. */
function longestProse(view: SheetView, row: number, cols: number[], floor: number): number | undefined {
  let best: number | undefined;
  let bestLength = floor;
  for (const c of cols) {
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

/** Text cells under the header, each different from the others: the names of the rows. */
function namesEachRow(view: SheetView, row: number, col: number): boolean {
  const seen = new Set<string>();
  let n = 0;
  for (let r = row + 1; r <= Math.min(view.lastRow, row + 30); r++) {
    const t = view.text(r, col);
    if (t === "") continue;
    n++;
    seen.add(t);
  }
  return n >= 2 && seen.size >= 0.8 * n && cellsBelow(view, row, col, NUMBER_REFERENCES).share < 0.5;
}

const NUMBER_REFERENCES = /^[\d\s.,;\-–]+$/;
const SMALL_NUMBER = /^\d{1,3}\.?$/;

/** The share of the filled cells under the header (up to 30 rows) that match, and how many are filled. */
function cellsBelow(view: SheetView, row: number, col: number, re: RegExp): { share: number; n: number } {
  let n = 0;
  let hits = 0;
  for (let r = row + 1; r <= Math.min(view.lastRow, row + 30); r++) {
    const t = view.text(r, col);
    if (t === "") continue;
    n++;
    if (re.test(t)) hits++;
  }
  return { share: n === 0 ? 0 : hits / n, n };
}

/**
 * The content column holds the text of the tasks. A column whose header names them ("Nhiệm vụ của Chính phủ",
 * "Chỉ tiêu (Phụ lục I)") but whose cells are the numbers of tasks or indicators ("14, 26", "7") is not it: another
 * content column of the header is, or the one inferred from the prose; a column of plain numbers left of it,
 * with no STT column named, is the numbering.
 */
function proseContent(view: SheetView, row: number, m: RowMatch<TaskField>): void {
  const col = m.fields.get("content")!;
  const numbers = cellsBelow(view, row, col, NUMBER_REFERENCES);
  if (numbers.n < 2 || numbers.share < 0.8) return;
  m.fields.delete("content");
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    if (c === col || headerField(view.text(row, c)) !== "content") continue;
    const other = cellsBelow(view, row, c, NUMBER_REFERENCES);
    if (other.n > 0 && other.share < 0.5) {
      m.fields.set("content", c);
      break;
    }
  }
  const content = m.fields.get("content");
  if (!m.fields.has("stt") && content !== undefined && col < content && cellsBelow(view, row, col, SMALL_NUMBER).share >= 0.8)
    m.fields.set("stt", col);
}

/** The task table header starting on this row, or null. */
export function taskHeaderAt(view: SheetView, r: number): TaskHeader | null {
  const m = matchRow(view, r, headerField);
  if (m.fields.has("content")) proseContent(view, r, m);
  const inferred = isHeaderRow(m) ? undefined : inferContent(view, r, m);
  if (inferred !== undefined) m.fields.set("content", inferred);
  else if (!isHeaderRow(m)) return null;
  let rows = 1;
  const columns = new Map(m.fields);
  // A second header row names sub-columns under a merged parent ("Cơ quan thực hiện" › "Chủ trì" | "Phối hợp").
  if (r + 1 <= view.lastRow) {
    const next = matchRow(view, r + 1, headerField);
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
  if (rows === 1 && r + 1 <= view.lastRow && isSubHeaderRow(view, r)) rows = 2;
  return headerMatch(view, r, rows, columns, TASK_FIELDS);
}

/**
 * The row under the header names the sub-columns of a merged parent that is not a task field ("Hình thức xử lý" ›
 * "Thay thế | Bãi bỏ | Ban hành mới"), the other header cells merged down over it: part of the header, not a task.
 */
function isSubHeaderRow(view: SheetView, r: number): boolean {
  let own = 0;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    if (view.text(r + 1, c) === "") continue;
    const m = view.mergeAt(r + 1, c);
    if (m && m.top <= r) continue; // a header cell merged down
    const parent = view.mergeAt(r, c);
    if (!parent || parent.right === parent.left || parent.bottom !== r) return false;
    own++;
  }
  return own > 0;
}

/** The first task table header on the sheet, or null. */
export function findHeader(view: SheetView): TaskHeader | null {
  const { first, last } = headerSearchRows(view);
  for (let r = first; r <= last; r++) {
    const h = taskHeaderAt(view, r);
    if (h) return h;
  }
  return null;
}

/** Header wordings a person can recognise, for the no-table message. */
export function lookedForHeaders(): string[] {
  return ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
}

/**
 * True when a row inside the table repeats the header (pages of a table pasted from Word repeat it) or a shorter
 * sub-header: two or more cells name the field of the column they stand in.
 */
export function isRepeatedHeader(texts: ReadonlyArray<string>, fieldsByIndex: ReadonlyArray<string | null>): boolean {
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
  TASK_VARIANTS.map((v) => v.variant)
    .concat(EXTRA_WORDINGS)
    .concat(["san pham dau ra", "san pham du kien", "ket qua du kien"]),
);

/** Header cells are short; a longer cell is task text and is not folded at all. */
const MAX_HEADER_LENGTH = 60;

/**
 * What a cell says as a header: the field it names (by prefix) and whether the whole cell is a header wording
 * (not a task that merely starts with "Nội dung …"). Memoised: every row of a table is asked.
 */
function headerWording(text: string): { field: TaskField | null; exact: boolean } | null {
  if (text.length > MAX_HEADER_LENGTH) return null;
  // A cell that starts with a digit keeps it first in its key, and no wording starts with one: every task's STT would
  // otherwise be folded and remembered, and a long table's numbers would push the real wordings out of the memo.
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57 && !SOME_WORDING_STARTS_WITH_DIGIT) return null;
  return wordingMemo(text);
}

const SOME_WORDING_STARTS_WITH_DIGIT = [...EXACT_WORDINGS, ...TASK_VARIANTS.map((v) => v.variant)].some((w) => /^\d/.test(w));

const wordingMemo = memoize((text: string) => {
  const key = headerKey(foldKey(text));
  const field = matchHeader(key, TASK_VARIANTS);
  const exact = EXACT_WORDINGS.has(key);
  return field === null && !exact ? null : { field, exact };
});
