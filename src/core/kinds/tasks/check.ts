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
import { resolveAbbreviations } from "../../agencies/abbreviations";
import { analyseTasks, checkTable, PlanPeriod, TaskAnalysis } from "./checks";
import { findHeader, lookedForHeaders } from "./header";
import { readTaskTable, TaskTable } from "./table";
import { MonitoringTally, tallyMonitoring } from "./monitoring";
import { TaskContact, taskContacts } from "./contacts";
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
  /** Tasks per monitoring body, when the table has a monitoring column (or the plan names the role). */
  monitoring: MonitoringTally[];
  /** The persons written in lead and coordinating cells: kept apart from the bodies, counted for none. */
  contacts: TaskContact[];
  counts: Counts;
  /** Set when the tasks were read from a plan written as paragraphs rather than from a table (kinds/paragraphs). */
  paragraphs?: ParagraphSource;
}

/** Where a paragraph plan's tasks came from, row by row of the appendix it was read into. */
export interface ParagraphSource {
  format: "txt" | "sheet" | "docx";
  /** For a sheet source: the column the text stands in. */
  column?: string;
  /** Appendix row → the heading it came from and its position in the source (line, sheet row or paragraph). */
  rows: Map<number, { heading: string; at: number }>;
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
    monitoring: [],
    contacts: [],
    counts: { sections: 0, tasks: 0, ...countBySeverity(issues) },
  };
}

/** A task table checked and tallied. */
export function checkTaskTable(table: TaskTable, options: CheckOptions = {}): TaskCheck {
  const directory = options.directory ?? defaultDirectory();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const plan = planPeriod(table.titleText, settings);
  const tasks = analyseTasks(table, directory);
  resolveAbbreviations(tasks);
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
    monitoring: tallyMonitoring(table, directory),
    contacts: taskContacts(table, tasks, directory),
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
