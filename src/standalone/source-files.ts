/**
 * The one place where the checker page decides how a chosen file is read: its format, from the name and the first
 * bytes, and the reader for that format. Every reader gives the engine the same thing — one grid per sheet (a Word
 * document's tables will come in as grids too) — so the rest of the page never asks what the file was.
 *
 * Readers are loaded with import(): ExcelJS stays out of the page's first load, and is cached for offline use like
 * every other file of the bundle.
 */
import type { Grid } from "../core/sheet/grid";
import type { ReadFailure } from "../xlsx/read";

/** The formats the page reads now; "docx" joins when src/word's readWordDocument is on main. */
export type SourceFormat = "xlsx" | "docx";

/** What the file input offers. */
export const ACCEPTED_FILES = ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type SourceRead =
  | { ok: true; format: SourceFormat; sheets: Grid[] }
  | { ok: false; reason: ReadFailure | "docx-unsupported" | "unknown-format" }
  | { ok: false; reason: "error"; detail: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The format of a chosen file, or null when the page has no reader for it. */
export function sourceFormat(name: string, bytes: Uint8Array): SourceFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".docx")) return "docx";
  if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) return "xlsx";
  // A workbook saved without its extension is still a zip: let the xlsx reader say whether it is one.
  return ZIP_MAGIC.every((b, i) => bytes[i] === b) ? "xlsx" : null;
}

/** Reads a chosen file into grids; a file that cannot be read is an outcome with its reason, never an exception. */
export async function readSourceFile(name: string, bytes: Uint8Array): Promise<SourceRead> {
  const format = sourceFormat(name, bytes);
  try {
    switch (format) {
      case "xlsx": {
        const { readWorkbook } = await import("../xlsx/read");
        const read = await readWorkbook(bytes);
        return read.ok ? { ok: true, format, sheets: read.sheets } : { ok: false, reason: read.reason };
      }
      case "docx":
        // src/word (readWordDocument) is not in this build yet: say so instead of guessing at the tables.
        return { ok: false, reason: "docx-unsupported" };
      case null:
        return { ok: false, reason: "unknown-format" };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: "error", detail: message.split("\n")[0].slice(0, 120) };
  }
}
