/**
 * The cell the user stands on, for the agency picker (issue 16): which sheet and cell, and what it holds, read in
 * one round trip. The picker then writes through replaceCellTexts, guarded by what was read here, so a cell edited
 * in between keeps the user's text.
 */
import { excelApi } from "./capabilities";
import { ExcelFailure } from "./run";

export interface ActiveCell {
  sheet: string;
  /** "D7", without the sheet. */
  address: string;
  /** The cell's value as text ("" when empty). */
  text: string;
  /** The cell holds a formula: its text is not the pane's to replace. */
  formula: boolean;
}

/** Reads the active cell (ExcelApi 1.7), or the top-left cell of the selection on older Excel. One sync. */
export async function readActiveCell(context: Excel.RequestContext): Promise<ActiveCell> {
  const cell = excelApi("1.7") ? context.workbook.getActiveCell() : context.workbook.getSelectedRange().getCell(0, 0);
  cell.load(["address", "values", "formulas"]);
  const sheet = cell.worksheet.load("name");
  await context.sync();
  const address = cell.address.split("!").pop()!.replace(/\$/g, "");
  if (address.includes(":")) throw new ExcelFailure("not-found", `"${cell.address}" is not one cell.`);
  const value = cell.values[0][0] as unknown;
  const formula = cell.formulas[0][0] as unknown;
  return {
    sheet: sheet.name,
    address,
    text: value === null || value === undefined ? "" : String(value),
    formula: typeof formula === "string" && formula.startsWith("="),
  };
}
