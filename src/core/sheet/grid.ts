/**
 * The grid the engine reads: what both the Office.js reader and the ExcelJS reader produce.
 * Coordinates are 1-based sheet coordinates, as Excel shows them.
 */

/** A cell as read from a workbook. `value` is what Excel shows (the cached result for formulas). */
export interface Cell {
  value: string | number | boolean | null;
  /** The formula text without its leading "=", when the cell holds one. */
  formula?: string;
  /** An error value such as "#N/A" or "#REF!"; `value` is then null. */
  error?: string;
  /** The cell's number format, when it is not "General" (used to read dates). */
  numberFormat?: string;
  /** The value was a date; `value` holds its display text (d/m/yyyy). */
  isDate?: boolean;
}

/** The cell of a hole in a sparse row: frozen, so one object serves every hole. */
export const EMPTY_CELL: Cell = Object.freeze({ value: null }) as Cell;

/** A merged area, inclusive, 1-based. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheetName: string;
  /** Sheet row and column of cells[0][0]. */
  originRow: number;
  originCol: number;
  /** Rows of cells; rows may be shorter than `width`. */
  cells: Cell[][];
  merges: MergeArea[];
  /** Rows the user has hidden or filtered out, by sheet row number. */
  hiddenRows?: number[];
  /** Title text that sits above the grid but not in its cells (the paragraphs above a Word table), line by line. */
  textAbove?: string;
  /** True when the workbook counts dates in the 1904 system (its dates are already read as text through it). */
  date1904?: boolean;
}

/** Past this length a row is walked by the cells it holds, not by its length. */
const SPARSE_ROW = 1024;

/**
 * The cells a row holds, with their 0-based index, in column order. Rows read from files are sparse (a stray value in
 * column XFD is one cell and a row of length 16,384): walking such a row costs its cells, not its length.
 */
export function eachCellOf<C = Cell>(row: ReadonlyArray<C | undefined>, fn: (cell: C, index: number) => void): void {
  if (row.length <= SPARSE_ROW) {
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      if (c !== undefined) fn(c, i);
    }
    return;
  }
  for (const key of Object.keys(row)) {
    const i = Number(key);
    const c = row[i];
    if (c !== undefined && Number.isInteger(i)) fn(c, i);
  }
}

export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const row of grid.cells) if (row.length > w) w = row.length;
  return w;
}

/** Column letters for a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number for letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  return `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;
}

/** Parse "B7" or "$B$7" into 1-based row and column; null if it is not an address. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "B3:D7", "B3" or "Sheet1!$B$3:$D$7" as an area, corners in either order; null when it is not a range of cells. */
export function parseRange(ref: string): MergeArea | null {
  const [a, b = a] = ref.replace(/\$/g, "").split("!").pop()!.split(":");
  const from = parseAddress(a);
  const to = parseAddress(b);
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/** Builds a grid from plain rows of strings (tests, TSV fixtures, pasted data). */
export function gridFromRows(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, sheetName = "Sheet1"): Grid {
  return {
    sheetName,
    originRow: 1,
    originCol: 1,
    cells: rows.map((r) => r.map((v) => ({ value: v === "" ? null : v }))),
    merges: [],
  };
}

/**
 * The grid with a block of cells written in, its top-left cell at sheet row `top`, column `left` (a change read back
 * from the sheet). Rows and columns past the grid's end are added; cells above or left of its origin are left out.
 * Only the rows written are copied: the grid given is not changed.
 */
export function withCells(grid: Grid, top: number, left: number, block: ReadonlyArray<ReadonlyArray<Cell>>): Grid {
  const cells = grid.cells.slice();
  block.forEach((line, i) => {
    const r = top + i - grid.originRow;
    if (r < 0) return;
    while (cells.length <= r) cells.push([]);
    const row = cells[r].slice();
    line.forEach((cell, j) => {
      const c = left + j - grid.originCol;
      if (c < 0) return;
      while (row.length < c) row.push(EMPTY_CELL);
      row[c] = cell;
    });
    let end = row.length;
    while (end > 0 && isBare(row[end - 1])) end--;
    row.length = end;
    cells[r] = row;
  });
  return { ...grid, cells };
}

const isBare = (cell: Cell | undefined) => cell === undefined || (cell.value === null && !cell.error && !cell.formula);
