/**
 * The header row of an appendix task table (SPEC 2.1): "STT | Nội dung nhiệm vụ | Cơ quan chủ trì | …".
 */
import {
  compileVariants,
  EXTRA_WORDINGS,
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

/** The task field a header cell names, or null. */
export const headerField: (text: string) => TaskField | null = fieldMatcher(TASK_VARIANTS);

/** A header row names the content and at least the STT or the lead; a weekly schedule ("Ngày | Thời gian | Nội dung") does not. */
function isHeaderRow(m: RowMatch<TaskField>): boolean {
  return m.fields.has("content") && (m.fields.has("stt") || m.fields.has("lead")) && m.fields.size >= 2;
}

/** The task table header starting on this row, or null. */
export function taskHeaderAt(view: SheetView, r: number): TaskHeader | null {
  const m = matchRow(view, r, headerField);
  if (!isHeaderRow(m)) return null;
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
  return headerMatch(view, r, rows, columns, TASK_FIELDS);
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
  return text.length > MAX_HEADER_LENGTH ? null : wordingMemo(text);
}

const wordingMemo = memoize((text: string) => {
  const key = headerKey(foldKey(text));
  const field = matchHeader(key, TASK_VARIANTS);
  const exact = EXACT_WORDINGS.has(key);
  return field === null && !exact ? null : { field, exact };
});
