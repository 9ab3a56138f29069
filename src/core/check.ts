/**
 * Checking one sheet end to end: find the table, read it, check it, tally it.
 */
import { analyseTasks, checkTable, PlanPeriod, TaskAnalysis } from "./checks";
import { AgencyDirectory, defaultDirectory } from "./directory";
import { Grid } from "./grid";
import { countBySeverity, Issue, makeIssue } from "./issues";
import { lookedForHeaders } from "./header";
import { applyRules, DEFAULT_SETTINGS, Settings } from "./settings";
import { readTable, TaskTable } from "./table";
import { AgencyTally, PeriodTally, SectionTally, tallyAgencies, tallyPeriods, tallySections } from "./tallies";
import { planPeriodFromTitle } from "./timeframe";
import { MonitoringTally, tallyMonitoring } from "./monitoring";

export interface CheckOptions {
  directory?: AgencyDirectory;
  settings?: Settings;
  /** Read TCVN3/VNI cells in their Unicode reading (the user asked for it; never done silently). */
  convertLegacy?: boolean;
}

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
  counts: { sections: number; tasks: number; errors: number; warnings: number; infos: number };
  /** Set when the tasks were read from a plan written as paragraphs rather than from a table. */
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

export function checkSheet(grid: Grid, options: CheckOptions = {}): TaskCheck {
  const directory = options.directory ?? defaultDirectory();
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const read = readTable(grid);
  if (!read.ok) {
    const issues = applyRules([makeIssue("no-table", {}, { looked: lookedForHeaders().join(", "), hint: read.hint })], settings.rules);
    return {
      kind: "tasks",
      sheetName: grid.sheetName,
      table: null,
      tasks: [],
      issues,
      plan: null,
      agencies: [],
      sections: [],
      periods: [],
      monitoring: [],
      counts: { sections: 0, tasks: 0, ...countBySeverity(issues) },
    };
  }
  const table = read.table;
  const plan = planPeriod(table, settings);
  const tasks = analyseTasks(table, directory);
  const issues = applyRules(checkTable(table, tasks, plan), settings.rules);
  return {
    kind: "tasks",
    sheetName: grid.sheetName,
    table,
    tasks,
    issues,
    plan,
    agencies: tallyAgencies(tasks),
    sections: tallySections(table, issues),
    periods: tallyPeriods(tasks),
    monitoring: tallyMonitoring(table, directory),
    counts: { sections: table.sections.length, tasks: tasks.length, ...countBySeverity(issues) },
  };
}

/** The plan's period: from the settings when the user gave it, else from the title above the table. */
function planPeriod(table: TaskTable, settings: Settings): PlanPeriod | null {
  if (settings.planStartYear) return { startYear: settings.planStartYear, endYear: settings.planEndYear ?? settings.planStartYear };
  return planPeriodFromTitle(table.titleText);
}
