/**
 * Writing sheet models with ExcelJS (the command line's writer; the add-in renders the same models with Office.js).
 */
import ExcelJS from "exceljs";
import { CellLink, SheetModel, STYLE_BOLD, STYLE_FILL, STYLE_NUMBER_FORMAT } from "../core/output/sheet-model";

/** The property the product writes into files it made, so a later run knows which sheets are its own. */
export const PRODUCT_MARK = "appendix-checker";

export function linkTarget(link: CellLink): string {
  const ref = `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
  return link.file ? `${encodeURI(link.file)}#${ref}` : `#${ref}`;
}

export function addSheetModel(wb: ExcelJS.Workbook, model: SheetModel): ExcelJS.Worksheet {
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
      if (cell.link && typeof v === "string") {
        target.value = { text: v, hyperlink: linkTarget(cell.link) };
        target.font = { color: { argb: "FF0563C1" }, underline: true };
      } else {
        // A string is stored as a shared string: "=SUM(A1)" from a source stays text, never a formula.
        target.value = v === null ? null : v;
      }
      const style = cell.style;
      if (!style) return;
      const fmt = STYLE_NUMBER_FORMAT[style];
      if (fmt) target.numFmt = fmt;
      const fill = STYLE_FILL[style];
      if (fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill}` } };
      if (STYLE_BOLD.has(style)) target.font = { bold: true, size: style === "title" ? 13 : 11 };
      if (style === "header") target.alignment = { wrapText: true, vertical: "middle" };
      if (style === "subtitle") target.font = { italic: true, color: { argb: "FF595959" } };
    });
  });
  const widest = model.rows.reduce((w, r) => Math.max(w, r.length), model.columnWidths.length);
  if (model.autoFilter && model.rows.length > model.headerRow) {
    ws.autoFilter = { from: { row: model.headerRow, column: 1 }, to: { row: model.rows.length, column: widest } };
  }
  return ws;
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
