/**
 * The task pane's words in Vietnamese (the default) and English (strings-vi.ts, strings-en.ts), and the short
 * names of the checks. Words that also appear in the summary sheets (severity names, period names,
 * "Chủ trì"/"Phối hợp") come from the engine's labels so the pane and the sheets say the same thing.
 */
import type { IssueCode, Lang } from "../core/issues/catalogue";
import { EN } from "./strings-en";
import { VI } from "./strings-vi";

export type Strings = typeof VI;

const STRINGS: Record<Lang, Strings> = { vi: VI, en: EN };

export function strings(lang: Lang): Strings {
  return STRINGS[lang];
}

/** Short names of the checks, for the rules list (the catalogue holds the messages, which need a cell). */
export const RULE_NAMES: Record<Lang, Record<IssueCode, string>> = {
  vi: {
    "no-table": "Không tìm thấy bảng",
    "no-tasks": "Văn bản không có nhiệm vụ",
    "missing-column": "Thiếu cột",
    "missing-stt": "Thiếu số thứ tự",
    "missing-content": "Thiếu nội dung",
    "missing-lead": "Thiếu cơ quan chủ trì",
    "missing-timeframe": "Thiếu thời gian",
    "missing-coordinating": "Thiếu cơ quan phối hợp",
    "duplicate-stt": "Trùng số thứ tự",
    "stt-sequence": "Số thứ tự không liên tục",
    "unparsed-timeframe": "Thời gian không đọc được",
    "timeframe-order": "Kết thúc trước bắt đầu",
    "timeframe-outside-plan": "Thời gian trước kỳ kế hoạch",
    "unknown-agency": "Cơ quan ngoài danh mục",
    "lead-also-coordinating": "Vừa chủ trì vừa phối hợp",
    "duplicate-agency": "Cơ quan ghi hai lần",
    "duplicate-task": "Nhiệm vụ trùng nhau",
    "error-value": "Ô có giá trị lỗi",
    "formula-cell": "Ô chứa công thức",
    "legacy-encoding": "Bảng mã cũ (TCVN3/VNI)",
    "repeated-header": "Tiêu đề lặp lại",
    "blank-rows": "Dòng trống",
    "delegation-total-mismatch": "Số đoàn khác kế hoạch",
    "missing-delegation-field": "Đoàn thiếu thông tin",
    "invalid-member-count": "Số thành viên không hợp lệ",
    "report-completed-without-result": "Báo cáo hoàn thành thiếu kết quả",
    "report-in-progress-overdue": "Đang thực hiện khi đã quá hạn",
    "report-late-marked-on-time": "Hoàn thành sau hạn nhưng ghi đúng hạn",
    "report-unreadable-status": "Tình trạng không đọc được",
    "report-unmatched-row": "Dòng báo cáo không khớp nhiệm vụ",
    "report-uncertain-match": "Dòng báo cáo cần xác nhận",
  },
  en: {
    "no-table": "No table found",
    "no-tasks": "No tasks in the text",
    "missing-column": "Missing column",
    "missing-stt": "Missing number",
    "missing-content": "Missing content",
    "missing-lead": "Missing lead agency",
    "missing-timeframe": "Missing timeframe",
    "missing-coordinating": "Missing coordinating agencies",
    "duplicate-stt": "Duplicate number",
    "stt-sequence": "Numbering out of sequence",
    "unparsed-timeframe": "Unreadable timeframe",
    "timeframe-order": "Ends before it starts",
    "timeframe-outside-plan": "Ends before the plan period",
    "unknown-agency": "Agency not in the directory",
    "lead-also-coordinating": "Lead and coordinator",
    "duplicate-agency": "Agency listed twice",
    "duplicate-task": "Duplicate task",
    "error-value": "Error value in a cell",
    "formula-cell": "Formula cell",
    "legacy-encoding": "Legacy encoding (TCVN3/VNI)",
    "repeated-header": "Repeated header",
    "blank-rows": "Blank rows",
    "delegation-total-mismatch": "Delegation totals differ from the plan",
    "missing-delegation-field": "Delegation lacks a field",
    "invalid-member-count": "Invalid member count",
    "report-completed-without-result": "Reported completed without a result",
    "report-in-progress-overdue": "In progress after the deadline",
    "report-late-marked-on-time": "Completed late but marked on time",
    "report-unreadable-status": "Unreadable status",
    "report-unmatched-row": "Reported row matches no task",
    "report-uncertain-match": "Reported row to confirm",
  },
};
