/**
 * Why a Word file could not be read, for a person, in their language: what the file is and what to do.
 */
import type { Lang } from "../core/issues/catalogue";
import type { ReadFailure } from "../xlsx/read";
import { readDetailText } from "../xlsx/read-failure-text";
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

/** One line: what the file is and what to do, with the reader's detail (which part is missing) in brackets. */
export function wordFailureText(reason: WordReadFailure, lang: Lang, detail?: string | ReadDetail): string {
  const base = (lang === "vi" ? VI : EN)[reason];
  // The zip reader's details are data, said from the one catalogue; the Word reader's own are English lines.
  if (detail && typeof detail === "object") return `${base} (${readDetailText(detail, lang)})`;
  const said = detail && lang === "vi" ? (DETAIL_VI[detail] ?? detail) : detail;
  return said ? `${base} (${said})` : base;
}

/** The reader's details that a person can act on, in Vietnamese; the others (an XML error's position) stay as they are. */
const DETAIL_VI: Record<string, string> = {
  "the zip directory is missing": "thiếu phần thư mục ở cuối tệp zip",
};
