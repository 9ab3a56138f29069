/**
 * The Excel object model of the stand-in: Workbook, Worksheet(s), Range, RangeAreas, formats,
 * tables, charts, settings, custom XML parts. Each class is a proxy (see request-context.ts): methods
 * and setters queue actions, `load` queues reads, and everything happens at `context.sync()`.
 * Callers written against @types/office-js cast: `context as unknown as Excel.RequestContext`.
 */

import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  boundingRect,
  cellCountOf,
  columnCountOf,
  intersection,
  isEntireColumns,
  isEntireRows,
  isInsideSheet,
  parseRangeRef,
  qualifiedAddress,
  rect,
  rowCountOf,
  splitAreas,
} from "./addresses";
import { CellEntry, EntryRejected, interpretEntry, interpretFormulaEntry } from "./cell-entry";
import { normalizeColor } from "./colors";
import { DataValidation } from "./data-validation";
import { displayText } from "./number-format";
import type { ChangedHandler, SheetEventRegistry } from "./events";
import { officeError } from "./office-errors";
import { ClientCollection, ClientObject, ClientRequestContext, ClientResult, Exec, HostRuntime, missing } from "./request-context";
import {
  BorderSide,
  CellFormat,
  ChartModel,
  CustomXmlPartModel,
  DEFAULT_FORMAT,
  Hyperlink,
  ModelError,
  STANDARD_HEIGHT,
  SheetModel,
  TableModel,
  WorkbookModel,
  hasContent,
} from "./workbook-model";

/** Excel answers cell-level reads of at most five million cells. */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Excel refuses a multi-area address longer than this (Worksheet.getRanges). */
export const MAX_AREAS_ADDRESS_LENGTH = 8192;
/** getMergedAreasOrNullObject fails when a range holds more merged areas than this. */
export const MAX_MERGED_AREAS = 512;

export interface RangeEntity {
  sheet: SheetModel;
  rect: Rect;
}

export interface AreasEntity {
  sheet: SheetModel;
  areas: Rect[];
}

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];
const CLEAR_APPLY_TO = ["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"];
const UNDERLINES = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];
const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];
const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHTS = ["Hairline", "Thin", "Medium", "Thick"];

export const CHART_TYPES = [
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "3DColumnClustered",
  "3DColumnStacked",
  "3DColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "3DBarClustered",
  "3DBarStacked",
  "3DBarStacked100",
  "LineStacked",
  "LineStacked100",
  "LineMarkers",
  "LineMarkersStacked",
  "LineMarkersStacked100",
  "PieOfPie",
  "PieExploded",
  "3DPieExploded",
  "BarOfPie",
  "XYScatterSmooth",
  "XYScatterSmoothNoMarkers",
  "XYScatterLines",
  "XYScatterLinesNoMarkers",
  "AreaStacked",
  "AreaStacked100",
  "3DAreaStacked",
  "3DAreaStacked100",
  "DoughnutExploded",
  "RadarMarkers",
  "RadarFilled",
  "Surface",
  "SurfaceWireframe",
  "SurfaceTopView",
  "SurfaceTopViewWireframe",
  "Bubble",
  "Bubble3DEffect",
  "StockHLC",
  "StockOHLC",
  "StockVHLC",
  "StockVOHLC",
  "CylinderColClustered",
  "CylinderColStacked",
  "CylinderColStacked100",
  "CylinderBarClustered",
  "CylinderBarStacked",
  "CylinderBarStacked100",
  "CylinderCol",
  "ConeColClustered",
  "ConeColStacked",
  "ConeColStacked100",
  "ConeBarClustered",
  "ConeBarStacked",
  "ConeBarStacked100",
  "ConeCol",
  "PyramidColClustered",
  "PyramidColStacked",
  "PyramidColStacked100",
  "PyramidBarClustered",
  "PyramidBarStacked",
  "PyramidBarStacked100",
  "PyramidCol",
  "3DColumn",
  "Line",
  "3DLine",
  "3DPie",
  "Pie",
  "XYScatter",
  "3DArea",
  "Area",
  "Doughnut",
  "Radar",
  "Histogram",
  "Boxwhisker",
  "Pareto",
  "RegionMap",
  "Treemap",
  "Waterfall",
  "Sunburst",
  "Funnel",
];

function invalid(detail?: string): ModelError {
  return new ModelError("InvalidArgument", detail);
}

function ensureWritable(sheet: SheetModel): void {
  if (sheet.protection.protected) throw new ModelError("AccessDenied", `the sheet "${sheet.name}" is protected`);
}

function sheetStillThere(sheet: SheetModel, x: Exec): boolean {
  return x.workbook.sheets.includes(sheet);
}

function address(e: RangeEntity): string {
  return qualifiedAddress(e.sheet.name, e.rect);
}

/** Parses an address given to a worksheet; a sheet prefix must name that worksheet. */
function rectOn(sheet: SheetModel, text: unknown): Rect {
  if (typeof text !== "string") throw invalid("the address must be text");
  const ref = parseRangeRef(text);
  if (!ref) throw invalid(`"${text}" is not an address`);
  if (ref.sheet !== undefined && ref.sheet.toUpperCase() !== sheet.name.toUpperCase()) {
    throw invalid(`"${text}" is not on the sheet "${sheet.name}"`);
  }
  return ref.rect;
}

/** Checks a 2D payload against a range's shape; a single value is applied to every cell. */
function matrixAccessor(wire: unknown, rows: number, cols: number): (r: number, c: number) => unknown {
  if (Array.isArray(wire)) {
    if (wire.length !== rows) {
      throw invalid(`the array has ${wire.length} rows, the range has ${rows}`);
    }
    for (const row of wire) {
      if (!Array.isArray(row) || row.length !== cols) {
        throw invalid(`each row of the array must have ${cols} values, one has ${Array.isArray(row) ? row.length : "none"}`);
      }
    }
    return (r, c) => (wire[r] as unknown[])[c];
  }
  if (wire === null || wire === undefined || typeof wire === "object") throw invalid("expected a two-dimensional array");
  return () => wire;
}

function guardReadSize(r: Rect): void {
  if (cellCountOf(r) > MAX_CELLS_PER_READ) throw new ModelError("RangeExceedsLimit");
}

function readMatrix<T>(e: RangeEntity, cell: (row: number, col: number) => T): T[][] {
  guardReadSize(e.rect);
  const out: T[][] = new Array(rowCountOf(e.rect));
  for (let row = e.rect.top, i = 0; row <= e.rect.bottom; row++, i++) {
    const line: T[] = new Array(columnCountOf(e.rect));
    for (let col = e.rect.left, j = 0; col <= e.rect.right; col++, j++) line[j] = cell(row, col);
    out[i] = line;
  }
  return out;
}

function writeEntries(
  e: RangeEntity,
  wire: unknown,
  interpret: (input: unknown, format: string, year: number) => CellEntry,
  x: Exec,
): void {
  ensureWritable(e.sheet);
  if (wire === "" && !Array.isArray(wire)) {
    e.sheet.clear(e.rect, "Contents");
    return;
  }
  const rows = rowCountOf(e.rect);
  const cols = columnCountOf(e.rect);
  const at = matrixAccessor(wire, rows, cols);
  const pending: Array<[number, number, CellEntry]> = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const input = at(i, j);
      if (input === null || input === undefined) continue; // null leaves the cell as it is
      const row = e.rect.top + i;
      const col = e.rect.left + j;
      try {
        pending.push([row, col, interpret(input, e.sheet.numberFormatAt(row, col), x.host.currentYear)]);
      } catch (err) {
        if (err instanceof EntryRejected) throw invalid(`${qualifiedAddress(e.sheet.name, rect(row, col, row, col))}: ${err.message}`);
        throw err;
      }
    }
  }
  for (const [row, col, entry] of pending) e.sheet.writeEntry(row, col, entry);
}

/** A cell's value as the API reports it, and whether it is an error (constant or computed). */
function resultOf(
  wb: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  memo: Map<string, never>,
): { value: string | number | boolean; isError: boolean; empty: boolean } {
  const c = sheet.get(row, col);
  if (!c || !hasContent(c)) return { value: "", isError: false, empty: true };
  if (c.formula !== undefined) {
    const v = wb.cellValue(sheet, row, col, memo);
    if (v === null) return { value: 0, isError: false, empty: false };
    return typeof v === "object" ? { value: v.error, isError: true, empty: false } : { value: v, isError: false, empty: false };
  }
  if (c.error !== undefined) return { value: c.error, isError: true, empty: false };
  return { value: c.value ?? "", isError: false, empty: false };
}

function valueTypeOf(r: ReturnType<typeof resultOf>): string {
  if (r.empty) return "Empty";
  if (r.isError) return "Error";
  if (typeof r.value === "number") return "Double";
  if (typeof r.value === "boolean") return "Boolean";
  return "String";
}

/** Same value over every cell of the areas, or null when they differ (as Excel reports mixed formats). */
function uniform<T>(e: AreasEntity, pick: (f: CellFormat) => T): T | null {
  let first = true;
  let result: T | null = null;
  const consider = (v: T): boolean => {
    if (first) {
      result = v;
      first = false;
      return true;
    }
    return v === result;
  };
  for (const area of e.areas) {
    if (cellCountOf(area) <= 1_000_000) {
      for (let row = area.top; row <= area.bottom; row++) {
        for (let col = area.left; col <= area.right; col++) if (!consider(pick(e.sheet.effectiveFormat(row, col)))) return null;
      }
      continue;
    }
    let ok = true;
    e.sheet.forEachStored(area, (row, col) => {
      if (ok && !consider(pick(e.sheet.effectiveFormat(row, col)))) ok = false;
    });
    if (!ok) return null;
    for (let col = area.left; col <= area.right && col <= area.left + 16383; col++) {
      if (!consider(pick(e.sheet.columnFormats.get(col) ?? {}))) return null;
    }
  }
  return result;
}

function uniformNumber(values: Iterable<number>): number | null {
  let result: number | null = null;
  for (const v of values) {
    if (result === null) result = v;
    else if (result !== v) return null;
  }
  return result;
}

function* indexes(from: number, to: number): Generator<number> {
  for (let i = from; i <= to; i++) yield i;
}

function columnWidthOf(e: AreasEntity): number | null {
  const widths: number[] = [];
  for (const a of e.areas) for (const c of indexes(a.left, a.right)) widths.push(e.sheet.columnWidth(c));
  return uniformNumber(widths);
}

function rowHeightOf(e: AreasEntity): number | null {
  const heights: number[] = [];
  for (const a of e.areas) {
    if (rowCountOf(a) > 100_000) {
      heights.push(e.sheet.defaultRowHeight);
      for (const [row, h] of e.sheet.rowHeights) if (row >= a.top && row <= a.bottom) heights.push(h);
    } else for (const r of indexes(a.top, a.bottom)) heights.push(e.sheet.rowHeight(r));
  }
  return uniformNumber(heights);
}

function formatAreas(e: AreasEntity, patch: CellFormat): void {
  ensureWritable(e.sheet);
  for (const a of e.areas) e.sheet.applyFormat(a, patch);
}

function textWidthPoints(text: string, bold: boolean): number {
  const longest = text.split("\n").reduce((m, line) => Math.max(m, line.length), 0);
  return Math.min(409, Math.ceil(longest * (bold ? 6.2 : 5.6) + 6));
}

// ─── Range ──────────────────────────────────────────────────────────────────────────────────────────

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "columnHidden",
  "columnIndex",
  "formulas",
  "formulasLocal",
  "hidden",
  "isEntireColumn",
  "isEntireRow",
  "numberFormat",
  "numberFormatLocal",
  "rowCount",
  "rowHidden",
  "rowIndex",
  "text",
  "valueTypes",
  "values",
  "hyperlink",
];

export class Range extends ClientObject {
  private _format?: RangeFormat;
  private _dataValidation?: DataValidation;
  private _worksheet?: Worksheet;

  get _className(): string {
    return "Range";
  }

  _scalarNames(): string[] {
    return RANGE_SCALARS;
  }

  override _stillValid(entity: unknown, x: Exec): boolean {
    return sheetStillThere((entity as RangeEntity).sheet, x);
  }

  override _navigation(name: string): ClientObject | undefined {
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    if (name === "dataValidation") return this.dataValidation;
    return undefined;
  }

  _entity(x: Exec): RangeEntity | null {
    return this._resolve(x) as RangeEntity | null;
  }

  _read(name: string, entity: unknown, x: Exec): unknown {
    const e = entity as RangeEntity;
    const { sheet, rect: r } = e;
    const wb = x.workbook;
    switch (name) {
      case "address":
      case "addressLocal":
        return address(e);
      case "cellCount":
        return cellCountOf(r);
      case "rowCount":
        return rowCountOf(r);
      case "columnCount":
        return columnCountOf(r);
      case "rowIndex":
        return r.top;
      case "columnIndex":
        return r.left;
      case "isEntireColumn":
        return isEntireColumns(r);
      case "isEntireRow":
        return isEntireRows(r);
      case "values": {
        const memo = new Map<string, never>();
        return readMatrix(e, (row, col) => resultOf(wb, sheet, row, col, memo).value);
      }
      case "formulas":
      case "formulasLocal":
        return readMatrix(e, (row, col) => {
          const c = sheet.get(row, col);
          if (!c) return "";
          if (c.formula !== undefined) return c.formula;
          if (c.error !== undefined) return c.error;
          // Excel drops the apostrophe prefix here: '=1+1 reads back as "=1+1".
          return c.value ?? "";
        });
      case "numberFormat":
      case "numberFormatLocal":
        return readMatrix(e, (row, col) => sheet.numberFormatAt(row, col));
      case "text": {
        const memo = new Map<string, never>();
        return readMatrix(e, (row, col) => {
          const c = sheet.get(row, col);
          if (!c) return "";
          const v = c.formula !== undefined ? wb.cellValue(sheet, row, col, memo) : c.error !== undefined ? { error: c.error } : c.value;
          if (v !== null && typeof v === "object") return v.error;
          return displayText(v, undefined, sheet.numberFormatAt(row, col));
        });
      }
      case "valueTypes": {
        const memo = new Map<string, never>();
        return readMatrix(e, (row, col) => valueTypeOf(resultOf(wb, sheet, row, col, memo)));
      }
      case "hidden":
      case "rowHidden":
      case "columnHidden": {
        const rowsHidden = allOrNone(r.top, r.bottom, (i) => sheet.hiddenRows.has(i));
        const colsHidden = allOrNone(r.left, r.right, (i) => sheet.hiddenColumns.has(i));
        if (name === "rowHidden") return rowsHidden;
        if (name === "columnHidden") return colsHidden;
        return rowsHidden === true || colsHidden === true ? true : rowsHidden === false && colsHidden === false ? false : null;
      }
      case "hyperlink": {
        const link = sheet.get(r.top, r.left)?.hyperlink;
        return link ? { ...link } : null;
      }
      default:
        return undefined;
    }
  }

  get format(): RangeFormat {
    if (!this._format) {
      this._format = this._child(
        new RangeFormat(this.context, (x) => {
          const e = this._entity(x);
          return e ? { sheet: e.sheet, areas: [e.rect] } : null;
        }),
      );
    }
    return this._format;
  }

  get worksheet(): Worksheet {
    if (!this._worksheet) {
      this._worksheet = this._child(new Worksheet(this.context, (x) => this._entity(x)?.sheet ?? null));
    }
    return this._worksheet;
  }

  get dataValidation(): DataValidation {
    this.context._requireApi("Range.dataValidation", "1.8");
    if (!this._dataValidation) this._dataValidation = this._child(new DataValidation(this.context, (x) => this._entity(x)));
    return this._dataValidation;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get isEntireColumn(): boolean {
    this.context._requireApi("Range.isEntireColumn", "1.7");
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    this.context._requireApi("Range.isEntireRow", "1.7");
    return this._get("isEntireRow");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(value: unknown[][]) {
    this._setProperty("values", value, (e, wire, x) => writeEntries(e as RangeEntity, wire, interpretEntry, x));
  }

  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(value: unknown[][]) {
    this._setProperty("formulas", value, (e, wire, x) => writeEntries(e as RangeEntity, wire, interpretFormulaEntry, x));
  }

  get formulasLocal(): unknown[][] {
    return this._get("formulasLocal");
  }
  set formulasLocal(value: unknown[][]) {
    this._setProperty("formulasLocal", value, (e, wire, x) => writeEntries(e as RangeEntity, wire, interpretFormulaEntry, x));
  }

  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this._setProperty("numberFormat", value, (e, wire) => writeNumberFormat(e as RangeEntity, wire));
  }

  get numberFormatLocal(): unknown[][] {
    this.context._requireApi("Range.numberFormatLocal", "1.7");
    return this._get("numberFormatLocal");
  }
  set numberFormatLocal(value: unknown[][]) {
    this.context._requireApi("Range.numberFormatLocal", "1.7");
    this._setProperty("numberFormatLocal", value, (e, wire) => writeNumberFormat(e as RangeEntity, wire));
  }

  get hyperlink(): Hyperlink | null {
    this.context._requireApi("Range.hyperlink", "1.7");
    return this._get("hyperlink");
  }
  set hyperlink(value: Hyperlink | null) {
    this.context._requireApi("Range.hyperlink", "1.7");
    this._setProperty("hyperlink", value, (e, wire) => writeHyperlink(e as RangeEntity, wire));
  }

  get hidden(): boolean | null {
    this.context._requireApi("Range.hidden", "1.2");
    return this._get("hidden");
  }
  get rowHidden(): boolean | null {
    this.context._requireApi("Range.rowHidden", "1.2");
    return this._get("rowHidden");
  }
  set rowHidden(value: boolean | null) {
    this.context._requireApi("Range.rowHidden", "1.2");
    this._setProperty("rowHidden", value, (e, wire) => {
      const { sheet, rect: r } = e as RangeEntity;
      if (typeof wire !== "boolean") throw invalid("rowHidden must be true or false");
      ensureWritable(sheet);
      for (let i = r.top; i <= r.bottom; i++) {
        if (wire) sheet.hiddenRows.add(i);
        else sheet.hiddenRows.delete(i);
      }
    });
  }
  get columnHidden(): boolean | null {
    this.context._requireApi("Range.columnHidden", "1.2");
    return this._get("columnHidden");
  }
  set columnHidden(value: boolean | null) {
    this.context._requireApi("Range.columnHidden", "1.2");
    this._setProperty("columnHidden", value, (e, wire) => {
      const { sheet, rect: r } = e as RangeEntity;
      if (typeof wire !== "boolean") throw invalid("columnHidden must be true or false");
      ensureWritable(sheet);
      for (let i = r.left; i <= r.right; i++) {
        if (wire) sheet.hiddenColumns.add(i);
        else sheet.hiddenColumns.delete(i);
      }
    });
  }

  /** A range derived from this one at sync time; `derive` returns the new rectangle or throws. */
  private derived(derive: (e: RangeEntity, x: Exec) => Rect): Range {
    return this._child(
      new Range(this.context, (x) => {
        const e = this._entity(x);
        if (!e) return null;
        const r = derive(e, x);
        if (!isInsideSheet(r)) throw invalid("the resulting range is outside the sheet");
        return { sheet: e.sheet, rect: r };
      }),
    );
  }

  getCell(row: number, column: number): Range {
    return this.derived((e) => {
      if (!Number.isInteger(row) || !Number.isInteger(column)) throw invalid("row and column must be integers");
      return rect(e.rect.top + row, e.rect.left + column, e.rect.top + row, e.rect.left + column);
    });
  }

  getRow(row: number): Range {
    return this.derived((e) => rect(e.rect.top + row, e.rect.left, e.rect.top + row, e.rect.right));
  }

  getColumn(column: number): Range {
    return this.derived((e) => rect(e.rect.top, e.rect.left + column, e.rect.bottom, e.rect.left + column));
  }

  getEntireRow(): Range {
    return this.derived((e) => rect(e.rect.top, 0, e.rect.bottom, MAX_COLUMNS - 1));
  }

  getEntireColumn(): Range {
    return this.derived((e) => rect(0, e.rect.left, MAX_ROWS - 1, e.rect.right));
  }

  getLastRow(): Range {
    return this.derived((e) => rect(e.rect.bottom, e.rect.left, e.rect.bottom, e.rect.right));
  }

  getLastColumn(): Range {
    return this.derived((e) => rect(e.rect.top, e.rect.right, e.rect.bottom, e.rect.right));
  }

  getLastCell(): Range {
    return this.derived((e) => rect(e.rect.bottom, e.rect.right, e.rect.bottom, e.rect.right));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived((e) => {
      if (!Number.isInteger(rowOffset) || !Number.isInteger(columnOffset)) throw invalid("offsets must be integers");
      return rect(e.rect.top + rowOffset, e.rect.left + columnOffset, e.rect.bottom + rowOffset, e.rect.right + columnOffset);
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    this.context._requireApi("Range.getResizedRange", "1.3");
    return this.derived((e) => {
      if (!Number.isInteger(deltaRows) || !Number.isInteger(deltaColumns)) throw invalid("deltas must be integers");
      const r = rect(e.rect.top, e.rect.left, e.rect.bottom + deltaRows, e.rect.right + deltaColumns);
      if (r.bottom < r.top || r.right < r.left) throw invalid("a range keeps at least one row and one column");
      return r;
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    this.context._requireApi("Range.getAbsoluteResizedRange", "1.7");
    return this.derived((e) => {
      if (!(numRows >= 1) || !(numColumns >= 1)) throw invalid("a range has at least one row and one column");
      return rect(e.rect.top, e.rect.left, e.rect.top + numRows - 1, e.rect.left + numColumns - 1);
    });
  }

  getRowsAbove(count = 1): Range {
    this.context._requireApi("Range.getRowsAbove", "1.3");
    return this.derived((e) => rect(e.rect.top - count, e.rect.left, e.rect.top - 1, e.rect.right));
  }

  getRowsBelow(count = 1): Range {
    this.context._requireApi("Range.getRowsBelow", "1.3");
    return this.derived((e) => rect(e.rect.bottom + 1, e.rect.left, e.rect.bottom + count, e.rect.right));
  }

  getColumnsBefore(count = 1): Range {
    this.context._requireApi("Range.getColumnsBefore", "1.3");
    return this.derived((e) => rect(e.rect.top, e.rect.left - count, e.rect.bottom, e.rect.left - 1));
  }

  getColumnsAfter(count = 1): Range {
    this.context._requireApi("Range.getColumnsAfter", "1.3");
    return this.derived((e) => rect(e.rect.top, e.rect.right + 1, e.rect.bottom, e.rect.right + count));
  }

  private otherRect(e: RangeEntity, other: Range | string, x: Exec): Rect {
    if (typeof other === "string") return rectOn(e.sheet, other);
    this._sameContext(other);
    const o = other._entity(x);
    if (!o) throw missing();
    if (o.sheet !== e.sheet) throw invalid("the ranges are on different sheets");
    return o.rect;
  }

  getIntersection(other: Range | string): Range {
    return this.derived((e, x) => {
      const r = intersection(e.rect, this.otherRect(e, other, x));
      if (!r) throw missing("ItemNotFound", "the ranges do not intersect");
      return r;
    });
  }

  getIntersectionOrNullObject(other: Range | string): Range {
    this.context._requireApi("Range.getIntersectionOrNullObject", "1.4");
    return this._child(
      new Range(this.context, (x) => {
        const e = this._entity(x);
        if (!e) return null;
        const r = intersection(e.rect, this.otherRect(e, other, x));
        return r ? { sheet: e.sheet, rect: r } : null;
      }),
      typeof other === "string" ? [other] : [],
    )._instantiate();
  }

  getBoundingRect(other: Range | string): Range {
    return this.derived((e, x) => boundingRect(e.rect, this.otherRect(e, other, x)));
  }

  private usedWithin(e: RangeEntity, valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    e.sheet.forEachStored(e.rect, (row, col, c) => {
      if (valuesOnly ? !hasContent(c) : !hasContent(c) && !c.format && !c.hyperlink) return;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    });
    return bottom < 0 ? null : rect(top, left, bottom, right);
  }

  getUsedRange(valuesOnly = false): Range {
    return this.derived((e) => {
      const r = this.usedWithin(e, valuesOnly);
      if (!r) throw missing("ItemNotFound", "the range has no used cells");
      return r;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    this.context._requireApi("Range.getUsedRangeOrNullObject", "1.4");
    return this._child(
      new Range(this.context, (x) => {
        const e = this._entity(x);
        if (!e) return null;
        const r = this.usedWithin(e, valuesOnly);
        return r ? { sheet: e.sheet, rect: r } : null;
      }),
      [valuesOnly],
    )._instantiate();
  }

  /**
   * The cells of a kind as rectangles (ExcelApi 1.9): constants or formulas whose value (a formula's result) is of the
   * given types, or blanks. No such cell is ItemNotFound.
   */
  getSpecialCells(cellType: string, cellValueType = "All"): RangeAreas {
    this.context._requireApi("Range.getSpecialCells", "1.9");
    return this.specialCells(cellType, cellValueType, true);
  }

  getSpecialCellsOrNullObject(cellType: string, cellValueType = "All"): RangeAreas {
    this.context._requireApi("Range.getSpecialCellsOrNullObject", "1.9");
    return this.specialCells(cellType, cellValueType, false)._instantiate();
  }

  private specialCells(cellType: string, cellValueType: string, throwWhenNone: boolean): RangeAreas {
    return this._child(
      new RangeAreas(this.context, (x) => {
        const e = this._entity(x);
        if (!e) return null;
        const areas = specialAreas(e, cellType, cellValueType, x);
        if (areas.length > 0) return { sheet: e.sheet, areas };
        if (throwWhenNone) throw missing("ItemNotFound", "No cells were found.");
        return null;
      }),
      [cellType, cellValueType],
    );
  }

  /** Merged areas whose top-left cell is in this range (Excel ignores merges that start outside it). */
  getMergedAreasOrNullObject(): RangeAreas {
    this.context._requireApi("Range.getMergedAreasOrNullObject", "1.13");
    return this._child(
      new RangeAreas(this.context, (x) => {
        const e = this._entity(x);
        if (!e) return null;
        const merges = e.sheet.mergesAnchoredIn(e.rect);
        if (merges.length === 0) return null;
        if (merges.length > MAX_MERGED_AREAS) {
          throw new ModelError("GeneralException", `more than ${MAX_MERGED_AREAS} merged areas in ${address(e)}`);
        }
        return { sheet: e.sheet, areas: merges };
      }),
    )._instantiate();
  }

  merge(across = false): void {
    this.context._requireApi("Range.merge", "1.2");
    this._invoke("merge", [across], (entity) => {
      const e = entity as RangeEntity;
      ensureWritable(e.sheet);
      e.sheet.merge(e.rect, !!across);
    });
  }

  unmerge(): void {
    this.context._requireApi("Range.unmerge", "1.2");
    this._invoke("unmerge", [], (entity) => {
      const e = entity as RangeEntity;
      ensureWritable(e.sheet);
      e.sheet.unmerge(e.rect);
    });
  }

  clear(applyTo: string = "All"): void {
    this._invoke("clear", [applyTo], (entity) => {
      const e = entity as RangeEntity;
      if (!CLEAR_APPLY_TO.includes(applyTo)) throw invalid(`unknown applyTo ${applyTo}`);
      ensureWritable(e.sheet);
      e.sheet.clear(e.rect, applyTo === "ResetContents" ? "Contents" : applyTo);
    });
  }

  /** Per-cell formats in one call (ExcelApi 1.9): what code uses to remember fills before highlighting. */
  getCellProperties(options: CellPropertiesLoadOptions): ClientResult<Array<Array<Record<string, unknown>>>> {
    this.context._requireApi("Range.getCellProperties", "1.9");
    return this._invokeResult("getCellProperties", [options], (entity) => {
      const e = entity as RangeEntity;
      return readMatrix(e, (row, col) => cellProperties(e.sheet, row, col, options ?? {}));
    });
  }

  /** Sets per-cell formats from a 2D array shaped like the range; null entries leave a cell alone. */
  setCellProperties(cellPropertiesData: Array<Array<Record<string, unknown> | null>>): void {
    this.context._requireApi("Range.setCellProperties", "1.9");
    this._invoke("setCellProperties", [cellPropertiesData], (entity) => {
      const e = entity as RangeEntity;
      ensureWritable(e.sheet);
      const wire = JSON.parse(JSON.stringify(cellPropertiesData ?? null)) as unknown;
      if (!Array.isArray(wire)) throw invalid("expected a two-dimensional array");
      const at = matrixAccessor(wire, rowCountOf(e.rect), columnCountOf(e.rect));
      const patches: Array<[number, number, CellFormat, Hyperlink | undefined]> = [];
      for (let row = e.rect.top; row <= e.rect.bottom; row++) {
        for (let col = e.rect.left; col <= e.rect.right; col++) {
          const props = at(row - e.rect.top, col - e.rect.left);
          if (props === null || props === undefined) continue;
          if (typeof props !== "object" || Array.isArray(props)) throw invalid("each cell's properties are an object");
          const [patch, link] = cellPatch(props as Record<string, unknown>);
          patches.push([row, col, patch, link]);
        }
      }
      for (const [row, col, patch, link] of patches) {
        e.sheet.setCellFormat(row, col, patch);
        if (link) e.sheet.ensure(row, col).hyperlink = link;
      }
    });
  }

  select(): void {
    this._invoke("select", [], (entity, x) => {
      const e = entity as RangeEntity;
      x.workbook.select(e.sheet, [e.rect]);
    });
  }

  calculate(): void {
    this._invoke("calculate", [], () => undefined);
  }
}

const SPECIAL_CELL_TYPES = ["Blanks", "Constants", "Formulas"];
const SPECIAL_VALUE_TYPES = [
  "All",
  "Errors",
  "ErrorsLogical",
  "ErrorsNumbers",
  "ErrorsText",
  "ErrorsLogicalNumber",
  "ErrorsLogicalText",
  "ErrorsNumberText",
  "Logical",
  "LogicalNumbers",
  "LogicalText",
  "LogicalNumbersText",
  "Numbers",
  "NumbersText",
  "Text",
];

/** Rectangles covering exactly the cells: runs along each row, stacked while the rows below repeat the same run. */
function areasOfCells(cells: Array<[number, number]>): Rect[] {
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const done: Rect[] = [];
  let open = new Map<string, Rect>();
  for (let i = 0; i < cells.length;) {
    const row = cells[i][0];
    const next = new Map<string, Rect>();
    while (i < cells.length && cells[i][0] === row) {
      const left = cells[i][1];
      let right = left;
      while (i + 1 < cells.length && cells[i + 1][0] === row && cells[i + 1][1] === right + 1) right = cells[++i][1];
      i++;
      const key = `${left}:${right}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        open.delete(key);
        next.set(key, above);
      } else next.set(key, rect(row, left, row, right));
    }
    for (const a of open.values()) done.push(a);
    open = next;
  }
  for (const a of open.values()) done.push(a);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The cells of getSpecialCells: Blanks, or Constants / Formulas whose value is of the types named. */
function specialAreas(e: RangeEntity, cellType: string, valueType: string, x: Exec): Rect[] {
  if (!SPECIAL_CELL_TYPES.includes(cellType)) {
    throw invalid(`getSpecialCells("${cellType}") is not modelled by this host (Blanks, Constants and Formulas are)`);
  }
  if (!SPECIAL_VALUE_TYPES.includes(valueType)) throw invalid(`unknown cellValueType ${valueType}`);
  const wants = {
    error: valueType === "All" || valueType.includes("Errors"),
    boolean: valueType === "All" || valueType.includes("Logical"),
    number: valueType === "All" || valueType.includes("Number"),
    text: valueType === "All" || valueType.includes("Text"),
  };
  const cells: Array<[number, number]> = [];
  if (cellType === "Blanks") {
    guardReadSize(e.rect);
    for (let row = e.rect.top; row <= e.rect.bottom; row++) {
      for (let col = e.rect.left; col <= e.rect.right; col++) {
        const c = e.sheet.get(row, col);
        if (!c || !hasContent(c)) cells.push([row, col]);
      }
    }
    return areasOfCells(cells);
  }
  const memo = new Map<string, never>();
  e.sheet.forEachStored(e.rect, (row, col, c) => {
    if (!hasContent(c) || (cellType === "Formulas") !== (c.formula !== undefined)) return;
    const result = resultOf(x.workbook, e.sheet, row, col, memo);
    const kind = result.isError
      ? "error"
      : typeof result.value === "number"
        ? "number"
        : typeof result.value === "boolean"
          ? "boolean"
          : "text";
    if (wants[kind]) cells.push([row, col]);
  });
  return areasOfCells(cells);
}

function allOrNone(from: number, to: number, test: (i: number) => boolean): boolean | null {
  if (to - from > 200_000) return test(from) ? null : false;
  let seenTrue = false;
  let seenFalse = false;
  for (let i = from; i <= to; i++) {
    if (test(i)) seenTrue = true;
    else seenFalse = true;
    if (seenTrue && seenFalse) return null;
  }
  return seenTrue;
}

function writeNumberFormat(e: RangeEntity, wire: unknown): void {
  ensureWritable(e.sheet);
  if (!Array.isArray(wire)) {
    if (typeof wire !== "string") throw invalid("numberFormat must be text");
    e.sheet.applyFormat(e.rect, { numberFormat: wire === "" || wire === "General" ? undefined : wire });
    return;
  }
  const at = matrixAccessor(wire, rowCountOf(e.rect), columnCountOf(e.rect));
  for (let row = e.rect.top; row <= e.rect.bottom; row++) {
    for (let col = e.rect.left; col <= e.rect.right; col++) {
      const f = at(row - e.rect.top, col - e.rect.left);
      if (f === null || f === undefined) continue;
      if (typeof f !== "string") throw invalid("a number format must be text");
      e.sheet.setCellFormat(row, col, { numberFormat: f === "" || f === "General" ? undefined : f });
    }
  }
}

function writeHyperlink(e: RangeEntity, wire: unknown): void {
  ensureWritable(e.sheet);
  if (wire === null || typeof wire !== "object" || Array.isArray(wire)) throw invalid("a hyperlink is an object");
  const link = wire as Hyperlink;
  for (const k of ["address", "documentReference", "textToDisplay", "screenTip"] as const) {
    if (link[k] !== undefined && typeof link[k] !== "string") throw invalid(`hyperlink.${k} must be text`);
  }
  if (!link.address && !link.documentReference) throw invalid("a hyperlink needs an address or a documentReference");
  const clean: Hyperlink = {};
  for (const k of ["address", "documentReference", "textToDisplay", "screenTip"] as const) if (link[k] !== undefined) clean[k] = link[k];
  for (let row = e.rect.top; row <= e.rect.bottom; row++) {
    for (let col = e.rect.left; col <= e.rect.right; col++) {
      const c = e.sheet.ensure(row, col);
      c.hyperlink = { ...clean };
      // The displayed text is kept as text, whatever it looks like.
      if (clean.textToDisplay !== undefined)
        e.sheet.writeEntry(row, col, { value: clean.textToDisplay === "" ? null : clean.textToDisplay });
      else if (!hasContent(c)) e.sheet.writeEntry(row, col, { value: clean.address ?? clean.documentReference ?? "" });
    }
  }
}

export interface CellPropertiesLoadOptions {
  address?: boolean;
  addressLocal?: boolean;
  hidden?: boolean;
  hyperlink?: boolean;
  format?: {
    fill?: { color?: boolean; pattern?: boolean };
    font?: {
      bold?: boolean;
      italic?: boolean;
      color?: boolean;
      name?: boolean;
      size?: boolean;
      underline?: boolean;
      strikethrough?: boolean;
    };
    wrapText?: boolean;
    horizontalAlignment?: boolean;
    verticalAlignment?: boolean;
    columnWidth?: boolean;
    rowHeight?: boolean;
  };
}

function cellProperties(sheet: SheetModel, row: number, col: number, options: CellPropertiesLoadOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (options.address) out.address = qualifiedAddress(sheet.name, rect(row, col, row, col));
  if (options.addressLocal) out.addressLocal = qualifiedAddress(sheet.name, rect(row, col, row, col));
  if (options.hidden) out.hidden = sheet.hiddenRows.has(row) || sheet.hiddenColumns.has(col);
  if (options.hyperlink) {
    const link = sheet.get(row, col)?.hyperlink;
    out.hyperlink = link ? { ...link } : null;
  }
  const f = options.format;
  if (f) {
    const eff = sheet.effectiveFormat(row, col);
    const format: Record<string, unknown> = {};
    if (f.fill) {
      const fill: Record<string, unknown> = {};
      if (f.fill.color) fill.color = eff.fill ?? "#FFFFFF";
      if (f.fill.pattern) fill.pattern = eff.fill ? "Solid" : "None";
      format.fill = fill;
    }
    if (f.font) {
      const font: Record<string, unknown> = {};
      if (f.font.bold) font.bold = eff.bold ?? false;
      if (f.font.italic) font.italic = eff.italic ?? false;
      if (f.font.color) font.color = eff.fontColor ?? DEFAULT_FORMAT.fontColor;
      if (f.font.name) font.name = eff.fontName ?? DEFAULT_FORMAT.fontName;
      if (f.font.size) font.size = eff.fontSize ?? DEFAULT_FORMAT.fontSize;
      if (f.font.underline) font.underline = eff.underline ?? DEFAULT_FORMAT.underline;
      if (f.font.strikethrough) font.strikethrough = eff.strikethrough ?? false;
      format.font = font;
    }
    if (f.wrapText) format.wrapText = eff.wrapText ?? false;
    if (f.horizontalAlignment) format.horizontalAlignment = eff.horizontalAlignment ?? DEFAULT_FORMAT.horizontalAlignment;
    if (f.verticalAlignment) format.verticalAlignment = eff.verticalAlignment ?? DEFAULT_FORMAT.verticalAlignment;
    if (f.columnWidth) format.columnWidth = sheet.columnWidth(col);
    if (f.rowHeight) format.rowHeight = sheet.rowHeight(row);
    out.format = format;
  }
  return out;
}

function cellPatch(props: Record<string, unknown>): [CellFormat, Hyperlink | undefined] {
  const patch: CellFormat = {};
  const format = (props.format ?? {}) as Record<string, unknown>;
  if (typeof format !== "object" || format === null) throw invalid("format must be an object");
  const fill = format.fill as Record<string, unknown> | undefined;
  if (fill) {
    if (fill.pattern === "None") patch.fill = undefined;
    else if (fill.color !== undefined) {
      const c = normalizeColor(fill.color);
      if (!c) throw invalid(`"${String(fill.color)}" is not a colour`);
      patch.fill = c;
    }
  }
  const font = format.font as Record<string, unknown> | undefined;
  if (font) {
    for (const k of ["bold", "italic", "strikethrough"] as const) {
      if (font[k] !== undefined) {
        if (typeof font[k] !== "boolean") throw invalid(`font.${k} must be true or false`);
        patch[k] = font[k] as boolean;
      }
    }
    if (font.color !== undefined) {
      const c = normalizeColor(font.color);
      if (!c) throw invalid(`"${String(font.color)}" is not a colour`);
      patch.fontColor = c;
    }
    if (font.name !== undefined) patch.fontName = String(font.name);
    if (font.size !== undefined) patch.fontSize = Number(font.size);
  }
  if (format.wrapText !== undefined) patch.wrapText = !!format.wrapText;
  if (format.horizontalAlignment !== undefined) {
    if (!HORIZONTAL.includes(String(format.horizontalAlignment))) throw invalid("unknown horizontal alignment");
    patch.horizontalAlignment = String(format.horizontalAlignment);
  }
  const link = props.hyperlink as Hyperlink | undefined;
  return [patch, link && typeof link === "object" ? { ...link } : undefined];
}

// ─── RangeAreas ─────────────────────────────────────────────────────────────────────────────────────

export class RangeAreas extends ClientObject {
  private _areas?: RangeCollection;
  private _format?: RangeFormat;
  private _worksheet?: Worksheet;

  get _className(): string {
    return "RangeAreas";
  }
  _scalarNames(): string[] {
    return ["address", "addressLocal", "areaCount", "cellCount", "isEntireColumn", "isEntireRow"];
  }
  override _stillValid(entity: unknown, x: Exec): boolean {
    return sheetStillThere((entity as AreasEntity).sheet, x);
  }
  override _navigation(name: string): ClientObject | undefined {
    if (name === "areas") return this.areas;
    if (name === "format") return this.format;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }
  _read(name: string, entity: unknown): unknown {
    const e = entity as AreasEntity;
    switch (name) {
      case "address":
      case "addressLocal":
        return e.areas.map((a) => qualifiedAddress(e.sheet.name, a)).join(", ");
      case "areaCount":
        return e.areas.length;
      case "cellCount":
        return e.areas.reduce((s, a) => s + cellCountOf(a), 0);
      case "isEntireColumn":
        return e.areas.every(isEntireColumns);
      case "isEntireRow":
        return e.areas.every(isEntireRows);
      default:
        return undefined;
    }
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }

  get areas(): RangeCollection {
    if (!this._areas) this._areas = new RangeCollection(this.context, (x) => this._resolve(x));
    return this._areas;
  }

  get format(): RangeFormat {
    if (!this._format) this._format = this._child(new RangeFormat(this.context, (x) => this._resolve(x)));
    return this._format;
  }

  get worksheet(): Worksheet {
    if (!this._worksheet) {
      this._worksheet = this._child(new Worksheet(this.context, (x) => (this._resolve(x) as AreasEntity | null)?.sheet ?? null));
    }
    return this._worksheet;
  }

  clear(applyTo: string = "All"): void {
    this._invoke("clear", [applyTo], (entity) => {
      const e = entity as AreasEntity;
      if (!CLEAR_APPLY_TO.includes(applyTo)) throw invalid(`unknown applyTo ${applyTo}`);
      ensureWritable(e.sheet);
      for (const a of e.areas) e.sheet.clear(a, applyTo === "ResetContents" ? "Contents" : applyTo);
    });
  }

  calculate(): void {
    this._invoke("calculate", [], () => undefined);
  }
}

export class RangeCollection extends ClientCollection<Range> {
  get _className(): string {
    return "RangeCollection";
  }
  _itemEntities(entity: unknown): unknown[] {
    const e = entity as AreasEntity;
    return e.areas.map((a) => ({ sheet: e.sheet, rect: a }));
  }
  _itemProxy(): Range {
    return new Range(this.context, () => {
      throw missing();
    });
  }
  getCount(): ClientResult<number> {
    return this._invokeResult("getCount", [], (e) => (e as AreasEntity).areas.length);
  }
  getItemAt(index: number): Range {
    return new Range(this.context, (x) => {
      const e = this._resolve(x) as AreasEntity | null;
      if (!e) return null;
      const a = e.areas[index];
      if (!a) throw missing("ItemNotFound", `no area at index ${index}`);
      return { sheet: e.sheet, rect: a };
    });
  }
}

// ─── Formats ────────────────────────────────────────────────────────────────────────────────────────

export class RangeFormat extends ClientObject {
  private _fill?: RangeFill;
  private _font?: RangeFont;
  private _borders?: RangeBorderCollection;

  get _className(): string {
    return "RangeFormat";
  }
  _scalarNames(): string[] {
    return ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"];
  }
  override _navigation(name: string): ClientObject | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "borders") return this.borders;
    return undefined;
  }
  _read(name: string, entity: unknown): unknown {
    const e = entity as AreasEntity;
    switch (name) {
      case "columnWidth":
        return columnWidthOf(e);
      case "rowHeight":
        return rowHeightOf(e);
      case "wrapText":
        return uniform(e, (f) => f.wrapText ?? DEFAULT_FORMAT.wrapText);
      case "horizontalAlignment":
        return uniform(e, (f) => f.horizontalAlignment ?? DEFAULT_FORMAT.horizontalAlignment);
      case "verticalAlignment":
        return uniform(e, (f) => f.verticalAlignment ?? DEFAULT_FORMAT.verticalAlignment);
      default:
        return undefined;
    }
  }

  get fill(): RangeFill {
    if (!this._fill) this._fill = this._child(new RangeFill(this.context, (x) => this._resolve(x)));
    return this._fill;
  }
  get font(): RangeFont {
    if (!this._font) this._font = this._child(new RangeFont(this.context, (x) => this._resolve(x)));
    return this._font;
  }
  get borders(): RangeBorderCollection {
    if (!this._borders) this._borders = this._child(new RangeBorderCollection(this.context, (x) => this._resolve(x)));
    return this._borders;
  }

  get columnWidth(): number | null {
    this.context._requireApi("RangeFormat.columnWidth", "1.2");
    return this._get("columnWidth");
  }
  set columnWidth(value: number | null) {
    this.context._requireApi("RangeFormat.columnWidth", "1.2");
    this._setProperty("columnWidth", value, (entity, wire) => {
      const e = entity as AreasEntity;
      if (typeof wire !== "number" || !(wire >= 0) || wire > 1789) throw invalid("columnWidth must be a number of points from 0 to 1789");
      ensureWritable(e.sheet);
      for (const a of e.areas) for (const c of indexes(a.left, a.right)) e.sheet.columnWidths.set(c, wire);
    });
  }

  get rowHeight(): number | null {
    this.context._requireApi("RangeFormat.rowHeight", "1.2");
    return this._get("rowHeight");
  }
  set rowHeight(value: number | null) {
    this.context._requireApi("RangeFormat.rowHeight", "1.2");
    this._setProperty("rowHeight", value, (entity, wire) => {
      const e = entity as AreasEntity;
      if (typeof wire !== "number" || !(wire >= 0) || wire > 409) throw invalid("rowHeight must be a number of points from 0 to 409");
      ensureWritable(e.sheet);
      for (const a of e.areas) {
        if (isEntireColumns(a)) {
          e.sheet.defaultRowHeight = wire;
          e.sheet.rowHeights.clear();
        } else for (const r of indexes(a.top, a.bottom)) e.sheet.rowHeights.set(r, wire);
      }
    });
  }

  get wrapText(): boolean | null {
    return this._get("wrapText");
  }
  set wrapText(value: boolean | null) {
    this._setProperty("wrapText", value, (entity, wire) => {
      if (typeof wire !== "boolean") throw invalid("wrapText must be true or false");
      formatAreas(entity as AreasEntity, { wrapText: wire });
    });
  }

  get horizontalAlignment(): string | null {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(value: string | null) {
    this._setProperty("horizontalAlignment", value, (entity, wire) => {
      if (typeof wire !== "string" || !HORIZONTAL.includes(wire)) throw invalid(`unknown horizontal alignment ${String(wire)}`);
      formatAreas(entity as AreasEntity, { horizontalAlignment: wire });
    });
  }

  get verticalAlignment(): string | null {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(value: string | null) {
    this._setProperty("verticalAlignment", value, (entity, wire) => {
      if (typeof wire !== "string" || !VERTICAL.includes(wire)) throw invalid(`unknown vertical alignment ${String(wire)}`);
      formatAreas(entity as AreasEntity, { verticalAlignment: wire });
    });
  }

  autofitColumns(): void {
    this.context._requireApi("RangeFormat.autofitColumns", "1.2");
    this._invoke("autofitColumns", [], (entity, x) => {
      const e = entity as AreasEntity;
      ensureWritable(e.sheet);
      const widths = new Map<number, number>();
      const memo = new Map<string, never>();
      for (const a of e.areas) {
        e.sheet.forEachStored(a, (row, col, c) => {
          if (!hasContent(c)) return;
          const f = e.sheet.effectiveFormat(row, col);
          if (f.wrapText) return;
          const v =
            c.formula !== undefined ? x.workbook.cellValue(e.sheet, row, col, memo) : c.error !== undefined ? { error: c.error } : c.value;
          const text = v !== null && typeof v === "object" ? v.error : displayText(v, undefined, f.numberFormat ?? "General");
          widths.set(col, Math.max(widths.get(col) ?? 0, textWidthPoints(text, !!f.bold)));
        });
      }
      for (const [col, w] of widths) e.sheet.columnWidths.set(col, Math.max(w, 10));
    });
  }

  autofitRows(): void {
    this.context._requireApi("RangeFormat.autofitRows", "1.2");
    this._invoke("autofitRows", [], (entity) => {
      const e = entity as AreasEntity;
      ensureWritable(e.sheet);
      const lines = new Map<number, number>();
      for (const a of e.areas) {
        e.sheet.forEachStored(a, (row, col, c) => {
          if (typeof c.value !== "string") return;
          const f = e.sheet.effectiveFormat(row, col);
          let n = c.value.split("\n").length;
          if (f.wrapText) {
            const perLine = Math.max(1, Math.floor((e.sheet.columnWidth(col) - 6) / 5.6));
            n = c.value.split("\n").reduce((s, line) => s + Math.max(1, Math.ceil(line.length / perLine)), 0);
          }
          lines.set(row, Math.max(lines.get(row) ?? 1, n));
        });
      }
      for (const [row, n] of lines) e.sheet.rowHeights.set(row, Math.min(409, n * STANDARD_HEIGHT));
    });
  }
}

export class RangeFill extends ClientObject {
  get _className(): string {
    return "RangeFill";
  }
  _scalarNames(): string[] {
    return ["color", "pattern"];
  }
  _read(name: string, entity: unknown): unknown {
    // Excel reports a cell without fill as white; `pattern` tells "no fill" from a white fill.
    if (name === "color") return uniform(entity as AreasEntity, (f) => f.fill ?? "#FFFFFF");
    if (name === "pattern") return uniform(entity as AreasEntity, (f) => (f.fill ? "Solid" : "None"));
    return undefined;
  }
  get pattern(): string | null {
    this.context._requireApi("RangeFill.pattern", "1.9");
    return this._get("pattern");
  }
  set pattern(value: string | null) {
    this.context._requireApi("RangeFill.pattern", "1.9");
    this._setProperty("pattern", value, (entity, wire) => {
      if (wire === "None") return formatAreas(entity as AreasEntity, { fill: undefined });
      if (wire !== "Solid") throw invalid(`the stand-in knows the fill patterns None and Solid, not ${String(wire)}`);
      const e = entity as AreasEntity;
      ensureWritable(e.sheet);
      for (const a of e.areas) {
        for (let row = a.top; row <= a.bottom; row++) {
          for (let col = a.left; col <= a.right; col++) {
            if (!e.sheet.effectiveFormat(row, col).fill) e.sheet.setCellFormat(row, col, { fill: "#FFFFFF" });
          }
        }
      }
    });
  }
  get color(): string | null {
    return this._get("color");
  }
  set color(value: string | null) {
    this._setProperty("color", value, (entity, wire) => {
      if (wire === "") return formatAreas(entity as AreasEntity, { fill: undefined });
      const c = normalizeColor(wire);
      if (!c) throw invalid(`"${String(wire)}" is not a colour`);
      formatAreas(entity as AreasEntity, { fill: c });
    });
  }
  clear(): void {
    this._invoke("clear", [], (entity) => formatAreas(entity as AreasEntity, { fill: undefined }));
  }
}

export class RangeFont extends ClientObject {
  get _className(): string {
    return "RangeFont";
  }
  _scalarNames(): string[] {
    return ["bold", "italic", "color", "name", "size", "underline", "strikethrough"];
  }
  _read(name: string, entity: unknown): unknown {
    const e = entity as AreasEntity;
    switch (name) {
      case "bold":
        return uniform(e, (f) => f.bold ?? false);
      case "italic":
        return uniform(e, (f) => f.italic ?? false);
      case "color":
        return uniform(e, (f) => f.fontColor ?? DEFAULT_FORMAT.fontColor);
      case "name":
        return uniform(e, (f) => f.fontName ?? DEFAULT_FORMAT.fontName);
      case "size":
        return uniform(e, (f) => f.fontSize ?? DEFAULT_FORMAT.fontSize);
      case "underline":
        return uniform(e, (f) => f.underline ?? DEFAULT_FORMAT.underline);
      case "strikethrough":
        return uniform(e, (f) => f.strikethrough ?? false);
      default:
        return undefined;
    }
  }
  private setFlag(name: "bold" | "italic" | "strikethrough", value: unknown): void {
    this._setProperty(name, value, (entity, wire) => {
      if (typeof wire !== "boolean") throw invalid(`${name} must be true or false`);
      formatAreas(entity as AreasEntity, { [name]: wire });
    });
  }
  get bold(): boolean | null {
    return this._get("bold");
  }
  set bold(value: boolean | null) {
    this.setFlag("bold", value);
  }
  get italic(): boolean | null {
    return this._get("italic");
  }
  set italic(value: boolean | null) {
    this.setFlag("italic", value);
  }
  get strikethrough(): boolean | null {
    return this._get("strikethrough");
  }
  set strikethrough(value: boolean | null) {
    this.setFlag("strikethrough", value);
  }
  get color(): string | null {
    return this._get("color");
  }
  set color(value: string | null) {
    this._setProperty("color", value, (entity, wire) => {
      const c = normalizeColor(wire);
      if (!c) throw invalid(`"${String(wire)}" is not a colour`);
      formatAreas(entity as AreasEntity, { fontColor: c });
    });
  }
  get name(): string | null {
    return this._get("name");
  }
  set name(value: string | null) {
    this._setProperty("name", value, (entity, wire) => {
      if (typeof wire !== "string" || wire.trim() === "") throw invalid("a font name is text");
      formatAreas(entity as AreasEntity, { fontName: wire });
    });
  }
  get size(): number | null {
    return this._get("size");
  }
  set size(value: number | null) {
    this._setProperty("size", value, (entity, wire) => {
      if (typeof wire !== "number" || !(wire >= 1) || wire > 409) throw invalid("a font size is from 1 to 409");
      formatAreas(entity as AreasEntity, { fontSize: wire });
    });
  }
  get underline(): string | null {
    return this._get("underline");
  }
  set underline(value: string | null) {
    this._setProperty("underline", value, (entity, wire) => {
      if (typeof wire !== "string" || !UNDERLINES.includes(wire)) throw invalid(`unknown underline ${String(wire)}`);
      formatAreas(entity as AreasEntity, { underline: wire });
    });
  }
}

interface BorderEntity {
  areas: AreasEntity;
  index: string;
}

/** The cells and sides a border index paints; inside borders are stored as the cells' bottom/right edges. */
function borderTargets(a: Rect, index: string): Array<{ r: Rect; side: BorderSide }> {
  switch (index) {
    case "EdgeTop":
      return [{ r: rect(a.top, a.left, a.top, a.right), side: "EdgeTop" }];
    case "EdgeBottom":
      return [{ r: rect(a.bottom, a.left, a.bottom, a.right), side: "EdgeBottom" }];
    case "EdgeLeft":
      return [{ r: rect(a.top, a.left, a.bottom, a.left), side: "EdgeLeft" }];
    case "EdgeRight":
      return [{ r: rect(a.top, a.right, a.bottom, a.right), side: "EdgeRight" }];
    case "InsideHorizontal":
      return a.bottom > a.top ? [{ r: rect(a.top, a.left, a.bottom - 1, a.right), side: "EdgeBottom" }] : [];
    case "InsideVertical":
      return a.right > a.left ? [{ r: rect(a.top, a.left, a.bottom, a.right - 1), side: "EdgeRight" }] : [];
    default:
      return [];
  }
}

export class RangeBorderCollection extends ClientObject {
  get _className(): string {
    return "RangeBorderCollection";
  }
  _scalarNames(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  getItem(index: string): RangeBorder {
    return new RangeBorder(this.context, (x) => {
      if (!BORDER_INDEXES.includes(index)) throw invalid(`unknown border index ${index}`);
      const areas = this._resolve(x) as AreasEntity | null;
      return areas ? { areas, index } : null;
    });
  }
}

export class RangeBorder extends ClientObject {
  get _className(): string {
    return "RangeBorder";
  }
  _scalarNames(): string[] {
    return ["style", "color", "weight", "sideIndex"];
  }
  _read(name: string, entity: unknown): unknown {
    const { areas, index } = entity as BorderEntity;
    if (name === "sideIndex") return index;
    const values: string[] = [];
    for (const a of areas.areas) {
      for (const { r, side } of borderTargets(a, index)) {
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            const b = areas.sheet.effectiveFormat(row, col).borders?.[side];
            values.push(name === "style" ? (b?.style ?? "None") : name === "color" ? (b?.color ?? "#000000") : (b?.weight ?? "Thin"));
          }
        }
      }
    }
    return values.every((v) => v === values[0]) ? (values[0] ?? null) : null;
  }
  private setPart(part: "style" | "color" | "weight", value: unknown, check: (v: unknown) => string | null): void {
    this._setProperty(part, value, (entity, wire) => {
      const { areas, index } = entity as BorderEntity;
      const v = check(wire);
      if (v === null) throw invalid(`invalid border ${part} ${String(wire)}`);
      ensureWritable(areas.sheet);
      for (const a of areas.areas) {
        for (const { r, side } of borderTargets(a, index)) {
          for (let row = r.top; row <= r.bottom; row++) {
            for (let col = r.left; col <= r.right; col++) {
              const current = areas.sheet.get(row, col)?.format?.borders ?? {};
              const prev = current[side] ?? { style: "Continuous", color: "#000000", weight: "Thin" };
              areas.sheet.setCellFormat(row, col, { borders: { ...current, [side]: { ...prev, [part]: v } } });
            }
          }
        }
      }
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this.setPart("style", value, (v) => (typeof v === "string" && BORDER_STYLES.includes(v) ? v : null));
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this.setPart("color", value, normalizeColor);
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(value: string) {
    this.setPart("weight", value, (v) => (typeof v === "string" && BORDER_WEIGHTS.includes(v) ? v : null));
  }
  get sideIndex(): string {
    return this._get("sideIndex");
  }
}

// ─── Worksheet ──────────────────────────────────────────────────────────────────────────────────────

export class Worksheet extends ClientObject {
  private _tables?: TableCollection;
  private _charts?: ChartCollection;
  private _autoFilter?: AutoFilter;
  private _protection?: WorksheetProtection;
  private _freezePanes?: WorksheetFreezePanes;
  private _customProperties?: WorksheetCustomPropertyCollection;

  get _className(): string {
    return "Worksheet";
  }
  _scalarNames(): string[] {
    return ["id", "name", "position", "visibility", "tabColor", "showGridlines"];
  }
  override _stillValid(entity: unknown, x: Exec): boolean {
    return sheetStillThere(entity as SheetModel, x);
  }
  override _navigation(name: string): ClientObject | undefined {
    switch (name) {
      case "tables":
        return this.tables;
      case "charts":
        return this.charts;
      case "autoFilter":
        return this.autoFilter;
      case "protection":
        return this.protection;
      case "freezePanes":
        return this.freezePanes;
      case "customProperties":
        return this.customProperties;
      default:
        return undefined;
    }
  }
  _sheet(x: Exec): SheetModel | null {
    return this._resolve(x) as SheetModel | null;
  }
  _read(name: string, entity: unknown, x: Exec): unknown {
    const s = entity as SheetModel;
    switch (name) {
      case "id":
        return s.id;
      case "name":
        return s.name;
      case "position":
        return x.workbook.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "showGridlines":
        return s.showGridlines;
      default:
        return undefined;
    }
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._setProperty("name", value, (s, wire, x) => x.workbook.renameSheet(s as SheetModel, wire as string));
  }
  get position(): number {
    return this._get("position");
  }
  set position(value: number) {
    this._setProperty("position", value, (s, wire, x) => x.workbook.moveSheet(s as SheetModel, wire as number));
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(value: string) {
    this._setProperty("visibility", value, (s, wire, x) => x.workbook.setVisibility(s as SheetModel, wire as string));
  }
  get tabColor(): string {
    this.context._requireApi("Worksheet.tabColor", "1.7");
    return this._get("tabColor");
  }
  set tabColor(value: string) {
    this.context._requireApi("Worksheet.tabColor", "1.7");
    this._setProperty("tabColor", value, (s, wire) => {
      if (wire === "") {
        (s as SheetModel).tabColor = "";
        return;
      }
      const c = normalizeColor(wire);
      if (!c) throw invalid(`"${String(wire)}" is not a colour`);
      (s as SheetModel).tabColor = c;
    });
  }
  get showGridlines(): boolean {
    this.context._requireApi("Worksheet.showGridlines", "1.8");
    return this._get("showGridlines");
  }
  set showGridlines(value: boolean) {
    this.context._requireApi("Worksheet.showGridlines", "1.8");
    this._setProperty("showGridlines", value, (s, wire) => {
      if (typeof wire !== "boolean") throw invalid("showGridlines must be true or false");
      (s as SheetModel).showGridlines = wire;
    });
  }

  /** Worksheet.onChanged (ExcelApi 1.7): see events.ts. */
  get onChanged(): { add(handler: ChangedHandler): EventHandlerResult } {
    this.context._requireApi("Worksheet.onChanged", "1.7");
    return {
      add: (handler: ChangedHandler) => {
        if (typeof handler !== "function") throw officeError("InvalidArgument", "Worksheet.onChanged.add");
        const context = this.context as RequestContext;
        let registration: ReturnType<ExcelHostEvents["register"]> | null = null;
        context._enqueue(
          "Worksheet.onChanged.add",
          60,
          (x) => {
            const sheet = this._sheet(x);
            if (!sheet) throw missing();
            registration = eventsOf(x).register(sheet.id, handler);
          },
          this,
        );
        return {
          context,
          remove: () =>
            context._enqueue("EventHandlerResult.remove", 40, (x) => {
              if (registration) eventsOf(x).unregister(registration);
              registration = null;
            }),
        };
      },
    };
  }

  get tables(): TableCollection {
    if (!this._tables) this._tables = new TableCollection(this.context, (x) => ({ sheet: this._sheet(x) }));
    return this._tables;
  }
  get charts(): ChartCollection {
    if (!this._charts) this._charts = new ChartCollection(this.context, (x) => this._sheet(x));
    return this._charts;
  }
  get autoFilter(): AutoFilter {
    this.context._requireApi("Worksheet.autoFilter", "1.9");
    if (!this._autoFilter) this._autoFilter = new AutoFilter(this.context, (x) => this._sheet(x));
    return this._autoFilter;
  }
  get protection(): WorksheetProtection {
    this.context._requireApi("Worksheet.protection", "1.2");
    if (!this._protection) this._protection = new WorksheetProtection(this.context, (x) => this._sheet(x));
    return this._protection;
  }
  get freezePanes(): WorksheetFreezePanes {
    this.context._requireApi("Worksheet.freezePanes", "1.7");
    if (!this._freezePanes) this._freezePanes = new WorksheetFreezePanes(this.context, (x) => this._sheet(x));
    return this._freezePanes;
  }

  get customProperties(): WorksheetCustomPropertyCollection {
    this.context._requireApi("Worksheet.customProperties", "1.12");
    if (!this._customProperties) this._customProperties = new WorksheetCustomPropertyCollection(this.context, (x) => this._sheet(x));
    return this._customProperties;
  }

  private rangeOn(derive: (s: SheetModel, x: Exec) => Rect, args: unknown[] = []): Range {
    return this._child(
      new Range(this.context, (x) => {
        const s = this._sheet(x);
        if (!s) return null;
        const r = derive(s, x);
        if (!isInsideSheet(r)) throw invalid("the range is outside the sheet");
        return { sheet: s, rect: r };
      }),
      args,
    );
  }

  getRange(address?: string): Range {
    return this.rangeOn(
      (s) => (address === undefined || address === "" ? rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1) : rectOn(s, address)),
      address === undefined ? [] : [address],
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    this.context._requireApi("Worksheet.getRangeByIndexes", "1.7");
    return this.rangeOn(() => {
      for (const n of [startRow, startColumn, rowCount, columnCount]) if (!Number.isInteger(n)) throw invalid("indexes must be integers");
      if (rowCount < 1 || columnCount < 1) throw invalid("a range has at least one row and one column");
      return rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1);
    }, [startRow, startColumn, rowCount, columnCount]);
  }

  getCell(row: number, column: number): Range {
    return this.rangeOn(() => rect(row, column, row, column), [row, column]);
  }

  getRanges(address?: string): RangeAreas {
    this.context._requireApi("Worksheet.getRanges", "1.9");
    return this._child(
      new RangeAreas(this.context, (x) => {
        const s = this._sheet(x);
        if (!s) return null;
        if (address === undefined) return { sheet: s, areas: [rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1)] };
        if (address.length > MAX_AREAS_ADDRESS_LENGTH) throw invalid(`the address is longer than ${MAX_AREAS_ADDRESS_LENGTH} characters`);
        const areas = splitAreas(address).map((a) => rectOn(s, a));
        return { sheet: s, areas };
      }),
      address === undefined ? [] : [address],
    );
  }

  getUsedRange(valuesOnly?: boolean): Range {
    // The valuesOnly parameter came with ExcelApi 1.2; Office 2016 (1.1) refuses it.
    if (valuesOnly !== undefined) this.context._requireApi("Worksheet.getUsedRange(valuesOnly)", "1.2");
    // An empty sheet answers A1 rather than failing.
    return this.rangeOn((s) => s.usedRect(!!valuesOnly) ?? rect(0, 0, 0, 0));
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    this.context._requireApi("Worksheet.getUsedRangeOrNullObject", "1.4");
    return this._child(
      new Range(this.context, (x) => {
        const s = this._sheet(x);
        if (!s) return null;
        const r = s.usedRect(!!valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      }),
      [valuesOnly],
    )._instantiate();
  }

  activate(): void {
    this._invoke("activate", [], (s, x) => x.workbook.activate(s as SheetModel));
  }

  delete(): void {
    this._invoke("delete", [], (s, x) => x.workbook.deleteSheet(s as SheetModel));
  }

  calculate(_markAllDirty?: boolean): void {
    this._invoke("calculate", [], () => undefined);
  }
}

export class WorksheetCollection extends ClientCollection<Worksheet> {
  get _className(): string {
    return "WorksheetCollection";
  }
  _itemEntities(_entity: unknown, x: Exec): unknown[] {
    return [...x.workbook.sheets];
  }
  _itemProxy(): Worksheet {
    return new Worksheet(this.context, () => {
      throw missing();
    });
  }

  getActiveWorksheet(): Worksheet {
    return this._child(new Worksheet(this.context, (x) => x.workbook.activeSheet()));
  }

  getItem(key: string): Worksheet {
    return this._child(
      new Worksheet(this.context, (x) => {
        const s = x.workbook.sheetByKey(String(key));
        if (!s) throw missing("ItemNotFound", `no worksheet "${key}"`);
        return s;
      }),
      [key],
    );
  }

  getItemOrNullObject(key: string): Worksheet {
    this.context._requireApi("WorksheetCollection.getItemOrNullObject", "1.4");
    return this._child(new Worksheet(this.context, (x) => x.workbook.sheetByKey(String(key)) ?? null), [key])._instantiate();
  }

  getFirst(visibleOnly = false): Worksheet {
    this.context._requireApi("WorksheetCollection.getFirst", "1.5");
    return new Worksheet(this.context, (x) => {
      const list = visibleOnly ? x.workbook.visibleSheets() : x.workbook.sheets;
      if (list.length === 0) throw missing();
      return list[0];
    });
  }

  getLast(visibleOnly = false): Worksheet {
    this.context._requireApi("WorksheetCollection.getLast", "1.5");
    return new Worksheet(this.context, (x) => {
      const list = visibleOnly ? x.workbook.visibleSheets() : x.workbook.sheets;
      if (list.length === 0) throw missing();
      return list[list.length - 1];
    });
  }

  getCount(visibleOnly = false): ClientResult<number> {
    this.context._requireApi("WorksheetCollection.getCount", "1.4");
    return this._invokeResult("getCount", [visibleOnly], (_e, x) => (visibleOnly ? x.workbook.visibleSheets() : x.workbook.sheets).length);
  }

  /** Queues the creation of a sheet; the name is checked at sync (InvalidArgument / ItemAlreadyExists). */
  add(name?: string): Worksheet {
    const sheet = new Worksheet(this.context, () => {
      throw missing("InvalidObjectPath");
    });
    this.context._enqueue("WorksheetCollection.add", 60 + (name?.length ?? 0), (x) => {
      if (name !== undefined && typeof name !== "string") throw invalid("a sheet name must be text");
      sheet._bind(x.workbook.addSheet(name));
    });
    return sheet;
  }
}

export class WorksheetProtection extends ClientObject {
  get _className(): string {
    return "WorksheetProtection";
  }
  _scalarNames(): string[] {
    return ["protected"];
  }
  _read(name: string, entity: unknown): unknown {
    return name === "protected" ? (entity as SheetModel).protection.protected : undefined;
  }
  get protected(): boolean {
    return this._get("protected");
  }
  protect(_options?: unknown, password?: string): void {
    this._invoke("protect", [password ?? null], (s) => {
      const sheet = s as SheetModel;
      if (sheet.protection.protected) return;
      sheet.protection = password ? { protected: true, password } : { protected: true };
    });
  }
  unprotect(password?: string): void {
    this._invoke("unprotect", [password ?? null], (s) => {
      const sheet = s as SheetModel;
      if (!sheet.protection.protected) return;
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) throw invalid("wrong password");
      sheet.protection = { protected: false };
    });
  }
}

export class WorksheetFreezePanes extends ClientObject {
  get _className(): string {
    return "WorksheetFreezePanes";
  }
  _scalarNames(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  private freeze(method: string, arg: unknown, set: (s: SheetModel, x: Exec) => void): void {
    this._invoke(method, [arg], (s, x) => set(s as SheetModel, x));
  }
  freezeRows(count = 1): void {
    this.freeze("freezeRows", count, (s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) throw invalid("count must be a row count");
      s.frozen = { rows: count, columns: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", count, (s) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS) throw invalid("count must be a column count");
      s.frozen = { rows: 0, columns: count };
    });
  }
  freezeAt(frozenRange: Range | string): void {
    if (typeof frozenRange !== "string") this._sameContext(frozenRange);
    this.freeze("freezeAt", typeof frozenRange === "string" ? frozenRange : "range", (s, x) => {
      const r = typeof frozenRange === "string" ? rectOn(s, frozenRange) : frozenRange._entity(x)?.rect;
      if (!r) throw missing();
      s.frozen = { rows: r.bottom + 1, columns: r.right + 1 };
    });
  }
  unfreeze(): void {
    this.freeze("unfreeze", null, (s) => {
      s.frozen = { rows: 0, columns: 0 };
    });
  }
  private location(s: SheetModel): RangeEntity | null {
    const { rows, columns } = s.frozen;
    if (rows === 0 && columns === 0) return null;
    if (columns === 0) return { sheet: s, rect: rect(0, 0, rows - 1, MAX_COLUMNS - 1) };
    if (rows === 0) return { sheet: s, rect: rect(0, 0, MAX_ROWS - 1, columns - 1) };
    return { sheet: s, rect: rect(0, 0, rows - 1, columns - 1) };
  }
  getLocationOrNullObject(): Range {
    return new Range(this.context, (x) => {
      const s = this._resolve(x) as SheetModel | null;
      return s ? this.location(s) : null;
    })._instantiate();
  }
  getLocation(): Range {
    return new Range(this.context, (x) => {
      const s = this._resolve(x) as SheetModel | null;
      if (!s) return null;
      const l = this.location(s);
      if (!l) throw missing("ItemNotFound", "no frozen panes");
      return l;
    });
  }
}

export class AutoFilter extends ClientObject {
  get _className(): string {
    return "AutoFilter";
  }
  _scalarNames(): string[] {
    return ["enabled", "isDataFiltered", "criteria"];
  }
  _read(name: string, entity: unknown): unknown {
    const f = (entity as SheetModel).autoFilter;
    if (name === "enabled") return !!f;
    if (name === "isDataFiltered") return !!f && Object.keys(f.criteria).length > 0;
    if (name === "criteria") return f ? Object.values(f.criteria) : [];
    return undefined;
  }
  get enabled(): boolean {
    return this._get("enabled");
  }
  get isDataFiltered(): boolean {
    return this._get("isDataFiltered");
  }
  get criteria(): unknown[] {
    return this._get("criteria");
  }
  apply(range: Range | string, columnIndex?: number, criteria?: unknown): void {
    if (typeof range !== "string") this._sameContext(range);
    this._invoke("apply", [typeof range === "string" ? range : "range", columnIndex ?? null, criteria ?? null], (s, x) => {
      const sheet = s as SheetModel;
      ensureWritable(sheet);
      let r: Rect | undefined;
      if (typeof range === "string") r = rectOn(sheet, range);
      else {
        const e = range._entity(x);
        if (e && e.sheet !== sheet) throw invalid("the range is on another sheet");
        r = e?.rect;
      }
      if (!r) throw missing();
      const kept =
        sheet.autoFilter && sheet.autoFilter.rect.top === r.top && sheet.autoFilter.rect.left === r.left ? sheet.autoFilter.criteria : {};
      const next = { rect: r, criteria: { ...kept } };
      if (columnIndex !== undefined && criteria !== undefined) {
        if (!Number.isInteger(columnIndex) || columnIndex < 0 || columnIndex > r.right - r.left)
          throw invalid("columnIndex is outside the range");
        next.criteria[columnIndex] = criteria;
      }
      sheet.autoFilter = next;
    });
  }
  clearCriteria(): void {
    this._invoke("clearCriteria", [], (s) => {
      const f = (s as SheetModel).autoFilter;
      if (f) f.criteria = {};
    });
  }
  remove(): void {
    this._invoke("remove", [], (s) => {
      (s as SheetModel).autoFilter = null;
    });
  }
  reapply(): void {
    this._invoke("reapply", [], () => undefined);
  }
  getRange(): Range {
    return new Range(this.context, (x) => {
      const s = this._resolve(x) as SheetModel | null;
      if (!s) return null;
      if (!s.autoFilter) throw missing("ItemNotFound", "the sheet has no filter");
      return { sheet: s, rect: s.autoFilter.rect };
    });
  }
  getRangeOrNullObject(): Range {
    return new Range(this.context, (x) => {
      const s = this._resolve(x) as SheetModel | null;
      return s && s.autoFilter ? { sheet: s, rect: s.autoFilter.rect } : null;
    })._instantiate();
  }
}

// ─── Tables ─────────────────────────────────────────────────────────────────────────────────────────

interface TableScope {
  sheet: SheetModel | null;
}

export class TableCollection extends ClientCollection<Table> {
  /** `scope.sheet` null means the workbook's collection. */
  constructor(context: ClientRequestContext, resolver: (x: Exec) => TableScope | null) {
    super(context, resolver);
  }
  get _className(): string {
    return "TableCollection";
  }
  override _ownScalars(): string[] {
    return ["count"];
  }
  override _readOwn(name: string, entity: unknown, x: Exec): unknown {
    return name === "count" ? this.tablesIn(entity as TableScope, x).length : undefined;
  }
  get count(): number {
    return this._get("count");
  }
  private tablesIn(scope: TableScope, x: Exec): TableModel[] {
    return x.workbook.tables.filter((t) => !scope.sheet || t.sheetId === scope.sheet.id);
  }
  _itemEntities(entity: unknown, x: Exec): unknown[] {
    return this.tablesIn(entity as TableScope, x);
  }
  _itemProxy(): Table {
    return new Table(this.context, () => {
      throw missing();
    });
  }
  getItem(key: string): Table {
    return new Table(this.context, (x) => {
      const scope = this._resolve(x) as TableScope;
      const t = this.tablesIn(scope, x).find((tb) => tb.id === key || tb.name.toUpperCase() === String(key).toUpperCase());
      if (!t) throw missing("ItemNotFound", `no table "${key}"`);
      return t;
    });
  }
  getItemOrNullObject(key: string): Table {
    this.context._requireApi("TableCollection.getItemOrNullObject", "1.4");
    return new Table(this.context, (x) => {
      const scope = this._resolve(x) as TableScope;
      return this.tablesIn(scope, x).find((tb) => tb.id === key || tb.name.toUpperCase() === String(key).toUpperCase()) ?? null;
    })._instantiate();
  }
  getCount(): ClientResult<number> {
    this.context._requireApi("TableCollection.getCount", "1.4");
    return this._invokeResult("getCount", [], (scope, x) => this.tablesIn(scope as TableScope, x).length);
  }
  add(addressOrRange: Range | string, hasHeaders: boolean): Table {
    if (typeof addressOrRange !== "string") this._sameContext(addressOrRange);
    const table = new Table(this.context, () => {
      throw missing("InvalidObjectPath");
    });
    this.context._enqueue("TableCollection.add", 80, (x) => {
      const scope = this._resolve(x) as TableScope;
      let target: RangeEntity | null;
      if (typeof addressOrRange === "string") {
        const ref = parseRangeRef(addressOrRange);
        if (!ref) throw invalid(`"${addressOrRange}" is not an address`);
        const sheet = scope.sheet ?? (ref.sheet !== undefined ? x.workbook.sheetByName(ref.sheet) : x.workbook.activeSheet());
        if (!sheet) throw missing("ItemNotFound", `no worksheet "${ref.sheet}"`);
        if (scope.sheet && ref.sheet !== undefined && ref.sheet.toUpperCase() !== scope.sheet.name.toUpperCase()) {
          throw invalid("the address is on another sheet");
        }
        target = { sheet, rect: ref.rect };
      } else target = addressOrRange._entity(x);
      if (!target) throw missing();
      ensureWritable(target.sheet);
      table._bind(x.workbook.addTable(target.sheet, target.rect, !!hasHeaders));
    });
    return table;
  }
}

export class Table extends ClientObject {
  private _rows?: TableRowCollection;
  private _worksheet?: Worksheet;
  get _className(): string {
    return "Table";
  }
  _scalarNames(): string[] {
    return ["id", "name", "showHeaders", "showTotals", "style"];
  }
  override _stillValid(entity: unknown, x: Exec): boolean {
    return x.workbook.tables.includes(entity as TableModel);
  }
  override _navigation(name: string): ClientObject | undefined {
    if (name === "rows") return this.rows;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }
  _read(name: string, entity: unknown): unknown {
    const t = entity as TableModel;
    switch (name) {
      case "id":
        return t.id;
      case "name":
        return t.name;
      case "showHeaders":
        return t.showHeaders;
      case "showTotals":
        return t.showTotals;
      case "style":
        return t.style;
      default:
        return undefined;
    }
  }
  private sheetOf(t: TableModel, x: Exec): SheetModel {
    const s = x.workbook.sheetById(t.sheetId);
    if (!s) throw missing();
    return s;
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._setProperty("name", value, (t, wire, x) => {
      const table = t as TableModel;
      if (typeof wire !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(wire) || wire.length > 255)
        throw invalid(`"${String(wire)}" is not a valid table name`);
      const clash = x.workbook.tableByName(wire);
      if (clash && clash !== table) throw new ModelError("ItemAlreadyExists", `a table named "${wire}" already exists`);
      table.name = wire;
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this._setProperty("style", value, (t, wire) => {
      if (typeof wire !== "string") throw invalid("a table style is text");
      (t as TableModel).style = wire;
    });
  }
  get rows(): TableRowCollection {
    if (!this._rows) this._rows = new TableRowCollection(this.context, (x) => this._resolve(x));
    return this._rows;
  }
  get worksheet(): Worksheet {
    if (!this._worksheet) {
      this._worksheet = new Worksheet(this.context, (x) => {
        const t = this._resolve(x) as TableModel | null;
        return t ? this.sheetOf(t, x) : null;
      });
    }
    return this._worksheet;
  }
  private part(pick: (t: TableModel) => Rect | null): Range {
    return new Range(this.context, (x) => {
      const t = this._resolve(x) as TableModel | null;
      if (!t) return null;
      const r = pick(t);
      if (!r) throw missing("ItemNotFound", "the table has no such part");
      return { sheet: this.sheetOf(t, x), rect: r };
    });
  }
  getRange(): Range {
    return this.part((t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this.part((t) => rect(t.rect.top, t.rect.left, t.rect.top, t.rect.right));
  }
  getDataBodyRange(): Range {
    // A table with only its header row still has one (empty) body row in Excel.
    return this.part((t) => rect(t.rect.top + 1, t.rect.left, Math.max(t.rect.bottom, t.rect.top + 1), t.rect.right));
  }
  delete(): void {
    this._invoke("delete", [], (t, x) => {
      const table = t as TableModel;
      const sheet = this.sheetOf(table, x);
      ensureWritable(sheet);
      sheet.clear(table.rect, "All");
      x.workbook.tables.splice(x.workbook.tables.indexOf(table), 1);
    });
  }
  convertToRange(): Range {
    const range = new Range(this.context, () => {
      throw missing("InvalidObjectPath");
    });
    this._invoke("convertToRange", [], (t, x) => {
      const table = t as TableModel;
      range._bind({ sheet: this.sheetOf(table, x), rect: table.rect });
      x.workbook.tables.splice(x.workbook.tables.indexOf(table), 1);
    });
    return range;
  }
}

export class TableRowCollection extends ClientObject {
  get _className(): string {
    return "TableRowCollection";
  }
  _scalarNames(): string[] {
    return ["count"];
  }
  _read(name: string, entity: unknown): unknown {
    const t = entity as TableModel;
    return name === "count" ? t.rect.bottom - t.rect.top : undefined;
  }
  get count(): number {
    return this._get("count");
  }
  getCount(): ClientResult<number> {
    return this._invokeResult("getCount", [], (t) => (t as TableModel).rect.bottom - (t as TableModel).rect.top);
  }
  /** Adds rows at the end (index null/undefined) or before data row `index`, shifting cells below down. */
  add(index?: number | null, values?: unknown[][] | string | number | boolean): void {
    this.context._enqueue("TableRowCollection.add", 60 + JSON.stringify(values ?? null).length, (x) => {
      const table = this._resolve(x) as TableModel | null;
      if (!table) return;
      const sheet = x.workbook.sheetById(table.sheetId);
      if (!sheet) throw missing();
      ensureWritable(sheet);
      const cols = table.rect.right - table.rect.left + 1;
      const wire = values === undefined ? null : JSON.parse(JSON.stringify(values));
      const rows = Array.isArray(wire) ? wire.length : 1;
      if (rows < 1) throw invalid("no rows to add");
      const dataRows = table.rect.bottom - table.rect.top;
      const at = index === undefined || index === null ? dataRows : index;
      if (!Number.isInteger(at) || at < 0 || at > dataRows) throw invalid(`index ${String(index)} is outside the table`);
      const firstRow = table.rect.top + 1 + at;
      x.workbook.shiftDown(sheet, rect(firstRow, table.rect.left, MAX_ROWS - 1 - rows, table.rect.right), rows);
      table.rect = rect(table.rect.top, table.rect.left, table.rect.bottom + rows, table.rect.right);
      if (wire !== null)
        writeEntries(
          { sheet, rect: rect(firstRow, table.rect.left, firstRow + rows - 1, table.rect.left + cols - 1) },
          wire,
          interpretEntry,
          x,
        );
    });
  }
}

// ─── Charts ─────────────────────────────────────────────────────────────────────────────────────────

interface ChartEntity {
  sheet: SheetModel;
  chart: ChartModel;
}

export class ChartCollection extends ClientCollection<Chart> {
  get _className(): string {
    return "ChartCollection";
  }
  override _ownScalars(): string[] {
    return ["count"];
  }
  override _readOwn(name: string, entity: unknown): unknown {
    return name === "count" ? (entity as SheetModel).charts.length : undefined;
  }
  get count(): number {
    return this._get("count");
  }
  _itemEntities(entity: unknown): unknown[] {
    const s = entity as SheetModel;
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  _itemProxy(): Chart {
    return new Chart(this.context, () => {
      throw missing();
    });
  }
  getItem(name: string): Chart {
    return new Chart(this.context, (x) => {
      const s = this._resolve(x) as SheetModel | null;
      if (!s) return null;
      const chart = s.charts.find((c) => c.name === name || c.id === name);
      if (!chart) throw missing("ItemNotFound", `no chart "${name}"`);
      return { sheet: s, chart };
    });
  }
  getItemOrNullObject(name: string): Chart {
    this.context._requireApi("ChartCollection.getItemOrNullObject", "1.4");
    return new Chart(this.context, (x) => {
      const s = this._resolve(x) as SheetModel | null;
      const chart = s?.charts.find((c) => c.name === name || c.id === name);
      return s && chart ? { sheet: s, chart } : null;
    })._instantiate();
  }
  getCount(): ClientResult<number> {
    this.context._requireApi("ChartCollection.getCount", "1.4");
    return this._invokeResult("getCount", [], (s) => (s as SheetModel).charts.length);
  }
  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    this._sameContext(sourceData);
    const chart = new Chart(this.context, () => {
      throw missing("InvalidObjectPath");
    });
    this.context._enqueue("ChartCollection.add", 80, (x) => {
      const sheet = this._resolve(x) as SheetModel | null;
      if (!sheet) return;
      if (!CHART_TYPES.includes(type)) throw invalid(`unknown chart type ${type}`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw invalid(`unknown seriesBy ${seriesBy}`);
      ensureWritable(sheet);
      const source = sourceData._entity(x);
      if (!source) throw missing();
      const n = x.workbook.sheets.reduce((s, sh) => s + sh.charts.length, 0) + 1;
      const model: ChartModel = {
        id: `{${x.workbook.nextId("chart-")}}`,
        name: `Chart ${n}`,
        chartType: type,
        source: source.rect,
        seriesBy,
        title: "",
        titleVisible: false,
        legendVisible: true,
        legendPosition: "Right",
        anchor: null,
      };
      sheet.charts.push(model);
      chart._bind({ sheet, chart: model });
    });
    return chart;
  }
}

export class Chart extends ClientObject {
  private _title?: ChartTitle;
  private _legend?: ChartLegend;
  get _className(): string {
    return "Chart";
  }
  _scalarNames(): string[] {
    return ["id", "name", "chartType"];
  }
  override _stillValid(entity: unknown): boolean {
    const e = entity as ChartEntity;
    return e.sheet.charts.includes(e.chart);
  }
  override _navigation(name: string): ClientObject | undefined {
    if (name === "title") return this.title;
    if (name === "legend") return this.legend;
    return undefined;
  }
  _read(name: string, entity: unknown): unknown {
    const { chart } = entity as ChartEntity;
    if (name === "id") return chart.id;
    if (name === "name") return chart.name;
    if (name === "chartType") return chart.chartType;
    return undefined;
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._setProperty("name", value, (e, wire) => {
      if (typeof wire !== "string" || wire === "") throw invalid("a chart name is text");
      (e as ChartEntity).chart.name = wire;
    });
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(value: string) {
    this._setProperty("chartType", value, (e, wire) => {
      if (typeof wire !== "string" || !CHART_TYPES.includes(wire)) throw invalid(`unknown chart type ${String(wire)}`);
      (e as ChartEntity).chart.chartType = wire;
    });
  }
  get title(): ChartTitle {
    if (!this._title) this._title = new ChartTitle(this.context, (x) => this._resolve(x));
    return this._title;
  }
  get legend(): ChartLegend {
    if (!this._legend) this._legend = new ChartLegend(this.context, (x) => this._resolve(x));
    return this._legend;
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._invoke(
      "setPosition",
      [typeof startCell === "string" ? startCell : "range", typeof endCell === "string" ? endCell : null],
      (entity, x) => {
        const { sheet, chart } = entity as ChartEntity;
        const toRect = (c: Range | string) => {
          if (typeof c === "string") return rectOn(sheet, c);
          this._sameContext(c);
          const e = c._entity(x);
          if (!e) throw missing();
          return e.rect;
        };
        const a = toRect(startCell);
        chart.anchor = endCell === undefined ? a : boundingRect(a, toRect(endCell));
      },
    );
  }
  delete(): void {
    this._invoke("delete", [], (entity) => {
      const { sheet, chart } = entity as ChartEntity;
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

export class ChartTitle extends ClientObject {
  get _className(): string {
    return "ChartTitle";
  }
  _scalarNames(): string[] {
    return ["text", "visible"];
  }
  _read(name: string, entity: unknown): unknown {
    const { chart } = entity as ChartEntity;
    return name === "text" ? chart.title : name === "visible" ? chart.titleVisible : undefined;
  }
  get text(): string {
    return this._get("text");
  }
  set text(value: string) {
    this._setProperty("text", value, (e, wire) => {
      if (typeof wire !== "string") throw invalid("a title is text");
      (e as ChartEntity).chart.title = wire;
      (e as ChartEntity).chart.titleVisible = wire !== "";
    });
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._setProperty("visible", value, (e, wire) => {
      (e as ChartEntity).chart.titleVisible = !!wire;
    });
  }
}

export class ChartLegend extends ClientObject {
  get _className(): string {
    return "ChartLegend";
  }
  _scalarNames(): string[] {
    return ["visible", "position"];
  }
  _read(name: string, entity: unknown): unknown {
    const { chart } = entity as ChartEntity;
    return name === "visible" ? chart.legendVisible : name === "position" ? chart.legendPosition : undefined;
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._setProperty("visible", value, (e, wire) => {
      (e as ChartEntity).chart.legendVisible = !!wire;
    });
  }
  get position(): string {
    return this._get("position");
  }
  set position(value: string) {
    this._setProperty("position", value, (e, wire) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(String(wire)))
        throw invalid(`unknown legend position ${String(wire)}`);
      (e as ChartEntity).chart.legendPosition = String(wire);
    });
  }
}

// ─── Settings ───────────────────────────────────────────────────────────────────────────────────────

function settingJson(value: unknown): string {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") throw invalid("a setting value must be JSON data");
  try {
    const text = JSON.stringify(value);
    if (text === undefined) throw invalid("a setting value must be JSON data");
    return text;
  } catch (e) {
    if (e instanceof ModelError) throw e;
    throw invalid("a setting value must be JSON data");
  }
}

export class SettingCollection extends ClientCollection<Setting> {
  get _className(): string {
    return "SettingCollection";
  }
  _itemEntities(_e: unknown, x: Exec): unknown[] {
    return [...x.workbook.settings.keys()].map((key) => ({ key }));
  }
  _itemProxy(): Setting {
    return new Setting(this.context, () => {
      throw missing();
    });
  }
  add(key: string, value: unknown): Setting {
    const setting = new Setting(this.context, () => ({ key }));
    this.context._enqueue("SettingCollection.add", 60 + String(key).length + (JSON.stringify(value ?? null) ?? "").length, (x) => {
      if (typeof key !== "string" || key === "") throw invalid("a setting key is non-empty text");
      x.workbook.settings.set(key, settingJson(value));
      setting._bind({ key });
    });
    return setting;
  }
  getItem(key: string): Setting {
    return new Setting(this.context, (x) => {
      if (!x.workbook.settings.has(key)) throw missing("ItemNotFound", `no setting "${key}"`);
      return { key };
    });
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, (x) => (x.workbook.settings.has(key) ? { key } : null))._instantiate();
  }
  getCount(): ClientResult<number> {
    return this._invokeResult("getCount", [], (_e, x) => x.workbook.settings.size);
  }
}

export class Setting extends ClientObject {
  get _className(): string {
    return "Setting";
  }
  _scalarNames(): string[] {
    return ["key", "value"];
  }
  override _stillValid(entity: unknown, x: Exec): boolean {
    return x.workbook.settings.has((entity as { key: string }).key);
  }
  _read(name: string, entity: unknown, x: Exec): unknown {
    const { key } = entity as { key: string };
    if (name === "key") return key;
    if (name === "value") {
      const text = x.workbook.settings.get(key);
      return text === undefined ? null : JSON.parse(text);
    }
    return undefined;
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._setProperty("value", v, (e, wire, x) => {
      x.workbook.settings.set((e as { key: string }).key, settingJson(wire));
    });
  }
  delete(): void {
    this._invoke("delete", [], (e, x) => {
      x.workbook.settings.delete((e as { key: string }).key);
    });
  }
}

// ─── Worksheet custom properties ────────────────────────────────────────────────────────────────────

interface CustomPropertyEntity {
  sheet: SheetModel;
  key: string;
}

/** Keys are case-insensitive and at most 255 characters; values are text. */
function customPropertyKey(key: unknown): string {
  if (typeof key !== "string" || key === "") throw invalid("a custom property key is non-empty text");
  if (key.length > 255) throw invalid("a custom property key has at most 255 characters");
  return key.toUpperCase();
}

export class WorksheetCustomPropertyCollection extends ClientCollection<WorksheetCustomProperty> {
  get _className(): string {
    return "WorksheetCustomPropertyCollection";
  }
  _itemEntities(entity: unknown): unknown[] {
    const sheet = entity as SheetModel;
    return [...sheet.customProperties.keys()].map((key) => ({ sheet, key }));
  }
  _itemProxy(): WorksheetCustomProperty {
    return new WorksheetCustomProperty(this.context, () => {
      throw missing();
    });
  }
  /** Adds the property, or overwrites the value of an existing one with that key. */
  add(key: string, value: string): WorksheetCustomProperty {
    const property = new WorksheetCustomProperty(this.context, () => {
      throw missing("InvalidObjectPath");
    });
    this.context._enqueue("WorksheetCustomPropertyCollection.add", 60 + String(key).length + String(value).length, (x) => {
      const sheet = this._resolve(x) as SheetModel | null;
      if (!sheet) return;
      const k = customPropertyKey(key);
      if (typeof value !== "string") throw invalid("a custom property value is text");
      const existing = sheet.customProperties.get(k);
      sheet.customProperties.set(k, { key: existing?.key ?? key, value });
      property._bind({ sheet, key: k });
    });
    return property;
  }
  getItem(key: string): WorksheetCustomProperty {
    return new WorksheetCustomProperty(this.context, (x) => {
      const sheet = this._resolve(x) as SheetModel | null;
      if (!sheet) return null;
      const k = customPropertyKey(key);
      if (!sheet.customProperties.has(k)) throw missing("ItemNotFound", `no custom property "${key}"`);
      return { sheet, key: k };
    });
  }
  getItemOrNullObject(key: string): WorksheetCustomProperty {
    return new WorksheetCustomProperty(this.context, (x) => {
      const sheet = this._resolve(x) as SheetModel | null;
      const k = customPropertyKey(key);
      return sheet && sheet.customProperties.has(k) ? { sheet, key: k } : null;
    })._instantiate();
  }
  getCount(): ClientResult<number> {
    return this._invokeResult("getCount", [], (s) => (s as SheetModel).customProperties.size);
  }
}

export class WorksheetCustomProperty extends ClientObject {
  get _className(): string {
    return "WorksheetCustomProperty";
  }
  _scalarNames(): string[] {
    return ["key", "value"];
  }
  override _stillValid(entity: unknown, x: Exec): boolean {
    const e = entity as CustomPropertyEntity;
    return sheetStillThere(e.sheet, x) && e.sheet.customProperties.has(e.key);
  }
  _read(name: string, entity: unknown): unknown {
    const e = entity as CustomPropertyEntity;
    const p = e.sheet.customProperties.get(e.key);
    if (name === "key") return p?.key;
    if (name === "value") return p?.value;
    return undefined;
  }
  get key(): string {
    return this._get("key");
  }
  get value(): string {
    return this._get("value");
  }
  set value(v: string) {
    this._setProperty("value", v, (entity, wire) => {
      const e = entity as CustomPropertyEntity;
      if (typeof wire !== "string") throw invalid("a custom property value is text");
      const p = e.sheet.customProperties.get(e.key);
      if (p) p.value = wire;
    });
  }
  delete(): void {
    this._invoke("delete", [], (entity) => {
      const e = entity as CustomPropertyEntity;
      e.sheet.customProperties.delete(e.key);
    });
  }
}

// ─── Custom XML parts ───────────────────────────────────────────────────────────────────────────────

/** Checks that `xml` is one well-formed element (with an optional prolog) and returns its namespace. */
export function rootNamespace(xml: string): string {
  const body = xml
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  let rootNs: string | null = null;
  let roots = 0;
  const tag =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<|[^<]+/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(body))) {
    const token = m[0];
    if (token.startsWith("<!--") || token.startsWith("<![CDATA[") || token.startsWith("<?")) continue;
    if (token === "<") throw invalid("the XML is not well formed");
    if (!token.startsWith("<")) {
      if (stack.length === 0 && token.trim() !== "") throw invalid("text outside the root element");
      continue;
    }
    const [, closing, name, attrs, selfClosing] = m;
    if (closing) {
      if (stack.pop() !== name) throw invalid(`</${name}> does not close the open element`);
      continue;
    }
    if (stack.length === 0) {
      roots += 1;
      if (roots > 1) throw invalid("the XML has more than one root element");
      const prefix = name.includes(":") ? name.split(":")[0] : "";
      const attr = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(` ${attrs}`);
      rootNs = attr ? (attr[2] ?? attr[3] ?? "") : "";
    }
    if (!selfClosing) stack.push(name);
  }
  if (roots !== 1 || stack.length > 0) throw invalid("the XML is not one complete element");
  return rootNs ?? "";
}

export class CustomXmlPartCollection extends ClientCollection<CustomXmlPart> {
  get _className(): string {
    return "CustomXmlPartCollection";
  }
  _itemEntities(_e: unknown, x: Exec): unknown[] {
    return [...x.workbook.customXmlParts];
  }
  _itemProxy(): CustomXmlPart {
    return new CustomXmlPart(this.context, () => {
      throw missing();
    });
  }
  add(xml: string): CustomXmlPart {
    const part = new CustomXmlPart(this.context, () => {
      throw missing("InvalidObjectPath");
    });
    this.context._enqueue("CustomXmlPartCollection.add", 60 + String(xml).length, (x) => {
      if (typeof xml !== "string") throw invalid("the XML must be text");
      const namespaceUri = rootNamespace(xml);
      const n = x.workbook.nextId("");
      const model: CustomXmlPartModel = { id: `{${`00000000${n}`.slice(-8)}-0000-4000-8000-000000000000}`, namespaceUri, xml };
      x.workbook.customXmlParts.push(model);
      part._bind(model);
    });
    return part;
  }
  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, (x) => {
      const p = x.workbook.customXmlParts.find((c) => c.id === id);
      if (!p) throw missing("ItemNotFound", `no custom XML part ${id}`);
      return p;
    });
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, (x) => x.workbook.customXmlParts.find((c) => c.id === id) ?? null)._instantiate();
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    return new CustomXmlPartScopedCollection(this.context, () => ({ namespaceUri }));
  }
  getCount(): ClientResult<number> {
    return this._invokeResult("getCount", [], (_e, x) => x.workbook.customXmlParts.length);
  }
}

export class CustomXmlPartScopedCollection extends ClientCollection<CustomXmlPart> {
  get _className(): string {
    return "CustomXmlPartScopedCollection";
  }
  private parts(entity: unknown, x: Exec): CustomXmlPartModel[] {
    const { namespaceUri } = entity as { namespaceUri: string };
    return x.workbook.customXmlParts.filter((p) => p.namespaceUri === namespaceUri);
  }
  _itemEntities(entity: unknown, x: Exec): unknown[] {
    return this.parts(entity, x);
  }
  _itemProxy(): CustomXmlPart {
    return new CustomXmlPart(this.context, () => {
      throw missing();
    });
  }
  getCount(): ClientResult<number> {
    return this._invokeResult("getCount", [], (e, x) => this.parts(e, x).length);
  }
  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, (x) => {
      const p = this.parts(this._resolve(x), x).find((c) => c.id === id);
      if (!p) throw missing("ItemNotFound", `no custom XML part ${id}`);
      return p;
    });
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, (x) => this.parts(this._resolve(x), x).find((c) => c.id === id) ?? null)._instantiate();
  }
  getOnlyItem(): CustomXmlPart {
    return new CustomXmlPart(this.context, (x) => {
      const list = this.parts(this._resolve(x), x);
      if (list.length === 0) throw missing("ItemNotFound", "no custom XML part in this namespace");
      if (list.length > 1) throw new ModelError("InvalidOperation", "more than one custom XML part in this namespace");
      return list[0];
    });
  }
  getOnlyItemOrNullObject(): CustomXmlPart {
    return new CustomXmlPart(this.context, (x) => {
      const list = this.parts(this._resolve(x), x);
      return list.length === 1 ? list[0] : null;
    })._instantiate();
  }
}

export class CustomXmlPart extends ClientObject {
  get _className(): string {
    return "CustomXmlPart";
  }
  _scalarNames(): string[] {
    return ["id", "namespaceUri"];
  }
  override _stillValid(entity: unknown, x: Exec): boolean {
    return x.workbook.customXmlParts.includes(entity as CustomXmlPartModel);
  }
  _read(name: string, entity: unknown): unknown {
    const p = entity as CustomXmlPartModel;
    return name === "id" ? p.id : name === "namespaceUri" ? p.namespaceUri : undefined;
  }
  get id(): string {
    return this._get("id");
  }
  get namespaceUri(): string {
    return this._get("namespaceUri");
  }
  getXml(): ClientResult<string> {
    return this._invokeResult("getXml", [], (p) => (p as CustomXmlPartModel).xml);
  }
  setXml(xml: string): void {
    this._invoke("setXml", [xml], (p) => {
      const part = p as CustomXmlPartModel;
      part.namespaceUri = rootNamespace(xml);
      part.xml = xml;
    });
  }
  delete(): void {
    this._invoke("delete", [], (p, x) => {
      const list = x.workbook.customXmlParts;
      list.splice(list.indexOf(p as CustomXmlPartModel), 1);
    });
  }
}

// ─── Application, Workbook, RequestContext ──────────────────────────────────────────────────────────

export class Application extends ClientObject {
  get _className(): string {
    return "Application";
  }
  _scalarNames(): string[] {
    return ["calculationMode"];
  }
  _read(name: string, _e: unknown, x: Exec): unknown {
    return name === "calculationMode" ? x.workbook.calculationMode : undefined;
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(value: string) {
    this._setProperty("calculationMode", value, (_e, wire, x) => {
      if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(String(wire)))
        throw invalid(`unknown calculation mode ${String(wire)}`);
      x.workbook.calculationMode = String(wire);
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context._requireApi("Application.suspendApiCalculationUntilNextSync", "1.6");
    this._invoke("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context._requireApi("Application.suspendScreenUpdatingUntilNextSync", "1.9");
    this._invoke("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
  calculate(_type?: string): void {
    this._invoke("calculate", [], () => undefined);
  }
}

/**
 * The result of a worksheet function called through `workbook.functions` (ExcelApi 1.2): `value` and `error`, loaded
 * like any proxy and known only after a sync. Only DATE is modelled — it answers in the workbook's date system.
 */
export class FunctionResult extends ClientObject {
  get _className(): string {
    return "FunctionResult";
  }
  _scalarNames(): string[] {
    return ["value", "error"];
  }
  _read(name: string, entity: unknown): unknown {
    const r = entity as { value: unknown; error: string | null };
    return name === "value" ? r.value : name === "error" ? r.error : undefined;
  }
  get value(): unknown {
    return this._get("value");
  }
  get error(): string | null {
    return this._get("error");
  }
}

/** A date's serial in the 1900 system: days from 1899-12-30 from March 1900 on, one fewer before (Lotus's 29/2/1900). */
function serialOf1900(year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return days < 61 ? days - 1 : days;
}

export class Functions extends ClientObject {
  get _className(): string {
    return "Functions";
  }
  _scalarNames(): string[] {
    return [];
  }
  _read(): unknown {
    return undefined;
  }
  /** DATE(year, month, day) as Excel computes it: a serial in the workbook's date system, #NUM! before its day 0. */
  date(year: number, month: number, day: number): FunctionResult {
    return new FunctionResult(this.context, (x) => {
      const serial = serialOf1900(year, month, day) - (x.workbook.date1904 ? 1462 : 0);
      return serial < 0 ? { value: "#NUM!", error: "#NUM!" } : { value: serial, error: null };
    });
  }
}

export class Workbook extends ClientObject {
  private _functions?: Functions;
  private _worksheets?: WorksheetCollection;
  private _tables?: TableCollection;
  private _settings?: SettingCollection;
  private _customXmlParts?: CustomXmlPartCollection;
  private _application?: Application;

  get _className(): string {
    return "Workbook";
  }
  _scalarNames(): string[] {
    return ["name"];
  }
  override _navigation(name: string): ClientObject | undefined {
    switch (name) {
      case "worksheets":
        return this.worksheets;
      case "tables":
        return this.tables;
      case "settings":
        return this.settings;
      case "customXmlParts":
        return this.customXmlParts;
      case "application":
        return this.application;
      case "functions":
        return this.functions;
      default:
        return undefined;
    }
  }
  _read(name: string, _e: unknown, x: Exec): unknown {
    return name === "name" ? x.workbook.name : undefined;
  }
  get name(): string {
    this.context._requireApi("Workbook.name", "1.7");
    return this._get("name");
  }
  get worksheets(): WorksheetCollection {
    if (!this._worksheets) this._worksheets = new WorksheetCollection(this.context, (x) => x.workbook);
    return this._worksheets;
  }
  get tables(): TableCollection {
    if (!this._tables) this._tables = new TableCollection(this.context, () => ({ sheet: null }));
    return this._tables;
  }
  get settings(): SettingCollection {
    this.context._requireApi("Workbook.settings", "1.4");
    if (!this._settings) this._settings = new SettingCollection(this.context, (x) => x.workbook);
    return this._settings;
  }
  get customXmlParts(): CustomXmlPartCollection {
    this.context._requireApi("Workbook.customXmlParts", "1.5");
    if (!this._customXmlParts) this._customXmlParts = new CustomXmlPartCollection(this.context, (x) => x.workbook);
    return this._customXmlParts;
  }
  get application(): Application {
    if (!this._application) this._application = new Application(this.context, (x) => x.workbook);
    return this._application;
  }
  get functions(): Functions {
    this.context._requireApi("Workbook.functions", "1.2");
    if (!this._functions) this._functions = new Functions(this.context, (x) => x.workbook);
    return this._functions;
  }

  getSelectedRange(): Range {
    return new Range(this.context, (x) => {
      const sel = x.workbook.selection;
      if (sel.areas.length !== 1) throw new ModelError("InvalidSelection", "more than one range is selected");
      const sheet = x.workbook.sheetById(sel.sheetId) ?? x.workbook.activeSheet();
      return { sheet, rect: sel.areas[0] };
    });
  }

  getSelectedRanges(): RangeAreas {
    this.context._requireApi("Workbook.getSelectedRanges", "1.9");
    return new RangeAreas(this.context, (x) => {
      const sel = x.workbook.selection;
      const sheet = x.workbook.sheetById(sel.sheetId) ?? x.workbook.activeSheet();
      return { sheet, areas: [...sel.areas] };
    });
  }

  getActiveCell(): Range {
    this.context._requireApi("Workbook.getActiveCell", "1.7");
    return new Range(this.context, (x) => {
      const sel = x.workbook.selection;
      const sheet = x.workbook.sheetById(sel.sheetId) ?? x.workbook.activeSheet();
      const a = sel.areas[0];
      return { sheet, rect: rect(a.top, a.left, a.top, a.left) };
    });
  }
}

/** Excel.RequestContext: `context.workbook`, `context.application`, `context.sync()`. */
export class RequestContext extends ClientRequestContext {
  readonly workbook: Workbook;

  constructor(host: HostRuntime) {
    super(host);
    this.workbook = new Workbook(this, (x) => x.workbook);
  }

  get application(): Application {
    return this.workbook.application;
  }
}

/**
 * Excel.run: runs the batch with a fresh context — or, given one (`Excel.run(eventResult.context, …)`), on that one
 * again — syncs what is left, then retires the context.
 */
export async function runBatch<T>(
  host: HostRuntime,
  batch: (context: RequestContext) => Promise<T>,
  existing?: RequestContext,
): Promise<T> {
  const context = existing ?? new RequestContext(host);
  context._finished = false;
  try {
    const pending = batch(context) as unknown;
    if (!pending || typeof (pending as Promise<T>).then !== "function") throw officeError("RunMustReturnPromise", "Excel.run");
    const result = await (pending as Promise<T>);
    await context.sync();
    return result;
  } finally {
    context._finished = true;
  }
}

type ExcelHostEvents = SheetEventRegistry;

/** An object Worksheet.onChanged.add returns. */
export interface EventHandlerResult {
  context: RequestContext;
  remove(): void;
}

/** The host's event registry (hosts without one cannot register events). */
function eventsOf(x: Exec): SheetEventRegistry {
  const events = (x.host as { events?: SheetEventRegistry }).events;
  if (!events) throw officeError("CannotRegisterEvent", "Worksheet.onChanged.add");
  return events;
}
