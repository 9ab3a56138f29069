/**
 * The workbook behind the stand-in: sheets of sparse cells, merges, formats, tables, charts,
 * settings and custom XML parts. It knows Excel's rules (sheet names, merges, Text-formatted
 * cells) but nothing about proxies or sync; excel-api.ts drives it one queued action at a time.
 * Coordinates are 0-based.
 */

import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  cellCountOf,
  contains,
  intersection,
  intersects,
  isEntireColumns,
  isEntireRows,
  rect,
} from "./addresses";
import { CellEntry, CellScalar } from "./cell-entry";
import { ErrorValue, FormulaScope, Scalar, evaluateFormula } from "./formula";
import { OfficeErrorCode } from "./office-errors";

export interface BorderData {
  style: string;
  color: string;
  weight: string;
}

export type BorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export interface CellFormat {
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontName?: string;
  fontSize?: number;
  underline?: string;
  strikethrough?: boolean;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Partial<Record<BorderSide, BorderData>>;
}

export interface Hyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface CellData {
  value: CellScalar | null;
  error?: string;
  formula?: string;
  prefixed?: boolean;
  format?: CellFormat;
  hyperlink?: Hyperlink;
}

export const DEFAULT_FORMAT: Required<Omit<CellFormat, "borders" | "fill">> & { fill: string | undefined } = {
  numberFormat: "General",
  fill: undefined,
  bold: false,
  italic: false,
  fontColor: "#000000",
  fontName: "Calibri",
  fontSize: 11,
  underline: "None",
  strikethrough: false,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
};

/** Excel's standard column width and row height, in points. */
export const STANDARD_WIDTH = 48;
export const STANDARD_HEIGHT = 15;

/** A rule broken inside the model; excel-api.ts turns it into an OfficeError with a location. */
export class ModelError extends Error {
  constructor(
    readonly code: OfficeErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  source: Rect;
  seriesBy: string;
  title: string;
  titleVisible: boolean;
  legendVisible: boolean;
  legendPosition: string;
  anchor: Rect | null;
}

export interface CustomXmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

/** One cell's data validation (ExcelApi 1.8, data-validation.ts); `rule` null for none. */
export interface ValidationSettings {
  rule: { list: { inCellDropDown: boolean; source: string } } | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface AutoFilterModel {
  rect: Rect;
  criteria: Record<number, unknown>;
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;

/** Excel's rules for a sheet name; returns why a name is refused, or null. */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== "string") return "a sheet name must be text";
  if (name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > 31) return "a sheet name has at most 31 characters";
  if (FORBIDDEN_SHEET_CHARS.test(name)) return "a sheet name cannot contain [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with an apostrophe";
  if (name.toUpperCase() === "HISTORY") return "History is a name Excel reserves";
  return null;
}

function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

function isEmptyFormat(f: CellFormat | undefined): boolean {
  return !f || Object.keys(f).length === 0;
}

export function hasContent(c: CellData): boolean {
  return c.value !== null || c.error !== undefined || c.formula !== undefined;
}

export class SheetModel {
  readonly cells = new Map<number, CellData>();
  merges: Rect[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly columnFormats = new Map<number, CellFormat>();
  readonly rowFormats = new Map<number, CellFormat>();
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  showGridlines = true;
  protection: { protected: boolean; password?: string } = { protected: false };
  frozen = { rows: 0, columns: 0 };
  /** Row height for rows without their own, changed when whole columns get a row height. */
  defaultRowHeight = STANDARD_HEIGHT;
  autoFilter: AutoFilterModel | null = null;
  charts: ChartModel[] = [];
  /** Worksheet-level custom properties (ExcelApi 1.12), by upper-cased key: they travel with the sheet. */
  readonly customProperties = new Map<string, { key: string; value: string }>();
  /** Data validation, as disjoint areas each with its settings (data-validation.ts). */
  validations: Array<{ rect: Rect; settings: ValidationSettings }> = [];
  /** The rectangle of cells whose value changed since Worksheet.onChanged handlers were last told (events.ts). */
  written: Rect | null = null;
  /** The first cell written since then, as it was before (the event's `details` when it is the only one). */
  writtenBefore: { value: CellScalar | null; error?: string } | null = null;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  static key(row: number, col: number): number {
    return row * MAX_COLUMNS + col;
  }

  get(row: number, col: number): CellData | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }

  ensure(row: number, col: number): CellData {
    const k = SheetModel.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null };
      this.cells.set(k, c);
    }
    return c;
  }

  private dropIfBare(row: number, col: number, c: CellData): void {
    if (!hasContent(c) && isEmptyFormat(c.format) && !c.hyperlink) this.cells.delete(SheetModel.key(row, col));
  }

  /** Calls `visit` for each stored cell in `r`, walking whichever is smaller: the rectangle or the map. */
  forEachStored(r: Rect, visit: (row: number, col: number, cell: CellData) => void): void {
    if (cellCountOf(r) <= this.cells.size * 2) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const c = this.cells.get(row * MAX_COLUMNS + col);
          if (c) visit(row, col, c);
        }
      }
      return;
    }
    for (const [k, c] of Array.from(this.cells.entries())) {
      const row = Math.floor(k / MAX_COLUMNS);
      const col = k - row * MAX_COLUMNS;
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) visit(row, col, c);
    }
  }

  /** The format a cell shows: its own, over its row's, over its column's. */
  effectiveFormat(row: number, col: number): CellFormat {
    const own = this.get(row, col)?.format;
    const rowF = this.rowFormats.get(row);
    const colF = this.columnFormats.get(col);
    if (!rowF && !colF) return own ?? {};
    return { ...colF, ...rowF, ...own };
  }

  numberFormatAt(row: number, col: number): string {
    return this.effectiveFormat(row, col).numberFormat ?? "General";
  }

  /** Records a changed value for Worksheet.onChanged. */
  noteWrite(row: number, col: number): void {
    const w = this.written;
    if (!w) {
      const c = this.get(row, col);
      this.writtenBefore = { value: c?.value ?? null, ...(c?.error ? { error: c.error } : {}) };
    }
    this.written = w
      ? { top: Math.min(w.top, row), left: Math.min(w.left, col), bottom: Math.max(w.bottom, row), right: Math.max(w.right, col) }
      : { top: row, left: col, bottom: row, right: col };
  }

  writeEntry(row: number, col: number, entry: CellEntry): void {
    const existing = this.get(row, col);
    if (existing || entry.value !== null || entry.error !== undefined || entry.formula !== undefined) this.noteWrite(row, col);
    if (entry.value === null && entry.error === undefined && entry.formula === undefined) {
      if (!existing) return;
      existing.value = null;
      delete existing.error;
      delete existing.formula;
      delete existing.prefixed;
      this.dropIfBare(row, col, existing);
      return;
    }
    const c = existing ?? this.ensure(row, col);
    c.value = entry.value;
    if (entry.error !== undefined) c.error = entry.error;
    else delete c.error;
    if (entry.formula !== undefined) c.formula = entry.formula;
    else delete c.formula;
    if (entry.prefixed) c.prefixed = true;
    else delete c.prefixed;
    if (entry.numberFormat && this.numberFormatAt(row, col) === "General") {
      c.format = { ...c.format, numberFormat: entry.numberFormat };
    }
  }

  setCellFormat(row: number, col: number, patch: CellFormat): void {
    const c = this.ensure(row, col);
    const next: CellFormat = { ...c.format, ...patch };
    for (const k of Object.keys(next) as Array<keyof CellFormat>) if (next[k] === undefined) delete next[k];
    c.format = next;
    this.dropIfBare(row, col, c);
  }

  /** Applies a format to a range; whole rows or columns keep it for cells written later too. */
  applyFormat(r: Rect, patch: CellFormat): void {
    if (isEntireColumns(r) || isEntireRows(r)) {
      const byColumn = isEntireColumns(r);
      const from = byColumn ? r.left : r.top;
      const to = byColumn ? r.right : r.bottom;
      const layer = byColumn ? this.columnFormats : this.rowFormats;
      for (let i = from; i <= to; i++) {
        const next: CellFormat = { ...layer.get(i), ...patch };
        for (const k of Object.keys(next) as Array<keyof CellFormat>) if (next[k] === undefined) delete next[k];
        if (isEmptyFormat(next)) layer.delete(i);
        else layer.set(i, next);
      }
      const touched: Array<[number, number]> = [];
      this.forEachStored(r, (row, col, c) => {
        if (c.format) touched.push([row, col]);
      });
      for (const [row, col] of touched) this.setCellFormat(row, col, patch);
      return;
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) this.setCellFormat(row, col, patch);
    }
  }

  clear(r: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    const links = applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks";
    const hits: Array<[number, number, CellData]> = [];
    this.forEachStored(r, (row, col, c) => hits.push([row, col, c]));
    for (const [row, col, c] of hits) {
      if (contents) {
        c.value = null;
        delete c.error;
        delete c.formula;
        delete c.prefixed;
      }
      if (formats) delete c.format;
      if (links) delete c.hyperlink;
      this.dropIfBare(row, col, c);
    }
    if (formats && (isEntireColumns(r) || isEntireRows(r))) {
      const byColumn = isEntireColumns(r);
      for (let i = byColumn ? r.left : r.top; i <= (byColumn ? r.right : r.bottom); i++) {
        (byColumn ? this.columnFormats : this.rowFormats).delete(i);
      }
    }
    if (formats && applyTo === "All") this.merges = this.merges.filter((m) => !contains(r, m));
  }

  /** The smallest rectangle holding every used cell, or null for an empty sheet. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.cells.forEach((c, k) => {
      if (c.value === null && c.error === undefined && c.formula === undefined) {
        if (valuesOnly || (isEmptyFormat(c.format) && !c.hyperlink)) return;
      }
      const row = Math.floor(k / MAX_COLUMNS);
      const col = k - row * MAX_COLUMNS;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    });
    if (bottom < 0) return null;
    return rect(top, left, bottom, right);
  }

  /** Merged areas whose top-left cell lies in `r` — what Excel's getMergedAreasOrNullObject reports. */
  mergesAnchoredIn(r: Rect): Rect[] {
    return this.merges
      .filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right)
      .sort((a, b) => a.top - b.top || a.left - b.left);
  }

  merge(r: Rect, across: boolean): void {
    const areas: Rect[] = [];
    if (across) for (let row = r.top; row <= r.bottom; row++) areas.push(rect(row, r.left, row, r.right));
    else areas.push(r);
    for (const area of areas) {
      if (area.top === area.bottom && area.left === area.right) continue;
      this.merges = this.merges.filter((m) => !intersects(m, area));
      // Excel keeps the upper-left value of a merged area and drops the others.
      const drop: Array<[number, number]> = [];
      this.forEachStored(area, (row, col, c) => {
        if ((row !== area.top || col !== area.left) && hasContent(c)) drop.push([row, col]);
      });
      for (const [row, col] of drop) this.writeEntry(row, col, { value: null });
      this.merges.push(area);
    }
  }

  unmerge(r: Rect): void {
    this.merges = this.merges.filter((m) => !intersects(m, r));
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? STANDARD_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? this.defaultRowHeight;
  }
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  activeSheetId = "";
  /** The selection: one sheet, one or more areas. */
  selection: { sheetId: string; areas: Rect[] } = { sheetId: "", areas: [rect(0, 0, 0, 0)] };
  /** Workbook settings as JSON text, so every read hands out a fresh copy like Excel does. */
  readonly settings = new Map<string, string>();
  readonly customXmlParts: CustomXmlPartModel[] = [];
  readonly tables: TableModel[] = [];
  name = "Book1.xlsx";
  calculationMode = "Automatic";
  /** The workbook's date system (File › Options › "Use 1904 date system"): serial 0 is 1904-01-01 instead of 1899-12-30. */
  date1904 = false;
  private counter = 0;

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter}`;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** A worksheet by name or by id, as WorksheetCollection.getItem accepts both. */
  sheetByKey(key: string): SheetModel | undefined {
    return this.sheetById(key) ?? this.sheetByName(key);
  }

  activeSheet(): SheetModel {
    const s = this.sheetById(this.activeSheetId) ?? this.sheets[0];
    if (!s) throw new ModelError("ItemNotFound", "the workbook has no worksheet");
    return s;
  }

  checkNewSheetName(name: string, except?: SheetModel): void {
    const problem = sheetNameProblem(name);
    if (problem) throw new ModelError("InvalidArgument", problem);
    const clash = this.sheetByName(name);
    if (clash && clash !== except) throw new ModelError("ItemAlreadyExists", `a sheet named "${name}" already exists`);
  }

  defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.sheetByName(`Sheet${n}`)) return `Sheet${n}`;
  }

  addSheet(name?: string): SheetModel {
    const finalName = name ?? this.defaultSheetName();
    this.checkNewSheetName(finalName);
    const sheet = new SheetModel(`{${this.nextId("sheet-")}}`, finalName);
    this.sheets.push(sheet);
    if (!this.activeSheetId) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, areas: [rect(0, 0, 0, 0)] };
    }
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.checkNewSheetName(name, sheet);
    sheet.name = name;
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.visibleSheets();
    if (sheet.visibility === "Visible" && visible.length <= 1) {
      throw new ModelError("InvalidOperation", "a workbook must keep at least one visible sheet");
    }
    const index = this.sheets.indexOf(sheet);
    this.sheets.splice(index, 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheetId === sheet.id) this.tables.splice(i, 1);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.slice(index).find((s) => s.visibility === "Visible") ?? this.visibleSheets().pop();
      this.activeSheetId = next ? next.id : "";
      this.selection = { sheetId: this.activeSheetId, areas: [rect(0, 0, 0, 0)] };
    }
  }

  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw new ModelError("InvalidArgument", `position ${position} is outside the workbook`);
    }
    const from = this.sheets.indexOf(sheet);
    this.sheets.splice(from, 1);
    this.sheets.splice(position, 0, sheet);
  }

  setVisibility(sheet: SheetModel, visibility: string): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
      throw new ModelError("InvalidArgument", `unknown visibility ${visibility}`);
    }
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleSheets().length <= 1) {
      throw new ModelError("InvalidOperation", "a workbook must keep at least one visible sheet");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) {
      const next = this.visibleSheets()[0];
      this.activeSheetId = next.id;
      this.selection = { sheetId: next.id, areas: [rect(0, 0, 0, 0)] };
    }
  }

  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") throw new ModelError("InvalidOperation", "a hidden sheet cannot be activated");
    if (this.activeSheetId !== sheet.id) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, areas: [rect(0, 0, 0, 0)] };
    }
  }

  select(sheet: SheetModel, areas: Rect[]): void {
    this.activate(sheet);
    this.selection = { sheetId: sheet.id, areas };
  }

  tableByName(name: string): TableModel | undefined {
    return this.tables.find((t) => sameName(t.name, name));
  }

  addTable(sheet: SheetModel, r: Rect, hasHeaders: boolean): TableModel {
    let area = r;
    if (!hasHeaders) {
      // Excel adds a header row and shifts the data down one row.
      if (area.bottom + 1 >= MAX_ROWS) throw new ModelError("InvalidArgument", "no room for a header row");
      this.shiftDown(sheet, rect(area.top, area.left, MAX_ROWS - 2, area.right), 1);
      area = rect(area.top, area.left, area.bottom + 1, area.right);
    }
    for (const t of this.tables) {
      if (t.sheetId === sheet.id && intersects(t.rect, area)) throw new ModelError("InvalidArgument", "tables cannot overlap");
    }
    if (sheet.merges.some((m) => intersects(m, area))) {
      throw new ModelError("InvalidOperation", "a table cannot contain merged cells");
    }
    const seen = new Set<string>();
    for (let col = area.left; col <= area.right; col++) {
      const c = sheet.get(area.top, col);
      let header = hasHeaders && c && hasContent(c) ? String(c.error ?? c.value ?? "") : "";
      if (header === "") header = `Column${col - area.left + 1}`;
      let unique = header;
      for (let n = 2; seen.has(unique.toUpperCase()); n++) unique = `${header}${n}`;
      seen.add(unique.toUpperCase());
      sheet.writeEntry(area.top, col, { value: unique });
    }
    let n = this.tables.length + 1;
    while (this.tableByName(`Table${n}`)) n++;
    const table: TableModel = {
      id: `{${this.nextId("table-")}}`,
      name: `Table${n}`,
      sheetId: sheet.id,
      rect: area,
      showHeaders: true,
      showTotals: false,
      style: "TableStyleMedium2",
    };
    this.tables.push(table);
    return table;
  }

  /** Moves the cells of `r` down by `n` rows (cells pushed past the last row are lost). */
  shiftDown(sheet: SheetModel, r: Rect, n: number): void {
    const moved: Array<[number, number, CellData]> = [];
    sheet.forEachStored(r, (row, col, c) => moved.push([row, col, c]));
    for (const [row, col] of moved) sheet.cells.delete(SheetModel.key(row, col));
    for (const [row, col, c] of moved) if (row + n < MAX_ROWS) sheet.cells.set(SheetModel.key(row + n, col), c);
  }

  /** The value a cell shows, computing formulas (cycles read as 0, as Excel shows them). */
  cellValue(sheet: SheetModel, row: number, col: number, memo = new Map<string, Scalar | ErrorValue | null>()): Scalar | ErrorValue | null {
    const c = sheet.get(row, col);
    if (!c) return null;
    if (c.error !== undefined) return { error: c.error };
    if (c.formula === undefined) return c.value;
    const key = `${sheet.id}:${row}:${col}`;
    if (memo.has(key)) return memo.get(key) ?? 0;
    memo.set(key, 0);
    const result = evaluateFormula(c.formula, this.scopeFor(sheet, memo));
    memo.set(key, result);
    return result;
  }

  private scopeFor(sheet: SheetModel, memo: Map<string, Scalar | ErrorValue | null>): FormulaScope {
    const resolve = (name: string | undefined) => (name === undefined ? sheet : this.sheetByName(name));
    return {
      cell: (name, row, col) => {
        const s = resolve(name);
        return s ? this.cellValue(s, row, col, memo) : { error: "#REF!" };
      },
      sheetExists: (name) => !!this.sheetByName(name),
      storedCells: (name, r) => {
        const s = resolve(name);
        if (!s) return [{ error: "#REF!" }];
        const out: Array<Scalar | ErrorValue | null> = [];
        const clipped = intersection(r, rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1));
        if (clipped) s.forEachStored(clipped, (row, col) => out.push(this.cellValue(s, row, col, memo)));
        return out;
      },
    };
  }
}
