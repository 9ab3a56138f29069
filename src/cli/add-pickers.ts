/**
 * `check FILE --add-pickers OUT.xlsx`: a copy of the checked workbook with drop-downs of the directory's agency names
 * on the lead column (src/xlsx/add-pickers.ts), written through the temp-file-then-rename path; the input is only read.
 */
import * as zlib from "zlib";
import { AgencyDirectory } from "../core/agencies/directory";
import { canonicalAgencyNames, pickerTarget } from "../core/agencies/pickers";
import { Lang } from "../core/issues/catalogue";
import { SheetCheck } from "../core/workbook";
import { addPickers } from "../xlsx/add-pickers";
import { NATIVE_READ, nativeCrc32, nativeInflateRaw } from "../xlsx/native-zlib";
import { readWorkbook } from "../xlsx/read";
import { writeWhole } from "./files";
import { CliIO } from "./io";
import { isTaskTableCheck } from "../core/kinds";

export interface PickerSource {
  file: string;
  bytes: Uint8Array;
  checks: readonly SheetCheck[];
  directory: AgencyDirectory;
}

const MESSAGES = {
  vi: {
    noTable: "không có bảng nhiệm vụ với cột cơ quan chủ trì để gắn danh sách chọn",
    written: (out: string, sheet: string, areas: string) => `Đã ghi: ${out} (danh sách chọn ở ${areas}, lấy từ trang ẩn "${sheet}")`,
  },
  en: {
    noTable: "no task table with a lead agency column to add drop-down lists to",
    written: (out: string, sheet: string, areas: string) =>
      `Written: ${out} (drop-down lists on ${areas}, from the hidden sheet "${sheet}")`,
  },
};

/** Writes the copy; false after saying on stderr why it was not written. */
export async function writePickersCopy(source: PickerSource, out: string, lang: Lang, io: CliIO, quiet: boolean): Promise<boolean> {
  const m = MESSAGES[lang];
  const check = source.checks.find((c) => isTaskTableCheck(c) && c.table?.header.columns.lead !== undefined);
  // The merged areas are the grid's, not the check's: read again, which costs what one read of one file costs.
  const read = check ? await readWorkbook(source.bytes, NATIVE_READ) : null;
  const grid = read?.ok ? read.sheets.find((g) => g.sheetName === check!.sheetName) : undefined;
  const target = check && grid ? pickerTarget(check, grid.merges) : null;
  if (!target) {
    io.err(`appendix-checker: ${source.file}: --add-pickers: ${m.noTable}`);
    return false;
  }
  const copy = addPickers(source.bytes, target, canonicalAgencyNames(source.directory.data), lang, {
    inflateRaw: nativeInflateRaw,
    deflateRaw: (data) => zlib.deflateRawSync(data),
    crc32: nativeCrc32,
  });
  if (!copy.ok) {
    io.err(`appendix-checker: ${source.file}: --add-pickers: ${copy.message}`);
    return false;
  }
  try {
    await writeWhole(out, copy.bytes);
  } catch (e) {
    io.err(`appendix-checker: ${out}: cannot write: ${(e as Error).message}`);
    return false;
  }
  const areas = copy.areas.length > 3 ? `${copy.areas.slice(0, 3).join(", ")} …` : copy.areas.join(", ");
  if (!quiet) io.out(m.written(out, copy.listSheet, areas));
  return true;
}
