/**
 * The inputs the command line reads besides workbooks: a plan as plain text (.txt) or as a Word document (.docx),
 * whose tasks are written as paragraphs. Told apart by their bytes, not their names: a .docx renamed .xlsx is still
 * read as the document it is.
 */
import * as path from "path";
import type { CheckOptions } from "../core/kinds/kind";
import { TaskCheck } from "../core/kinds/tasks/check";
import { Grid } from "../core/sheet/grid";
import { Lang } from "../core/issues/catalogue";
import { checkParagraphPlan } from "../core/kinds/paragraphs/check-plan";
import { noTasksMessage } from "../core/kinds/paragraphs/no-tasks";
import { PlanParagraph, paragraphsFromText } from "../core/kinds/paragraphs/plan-paragraphs";
import { ParagraphPlan, readParagraphPlan } from "../core/kinds/paragraphs/read-plan";
import { fileKind } from "../word/file-kind";
import { planParagraphsOfWord } from "../word/plan-paragraphs";
import { readFailureText, readWorkbook } from "../xlsx/read";
import { wordFailureText } from "../word/failure-text";
import { RawInflate } from "../xlsx/zip";
import { INPUT_TEXT } from "./messages";

export type Source =
  | { ok: true; kind: "workbook"; sheets: Grid[] }
  | { ok: true; kind: "text"; format: "txt" | "docx"; paragraphs: PlanParagraph[]; tables: Grid[] }
  | { ok: false; message: string };

const TEXT_EXTENSIONS = new Set([".txt", ".text", ".md"]);

/** A plain-text plan is told by its name: its bytes say nothing. */
export function isTextName(file: string): boolean {
  return TEXT_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** Text in UTF-8, or UTF-16 when it says so with a byte-order mark (Notepad's "Unicode"); null when it is neither. */
export function decodeText(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export async function readSource(file: string, bytes: Uint8Array, inflateRaw: RawInflate, lang: Lang = "vi"): Promise<Source> {
  const kind = fileKind(bytes);
  if (kind === "docx" || kind === "legacy-doc") {
    const { readWordDocument } = await import("../word/read"); // loaded for Word files only
    const doc = readWordDocument(bytes, { inflateRaw });
    if (!doc.ok) return { ok: false, message: wordFailureText(doc.reason, lang, doc.detail) };
    return {
      ok: true,
      kind: "text",
      format: "docx",
      paragraphs: planParagraphsOfWord(doc.document),
      tables: doc.document.tables.filter((t) => !t.nested).map((t) => t.grid),
    };
  }
  if (kind === "other" && isTextName(file)) {
    const text = decodeText(bytes);
    if (text === null) return { ok: false, message: INPUT_TEXT[lang].planNotUtf8 };
    return { ok: true, kind: "text", format: "txt", paragraphs: paragraphsFromText(text), tables: [] };
  }
  const wb = await readWorkbook(bytes, { inflateRaw });
  return wb.ok ? { ok: true, kind: "workbook", sheets: wb.sheets } : { ok: false, message: readFailureText(wb, lang) };
}

export type TextCheck = { ok: true; check: TaskCheck; plan: ParagraphPlan } | { ok: false; message: string; plan: ParagraphPlan };

/** The plan's tasks read from its paragraphs and checked; when it holds none, the message that says so. */
export function checkText(
  paragraphs: readonly PlanParagraph[],
  format: "txt" | "docx",
  name: string,
  options: CheckOptions,
  lang: Lang,
): TextCheck {
  const plan = readParagraphPlan(paragraphs);
  const r = checkParagraphPlan(plan, { ...options, sheetName: name.slice(0, 31), format });
  return r.ok ? { ok: true, check: r.check, plan } : { ok: false, message: noTasksMessage(plan, lang), plan };
}

export const TEXT_BODY: Record<Lang, string> = { vi: "Văn bản", en: "Text" };
