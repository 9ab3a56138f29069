/**
 * A progress report table checked (báo cáo kết quả thực hiện): the plan's task checks, the report's own checks
 * (tracking/report-checks.ts) and the report's tally — each task's status as the report says it, judged against its
 * deadline as of the day of the check, and the per-agency scorecard those statuses make.
 */
import { defaultDirectory } from "../../agencies/default-directory";
import { countBySeverity, Issue } from "../../issues/catalogue";
import { applyRules, DEFAULT_SETTINGS } from "../../settings/settings";
import { DateParts } from "../../timeframe/timeframe";
import { entryOf } from "../../tracking/deadline-view";
import { DEFAULT_REPORTING_DATE, reportingDateFromText, todayInVietnam } from "../../tracking/deadlines";
import { ScorecardRow } from "../../tracking/json";
import { planTasks } from "../../tracking/plan-tasks";
import { checkReportRows } from "../../tracking/report-checks";
import { ReportColumns, reportRows } from "../../tracking/report-table";
import { scorecardOf } from "../../tracking/scorecard";
import { TaskStatus, TASK_STATUSES } from "../../tracking/statuses";
import { effectiveStatus } from "../../tracking/track";
import type { CheckOptions } from "../kind";
import { checkTaskTable, TaskCheck } from "../tasks/check";
import type { TaskTable } from "../tasks/table";
import { tallySections } from "../tasks/tallies";

/** A report table as read: the plan's table and where its report columns stand. */
export interface ReportTable extends TaskTable {
  report: ReportColumns;
}

export interface Progress {
  /** The day the statuses were judged against the deadlines. */
  asOf: DateParts;
  /** Tasks per status, as judged: "in progress" past a fixed deadline counts as overdue, "empty" is not reported. */
  statuses: Record<TaskStatus, number>;
  scorecard: ScorecardRow[];
}

/** A report's check is the task check of its plan part with the report's issues and tally added. */
export interface ReportCheck extends Omit<TaskCheck, "kind" | "table"> {
  kind: "reports";
  table: ReportTable | null;
  progress: Progress;
}

export function checkReportTable(table: ReportTable, options: CheckOptions = {}): ReportCheck {
  const directory = options.directory ?? defaultDirectory();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const checked = checkTaskTable(table, options);
  // A report that carries the plan's task identifiers keeps the plan's numbering with other agencies' tasks left out:
  // its gaps are not the officer's to fix.
  const base = table.report.byField.id === undefined ? checked : withoutGaps({ ...checked, table });
  const asOf = options.asOf ?? todayInVietnam();
  const reporting = reportingDateFromText(table.titleText) ?? DEFAULT_REPORTING_DATE;
  const plan = planTasks(table, directory, base.tasks);
  const planStartYear = base.plan?.startYear ?? plan.planStartYear;
  const rows = reportRows(table, table.report);
  const reportIssues = applyRules(checkReportRows(rows, { asOf, reporting, planStartYear, lang: "vi" }), settings.rules);
  const issues: Issue[] = mergeByRow(base.issues, reportIssues);
  // reportRows and planTasks walk the same task rows in the same order.
  const judged = plan.tasks.map((task, i) => {
    const reported = rows[i] && rows[i].row === task.row ? rows[i] : null;
    const entry = entryOf(task, asOf, reporting, planStartYear, reported?.status.status);
    return { task, status: effectiveStatus(reported, entry, asOf) };
  });
  const statuses = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const j of judged) statuses[j.status]++;
  return {
    ...base,
    kind: "reports",
    table,
    issues,
    counts: { ...base.counts, ...countBySeverity(issues) },
    progress: { asOf, statuses, scorecard: scorecardOf(judged) },
  };
}

function withoutGaps(check: TaskCheck & { table: TaskTable }): TaskCheck {
  const issues = check.issues.filter((i) => i.code !== "stt-sequence");
  return { ...check, issues, sections: tallySections(check.table, issues), counts: { ...check.counts, ...countBySeverity(issues) } };
}

/** Two row-ordered issue lists as one, still in row order (issues without a row first, as the task check has them). */
function mergeByRow(a: readonly Issue[], b: readonly Issue[]): Issue[] {
  return [...a, ...b]
    .map((issue, at) => ({ issue, at }))
    .sort((x, y) => (x.issue.row ?? 0) - (y.issue.row ?? 0) || x.at - y.at)
    .map((x) => x.issue);
}
