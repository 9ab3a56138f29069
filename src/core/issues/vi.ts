/**
 * Every issue in Vietnamese: one sentence per code, and the names of the fields they speak of.
 */
import type { IssueCode, IssueOf, IssueParams } from "./catalogue";

export const FIELD_NAMES: Record<string, string> = {
  stt: "số thứ tự (STT)",
  content: "nội dung nhiệm vụ",
  lead: "cơ quan chủ trì",
  coordinating: "cơ quan phối hợp",
  timeframe: "thời gian thực hiện",
  // Delegation tables (đoàn ra / đoàn vào).
  name: "tên đoàn",
  leader: "trưởng đoàn",
  members: "số thành viên",
  country: "nước đến (quốc gia, tổ chức)",
  purpose: "mục đích",
  time: "thời gian thực hiện",
  days: "số ngày",
  funding: "kinh phí",
  report: "báo cáo",
  planned: "cột đoàn trong kế hoạch",
  note: "ghi chú",
};

const DIRECTIONS = { outbound: "ra", inbound: "vào" };
const FIGURES = { total: "tổng số", planned: "trong kế hoạch", supplementary: "đề nghị bổ sung" };

const HINTS: Record<IssueParams["no-table"]["hint"], string> = {
  empty: " Trang tính trống.",
  legacy: " Văn bản trên trang tính có vẻ gõ bằng bảng mã cũ (TCVN3/VNI): hãy chuyển sang Unicode rồi kiểm tra lại.",
  schedule: " Trang tính có vẻ là lịch công tác, không phải phụ lục nhiệm vụ.",
  "no-header": "",
};

function sttDetail(p: IssueParams["missing-stt"]): string {
  if (p.shifted) return " Các ô của dòng có vẻ bị lệch sang trái một cột (mất ô gộp?); đã đọc lại theo đúng cột.";
  if (p.typed) return ` Ô chứa ngày ${p.notNumber}: có lẽ Excel đã đổi “${p.typed}” thành ngày; hãy gõ lại dạng văn bản ('${p.typed}).`;
  if (p.notNumber) return ` “${p.notNumber}” không phải là số thứ tự.`;
  return "";
}

type Say = { [C in IssueCode]: (issue: IssueOf<C>, fieldName: string) => string };

export const VI: Say = {
  "no-table": ({ params: p }) => `Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (đã tìm: ${p.looked}).${HINTS[p.hint] ?? ""}`,
  "no-tasks": ({ params: p }) =>
    `Không tìm thấy nhiệm vụ nào trong văn bản (đã tìm các đề mục đánh số có các dòng “Đơn vị chủ trì:”, “Cơ quan phối hợp:”, “Thời gian thực hiện:” …; ${
      p.paragraphs === 0
        ? "văn bản trống"
        : `văn bản có ${p.paragraphs} đoạn và ${p.headings} đề mục đánh số, không đề mục nào có các dòng đó`
    }).`,
  "missing-column": (_, field) => `Bảng không có cột ${field}.`,
  "missing-stt": ({ params }) => `Nhiệm vụ chưa có số thứ tự (STT).${sttDetail(params)}`,
  "missing-content": () => "Nhiệm vụ chưa có nội dung.",
  "missing-lead": () => "Nhiệm vụ chưa có cơ quan chủ trì.",
  "missing-timeframe": () => "Nhiệm vụ chưa có thời gian thực hiện.",
  "missing-coordinating": () => "Nhiệm vụ chưa có cơ quan phối hợp.",
  "duplicate-stt": ({ params: p }) => `Số thứ tự ${p.stt} bị trùng trong mục ${p.section} (đã có ở dòng ${p.otherRow}).`,
  "stt-sequence": ({ params: p }) => `Số thứ tự không liên tục: sau ${p.prev} là ${p.stt}.`,
  "unparsed-timeframe": ({ value }) => `Không hiểu được thời gian thực hiện “${value}”.`,
  "timeframe-order": ({ params: p }) => `Thời gian kết thúc (${p.end}) trước thời gian bắt đầu (${p.start}).`,
  "timeframe-outside-plan": ({ value, params: p }) => `Thời gian “${value}” kết thúc trước kỳ kế hoạch (${p.plan}).`,
  "unknown-agency": ({ params: p }) => `Cơ quan “${p.agency}” không có trong danh mục.${p.suggestions ? ` Gợi ý: ${p.suggestions}.` : ""}`,
  "lead-also-coordinating": ({ params: p }) => `“${p.agency}” vừa chủ trì vừa phối hợp cùng một nhiệm vụ.`,
  "duplicate-agency": ({ params: p }) => `“${p.agency}” được ghi hai lần trong cùng một ô.`,
  "duplicate-task": ({ params: p }) => `Nội dung nhiệm vụ trùng với dòng ${p.otherRow}.`,
  "error-value": ({ value }) => `Ô chứa giá trị lỗi ${value}.`,
  "formula-cell": ({ value, params: p }) =>
    `Ô chứa công thức; dùng giá trị hiển thị “${value}”.${
      p.unsaved ? " Tệp không lưu kết quả của công thức (tệp do phần mềm khác tạo?): hãy mở tệp trong Excel, lưu lại rồi kiểm tra lại." : ""
    }`,
  "legacy-encoding": ({ params: p }) => `Văn bản có vẻ gõ bằng bảng mã cũ ${p.encoding}; đọc theo Unicode: “${p.converted}”.`,
  "repeated-header": ({ params: p }) => `Dòng tiêu đề được lặp lại (${p.count} lần, bỏ qua khi kiểm tra).`,
  "blank-rows": ({ params: p }) => `${p.count} dòng trống liên tiếp trong bảng.`,
  "delegation-total-mismatch": ({ params: p }) =>
    mismatches(p)
      .map(
        // "Tổng số đoàn ra", as an officer writes it, not "Số đoàn ra tổng số".
        (m) =>
          `${m.figure === "total" ? `Tổng số đoàn ${DIRECTIONS[p.direction]}` : `Số đoàn ${DIRECTIONS[p.direction]} ${FIGURES[m.figure]}`}: đếm được ${m.counted}, kế hoạch ghi ${m.stated} (chênh ${m.diff}).`,
      )
      .join(" "),
  "missing-delegation-field": (_, field) => `Đoàn chưa có ${field}.`,
  "invalid-member-count": ({ value }) => `Số thành viên “${value}” không phải là số dương.`,
  "report-completed-without-result": ({ params: p }) => `Nhiệm vụ báo cáo “${p.status}” nhưng chưa có kết quả thực hiện.`,
  "report-in-progress-overdue": ({ params: p }) => `Nhiệm vụ báo cáo “${p.status}” nhưng đã quá hạn (${p.due}): là nhiệm vụ quá hạn.`,
  "report-late-marked-on-time": ({ params: p }) => `Ngày hoàn thành ${p.date} sau hạn ${p.due} nhưng tình trạng ghi “${p.status}”.`,
  "report-unreadable-status": ({ value, params: p }) => `Không đọc được tình trạng “${value}”; chọn một trong: ${p.choices}.`,
  "report-unmatched-row": () => "Dòng báo cáo không khớp nhiệm vụ nào của kế hoạch (giữ lại để xem xét).",
  "report-uncertain-match": ({ params: p }) => `Dòng báo cáo có thể là nhiệm vụ ${p.task} (độ giống ${p.score}); cần xác nhận.`,
};

/** Each differing figure of a delegation-total-mismatch with its numbers. */
export function mismatches(p: IssueParams["delegation-total-mismatch"]) {
  const figures = p.figures.split(",").filter((f): f is keyof typeof FIGURES => f in FIGURES);
  if (figures.length <= 1) return [{ figure: p.figure, counted: p.counted, stated: p.stated, diff: p.diff }];
  return figures.map((figure) => ({
    figure,
    counted: p[`${figure}Counted`] ?? 0,
    stated: p[`${figure}Stated`] ?? 0,
    diff: p[`${figure}Diff`] ?? 0,
  }));
}
