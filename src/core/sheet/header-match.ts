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

/** Extra columns that are kept and carried through (products, results, funding, notes). */
export type ExtraRole = "product" | "result" | "funding" | "note" | "other";

export const EXTRA_HEADER_VARIANTS: FieldVariants<ExtraRole>[] = [
  { field: "product", variants: ["san pham"] },
  { field: "result", variants: ["ket qua"] },
  { field: "funding", variants: ["nguon kinh phi", "kinh phi"] },
  { field: "note", variants: ["ghi chu"] },
];

/** How many rows, from the first filled one, a header is looked for in: title blocks are short, but some sheets start low. */
export const HEADER_SEARCH_ROWS = 1000;

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

/** A header cell's key: folded, punctuation that decorates headers dropped ("(*)", ":" and numbering). */
export function headerKey(folded: string): string {
  return folded
    .replace(/\(\*+\)/g, " ")
    .replace(/[:*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Index of variants sorted longest first, so "thoi gian du kien hoan thanh" wins over "thoi gian". */
export function compileVariants<F extends string>(list: FieldVariants<F>[]): Array<{ field: F; variant: string }> {
  const flat: Array<{ field: F; variant: string }> = [];
  for (const { field, variants } of list) for (const variant of variants) flat.push({ field, variant });
  return flat.sort((a, b) => b.variant.length - a.variant.length);
}

/** The field whose variant the header starts with (at a word boundary), or null. */
export function matchHeader<F extends string>(key: string, compiled: CompiledVariants<F>): F | null {
  for (const { field, variant } of compiled) {
    if (key === variant) return field;
    if (key.startsWith(variant)) {
      const next = key.charAt(variant.length);
      if (next === " " || next === "/" || next === "," || next === "(" || next === "-" || next === ".") return field;
    }
  }
  return null;
}

/**
 * The field a header cell names, or null, for one kind's variants. Every sheet is scanned for every kind's header,
 * so each distinct text is matched once.
 */
export function fieldMatcher<F extends string>(compiled: CompiledVariants<F>): (text: string) => F | null {
  const memo = memoize((text: string) => matchHeader(headerKey(foldKey(text)), compiled));
  return (text) => (text === "" || text.length > 80 ? null : memo(text));
}

const EXTRA_VARIANTS = compileVariants(EXTRA_HEADER_VARIANTS);
export const EXTRA_WORDINGS: readonly string[] = EXTRA_VARIANTS.map((v) => v.variant);

function extraRole(text: string): ExtraRole {
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
