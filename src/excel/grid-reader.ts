/**
 * Reading a table out of Excel as the engine's Grid: the used range of the active sheet, the selection, or a named
 * Excel table — values, formulas, error values, dates and merged areas. One round trip finds the range, which cells
 * are numbers, formulas or errors, and (on the web) samples the first rows; the values of the used columns follow in
 * one more round trip on the desktop, or in as few as the web's 5 MB payload limit allows, with the number formats
 * of number cells, the formulas and the merged areas read once alongside.
 */
import { Cell, Grid, MergeArea, rangeAddress } from "../core/sheet/grid";
import { excelApi } from "./capabilities";
import { PayloadOptions, payloadBudget, WEB_READ_BUDGET } from "./payload";
import { ExcelFailure, toExcelFailure } from "./run";
import { isDateFormat, serialDateText } from "../core/sheet/cell-meaning";
import { ALL_PROPERTIES_BYTES_PER_CELL, ChunkRead, readChunks } from "./row-chunks";
import { Located, located, queueLocate } from "./table-locator";
import { queueDateSystem } from "./date-system";

export type ReadScope = { kind: "sheet" } | { kind: "selection" } | { kind: "table"; name: string };

/**
 * Response bytes a cell costs when values, valueTypes, formulas and numberFormat are loaded: its text twice (values
 * and formulas repeat constants) plus the type and format names. Task contents run to a few hundred characters of
 * Vietnamese (two or three bytes each), so a table cell averages about this much; a chunk that Excel still finds
 * too large is read again in halves.
 */
export const READ_BYTES_PER_CELL = ALL_PROPERTIES_BYTES_PER_CELL;

/**
 * Cells read at most in all: ten times a 100,000-task table. A used range reaching XFD1048576 because of one stray
 * value is 17 billion cells, which no number of round trips reads; the person is asked to select the table instead.
 */
const MAX_CELLS_READ = 10_000_000;

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

function withFormat(cell: Cell, format: unknown): Cell {
  if (typeof format === "string" && format !== "" && format !== "General") cell.numberFormat = format;
  return cell;
}

/** One cell as the engine reads it (the same Cell the xlsx reader makes of the same cell). */
export function cellOf(value: unknown, valueType: string, formula: unknown, format: unknown, date1904 = false): Cell {
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
        ? { value: serialDateText(value, date1904), isDate: true, numberFormat: format }
        : withFormat({ value }, format);
  } else if (typeof value === "boolean") cell = withFormat({ value }, format);
  else cell = withFormat({ value: String(value) }, format);
  if (isFormula) cell.formula = (formula as string).slice(1);
  return cell;
}

/** The grid's rows from what the chunks read; `sample` holds the first rows' values when they were read first. */
function rowsOf(at: Located, reads: ChunkRead[], date1904: boolean): Cell[][] {
  const rows: Cell[][] = Array.from({ length: at.rowCount }, () => []);
  const at0 = at.columnIndex;
  const formats = new Map<number, string>();
  const formulaOf = new Map<number, { formula: string; valueType: string }>();
  for (const r of reads) {
    for (const [k, v] of r.formats) formats.set(k, v);
    for (const [k, v] of r.formulaOf) formulaOf.set(k, v);
  }
  const errors = new Set<number>();
  for (const a of at.kinds?.errors ?? []) {
    for (let row = a.top - 1; row < a.bottom; row++) for (let col = a.left - 1; col < a.right; col++) errors.add(row * 16384 + col);
  }
  const put = (first: number, left: number, values: unknown[][], full: ChunkRead | null) => {
    values.forEach((line, i) => {
      const row = first + i;
      const cells = rows[row - at.rowIndex];
      for (let c = cells.length; c < left - at.columnIndex; c++) cells.push({ value: null });
      line.forEach((v, j) => {
        const index = left - at0 + j;
        if (full) {
          cells[index] = cellOf(v, String(full.valueTypes![i][j]), full.formulas![i][j], full.numberFormat![i][j], date1904);
          return;
        }
        const key = row * 16384 + left + j;
        const formula = formulaOf.get(key);
        const valueType = formula ? formula.valueType : errors.has(key) ? "Error" : "";
        cells[index] = cellOf(v, valueType, formula?.formula ?? "", formats.get(key) ?? "General", date1904);
      });
    });
  };
  if (at.sample) put(at.rowIndex, at.columnIndex, at.sample, null);
  for (const r of reads) if (r.values) put(r.first, r.left, r.values, at.kinds ? null : r);
  for (const cells of rows) {
    let end = cells.length;
    while (end > 0 && cells[end - 1].value === null && !cells[end - 1].error && !cells[end - 1].formula) end--;
    cells.length = end;
  }
  return rows;
}

export type ReadOptions = PayloadOptions;

/** Round trip 1, from the most it can learn down to where the range is, when this Excel refuses more. */
async function locate(context: Excel.RequestContext, scope: ReadScope, onWeb: boolean): Promise<Located & { date1904: boolean }> {
  const attempts = [
    ...(excelApi("1.9") && onWeb ? [{ kinds: true, sample: true }] : []),
    ...(excelApi("1.9") ? [{ kinds: true, sample: false }] : []),
    { kinds: false, sample: false },
  ];
  for (let i = 0; ; i++) {
    const { active, range } = targetOf(context, scope);
    const queued = queueLocate(range, active, attempts[i]);
    const date1904 = queueDateSystem(context);
    try {
      // One round trip; a second (and third) only when Excel refused the first for asking too much.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return { ...located(queued), date1904: date1904() };
    } catch (e) {
      // A sample too large for the web, or a sheet getSpecialCells cannot answer for: ask for less. A table that is
      // not there, or Excel in cell-edit mode, is not helped by asking again.
      const failure = toExcelFailure(e);
      if (i === attempts.length - 1 || failure.kind === "not-found" || failure.kind === "cell-edit") throw e;
    }
  }
}

/**
 * The scope's cells as a Grid. Two round trips on the desktop; on the web as many more as the values need at the
 * payload budget each (eight for 100,000 rows of Vietnamese task text).
 */
export async function readGrid(context: Excel.RequestContext, scope: ReadScope, options: ReadOptions = {}): Promise<Grid> {
  const budget = payloadBudget(options, WEB_READ_BUDGET);
  const at = await locate(context, scope, Number.isFinite(budget));
  if (!at.found) return { sheetName: at.sheetName, originRow: 1, originCol: 1, cells: [], merges: [], ...dateSystemOf(at.date1904) };
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
  const reads = await readChunks(context, at, budget, at.sample?.length ?? 0, excelApi("1.13"));
  const merges: MergeArea[] = reads.flatMap((r) => r.merges);
  return {
    sheetName: at.sheetName,
    originRow: at.rowIndex + 1,
    originCol: at.columnIndex + 1,
    cells: rowsOf(at, reads, at.date1904),
    merges,
    ...dateSystemOf(at.date1904),
  };
}

/** Only a 1904 workbook says so: a grid in the 1900 system is the same object as before the date system was read. */
const dateSystemOf = (date1904: boolean): Pick<Grid, "date1904"> => (date1904 ? { date1904: true } : {});

/** The Excel tables of the workbook, with their sheet and address ("A4:E40"), for the pane's table picker. */
export async function listTables(context: Excel.RequestContext): Promise<Array<{ name: string; sheet: string; address: string }>> {
  const tables = context.workbook.tables.load("items/name");
  await context.sync();
  const found = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.load("name"), range: t.getRange().load("address") }));
  if (found.length === 0) return [];
  await context.sync();
  return found.map((t) => ({ name: t.name, sheet: t.sheet.name, address: t.range.address.slice(t.range.address.lastIndexOf("!") + 1) }));
}
