/**
 * Replies merged back into the plan by task identity. Every task row of every reply is accounted for exactly once —
 * matched to a task (by identifier or content), uncertain (listed for a person, not applied), or matched to nothing
 * (kept and flagged) — and each task keeps its latest report: the last reply, in the order given, that says anything.
 */
import { Lang } from "../issues/catalogue";
import { TaskTable } from "../kinds/tasks/table";
import { tasksOf } from "./task-table";
import { compareDateParts, DateParts } from "../timeframe/timeframe";
import { DeadlineEntry, entryOf } from "./deadline-view";
import { ReportingDate } from "./deadlines";
import { indexTasks, matchRow } from "./matching";
import { Plan, PlanTask } from "./plan-tasks";
import { checkReportRows } from "./report-checks";
import { makeTrackingIssue, TrackingIssue } from "./report-issues";
import { ReportRow, reportColumns, reportRows } from "./report-table";
import { isCompleted, TaskStatus } from "./statuses";
import { reporterFromTitle } from "./split";

export interface ReplyTable {
  /** The reply's file name as shown to the user. */
  file: string;
  table: TaskTable;
}

export type ReplyOutcome = "matched" | "uncertain" | "unmatched";

export interface ReplyRow {
  file: string;
  sheet: string;
  reporter: string | null;
  report: ReportRow;
  outcome: ReplyOutcome;
  task: PlanTask | null;
  matchedBy: "id" | "content" | null;
  score: number | null;
  /** The row carries a status, a result, a date or a percentage: it reports something. */
  reports: boolean;
}

export interface TrackedTask {
  task: PlanTask;
  latest: ReplyRow | null;
  /** The status the scorecard counts: the reported one judged against the deadline (see effectiveStatus). */
  status: TaskStatus;
  entry: DeadlineEntry;
}

export interface Tracking {
  plan: Plan;
  asOf: DateParts;
  reporting: ReportingDate;
  tasks: TrackedTask[];
  replies: ReplyRow[];
  rowsIn: number;
  rowsOut: number;
  issues: Array<{ file: string; issue: TrackingIssue }>;
}

export interface TrackOptions {
  asOf: DateParts;
  reporting: ReportingDate;
  lang: Lang;
}

function saysSomething(r: ReportRow): boolean {
  return r.statusText !== "" || r.result !== "" || r.completionDate !== null || r.completionDateText !== "" || r.percentText !== "";
}

/** The row's section path: its own "Mục" column (split workbooks), else the section it stands under. */
function rowSection(table: TaskTable, r: ReportRow): string {
  if (r.section !== "") return r.section;
  return r.row.section >= 0 ? table.sections[r.row.section].path : "";
}

/**
 * The reported status judged against the deadline as of the day: a completion dated after the deadline is late
 * whatever the words; an undated "Đã hoàn thành" counts as on time; work not finished by a fixed deadline is overdue.
 */
function effectiveStatus(reported: ReportRow | null, entry: DeadlineEntry, asOf: DateParts): TaskStatus {
  if (!reported) return "empty";
  const s = reported.status.status;
  const due = entry.due;
  if (isCompleted(s)) {
    if (s === "completed-late") return s;
    if (due && reported.completionDate && compareDateParts(reported.completionDate, due) > 0) return "completed-late";
    return "completed-on-time";
  }
  if ((s === "in-progress" || s === "not-started") && entry.task.deadline.kind === "fixed" && due && compareDateParts(due, asOf) <= 0)
    return "overdue";
  return s;
}

export function track(plan: Plan, replies: readonly ReplyTable[], options: TrackOptions): Tracking {
  const index = indexTasks(plan.tasks);
  const rows: ReplyRow[] = [];
  const issues: Tracking["issues"] = [];
  const latest = new Map<number, ReplyRow>();
  for (const reply of replies) {
    const reporter = reporterFromTitle(reply.table.titleText);
    const reportRowsOf = reportRows(reply.table, reportColumns(reply.table));
    for (const i of checkReportRows(reportRowsOf, {
      asOf: options.asOf,
      reporting: options.reporting,
      planStartYear: plan.planStartYear,
      lang: options.lang,
    }))
      issues.push({ file: reply.file, issue: i });
    for (const r of reportRowsOf) {
      const m = matchRow(index, { id: r.id, section: rowSection(reply.table, r), content: r.row.fields.content });
      const row: ReplyRow = {
        file: reply.file,
        sheet: reply.table.sheetName,
        reporter,
        report: r,
        outcome: m.kind === "id" || m.kind === "content" ? "matched" : m.kind === "uncertain" ? "uncertain" : "unmatched",
        task: m.kind === "none" ? null : m.task,
        matchedBy: m.kind === "id" ? "id" : m.kind === "content" ? "content" : null,
        score: m.kind === "id" ? 1 : m.kind === "none" ? (m.nearest?.score ?? null) : m.score,
        reports: saysSomething(r),
      };
      if (m.kind === "none" && m.nearest) row.task = m.nearest.task;
      rows.push(row);
      const at = { cell: null, row: r.row.row, field: "content", value: r.row.fields.content };
      if (row.outcome === "uncertain")
        issues.push({
          file: reply.file,
          issue: makeTrackingIssue("report-uncertain-match", at, { task: row.task!.id, score: row.score ?? 0 }),
        });
      if (row.outcome === "unmatched") issues.push({ file: reply.file, issue: makeTrackingIssue("report-unmatched-row", at) });
      if (row.outcome === "matched" && row.reports) latest.set(row.task!.index, row);
    }
  }
  const tasks = plan.tasks.map((task): TrackedTask => {
    const report = latest.get(task.index) ?? null;
    const base = entryOf(task, options.asOf, options.reporting, plan.planStartYear, report?.report.status.status);
    const status = effectiveStatus(report?.report ?? null, base, options.asOf);
    return { task, latest: report, status, entry: base };
  });
  // Rows out: each outcome's rows as the sheets list them; a row in no list, or in two, would break the equality.
  const outcomes: ReplyOutcome[] = ["matched", "uncertain", "unmatched"];
  const rowsOut = outcomes.reduce((n, o) => n + rows.filter((r) => r.outcome === o).length, 0);
  const rowsIn = replies.reduce((n, r) => n + tasksOf(r.table).length, 0);
  return { plan, asOf: options.asOf, reporting: options.reporting, tasks, replies: rows, rowsIn, rowsOut, issues };
}
