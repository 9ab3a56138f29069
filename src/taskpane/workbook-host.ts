/**
 * What the pane's views ask of "the workbook", independent of where it is: inside Excel (select the cell, write the
 * sheets into the open workbook) or in the standalone checker page without Excel (show the row in a read-only grid,
 * hand the sheets over as a downloaded .xlsx). The views call these two; each place supplies its own.
 */
import type { SheetModel } from "../core/output/sheet-model";
import { runInExcel } from "../excel/run";
import { selectCell } from "../excel/selection";
import { writeSheetModels } from "../excel/sheet-writer";

export interface WorkbookHost {
  /** Takes the user to a cell of a checked sheet ("C17"). */
  showCell(sheet: string, address: string): Promise<void>;
  /**
   * Delivers sheets the product made (summaries, the consolidated table); `fileName` names them where they leave as a
   * file. Resolves with the names the sheets got.
   */
  writeSheets(models: readonly SheetModel[], fileName: string, onRetry?: (attempt: number) => void): Promise<string[]>;
}

/** Excel: select the cell on its sheet; write the sheets into the open workbook (replacing only our own). */
export const excelWorkbookHost: WorkbookHost = {
  showCell: (sheet, address) => runInExcel((context) => selectCell(context, sheet, address)),
  writeSheets: async (models, _fileName, onRetry) =>
    (await runInExcel((context) => writeSheetModels(context, [...models]), { onRetry })).written,
};
