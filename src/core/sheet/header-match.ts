/**
 * Matching a table's header row, for every kind of table: header cells are folded and matched against each kind's
 * wordings (variants) as prefixes at a word boundary; a header is a row (or two, when a merged parent heads
 * sub-columns) whose cells name enough of the kind's fields. Each kind says which fields it needs (kinds/…/header.ts);
 * the search, the matching and the extra columns are the same for all.
 */
import { memoize } from "../memo/memo";
import { headerCells } from "./header-cells";
import { foldKey } from "./text";
import { SheetView } from "./view";

export interface FieldVariants<F extends string> {
  field: F;
  variants: string[];
}

export type CompiledVariants<F extends string> = ReadonlyArray<{ field: F; variant: string }>;

/** Extra columns that are kept and carried through (products, results, funding, notes, the person to contact). */
/** `monitoring`: the body that follows and guides the task ("Cơ quan theo dõi, hướng dẫn"), tallied apart. */
/** `goal`: what the task aims at ("Mục tiêu"), prose about the task rather than its name. */
export type ExtraRole = "product" | "result" | "goal" | "funding" | "note" | "monitoring" | "contact" | "other";

const EXTRA_HEADER_VARIANTS: FieldVariants<ExtraRole>[] = [
  { field: "product", variants: ["san pham", "output", "outputs", "expected output"] },
  { field: "result", variants: ["ket qua", "chi tieu dat duoc"] },
  { field: "goal", variants: ["muc tieu"] },
  {
    field: "contact",
    variants: [
      "nguoi xu ly",
      "nguoi phu trach",
      "chuyen vien phu trach",
      "nguoi lien he",
      "dau moi lien he",
      "so dien thoai",
      "dien thoai",
      "email",
    ],
  },
  { field: "funding", variants: ["nguon kinh phi", "kinh phi"] },
  { field: "note", variants: ["ghi chu"] },
  { field: "monitoring", variants: ["co quan theo doi", "don vi theo doi", "co quan huong dan, theo doi", "don vi huong dan, theo doi"] },
];

/** How many rows, from the first filled one, a header is looked for in: title blocks are short, but some sheets start low. */
const HEADER_SEARCH_ROWS = 1000;

export interface ExtraColumn {
  col: number;
  header: string;
  role: ExtraRole;
}

/** A table's header: where it is, which column holds each field, and the columns that name no field. */
export interface HeaderMatch<F extends string> {
  /** First header row and number of header rows (2 when a second row names sub-columns). */
  row: number;
  rows: number;
  columns: Partial<Record<F, number>>;
  /** The header text of each mapped column, as written. */
  headers: Partial<Record<F, string>>;
  extras: ExtraColumn[];
  firstCol: number;
  lastCol: number;
}

/**
 * A header cell's key: folded, with what decorates headers dropped — "(*)", "*", a trailing colon, footnote marks
 * ("[1]", "(2)" or superscript digits at the end) — so one mark does not lose the whole column. Underscores read as
 * spaces: a table exported by a script or a database names its columns by ASCII field names ("ten_nhiem_vu",
 * "don_vi_chu_tri", "thoi_han"), which fold to the same words as the Vietnamese header.
 */
export function headerKey(folded: string): string {
  return folded
    .replace(FOOTNOTE_MARKS, " ")
    .replace(/_/g, " ")
    .replace(/\(\*+\)/g, " ")
    .replace(/[:*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const FOOTNOTE_MARKS = /\[\d{1,2}\]|\(\d{1,2}\)\s*$|[\u00b9\u00b2\u00b3\u2070-\u2079]+/g;

/** Index of variants sorted longest first, so "thoi gian du kien hoan thanh" wins over "thoi gian". */
export function compileVariants<F extends string>(list: FieldVariants<F>[]): Array<{ field: F; variant: string }> {
  const flat: Array<{ field: F; variant: string }> = [];
  for (const { field, variants } of list) for (const variant of variants) flat.push({ field, variant });
  return flat.sort((a, b) => b.variant.length - a.variant.length);
}

/** The field whose variant the header starts with (at a word boundary), or null. */
export function matchHeader<F extends string>(key: string, compiled: CompiledVariants<F>): F | null {
  return matchVariant(key, compiled)?.field ?? null;
}

/** The longest variant the header starts with (at a word boundary), with its field. */
function matchVariant<F extends string>(key: string, compiled: CompiledVariants<F>): { field: F; variant: string } | null {
  for (const v of compiled) {
    const { variant } = v;
    if (key === variant) return v;
    if (key.startsWith(variant)) {
      const next = key.charAt(variant.length);
      if (next === " " || next === "/" || next === "," || next === ";" || next === "(" || next === "-" || next === ".") return v;
    }
  }
  return null;
}

/**
 * The field a header cell names, or null, for one kind's variants. Every sheet is scanned for every kind's header,
 * so each distinct text is matched once.
 */
export function fieldMatcher<F extends string>(compiled: CompiledVariants<F>): (text: string) => F | null {
  const memo = memoize((text: string) => {
    const key = headerKey(foldKey(text));
    const field = matchVariant(key, compiled);
    // "Chỉ tiêu đạt được" is a result column although it starts like the content header "Chỉ tiêu".
    const extra = field ? matchVariant(key, EXTRA_VARIANTS) : null;
    return field && !(extra && extra.variant.length > field.variant.length) ? field.field : null;
  });
  return (text) => (text === "" || text.length > 80 ? null : memo(text));
}

const EXTRA_VARIANTS = compileVariants(EXTRA_HEADER_VARIANTS);
export const EXTRA_WORDINGS: readonly string[] = EXTRA_VARIANTS.map((v) => v.variant);

/** The role of a header cell that names no field of the kind: a product, a result, a note … or "other". */
export function extraRole(text: string): ExtraRole {
  return matchHeader(headerKey(foldKey(text)), EXTRA_VARIANTS) ?? "other";
}

export interface RowMatch<F extends string> {
  /** The first column naming each field. */
  fields: Map<F, number>;
  nonEmpty: number;
  matched: number;
}

/** What the cells of one row name, read as a header. */
export function matchRow<F extends string>(view: SheetView, row: number, fieldOf: (text: string) => F | null): RowMatch<F> {
  const fields = new Map<F, number>();
  let nonEmpty = 0;
  let matched = 0;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const t = view.text(row, c);
    if (t === "") continue;
    nonEmpty++;
    const f = fieldOf(t);
    if (f === null) continue;
    matched++;
    if (!fields.has(f)) fields.set(f, c);
  }
  return { fields, nonEmpty, matched };
}

/** The header block of rows row … row+rows-1 with the given field columns; every other header cell is an extra. */
export function headerMatch<F extends string>(
  view: SheetView,
  row: number,
  rows: number,
  columns: Map<F, number>,
  fields: readonly F[],
): HeaderMatch<F> {
  const used = new Set(columns.values());
  const { cells, firstCol, lastCol } = headerCells(view, row, rows);
  const extras: ExtraColumn[] = cells.filter((h) => !used.has(h.col)).map((h) => ({ col: h.col, header: h.text, role: extraRole(h.text) }));
  const headers: Partial<Record<F, string>> = {};
  const cols: Partial<Record<F, number>> = {};
  for (const f of fields) {
    const c = columns.get(f);
    if (c === undefined) continue;
    cols[f] = c;
    headers[f] = view.text(rows === 2 && view.text(row + 1, c) !== "" ? row + 1 : row, c);
  }
  return { row, rows, columns: cols, headers, extras, firstCol, lastCol };
}

/** The rows a header is looked for in. */
export function headerSearchRows(view: SheetView): { first: number; last: number } {
  return { first: view.firstFilledRow, last: Math.min(view.lastRow, view.firstFilledRow + HEADER_SEARCH_ROWS - 1) };
}
