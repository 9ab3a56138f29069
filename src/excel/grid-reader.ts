/**
 * Reading a table out of Excel as the engine's Grid: the used range of the active sheet, the selection, or a named
 * Excel table — values, formulas, error values, dates and merged areas. One round trip finds the range and its
 * merges; the cells come in one more, or in row chunks when the answer would pass the web's payload limit.
 */
import { Cell, Grid, MergeArea, rangeAddress } from "../core/sheet/grid";
import { excelApi } from "./capabilities";
import { jsonBytes, Piece, PayloadOptions, payloadBudget, syncPieces } from "./payload";
import { ExcelFailure, toExcelFailure } from "./run";
import { isDateFormat, serialDateText } from "../core/sheet/cell-meaning";

export type ReadScope = { kind: "sheet" } | { kind: "selection" } | { kind: "table"; name: string };

/**
 * Response bytes a cell costs when values, valueTypes, formulas and numberFormat are loaded: its text twice (values
 * and formulas repeat constants) plus the type and format names. Task contents run to a few hundred characters of
 * Vietnamese (two or three bytes each), so a table cell averages about this much; a chunk that Excel still finds
 * too large is read again in halves.
 */
export const READ_BYTES_PER_CELL = 150;

/** Cells per load on any platform: large reads take Excel's memory, and Excel refuses reads of 5 million cells. */
export const MAX_CELLS_PER_READ = 1_000_000;

/**
 * Cells read at most in all: ten times a 100,000-task table. A used range reaching XFD1048576 because of one stray
 * value is 17 billion cells, which no number of round trips reads; the person is asked to select the table instead.
 */
const MAX_CELLS_READ = 10_000_000;

interface Located {
  sheetName: string;
  /** False when the scope holds no cell (an empty sheet); the rest is then meaningless. */
  found: boolean;
  /** 0-based, as Excel's rowIndex and columnIndex. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  merges: MergeArea[] | null;
}

interface Target {
  /** The active sheet, whose name names an empty scope (sheet and selection). */
  active: Excel.Worksheet | null;
  range: Excel.Range;
}

function targetOf(context: Excel.RequestContext, scope: ReadScope): Target {
  switch (scope.kind) {
    case "sheet": {
      const active = context.workbook.worksheets.getActiveWorksheet();
      // Below ExcelApi 1.4 (Office 2016) there is no null object: an empty sheet answers A1, which holds no table.
      if (!excelApi("1.4")) return { active, range: excelApi("1.2") ? active.getUsedRange(true) : active.getUsedRange() };
      return { active, range: active.getUsedRangeOrNullObject(true) };
    }
    case "selection": {
      // The selection is on the active sheet. A selection of whole columns is a million rows: only its part inside
      // the used range is read (from ExcelApi 1.4; before it, the selection as it is).
      const active = context.workbook.worksheets.getActiveWorksheet();
      if (!excelApi("1.4")) return { active, range: context.workbook.getSelectedRange() };
      return { active, range: context.workbook.getSelectedRange().getIntersectionOrNullObject(active.getUsedRange(true)) };
    }
    case "table":
      return { active: null, range: context.workbook.tables.getItem(scope.name).getRange() };
  }
}

const AREA_FIELDS = "areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount";

function mergesOf(areas: Excel.RangeAreas): MergeArea[] {
  if (areas.isNullObject) return [];
  return areas.areas.items.map((a) => ({
    top: a.rowIndex + 1,
    left: a.columnIndex + 1,
    bottom: a.rowIndex + a.rowCount,
    right: a.columnIndex + a.columnCount,
  }));
}

/** Round trip 1: the sheet, where the cells are, and (when asked) their merged areas. */
async function locate(context: Excel.RequestContext, scope: ReadScope, withMerges: boolean): Promise<Located> {
  const { active, range } = targetOf(context, scope);
  active?.load("name");
  range.load("rowIndex, columnIndex, rowCount, columnCount, worksheet/name");
  const merged = withMerges ? range.getMergedAreasOrNullObject().load(AREA_FIELDS) : null;
  await context.sync();
  if (range.isNullObject) {
    return { sheetName: active?.name ?? "", found: false, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, merges: [] };
  }
  return {
    sheetName: range.worksheet.name,
    found: true,
    rowIndex: range.rowIndex,
    columnIndex: range.columnIndex,
    rowCount: range.rowCount,
    columnCount: range.columnCount,
    merges: merged ? mergesOf(merged) : null,
  };
}

/** Excel answers getMergedAreas with an error when a range holds too many merged areas: ask again in row blocks. */
async function mergesInBlocks(context: Excel.RequestContext, at: Located): Promise<MergeArea[]> {
  const block = (first: number, count: number): Piece<MergeArea[]> => ({
    bytes: 0,
    queue() {
      const areas = context.workbook.worksheets
        .getItem(at.sheetName)
        .getRange(rangeAddress(first + 1, at.columnIndex + 1, first + count, at.columnIndex + at.columnCount))
        .getMergedAreasOrNullObject()
        .load(AREA_FIELDS);
      return () => mergesOf(areas);
    },
    split: () =>
      count < 2 ? null : [block(first, Math.floor(count / 2)), block(first + Math.floor(count / 2), count - Math.floor(count / 2))],
  });
  const tooMany = (e: unknown) => toExcelFailure(e).code === "GeneralException";
  const found = await syncPieces(context, [block(at.rowIndex, at.rowCount)], Infinity, tooMany);
  return found.flat();
}

interface CellBlock {
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

/** What a loaded range holds (called after the sync that loaded it). */
function blockOf(loaded: Excel.Range): CellBlock {
  return { values: loaded.values, valueTypes: loaded.valueTypes, formulas: loaded.formulas, numberFormat: loaded.numberFormat };
}

function blockPiece(context: Excel.RequestContext, at: Located, first: number, count: number): Piece<CellBlock> {
  return {
    bytes: count * at.columnCount * READ_BYTES_PER_CELL,
    queue() {
      const address = rangeAddress(first + 1, at.columnIndex + 1, first + count, at.columnIndex + at.columnCount);
      const range = context.workbook.worksheets.getItem(at.sheetName).getRange(address);
      range.load("values, valueTypes, formulas, numberFormat");
      return () => blockOf(range);
    },
    split: () => {
      if (count < 2) return null;
      const half = Math.floor(count / 2);
      return [blockPiece(context, at, first, half), blockPiece(context, at, first + half, count - half)];
    },
  };
}

/**
 * The cells, in as few loads as the budget allows: everything at once on the desktop; on the web, row chunks sized
 * by the bytes a cell is expected to cost, and after each chunk by what the cells read so far did cost.
 */
async function readCells(context: Excel.RequestContext, at: Located, budget: number): Promise<CellBlock[]> {
  const maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_READ / at.columnCount));
  const end = at.rowIndex + at.rowCount;
  const blocks: CellBlock[] = [];
  let perCell = READ_BYTES_PER_CELL;
  for (let first = at.rowIndex; first < end;) {
    const count = Math.min(end - first, maxRows, Math.max(1, Math.floor(budget / (at.columnCount * perCell))));
    const read = await syncPieces(context, [blockPiece(context, at, first, count)], budget);
    for (const b of read) blocks.push(b);
    first += count;
    if (Number.isFinite(budget) && first < end) {
      // A little over the measured cost, so the next chunk stays under the budget when its text runs longer.
      perCell = Math.max(16, (1.1 * read.reduce((n, b) => n + jsonBytes(b), 0)) / (count * at.columnCount));
    }
  }
  return blocks;
}

function withFormat(cell: Cell, format: unknown): Cell {
  if (typeof format === "string" && format !== "" && format !== "General") cell.numberFormat = format;
  return cell;
}

/** One cell as the engine reads it (the same Cell the xlsx reader makes of the same cell). */
export function cellOf(value: unknown, valueType: string, formula: unknown, format: unknown): Cell {
  // range.formulas gives a text cell typed as '=1+1 back as "=1+1", without its apostrophe: a real formula's value
  // is its result, never its own text.
  const isFormula =
    typeof formula === "string" && formula.startsWith("=") && formula.length > 1 && !(valueType === "String" && value === formula);
  let cell: Cell;
  if (valueType === "Error") cell = { value: null, error: String(value) };
  else if (value === "" || value === null || value === undefined) cell = { value: isFormula ? "" : null };
  else if (typeof value === "number") {
    cell =
      typeof format === "string" && isDateFormat(format)
        ? { value: serialDateText(value), isDate: true, numberFormat: format }
        : withFormat({ value }, format);
  } else if (typeof value === "boolean") cell = withFormat({ value }, format);
  else cell = withFormat({ value: String(value) }, format);
  if (isFormula) cell.formula = (formula as string).slice(1);
  return cell;
}

function rowsOf(blocks: CellBlock[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const b of blocks) {
    b.values.forEach((line, r) => {
      const cells = line.map((v, c) => cellOf(v, b.valueTypes[r][c], b.formulas[r][c], b.numberFormat[r][c]));
      let end = cells.length;
      while (end > 0 && cells[end - 1].value === null && !cells[end - 1].error && !cells[end - 1].formula) end--;
      cells.length = end;
      rows.push(cells);
    });
  }
  return rows;
}

export type ReadOptions = PayloadOptions;

/**
 * The scope's cells as a Grid. Two round trips (more when a range holds more merged areas than Excel reports at
 * once, or when the cells must come in chunks to stay under the web's payload limit).
 */
export async function readGrid(context: Excel.RequestContext, scope: ReadScope, options: ReadOptions = {}): Promise<Grid> {
  const withMerges = excelApi("1.13");
  let at: Located;
  try {
    at = await locate(context, scope, withMerges);
  } catch (e) {
    if (!withMerges || toExcelFailure(e).code !== "GeneralException") throw e;
    at = await locate(context, scope, false);
    if (at.found) at.merges = await mergesInBlocks(context, at);
  }
  if (!at.found) return { sheetName: at.sheetName, originRow: 1, originCol: 1, cells: [], merges: [] };
  const cellCount = at.rowCount * at.columnCount;
  if (cellCount > MAX_CELLS_READ) {
    const address = rangeAddress(at.rowIndex + 1, at.columnIndex + 1, at.rowIndex + at.rowCount, at.columnIndex + at.columnCount);
    throw new ExcelFailure(
      "payload",
      `The range to read, ${at.sheetName}!${address}, holds ${cellCount.toLocaleString("en-US")} cells (at most ${MAX_CELLS_READ.toLocaleString("en-US")} are read): select the table and check the selection.`,
      "RangeTooLarge",
      { sheet: at.sheetName },
    );
  }
  const blocks = await readCells(context, at, payloadBudget(options));
  return {
    sheetName: at.sheetName,
    originRow: at.rowIndex + 1,
    originCol: at.columnIndex + 1,
    cells: rowsOf(blocks),
    merges: at.merges ?? [],
  };
}

/** The Excel tables of the workbook, with their sheet and address ("A4:E40"), for the pane's table picker. */
export async function listTables(context: Excel.RequestContext): Promise<Array<{ name: string; sheet: string; address: string }>> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const found = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.load("name"), range: t.getRange().load("address") }));
  if (found.length === 0) return [];
  await context.sync();
  return found.map((t) => ({ name: t.name, sheet: t.sheet.name, address: t.range.address.slice(t.range.address.lastIndexOf("!") + 1) }));
}
