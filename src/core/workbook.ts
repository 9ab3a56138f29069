/**
 * Checking a whole workbook: which sheets hold a table — a task table or a delegation table — and the result for
 * each. Delegation totals are a matter of the workbook: the plan states both directions at once, so they are
 * compared over all its delegation tables together.
 */
import { checkSheet, CheckOptions, TaskCheck } from "./check";
import { convertLegacyGrid, findLegacyCells, LegacyCell } from "./legacy-grid";
import { countBySeverity, makeIssue } from "./issues";

import { cellText, sheetView } from "./cells";
import { findDelegationHeader } from "./delegation-header";
import { readDelegationTable } from "./delegation-table";
import { checkDelegationTable, DelegationCheck, reconcileDelegations } from "./delegations";
import { eachCellOf, Grid } from "./grid";
import { findHeader } from "./header";
import { applyRules, DEFAULT_SETTINGS } from "./settings";
import { mergeStated, StatedTotals, statedTotalsFromText } from "./stated-totals";

export type SheetCheck = TaskCheck | DelegationCheck;

export interface WorkbookOptions extends CheckOptions {
  sheet?: string;
  /** Delegation totals the user typed in; they win, figure by figure, over those read from the plan's text. */
  stated?: StatedTotals | null;
}

export type WorkbookCheck =
  | { ok: true; checks: SheetCheck[] }
  | { ok: false; reason: "no-sheet"; sheet: string; available: string[] }
  | { ok: false; reason: "no-table"; checks: SheetCheck[] };

/**
 * The sheet's table, whichever kind it is. When a sheet has both headers the one higher up wins, and on the same
 * row the delegation header does: "Tên đoàn" with "Trưởng đoàn" is the more specific of the two.
 */
export function checkAnySheet(grid: Grid, options: CheckOptions = {}): SheetCheck {
  const legacy = findLegacyCells(grid);
  if (legacy.length === 0) return checkKind(grid, options);
  const check = checkKind(options.convertLegacy ? convertLegacyGrid(grid, legacy) : grid, options);
  return withLegacyIssues(check, legacy, options);
}

function checkKind(grid: Grid, options: CheckOptions): SheetCheck {
  const view = sheetView(grid);
  const delegation = findDelegationHeader(view);
  if (delegation) {
    const task = findHeader(view);
    if (!task || task.row >= delegation.row) {
      const read = readDelegationTable(grid);
      if (read.ok) return checkDelegationTable(read.table, options);
    }
  }
  return checkSheet(grid, options);
}

/**
 * Each legacy-encoded cell of the table (of the whole sheet when no table was found) gets a legacy-encoding warning
 * with its Unicode reading as the fix; a sheet whose header is legacy-encoded says so in its no-table message.
 */
function withLegacyIssues(check: SheetCheck, legacy: readonly LegacyCell[], options: CheckOptions): SheetCheck {
  const t = check.table;
  const inTable = t
    ? legacy.filter((c) => c.row >= t.firstRow && c.row <= t.lastRow && c.col >= t.header.firstCol && c.col <= t.header.lastCol)
    : legacy;
  const found = inTable.map((c) =>
    makeIssue(
      "legacy-encoding",
      { cell: c.address, row: c.row, field: null, value: c.text },
      { encoding: c.encoding === "tcvn3" ? "TCVN3" : "VNI", converted: c.converted },
      c.converted,
    ),
  );
  let issues = check.issues;
  if (!t && !options.convertLegacy)
    issues = issues.map((i) => (i.code === "no-table" ? { ...i, params: { ...i.params, hint: "legacy" } } : i));
  const rules = (options.settings ?? DEFAULT_SETTINGS).rules;
  const all = [...issues, ...applyRules(found, rules)].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { ...check, issues: all, counts: { ...check.counts, ...countBySeverity(all) } } as SheetCheck;
}

const hasTable = (c: SheetCheck) => c.table !== null;

/**
 * With a sheet name: that sheet. Without: every sheet that holds a table; when none does, the no-table results
 * (one per sheet) so the caller can say what was looked for.
 */
export function checkWorkbook(sheets: readonly Grid[], options: WorkbookOptions = {}): WorkbookCheck {
  if (options.sheet !== undefined) {
    const grid =
      sheets.find((s) => s.sheetName === options.sheet) ?? sheets.find((s) => s.sheetName.toLowerCase() === options.sheet!.toLowerCase());
    if (!grid) return { ok: false, reason: "no-sheet", sheet: options.sheet, available: sheets.map((s) => s.sheetName) };
    let check = checkAnySheet(grid, options);
    if (check.kind === "delegations") {
      // The totals still count the other direction's sheet: the plan's figures are for the workbook.
      const others = sheets
        .filter((g) => g !== grid)
        .map((g) => readDelegationTable(g))
        .flatMap((r) => (r.ok ? [checkDelegationTable(r.table, options)] : []));
      const all = withDelegationTotals(sheets, [check, ...others], options);
      check = all[0];
    }
    return hasTable(check) ? { ok: true, checks: [check] } : { ok: false, reason: "no-table", checks: [check] };
  }
  const all = withDelegationTotals(
    sheets,
    sheets.map((g) => checkAnySheet(g, options)),
    options,
  );
  const found = all.filter(hasTable);
  return found.length ? { ok: true, checks: found } : { ok: false, reason: "no-table", checks: all };
}

/** The checks with the workbook's delegation totals compared with the stated ones (task checks pass unchanged). */
function withDelegationTotals(sheets: readonly Grid[], checks: SheetCheck[], options: WorkbookOptions): SheetCheck[] {
  const delegations = checks.filter((c): c is DelegationCheck => c.kind === "delegations");
  if (delegations.length === 0) return checks;
  const fromText = statedTotalsFromText(planText(sheets, checks));
  const reconciled = reconcileDelegations(delegations, mergeStated(fromText, options.stated ?? null), options.settings ?? DEFAULT_SETTINGS);
  const bySheet = new Map(delegations.map((d, i) => [d, reconciled[i]]));
  return checks.map((c) => (c.kind === "delegations" ? bySheet.get(c)! : c));
}

/**
 * The plan's own words as far as the workbook holds them: the title and notes around each table, and every cell of
 * the sheets that hold no table (a plan pasted in beside its appendices).
 */
function planText(sheets: readonly Grid[], checks: readonly SheetCheck[]): string {
  const parts: string[] = [];
  const bySheet = new Map(checks.map((c) => [c.sheetName, c]));
  for (const grid of sheets) {
    const check = bySheet.get(grid.sheetName);
    if (check?.kind === "delegations") {
      parts.push(check.table.titleText, check.table.notesText);
      continue;
    }
    if (check?.table) {
      parts.push(check.table.titleText);
      continue;
    }
    // A sheet left out of the checks (another sheet was asked for): its table, if any, is not plan text.
    const view = sheetView(grid);
    const headerRow = check ? undefined : (findHeader(view)?.row ?? findDelegationHeader(view)?.row);
    const last = headerRow === undefined ? view.lastRow : headerRow - 1;
    // The cells as stored, each once: a value merged over many cells is said once, and a sheet whose only far cell
    // is XFD1048576 costs its cells, not its area.
    for (let r = view.firstRow; r <= last; r++) {
      const row = grid.cells[r - grid.originRow];
      if (!row || row.length === 0) continue;
      const cells: string[] = [];
      eachCellOf(row, (cell) => {
        const t = cellText(cell);
        if (t !== "") cells.push(t);
      });
      if (cells.length) parts.push(cells.join(" "));
    }
  }
  return parts.filter((p) => p !== "").join("\n");
}
