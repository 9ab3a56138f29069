/**
 * The first round trip of a read: where the cells are, which columns each row block uses, which cells are not plain
 * text (numbers, booleans, formulas, error values: the only ones whose number format, formula or type changes what
 * the cell means) and, on the web, the first rows' values as a sample of what a row costs. Everything here is small
 * next to the cells themselves, so the round trips after it carry values alone.
 */
import { rangeAddress } from "../core/sheet/grid";
import { excelApi } from "./capabilities";
import { Area, parseAddressList } from "./cell-areas";

/**
 * Rows and columns of the sample read in the first round trip on the web: about 3.5 MB of a table of Vietnamese task
 * text, so that round trip carries its share of the values. A sample Excel refuses as too large costs that round
 * trip, and the read goes on without one.
 */
export const SAMPLE_ROWS = 10_000;
export const SAMPLE_COLUMNS = 10;

/** Columns whose used rows are asked for one by one; a wider table is read in full beyond them. */
export const EXTENT_COLUMNS = 32;

/** The cells that are not text, as Excel's getSpecialCells finds them (ExcelApi 1.9); 1-based sheet areas. */
export interface CellKinds {
  /** Number and boolean constants: their number format is read (a date is a number with a date format). */
  numbers: Area[];
  /** Formulas: their text, value type (an error result) and number format are read. */
  formulas: Area[];
  /** Error constants (#N/A typed in a cell): their value reads as text, their type says it is an error. */
  errors: Area[];
}

export interface Located {
  sheetName: string;
  /** False when the scope holds no cell (an empty sheet); the rest is then meaningless. */
  found: boolean;
  /** 0-based, as Excel's rowIndex and columnIndex. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** The used rows (0-based sheet rows, inclusive) of the scope's first columns, by column offset; null: empty. */
  columnRows: Array<[number, number] | null>;
  /** Null when this Excel has no getSpecialCells (or it failed): every property of every cell is read then. */
  kinds: CellKinds | null;
  /** The values of the scope's first rows (and first columns), when they were read with the rest. */
  sample: unknown[][] | null;
}

export interface LocateOptions {
  kinds: boolean;
  sample: boolean;
}

interface Queued {
  range: Excel.Range;
  active: Excel.Worksheet | null;
  kinds: { numbers: Excel.RangeAreas; formulas: Excel.RangeAreas; errors: Excel.RangeAreas } | null;
  extents: Excel.Range[];
  sample: Excel.Range | null;
}

/** Queues the first round trip's loads on `range` (a proxy that may be a null object). */
export function queueLocate(range: Excel.Range, active: Excel.Worksheet | null, options: LocateOptions): Queued {
  active?.load("name");
  range.load("address, rowIndex, columnIndex, rowCount, columnCount, worksheet/name");
  const kinds = options.kinds
    ? {
        numbers: range.getSpecialCellsOrNullObject("Constants", "LogicalNumbers").load("address"),
        formulas: range.getSpecialCellsOrNullObject("Formulas").load("address"),
        errors: range.getSpecialCellsOrNullObject("Constants", "Errors").load("address"),
      }
    : null;
  // A column that is used only in a title row, or a note far to the right of the table, is read only where used
  // (from ExcelApi 1.4, which has the null objects this needs; before it, every column is read).
  const extents = Array.from({ length: excelApi("1.4") ? EXTENT_COLUMNS : 0 }, (_, c) =>
    range.getCell(0, c).getEntireColumn().getIntersectionOrNullObject(range).getUsedRangeOrNullObject(true).load("rowIndex, rowCount"),
  );
  const sample = options.sample
    ? range
        .getCell(0, 0)
        .getResizedRange(SAMPLE_ROWS - 1, SAMPLE_COLUMNS - 1)
        .getIntersectionOrNullObject(range)
        .load("values, rowCount, columnCount")
    : null;
  return { range, active, kinds, extents, sample };
}

/** A RangeAreas address ("'Phụ lục'!A5:A29, 'Phụ lục'!C7") as areas, the sheet's prefix taken off each part. */
function areasOf(areas: Excel.RangeAreas, prefix: string): Area[] {
  if (areas.isNullObject) return [];
  const parsed = parseAddressList(areas.address.split(prefix).join("").replace(/\$/g, ""));
  if (!parsed) throw new Error(`unreadable address list: ${areas.address.slice(0, 200)}`);
  return parsed;
}

/** What the first round trip found (called after its sync). */
export function located(q: Queued): Located {
  const { range, active } = q;
  if (range.isNullObject) {
    const sheetName = active?.name ?? "";
    return { sheetName, found: false, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, columnRows: [], kinds: null, sample: null };
  }
  const prefix = range.address.slice(0, range.address.lastIndexOf("!") + 1);
  const columnRows = q.extents
    .slice(0, range.columnCount)
    .map((u): [number, number] | null => (u.isNullObject ? null : [u.rowIndex, u.rowIndex + u.rowCount - 1]));
  const kinds = q.kinds
    ? { numbers: areasOf(q.kinds.numbers, prefix), formulas: areasOf(q.kinds.formulas, prefix), errors: areasOf(q.kinds.errors, prefix) }
    : null;
  // A table wider than the sample gets the rest of the sample's rows read with the first chunk.
  const sample = q.sample && !q.sample.isNullObject ? q.sample.values : null;
  return {
    sheetName: range.worksheet.name,
    found: true,
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
    columnRows,
    kinds,
    sample,
  };
}

/** The address of rows [first, end) (0-based sheet rows) over columns [left, right] (0-based, inclusive). */
export function rowsAddress(first: number, end: number, left: number, right: number): string {
  return rangeAddress(first + 1, left + 1, end, right + 1);
}
