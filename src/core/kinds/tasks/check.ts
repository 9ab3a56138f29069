/**
 * Checking one task table end to end: check it, tally it.
 */
import { defaultDirectory } from "../../agencies/default-directory";
import { countBySeverity, Issue, makeIssue } from "../../issues/catalogue";
import { applyRules, DEFAULT_SETTINGS, Settings } from "../../settings/settings";
import { describeSheet, SheetHint } from "../../sheet/describe";
import { Grid } from "../../sheet/grid";
import { sheetView } from "../../sheet/view";
import { planPeriodFromTitle } from "../../timeframe/timeframe";
import type { CheckOptions, Counts } from "../kind";
import { analyseTasks, checkTable, PlanPeriod, TaskAnalysis } from "./checks";
import { findHeader, lookedForHeaders } from "./header";
import { readTaskTable, TaskTable } from "./table";
import { AgencyTally, PeriodTally, SectionTally, tallyAgencies, tallyPeriods, tallySections } from "./tallies";

export interface TaskCheck {
  kind: "tasks";
  sheetName: string;
  /** null when no table was found; `issues` then holds the no-table error. */
  table: TaskTable | null;
  tasks: TaskAnalysis[];
  issues: Issue[];
  plan: PlanPeriod | null;
  agencies: AgencyTally[];
  sections: SectionTally[];
  periods: PeriodTally[];
  counts: Counts;
}

/** A sheet where no kind found its header: the no-table error, saying what was looked for and what the sheet looks like. */
export function noTableCheck(sheetName: string, hint: SheetHint, settings: Settings = DEFAULT_SETTINGS): TaskCheck {
  const issues = applyRules([makeIssue("no-table", {}, { looked: lookedForHeaders().join(", "), hint })], settings.rules);
  return {
    kind: "tasks",
    sheetName,
    table: null,
    tasks: [],
    issues,
    plan: null,
    agencies: [],
    sections: [],
    periods: [],
    counts: { sections: 0, tasks: 0, ...countBySeverity(issues) },
  };
}

/** A task table checked and tallied. */
export function checkTaskTable(table: TaskTable, options: CheckOptions = {}): TaskCheck {
  const directory = options.directory ?? defaultDirectory();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const plan = planPeriod(table.titleText, settings);
  const tasks = analyseTasks(table, directory);
  const issues = applyRules(checkTable(table, tasks, plan), settings.rules);
  return {
    kind: "tasks",
    sheetName: table.sheetName,
    table,
    tasks,
    issues,
    plan,
    agencies: tallyAgencies(tasks),
    sections: tallySections(table, issues),
    periods: tallyPeriods(tasks),
    counts: { sections: table.sections.length, tasks: tasks.length, ...countBySeverity(issues) },
  };
}

/** One sheet read as a task table, whatever else it holds (workbook.ts checks a sheet with every kind). */
export function checkSheet(grid: Grid, options: CheckOptions = {}): TaskCheck {
  const view = sheetView(grid);
  const header = findHeader(view);
  if (!header) return noTableCheck(grid.sheetName, describeSheet(view), options.settings);
  return checkTaskTable(readTaskTable(view, header), options);
}

/** The plan's period: from the settings when the user gave it, else from the title above the table. */
export function planPeriod(titleText: string, settings: Settings): PlanPeriod | null {
  if (settings.planStartYear) return { startYear: settings.planStartYear, endYear: settings.planEndYear ?? settings.planStartYear };
  return planPeriodFromTitle(titleText);
}
