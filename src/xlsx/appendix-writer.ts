/**
 * The appendix table laid out from a plan written as paragraphs, as an .xlsx officers can send: title lines merged
 * across the table, a header, section rows merged across the row, column widths, text wrapped, thin borders, the
 * header frozen and repeated on every printed page.
 */
import ExcelJS from "exceljs";
import { AppendixLayout } from "../core/kinds/paragraphs/appendix-layout";
import { PRODUCT_MARK } from "./write";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export function addAppendixSheet(wb: ExcelJS.Workbook, layout: AppendixLayout, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: layout.headerRow, xSplit: 0 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = `${layout.headerRow}:${layout.headerRow}`;
  ws.columns = layout.widths.map((width) => ({ width }));
  const sections = new Set(layout.sectionRows);
  const titles = new Set(layout.titleRows);
  layout.rows.forEach((cells, ri) => {
    const r = ri + 1;
    const row = ws.getRow(r);
    cells.forEach((value, ci) => {
      const cell = row.getCell(ci + 1);
      // Text stays text: a task starting with "-" or "=" is never a formula.
      cell.value = value === "" ? null : value;
      if (titles.has(r)) {
        cell.font = { bold: true, size: r === 1 ? 13 : 12, italic: value.startsWith("(") };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        return;
      }
      if (r < layout.headerRow) return;
      cell.border = THIN;
      if (r === layout.headerRow) {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        return;
      }
      cell.alignment = { vertical: "top", wrapText: true, horizontal: ci === 0 ? "center" : "left" };
      if (sections.has(r)) {
        cell.font = { bold: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
      }
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
