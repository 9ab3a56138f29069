/**
 * Finding the header row of a delegation table (SPEC 2.2): "TT | Tên đoàn ra | Trưởng đoàn | Số thành viên | Nước đến …".
 */
import { headerCells } from "../../sheet/header-cells";
import { SheetView } from "../../sheet/view";
import { DELEGATION_FIELDS, DELEGATION_VARIANTS, DelegationField } from "./fields";
import { headerKey, matchHeader } from "../tasks/fields";
import { HEADER_SEARCH_ROWS } from "../tasks/header";
import { foldKey } from "../../sheet/text";

export interface DelegationHeader {
  /** First header row and number of header rows (2 when a merged parent heads sub-columns). */
  row: number;
  rows: number;
  columns: Partial<Record<DelegationField, number>>;
  /** The header text of each mapped column, as written. */
  headers: Partial<Record<DelegationField, string>>;
  /** Columns that name no delegation field ("Phương tiện đi lại", "Cộng (7+8+9)"): kept and carried through. */
  extras: Array<{ col: number; header: string }>;
  firstCol: number;
  lastCol: number;
}

/** The delegation field a header cell names, or null. */
export function delegationHeaderField(text: string): DelegationField | null {
  if (text === "" || text.length > 80) return null;
  // Every sheet is scanned for this header, most of them task tables: each distinct text is matched once.
  let f = fieldMemo.get(text);
  if (f === undefined) {
    f = matchHeader(headerKey(foldKey(text)), DELEGATION_VARIANTS);
    if (fieldMemo.size >= 50_000) fieldMemo.clear();
    fieldMemo.set(text, f);
  }
  return f;
}

const fieldMemo = new Map<string, DelegationField | null>();

function matchRow(view: SheetView, row: number): Map<DelegationField, number> {
  const fields = new Map<DelegationField, number>();
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const f = delegationHeaderField(view.text(row, c));
    if (f !== null && !fields.has(f)) fields.set(f, c);
  }
  return fields;
}

/**
 * A delegation header names the delegation ("Tên đoàn …") and at least one thing only delegations have: a leader,
 * a member count or a destination. A task table's "Nội dung | Cơ quan chủ trì" never does.
 */
function isDelegationHeader(fields: Map<DelegationField, number>): boolean {
  return fields.has("name") && (fields.has("leader") || fields.has("members") || fields.has("country"));
}

export function findDelegationHeader(view: SheetView): DelegationHeader | null {
  const last = Math.min(view.lastRow, view.firstFilledRow + HEADER_SEARCH_ROWS - 1);
  for (let r = view.firstFilledRow; r <= last; r++) {
    const fields = matchRow(view, r);
    if (!isDelegationHeader(fields)) continue;
    // The name cell merged down over two rows means the second row names sub-columns ("Kinh phí" › "Tiền ăn, ở").
    const nameCol = fields.get("name")!;
    const merge = view.mergeAt(r, nameCol);
    const rows = merge && merge.top === r && merge.bottom > r && r + 1 <= view.lastRow ? 2 : 1;
    if (rows === 2) {
      for (const [f, c] of matchRow(view, r + 1)) if (!fields.has(f)) fields.set(f, c);
    }
    return buildHeader(view, r, rows, fields);
  }
  return null;
}

function buildHeader(view: SheetView, row: number, rows: number, fields: Map<DelegationField, number>): DelegationHeader {
  const used = new Set(fields.values());
  const { cells, firstCol, lastCol } = headerCells(view, row, rows);
  const extras: DelegationHeader["extras"] = cells.filter((h) => !used.has(h.col)).map((h) => ({ col: h.col, header: h.text }));
  const columns: Partial<Record<DelegationField, number>> = {};
  const headers: Partial<Record<DelegationField, string>> = {};
  for (const f of DELEGATION_FIELDS) {
    const c = fields.get(f);
    if (c === undefined) continue;
    columns[f] = c;
    headers[f] = view.text(rows === 2 && view.text(row + 1, c) !== "" ? row + 1 : row, c);
  }
  return { row, rows, columns, headers, extras, firstCol, lastCol };
}

const EXACT_WORDINGS = new Map(DELEGATION_VARIANTS.map((v) => [v.variant, v.field]));

/**
 * A row inside the table that repeats the header: two or more cells, and at least half of the row, are the
 * header's own words for their column. Whole-cell matches only, so a delegation led by a "Trưởng đoàn" and named
 * "Đoàn công tác …" is not taken for a header.
 */
export function isRepeatedDelegationHeader(
  texts: ReadonlyArray<string>,
  fieldsByIndex: ReadonlyArray<DelegationField | null>,
  headerTexts: ReadonlyArray<string>,
): boolean {
  let hits = 0;
  let nonEmpty = 0;
  for (let i = 0; i < texts.length; i++) {
    if (texts[i] === "") continue;
    // A numbered row is a delegation, whatever its cells say.
    if (fieldsByIndex[i] === "stt" && /^\d+[.)]?$/.test(texts[i])) return false;
    nonEmpty++;
    const key = headerKey(foldKey(texts[i]));
    const f = fieldsByIndex[i];
    if (key === headerKey(foldKey(headerTexts[i] ?? "")) || (f !== null && EXACT_WORDINGS.get(key) === f)) hits++;
  }
  return hits >= 2 && hits * 2 >= nonEmpty;
}

/** Header wordings a person can recognise, for messages. */
export function lookedForDelegationHeaders(): string[] {
  return ["TT", "Tên đoàn ra/vào", "Trưởng đoàn", "Số thành viên", "Nước đến / Quốc gia / Tổ chức", "Thời gian thực hiện"];
}
