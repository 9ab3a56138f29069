/**
 * Reading .xlsx workbooks with ExcelJS into the engine's grids: values, merges, formulas (cached value),
 * error values, dates and rich text.
 */
import ExcelJS from "exceljs";
import { Cell, Grid, MergeArea } from "../core/grid";
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
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, reason: "corrupt", message: failureMessage("corrupt", shortError(e)) };
  }
  const sheets: Grid[] = [];
  wb.eachSheet((ws) => sheets.push(gridOfWorksheet(ws)));
  return { ok: true, sheets };
}

function shortError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 120);
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

export function gridOfWorksheet(ws: ExcelJS.Worksheet): Grid {
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
  const merges: MergeArea[] = [];
  const internal =
    (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  for (const m of Object.values(internal)) {
    if (m) merges.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right });
  }
  const grid: Grid = { sheetName: ws.name, originRow: 1, originCol: 1, cells, merges };
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  return grid;
}
