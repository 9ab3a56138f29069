/** The checker page's own texts (the views it shares with the pane bring theirs from src/taskpane/strings.ts). */
import type { Lang } from "../core/issues/catalogue";

const VI = {
  pageTitle: "Kiểm tra Phụ lục nhiệm vụ — không cần Excel",
  intro:
    "Mở tệp .xlsx của phụ lục (từ WPS Office, LibreOffice hay Excel) để kiểm tra ngay trên trình duyệt. " +
    "Tệp chỉ được đọc trên máy này, không gửi đi đâu; trang vẫn dùng được khi mất mạng sau lần mở đầu.",
  openFiles: "Mở tệp…",
  filesHeading: "Tệp đã mở",
  sheetLabel: "Trang tính",
  fileLabel: "Tệp",
  reading: "Đang đọc tệp…",
  noTableHere: "Trang tính này không có bảng nhiệm vụ hay bảng đoàn ra/đoàn vào.",
  downloadsHeading: "Tải về",
  downloadSummary: "Bảng tổng hợp (.xlsx)",
  downloadConsolidated: "Bảng hợp nhất các tệp (.xlsx)",
  downloadReport: "Báo cáo lỗi (.json)",
  downloaded: (name: string) => `Đã tạo tệp ${name}.`,
  gridHeading: (sheet: string) => `Trang tính: ${sheet} (chỉ xem)`,
  gridTruncated: (shown: number, total: number) => `Hiện ${shown} trên ${total} dòng quanh dòng được chọn.`,
  unknownFormat: "Không nhận ra định dạng tệp: trang này đọc tệp .xlsx.",
  offlineReady: "Trang đã sẵn sàng dùng khi không có mạng.",
  privacy: "Không tệp nào rời khỏi máy này.",
};

type PageStrings = typeof VI;

const EN: PageStrings = {
  pageTitle: "Appendix Checker — without Excel",
  intro:
    "Open the appendix .xlsx file (from WPS Office, LibreOffice or Excel) to check it right in the browser. " +
    "Files are read on this computer only and sent nowhere; the page keeps working offline once it has been opened.",
  openFiles: "Open files…",
  filesHeading: "Open files",
  sheetLabel: "Sheet",
  fileLabel: "File",
  reading: "Reading the file…",
  noTableHere: "This sheet has no task table and no delegation table.",
  downloadsHeading: "Downloads",
  downloadSummary: "Summary workbook (.xlsx)",
  downloadConsolidated: "Consolidated workbook of all files (.xlsx)",
  downloadReport: "Issue report (.json)",
  downloaded: (name: string) => `Made ${name}.`,
  gridHeading: (sheet: string) => `Sheet: ${sheet} (read-only)`,
  gridTruncated: (shown: number, total: number) => `Showing ${shown} of ${total} rows around the chosen row.`,
  unknownFormat: "Unrecognised file format: this page reads .xlsx files.",
  offlineReady: "The page is ready to work without a network.",
  privacy: "No file leaves this computer.",
};

export function pageStrings(lang: Lang): PageStrings {
  return lang === "en" ? EN : VI;
}
