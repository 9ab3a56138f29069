/**
 * Progress report tables (báo cáo kết quả thực hiện) as a kind: the plan's task table plus the columns an agency fills
 * in (tracking/report-table.ts). Listed before the task kind, so a task header that also has somewhere to say how the
 * work stands is read as a report; the task kind's summary sheets still tally its tasks (`TableKind.alsoSummarises`).
 */
import { tableReport } from "../../output/report-parts";
import { isoDay } from "../../tracking/deadlines";
import { isReportTable, reportColumns } from "../../tracking/report-table";
import { ReportsFold, reportsSheet } from "./sheets";
import type { TableKind } from "../kind";
import { tasksKind } from "../tasks";
import { TASK_FIELDS } from "../tasks/fields";
import { TaskHeader, taskHeaderAt } from "../tasks/header";
import { readTaskTable } from "../tasks/table";
import { checkReportTable, ReportCheck, ReportTable } from "./check";

export type { ReportCheck, ReportTable } from "./check";

export const reportsKind: TableKind<ReportCheck, TaskHeader, ReportTable> = {
  name: "reports",
  headerAt(view, row) {
    const header = taskHeaderAt(view, row);
    return header && isReportTable(reportColumns(header)) ? header : null;
  },
  read(view, header) {
    const table = readTaskTable(view, header);
    return { ...table, report: reportColumns(table) };
  },
  check: checkReportTable,
  sheets: (checks, lang) => [reportsSheet(checks, lang)],
  fold: () => {
    const fold = new ReportsFold();
    return { add: (check) => fold.add(check), sheets: (lang) => [fold.sheet(lang)] };
  },
  report: (check) => {
    const { table, ...plain } = check;
    const own = tasksKind.report({ ...plain, kind: "tasks", table });
    return {
      ...own,
      table: table ? tableReport(table, TASK_FIELDS) : null,
      progress: {
        asOf: isoDay(check.progress.asOf),
        statuses: check.progress.statuses,
        scorecard: check.progress.scorecard,
      },
    };
  },
};
