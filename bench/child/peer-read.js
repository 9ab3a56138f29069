"use strict";
/** `node peer-read.js exceljs|sheetjs FILE`: the peer library merely reading the workbook, as its own process. */
const [, , peer, file] = process.argv;
async function main() {
  if (peer === "exceljs") {
    const ExcelJS = require("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    let rows = 0;
    wb.eachSheet((ws) => (rows += ws.actualRowCount));
    process.stdout.write(`${JSON.stringify({ rows })}\n`);
  } else {
    const XLSX = require("xlsx");
    const wb = XLSX.readFile(file);
    const rows = wb.SheetNames.reduce((n, s) => n + XLSX.utils.sheet_to_json(wb.Sheets[s], { header: 1 }).length, 0);
    process.stdout.write(`${JSON.stringify({ rows })}\n`);
  }
}
main();
