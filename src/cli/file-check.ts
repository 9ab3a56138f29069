/**
 * Reading and checking one reply file for the consolidation: a file that cannot be read is an outcome, not an exception.
 */
import { AgencyDirectory } from "../core/agencies/directory";
import { checkWorkbook, WorkbookCheck } from "../core/workbook";
import { NATIVE_READ } from "../xlsx/native-zlib";
import { readWorkbook } from "../xlsx/read";
import { readInputFile } from "./files";
import { isProductWorkbook } from "../xlsx/file-type";

export type FileOutcome = { ok: false; message: string; skipped?: boolean } | { ok: true; result: WorkbookCheck };

export async function checkFile(file: string, directory: AgencyDirectory, timings?: Record<string, number>): Promise<FileOutcome> {
  // Synchronous: a batch reads hundreds of small files one after the other, and a round trip through the thread
  // pool for each costs more than the read.
  const bytes = readInputFile(file);
  if (!bytes.ok) return { ok: false, message: bytes.message };
  if (isProductWorkbook(bytes.bytes, NATIVE_READ.inflateRaw!))
    return { ok: false, skipped: true, message: "written by appendix-checker (an earlier summary or consolidation); skipped" };
  try {
    const t0 = performance.now();
    const wb = await readWorkbook(bytes.bytes, NATIVE_READ);
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
