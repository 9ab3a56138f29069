/**
 * "Kiểm tra khi gõ" (issue 16): which changes of the checked sheet concern the table, and what they re-check.
 *
 * A change is read back and re-checked when it falls in the table's columns and starts between the grid's first row
 * (the title above the header gives the plan's period) and the row just below the table (the next task being typed,
 * or a block pasted under it, read down to its last row); anything else on the sheet costs nothing. Rows or cells inserted or deleted move the rows under the checked grid, so those
 * mark the result out of date ("Kiểm tra lại") instead of being patched in. A change that alters the table's shape
 * (header or title edited, a row becoming a heading, the table growing) is checked whole — in memory, from the grid
 * with the change written in, so it costs no more round trips than a change of one cell.
 */
import type { Cell, Grid } from "../core/sheet/grid";
import { parseRange, withCells } from "../core/sheet/grid";
import { findLegacyCells } from "../core/legacy/grid";
import { recheckTaskRows } from "../core/kinds/tasks/recheck";
import type { SheetCheck } from "../core/workbook";
import type { CellArea } from "../excel/live-recheck";
import { checkGrid } from "./workbook-actions";
import type { GridCheckOptions } from "./workbook-actions";

/** Change types that move cells: the checked grid no longer lines up with the sheet. */
const SHIFTS = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);

export function shiftsCells(changeType: string): boolean {
  return SHIFTS.has(changeType);
}

/** The rectangle of an event's address ("A43", "Sheet1!A10:C5009", "$A$1"); null when it is not one (a whole row). */
export function areaOf(address: string): CellArea | null {
  return parseRange(address);
}

/** The table's columns, from the grid's first row to the row below the table: where a change must start to count. */
export function watchedArea(check: SheetCheck, grid: Grid): CellArea | null {
  const table = check.table;
  if (!table) return null;
  return { top: grid.originRow, left: table.header.firstCol, bottom: table.lastRow + 1, right: table.header.lastCol };
}

/** The part of a change to read back: its rows from the grid's first, within the table's columns; null when outside. */
export function touchedArea(change: CellArea, watched: CellArea): CellArea | null {
  const out = {
    top: Math.max(change.top, watched.top),
    left: Math.max(change.left, watched.left),
    bottom: change.bottom,
    right: Math.min(change.right, watched.right),
  };
  return out.top <= out.bottom && out.left <= out.right && out.top <= watched.bottom ? out : null;
}

/** The table's width over the changed rows and one row either side: the cells whose highlight may change. */
export function highlightWindow(changed: CellArea, watched: CellArea): CellArea[] {
  return [{ top: Math.max(watched.top, changed.top - 1), left: watched.left, bottom: changed.bottom + 1, right: watched.right }];
}

export interface Rechecked {
  grid: Grid;
  check: SheetCheck;
  /** Only the touched rows were checked again (false: the whole grid, in memory). */
  rowsOnly: boolean;
}

/**
 * The check after `cells` (read back from `area`) changed: only the touched rows of a task table when its shape
 * held; the whole grid otherwise, and for other kinds of table, legacy-encoded text (its reading depends on the
 * option to convert it) and delegation tables (their totals are the whole table's).
 */
export function recheckChange(previous: SheetCheck, grid: Grid, area: CellArea, cells: Cell[][], options: GridCheckOptions): Rechecked {
  const changed = withCells(grid, area.top, area.left, cells);
  const rows: number[] = [];
  for (let r = area.top; r <= area.bottom; r++) rows.push(r);
  if (previous.kind === "tasks" && !options.convertLegacy) {
    const block: Grid = { sheetName: grid.sheetName, originRow: area.top, originCol: area.left, cells, merges: [] };
    if (findLegacyCells(block).length === 0) {
      const again = recheckTaskRows(previous, changed, rows, options);
      if (again) return { grid: changed, check: again, rowsOnly: true };
    }
  }
  return { grid: changed, check: checkGrid(changed, options), rowsOnly: false };
}
