/**
 * Reading and checking one reply file for the consolidation: a file that cannot be read is an outcome, not an exception.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { AgencyDirectory } from "../core/agencies/directory";
import { checkWorkbook, WorkbookCheck } from "../core/workbook";
import { readWorkbook } from "../xlsx/read";

export type FileOutcome = { ok: false; message: string } | { ok: true; result: WorkbookCheck };

// Native zlib: a batch inflates hundreds of workbooks.
const inflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data);

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

export async function checkFile(file: string, directory: AgencyDirectory, timings?: Record<string, number>): Promise<FileOutcome> {
  const bytes = readNow(file);
  if (!bytes.ok) return { ok: false, message: bytes.message };
  try {
    const t0 = performance.now();
    const wb = await readWorkbook(bytes.bytes, { inflateRaw });
    const t1 = performance.now();
    if (!wb.ok) return { ok: false, message: wb.message };
    const result = checkWorkbook(wb.sheets, { directory });
    if (timings) {
      timings.read = (timings.read ?? 0) + (t1 - t0);
      timings.check = (timings.check ?? 0) + (performance.now() - t1);
    }
    return { ok: true, result };
  } catch (e) {
    // One strange workbook among two hundred must not stop the others from being merged.
    return { ok: false, message: `cannot be read (${(e as Error).message.split("\n")[0].slice(0, 120)})` };
  }
}
