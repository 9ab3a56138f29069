/**
 * Writing sheet models with ExcelJS, for the files the pane and the checker page save (the command line writes the
 * same models with sheet-writer.ts, the add-in into the open workbook with Office.js).
 */
import ExcelJS from "exceljs";
import { ListValidation, SheetModel, validationList } from "../core/output/sheet-model";
import { cellLook, linkTarget, PRODUCT_MARK } from "../core/output/sheet-style";
import { applyStyle } from "./exceljs-style";

function addSheetModel(wb: ExcelJS.Workbook, model: SheetModel): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(model.name, {
    views: [{ state: "frozen", ySplit: model.headerRow, xSplit: 0 }],
  });
  ws.columns = model.columnWidths.map((width) => ({ width }));
  model.rows.forEach((cells, ri) => {
    const row = ws.getRow(ri + 1);
    cells.forEach((cell, ci) => {
      if (!cell) return;
      const target = row.getCell(ci + 1);
      const v = cell.value;
      const linked = cell.link !== undefined && typeof v === "string";
      // A string is stored as a shared string: "=SUM(A1)" from a source stays text, never a formula.
      target.value = linked ? { text: v, hyperlink: linkTarget(cell.link!) } : v === null ? null : v;
      if (cell.style || linked) applyStyle(target, cellLook(cell.style, linked));
    });
  });
  const widest = model.rows.reduce((w, r) => Math.max(w, r.length), model.columnWidths.length);
  if (model.autoFilter && model.rows.length > model.headerRow) {
    ws.autoFilter = { from: { row: model.headerRow, column: 1 }, to: { row: model.rows.length, column: widest } };
  }
  for (const v of model.validations ?? []) addListValidation(ws, v);
  return ws;
}

/** A drop-down list on a column, as the XML writer writes it (see validationXml there). */
function addListValidation(ws: ExcelJS.Worksheet, v: ListValidation): void {
  const list = validationList(v);
  if (list === null) return;
  for (let r = v.firstRow; r <= v.lastRow; r++) {
    ws.getCell(r, v.col).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt.slice(0, 255) } : {}),
    };
  }
}

/** A workbook holding the given sheets, marked as made by the product. */
export function workbookOf(models: readonly SheetModel[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = PRODUCT_MARK;
  wb.company = PRODUCT_MARK;
  wb.created = new Date();
  for (const m of models) addSheetModel(wb, m);
  return wb;
}

export async function workbookBytes(models: readonly SheetModel[]): Promise<Uint8Array> {
  const buf = await workbookOf(models).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
