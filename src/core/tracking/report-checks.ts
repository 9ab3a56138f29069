/**
 * The checks of a progress report: a task reported completed with no result; a task reported in progress (or not
 * started) after its deadline, which makes it overdue; a completion date after the deadline under an on-time status;
 * a status that cannot be read.
 */
import { Lang } from "../issues/catalogue";
import { compareDateParts, DateParts, parseTimeframe } from "../timeframe/timeframe";
import { deadlineOf, dueOn, formatDay, ReportingDate } from "./deadlines";
import { ReportRow } from "./report-table";
import { isCompleted, STATUS_CHOICES, STATUS_LABELS } from "./statuses";
import { makeTrackingIssue, TrackingIssue } from "./report-issues";

export interface ReportCheckOptions {
  asOf: DateParts;
  reporting: ReportingDate;
  planStartYear?: number | null;
  lang?: Lang;
}

export function checkReportRows(rows: readonly ReportRow[], options: ReportCheckOptions): TrackingIssue[] {
  const lang = options.lang ?? "vi";
  const issues: TrackingIssue[] = [];
  for (const r of rows) {
    const statusCell = { cell: r.cells.status ?? null, row: r.row.row, field: "status", value: r.statusText };
    const s = r.status.status;
    const label = r.statusText || STATUS_LABELS[s][lang];
    if (s === "unreadable") {
      issues.push(makeTrackingIssue("report-unreadable-status", statusCell, { choices: STATUS_CHOICES[lang].join(", ") }));
      continue;
    }
    if (s === "empty") continue;
    if (isCompleted(s) && r.result === "" && r.cells.result !== undefined)
      issues.push(
        makeTrackingIssue(
          "report-completed-without-result",
          { cell: r.cells.result, row: r.row.row, field: "result", value: "" },
          { status: label },
        ),
      );
    const deadline = deadlineOf(parseTimeframe(r.row.fields.timeframe));
    const due = dueOn(deadline, options.asOf, options.reporting, options.planStartYear);
    if (!due) continue;
    // A recurring task in progress has made this year's report (see deadline-view); as of a day read as its end.
    if ((s === "in-progress" || s === "not-started") && deadline.kind === "fixed" && compareDateParts(due, options.asOf) <= 0)
      issues.push(
        makeTrackingIssue("report-in-progress-overdue", statusCell, { status: label, due: formatDay(due) }, STATUS_LABELS.overdue[lang]),
      );
    if (s === "completed-on-time" && r.completionDate && compareDateParts(r.completionDate, due) > 0)
      issues.push(
        makeTrackingIssue(
          "report-late-marked-on-time",
          statusCell,
          { status: label, date: formatDay(r.completionDate), due: formatDay(due) },
          STATUS_LABELS["completed-late"][lang],
        ),
      );
  }
  return issues;
}
