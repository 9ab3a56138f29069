/**
 * What the pane asks of the workbook, each as one Excel.run through src/excel, with the engine's work in between.
 * The engine runs synchronously right after the read (it is fast); the steps around it give the browser a turn
 * so the progress shows and Cancel is honoured.
 */
import { checkWorkbook } from "../core/workbook";
import type { SheetCheck } from "../core/workbook";
import type { AgencyDirectory, DirectoryData } from "../core/directory";
import type { Lang } from "../core/issues";
import type { Settings } from "../core/settings";
import { summarySheets } from "../core/summaries";
import { runInExcel } from "../excel/run";
import { listTables, readGrid } from "../excel/grid-reader";
import type { ReadScope } from "../excel/grid-reader";
import { writeSheetModels } from "../excel/sheet-writer";
import { clearHighlights, highlightIssues } from "../excel/highlights";
import { selectCell } from "../excel/selection";
import { loadStoredSettings, saveStoredSettings } from "../excel/stored-settings";
import type { Progress } from "./progress";

export type { ReadScope };

export interface TableChoice {
  name: string;
  sheet: string;
  address: string;
}

/** Reads the scope, then checks and tallies it: a task table or a delegation table, whichever the sheet holds. */
export async function checkInExcel(
  scope: ReadScope,
  options: { settings: Settings; directory: AgencyDirectory },
  progress: Progress,
): Promise<SheetCheck> {
  await progress.step("reading", 1, 2);
  const grid = await runInExcel((context) => readGrid(context, scope), { onRetry: progress.retrying });
  await progress.step("checking", 2, 2);
  // One grid: delegation totals are compared with what this sheet's own title and notes state.
  const result = checkWorkbook([grid], { directory: options.directory, settings: options.settings });
  if (result.ok || result.reason === "no-table") return result.checks[0];
  throw new Error(`the sheet "${result.sheet}" was not read`);
}

/** Writes every summary sheet of the check; cancelling before the write leaves the workbook as it was. */
export async function writeSummariesInExcel(check: SheetCheck, lang: Lang, progress: Progress): Promise<string[]> {
  await progress.step("summaries", 1, 2);
  const models = summarySheets([{ check }], lang);
  await progress.step("writing", 2, 2, { cancellable: false });
  const { written } = await runInExcel((context) => writeSheetModels(context, models), { onRetry: progress.retrying });
  return written;
}

export async function highlightInExcel(check: SheetCheck, progress: Progress): Promise<number> {
  await progress.step("highlighting", 1, 1, { cancellable: false });
  const { cells } = await runInExcel((context) => highlightIssues(context, check.sheetName, check.issues), {
    onRetry: progress.retrying,
  });
  return cells;
}

export async function clearHighlightsInExcel(progress: Progress): Promise<number> {
  await progress.step("clearing", 1, 1, { cancellable: false });
  const { cells } = await runInExcel((context) => clearHighlights(context), { onRetry: progress.retrying });
  return cells;
}

export function selectInExcel(sheetName: string, address: string): Promise<void> {
  return runInExcel((context) => selectCell(context, sheetName, address));
}

export function tablesInExcel(): Promise<TableChoice[]> {
  return runInExcel((context) => listTables(context));
}

export function loadSettingsFromExcel(): Promise<{ settings: Settings; directory: DirectoryData | null }> {
  return runInExcel((context) => loadStoredSettings(context));
}

export function saveSettingsToExcel(settings: Settings, directory: DirectoryData | null): Promise<void> {
  return runInExcel((context) => saveStoredSettings(context, settings, directory));
}
