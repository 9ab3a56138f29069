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
import { readFailureText, readWorkbook } from "../xlsx/read";
// Native zlib with the zip reader's limits: workbooks are read straight from their XML, the same way in `check` and
// `consolidate`, and a sheet formatted or merged down to row 1,048,576 costs what its data costs.
import { NATIVE_READ } from "../xlsx/native-zlib";
import { fileKind } from "../word/file-kind";
import { wordFailureText } from "../word/failure-text";
import { checkWordDocument, WordCheck, wordFileReport } from "../word/word-check";
import { planParagraphsOfWord } from "../word/plan-paragraphs";
import { noTasksCheck } from "../core/kinds/paragraphs/no-tasks";
import { PlanParagraph, paragraphsFromText } from "../core/kinds/paragraphs/plan-paragraphs";
import { TaskCheck } from "../core/kinds/tasks/check";
import { checkText, decodeText, isTextName, TEXT_BODY } from "./plan-source";
import { isTaskTableCheck } from "../core/kinds";
import { INPUT_TEXT } from "./messages";

// A Word part that would inflate past this is refused, not expanded (a real plan's document.xml is a few MB).
const wordInflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data, { maxOutputLength: 256 * 1024 * 1024 });

export type CheckedInput =
  | { ok: false; message: string }
  | { ok: true; format: "xlsx"; result: WorkbookCheck }
  | { ok: true; format: "docx"; result: WorkbookCheck; word: WordCheck }
  /** A plan's text (.txt, or a .docx without a task table) whose tasks are written as paragraphs. */
  | { ok: true; format: "text"; result: WorkbookCheck; noTasks?: { message: string; check: TaskCheck } };

/** `timings`, when given, adds the milliseconds spent reading and checking (the consolidation benchmark's phases). */
export async function checkInput(
  bytes: Uint8Array,
  options: WorkbookOptions & { lang: Lang; /** The file's name: a plain text is told by it (.txt). */ file?: string },
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
    // The Word reader (and its pako) is loaded only for a Word file: a workbook check never pays its start-up.
    const { readWordDocument } = await import("../word/read");
    const read = readWordDocument(bytes, { inflateRaw: wordInflateRaw });
    const t1 = lap("read", t0);
    if (!read.ok) return { ok: false, message: wordFailureText(read.reason, options.lang, read.detail) };
    const word = checkWordDocument(read.document, options);
    // No task table in the document: its tasks may be written as paragraphs (kinds/paragraphs).
    const text = hasTaskTable(word.result) ? null : textInput(planParagraphsOfWord(read.document), "docx", options);
    lap("check", t1);
    // A document with neither keeps the Word reader's no-table answer (what it looked for in its tables).
    if (text && !text.noTasks) return text;
    return { ok: true, format: "docx", result: word.result, word };
  }
  if (kind === "other" && isTextName(options.file ?? "")) {
    const text = decodeText(bytes);
    const t1 = lap("read", t0);
    if (text === null) return { ok: false, message: INPUT_TEXT[options.lang].planNotUtf8 };
    const checked = textInput(paragraphsFromText(text), "txt", options);
    lap("check", t1);
    return checked;
  }
  const wb = await readWorkbook(bytes, NATIVE_READ);
  const t1 = lap("read", t0);
  if (!wb.ok) return { ok: false, message: readFailureText(wb, options.lang) };
  const result = checkWorkbook(wb.sheets, options);
  lap("check", t1);
  return { ok: true, format: "xlsx", result };
}

function hasTaskTable(result: WorkbookCheck): boolean {
  return result.ok && result.checks.some((c) => isTaskTableCheck(c) && c.table !== null);
}

/** A plan's paragraphs checked as the appendix they should carry; when none is a task, the no-tasks report. */
function textInput(
  paragraphs: readonly PlanParagraph[],
  format: "txt" | "docx",
  options: WorkbookOptions & { lang: Lang },
): Extract<CheckedInput, { format: "text" }> {
  const body = TEXT_BODY[options.lang];
  const r = checkText(paragraphs, format, body, options, options.lang);
  if (r.ok) return { ok: true, format: "text", result: { ok: true, checks: [r.check] } };
  const check = noTasksCheck(r.plan, body, options);
  return { ok: true, format: "text", result: { ok: false, reason: "no-table", checks: [check] }, noTasks: { message: r.message, check } };
}

/** The JSON report of one checked table or sheet of the input. */
export function inputReport(file: string, input: CheckedInput & { ok: true }, check: SheetCheck, lang: Lang): FileReport {
  if (input.format === "docx") return wordFileReport(file, check, input.word.tableOf(check), input.word.facts, lang);
  return fileReport(file, check, lang);
}
