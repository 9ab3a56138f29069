/**
 * Reading tables out of Excel (src/excel/grid-reader.ts) against the in-memory host: the same grid as the xlsx
 * reader gives for the same table, every kind of cell, every scope, and the round trips it costs.
 */
import * as fs from "fs";
import { generateTable, loadVocabulary } from "../../bench/vocabulary";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { Grid, MergeArea } from "../../src/core/sheet/grid";
import { capabilities, missingCapabilities } from "../../src/excel/capabilities";
import { listTables, readGrid, ReadScope } from "../../src/excel/grid-reader";
import { ExcelFailure, runInExcel } from "../../src/excel/run";
import { readWorkbook } from "../../src/xlsx/read";
import { createHost, ExcelHost, HostOptions, installOfficeGlobals } from "../excel-host";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { addGridSheet, withMergedSections } from "./grid-in-host";

let uninstall: (() => void) | null = null;

function useHost(options?: HostOptions): ExcelHost {
  const host = createHost(options);
  uninstall = installOfficeGlobals(host);
  return host;
}

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const read = (scope: ReadScope, payloadBudget?: number) => runInExcel((context) => readGrid(context, scope, { payloadBudget }));

const byPosition = (a: MergeArea, b: MergeArea) => a.top - b.top || a.left - b.left;

async function seedGrid(): Promise<Grid> {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  return wb.sheets[0];
}

describe("the seed appendix read through Excel", () => {
  test("checks exactly as the xlsx path: 8 sections, 25 tasks, missing-stt at A43, in two round trips", async () => {
    const fromXlsx = await seedGrid();
    const host = useHost();
    addGridSheet(host, fromXlsx);
    host.resetSyncCount();
    const grid = await read({ kind: "sheet" });
    expect(host.syncCount).toBe(2);
    expect(grid.sheetName).toBe("Phụ lục");
    expect([...grid.merges].sort(byPosition)).toEqual([...fromXlsx.merges].sort(byPosition));

    const viaExcel = checkSheet(grid);
    const viaXlsx = checkSheet(fromXlsx);
    expect(viaExcel.counts).toEqual(viaXlsx.counts);
    expect(viaExcel.counts).toMatchObject({ sections: 8, tasks: 25, errors: 1 });
    expect(viaExcel.issues).toEqual(viaXlsx.issues);
    expect(viaExcel.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ code: "missing-stt", cell: "A43", row: 43 }),
    ]);
    expect(viaExcel.tasks.map((t) => t.row.fields)).toEqual(viaXlsx.tasks.map((t) => t.row.fields));
  });

  test("a table that starts below and right of A1 keeps its sheet coordinates", async () => {
    const fromXlsx = await seedGrid();
    const host = useHost();
    addGridSheet(host, {
      ...fromXlsx,
      originRow: 4,
      originCol: 3,
      merges: fromXlsx.merges.map((m) => ({ top: m.top + 3, left: m.left + 2, bottom: m.bottom + 3, right: m.right + 2 })),
    });
    const grid = await read({ kind: "sheet" });
    expect([grid.originRow, grid.originCol]).toEqual([4, 3]);
    const check = checkSheet(grid);
    expect(check.counts).toMatchObject({ sections: 8, tasks: 25 });
    expect(check.issues.find((i) => i.code === "missing-stt")).toMatchObject({ cell: "C46", row: 46 });
  });
});

describe("cells as the engine reads them", () => {
  test("formulas, error values, dates, booleans, formats, and text that only looks like a formula", async () => {
    const host = useHost();
    const s = host.addSheet("S", [
      ["STT", "=1+1", "=1/0", "#N/A", true],
      [5, 6, "=SUM(A2:B2)", null, "Quý IV/2022"],
    ]);
    s.setCell("A3", 44927, { numberFormat: "dd/mm/yyyy" });
    s.setCell("B3", 0.25, { numberFormat: "0.0%" });
    s.setCell("C3", 45000.75, { numberFormat: '[$-vi-VN]d "tháng" m yyyy h:mm' });
    s.setCell("D3", 12, { numberFormat: '0 "ngày"' });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("E3").values = [["'=SUM(A1)"]];
    });
    const grid = await read({ kind: "sheet" });
    expect(grid.cells).toEqual([
      [
        { value: "STT" },
        { value: 2, formula: "1+1" },
        { value: null, error: "#DIV/0!", formula: "1/0" },
        { value: null, error: "#N/A" },
        { value: true },
      ],
      [{ value: 5 }, { value: 6 }, { value: 11, formula: "SUM(A2:B2)" }, { value: null }, { value: "Quý IV/2022" }],
      [
        { value: "1/1/2023", isDate: true, numberFormat: "dd/mm/yyyy" },
        { value: 0.25, numberFormat: "0.0%" },
        { value: "15/3/2023", isDate: true, numberFormat: '[$-vi-VN]d "tháng" m yyyy h:mm' },
        { value: 12, numberFormat: '0 "ngày"' },
        { value: "=SUM(A1)" },
      ],
    ]);
  });

  test("trailing empty cells are left off and empty rows stay as rows", async () => {
    const host = useHost();
    host.addSheet("S", [["a", null, "c"], [null], [null, "b"]]);
    const grid = await read({ kind: "sheet" });
    expect(grid.cells).toEqual([[{ value: "a" }, { value: null }, { value: "c" }], [], [{ value: null }, { value: "b" }]]);
  });
});

describe("scopes", () => {
  const rows = [
    ["Bảng", null, null],
    ["STT", "Nội dung", "Chủ trì"],
    [1, "Việc một", "Sở Ngoại vụ"],
    [2, "Việc hai", "Sở Nội vụ"],
  ];

  test("the selection, cut to the used range when whole columns are selected", async () => {
    const host = useHost();
    host.addSheet("S", rows);
    host.selection = "S!B2:C3";
    const part = await read({ kind: "selection" });
    expect([part.sheetName, part.originRow, part.originCol]).toEqual(["S", 2, 2]);
    expect(part.cells.map((r) => r.map((c) => c.value))).toEqual([
      ["Nội dung", "Chủ trì"],
      ["Việc một", "Sở Ngoại vụ"],
    ]);
    host.selection = "S!B:C";
    const columns = await read({ kind: "selection" });
    expect([columns.originRow, columns.originCol, columns.cells.length]).toEqual([1, 2, 4]);
  });

  test("a named Excel table, and the list of tables for the picker", async () => {
    const host = useHost();
    host.addSheet("Khác", [["x"]]);
    host.addSheet("Phụ lục", rows);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Phụ lục").tables.add("A2:C4", true).name = "NhiemVu";
    });
    host.activeSheet = "Khác";
    const grid = await read({ kind: "table", name: "NhiemVu" });
    expect([grid.sheetName, grid.originRow, grid.originCol, grid.cells.length]).toEqual(["Phụ lục", 2, 1, 3]);
    expect(grid.cells[2][1].value).toBe("Việc hai");
    expect(await runInExcel((context) => listTables(context))).toEqual([{ name: "NhiemVu", sheet: "Phụ lục", address: "A2:C4" }]);
  });

  test("a table that is not there is a not-found failure; an empty sheet an empty grid", async () => {
    const host = useHost();
    host.addSheet("Trống");
    const error = await read({ kind: "table", name: "Missing" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelFailure);
    expect((error as ExcelFailure).kind).toBe("not-found");
    expect(await read({ kind: "sheet" })).toEqual({ sheetName: "Trống", originRow: 1, originCol: 1, cells: [], merges: [] });
    expect(await runInExcel((context) => listTables(context))).toEqual([]);
  });
});

describe("merged cells", () => {
  test("more merged areas than Excel reports at once are read in row blocks, with the cells, in two round trips", async () => {
    const host = useHost();
    const rows = Array.from({ length: 1400 }, (_, i) => [`mục ${i + 1}`, null, null]);
    const merges = Array.from({ length: 700 }, (_, i) => `A${i * 2 + 1}:C${i * 2 + 1}`);
    host.addSheet("S", rows, { merges });
    host.resetSyncCount();
    const grid = await read({ kind: "sheet" });
    expect(grid.merges).toHaveLength(700);
    expect([...grid.merges].sort(byPosition)[699]).toEqual({ top: 1399, left: 1, bottom: 1399, right: 3 });
    expect(host.syncCount).toBe(2);
  });

  test("without ExcelApi 1.13 the table is read without merges, and capabilities say so", async () => {
    const host = useHost({ requirementSets: { ExcelApi: "1.12" } });
    host.addSheet(
      "S",
      [
        ["a", null],
        ["b", "c"],
      ],
      { merges: ["A1:B1"] },
    );
    const grid = await read({ kind: "sheet" });
    expect(grid.merges).toEqual([]);
    expect(grid.cells[1][1].value).toBe("c");
    expect(capabilities()).toMatchObject({ mergedAreas: false, rangeAreas: true, hyperlinks: true });
    expect(missingCapabilities(capabilities(), "en")).toEqual([expect.stringContaining("merged cells")]);
    expect(missingCapabilities(capabilities(), "vi")).toEqual([expect.stringContaining("ô gộp")]);
  });
});

describe("20,000 rows", () => {
  const generated = generateTable(20_000, loadVocabulary(), 7);

  test("are read in at most three round trips and check as the generated grid does", async () => {
    const host = useHost();
    addGridSheet(host, generated);
    host.resetSyncCount();
    const grid = await read({ kind: "sheet" });
    expect(host.syncCount).toBeLessThanOrEqual(3);
    expect(grid.cells).toHaveLength(generated.cells.length);
    const check = checkSheet(grid);
    expect(check.counts.tasks).toBe(20_000);
    expect(check.counts).toEqual(checkSheet(generated).counts);
  });

  test("on the web with a small payload limit, the cells come in chunks and the grid is the same", async () => {
    const desktop = useHost();
    addGridSheet(desktop, generated);
    const whole = await read({ kind: "sheet" });
    uninstall?.();

    const web = useHost({ platform: "web", payloadLimitBytes: 400_000 });
    addGridSheet(web, generated);
    web.resetSyncCount();
    const chunked = await read({ kind: "sheet" }, 300_000);
    expect(chunked).toEqual(whole);
    expect(web.syncCount).toBeGreaterThan(3);
    expect(Math.max(...web.requestBytes)).toBeLessThanOrEqual(400_000);
  });

  test("a chunk Excel still finds too large is read again in halves", async () => {
    const web = useHost({ platform: "web", payloadLimitBytes: 400_000 });
    addGridSheet(web, generated);
    // The default budget (4 MB) is far above this host's limit: every first try is refused and cut.
    const chunked = await read({ kind: "sheet" });
    expect(chunked.cells).toHaveLength(generated.cells.length);
    expect(chunked.cells[20_400][1].value).toBe(generated.cells[20_400][1].value);
  });
});

describe("100,000 rows of Vietnamese task text", () => {
  const generated = withMergedSections(generateTable(100_000, loadVocabulary(), 3));
  let desktopGrid: Grid;

  /** The table in a host, with a date column and one formula, as a real appendix may have. */
  function tableHost(options: HostOptions): ExcelHost {
    const host = useHost(options);
    const sheet = addGridSheet(host, generated);
    sheet.setCell("F5", 45000, { numberFormat: "dd/mm/yyyy" });
    sheet.setCell("F90000", 45100, { numberFormat: "dd/mm/yyyy" });
    sheet.setCell("G90001", "=F90000+1");
    host.resetSyncCount();
    return host;
  }

  test("are read in two round trips on the desktop", async () => {
    const host = tableHost({});
    desktopGrid = await read({ kind: "sheet" });
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect(desktopGrid.cells).toHaveLength(generated.cells.length);
    expect([...desktopGrid.merges].sort(byPosition)).toEqual(generated.merges);
    expect(desktopGrid.cells[4][5]).toEqual({ value: "15/3/2023", isDate: true, numberFormat: "dd/mm/yyyy" });
    expect(desktopGrid.cells[89999][5]).toEqual({ value: "23/6/2023", isDate: true, numberFormat: "dd/mm/yyyy" });
    expect(desktopGrid.cells[90000][6]).toEqual({ value: 45101, formula: "F90000+1" });
    expect(desktopGrid.cells[90000][0]).toEqual(generated.cells[90000][0]);
    const check = checkSheet(desktopGrid);
    expect(check.counts.tasks).toBe(100_000);
    expect(check.counts.sections).toBe(4000);
  }, 300_000);

  test("in at most eight on the web, every request and answer under the 5 MB limit in UTF-8 bytes, to the same grid", async () => {
    const host = tableHost({ platform: "web" });
    const grid = await read({ kind: "sheet" });
    expect(host.syncCount).toBeLessThanOrEqual(8);
    expect(Math.max(...host.requestBytes)).toBeLessThanOrEqual(host.payloadLimitBytes);
    expect(Math.max(...host.responseBytes)).toBeLessThanOrEqual(host.payloadLimitBytes);
    // The values alone are 35 MB of UTF-8: the answers carry them near the limit, not at a fraction of it.
    expect(host.responseBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(30_000_000);
    expect(grid).toEqual(desktopGrid);
  }, 300_000);
});

describe("what is read", () => {
  const generated = generateTable(5_000, loadVocabulary(), 5);

  test("without getSpecialCells (ExcelApi 1.8) every property is read, to the same grid", async () => {
    const rows = [
      ["STT", "=1+1", "=1/0", "#N/A", true],
      [5, 6, "=SUM(A2:B2)", null, "Quý IV/2022"],
    ];
    const fast = useHost();
    fast.addSheet("S", rows).setCell("A3", 44927, { numberFormat: "dd/mm/yyyy" });
    const withKinds = await read({ kind: "sheet" });
    uninstall?.();
    const old = useHost({ requirementSets: { ExcelApi: "1.8" } });
    old.addSheet("S", rows).setCell("A3", 44927, { numberFormat: "dd/mm/yyyy" });
    expect(await read({ kind: "sheet" })).toEqual(withKinds);
    expect(withKinds.cells[2][0]).toMatchObject({ isDate: true });
  });

  test("a column used in one row only is read in that row's chunk, not in every chunk", async () => {
    const plain = useHost({ platform: "web" });
    addGridSheet(plain, generated);
    plain.resetSyncCount();
    await read({ kind: "sheet" }, 300_000);
    const plainBytes = plain.responseBytes.reduce((a, b) => a + b, 0);
    uninstall?.();

    const noted = useHost({ platform: "web" });
    addGridSheet(noted, generated).setCell("Z2", "Ghi chú: bảng do Sở Ngoại vụ lập");
    noted.resetSyncCount();
    const grid = await read({ kind: "sheet" }, 300_000);
    expect(grid.cells[1][25]).toEqual({ value: "Ghi chú: bảng do Sở Ngoại vụ lập" });
    expect(grid.cells[4000].length).toBeLessThanOrEqual(5);
    // Reading A:Z on every row would add 21 empty cells (3 bytes each) to each of 5,000 rows: 315,000 bytes.
    expect(noted.responseBytes.reduce((a, b) => a + b, 0)).toBeLessThan(plainBytes + 150_000);
  });
});
