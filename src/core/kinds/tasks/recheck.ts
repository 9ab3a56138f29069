/**
 * Checking a task table again after some of its rows changed (the pane's live re-check, issue 16), without going back
 * to the workbook: the grid in memory has the changed cells written in, and the previous check supplies the rest.
 *
 * What is worked out again, and why:
 * - The rows are walked again (readTaskTable with the same header), in memory. A row's kind depends on its neighbours
 *   (a heading is told by the STT of the row after it, a row left behind by a lost merge belongs to the task above),
 *   so the walker is the one place that can say whether the table kept its shape. If any row changed its kind,
 *   section or numbering segment, a section heading changed, or the table grew or shrank, the answer is null and the
 *   caller checks the whole grid again (still in memory).
 * - Agencies and timeframe are read again only for the touched task rows; the other rows keep their analysis.
 *   Abbreviations are resolved again over all tasks, and a row whose agencies that changes is re-issued too.
 * - The issues of a row on its own (rowIssues) are made again for the touched rows only; every other row keeps the
 *   issues it had.
 * - The issues that compare rows (NEIGHBOUR_CODES: STT sequence and repeats per section, duplicate tasks, blank runs,
 *   repeated headers) are made again over the whole table: changing one row changes its neighbours' verdicts.
 * - Tallies and counts are summed again from the analyses and issues.
 */
import { defaultDirectory } from "../../agencies/default-directory";
import { countBySeverity } from "../../issues/catalogue";
import { resolveAbbreviations } from "../../agencies/abbreviations";
import { applyRules, DEFAULT_SETTINGS } from "../../settings/settings";
import type { Grid } from "../../sheet/grid";
import { sheetView } from "../../sheet/view";
import type { CheckOptions } from "../kind";
import { planPeriod, TaskCheck } from "./check";
import { analyseTasks, byPosition, neighbourIssues, NEIGHBOUR_CODES, rowIssues, TaskAnalysis } from "./checks";
import { tallyMonitoring } from "./monitoring";
import { readTaskTable, TableRow, TaskTable } from "./table";
import { tallyAgencies, tallyPeriods, tallySections } from "./tallies";

/** Whether the walk over the changed grid gave the table the shape it had: same rows, kinds, sections. */
function sameShape(before: TaskTable, after: TaskTable): boolean {
  if (before.firstRow !== after.firstRow || before.lastRow !== after.lastRow) return false;
  if (before.rows.length !== after.rows.length || before.sections.length !== after.sections.length) return false;
  for (let i = 0; i < before.rows.length; i++) {
    const a = before.rows[i];
    const b = after.rows[i];
    if (a.row !== b.row || a.kind !== b.kind || a.section !== b.section || a.segment !== b.segment) return false;
  }
  for (let i = 0; i < before.sections.length; i++) {
    const a = before.sections[i];
    const b = after.sections[i];
    if (a.row !== b.row || a.path !== b.path || a.title !== b.title || a.level !== b.level || a.parent !== b.parent) return false;
  }
  return before.titleText === after.titleText;
}

/**
 * The check of `grid` — the grid `previous` was made from with the cells of `touched` rows changed — made again for
 * those rows. Null when the change altered the table's shape (a header or title row, a row's kind, a section, the
 * table's extent): the caller then checks the whole grid.
 */
export function recheckTaskRows(previous: TaskCheck, grid: Grid, touched: Iterable<number>, options: CheckOptions = {}): TaskCheck | null {
  const table = previous.table;
  if (!table || previous.paragraphs) return null;
  const rows = new Set(touched);
  // Rows down to the header's last hold the column map and the plan's period: everything depends on them.
  const firstData = table.header.row + table.header.rows;
  for (const r of rows) if (r < firstData) return null;
  const next = readTaskTable(sheetView(grid), table.header);
  if (!sameShape(table, next)) return null;

  const directory = options.directory ?? defaultDirectory();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const plan = planPeriod(next.titleText, settings);
  const fresh = new Map(analyseTasks(next, directory, (r) => rows.has(r.row)).map((t) => [t.row.row, t]));
  const old = new Map(previous.tasks.map((t) => [t.row.row, t]));
  const tasks: TaskAnalysis[] = [];
  for (const row of next.rows) {
    if (row.kind !== "task") continue;
    const made = fresh.get(row.row);
    const kept = old.get(row.row);
    // A copy: resolving abbreviations below must not change the previous check's analyses.
    tasks.push(made ?? { ...kept!, row });
  }
  const agenciesBefore = tasks.map((t) => [t.leads, t.coordinating] as const);
  resolveAbbreviations(tasks);
  const reissued = new Set<number>();
  tasks.forEach((t, i) => {
    if (rows.has(t.row.row) || t.leads !== agenciesBefore[i][0] || t.coordinating !== agenciesBefore[i][1]) reissued.add(t.row.row);
  });
  const again: TableRow[] = next.rows.filter((r) => rows.has(r.row) || reissued.has(r.row));
  for (const r of again) reissued.add(r.row);

  // Legacy-encoding issues come from the cells' text (workbook.ts): only a touched row's can have changed, and the
  // caller checks the whole grid when a touched row holds legacy text.
  const kept = previous.issues.filter((i) => {
    if (NEIGHBOUR_CODES.has(i.code)) return false;
    if (i.row === null) return true;
    return i.code === "legacy-encoding" ? !rows.has(i.row) : !reissued.has(i.row);
  });
  const made = applyRules(rowIssues(next, tasks, again, plan), settings.rules);
  const neighbours = applyRules(neighbourIssues(next, tasks), settings.rules);
  const issues = [...kept, ...made, ...neighbours].sort(byPosition);
  return {
    ...previous,
    table: next,
    tasks,
    issues,
    plan,
    agencies: tallyAgencies(tasks),
    sections: tallySections(next, issues),
    periods: tallyPeriods(tasks),
    monitoring: tallyMonitoring(next, directory),
    counts: { sections: next.sections.length, tasks: tasks.length, ...countBySeverity(issues) },
  };
}
