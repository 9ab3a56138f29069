/**
 * Reading .xlsx workbooks with ExcelJS into the engine's grids: values, merges, formulas (cached value),
 * error values, dates and rich text.
 */
import ExcelJS from "exceljs";
import { Cell, Grid, MergeArea, parseAddress } from "../core/sheet/grid";
import { gridsFromXlsx } from "./grid-reader";
import { RawInflate } from "./zip";

export type ReadFailure = "empty-file" | "encrypted" | "legacy-xls" | "not-xlsx" | "corrupt";

export type WorkbookRead = { ok: true; sheets: Grid[] } | { ok: false; reason: ReadFailure; message: string };

const FAILURE_MESSAGES: Record<ReadFailure, string> = {
  "empty-file": "the file is empty (0 bytes)",
  encrypted: "the workbook is password-protected (encrypted); save an unprotected copy and try again",
  "legacy-xls": "this is an old Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx",
  "not-xlsx": "not an .xlsx workbook (it looks like text or CSV, or another format)",
  corrupt: "the workbook is damaged or truncated and cannot be opened",
};

export function failureMessage(reason: ReadFailure, detail?: string): string {
  return detail ? `${FAILURE_MESSAGES[reason]} (${detail})` : FAILURE_MESSAGES[reason];
}

/** What kind of file the bytes are, before ExcelJS sees them (its own errors are unreadable to an officer). */
export function sniffWorkbook(bytes: Uint8Array): ReadFailure | null {
  if (bytes.length === 0) return "empty-file";
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return null;
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE container: either an encrypted .xlsx (EncryptedPackage stream) or a legacy .xls.
    return containsUtf16(bytes, "EncryptedPackage") ? "encrypted" : "legacy-xls";
  }
  return "not-xlsx";
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern: number[] = [];
  for (const ch of word) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

export interface ReadOptions {
  /**
   * Native raw inflate (Node's zlib.inflateRawSync). Given it, plain workbooks are read straight from their XML, several
   * times faster than through ExcelJS; anything unusual still goes through ExcelJS.
   */
  inflateRaw?: RawInflate;
}

export async function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<WorkbookRead> {
  const sniffed = sniffWorkbook(bytes);
  if (sniffed) return { ok: false, reason: sniffed, message: failureMessage(sniffed) };
  if (options.inflateRaw) {
    const grids = gridsFromXlsx(bytes, options.inflateRaw);
    if (grids) return { ok: true, sheets: grids };
  }
  const wb = new ExcelJS.Workbook();
  const parts = loadWithoutExpanding(wb);
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, reason: "corrupt", message: failureMessage("corrupt", shortError(e)) };
  }
  // A sheet the workbook lists but the file lacks would otherwise vanish, and its rows with it.
  if (parts.missing.length) {
    const names = parts.missing.map((n) => `"${n}"`).join(", ");
    return { ok: false, reason: "corrupt", message: failureMessage("corrupt", `the sheet ${names} is missing from the file`) };
  }
  const sheets: Grid[] = [];
  wb.eachSheet((ws) => sheets.push(gridOfWorksheet(ws, parts.merges.get(ws.id) ?? [])));
  if (sheets.length === 0) return { ok: false, reason: "corrupt", message: failureMessage("corrupt", "it holds no worksheet") };
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
  const [a, b] = String(ref).split(":");
  const from = parseAddress(a ?? "");
  const to = b === undefined ? from : parseAddress(b);
  if (!from || !to) return null;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

type ExcelValue = ExcelJS.CellValue;

/** One ExcelJS cell as the engine's Cell. */
export function cellOf(value: ExcelValue, numFmt?: string): Cell {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return withFormat({ value }, numFmt);
  if (value instanceof Date) return { value: formatDate(value), isDate: true, numberFormat: numFmt };
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if (typeof v.error === "string") return { value: null, error: v.error };
    if ("formula" in v || "sharedFormula" in v) {
      const formula = String(v.formula ?? v.sharedFormula ?? "");
      const result = cellOf((v.result ?? null) as ExcelValue, numFmt);
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

/** Dates as a Vietnamese reader writes them: d/m/yyyy (UTC, as ExcelJS reads serials). */
function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

/**
 * A worksheet as the engine's grid. `merges`, when given, are the sheet's merged areas as the file lists them (ExcelJS
 * was kept from applying them): the cells they cover are left empty, as Excel shows them. Without them, the areas
 * ExcelJS applied are used.
 */
export function gridOfWorksheet(ws: ExcelJS.Worksheet, merges?: MergeArea[]): Grid {
  const cells: Cell[][] = [];
  const hiddenRows: number[] = [];
  let maxRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Covered cells of a merge repeat the master's value in ExcelJS; the engine applies merges itself.
      if (cell.isMerged && cell.master !== cell) return;
      const c = cellOf(cell.value, cell.numFmt);
      if (c.value === null && !c.error && !c.formula) return;
      out[colNumber - 1] = c;
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = { value: null };
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
      for (let c = m.left; c <= m.right && c <= row.length; c++) if (r !== m.top || c !== m.left) row[c - 1] = { value: null };
      let last = row.length;
      while (last > 0 && row[last - 1].value === null && !row[last - 1].error && !row[last - 1].formula) last--;
      row.length = last;
    }
  }
}
