/**
 * Progress report tables as a kind of their own: a task header with somewhere to say how the work stands is read as a
 * report, checked with the report checks and tallied per status; a plan whose extra columns only look like report
 * fields stays a task table.
 */
import { checkWorkbook } from "../../../src/core/workbook";
import { fileReport } from "../../../src/core/output/file-report";
import { FileReportSchema } from "../../../src/core/output/report";
import { summarySheets } from "../../../src/core/output/summaries";
import { gridFromRows } from "../../../src/core/sheet/grid";

const AS_OF = { year: 2026, month: 12, day: 1 };

/** A province's quarterly report as agencies type it: no task identifiers, numbering of its own. */
const REPORT = [
  ["BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2026"],
  ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Tình trạng", "Kết quả thực hiện"],
  ["1", "Tổ chức hội nghị xúc tiến đầu tư", "Sở Tài chính", "Sở Công Thương", "Quý II/2026", "Đã hoàn thành", ""],
  ["2", "Rà soát danh mục dự án kêu gọi đầu tư", "Sở Tài chính", "", "Quý III/2026", "Đang triển khai", ""],
  ["4", "Tập huấn kỹ năng đối ngoại", "Sở Ngoại vụ", "Sở Nội vụ", "Năm 2027", "Trong hạn", ""],
  ["5", "Xây dựng cơ sở dữ liệu đối ngoại", "Sở Ngoại vụ", "", "Tháng 12/2026", "", ""],
];

test("a task table with a status column is a progress report, checked and tallied as one", () => {
  const result = checkWorkbook([gridFromRows(REPORT, "Báo cáo")], { asOf: AS_OF });
  expect(result.ok).toBe(true);
  const check = result.ok ? result.checks[0] : null;
  if (!check || check.kind !== "reports") throw new Error(`read as ${check?.kind}`);
  const codes = check.issues.map((i) => `${i.cell}:${i.code}`);
  expect(codes).toEqual(
    expect.arrayContaining([
      "G3:report-completed-without-result",
      "F4:report-in-progress-overdue",
      "F5:report-unreadable-status",
      // Without task identifiers the numbering is the report's own: its gap is still flagged.
      "A5:stt-sequence",
    ]),
  );
  expect(check.progress.statuses).toMatchObject({ "completed-on-time": 1, overdue: 1, unreadable: 1, empty: 1 });
  expect(check.counts.tasks).toBe(4);
  expect(check.counts.warnings + check.counts.errors).toBe(check.issues.filter((i) => i.severity !== "info").length);
  const card = check.progress.scorecard.find((c) => c.agency === "Sở Tài chính")!;
  expect(card).toMatchObject({ tasks: 2, completedOnTime: 1, overdue: 1, onTimeRate: 0.5 });

  const report = FileReportSchema.parse(fileReport("bao-cao.xlsx", check, "en"));
  expect(report.kind).toBe("reports");
  expect(report.progress).toMatchObject({ asOf: "2026-12-01", statuses: { overdue: 1 } });

  const sheets = summarySheets([{ check }], "vi").map((m) => m.kind);
  expect(sheets).toEqual(expect.arrayContaining(["agencies", "issues", "periods", "sections", "scorecard"]));
});

test("the day a report is judged on moves its overdue tasks: before the deadline, work in progress is in progress", () => {
  const early = checkWorkbook([gridFromRows(REPORT, "Báo cáo")], { asOf: { year: 2026, month: 7, day: 1 } });
  const check = early.ok ? early.checks[0] : null;
  if (!check || check.kind !== "reports") throw new Error("not a report");
  expect(check.progress.statuses).toMatchObject({ "in-progress": 1, overdue: 0 });
  expect(check.issues.some((i) => i.code === "report-in-progress-overdue")).toBe(false);
});

test("a plan whose extra columns name expected results is a task table, not a report", () => {
  const plan = REPORT.map((r, i) => (i === 1 ? [...r.slice(0, 5), "Kết quả dự kiến"] : r.slice(0, 6)));
  const result = checkWorkbook([gridFromRows(plan, "Kế hoạch")], { asOf: AS_OF });
  expect(result.ok && result.checks[0].kind).toBe("tasks");
});
