/**
 * The words of "Nhập từ Word", in the pane's two languages.
 */
import type { Lang } from "../core/issues/catalogue";

export interface WordImportText {
  button: string;
  intro: string;
  reading: string;
  noTables: string;
  tableLine(table: number, rows: number, columns: number): string;
  kindLine(kind: "tasks" | "delegations" | "reports" | null, items: number): string;
  write(table: number): string;
  writing: string;
  written(table: number, sheet: string): string;
  unreadable(reason: string): string;
}

const VI: WordImportText = {
  button: "Nhập từ Word",
  intro: "Chọn một văn bản Word (.docx) để lấy bảng phụ lục vào một trang tính mới, giữ nguyên ô gộp và số thứ tự tự động.",
  reading: "Đang đọc văn bản…",
  noTables: "Văn bản không có bảng nào.",
  tableLine: (t, r, c) => `Bảng ${t}: ${r} dòng × ${c} cột`,
  kindLine: (k, n) =>
    k === "tasks"
      ? `bảng nhiệm vụ, ${n} nhiệm vụ`
      : k === "reports"
        ? `báo cáo kết quả thực hiện, ${n} nhiệm vụ`
        : k === "delegations"
          ? `bảng đoàn ra/đoàn vào, ${n} đoàn`
          : "không phải bảng nhiệm vụ",
  write: (t) => `Ghi bảng ${t} vào trang tính mới`,
  writing: "Đang ghi vào sổ…",
  written: (t, s) => `Đã ghi bảng ${t} vào trang tính “${s}”. Bấm Kiểm tra để kiểm tra trang này.`,
  unreadable: (r) => `Không đọc được văn bản: ${r}.`,
};

const EN: WordImportText = {
  button: "Import from Word",
  intro: "Pick a Word document (.docx) to bring an appendix table into a new sheet, with its merged cells and automatic numbers.",
  reading: "Reading the document…",
  noTables: "The document has no tables.",
  tableLine: (t, r, c) => `Table ${t}: ${r} rows × ${c} columns`,
  kindLine: (k, n) =>
    k === "tasks"
      ? `task table, ${n} tasks`
      : k === "reports"
        ? `progress report, ${n} tasks`
        : k === "delegations"
          ? `delegation table, ${n} delegations`
          : "not a task table",
  write: (t) => `Write table ${t} into a new sheet`,
  writing: "Writing into the workbook…",
  written: (t, s) => `Table ${t} written into the sheet “${s}”. Press Check to check that sheet.`,
  unreadable: (r) => `The document cannot be read: ${r}.`,
};

export function wordImportText(lang: Lang): WordImportText {
  return lang === "vi" ? VI : EN;
}
