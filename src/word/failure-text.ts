/**
 * Why a Word file could not be read, for a person, in their language: what the file is and what to do.
 */
import type { Lang } from "../core/issues/catalogue";
import type { ReadFailure } from "../xlsx/read";
import { byteSize, readDetailText } from "../xlsx/read-failure-text";
import type { ReadDetail } from "../xlsx/read-failure-text";

/** Why a file could not be read: the workbook reader's reasons, and the two only a Word file has. */
export type WordReadFailure = ReadFailure | "legacy-doc" | "not-docx";

const VI: Record<WordReadFailure, string> = {
  "empty-file": "tệp rỗng (0 byte)",
  encrypted: "văn bản được đặt mật khẩu (đã mã hóa); hãy lưu một bản không đặt mật khẩu rồi thử lại",
  "legacy-doc":
    "đây là tệp Word 97-2003 (.doc) cũ, không phải .docx; hãy mở bằng Word và lưu lại dưới dạng .docx (Lưu thành › Word Document) hoặc chạy libreoffice --convert-to docx",
  "legacy-xls": "đây là tệp Excel 97-2003 (.xls) cũ, không phải văn bản Word; hãy lưu lại dưới dạng .xlsx",
  "not-xlsx": "không phải văn bản Word .docx",
  "not-docx": "không phải văn bản Word .docx (có vẻ là định dạng khác)",
  corrupt: "tệp .docx bị hỏng hoặc bị cắt cụt, không mở được",
  "too-large": "tệp quá lớn hoặc giải nén ra quá lớn (có thể là tệp zip độc hại), không đọc",
  xlsb: "đây là sổ Excel dạng nhị phân (.xlsb), không phải văn bản Word; hãy lưu lại dưới dạng .xlsx",
  ods: "đây là bảng tính OpenDocument (.ods), không phải văn bản Word; hãy lưu lại dưới dạng .xlsx",
  word: "văn bản Word",
  "not-a-file": "không phải một tệp thường",
};

const EN: Record<WordReadFailure, string> = {
  "empty-file": "the file is empty (0 bytes)",
  encrypted: "the document is password-protected (encrypted); save an unprotected copy and try again",
  "legacy-doc":
    "this is an old Word 97-2003 (.doc) file, not a .docx; open it in Word and save it as .docx (Save As › Word Document), or run libreoffice --convert-to docx",
  "legacy-xls": "this is an old Excel 97-2003 (.xls) file, not a Word document; save it as .xlsx",
  "not-xlsx": "not a Word .docx document",
  "not-docx": "not a Word .docx document (it looks like another format)",
  corrupt: "the .docx is damaged or truncated and cannot be opened",
  "too-large": "the file is too large, or inflates to too much (possibly a zip bomb); not read",
  xlsb: "this is an Excel binary workbook (.xlsb), not a Word document; save it as .xlsx",
  ods: "this is an OpenDocument spreadsheet (.ods), not a Word document; save it as .xlsx",
  word: "a Word document",
  "not-a-file": "not a regular file",
};

/** What exactly is wrong with a Word file's parts: which part, and how. */
export type WordPartProblem =
  | { kind: "zip-directory-missing" }
  | { kind: "part-missing"; part: string }
  /** The part is not well-formed XML; `error` is the parser's own (English) words, shown with --lang en only. */
  | { kind: "part-not-xml"; part: string; error: string }
  | { kind: "no-body"; part: string }
  | { kind: "part-too-large"; part: string; size?: number }
  | { kind: "part-unreadable"; part: string }
  | { kind: "part-not-text"; part: string };

/** The detail of a Word read failure: the zip reader's (a ReadDetail) or the Word reader's own. */
export type WordReadDetail = ReadDetail | WordPartProblem;

const PART_TEXT: Record<Lang, (p: WordPartProblem) => string> = {
  vi: (p) => {
    switch (p.kind) {
      case "zip-directory-missing":
        return "thiếu phần thư mục ở cuối tệp zip";
      case "part-missing":
        return `thiếu phần ${p.part}`;
      case "part-not-xml":
        return `phần ${p.part} không phải XML hợp lệ`;
      case "no-body":
        return `phần ${p.part} không có thân văn bản`;
      case "part-too-large":
        return p.size === undefined ? `phần ${p.part} quá lớn` : `phần ${p.part} quá lớn (${byteSize(p.size, "vi")})`;
      case "part-unreadable":
        return `không đọc được phần ${p.part}`;
      case "part-not-text":
        return `phần ${p.part} không phải văn bản UTF-8`;
    }
  },
  en: (p) => {
    switch (p.kind) {
      case "zip-directory-missing":
        return "the zip directory is missing";
      case "part-missing":
        return `${p.part} is missing`;
      case "part-not-xml":
        return `${p.part}: ${p.error}`;
      case "no-body":
        return `${p.part} has no body`;
      case "part-too-large":
        return p.size === undefined ? `${p.part} is too large` : `${p.part} is too large (${byteSize(p.size)})`;
      case "part-unreadable":
        return `${p.part} cannot be read`;
      case "part-not-text":
        return `${p.part} is not UTF-8 text`;
    }
  },
};

const WORD_PART_KINDS = new Set<WordPartProblem["kind"]>([
  "zip-directory-missing",
  "part-missing",
  "part-not-xml",
  "no-body",
  "part-too-large",
  "part-unreadable",
  "part-not-text",
]);

function isPartProblem(d: WordReadDetail): d is WordPartProblem {
  return WORD_PART_KINDS.has(d.kind as WordPartProblem["kind"]);
}

/** One line: what the file is and what to do, with the reader's detail (which part is missing) in brackets. */
export function wordFailureText(reason: WordReadFailure, lang: Lang, detail?: WordReadDetail): string {
  const base = (lang === "vi" ? VI : EN)[reason];
  if (!detail) return base;
  if (isPartProblem(detail)) return `${base} (${PART_TEXT[lang](detail)})`;
  // A library's or the system's own words (a "message" detail) are English: said with --lang en only.
  if (detail.kind === "message" && lang !== "en") return base;
  return `${base} (${readDetailText(detail, lang)})`;
}
