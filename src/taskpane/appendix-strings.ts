/**
 * The words of "Tạo bảng phụ lục từ văn bản" (the appendix made from a plan written as paragraphs), in both languages.
 */
import type { Lang } from "../core/issues/catalogue";

const VI = {
  title: "Tạo bảng phụ lục từ văn bản",
  hint: "Kế hoạch ghi nhiệm vụ thành đoạn văn (“- Đơn vị chủ trì: …”, “- Thời gian thực hiện: …”): dán văn bản vào trang tính này, mỗi đoạn một dòng, hoặc chọn tệp .docx.",
  fromSheet: "Từ văn bản trên trang tính này",
  fromDocx: "Chọn tệp .docx…",
  working: "Đang tạo bảng phụ lục…",
  sheetName: "Phụ lục nhiệm vụ",
  done: (sheet: string, tasks: number, sections: number) =>
    `Đã tạo trang tính “${sheet}”: ${tasks} nhiệm vụ trong ${sections} mục. Bấm Kiểm tra để kiểm tra bảng.`,
  notDocx: (name: string, reason: string) => `Không đọc được “${name}”: ${reason}`,
};

type AppendixStrings = typeof VI;

const EN: AppendixStrings = {
  title: "Make the appendix table from the text",
  hint: "For plans that write their tasks as paragraphs (“- Đơn vị chủ trì: …”, “- Thời gian thực hiện: …”): paste the text on this sheet, one paragraph per row, or pick a .docx file.",
  fromSheet: "From the text on this sheet",
  fromDocx: "Pick a .docx file…",
  working: "Making the appendix table…",
  sheetName: "Task appendix",
  done: (sheet, tasks, sections) => `Sheet “${sheet}” made: ${tasks} tasks in ${sections} sections. Press Check to check the table.`,
  notDocx: (name, reason) => `“${name}” cannot be read: ${reason}`,
};

export function appendixStrings(lang: Lang): AppendixStrings {
  return lang === "vi" ? VI : EN;
}
