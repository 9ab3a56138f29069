/**
 * Checking a whole workbook: which sheets hold a table, and the result for each.
 */
import { checkSheet, CheckOptions, TaskCheck } from "./check";
import { Grid } from "./grid";

export type SheetCheck = TaskCheck;

export type WorkbookCheck =
  | { ok: true; checks: SheetCheck[] }
  | { ok: false; reason: "no-sheet"; sheet: string; available: string[] }
  | { ok: false; reason: "no-table"; checks: SheetCheck[] };

/**
 * With a sheet name: that sheet. Without: every sheet that holds a table; when none does, the no-table results
 * (one per sheet) so the caller can say what was looked for.
 */
export function checkWorkbook(sheets: readonly Grid[], options: CheckOptions & { sheet?: string } = {}): WorkbookCheck {
  if (options.sheet !== undefined) {
    const grid =
      sheets.find((s) => s.sheetName === options.sheet) ?? sheets.find((s) => s.sheetName.toLowerCase() === options.sheet!.toLowerCase());
    if (!grid) return { ok: false, reason: "no-sheet", sheet: options.sheet, available: sheets.map((s) => s.sheetName) };
    const check = checkSheet(grid, options);
    return check.table ? { ok: true, checks: [check] } : { ok: false, reason: "no-table", checks: [check] };
  }
  const all = sheets.map((g) => checkSheet(g, options));
  const found = all.filter((c) => c.table !== null);
  return found.length ? { ok: true, checks: found } : { ok: false, reason: "no-table", checks: all };
}
