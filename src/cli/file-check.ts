/**
 * Reading and checking one reply file for the consolidation: a file that cannot be read is an outcome, not an exception.
 */
import * as fs from "fs";
import { AgencyDirectory } from "../core/agencies/directory";
import { Lang } from "../core/issues/catalogue";
import { WorkbookCheck } from "../core/workbook";
import { CheckedInput, checkInput } from "./read-input";

export type FileOutcome = { ok: false; message: string } | { ok: true; result: WorkbookCheck; input: CheckedInput & { ok: true } };

/**
 * The file's bytes, read synchronously: a batch reads hundreds of small files one after the other, and a round trip
 * through the thread pool for each costs more than the read.
 */
function readNow(file: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  try {
    return { ok: true, bytes: new Uint8Array(fs.readFileSync(file)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, message: "no such file" };
    if (code === "EISDIR") return { ok: false, message: "is a folder, not a file" };
    if (code === "EACCES" || code === "EPERM") return { ok: false, message: "permission denied" };
    return { ok: false, message: (e as Error).message };
  }
}

export async function checkFile(
  file: string,
  directory: AgencyDirectory,
  timings?: Record<string, number>,
  lang: Lang = "vi",
): Promise<FileOutcome> {
  const bytes = readNow(file);
  if (!bytes.ok) return { ok: false, message: bytes.message };
  try {
    const input = await checkInput(bytes.bytes, { directory, lang, file }, timings);
    if (!input.ok) return { ok: false, message: input.message };
    return { ok: true, result: input.result, input };
  } catch (e) {
    // One strange workbook among two hundred must not stop the others from being merged.
    return { ok: false, message: `cannot be read (${(e as Error).message.split("\n")[0].slice(0, 120)})` };
  }
}
