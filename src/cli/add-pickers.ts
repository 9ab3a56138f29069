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
import type { PickersRefusal } from "../xlsx/add-pickers";
import { NATIVE_READ, nativeCrc32, nativeInflateRaw } from "../xlsx/native-zlib";
import { readWorkbook } from "../xlsx/read";
import { writeWhole } from "./files";
import { writeFailureText } from "./messages";
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
    refused: (why: PickersRefusal): string =>
      ({
        "no-agencies": "danh mục cơ quan không có cơ quan nào để liệt kê",
        "cannot-reopen": "không mở lại được sổ làm việc để thêm danh sách chọn",
        "no-sheet": `không có trang tính “${why.kind === "no-sheet" ? why.sheet : ""}” để thêm danh sách chọn`,
        "sheet-list-unreadable": "không đọc được danh sách trang tính của sổ làm việc",
        error: "lỗi không mong muốn khi thêm danh sách chọn",
      })[why.kind],
    written: (out: string, sheet: string, areas: string) => `Đã ghi: ${out} (danh sách chọn ở ${areas}, lấy từ trang ẩn "${sheet}")`,
  },
  en: {
    noTable: "no task table with a lead agency column to add drop-down lists to",
    refused: (why: PickersRefusal): string =>
      ({
        "no-agencies": "the agency directory holds no agency to list",
        "cannot-reopen": "the workbook cannot be opened again to add the lists",
        "no-sheet": `no sheet named "${why.kind === "no-sheet" ? why.sheet : ""}" to add the lists to`,
        "sheet-list-unreadable": "the workbook's list of sheets cannot be read",
        error: why.kind === "error" ? why.message : "",
      })[why.kind],
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
    io.err(`appendix-checker: ${source.file}: --add-pickers: ${m.refused(copy.why)}`);
    return false;
  }
  try {
    await writeWhole(out, copy.bytes);
  } catch (e) {
    io.err(`appendix-checker: ${writeFailureText(out, e, lang)}`);
    return false;
  }
  const areas = copy.areas.length > 3 ? `${copy.areas.slice(0, 3).join(", ")} …` : copy.areas.join(", ");
  if (!quiet) io.out(m.written(out, copy.listSheet, areas));
  return true;
}
