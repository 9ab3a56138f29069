/**
 * Writing summary sheets into Excel (src/excel/sheet-writer.ts) against the in-memory host: the same sheets as the
 * ExcelJS writer makes of the same models, replacing only the add-in's own sheets, text kept as text, and the round
 * trips it costs.
 */
import * as fs from "fs";
import ExcelJS from "exceljs";
import { generateTable, loadVocabulary } from "../../bench/vocabulary";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { cellAddress, columnLetter, Grid, rangeAddress } from "../../src/core/sheet/grid";
import { modelValues, modelWidth, SheetModel } from "../../src/core/output/sheet-model";
import { summarySheets } from "../../src/core/output/summaries";
import { readGrid } from "../../src/excel/grid-reader";
import { runInExcel } from "../../src/excel/run";
import { widthInPoints } from "../../src/excel/sheet-formats";
import { writeSheetModels } from "../../src/excel/sheet-writer";
import { SETTING_KEYS } from "../../src/excel/workbook-settings";
import { readWorkbook } from "../../src/xlsx/read";
import { workbookOf } from "../../src/xlsx/write";
import { ExcelHost } from "../excel-host";
import { hostPerTest } from "../support/host-per-test";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { addGridSheet } from "./grid-in-host";

const useHost = hostPerTest();

const write = (models: SheetModel[], payloadBudget?: number) =>
  runInExcel((context) => writeSheetModels(context, models, { payloadBudget }));

let seed: Grid;
beforeAll(async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  seed = wb.sheets[0];
});

const seedModels = (lang: "vi" | "en" = "vi") => summarySheets([{ check: checkSheet(seed) }], lang);

/** The ExcelJS writer's cell as the host shows cells: value, number format, fill, font, link. */
function exceljsView(cell: ExcelJS.Cell) {
  const v = cell.value as unknown;
  const link = v && typeof v === "object" && "hyperlink" in v ? (v as { text: string; hyperlink: string }) : null;
  const fill = cell.fill && cell.fill.type === "pattern" ? (cell.fill.fgColor?.argb ?? "").slice(2) : "";
  return {
    value: link ? link.text : v === null || v === undefined ? "" : v,
    numberFormat: cell.numFmt || "General",
    fill: fill ? `#${fill}` : null,
    bold: cell.font?.bold ?? false,
    italic: cell.font?.italic ?? false,
    wrapText: cell.alignment?.wrapText ?? false,
    link: link ? link.hyperlink.replace(/^#/, "") : null,
  };
}

function hostView(host: ExcelHost, sheet: string, address: string) {
  const c = host.sheet(sheet).cell(address);
  return {
    value: c.value,
    numberFormat: c.numberFormat,
    fill: c.fill,
    bold: c.bold,
    italic: c.italic,
    wrapText: c.wrapText,
    link: c.hyperlink ? (c.hyperlink.documentReference ?? c.hyperlink.address ?? null) : null,
  };
}

describe("the seed's summary sheets", () => {
  test("are written as the ExcelJS writer writes them: values, formats, links, frozen header, filter, widths", async () => {
    const host = useHost();
    addGridSheet(host, seed);
    const models = seedModels();
    host.resetSyncCount();
    const { written } = await write(models);
    expect(host.syncCount).toBe(2);
    expect(written).toEqual(models.map((m) => m.name));
    expect(host.sheetNames()).toEqual(["Phụ lục", ...written]);

    const book = workbookOf(models);
    for (const model of models) {
      const ws = book.getWorksheet(model.name)!;
      const s = host.sheet(model.name);
      expect(s.values(rangeAddress(1, 1, model.rows.length, modelWidth(model)))).toEqual(modelValues(model));
      model.rows.forEach((r, ri) =>
        r.forEach((_, ci) => {
          const address = cellAddress(ri + 1, ci + 1);
          expect({ address, ...hostView(host, model.name, address) }).toEqual({ address, ...exceljsView(ws.getCell(address)) });
        }),
      );
      expect(s.frozen).toEqual({ rows: (ws.views[0] as { ySplit?: number }).ySplit, columns: 0 });
      const filter = ws.autoFilter as { from: { row: number; column: number }; to: { row: number; column: number } } | undefined;
      expect(s.autoFilter).toBe(filter ? rangeAddress(filter.from.row, filter.from.column, filter.to.row, filter.to.column) : null);
      model.columnWidths.forEach((w, i) => expect(s.columnWidth(columnLetter(i + 1))).toBe(widthInPoints(w)));
    }
    const issues = host.sheet("Danh sách lỗi");
    const a43 = `C${issues.values().findIndex((r) => r[2] === "A43") + 1}`;
    expect(issues.cell(a43).hyperlink).toEqual({ documentReference: "'Phụ lục'!A43" });
    expect(issues.cell(a43).fontColor).toBe("#0563C1");
    expect(host.sheet("Tổng hợp cơ quan").charts).toEqual([
      expect.objectContaining({ type: "BarClustered", title: "Tổng hợp nhiệm vụ theo cơ quan", seriesBy: "Columns" }),
    ]);
    expect(host.settings.get(SETTING_KEYS.ownedSheets)).toEqual(written);
  });

  test("writing twice replaces the add-in's sheets and leaves the user's own “Danh sách lỗi” alone", async () => {
    const host = useHost();
    addGridSheet(host, seed);
    host.addSheet("Danh sách lỗi", [["Ghi chú của tôi", 42]]).format("A1", { fill: "#00B050" });
    const first = await write(seedModels());
    expect(first.written).toContain("Danh sách lỗi (2)");
    expect(host.sheet("Danh sách lỗi").values()).toEqual([["Ghi chú của tôi", 42]]);

    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Tổng hợp cơ quan").getRange("H1").values = [["stale"]];
    });
    host.resetSyncCount();
    const second = await write(seedModels());
    expect(host.syncCount).toBeLessThanOrEqual(3);
    expect(second.written).toEqual(first.written);
    expect(host.sheetNames()).toHaveLength(2 + first.written.length);
    expect(host.sheet("Tổng hợp cơ quan").cell("H1").value).toBe("");
    expect(host.sheet("Danh sách lỗi").values()).toEqual([["Ghi chú của tôi", 42]]);
    expect(host.sheet("Danh sách lỗi").cell("A1").fill).toBe("#00B050");
    expect(host.settings.get(SETTING_KEYS.ownedSheets)).toEqual(second.written);
  });

  test("a sheet the user made under the name of a deleted one of ours is not replaced", async () => {
    const host = useHost();
    addGridSheet(host, seed);
    await write(seedModels());
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Tổng hợp cơ quan").delete();
      context.workbook.worksheets.add("Tổng hợp cơ quan").getRange("A1").values = [["của người dùng"]];
    });
    const again = await write(seedModels());
    expect(again.written[0]).toBe("Tổng hợp cơ quan (2)");
    expect(host.sheet("Tổng hợp cơ quan").values()).toEqual([["của người dùng"]]);
  });

  test("without worksheet custom properties (ExcelApi 1.11) the record of names decides", async () => {
    const host = useHost({ requirementSets: { ExcelApi: "1.11" } });
    addGridSheet(host, seed);
    host.addSheet("Issues", [["mine"]]);
    const first = await write(seedModels("en"));
    expect(first.written).toEqual(["Agency summary", "Issues (2)", "Timeframes", "Sections"]);
    const second = await write(seedModels("en"));
    expect(second.written).toEqual(first.written);
    expect(host.sheetNames()).toEqual(["Phụ lục", "Issues", ...first.written]);
    expect(host.sheet("Issues").values()).toEqual([["mine"]]);
  });

  test("switching language replaces the Vietnamese sheets by the English ones", async () => {
    const host = useHost();
    addGridSheet(host, seed);
    await write(seedModels("vi"));
    const en = await write(seedModels("en"));
    expect(host.sheetNames()).toEqual(["Phụ lục", ...en.written]);
  });

  test("a workbook holding only the add-in's sheets can be rewritten (Excel keeps one visible sheet)", async () => {
    const host = useHost();
    addGridSheet(host, seed);
    const first = await write(seedModels());
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Phụ lục").delete();
    });
    const second = await write(seedModels());
    expect(host.sheetNames()).toEqual(second.written);
    expect(second.written).toEqual(first.written);
  });

  test("with ExcelApi 1.8 (no RangeAreas, no setCellProperties) the sheets look the same", async () => {
    const host = useHost({ requirementSets: { ExcelApi: "1.8" } });
    addGridSheet(host, seed);
    const models = seedModels();
    await write(models);
    const issues = host.sheet("Danh sách lỗi");
    expect(issues.cell("A3").fill).toBe("#DDEBF7");
    expect(issues.cell("A3").bold).toBe(true);
    const a43 = `C${issues.values().findIndex((r) => r[2] === "A43") + 1}`;
    expect(issues.cell(a43).hyperlink).toEqual({ documentReference: "'Phụ lục'!A43" });
    expect(host.sheet("Tổng hợp cơ quan").cell("F4").numberFormat).toBe("0.0%");
    expect(issues.autoFilter).toBeNull(); // AutoFilter needs ExcelApi 1.9
    expect(issues.frozen).toEqual({ rows: 3, columns: 0 });
  });
});

describe("text stays text", () => {
  const risky = [
    "=1+1",
    "=SUM(A1:A3)",
    "-Sở Nội vụ",
    "+84 256",
    "@Sở Tài chính",
    "01",
    "TRUE",
    "#N/A",
    "12/2022",
    "'trích dẫn",
    "15-Feb",
    "1,234",
  ];
  const model: SheetModel = {
    kind: "issues",
    name: "Issues",
    rows: [[{ value: "value", style: "header" }], ...risky.map((value) => [{ value }]), [{ value: 7, style: "integer" }]],
    columnWidths: [20],
    headerRow: 1,
    autoFilter: false,
  };

  test("strings that Excel would read as formulas, numbers, dates, booleans or errors are stored as written", async () => {
    const host = useHost();
    host.addSheet("Phụ lục");
    await write([model]);
    const s = host.sheet("Issues");
    risky.forEach((value, i) => {
      const c = s.cell(`A${i + 2}`);
      expect({ value: c.value, formula: c.formula, type: c.valueType }).toEqual({ value, formula: null, type: "String" });
    });
    expect(s.cell(`A${risky.length + 2}`).value).toBe(7);
    host.activeSheet = "Issues";
    const back = await runInExcel((context) => readGrid(context, { kind: "sheet" }));
    expect(back.cells.slice(1, -1).map((r) => r[0])).toEqual(risky.map((value) => ({ value })));
  });
});

describe("20,000 rows", () => {
  const generated = generateTable(20_000, loadVocabulary(), 11);
  const models = summarySheets([{ check: checkSheet(generated) }], "vi");

  test("all summary sheets are written in at most three round trips", async () => {
    const host = useHost();
    addGridSheet(host, generated);
    host.resetSyncCount();
    await write(models);
    expect(host.syncCount).toBeLessThanOrEqual(3);
    const issues = models.find((m) => m.kind === "issues")!;
    expect(issues.rows.length).toBeGreaterThan(1000);
    expect(host.sheet(issues.name).usedAddress(true)).toBe(rangeAddress(1, 1, issues.rows.length, modelWidth(issues)));
  });

  test("on the web with a small payload limit every request fits and the sheets are the same", async () => {
    const desktop = useHost();
    addGridSheet(desktop, generated);
    await write(models);

    const web = useHost({ platform: "web", payloadLimitBytes: 300_000 });
    addGridSheet(web, generated);
    web.resetSyncCount();
    await write(models, 250_000);
    expect(web.syncCount).toBeGreaterThan(3);
    expect(Math.max(...web.requestBytes)).toBeLessThanOrEqual(300_000);
    for (const m of models) {
      expect(web.sheet(m.name).values()).toEqual(desktop.sheet(m.name).values());
      const last = cellAddress(m.rows.length, 4);
      expect(web.sheet(m.name).cell(last)).toEqual(desktop.sheet(m.name).cell(last));
    }
  });

  test("without a budget, a request Excel refuses for its size is sent again in smaller parts", async () => {
    const web = useHost({ platform: "web", payloadLimitBytes: 300_000 });
    addGridSheet(web, generated);
    await write(models);
    const issues = models.find((m) => m.kind === "issues")!;
    expect(web.sheet(issues.name).values()).toEqual(modelValues(issues));
  });
});
