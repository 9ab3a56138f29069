/**
 * Why a workbook could not be read, for a person, in their language: the one catalogue of the zip and workbook
 * readers' reasons and of the details they give (which entry, which cell, which limit). The readers return these as
 * data (a reason and a typed detail); the command line and the pane say them in Vietnamese or English.
 */
import type { Lang } from "../core/issues/catalogue";

export type ReadFailure =
  | "empty-file"
  | "encrypted"
  | "legacy-xls"
  | "not-xlsx"
  | "corrupt"
  /** A zip bomb, or a workbook past what the reader holds in memory. */
  | "too-large"
  | "xlsb"
  | "ods"
  /** A Word document, .docx or .doc. */
  | "word"
  /** Too big a file to open at all, or not a file (a device, a pipe): said by the file layer. */
  | "not-a-file";

/** What a sheet part says that a workbook cannot. */
export type SheetProblem =
  | { kind: "cell-beyond"; ref: string }
  | { kind: "bad-row-number"; value: string }
  | { kind: "row-beyond"; row: number }
  | { kind: "row-twice"; row: number }
  | { kind: "cell-not-in-row"; ref: string; row: number }
  | { kind: "row-past-xfd"; row: number }
  | { kind: "cell-twice"; ref: string }
  | { kind: "missing-shared-string"; ref: string; index: string }
  | { kind: "merge-not-range"; ref: string };

/** What went wrong with one zip entry. */
export type EntryProblem =
  | { kind: "no-zip64-sizes" }
  | { kind: "past-end" }
  | { kind: "no-header" }
  | { kind: "bad-deflate"; declared: number }
  | { kind: "size-mismatch"; declared: number; actual: number }
  | { kind: "method"; method: number }
  | { kind: "crc" };

/** The detail of a failure: what exactly, with its figures. */
export type ReadDetail =
  | { kind: "zip64-end-missing" }
  | { kind: "zip64-end-damaged" }
  | { kind: "directory-outside" }
  | { kind: "directory-damaged" }
  | { kind: "too-many-entries"; count: number; limit: number }
  | { kind: "part-too-large"; entry: string; size: number; limit: number }
  | { kind: "total-too-large"; size: number; limit: number }
  | { kind: "inflated-over-total"; limit: number }
  | { kind: "entry"; entry: string; problem: EntryProblem }
  | { kind: "sheets-missing"; sheets: string[] }
  | { kind: "no-worksheet" }
  | { kind: "sheet"; sheet?: string; problem: SheetProblem }
  | { kind: "file-type"; type: "docx" | "doc" | "odt" | "pptx" }
  /** A message of ExcelJS's own (an XML or zip error), which has no translation: shown as it is. */
  | { kind: "message"; text: string };

const REASONS: Record<Lang, Record<ReadFailure, string>> = {
  en: {
    "empty-file": "the file is empty (0 bytes)",
    encrypted: "the workbook is password-protected (encrypted); save an unprotected copy and try again",
    "legacy-xls": "this is an old Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx",
    "not-xlsx": "not an .xlsx workbook (it looks like text or CSV, or another format)",
    corrupt: "the workbook is damaged or truncated and cannot be opened",
    "too-large": "the workbook is too large to read safely",
    xlsb: "this is an Excel binary workbook (.xlsb), not an .xlsx; open it in Excel and save it as .xlsx",
    ods: "this is an OpenDocument spreadsheet (.ods), not an .xlsx; open it and save it as .xlsx",
    word: "this is a Word document, not an Excel workbook",
    "not-a-file": "not a regular file",
  },
  vi: {
    "empty-file": "tệp rỗng (0 byte)",
    encrypted: "bảng tính được đặt mật khẩu (mã hóa); hãy lưu một bản không mật khẩu rồi thử lại",
    "legacy-xls": "đây là tệp Excel 97-2003 (.xls) cũ; hãy mở bằng Excel và lưu thành .xlsx",
    "not-xlsx": "không phải bảng tính .xlsx (trông như văn bản, CSV hoặc định dạng khác)",
    corrupt: "bảng tính bị hỏng hoặc không đầy đủ, không mở được",
    "too-large": "bảng tính quá lớn để đọc an toàn",
    xlsb: "đây là bảng tính Excel nhị phân (.xlsb), không phải .xlsx; hãy mở bằng Excel và lưu thành .xlsx",
    ods: "đây là bảng tính OpenDocument (.ods), không phải .xlsx; hãy mở và lưu thành .xlsx",
    word: "đây là văn bản Word, không phải bảng tính Excel",
    "not-a-file": "không phải tệp thông thường",
  },
};

/** A size for a person: "5.0 GB", "740 KB" ("5,0 GB" in Vietnamese). */
export function byteSize(n: number, lang: Lang = "en"): string {
  const decimal = (x: number) => (lang === "vi" ? x.toFixed(1).replace(".", ",") : x.toFixed(1));
  if (!Number.isFinite(n)) return lang === "vi" ? "hơn 9 PB" : "more than 9 PB";
  if (n >= 2 ** 30) return `${decimal(n / 2 ** 30)} GB`;
  if (n >= 2 ** 20) return `${decimal(n / 2 ** 20)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

const count = (n: number, lang: Lang) => n.toLocaleString(lang === "vi" ? "vi-VN" : "en");

function entryText(entry: string, p: EntryProblem, lang: Lang): string {
  const vi = lang === "vi";
  const what = ((): string => {
    switch (p.kind) {
      case "no-zip64-sizes":
        return vi ? "thiếu kích thước zip64" : "lacks its zip64 sizes";
      case "past-end":
        return vi ? "vượt quá cuối tệp" : "runs past the end of the file";
      case "no-header":
        return vi ? "không có phần đầu" : "has no header";
      case "bad-deflate":
        return vi
          ? `không giải nén ra đúng ${byteSize(p.declared, lang)} như đã khai`
          : `does not inflate to the ${byteSize(p.declared)} it declares`;
      case "size-mismatch":
        return vi
          ? `giải nén ra ${count(p.actual, lang)} byte, không phải ${count(p.declared, lang)} byte như đã khai`
          : `inflates to ${p.actual} bytes, not the ${p.declared} it declares`;
      case "method":
        return vi
          ? `được nén bằng phương thức ${p.method}, bảng tính không dùng phương thức này`
          : `is compressed with method ${p.method}, which workbooks do not use`;
      case "crc":
        return vi ? "sai mã kiểm tra CRC-32" : "fails its CRC-32 check";
    }
  })();
  return vi ? `mục ${entry} ${what}` : `the entry ${entry} ${what}`;
}

function sheetText(p: SheetProblem, lang: Lang): string {
  const vi = lang === "vi";
  switch (p.kind) {
    case "cell-beyond":
      return vi
        ? `ô ${p.ref} nằm ngoài ô cuối cùng của trang tính (XFD1048576)`
        : `the cell ${p.ref} lies beyond the sheet's last cell XFD1048576`;
    case "bad-row-number":
      return vi ? `một dòng được đánh số "${p.value}"` : `a row is numbered "${p.value}"`;
    case "row-beyond":
      return vi
        ? `dòng ${count(p.row, lang)} nằm ngoài dòng cuối cùng của trang tính (1.048.576)`
        : `row ${count(p.row, lang)} lies beyond the sheet's last row 1,048,576`;
    case "row-twice":
      return vi ? `dòng ${p.row} được ghi hai lần` : `row ${p.row} is written twice`;
    case "cell-not-in-row":
      return vi ? `ô "${p.ref}" không thuộc dòng ${p.row}` : `the cell "${p.ref}" is not in row ${p.row}`;
    case "row-past-xfd":
      return vi ? `dòng ${p.row} vượt quá cột XFD` : `row ${p.row} runs past column XFD`;
    case "cell-twice":
      return vi ? `ô ${p.ref} được ghi hai lần` : `the cell ${p.ref} is written twice`;
    case "missing-shared-string":
      return vi
        ? `ô ${p.ref} dùng chuỗi dùng chung số ${p.index}, tệp không có chuỗi này`
        : `the cell ${p.ref} names shared string ${p.index}, which the file lacks`;
    case "merge-not-range":
      return vi ? `vùng gộp "${p.ref}" không phải một vùng ô` : `the merged area "${p.ref}" is not a range`;
  }
}

/** The detail alone, in the language asked for. */
export function readDetailText(d: ReadDetail, lang: Lang): string {
  const vi = lang === "vi";
  switch (d.kind) {
    case "zip64-end-missing":
      return vi ? "thiếu bản ghi kết thúc zip64" : "its zip64 end record is missing";
    case "zip64-end-damaged":
      return vi ? "bản ghi kết thúc zip64 bị hỏng" : "its zip64 end record is damaged";
    case "directory-outside":
      return vi ? "thư mục của tệp zip nằm ngoài tệp" : "its directory lies outside the file";
    case "directory-damaged":
      return vi ? "thư mục của tệp zip bị hỏng" : "its directory is damaged";
    case "too-many-entries":
      return vi
        ? `tệp có ${count(d.count, lang)} mục; một bảng tính có nhiều nhất ${count(d.limit, lang)}`
        : `it lists ${count(d.count, lang)} entries; a workbook has at most ${count(d.limit, lang)}`;
    case "part-too-large":
      return vi
        ? `${d.entry} sẽ giải nén ra ${byteSize(d.size, lang)}; mỗi phần chứa nhiều nhất ${byteSize(d.limit, lang)}`
        : `${d.entry} would inflate to ${byteSize(d.size)}; a part may hold at most ${byteSize(d.limit)}`;
    case "total-too-large":
      return vi
        ? `các mục sẽ giải nén ra ${byteSize(d.size, lang)}; một bảng tính chứa nhiều nhất ${byteSize(d.limit, lang)}`
        : `its entries would inflate to ${byteSize(d.size)}; a workbook may hold at most ${byteSize(d.limit)}`;
    case "inflated-over-total":
      return vi ? `các phần giải nén ra hơn ${byteSize(d.limit, lang)}` : `its parts inflate to more than ${byteSize(d.limit)}`;
    case "entry":
      return entryText(d.entry, d.problem, lang);
    case "sheets-missing": {
      const names = d.sheets.map((n) => `"${n}"`).join(", ");
      return vi ? `tệp thiếu trang tính ${names}` : `the sheet ${names} is missing from the file`;
    }
    case "no-worksheet":
      return vi ? "tệp không có trang tính nào" : "it holds no worksheet";
    case "sheet": {
      const problem = sheetText(d.problem, lang);
      if (d.sheet === undefined) return problem;
      return vi ? `trang tính "${d.sheet}": ${problem}` : `sheet "${d.sheet}": ${problem}`;
    }
    case "file-type":
      return {
        docx: vi ? "một văn bản .docx" : "a .docx document",
        doc: vi ? "một văn bản Word 97-2003 .doc cũ" : "an old Word 97-2003 .doc document",
        odt: vi ? "một văn bản OpenDocument (.odt)" : "an OpenDocument text (.odt)",
        pptx: vi ? "một bản trình chiếu PowerPoint (.pptx)" : "a PowerPoint presentation (.pptx)",
      }[d.type];
    case "message":
      return d.text;
  }
}

/** The reason, with its detail in brackets, in the language asked for: one line. */
export function readFailureText(read: { reason: ReadFailure; detail?: ReadDetail }, lang: Lang): string {
  const text = REASONS[lang][read.reason];
  // A library's own words (ExcelJS's, in English) are not the officer's language: said in English only.
  if (!read.detail || (read.detail.kind === "message" && lang !== "en")) return text;
  return `${text} (${readDetailText(read.detail, lang)})`;
}
