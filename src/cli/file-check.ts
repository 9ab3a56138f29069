/**
 * Reading and checking one reply file for the consolidation: a file that cannot be read is an outcome, not an exception.
 */
import { AgencyDirectory } from "../core/agencies/directory";
import { Lang } from "../core/issues/catalogue";
import { WorkbookCheck } from "../core/workbook";
import { NATIVE_READ } from "../xlsx/native-zlib";
import { isProductWorkbook } from "../xlsx/file-type";
import { readInputFile } from "./files";
import { CheckedInput, checkInput } from "./read-input";
import { INPUT_TEXT } from "./messages";

export type FileOutcome =
  { ok: false; message: string; skipped?: boolean } | { ok: true; result: WorkbookCheck; input: CheckedInput & { ok: true } };

export async function checkFile(
  file: string,
  directory: AgencyDirectory,
  timings?: Record<string, number>,
  lang: Lang = "vi",
): Promise<FileOutcome> {
  // Synchronous: a batch reads hundreds of small files one after the other, and a round trip through the thread
  // pool for each costs more than the read.
  const bytes = readInputFile(file);
  if (!bytes.ok) return { ok: false, message: INPUT_TEXT[lang].refused(bytes.why) };
  if (isProductWorkbook(bytes.bytes, NATIVE_READ.inflateRaw!)) return { ok: false, skipped: true, message: INPUT_TEXT[lang].ownWorkbook };
  try {
    const input = await checkInput(bytes.bytes, { directory, lang, file }, timings);
    if (!input.ok) return { ok: false, message: input.message };
    return { ok: true, result: input.result, input };
  } catch (e) {
    // One strange workbook among two hundred must not stop the others from being merged.
    return { ok: false, message: INPUT_TEXT[lang].unexpected((e as Error).message.split("\n")[0].slice(0, 120)) };
  }
}
