/**
 * The reply files of a consolidation, read in the pane: each picked .xlsx is read with ExcelJS (src/xlsx/read.ts) and
 * checked like any workbook. Only the consolidation view imports this module, and the pane loads that view with
 * import(), so ExcelJS stays out of the pane's initial JavaScript.
 */
import type { ConsolidationInput } from "../core/consolidate/consolidate";
import type { AgencyDirectory } from "../core/agencies/directory";
import type { Issue } from "../core/issues/catalogue";
import type { Settings } from "../core/settings/settings";
import { checkWorkbook } from "../core/workbook";
import type { SheetCheck } from "../core/workbook";
import { readWorkbook } from "../xlsx/read";
import type { ReadFailure } from "../xlsx/read";

/** A file read and checked, or why it could not be: a file that cannot be read is an outcome, not an exception. */
export type ReplyRead =
  { ok: true; checks: SheetCheck[] } | { ok: false; reason: ReadFailure } | { ok: false; reason: "error"; detail: string };

/** What a read file gives the consolidation, as the per-file line says it. */
export type ReplyStatus =
  | { kind: "tables"; tables: number; rows: number; delegationTables: number }
  | { kind: "delegations"; delegationTables: number }
  /** No table on any sheet; `issue` is the engine's no-table message (it says when the text looks legacy-encoded). */
  | { kind: "no-table"; issue: Issue | null }
  | { kind: "unreadable"; read: Extract<ReplyRead, { ok: false }> };

export async function readReplyFile(file: Blob, options: { directory: AgencyDirectory; settings: Settings }): Promise<ReplyRead> {
  try {
    const wb = await readWorkbook(await bytesOf(file));
    if (!wb.ok) return { ok: false, reason: wb.reason };
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
  const tasks = read.checks.filter((c) => c.kind === "tasks" && c.table !== null);
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

/** A picked file's bytes; FileReader where Blob.arrayBuffer is missing (older Office WebViews). */
export function bytesOf(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

/** A picked text file's content (the expected agencies). */
export function textOf(file: Blob): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsText(file);
  });
}
