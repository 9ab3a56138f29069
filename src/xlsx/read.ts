/**
 * Reading .xlsx workbooks with ExcelJS into the engine's grids: values, merges, formulas (cached value),
 * error values, dates and rich text.
 */
// Types only: ExcelJS (half a second of start-up) is loaded when a workbook the XML reader leaves to it needs it
// (readWithExcelJS), so the command line starts fast and the pane's reading code stays light.
import type ExcelJS from "exceljs";
import { dateText, isDateFormat, serialDateText, serialOfDate } from "../core/sheet/cell-meaning";
import { Cell, Grid, MergeArea, parseRange } from "../core/sheet/grid";
import { detectFileType, FileType } from "./file-type";
import { readXmlWorkbook, Utf8Decode } from "./grid-reader";
import { openZip, RawInflate, ZipArchive, ZipEntryError, ZipLimits } from "./zip";
import { readFailureText } from "./read-failure-text";
import type { ReadDetail, ReadFailure } from "./read-failure-text";

export type { ReadDetail, ReadFailure };

export type WorkbookRead =
  | { ok: true; sheets: Grid[] }
  /** `message` is English, for logs; readFailureText says the reason and its detail in the user's language. */
  | { ok: false; reason: ReadFailure; message: string; detail?: ReadDetail; fileType?: FileType };

export { readFailureText };

/** The reason in a language, with a detail of ExcelJS's own words or of the reader's (kept for older callers). */
export function failureMessage(reason: ReadFailure, detail?: ReadDetail, lang: "en" | "vi" = "en"): string {
  return readFailureText({ reason, detail }, lang);
}

function failed(reason: ReadFailure, detail?: ReadDetail, fileType?: FileType): WorkbookRead {
  return { ok: false, reason, message: failureMessage(reason, detail), ...(detail ? { detail } : {}), ...(fileType ? { fileType } : {}) };
}

/** The reason a file of this type is not read as a workbook; null for a workbook (or what may be a damaged one). */
function typeFailure(type: FileType): WorkbookRead | null {
  switch (type) {
    case "xlsx":
    case "zip":
      return null;
    case "empty":
      return failed("empty-file", undefined, type);
    case "encrypted":
      return failed("encrypted", undefined, type);
    case "xls":
    case "ole":
      return failed("legacy-xls", undefined, type);
    case "xlsb":
      return failed("xlsb", undefined, type);
    case "ods":
      return failed("ods", undefined, type);
    case "docx":
      return failed("word", { kind: "file-type", type: "docx" }, type);
    case "doc":
      return failed("word", { kind: "file-type", type: "doc" }, type);
    case "odt":
      return failed("not-xlsx", { kind: "file-type", type: "odt" }, type);
    case "pptx":
      return failed("not-xlsx", { kind: "file-type", type: "pptx" }, type);
    case "other":
      return failed("not-xlsx", undefined, type);
  }
}

/** What kind of file the bytes are, before ExcelJS sees them (its own errors are unreadable to an officer). */
export function sniffWorkbook(bytes: Uint8Array): ReadFailure | null {
  const failure = typeFailure(detectFileType(bytes));
  return failure && !failure.ok ? failure.reason : null;
}

export interface ReadOptions {
  /**
   * Native raw inflate (Node's zlib.inflateRawSync, honouring its output limit). Given it, workbooks are read straight
   * from their XML, several times faster than through ExcelJS, and every entry is held to its declared size and limit;
   * anything unusual still goes through ExcelJS.
   */
  inflateRaw?: RawInflate;
  /** A native CRC-32: every entry read is checked against the checksum it declares. */
  crc32?: (data: Uint8Array) => number;
  /** A native UTF-8 decoder that gives exactly what TextDecoder gives (grid-reader.ts, Utf8Decode). */
  decodeUtf8?: Utf8Decode;
  limits?: ZipLimits;
}

export async function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookRead> {
  const refused = typeFailure(detectFileType(bytes));
  if (refused) return refused;
  // The directory is checked against the file and the limits before anything inflates, with or without native zlib.
  const opened = openZip(bytes, options.inflateRaw ?? (() => new Uint8Array(0)), { limits: options.limits, crc32: options.crc32 });
  if (!opened.ok) {
    const f = opened.failure;
    if (f.kind === "encrypted") return failed("encrypted");
    if (f.kind === "too-large") return failed("too-large", f.detail);
    if (f.kind === "damaged") return failed("corrupt", f.detail);
    // Not a zip this reader understands: ExcelJS says what it makes of it.
  } else if (options.inflateRaw) {
    const read = readXmlWorkbook(opened.zip, options.decodeUtf8);
    if (read.kind === "grids") return { ok: true, sheets: read.grids };
    if (read.kind === "damaged") return failed("corrupt", read.detail);
    if (read.kind === "too-large") return failed("too-large", read.detail);
    // ExcelJS inflates every entry without a limit: each is inflated here first, held to its size and checksum.
    const verified = verifyEntries(opened.zip);
    if (verified) return verified;
  }
  return readWithExcelJS(bytes);
}

/** Every entry inflated within its limits and checked; the failure, or null when all are sound. */
function verifyEntries(zip: ZipArchive): WorkbookRead | null {
  try {
    for (const name of zip.entries.keys()) zip.read(name);
    return null;
  } catch (e) {
    if (e instanceof ZipEntryError) return failed(e.failure.kind === "too-large" ? "too-large" : "corrupt", e.failure.detail);
    throw e;
  }
}

async function readWithExcelJS(bytes: Uint8Array): Promise<WorkbookRead> {
  // Loaded on the first workbook the XML reader leaves to it: in the pane, its own chunk, fetched only then.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  const parts = loadWithoutExpanding(wb);
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const said = shortError(e);
    return failed("corrupt", said ? { kind: "message", text: said } : undefined);
  }
  // A sheet the workbook lists but the file lacks would otherwise vanish, and its rows with it.
  if (parts.missing.length) {
    return failed("corrupt", { kind: "sheets-missing", sheets: parts.missing });
  }
  const sheets: Grid[] = [];
  const date1904 = (wb.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  wb.eachSheet((ws) => sheets.push(gridOfWorksheet(ws, parts.merges.get(ws.id) ?? [], date1904)));
  if (sheets.length === 0) return failed("corrupt", { kind: "no-worksheet" });
  return { ok: true, sheets };
}

/** The first line of a zip or XML error; nothing from a JavaScript error inside ExcelJS, which says nothing to a person. */
function shortError(e: unknown): string | undefined {
  if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) return undefined;
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 120);
}

/** The parts of ExcelJS's load model this reader looks at (ExcelJS 4: xlsx.reconcile gets them before the workbook). */
interface LoadModel {
  sheets?: Array<{ name: string; rId: string }>;
  workbookRels?: Array<{ Id: string; Target: string; Type: string }>;
  worksheetHash?: Record<string, unknown>;
  worksheets?: Array<{ id: number; mergeCells?: string[]; rows?: Array<{ cells?: Array<{ type?: number }> }> }>;
}

/** ExcelJS's ValueType.Null and ValueType.Merge: a cell element with a style only, or with nothing at all. */
const VALUELESS = new Set([0, 1]);

interface LoadedParts {
  /** Merged areas of each sheet, by sheet id, as the file gives them. */
  merges: Map<number, MergeArea[]>;
  /** Worksheets the workbook lists whose part is not in the file. */
  missing: string[];
}

/**
 * Sets ExcelJS to load without expanding merged areas: it makes a cell object for every cell an area covers, and
 * never finishes with one that runs to the sheet's end (A12:XFD1048576 is 17 billion cells); overlapping areas make it
 * refuse the file. The areas are taken off each sheet's model and applied by gridOfWorksheet instead, as the XML
 * reader does; cells and rows that are only formatting are dropped too (a sheet formatted down to row 1,048,576 is a
 * million of them). Also notes the worksheets the workbook lists but the file lacks, which ExcelJS skips without a word.
 */
function loadWithoutExpanding(wb: ExcelJS.Workbook): LoadedParts {
  const parts: LoadedParts = { merges: new Map(), missing: [] };
  const xlsx = wb.xlsx as unknown as { reconcile?: (model: LoadModel, options: unknown) => void };
  const reconcile = xlsx.reconcile;
  if (typeof reconcile !== "function") return parts;
  xlsx.reconcile = (model: LoadModel, options: unknown) => {
    const rels = new Map((model.workbookRels ?? []).map((r) => [r.Id, r]));
    for (const sheet of model.sheets ?? []) {
      const rel = rels.get(sheet.rId);
      if (!rel || !rel.Type.endsWith("/worksheet")) continue; // chart sheets hold no cells
      if (model.worksheetHash && !model.worksheetHash[`xl/${rel.Target.replace(/^(\s|\/xl\/)+/, "")}`]) parts.missing.push(sheet.name);
    }
    const taken = new Map<object, MergeArea[]>();
    for (const ws of model.worksheets ?? []) {
      taken.set(
        ws,
        (ws.mergeCells ?? []).map(mergeArea).filter((m): m is MergeArea => m !== null),
      );
      ws.mergeCells = [];
      if (ws.rows) {
        for (const r of ws.rows) if (r?.cells) r.cells = r.cells.filter((c) => !VALUELESS.has(c.type ?? -1));
        ws.rows = ws.rows.filter((r) => r && r.cells && r.cells.length > 0);
      }
    }
    reconcile.call(xlsx, model, options);
    // Sheet ids are known once ExcelJS has matched its sheets with the workbook's list.
    for (const ws of model.worksheets ?? []) parts.merges.set(ws.id, taken.get(ws) ?? []);
  };
  return parts;
}

/** "B3:D7" (or "B3") as a merged area; null when it is not a range. */
function mergeArea(ref: string): MergeArea | null {
  return parseRange(String(ref));
}

type ExcelValue = ExcelJS.CellValue;

/** One ExcelJS cell as the engine's Cell. */
export function cellOf(value: ExcelValue, numFmt?: string, date1904 = false): Cell {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "number" && isDateFormat(numFmt))
    return { value: serialDateText(value, date1904), isDate: true, numberFormat: numFmt };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return withFormat({ value }, numFmt);
  if (value instanceof Date) {
    // ExcelJS makes a date of formats that only look like one (`#,##0 \d`, `0_h`): the cell meaning decides.
    if (numFmt && !isDateFormat(numFmt)) return withFormat({ value: serialOfDate(value, date1904) }, numFmt);
    return { value: dateText(value), isDate: true, numberFormat: numFmt };
  }
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if (typeof v.error === "string") return { value: null, error: v.error };
    if ("formula" in v || "sharedFormula" in v) {
      const formula = String(v.formula ?? v.sharedFormula ?? "");
      const result = cellOf((v.result ?? null) as ExcelValue, numFmt, date1904);
      return { ...result, formula };
    }
    if (Array.isArray(v.richText)) {
      return { value: (v.richText as Array<{ text?: string }>).map((r) => r.text ?? "").join("") };
    }
    if (typeof v.text === "string") return { value: v.text }; // hyperlink cells
    if (v.text && typeof v.text === "object" && Array.isArray((v.text as Record<string, unknown>).richText)) {
      return { value: ((v.text as Record<string, unknown>).richText as Array<{ text?: string }>).map((r) => r.text ?? "").join("") };
    }
  }
  return { value: String(value) };
}

function withFormat(cell: Cell, numFmt?: string): Cell {
  if (numFmt && numFmt !== "General") cell.numberFormat = numFmt;
  return cell;
}

/**
 * A worksheet as the engine's grid. `merges`, when given, are the sheet's merged areas as the file lists them (ExcelJS
 * was kept from applying them): the cells they cover are left empty, as Excel shows them. Without them, the areas
 * ExcelJS applied are used.
 */
export function gridOfWorksheet(ws: ExcelJS.Worksheet, merges?: MergeArea[], date1904 = false): Grid {
  const cells: Cell[][] = [];
  const hiddenRows: number[] = [];
  let maxRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Covered cells of a merge repeat the master's value in ExcelJS; the engine applies merges itself.
      if (cell.isMerged && cell.master !== cell) return;
      const c = cellOf(cell.value, cell.numFmt, date1904);
      if (c.value === null && !c.error && !c.formula) return;
      out[colNumber - 1] = c;
    });
    // Rows stay sparse: a stray value in column XFD is one cell, not 16,384.
    cells[rowNumber - 1] = out;
    if (row.hidden) hiddenRows.push(rowNumber);
    maxRow = rowNumber;
  });
  for (let i = 0; i < maxRow; i++) if (cells[i] === undefined) cells[i] = [];
  if (merges) {
    blankCovered(cells, merges);
    while (cells.length > 0 && cells[cells.length - 1].length === 0) cells.length--;
  }
  const areas: MergeArea[] = merges ? [...merges] : [];
  if (!merges) {
    const internal =
      (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
    for (const m of Object.values(internal)) {
      if (m) areas.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
    }
  }
  const grid: Grid = { sheetName: ws.name, originRow: 1, originCol: 1, cells, merges: areas };
  const hidden = hiddenRows.filter((r) => r <= cells.length && cells[r - 1].length > 0);
  if (hidden.length) grid.hiddenRows = hidden;
  return grid;
}

/** Empties the cells a merged area covers besides its first, within the rows and cells there are (never its area). */
function blankCovered(cells: Cell[][], merges: readonly MergeArea[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r <= cells.length; r++) {
      const row = cells[r - 1];
      if (!row || row.length < m.left) continue;
      for (let c = m.left; c <= m.right && c <= row.length; c++)
        if ((r !== m.top || c !== m.left) && row[c - 1] !== undefined) row[c - 1] = { value: null };
      let last = row.length;
      while (last > 0 && (row[last - 1] === undefined || (row[last - 1].value === null && !row[last - 1].error && !row[last - 1].formula)))
        last--;
      row.length = last;
    }
  }
}
