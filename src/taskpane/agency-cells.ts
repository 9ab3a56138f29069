/**
 * The lead and coordinating cells of a checked task table, as the sheet holds them (the grid the check was made
 * from): what "Chuẩn hóa tên cơ quan" plans over and what tells the agency picker how the table joins names.
 */
import type { CellText } from "../core/agencies/normalise";
import { cellAddress } from "../core/sheet/grid";
import type { Grid } from "../core/sheet/grid";
import type { SheetCheck } from "../core/workbook";
import { gridCell } from "./issue-fixes";
import { isTaskTableCheck } from "../core/kinds";

/** Text cells of the given columns on the task rows; formulas, errors and dates are not the pane's to rewrite. */
export function agencyCells(
  check: SheetCheck,
  grid: Grid,
  fields: ReadonlyArray<"lead" | "coordinating"> = ["lead", "coordinating"],
): CellText[] {
  if (!isTaskTableCheck(check) || !check.table || check.sheetName !== grid.sheetName) return [];
  const columns = fields.map((f) => check.table!.header.columns[f]).filter((c): c is number => c !== undefined);
  const out: CellText[] = [];
  for (const task of check.tasks) {
    const row = task.row.row;
    for (const col of columns) {
      const cell = gridCell(grid, row, col);
      if (!cell || typeof cell.value !== "string" || cell.formula !== undefined || cell.error !== undefined || cell.isDate) continue;
      out.push({ address: cellAddress(row, col), text: cell.value });
    }
  }
  return out;
}
