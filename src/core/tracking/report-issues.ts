/**
 * The issues of progress reports and of the tracking cycle, with their texts in both languages. They follow the
 * shape of the engine's issue catalogue (code, severity, cell, row, field, value, params, suggestion).
 */
import { Issue, Lang, Severity } from "../issues";

export const TRACKING_ISSUE_CODES = [
  "report-completed-without-result",
  "report-in-progress-overdue",
  "report-late-marked-on-time",
  "report-unreadable-status",
  "report-unmatched-row",
  "report-uncertain-match",
] as const;
export type TrackingIssueCode = (typeof TRACKING_ISSUE_CODES)[number];

/** An issue of the engine's shape whose code is one of the tracking codes. */
export type TrackingIssue = Omit<Issue, "code"> & { code: TrackingIssueCode };

export const TRACKING_CATALOGUE: Record<TrackingIssueCode, { severity: Severity; vi: string; en: string }> = {
  "report-completed-without-result": {
    severity: "warning",
    vi: "Nhiệm vụ báo cáo “{status}” nhưng chưa có kết quả thực hiện.",
    en: "The task is reported “{status}” but no result is written.",
  },
  "report-in-progress-overdue": {
    severity: "warning",
    vi: "Nhiệm vụ báo cáo “{status}” nhưng đã quá hạn ({due}): là nhiệm vụ quá hạn.",
    en: "The task is reported “{status}” after its deadline ({due}): it is overdue.",
  },
  "report-late-marked-on-time": {
    severity: "error",
    vi: "Ngày hoàn thành {date} sau hạn {due} nhưng tình trạng ghi “{status}”.",
    en: "Completed on {date}, after the deadline {due}, but the status says “{status}”.",
  },
  "report-unreadable-status": {
    severity: "warning",
    vi: "Không đọc được tình trạng “{value}”; chọn một trong: {choices}.",
    en: "The status “{value}” cannot be read; choose one of: {choices}.",
  },
  "report-unmatched-row": {
    severity: "warning",
    vi: "Dòng báo cáo không khớp nhiệm vụ nào của kế hoạch (giữ lại để xem xét).",
    en: "The reported row matches no task of the plan (kept for review).",
  },
  "report-uncertain-match": {
    severity: "info",
    vi: "Dòng báo cáo có thể là nhiệm vụ {task} (độ giống {score}); cần xác nhận.",
    en: "The reported row may be task {task} (similarity {score}); please confirm.",
  },
};

export function makeTrackingIssue(
  code: TrackingIssueCode,
  at: { cell: string | null; row: number | null; field: string | null; value: string },
  params: Record<string, string | number> = {},
  suggestion?: string,
): TrackingIssue {
  const issue: TrackingIssue = { code, severity: TRACKING_CATALOGUE[code].severity, ...at, params };
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return issue;
}

export function trackingIssueText(issue: TrackingIssue, lang: Lang): string {
  const params: Record<string, string | number> = { value: issue.value, ...issue.params };
  return TRACKING_CATALOGUE[issue.code][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
