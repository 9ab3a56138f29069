/**
 * What the pane asks of the workbook, each as one Excel.run through src/excel, with the engine's work in between.
 * The engine runs synchronously right after the read (it is fast); the steps around it give the browser a turn
 * so the progress shows and Cancel is honoured.
 */
import { checkWorkbook } from "../core/workbook";
import type { SheetCheck } from "../core/workbook";
import type { Consolidation } from "../core/consolidate/consolidate";
import { DIRECTIONS } from "../core/kinds/delegations/fields";
import type { Direction } from "../core/kinds/delegations/fields";
import { consolidationSheets } from "../core/output/consolidated-sheet";
import type { AgencyDirectory, DirectoryData } from "../core/agencies/directory";
import type { Grid } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import type { Settings } from "../core/settings/settings";
import type { StatedTotals } from "../core/kinds/delegations/stated-totals";
import { summarySheets } from "../core/output/summaries";
import { runInExcel } from "../excel/run";
import { listTables, readGrid } from "../excel/grid-reader";
import type { ReadScope } from "../excel/grid-reader";
import { clearHighlights, hasHighlights, highlightIssues } from "../excel/highlights";
import { writeAgencyPickers } from "../excel/agency-pickers";
import type { PickersWritten } from "../excel/agency-pickers";
import { canonicalAgencyNames, pickerTarget } from "../core/agencies/pickers";
import { replaceCellTexts } from "../excel/cells-writer";
import { readActiveCell } from "../excel/active-cell";
import type { ActiveCell } from "../excel/active-cell";
import { canWatchSheets, watchSheetChanges } from "../excel/sheet-changes";
import { liveRecheck } from "../excel/live-recheck";
import type { LiveRecheckDone, LiveRecheckRequest } from "../excel/live-recheck";
import type { SheetChange, SheetWatch } from "../excel/sheet-changes";
import type { SheetModel } from "../core/output/sheet-model";
import { loadStoredCheckInputs, loadStoredSettings, saveStoredCheckInputs, saveStoredSettings } from "../excel/stored-settings";
import type { CheckInputs } from "../excel/stored-settings";
import type { Progress } from "./progress";
import { excelWorkbookHost } from "./workbook-host";

export type { ActiveCell, CheckInputs, PickersWritten, ReadScope, SheetChange, SheetWatch };

export interface TableChoice {
  name: string;
  sheet: string;
  address: string;
}

export interface GridCheckOptions {
  settings: Settings;
  directory: AgencyDirectory;
  /** Delegation totals the user typed in (they win over those the plan's text states). */
  stated?: StatedTotals | null;
  /** Read legacy-encoded (TCVN3/VNI) cells as Unicode; the cells themselves are not changed. */
  convertLegacy?: boolean;
}

/** A check with the grid it was made from, so the pane can compare again or convert cells without reading again. */
export interface CheckedScope {
  grid: Grid;
  check: SheetCheck;
}

/** Reads the scope, then checks and tallies it: a task table or a delegation table, whichever the sheet holds. */
export async function readAndCheckInExcel(scope: ReadScope, options: GridCheckOptions, progress: Progress): Promise<CheckedScope> {
  await progress.step("reading", 1, 2);
  const grid = await runInExcel((context) => readGrid(context, scope), { onRetry: progress.retrying });
  await progress.step("checking", 2, 2);
  return { grid, check: checkGrid(grid, options) };
}

/** Reads the scope again without checking it (to compare with the grid a result was made from). */
export function readGridInExcel(scope: ReadScope): Promise<Grid> {
  return runInExcel((context) => readGrid(context, scope));
}

export async function checkInExcel(scope: ReadScope, options: GridCheckOptions, progress: Progress): Promise<SheetCheck> {
  return (await readAndCheckInExcel(scope, options, progress)).check;
}

/**
 * The engine's check of one grid. The pane reads one sheet, so of a delegation table's totals only the directions
 * this sheet holds are counted: the user's figures for the other direction wait until its sheet is checked (compared
 * here they would read as "0 counted").
 */
export function checkGrid(grid: Grid, options: GridCheckOptions): SheetCheck {
  const base = { directory: options.directory, settings: options.settings, convertLegacy: options.convertLegacy ?? false };
  const check = onlyCheck(checkWorkbook([grid], base), grid);
  if (check.kind !== "delegations" || !options.stated) return check;
  const stated = statedForDirections(options.stated, checkedDirections(check));
  if (!stated) return check;
  return onlyCheck(checkWorkbook([grid], { ...base, stated }), grid);
}

function onlyCheck(result: ReturnType<typeof checkWorkbook>, grid: Grid): SheetCheck {
  if (result.ok || result.reason === "no-table") return result.checks[0];
  throw new Error(`the sheet "${grid.sheetName}" was not read`);
}

/** The directions a delegation check holds: those with delegations, and the table's own. */
export function checkedDirections(check: SheetCheck): Direction[] {
  if (check.kind !== "delegations") return [];
  return DIRECTIONS.filter((d) => check.tallies[d].total > 0 || check.direction === d);
}

function statedForDirections(stated: StatedTotals, directions: readonly Direction[]): StatedTotals | null {
  const out: StatedTotals = {};
  for (const d of directions) if (stated[d] && Object.keys(stated[d]!).length > 0) out[d] = stated[d];
  return Object.keys(out).length > 0 ? out : null;
}

/** Writes every summary sheet of the check; cancelling before the write leaves the workbook as it was. */
export async function writeSummariesInExcel(check: SheetCheck, lang: Lang, progress: Progress): Promise<string[]> {
  await progress.step("summaries", 1, 2);
  const models = summarySheets([{ check }], lang);
  await progress.step("writing", 2, 2, { cancellable: false });
  return excelWorkbookHost.writeSheets(models, "", progress.retrying);
}

/** Colours the cells of errors and warnings (notes are not coloured: the button says what it colours). */
export async function highlightInExcel(check: SheetCheck, progress: Progress): Promise<number> {
  await progress.step("highlighting", 1, 1, { cancellable: false });
  const issues = check.issues.filter((i) => i.severity !== "info");
  const { cells } = await runInExcel((context) => highlightIssues(context, check.sheetName, issues), {
    onRetry: progress.retrying,
  });
  return cells;
}

/**
 * "Gắn danh sách chọn": the directory's agency names as drop-downs on the lead column of the checked table; null when
 * the table has no lead column to put them on.
 */
export async function addPickersInExcel(
  check: SheetCheck,
  grid: Grid,
  directory: AgencyDirectory,
  lang: Lang,
  progress: Progress,
): Promise<PickersWritten | null> {
  const target = pickerTarget(check, grid.merges);
  if (!target) return null;
  await progress.step("writing", 1, 1, { cancellable: false });
  const names = canonicalAgencyNames(directory.data);
  return runInExcel((context) => writeAgencyPickers(context, target, names, lang), { onRetry: progress.retrying });
}

export async function clearHighlightsInExcel(progress: Progress): Promise<number> {
  await progress.step("clearing", 1, 1, { cancellable: false });
  const { cells } = await runInExcel((context) => clearHighlights(context), { onRetry: progress.retrying });
  return cells;
}

export function selectInExcel(sheetName: string, address: string): Promise<void> {
  return excelWorkbookHost.showCell(sheetName, address);
}

/** The cell the user stands on and what it holds (the agency picker writes there). */
export function activeCellInExcel(): Promise<ActiveCell> {
  return runInExcel((context) => readActiveCell(context));
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

/** Writes the consolidated table, the summaries over every table and the file report into the open workbook. */
export async function writeConsolidationInExcel(consolidation: Consolidation, lang: Lang, progress: Progress): Promise<string[]> {
  await progress.step("summaries", 1, 2);
  const models = consolidationSheets(consolidation, lang);
  await progress.step("writing", 2, 2, { cancellable: false });
  return excelWorkbookHost.writeSheets(models, "", progress.retrying);
}

/** Cells to write on one sheet: each only while it still holds `expected` (see replaceCellTexts). */
export interface CellWrite {
  address: string;
  text: string;
  expected?: string;
}

/** What a write did: each written cell with what it held before, and the cells left alone because they changed. */
export interface CellsWritten {
  sheet: string;
  cells: Array<{ address: string; before: string | number | boolean; after: string }>;
  skipped: string[];
}

/**
 * Writes the given cells only, as one batch, and hands back what they held (Excel keeps no undo for add-ins). The
 * conversion of legacy text, a one-click fix and putting either back all go through here.
 */
export async function writeCellsInExcel(
  sheet: string,
  changes: CellWrite[],
  step: "converting" | "restoring" | "fixing",
  progress: Progress,
): Promise<CellsWritten> {
  await progress.step(step, 1, 1, { cancellable: false });
  const { previous, skipped } = await runInExcel((context) => replaceCellTexts(context, sheet, changes), { onRetry: progress.retrying });
  const after = new Map(changes.map((c) => [c.address, c.text]));
  return { sheet, cells: previous.map((p) => ({ address: p.address, before: p.value, after: after.get(p.address) ?? "" })), skipped };
}

/** Writes the check's issue list alone to a sheet of its own. */
export async function writeIssueListInExcel(model: SheetModel, progress: Progress): Promise<string[]> {
  await progress.step("writing", 1, 1, { cancellable: false });
  return excelWorkbookHost.writeSheets([model], "", progress.retrying);
}

/** Listens for changes of the checked sheet where Excel can (ExcelApi 1.7); null where it cannot. */
export async function watchSheetInExcel(sheet: string, onChange: (change: SheetChange) => void): Promise<SheetWatch | null> {
  if (!canWatchSheets()) return null;
  return runInExcel((context) => watchSheetChanges(context, sheet, onChange));
}

/**
 * Reads back the cells of a change, re-checks them (the request's `recheck`) and brings the highlights of the rows
 * around them in line: one round trip, two on a sheet the add-in has highlighted.
 */
export function liveRecheckInExcel(request: LiveRecheckRequest): Promise<LiveRecheckDone> {
  return runInExcel((context) => liveRecheck(context, request));
}

/** Whether the workbook holds the add-in's highlights (from this session or an earlier one). */
export function hasHighlightsInExcel(): Promise<boolean> {
  return runInExcel((context) => hasHighlights(context));
}

export function loadCheckInputsFromExcel(): Promise<CheckInputs> {
  return runInExcel((context) => loadStoredCheckInputs(context));
}

export function saveCheckInputsToExcel(inputs: Partial<CheckInputs>): Promise<void> {
  return runInExcel((context) => saveStoredCheckInputs(context, inputs));
}
