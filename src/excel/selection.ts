/**
 * Taking the user to a cell (clicking an issue in the pane selects its cell).
 */
import { ExcelFailure } from "./run";

const A1 = /^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/;

/** Activates the sheet and selects the cell (or range) at `address`, e.g. "C17". */
export async function selectCell(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  if (!A1.test(address.trim())) throw new ExcelFailure("not-found", `"${address}" is not a cell address.`);
  const sheet = context.workbook.worksheets.getItem(sheetName);
  // Excel selects only on the active sheet.
  sheet.activate();
  sheet.getRange(address.trim()).select();
  await context.sync();
}
