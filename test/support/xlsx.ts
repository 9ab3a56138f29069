/**
 * Building .xlsx files for tests with ExcelJS (TSV fixtures turned into workbooks, hand-made broken ones).
 */
import ExcelJS from "exceljs";

export async function xlsxFromRows(
  sheets: Array<{ name: string; rows: Array<Array<string | number | null>>; merges?: string[] }>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      const row = ws.getRow(i + 1);
      r.forEach((v, j) => {
        if (v !== null && v !== "") row.getCell(j + 1).value = v;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
