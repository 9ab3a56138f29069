/**
 * The test-facing side of the stand-in: build a workbook (`addSheet`), drive Excel's state
 * (`editing`, `platform`, `selection`, protection), count round trips, and look at what the add-in
 * left behind (`sheet(name).cell("B3")`, `mergesOf`, `settings`, `customXmlParts`).
 */

import { MAX_COLUMNS, Rect, cellCountOf, intersects, parseRangeRef, qualifiedAddress, rect, rectAddress, splitAreas } from "./addresses";
import { eachCellOf } from "../../src/core/sheet/grid";
import { displayText } from "./number-format";
import { RequestContext, rootNamespace, runBatch } from "./excel-api";
import { ERROR_LITERALS, FormulaSyntaxError, parseFormula } from "./formula";
import { OfficeError, OfficeErrorCode, officeError } from "./office-errors";
import { SheetEventRegistry } from "./events";
import { validationAt } from "./data-validation";
import { HostRuntime } from "./request-context";
import { CellFormat, CellData, ModelError, SheetModel, ValidationSettings, WorkbookModel, hasContent } from "./workbook-model";

export type HostPlatform = "web" | "windows" | "mac";
export type FixtureValue = string | number | boolean | null;

export interface HostOptions {
  /** "web" enforces Excel on the web's 5 MB request/response limit. Default "windows". */
  platform?: HostPlatform;
  /** Office.context.displayLanguage. Default "vi-VN". */
  displayLanguage?: string;
  /** Highest supported version of each requirement set. Default { ExcelApi: "1.17" }. */
  requirementSets?: Record<string, string>;
  /** Request/response payload limit on the web, in bytes of UTF-8 JSON. Default 5 MB. */
  payloadLimitBytes?: number;
  /** Delay of each round trip, for the demo page. Default 0. */
  latencyMs?: number;
  workbookName?: string;
  /** The year Excel assumes for dates typed without one ("15-Feb"). Default 2025. */
  currentYear?: number;
}

export interface AddSheetOptions {
  /** Merged areas, e.g. ["A1:E1", "A5:A7"]. */
  merges?: string[];
  /** Where rows[0][0] goes. Default "A1". */
  origin?: string;
  /** Make this the active sheet (the first sheet added is active anyway). */
  activate?: boolean;
}

/** What a test sees of one cell. */
export interface CellView {
  address: string;
  /** As range.values reports it: "" for empty, the result for a formula, "#N/A" for an error. */
  value: string | number | boolean;
  /** The formula (with "="), or null when the cell holds a constant. */
  formula: string | null;
  /** The error code, or null. */
  error: string | null;
  text: string;
  valueType: "Empty" | "String" | "Double" | "Boolean" | "Error";
  numberFormat: string;
  /** "#RRGGBB", or null when the cell has no fill. */
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  wrapText: boolean;
  horizontalAlignment: string;
  fontSize: number;
  /** "None", "Single", … as RangeFont.underline. */
  underline: string;
  verticalAlignment: string;
  /** The edges of the cell's own border that have a line (inside borders of a range are kept as bottom/right). */
  borders: string[];
  hyperlink: { address?: string; documentReference?: string; textToDisplay?: string; screenTip?: string } | null;
  /** The merged area holding the cell ("A1:E1"), or null. */
  mergedArea: string | null;
}

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function fixtureRect(sheet: SheetModel, address: string): Rect {
  const ref = parseRangeRef(address);
  if (!ref) throw new Error(`"${address}" is not an A1 address`);
  if (ref.sheet !== undefined && ref.sheet.toUpperCase() !== sheet.name.toUpperCase()) {
    throw new Error(`"${address}" is not on the sheet "${sheet.name}"`);
  }
  return ref.rect;
}

/** A fixture cell: literal text, except "=…" (a formula) and Excel error literals such as "#N/A". */
function fixtureCell(value: FixtureValue, where: () => string): Partial<CellData> | null {
  if (value === null || value === "") return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${where()}: ${value} is not a number Excel can hold`);
    return { value };
  }
  if (typeof value === "boolean") return { value };
  if (typeof value !== "string") throw new Error(`${where()}: unsupported value ${String(value)}`);
  if (ERROR_LITERALS.includes(value)) return { value: null, error: value };
  if (value.startsWith("=") && value.length > 1) {
    try {
      parseFormula(value.slice(1));
    } catch (e) {
      if (e instanceof FormulaSyntaxError) throw new Error(`${where()}: ${value} is not a formula Excel accepts`);
      throw e;
    }
    return { value: null, formula: value };
  }
  return { value };
}

export class SheetInspector {
  constructor(
    private readonly host: ExcelHost,
    private readonly model: SheetModel,
  ) {}

  get name(): string {
    return this.model.name;
  }

  get protected(): boolean {
    return this.model.protection.protected;
  }

  get visibility(): string {
    return this.model.visibility;
  }

  /** Frozen rows and columns. */
  get frozen(): { rows: number; columns: number } {
    return { ...this.model.frozen };
  }

  /** The filtered range ("A4:E40"), or null. */
  get autoFilter(): string | null {
    return this.model.autoFilter ? rectAddress(this.model.autoFilter.rect) : null;
  }

  get charts(): Array<{ name: string; type: string; title: string; source: string; seriesBy: string }> {
    return this.model.charts.map((c) => ({
      name: c.name,
      type: c.chartType,
      title: c.title,
      source: rectAddress(c.source),
      seriesBy: c.seriesBy,
    }));
  }

  /** The data validation of one cell ("C7"), or null when it has none. */
  validationAt(address: string): ValidationSettings | null {
    const r = fixtureRect(this.model, address);
    return validationAt(this.model, r.top, r.left);
  }

  /** Worksheet-level custom properties, by key as added. */
  get customProperties(): Record<string, string> {
    return Object.fromEntries([...this.model.customProperties.values()].map((p) => [p.key, p.value]));
  }

  /** Adds a worksheet custom property, as the add-in would have in an earlier session. */
  setCustomProperty(key: string, value: string): this {
    this.model.customProperties.set(key.toUpperCase(), { key, value });
    return this;
  }

  get tables(): Array<{ name: string; address: string }> {
    return this.host.workbook.tables
      .filter((t) => t.sheetId === this.model.id)
      .map((t) => ({ name: t.name, address: rectAddress(t.rect) }));
  }

  /** The used range ("A1:F20000"), or null for an empty sheet. */
  usedAddress(valuesOnly = false): string | null {
    const r = this.model.usedRect(valuesOnly);
    return r ? rectAddress(r) : null;
  }

  cell(address: string): CellView {
    const r = fixtureRect(this.model, address);
    const row = r.top;
    const col = r.left;
    const c = this.model.get(row, col);
    const f = this.model.effectiveFormat(row, col);
    const numberFormat = f.numberFormat ?? "General";
    const computed = this.host.workbook.cellValue(this.model, row, col);
    const isErr = computed !== null && typeof computed === "object";
    const value = computed === null ? (c?.formula !== undefined ? 0 : "") : isErr ? computed.error : computed;
    const merge = this.model.merges.find((m) => intersects(m, rect(row, col, row, col)));
    return {
      address: rectAddress(rect(row, col, row, col)),
      value,
      formula: c?.formula ?? null,
      error: isErr ? computed.error : null,
      text: isErr ? computed.error : computed === null ? "" : displayText(computed, undefined, numberFormat),
      valueType: isErr
        ? "Error"
        : !c || !hasContent(c)
          ? "Empty"
          : typeof value === "number"
            ? "Double"
            : typeof value === "boolean"
              ? "Boolean"
              : "String",
      numberFormat,
      fill: f.fill ?? null,
      bold: f.bold ?? false,
      italic: f.italic ?? false,
      fontColor: f.fontColor ?? "#000000",
      wrapText: f.wrapText ?? false,
      horizontalAlignment: f.horizontalAlignment ?? "General",
      fontSize: f.fontSize ?? 11,
      underline: f.underline ?? "None",
      verticalAlignment: f.verticalAlignment ?? "Bottom",
      borders: Object.entries(f.borders ?? {})
        .filter(([, b]) => b && b.style !== "None")
        .map(([side]) => side)
        .sort(),
      hyperlink: c?.hyperlink ? { ...c.hyperlink } : null,
      mergedArea: merge ? rectAddress(merge) : null,
    };
  }

  /** Values as range.values would give them, for `address` (default: the used range). */
  values(address?: string): Array<Array<string | number | boolean>> {
    const r = address ? fixtureRect(this.model, address) : this.model.usedRect(false);
    if (!r) return [];
    if (cellCountOf(r) > 5_000_000) throw new Error("too many cells to inspect at once");
    const out: Array<Array<string | number | boolean>> = [];
    const memo = new Map<string, never>();
    for (let row = r.top; row <= r.bottom; row++) {
      const line: Array<string | number | boolean> = [];
      for (let col = r.left; col <= r.right; col++) {
        const v = this.host.workbook.cellValue(this.model, row, col, memo);
        line.push(v === null ? "" : typeof v === "object" ? v.error : v);
      }
      out.push(line);
    }
    return out;
  }

  /** Sets one cell exactly (strings stay text unless they start with "=" or are an error literal). */
  setCell(address: string, value: FixtureValue, format?: CellFormat): this {
    const r = fixtureRect(this.model, address);
    this.putCell(r.top, r.left, value, () => address);
    if (format) this.model.setCellFormat(r.top, r.left, format);
    // A cell set here is a user's edit: Worksheet.onChanged handlers hear of it as they would in Excel.
    this.host.roundTripDone("Unknown");
    return this;
  }

  /**
   * A user's paste of a block of values with its top-left cell at `address`: Excel reports a paste as one change of
   * the whole block (one Worksheet.onChanged event, changeType "RangeEdited"), however many cells it holds.
   */
  paste(address: string, rows: ReadonlyArray<ReadonlyArray<FixtureValue>>): this {
    const at = fixtureRect(this.model, address);
    rows.forEach((line, i) => line.forEach((value, j) => this.putCell(at.top + i, at.left + j, value, () => address)));
    this.host.roundTripDone("Unknown");
    return this;
  }

  private putCell(row: number, col: number, value: FixtureValue, where: () => string): void {
    this.model.noteWrite(row, col);
    const r = { top: row, left: col };
    const cell = fixtureCell(value, where);
    if (cell) {
      const c = this.model.ensure(r.top, r.left);
      c.value = cell.value ?? null;
      if (cell.formula) c.formula = cell.formula;
      else delete c.formula;
      if (cell.error) c.error = cell.error;
      else delete c.error;
    } else {
      this.model.writeEntry(r.top, r.left, { value: null });
    }
  }

  /** Formats a range directly (fills a user put there before the add-in ran, etc.). */
  format(address: string, format: CellFormat): this {
    this.model.applyFormat(fixtureRect(this.model, address), format);
    return this;
  }

  merge(address: string): this {
    const r = fixtureRect(this.model, address);
    if (cellCountOf(r) < 2) throw new Error(`${address}: a merged area has at least two cells`);
    if (this.model.merges.some((m) => intersects(m, r))) throw new Error(`${address} overlaps another merged area`);
    this.model.merges.push(r);
    return this;
  }

  protect(password?: string): this {
    this.model.protection = password ? { protected: true, password } : { protected: true };
    return this;
  }

  unprotect(): this {
    this.model.protection = { protected: false };
    return this;
  }

  hideRows(fromRow: number, toRow = fromRow): this {
    for (let r = fromRow; r <= toRow; r++) this.model.hiddenRows.add(r - 1);
    return this;
  }

  /** Column width in points, by letters ("B"). */
  columnWidth(letters: string): number {
    const r = fixtureRect(this.model, `${letters}:${letters}`);
    return this.model.columnWidth(r.left);
  }

  /** Row height in points, by 1-based row number. */
  rowHeight(row: number): number {
    return this.model.rowHeight(row - 1);
  }
}

export class ExcelHost implements HostRuntime {
  readonly workbook = new WorkbookModel();
  platform: HostPlatform;
  editing = false;
  payloadLimitBytes: number;
  latencyMs: number;
  displayLanguage: string;
  requirementSets: Record<string, string>;
  readonly currentYear: number;
  private syncs = 0;
  private requestSizes: number[] = [];
  private responseSizes: number[] = [];
  private injected: OfficeError[] = [];
  private pristineSheetId: string | null;
  private selectionListeners: Array<() => void> = [];
  /** Worksheet.onChanged handlers (events.ts). */
  readonly events = new SheetEventRegistry();

  constructor(options: HostOptions = {}) {
    this.platform = options.platform ?? "windows";
    this.displayLanguage = options.displayLanguage ?? "vi-VN";
    this.requirementSets = { ExcelApi: "1.17", ...options.requirementSets };
    this.payloadLimitBytes = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
    this.latencyMs = options.latencyMs ?? 0;
    this.currentYear = options.currentYear ?? 2025;
    if (options.workbookName) this.workbook.name = options.workbookName;
    // A new workbook has one empty sheet; the first addSheet() replaces it while it is untouched.
    this.pristineSheetId = this.workbook.addSheet("Sheet1").id;
  }

  // ── HostRuntime ──

  isApiSupported(apiSet: string, version: string): boolean {
    const max = Object.entries(this.requirementSets).find(([k]) => k.toLowerCase() === apiSet.toLowerCase())?.[1];
    return max !== undefined && compareVersions(max, version) >= 0;
  }

  recordRoundTrip(requestBytes: number): void {
    this.syncs += 1;
    this.requestSizes.push(requestBytes);
    this.pristineSheetId = null;
  }

  recordResponse(responseBytes: number): void {
    this.responseSizes.push(responseBytes);
  }

  takeInjectedFailure(): OfficeError | null {
    return this.injected.shift() ?? null;
  }

  selectionChanged(): void {
    for (const listener of this.selectionListeners) listener();
  }

  /** After a round trip (the add-in's writes) or a user's edit ("Unknown", as Office reports any other trigger). */
  roundTripDone(trigger: "ThisLocalAddin" | "Unknown" = "ThisLocalAddin"): void {
    this.events.flush(this.workbook.sheets, { trigger, hasApi: (version) => this.isApiSupported("ExcelApi", version) });
  }

  // ── Counting ──

  /** Round trips to Excel (syncs that carried at least one action). */
  get syncCount(): number {
    return this.syncs;
  }

  resetSyncCount(): void {
    this.syncs = 0;
    this.requestSizes = [];
    this.responseSizes = [];
  }

  /** Approximate UTF-8 JSON size of each round trip's request since the last reset. */
  get requestBytes(): readonly number[] {
    return this.requestSizes;
  }

  /** UTF-8 JSON size of each answer since the last reset, on the web (where Excel measures them), refused ones too. */
  get responseBytes(): readonly number[] {
    return this.responseSizes;
  }

  /** Makes the next round trip fail with `code` (after counting it), e.g. to test error messages. */
  failNextSync(code: OfficeErrorCode, message?: string): void {
    this.injected.push(message ? new OfficeError(code, message) : officeError(code));
  }

  // ── Running code against the host ──

  /** Same as Excel.run on this host. */
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    return runBatch(this, batch);
  }

  /** Same as `new Excel.RequestContext()` on this host. */
  newContext(): RequestContext {
    return new RequestContext(this);
  }

  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.push(listener);
    return () => {
      this.selectionListeners = this.selectionListeners.filter((l) => l !== listener);
    };
  }

  // ── Building the workbook ──

  addSheet(name: string, rows: ReadonlyArray<ReadonlyArray<FixtureValue>> = [], options: AddSheetOptions = {}): SheetInspector {
    if (this.pristineSheetId) {
      const pristine = this.workbook.sheetById(this.pristineSheetId);
      this.pristineSheetId = null;
      if (pristine && pristine.cells.size === 0 && this.workbook.sheets.length === 1) {
        this.workbook.sheets.splice(0, 1);
        this.workbook.activeSheetId = "";
      }
    }
    let sheet: SheetModel;
    try {
      sheet = this.workbook.addSheet(name);
    } catch (e) {
      if (e instanceof ModelError) throw new Error(`addSheet("${name}"): ${e.message}`);
      throw e;
    }
    const origin = fixtureRect(sheet, options.origin ?? "A1");
    // A fixture row may be sparse (a stray value in column XFD): it is walked by the cells it holds, not its length.
    rows.forEach((line, i) => {
      eachCellOf(line, (value, j) => {
        const row = origin.top + i;
        const col = origin.left + j;
        if (col >= MAX_COLUMNS) throw new Error(`addSheet("${name}"): row ${i + 1} is wider than a sheet`);
        const cell = fixtureCell(value, () => `${name}!${rectAddress(rect(row, col, row, col))}`);
        if (!cell) return;
        const c = sheet.ensure(row, col);
        c.value = cell.value ?? null;
        if (cell.formula) c.formula = cell.formula;
        if (cell.error) c.error = cell.error;
      });
    });
    const inspector = new SheetInspector(this, sheet);
    for (const m of options.merges ?? []) inspector.merge(m);
    if (options.activate) this.workbook.activate(sheet);
    return inspector;
  }

  sheet(name: string): SheetInspector {
    const s = this.workbook.sheetByName(name);
    if (!s) throw new Error(`no sheet named "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return new SheetInspector(this, s);
  }

  sheetNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  /** Merged areas of a sheet as "A1:E1", top to bottom. */
  mergesOf(name: string): string[] {
    const s = this.workbook.sheetByName(name);
    if (!s) throw new Error(`no sheet named "${name}"`);
    return [...s.merges].sort((a, b) => a.top - b.top || a.left - b.left).map(rectAddress);
  }

  get activeSheet(): string {
    return this.workbook.activeSheet().name;
  }

  set activeSheet(name: string) {
    const s = this.workbook.sheetByName(name);
    if (!s) throw new Error(`no sheet named "${name}"`);
    this.workbook.activate(s);
    this.selectionChanged();
  }

  /** The selection as Excel writes it: "Sheet1!A5", or several areas joined by ", ". */
  get selection(): string {
    const sel = this.workbook.selection;
    const sheet = this.workbook.sheetById(sel.sheetId) ?? this.workbook.activeSheet();
    return sel.areas.map((a) => qualifiedAddress(sheet.name, a)).join(", ");
  }

  /** Selects like a user would: "Sheet1!B3:C4", "B3" (active sheet) or "Sheet1!A1, Sheet1!C3". */
  set selection(address: string) {
    const parts = splitAreas(address);
    let sheet: SheetModel | undefined;
    const areas: Rect[] = [];
    for (const part of parts) {
      const ref = parseRangeRef(part);
      if (!ref) throw new Error(`"${part}" is not an address`);
      const s = ref.sheet !== undefined ? this.workbook.sheetByName(ref.sheet) : (sheet ?? this.workbook.activeSheet());
      if (!s) throw new Error(`no sheet named "${ref.sheet}"`);
      if (sheet && s !== sheet) throw new Error("a selection stays on one sheet");
      sheet = s;
      areas.push(ref.rect);
    }
    if (!sheet) throw new Error("empty selection");
    this.workbook.select(sheet, areas);
    this.selectionChanged();
  }

  /** Workbook settings (Excel.SettingCollection), parsed. */
  get settings(): Map<string, unknown> {
    return new Map([...this.workbook.settings].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  setSetting(key: string, value: unknown): void {
    this.workbook.settings.set(key, JSON.stringify(value));
  }

  get customXmlParts(): Array<{ id: string; namespaceUri: string; xml: string }> {
    return this.workbook.customXmlParts.map((p) => ({ ...p }));
  }

  addCustomXmlPart(xml: string): string {
    const namespaceUri = rootNamespace(xml);
    const id = `{${`00000000${this.workbook.nextId("")}`.slice(-8)}-0000-4000-8000-000000000000}`;
    this.workbook.customXmlParts.push({ id, namespaceUri, xml });
    return id;
  }
}

export function createHost(options?: HostOptions): ExcelHost {
  return new ExcelHost(options);
}
