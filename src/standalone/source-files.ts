/**
 * The one place where the checker page decides how a chosen file is read: its format, from the name and the first
 * bytes, and the reader for that format. Every reader gives the engine the same thing — one grid per sheet, or per
 * table of a Word document — so the rest of the page never asks what the file was.
 *
 * Readers are loaded with import(): they stay out of the page's first load, and ExcelJS is fetched only for a workbook
 * the XML reader leaves to it; every file of the bundle is cached for offline use.
 */
import type { Grid } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import type { ReadDetail, ReadFailure } from "../xlsx/read";
import type { WordReadDetail, WordReadFailure } from "../word/failure-text";

/** The formats the page reads. */
export type SourceFormat = "xlsx" | "docx";

/** What the file input offers. */
export const ACCEPTED_FILES =
  ".xlsx,.xlsm,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export type SourceRead =
  | { ok: true; format: SourceFormat; sheets: Grid[] }
  | { ok: false; reason: ReadFailure | "unknown-format"; detail?: ReadDetail }
  /** A Word file the Word reader could not read, with its reason (legacy .doc, damaged …). */
  | { ok: false; reason: "docx-failed"; failure: WordReadFailure; detail?: WordReadDetail }
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
export async function readSourceFile(name: string, bytes: Uint8Array, lang: Lang = "vi"): Promise<SourceRead> {
  const format = sourceFormat(name, bytes);
  try {
    switch (format) {
      case "xlsx": {
        // The hardened XML reader with its limits; ExcelJS is fetched only for a workbook it leaves to ExcelJS.
        const [{ readWorkbook }, { SCRIPT_READ }] = await Promise.all([import("../xlsx/read"), import("../xlsx/script-inflate")]);
        const read = await readWorkbook(bytes, SCRIPT_READ);
        return read.ok
          ? { ok: true, format, sheets: read.sheets }
          : read.detail
            ? { ok: false, reason: read.reason, detail: read.detail }
            : { ok: false, reason: read.reason };
      }
      case "docx": {
        // Each table of the document is a grid named "Bảng N", with the plan's title above it for the plan period.
        const [{ readWordDocument }, { documentFacts }, { wordGrids }] = await Promise.all([
          import("../word/read"),
          import("../word/plan-facts"),
          import("../word/word-check"),
        ]);
        const { scriptInflateRaw } = await import("../xlsx/script-inflate");
        const read = readWordDocument(bytes, { inflateRaw: scriptInflateRaw });
        if (!read.ok) return { ok: false, reason: "docx-failed", failure: read.reason, detail: read.detail };
        const sheets = wordGrids(read.document, documentFacts(read.document), lang).map((g) => g.grid);
        return { ok: true, format, sheets };
      }
      case null:
        return { ok: false, reason: "unknown-format" };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: "error", detail: message.split("\n")[0].slice(0, 120) };
  }
}
