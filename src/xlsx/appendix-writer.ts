/**
 * The appendix table laid out from a plan written as paragraphs, as an .xlsx officers can send: title lines merged
 * across the table, a header, section rows merged across the row, column widths, text wrapped, thin borders, the
 * header frozen and repeated on every printed page.
 */
import ExcelJS from "exceljs";
import { AppendixLayout } from "../core/kinds/paragraphs/appendix-layout";
import { appendixStyleAt } from "../core/kinds/paragraphs/appendix-style";
import { APPENDIX_STYLES, PRODUCT_MARK } from "../core/output/sheet-style";
import { applyStyle } from "./exceljs-style";

export function addAppendixSheet(wb: ExcelJS.Workbook, layout: AppendixLayout, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: layout.headerRow, xSplit: 0 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = `${layout.headerRow}:${layout.headerRow}`;
  ws.columns = layout.widths.map((width) => ({ width }));
  layout.rows.forEach((cells, ri) => {
    const row = ws.getRow(ri + 1);
    cells.forEach((value, ci) => {
      const cell = row.getCell(ci + 1);
      // Text stays text: a task starting with "-" or "=" is never a formula.
      cell.value = value === "" ? null : value;
      const style = appendixStyleAt(layout, ri + 1, ci + 1);
      if (style) applyStyle(cell, APPENDIX_STYLES[style]);
    });
  });
  for (const m of layout.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  return ws;
}

export async function appendixWorkbookBytes(layout: AppendixLayout, name: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = PRODUCT_MARK;
  wb.created = new Date();
  addAppendixSheet(wb, layout, name);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
