/**
 * Hearing that the checked sheet changed (Worksheet.onChanged, ExcelApi 1.7), so the pane can say its result is out
 * of date. Where the requirement set is missing the pane falls back to comparing on focus (see pane-commands.ts).
 */
import { excelApi } from "./capabilities";

/** What the pane needs of a change: where it happened (e.g. "A43" or "A43:C45"), how, and by whom. */
export interface SheetChange {
  address: string;
  source: "Local" | "Remote";
  /** Excel.DataChangeType: "RangeEdited" for typed or pasted values; rows, columns or cells inserted or deleted. */
  changeType: string;
  /** Excel says this add-in made the change (triggerSource "ThisLocalAddin", ExcelApi 1.14); false where it cannot say. */
  byThisAddin: boolean;
}

/** A registered listener; `stop` removes it (in a batch of its own, on the context it was added with). */
export interface SheetWatch {
  stop(): Promise<void>;
}

/** Worksheet.onChanged is in ExcelApi 1.7. */
export function canWatchSheets(): boolean {
  return excelApi("1.7");
}

/** Calls `onChange` after each change of a cell on `sheetName`, until the returned watch is stopped. */
export async function watchSheetChanges(
  context: Excel.RequestContext,
  sheetName: string,
  onChange: (change: SheetChange) => void,
): Promise<SheetWatch> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const registration = sheet.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
    onChange({
      address: event.address,
      source: event.source === "Remote" ? "Remote" : "Local",
      changeType: String(event.changeType ?? "Unknown"),
      byThisAddin: String(event.triggerSource) === "ThisLocalAddin",
    });
  });
  await context.sync();
  return {
    stop: () =>
      Excel.run(registration.context, async (ctx) => {
        registration.remove();
        await ctx.sync();
      }),
  };
}
