/**
 * Checking a whole workbook: which sheets hold a table, of which kind (kinds/index.ts), and the result for each.
 * Each sheet's view is made once and searched once, row by row, for every kind's header; what a kind learns from
 * the workbook as a whole (the delegation totals the plan states once for both directions) it adds afterwards.
 */
import { makeIssue, countBySeverity } from "./issues/catalogue";
import { KINDS, kindOf, SheetCheck } from "./kinds";
import type { CheckOptions, KindCheck, TableKind, WorkbookOptions } from "./kinds/kind";
import { noTableCheck } from "./kinds/tasks/check";
import { convertLegacyGrid, findLegacyCells, LegacyCell } from "./legacy/grid";
import { applyRules, DEFAULT_SETTINGS } from "./settings/settings";
import { describeSheet } from "./sheet/describe";
import { Grid } from "./sheet/grid";
import { headerSearchRows } from "./sheet/header-match";
import { cellText, SheetView, sheetView } from "./sheet/view";

export type { SheetCheck } from "./kinds";
export type { CheckOptions, WorkbookOptions } from "./kinds/kind";

export type WorkbookCheck =
  | { ok: true; checks: SheetCheck[] }
  | { ok: false; reason: "no-sheet"; sheet: string; available: string[] }
  | { ok: false; reason: "no-table"; checks: SheetCheck[] };

/** A kind's header found on a sheet. */
interface Found {
  kind: TableKind;
  header: ReturnType<TableKind["headerAt"]> & object;
}

/** The header standing highest on the sheet, of any kind; on the same row the kind listed first. */
function findTable(view: SheetView): Found | null {
  const { first, last } = headerSearchRows(view);
  for (let r = first; r <= last; r++) {
    for (const kind of KINDS as readonly TableKind[]) {
      const header = kind.headerAt(view, r);
      if (header) return { kind, header };
    }
  }
  return null;
}

/** The sheet's table, whichever kind it is, checked; the no-table error when it holds none. */
export function checkAnySheet(grid: Grid, options: CheckOptions = {}): SheetCheck {
  const legacy = findLegacyCells(grid);
  if (legacy.length === 0) return checkKind(grid, options);
  const check = checkKind(options.convertLegacy ? convertLegacyGrid(grid, legacy) : grid, options);
  return withLegacyIssues(check, legacy, options);
}

function checkKind(grid: Grid, options: CheckOptions): SheetCheck {
  const view = sheetView(grid);
  const found = findTable(view);
  if (!found) return noTableCheck(grid.sheetName, describeSheet(view), options.settings);
  return found.kind.check(found.kind.read(view, found.header), options) as SheetCheck;
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
    const check = checkAnySheet(grid, options);
    const kind = kindOf(check);
    let checks: SheetCheck[] = [check];
    if (kind.reconcile) {
      // What the workbook says of this kind still counts the other sheets of the kind: the plan's figures are for
      // the workbook.
      const others = sheets.filter((g) => g !== grid).flatMap((g) => ofKind(g, kind, options));
      checks = reconcile([check, ...others], sheets, options).slice(0, 1);
    }
    return hasTable(checks[0]) ? { ok: true, checks } : { ok: false, reason: "no-table", checks };
  }
  const all = reconcile(
    sheets.map((g) => checkAnySheet(g, options)),
    sheets,
    options,
  );
  const found = all.filter(hasTable);
  return found.length ? { ok: true, checks: found } : { ok: false, reason: "no-table", checks: all };
}

/** The sheet's table checked when it is of the given kind (a sheet left out of a one-sheet check). */
function ofKind(grid: Grid, kind: TableKind, options: CheckOptions): SheetCheck[] {
  const view = sheetView(grid);
  const found = findTable(view);
  return found && found.kind === kind ? [kind.check(kind.read(view, found.header), options) as SheetCheck] : [];
}

/** Each kind's checks with what the workbook as a whole says of them (kinds without a `reconcile` pass unchanged). */
function reconcile(checks: SheetCheck[], sheets: readonly Grid[], options: WorkbookOptions): SheetCheck[] {
  let out = checks;
  for (const kind of KINDS as readonly TableKind[]) {
    if (!kind.reconcile) continue;
    const mine = out.filter((c) => c.kind === kind.name && c.table !== null) as KindCheck[];
    if (mine.length === 0) continue;
    const done = kind.reconcile(mine, { planText: () => planText(sheets, out), options });
    const bySheet = new Map<KindCheck, KindCheck>(mine.map((c, i) => [c, done[i]]));
    out = out.map((c) => (bySheet.get(c) as SheetCheck | undefined) ?? c);
  }
  return out;
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
    if (check?.table) {
      parts.push(check.table.titleText);
      if ("notesText" in check.table) parts.push(check.table.notesText);
      continue;
    }
    // A sheet left out of the checks (another sheet was asked for): its table, if any, is not plan text.
    const view = sheetView(grid);
    const headerRow = check ? undefined : findTable(view)?.header.row;
    const last = headerRow === undefined ? view.lastRow : headerRow - 1;
    // The cells as stored, each once: a value merged over many cells is said once, and a sheet whose only far cell
    // is XFD1048576 costs its cells, not its area.
    for (let r = view.firstRow; r <= last; r++) {
      const row = grid.cells[r - grid.originRow];
      if (!row || row.length === 0) continue;
      const cells: string[] = [];
      for (const cell of row) {
        const t = cellText(cell);
        if (t !== "") cells.push(t);
      }
      if (cells.length) parts.push(cells.join(" "));
    }
  }
  return parts.filter((p) => p !== "").join("\n");
}
