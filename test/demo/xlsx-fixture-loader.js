/**
 * webpack loader for the demo build: reads an .xlsx fixture with ExcelJS at build time and turns it into a small
 * module — { sheets: [{ name, rows, merges }] } — that the in-memory Excel host can load (test/excel-host/demo.ts).
 * The demo page then carries the seed workbook without shipping ExcelJS to read it in the browser.
 *
 * Cell values become what ExcelHost.addSheet takes: text, numbers, booleans, "=formula", "#N/A"-style errors.
 * Dates become d/m/yyyy text, which is how the grid reader hands them to the engine anyway.
 */
const ExcelJS = require("exceljs");

function dateText(d) {
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

function fixtureValue(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateText(value);
  if (Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
  if (typeof value.formula === "string" || typeof value.sharedFormula === "string") {
    return typeof value.formula === "string" ? `=${value.formula}` : fixtureValue(value.result);
  }
  if (typeof value.error === "string") return value.error;
  if (typeof value.text === "string") return value.text;
  return String(value);
}

module.exports = function xlsxFixtureLoader(source) {
  const done = this.async();
  const workbook = new ExcelJS.Workbook();
  workbook.xlsx
    .load(source)
    .then(() => {
      const sheets = workbook.worksheets.map((ws) => {
        const rows = [];
        ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
          const line = [];
          row.eachCell({ includeEmpty: true }, (cell, col) => {
            // A merged area's value lives in its top-left cell only, as in Excel.
            line[col - 1] = cell.isMerged && cell.master !== cell ? null : fixtureValue(cell.value);
          });
          rows[rowNumber - 1] = Array.from(line, (v) => (v === undefined ? null : v));
        });
        return {
          name: ws.name,
          rows: Array.from(rows, (r) => r ?? []),
          merges: [...(ws.model.merges ?? [])],
        };
      });
      done(null, `module.exports = ${JSON.stringify({ sheets })};`);
    })
    .catch((error) => done(new Error(`Could not read ${this.resourcePath} as a workbook: ${error.message}`)));
};

module.exports.raw = true;
