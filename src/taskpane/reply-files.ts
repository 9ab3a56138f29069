/**
 * The reply files of a consolidation, read in the pane: each picked .xlsx with the hardened XML reader and its limits
 * (src/xlsx/read.ts with SCRIPT_READ; ExcelJS, loaded only then, for what that reader leaves to it), each .docx with
 * the Word reader (src/word/read.ts), and checked like any workbook. Only the consolidation view imports this module,
 * and the pane loads that view with import(), so none of it is in the pane's initial JavaScript.
 */
import type { ConsolidationInput } from "../core/consolidate/consolidate";
import type { AgencyDirectory } from "../core/agencies/directory";
import type { Issue } from "../core/issues/catalogue";
import type { Settings } from "../core/settings/settings";
import { checkWorkbook } from "../core/workbook";
import type { SheetCheck } from "../core/workbook";
import { readWorkbook } from "../xlsx/read";
import { SCRIPT_READ, scriptInflateRaw } from "../xlsx/script-inflate";
import type { ReadDetail, ReadFailure } from "../xlsx/read";
import { fileKind } from "../word/file-kind";
import { readWordDocument } from "../word/read";
import type { WordReadFailure } from "../word/read";
import type { WordReadDetail } from "../word/failure-text";
import { checkWordDocument } from "../word/word-check";
import type { Lang } from "../core/issues/catalogue";
import { bytesOf } from "./file-bytes";
import { isTaskTableCheck } from "../core/kinds";
import type { ReplyTable } from "../core/tracking/track";
import { wordFailureText } from "../word/failure-text";
import { readDetailText } from "../xlsx/read-failure-text";
import type { Strings } from "./strings";

export { bytesOf, textOf } from "./file-bytes";

/** A file read and checked, or why it could not be: a file that cannot be read is an outcome, not an exception. */
export type ReplyRead =
  | { ok: true; checks: SheetCheck[] }
  | { ok: false; reason: ReadFailure; detail?: ReadDetail }
  /** A Word reply that cannot be read (an old .doc, a damaged .docx): wordFailureText says it. */
  | { ok: false; reason: "word"; failure: WordReadFailure; detail?: WordReadDetail }
  | { ok: false; reason: "error"; detail: string };

/** What a read file gives the consolidation, as the per-file line says it. */
export type ReplyStatus =
  | { kind: "tables"; tables: number; rows: number; delegationTables: number }
  | { kind: "delegations"; delegationTables: number }
  /** No table on any sheet; `issue` is the engine's no-table message (it says when the text looks legacy-encoded). */
  | { kind: "no-table"; issue: Issue | null }
  | { kind: "unreadable"; read: Extract<ReplyRead, { ok: false }> };

export async function readReplyFile(
  file: Blob,
  options: { directory: AgencyDirectory; settings: Settings; lang?: Lang },
): Promise<ReplyRead> {
  try {
    const bytes = await bytesOf(file);
    // Replies come as .docx beside .xlsx: the content says which, whatever the name.
    const kind = fileKind(bytes);
    if (kind === "docx" || kind === "legacy-doc") {
      const doc = readWordDocument(bytes, { inflateRaw: scriptInflateRaw });
      if (!doc.ok)
        return doc.detail
          ? { ok: false, reason: "word", failure: doc.reason, detail: doc.detail }
          : { ok: false, reason: "word", failure: doc.reason };
      const result = checkWordDocument(doc.document, {
        directory: options.directory,
        settings: options.settings,
        lang: options.lang,
      }).result;
      return { ok: true, checks: result.ok || result.reason === "no-table" ? result.checks : [] };
    }
    const wb = await readWorkbook(bytes, SCRIPT_READ);
    if (!wb.ok) return wb.detail ? { ok: false, reason: wb.reason, detail: wb.detail } : { ok: false, reason: wb.reason };
    const result = checkWorkbook(wb.sheets, { directory: options.directory, settings: options.settings });
    // A workbook without a table still counts: its no-table results say, in the file report, what was looked for.
    return { ok: true, checks: result.ok || result.reason === "no-table" ? result.checks : [] };
  } catch (error) {
    // One strange workbook among many must not stop the others from being read.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: "error", detail: message.split("\n")[0].slice(0, 120) };
  }
}

export function replyStatus(read: ReplyRead): ReplyStatus {
  if (!read.ok) return { kind: "unreadable", read };
  const tasks = read.checks.filter((c) => isTaskTableCheck(c) && c.table !== null);
  const delegationTables = read.checks.filter((c) => c.kind === "delegations").length;
  if (tasks.length > 0)
    return { kind: "tables", tables: tasks.length, rows: tasks.reduce((n, c) => n + c.counts.tasks, 0), delegationTables };
  if (delegationTables > 0) return { kind: "delegations", delegationTables };
  return { kind: "no-table", issue: read.checks.flatMap((c) => c.issues).find((i) => i.code === "no-table") ?? null };
}

/** The consolidation's inputs from one file: its checked tables, or the reason it could not be read. */
export function consolidationInputs(
  file: string,
  read: ReplyRead,
  failure: (read: Extract<ReplyRead, { ok: false }>) => string,
): ConsolidationInput[] {
  // Links in the written sheets point at the file by name: beside the workbook is where a consolidator keeps replies.
  if (!read.ok) return [{ file, failure: failure(read) }];
  return read.checks.map((check) => ({ file, linkFile: file, check }));
}

/** Why a file could not be read, in the pane's language (the reader's own messages are English). */
export function replyFailureText(read: Extract<ReplyRead, { ok: false }>, s: Strings, lang: Lang): string {
  if ("failure" in read) return wordFailureText(read.failure, lang, read.detail);
  if (read.reason === "error") return s.fileError(read.detail);
  // The reader's detail (which entry, which limit) in the pane's language, from the readers' one catalogue.
  return read.detail ? `${s.readFailure[read.reason]} (${readDetailText(read.detail, lang)})` : s.readFailure[read.reason];
}

/**
 * The agencies' filled-in task lists, for tracking: every task table of every file (a split workbook holds one), and
 * each file that gave none with the reason, so that no file is dropped unsaid.
 */
export async function repliesForTracking(
  files: ReadonlyArray<File>,
  options: { directory: AgencyDirectory; settings: Settings; lang: Lang; strings: Strings },
): Promise<{ replies: ReplyTable[]; unusable: Array<{ file: string; why: string }> }> {
  const replies: ReplyTable[] = [];
  const unusable: Array<{ file: string; why: string }> = [];
  for (const file of files) {
    const read = await readReplyFile(file, options);
    if (!read.ok) {
      unusable.push({ file: file.name, why: replyFailureText(read, options.strings, options.lang) });
      continue;
    }
    const tables = read.checks.filter(isTaskTableCheck).flatMap((c) => (c.table ? [{ file: file.name, table: c.table }] : []));
    if (tables.length === 0) unusable.push({ file: file.name, why: options.strings.fileNoTable });
    replies.push(...tables);
  }
  return { replies, unusable };
}
