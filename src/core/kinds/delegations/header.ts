/**
 * The header row of a delegation table (SPEC 2.2): "TT | Tên đoàn ra | Trưởng đoàn | Số thành viên | Nước đến …".
 */
import { fieldMatcher, headerKey, HeaderMatch, headerMatch, headerSearchRows, matchRow } from "../../sheet/header-match";
import { foldKey } from "../../sheet/text";
import { SheetView } from "../../sheet/view";
import { DELEGATION_FIELDS, DELEGATION_VARIANTS, DelegationField } from "./fields";

export type DelegationHeader = HeaderMatch<DelegationField>;

/** The delegation field a header cell names, or null. */
const delegationHeaderField: (text: string) => DelegationField | null = fieldMatcher(DELEGATION_VARIANTS);

/**
 * A delegation header names the delegation ("Tên đoàn …") and at least one thing only delegations have: a leader,
 * a member count or a destination. A task table's "Nội dung | Cơ quan chủ trì" never does.
 */
function isDelegationHeader(fields: Map<DelegationField, number>): boolean {
  return fields.has("name") && (fields.has("leader") || fields.has("members") || fields.has("country"));
}

/** The delegation table header starting on this row, or null. */
export function delegationHeaderAt(view: SheetView, r: number): DelegationHeader | null {
  const { fields } = matchRow(view, r, delegationHeaderField);
  if (!isDelegationHeader(fields)) return null;
  // The name cell merged down over two rows means the second row names sub-columns ("Kinh phí" › "Tiền ăn, ở").
  const nameCol = fields.get("name")!;
  const merge = view.mergeAt(r, nameCol);
  const rows = merge && merge.top === r && merge.bottom > r && r + 1 <= view.lastRow ? 2 : 1;
  if (rows === 2) {
    for (const [f, c] of matchRow(view, r + 1, delegationHeaderField).fields) if (!fields.has(f)) fields.set(f, c);
  }
  return headerMatch(view, r, rows, fields, DELEGATION_FIELDS);
}

/** The first delegation table header on the sheet, or null. */
export function findDelegationHeader(view: SheetView): DelegationHeader | null {
  const { first, last } = headerSearchRows(view);
  for (let r = first; r <= last; r++) {
    const h = delegationHeaderAt(view, r);
    if (h) return h;
  }
  return null;
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
