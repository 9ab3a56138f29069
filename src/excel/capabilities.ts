/**
 * What the running Excel can do, by requirement set (Office.context.requirements.isSetSupported), so the add-in
 * falls back instead of failing and the pane can say what is unavailable.
 */
import { Lang } from "../core/issues/catalogue";

export interface Capabilities {
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13): without it, tables are read without their merged cells. */
  mergedAreas: boolean;
  /** RangeAreas, getRanges, getCellProperties (ExcelApi 1.9): formats and highlights in one call per style. */
  rangeAreas: boolean;
  /** Custom XML parts (ExcelApi 1.5). */
  customXml: boolean;
  charts: boolean;
  /** Range.hyperlink (ExcelApi 1.7): links from the issues sheet back to the cells. */
  hyperlinks: boolean;
  /** RangeFormat.columnWidth (ExcelApi 1.2): summary sheets get their column widths. */
  columnWidths: boolean;
  /** Worksheet.freezePanes (ExcelApi 1.7): the header rows of summary sheets stay in view. */
  freezePanes: boolean;
  /** Worksheet.customProperties (ExcelApi 1.12): our sheets carry a mark, so a renamed copy is never mistaken for ours. */
  customProperties: boolean;
}

/** True when Excel supports ExcelApi `version`; false outside Excel (no Office global). */
export function excelApi(version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return false;
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

/** Excel on the web, where requests and responses are limited to 5 MB. */
export function onTheWeb(): boolean {
  return typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.OfficeOnline;
}

export function capabilities(): Capabilities {
  return {
    mergedAreas: excelApi("1.13"),
    rangeAreas: excelApi("1.9"),
    customXml: excelApi("1.5"),
    charts: excelApi("1.1"),
    hyperlinks: excelApi("1.7"),
    columnWidths: excelApi("1.2"),
    freezePanes: excelApi("1.7"),
    customProperties: excelApi("1.12"),
  };
}

const NAMES: Record<keyof Capabilities, Record<Lang, string>> = {
  mergedAreas: {
    vi: "đọc ô gộp (cần ExcelApi 1.13): bảng được đọc không kèm ô gộp",
    en: "reading merged cells (needs ExcelApi 1.13): tables are read without their merged cells",
  },
  rangeAreas: {
    vi: "định dạng nhiều vùng cùng lúc (cần ExcelApi 1.9): chậm hơn với bảng lớn",
    en: "formatting many areas at once (needs ExcelApi 1.9): slower on large tables",
  },
  customXml: { vi: "phần XML tùy chỉnh (cần ExcelApi 1.5)", en: "custom XML parts (needs ExcelApi 1.5)" },
  charts: { vi: "biểu đồ", en: "charts" },
  hyperlinks: {
    vi: "liên kết từ danh sách lỗi về ô (cần ExcelApi 1.7)",
    en: "links from the issues sheet to the cells (needs ExcelApi 1.7)",
  },
  columnWidths: {
    vi: "độ rộng cột của trang tổng hợp (cần ExcelApi 1.2)",
    en: "column widths on summary sheets (needs ExcelApi 1.2)",
  },
  freezePanes: {
    vi: "cố định dòng tiêu đề của trang tổng hợp (cần ExcelApi 1.7)",
    en: "frozen header rows on summary sheets (needs ExcelApi 1.7)",
  },
  customProperties: {
    vi: "đánh dấu trang tổng hợp bằng thuộc tính trang (cần ExcelApi 1.12): trang được nhận ra theo danh sách lưu trong tệp",
    en: "marking summary sheets with sheet properties (needs ExcelApi 1.12): they are recognised by the list saved in the file",
  },
};

/** Human names of what this Excel lacks, in the chosen language. */
export function missingCapabilities(c: Capabilities, lang: Lang): string[] {
  return (Object.keys(NAMES) as Array<keyof Capabilities>).filter((k) => !c[k]).map((k) => NAMES[k][lang]);
}
