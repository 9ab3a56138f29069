/**
 * What task and delegation tables share about their header block and cells: the header cells across one or two
 * header rows, and the cells of a row that need a word (formulas, error values).
 */
import { Cell } from "./grid";
import { SheetView } from "./view";

export interface HeaderCell {
  col: number;
  /** The header's text; a cell under a merged parent reads "Parent / Child". */
  text: string;
}

/** The non-empty header cells of rows row … row+rows-1, column by column, with the span they cover. */
export function headerCells(view: SheetView, row: number, rows: number): { cells: HeaderCell[]; firstCol: number; lastCol: number } {
  const cells: HeaderCell[] = [];
  let firstCol = Infinity;
  let lastCol = -Infinity;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    let text = "";
    for (let r = row; r < row + rows; r++) {
      const t = view.text(r, c);
      if (t !== "" && !text.includes(t)) text = text ? `${text} / ${t}` : t;
    }
    if (text === "") continue;
    firstCol = Math.min(firstCol, c);
    lastCol = Math.max(lastCol, c);
    cells.push({ col: c, text });
  }
  return { cells, firstCol, lastCol };
}

export interface FlaggedCell {
  /** The field, or an extra column's header. */
  field: string;
  col: number;
  cell: Cell;
}

/** Cells of the row, in the given columns, that hold a formula or an error value. */
export function flaggedCells(view: SheetView, row: number, columns: ReadonlyArray<{ field: string; col: number }>): FlaggedCell[] {
  const out: FlaggedCell[] = [];
  for (const { field, col } of columns) {
    const cell = view.cell(row, col);
    if (cell && (cell.error || cell.formula)) out.push({ field, col, cell });
  }
  return out;
}

/** Field columns then extra columns, as flaggedCells wants them. */
export function flaggableColumns(
  columns: Partial<Record<string, number>>,
  extras: ReadonlyArray<{ col: number; header: string }>,
): Array<{ field: string; col: number }> {
  const out: Array<{ field: string; col: number }> = [];
  for (const [field, col] of Object.entries(columns)) if (col !== undefined) out.push({ field, col });
  for (const e of extras) out.push({ field: e.header, col: e.col });
  return out;
}

/** For each column of a table starting at firstCol, the field it holds, or null for an extra column. */
export function fieldsByColumn<F extends string>(columns: Partial<Record<F, number>>, firstCol: number, width: number): Array<F | null> {
  const out: Array<F | null> = new Array(width).fill(null);
  for (const [field, col] of Object.entries(columns) as Array<[F, number | undefined]>) if (col !== undefined) out[col - firstCol] = field;
  return out;
}
