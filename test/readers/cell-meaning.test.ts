/**
 * One cell meaning for all three readers: the same stored cells — dates, numbers whose formats only look like
 * dates (`#,##0 \d`, `0_h`), times, errors, text, and a workbook in the 1904 date system — read through the direct
 * XML reader, the ExcelJS reader and the Office.js reader (against the in-memory host) give the same values.
 */
import ExcelJS from "exceljs";
import zlib from "zlib";
import { Cell } from "../../src/core/sheet/grid";
import { isDateFormat } from "../../src/core/sheet/cell-meaning";
import { readGrid } from "../../src/excel/grid-reader";
import { runInExcel } from "../../src/excel/run";
import { gridsFromXlsx } from "../../src/xlsx/grid-reader";
import { gridOfWorksheet } from "../../src/xlsx/read";
import { createHost, installOfficeGlobals } from "../excel-host";

/** Stored value and number format of each cell of row 1. */
const CELLS: Array<{ value: number | string | { error: string }; format?: string }> = [
  { value: 45962, format: "d/m/yyyy" }, // 1/11/2025 in the 1900 system
  { value: 45962.5, format: "dd/mm/yyyy hh:mm" },
  { value: 45962, format: "[$-42A]dd/mm/yyyy" },
  { value: 1234.5, format: "#,##0 \\d" }, // a literal d: a number
  { value: 7, format: "0_h" }, // a space as wide as h: a number
  { value: 0.25, format: "0%" },
  { value: 3 },
  { value: { error: "#N/A" } },
  { value: "Quý IV/2025", format: "@" },
];

async function workbookBytes(date1904: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (date1904) (wb.properties as { date1904?: boolean }).date1904 = true;
  const ws = wb.addWorksheet("Ô");
  CELLS.forEach((c, i) => {
    const cell = ws.getCell(1, i + 1);
    cell.value = c.value as ExcelJS.CellValue;
    if (c.format) cell.numFmt = c.format;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const viaXml = (bytes: Uint8Array): Cell[] => gridsFromXlsx(bytes, (b) => zlib.inflateRawSync(b))![0].cells[0];

async function viaExcelJs(bytes: Uint8Array): Promise<Cell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const date1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  return gridOfWorksheet(wb.worksheets[0], [], date1904).cells[0];
}

async function viaOfficeJs(date1904 = false): Promise<Cell[]> {
  const host = createHost();
  host.workbook.date1904 = date1904;
  const uninstall = installOfficeGlobals(host);
  try {
    const sheet = host.addSheet("Ô", [[]]);
    CELLS.forEach((c, i) => {
      const value = typeof c.value === "object" ? c.value.error : c.value;
      sheet.setCell(`${String.fromCharCode(65 + i)}1`, value, c.format ? { numberFormat: c.format } : undefined);
    });
    return (await runInExcel((context) => readGrid(context, { kind: "sheet" }))).cells[0];
  } finally {
    uninstall();
  }
}

/**
 * ExcelJS drops the backslash of a format it reads (`#,##0 \d` comes back as `#,##0 d`, a date), so the fallback
 * reader cannot tell that cell; the direct XML reader reads every plain workbook, ExcelJS only what it cannot.
 */
const EXCELJS_LOSES = 3;
const butExcelJsLoss = <T>(cells: T[]) => cells.filter((_, i) => i !== EXCELJS_LOSES);

/** What the engine takes from a cell: its value, date-ness and error (readers may differ in what else they keep). */
const meaning = (cells: Cell[]) => cells.map((c) => ({ value: c.value, isDate: c.isDate === true, error: c.error ?? null }));

test("formats that only look like dates are numbers; dates, times and locales are dates", () => {
  expect(["#,##0 \\d", "0_h", "0%", "General", "@", '0 "ngày"'].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
  expect(["d/m/yyyy", "dd/mm/yyyy hh:mm", "[$-42A]dd/mm/yyyy", "mmm-yy", "[h]:mm:ss"].map(isDateFormat)).toEqual([
    true,
    true,
    true,
    true,
    true,
  ]);
});

test("the XML reader, ExcelJS and Office.js read the same cells the same way", async () => {
  const bytes = await workbookBytes(false);
  const xml = meaning(viaXml(bytes));
  expect(xml.slice(0, 5)).toEqual([
    { value: "1/11/2025", isDate: true, error: null },
    { value: "1/11/2025", isDate: true, error: null },
    { value: "1/11/2025", isDate: true, error: null },
    { value: 1234.5, isDate: false, error: null },
    { value: 7, isDate: false, error: null },
  ]);
  expect(xml[7]).toEqual({ value: null, isDate: false, error: "#N/A" });
  expect(butExcelJsLoss(meaning(await viaExcelJs(bytes)))).toEqual(butExcelJsLoss(xml));
  expect(meaning(await viaOfficeJs())).toEqual(xml);
});

test("a 1904 workbook: the same serial is a date 1462 days later, through all three readers", async () => {
  const bytes = await workbookBytes(true);
  const xml = meaning(viaXml(bytes));
  expect(xml[0]).toEqual({ value: "2/11/2029", isDate: true, error: null });
  expect(xml[3]).toEqual({ value: 1234.5, isDate: false, error: null });
  expect(butExcelJsLoss(meaning(await viaExcelJs(bytes)))).toEqual(butExcelJsLoss(xml));
  // Excel gives only the serial; the add-in asks the workbook which system it counts in.
  expect(meaning(await viaOfficeJs(true))).toEqual(xml);
  expect(meaning(await viaOfficeJs(false))[0]).toEqual({ value: "1/11/2025", isDate: true, error: null });
});

/**
 * A cell typed after the check (the live re-check reads only the changed cells) means what the full read made of
 * it: in a 1904 workbook, the date the officer typed, not the date four years and a day later.
 */
test("the live re-check reads a changed date in the workbook's own date system", async () => {
  const { liveRecheck } = await import("../../src/excel/live-recheck");
  for (const date1904 of [false, true]) {
    const host = createHost();
    host.workbook.date1904 = date1904;
    const uninstall = installOfficeGlobals(host);
    try {
      const sheet = host.addSheet("Ô", [[]]);
      sheet.setCell("A1", 45962 - (date1904 ? 1462 : 0), { numberFormat: "d/m/yyyy" }); // 1/11/2025 in either system
      const full = await runInExcel((context) => readGrid(context, { kind: "sheet" }));
      expect(full.date1904 === true).toBe(date1904);
      let read: Cell[][] = [];
      await runInExcel((context) =>
        liveRecheck(context, {
          sheetName: "Ô",
          area: { top: 1, left: 1, bottom: 1, right: 1 },
          window: [],
          date1904: full.date1904 === true,
          recheck: (cells) => {
            read = cells;
            return null;
          },
        }),
      );
      expect(read[0][0]).toMatchObject({ value: "1/11/2025", isDate: true });
      expect(read[0][0].value).toBe(full.cells[0][0].value);
    } finally {
      uninstall();
    }
  }
});
