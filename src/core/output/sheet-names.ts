/**
 * Names of the sheets the product writes (SPEC 6), at most 31 characters, in both languages.
 */
import { Lang } from "../issues/catalogue";
import { SummaryKind } from "./sheet-model";

export const SHEET_NAMES: Record<SummaryKind, Record<Lang, string>> = {
  agencies: { vi: "Tổng hợp cơ quan", en: "Agency summary" },
  issues: { vi: "Danh sách lỗi", en: "Issues" },
  periods: { vi: "Tổng hợp thời gian", en: "Timeframes" },
  sections: { vi: "Tổng hợp theo mục", en: "Sections" },
  delegations: { vi: "Tổng hợp đoàn", en: "Delegations" },
  consolidated: { vi: "Dữ liệu hợp nhất", en: "Consolidated" },
  files: { vi: "Báo cáo tệp", en: "Files" },
};

export function sheetName(kind: SummaryKind, lang: Lang): string {
  return SHEET_NAMES[kind][lang];
}

/** Excel's rules for a sheet name: 1–31 characters, none of []:*?/\, not starting or ending with an apostrophe. */
export function isValidSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** A free sheet name: `base`, else "base (2)", "base (3)" … trimmed to 31 characters. */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
