/**
 * The undated kinds of a timeframe (SPEC 3.3), known by their lead words: work that goes on ("Thường xuyên"), a
 * calendar cycle ("Hằng năm", "Tháng 12 hằng năm", "Định kỳ hằng quý"), work done when asked ("Theo yêu cầu",
 * "Khi có phát sinh") and work timed by another document ("Theo Kế hoạch số …"), including a deadline counted from
 * the day the document itself is issued, signed or in force ("100 ngày kể từ ngày ban hành Kế hoạch", "Trong vòng 30
 * ngày kể từ ngày ký", "Từ ngày ban hành Kế hoạch trở đi"): its date is the document's, which the table does not give.
 */
const ONGOING_THEN_ANNUAL = /^thuong xuyen\s*(?:[,;\-]\s*)?(?:va\s+)?(?:hang|moi)\s+nam$/;
const ONGOING = /^(?:thuong xuyen|lien tuc|hang ngay|hang tuan)\b/;
// A calendar cycle: "Hằng năm", "Tháng 12 hằng năm", "Định kỳ hằng quý".
export const RECURRING = /\b(?:(?:hang|moi)\s+(?:nam|quy|thang)|dinh ky)\b/;
const ON_DEMAND =
  /^(?:theo\s+(?:yeu\s+cau|tien\s+do|chi\s+dao|de\s+nghi)|khi\b|sau\s+khi\b|ngay\s+(?:sau\s+)?khi\b|kip\s+thoi\b|tuy\s+theo\b|neu\s+co\b|dot\s+xuat\b|phat\s+sinh\b)/;
const PER_DOCUMENT =
  /^theo\s+(?:ke\s+hoach|de\s+an|lo\s+trinh|quyet\s+dinh|chuong\s+trinh|nghi\s+quyet|nghi\s+dinh|thong\s+tu|van\s+ban|thong\s+bao|huong\s+dan|quy\s+dinh|quy\s+che|cong\s+van|chi\s+thi|du\s+an|lich|phu\s+luc)\b/;

// "<n> ngày|tuần|tháng (làm việc) kể từ ngày …" (after an optional "Trong vòng"), or "Từ ngày ban hành/ký …".
const FROM_ISSUE =
  /^(?:(?:trong\s+(?:vong|thoi\s+han)\s+)?\d+\s+(?:ngay|tuan|thang)(?:\s+lam\s+viec)?\s+ke\s+tu\s+ngay|(?:ke\s+)?tu\s+ngay\s+(?:ban\s+hanh|ky|co\s+hieu\s+luc))\b/;

export type UndatedKind = "ongoing" | "annual" | "on-demand" | "per-document";

/** The undated kind the folded text names, or null. */
export function undated(s: string): UndatedKind | null {
  if (ONGOING_THEN_ANNUAL.test(s)) return "annual";
  if (ONGOING.test(s)) return "ongoing";
  if (RECURRING.test(s)) return "annual";
  if (ON_DEMAND.test(s)) return "on-demand";
  if (PER_DOCUMENT.test(s) || FROM_ISSUE.test(s)) return "per-document";
  return null;
}
