/**
 * One input file, whatever it is: its bytes decide (never its name) whether it is read as a Word document or a
 * workbook, and either way it is checked into the same result. A Word file's checks carry their table numbers and
 * the plan's facts, so its reports can say "bảng 2, dòng 14, cột C".
 */
import * as zlib from "zlib";
import { Lang } from "../core/issues/catalogue";
import { FileReport } from "../core/output/report";
import { fileReport } from "../core/output/file-report";
import { checkWorkbook, SheetCheck, WorkbookCheck, WorkbookOptions } from "../core/workbook";
import { readWorkbook } from "../xlsx/read";
import { fileKind } from "../word/file-kind";
import { readWordDocument } from "../word/read";
import { wordFailureText } from "../word/failure-text";
import { checkWordDocument, WordCheck, wordFileReport } from "../word/word-check";

// Native zlib: workbooks are read straight from their XML, the same way in `check` and `consolidate` (a batch inflates
// hundreds), and a sheet formatted or merged down to row 1,048,576 costs what its data costs.
const inflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data);
// A Word part that would inflate past this is refused, not expanded (a real plan's document.xml is a few MB).
const wordInflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data, { maxOutputLength: 256 * 1024 * 1024 });

export type CheckedInput =
  | { ok: false; message: string }
  | { ok: true; format: "xlsx"; result: WorkbookCheck }
  | { ok: true; format: "docx"; result: WorkbookCheck; word: WordCheck };

/** `timings`, when given, adds the milliseconds spent reading and checking (the consolidation benchmark's phases). */
export async function checkInput(
  bytes: Uint8Array,
  options: WorkbookOptions & { lang: Lang },
  timings?: Record<string, number>,
): Promise<CheckedInput> {
  const t0 = performance.now();
  const lap = (phase: string, from: number) => {
    const now = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + (now - from);
    return now;
  };
  const kind = fileKind(bytes);
  if (kind === "docx" || kind === "legacy-doc") {
    const read = readWordDocument(bytes, { inflateRaw: wordInflateRaw });
    const t1 = lap("read", t0);
    if (!read.ok) return { ok: false, message: wordFailureText(read.reason, options.lang, read.detail) };
    const word = checkWordDocument(read.document, options);
    lap("check", t1);
    return { ok: true, format: "docx", result: word.result, word };
  }
  const wb = await readWorkbook(bytes, { inflateRaw });
  const t1 = lap("read", t0);
  if (!wb.ok) return { ok: false, message: wb.message };
  const result = checkWorkbook(wb.sheets, options);
  lap("check", t1);
  return { ok: true, format: "xlsx", result };
}

/** The JSON report of one checked table or sheet of the input. */
export function inputReport(file: string, input: CheckedInput & { ok: true }, check: SheetCheck, lang: Lang): FileReport {
  if (input.format === "docx") return wordFileReport(file, check, input.word.tableOf(check), input.word.facts, lang);
  return fileReport(file, check, lang);
}

/** The files a folder holds that the command line reads: workbooks and Word documents (old .doc ones get their reason). */
export function isInputName(name: string): boolean {
  const n = name.toLowerCase();
  return !n.startsWith("~$") && (n.endsWith(".xlsx") || n.endsWith(".docx") || n.endsWith(".doc"));
}
