import * as fs from "fs";
import { defaultDirectory } from "../../../src/core/agencies/default-directory";
import { taskTableOf } from "../../../src/core/tracking/task-table";
import { parseTimeframe } from "../../../src/core/timeframe/timeframe";
import { deadlineView } from "../../../src/core/tracking/deadline-view";
import {
  bucketOf,
  deadlineOf,
  DEFAULT_REPORTING_DATE,
  dueOn,
  parseDay,
  parseReportingDate,
  reportingDateFromText,
} from "../../../src/core/tracking/deadlines";
import { Plan, planTasks } from "../../../src/core/tracking/plan-tasks";
import { TaskStatus } from "../../../src/core/tracking/statuses";
import { readWorkbook } from "../../../src/xlsx/read";
import { SEED_APPENDIX_XLSX } from "../../support/fixtures";

let plan: Plan;
beforeAll(async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  const table = taskTableOf(wb.sheets[0]);
  if (!table) throw new Error("no table");
  plan = planTasks(table, defaultDirectory());
}, 60_000);

const AS_OF = { year: 2022, month: 12, day: 31 };

test("each dated timeframe falls due at the end of its period; undated kinds have none", () => {
  const due = (text: string) => dueOn(deadlineOf(parseTimeframe(text)), AS_OF, DEFAULT_REPORTING_DATE);
  expect(due("Quý IV/2026")).toEqual({ year: 2026, month: 12, day: 31 });
  expect(due("Tháng 11/2022")).toEqual({ year: 2022, month: 11, day: 30 });
  expect(due("Quý IV/2025- Quý II/2026")).toEqual({ year: 2026, month: 6, day: 30 });
  expect(due("Trước ngày 30/11/2025")).toEqual({ year: 2025, month: 11, day: 30 });
  expect(due("6 tháng đầu năm 2023")).toEqual({ year: 2023, month: 6, day: 30 });
  for (const text of ["Thường xuyên", "Theo yêu cầu thực hiện nhiệm vụ cụ thể", "Theo Kế hoạch số 79/KH-UBND", "Quý I"])
    expect(due(text)).toBeNull();
  // Recurring: this year's reporting date, or the first year's while it has not begun.
  expect(due("Hằng năm")).toEqual({ year: 2022, month: 12, day: 31 });
  expect(due("Năm 2023 và các năm tiếp theo")).toEqual({ year: 2023, month: 12, day: 31 });
  expect(dueOn(deadlineOf(parseTimeframe("Hằng năm")), AS_OF, { day: 15, month: 12 })).toEqual({ year: 2022, month: 12, day: 15 });
});

test("as of a day read as its end: due that day is overdue, then this month, this quarter, later", () => {
  const asOf = { year: 2026, month: 11, day: 10 };
  expect(bucketOf({ year: 2026, month: 11, day: 10 }, asOf)).toBe("overdue");
  expect(bucketOf({ year: 2026, month: 11, day: 30 }, asOf)).toBe("this-month");
  expect(bucketOf({ year: 2026, month: 12, day: 31 }, asOf)).toBe("this-quarter");
  expect(bucketOf({ year: 2027, month: 1, day: 31 }, asOf)).toBe("later");
  expect(bucketOf(null, asOf)).toBe("no-deadline");
});

test("seed appendix as of 2022-12-31: the Quý IV/2022 and Tháng 11/2022 tasks are overdue unless reported completed", () => {
  const view = deadlineView(plan, AS_OF, DEFAULT_REPORTING_DATE);
  const dueIn2022 = view.entries.filter((e) => /^(Quý IV\/2022|Tháng 11\/2022)$/.test(e.task.timeframeText));
  expect(dueIn2022.map((e) => e.task.id.split("-")[0])).toEqual(["I.1", "II.1", "II.2"]);
  expect(dueIn2022.every((e) => e.bucket === "overdue")).toBe(true);
  // 3 fixed deadlines, 11 tasks running from 2022 "và các năm tiếp theo" and 1 "Hằng năm" fall due on 31/12/2022;
  // 4 start in 2023; 6 have no deadline (ongoing, on demand, per document).
  expect(view.totals).toEqual({ overdue: 15, "this-month": 0, "this-quarter": 0, later: 4, "no-deadline": 6, completed: 0 });
  const snv = view.agencies.find((a) => a.name === "Sở Ngoại vụ")!;
  expect(snv.lead).toEqual({ overdue: 10, "this-month": 0, "this-quarter": 0, later: 4, "no-deadline": 4, completed: 0 });
  expect(snv.coordinating.overdue).toBe(5);
  expect(view.agencies[0].name).toBe("Sở Ngoại vụ");
  expect(view.sections.map((s) => s.path)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
  expect(view.sections[1].counts.overdue).toBe(4);

  const statuses = new Map<number, TaskStatus>([
    [dueIn2022[0].task.index, "completed-on-time"],
    [dueIn2022[1].task.index, "in-progress"],
  ]);
  const reported = deadlineView(plan, AS_OF, DEFAULT_REPORTING_DATE, statuses);
  expect(reported.totals.overdue).toBe(14);
  expect(reported.totals.completed).toBe(1);
  expect(reported.entries[dueIn2022[1].task.index].bucket).toBe("overdue");
});

test("as of mid-November 2022 the same plan has tasks due this month and this quarter", () => {
  const view = deadlineView(plan, { year: 2022, month: 11, day: 15 }, DEFAULT_REPORTING_DATE);
  expect(view.totals["this-month"]).toBe(1);
  expect(view.totals["this-quarter"]).toBe(14);
  expect(view.totals.overdue).toBe(0);
});

test("a plan's stated reporting date is found in its text; days are read in both written forms", () => {
  expect(reportingDateFromText("Các cơ quan báo cáo kết quả về Sở Ngoại vụ trước ngày 15/12 hằng năm để tổng hợp.")).toEqual({
    day: 15,
    month: 12,
  });
  expect(reportingDateFromText("Định kỳ hằng năm, các đơn vị gửi báo cáo trước ngày 20 tháng 11 về Sở Nội vụ.")).toEqual({
    day: 20,
    month: 11,
  });
  expect(reportingDateFromText("Định kỳ 6 tháng, hằng năm, các cơ quan, đơn vị lồng ghép báo cáo kết quả thực hiện")).toBeNull();
  expect(parseReportingDate("15/12")).toEqual({ day: 15, month: 12 });
  expect(parseReportingDate("31/02")).toBeNull();
  expect(parseDay("2022-12-31")).toEqual(AS_OF);
  expect(parseDay("31/12/2022")).toEqual(AS_OF);
  expect(parseDay("2022-02-30")).toBeNull();
});
