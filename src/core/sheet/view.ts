/**
 * Reading cells as text, with merged areas applied (SPEC 2.1 "Merged cells").
 */
import { Cell, eachCellOf, Grid, MergeArea } from "./grid";
import { memoize } from "../memo/memo";
import { isNormalized, normalizeFully } from "./text";

/** Normalised text of a raw string, memoised: tables repeat agency and timeframe texts thousands of times. */
export function cachedNormalize(raw: string): string {
  // Most cells are already normal, and one scan says so for less than a lookup costs. Long texts (task contents) are
  // unique: caching them only costs memory, and at 100,000 tasks the collector's time. Agency, timeframe, header and
  // STT texts, the ones that repeat, are shorter.
  if (isNormalized(raw)) return raw;
  return raw.length > 96 ? normalizeFully(raw) : normalizeMemo(raw);
}

const normalizeMemo = memoize(normalizeFully, 200_000);

/** What a person sees in the cell, normalised (error values as their code, numbers without grouping). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return cachedNormalize(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  return v ? "TRUE" : "FALSE";
}

/**
 * Cell lookup with merges applied: a merged area's value belongs to every row it spans (a lead merged down
 * over three tasks leads each of them), but only to its first column, so a section heading merged across
 * the row stays in one cell instead of appearing under every field.
 */
export interface SheetView {
  readonly grid: Grid;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** The first row with a filled cell (past lastRow on an empty sheet): blank rows above a table are not searched. */
  readonly firstFilledRow: number;
  cell(row: number, col: number): Cell | undefined;
  text(row: number, col: number): string;
  /** The merged area that covers the cell, if any. */
  mergeAt(row: number, col: number): MergeArea | undefined;
  /** True when some merged area in the row spans two or more columns. */
  mergedAcross(row: number): boolean;
}

const KEY_STRIDE = 20_000;

/**
 * Merged areas larger than this are looked up by their bounds instead of cell by cell: a merge over a whole sheet
 * (A12:XFD1048576) must not cost a map entry per cell it covers.
 */
const LARGE_MERGE_CELLS = 4096;

function overlaps(a: MergeArea, b: MergeArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function sheetView(grid: Grid): SheetView {
  const lastRow = grid.originRow + grid.cells.length - 1;
  let width = 0;
  for (const r of grid.cells) if (r.length > width) width = r.length;
  const lastCol = grid.originCol + width - 1;
  const covered = new Map<number, MergeArea>();
  const across = new Set<number>();
  const large: MergeArea[] = [];
  for (const m of grid.merges) {
    // Clip to the grid so a merge that runs past the data cannot make a million phantom cells.
    const top = Math.max(m.top, grid.originRow);
    const left = Math.max(m.left, grid.originCol);
    const bottom = Math.min(m.bottom, lastRow);
    const right = Math.min(m.right, lastCol);
    if (bottom < top || right < left) continue;
    // Areas that overlap cannot both be merged (Excel repairs such a file, ExcelJS refuses it): the first one stands.
    if (large.some((l) => overlaps(l, m))) continue;
    if ((bottom - top + 1) * (right - left + 1) > LARGE_MERGE_CELLS) {
      if (grid.merges.some((o) => o !== m && overlaps(o, m) && covered.has(Math.max(o.top, top) * KEY_STRIDE + Math.max(o.left, left))))
        continue;
      large.push(m);
      continue;
    }
    let free = true;
    for (let r = top; r <= bottom && free; r++) for (let c = left; c <= right; c++) if (covered.has(r * KEY_STRIDE + c)) free = false;
    if (!free) continue;
    if (m.right > m.left) for (let r = top; r <= bottom; r++) across.add(r);
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) covered.set(r * KEY_STRIDE + c, m);
  }
  const inLarge = (row: number, col: number): MergeArea | undefined => {
    for (const m of large) if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    return undefined;
  };
  const raw = (row: number, col: number): Cell | undefined => grid.cells[row - grid.originRow]?.[col - grid.originCol];
  const mergeAt = (row: number, col: number): MergeArea | undefined =>
    (covered.size ? covered.get(row * KEY_STRIDE + col) : undefined) ?? (large.length ? inLarge(row, col) : undefined);
  const cell = (row: number, col: number): Cell | undefined => {
    const m = mergeAt(row, col);
    if (!m) return raw(row, col);
    if (col !== m.left) return undefined;
    return raw(m.top, m.left);
  };
  let firstFilledRow = lastRow + 1;
  for (let i = 0; i < grid.cells.length && firstFilledRow > lastRow; i++) {
    const row = grid.cells[i];
    if (!row) continue;
    let filled = false;
    eachCellOf(row, (c) => {
      if (!filled && cellText(c) !== "") filled = true;
    });
    if (filled) firstFilledRow = grid.originRow + i;
  }
  return {
    grid,
    firstRow: grid.originRow,
    lastRow,
    firstCol: grid.originCol,
    lastCol,
    firstFilledRow,
    cell,
    text: (row, col) => cellText(cell(row, col)),
    mergeAt,
    mergedAcross: (row) => across.has(row) || large.some((m) => m.right > m.left && row >= m.top && row <= m.bottom),
  };
}
