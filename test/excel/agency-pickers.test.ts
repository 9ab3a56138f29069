/**
 * "Gắn danh sách chọn" (src/excel/agency-pickers.ts) on the seed appendix in the in-memory host: the directory's names
 * on a hidden sheet of ours, list validation on the lead column C6:C43 (the section rows merged across it left out,
 * as Excel refuses validation on part of a merged cell), a warning alert, the round trips it costs, and a second run
 * that rewrites the list rather than adding one.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { AGENCY_LIST_MARK, canonicalAgencyNames, pickerTarget } from "../../src/core/agencies/pickers";
import { checkWorkbook } from "../../src/core/workbook";
import { Grid } from "../../src/core/sheet/grid";
import { writeAgencyPickers } from "../../src/excel/agency-pickers";
import { runInExcel } from "../../src/excel/run";
import { OWNED_MARK } from "../../src/excel/sheet-ownership";
import { SETTING_KEYS } from "../../src/excel/workbook-settings";
import { NATIVE_READ } from "../../src/xlsx/native-zlib";
import { readWorkbook } from "../../src/xlsx/read";
import { createHost, ExcelHost, HostOptions, installOfficeGlobals } from "../excel-host";
import { addGridSheet } from "./grid-in-host";

const SEED = path.join(__dirname, "..", "fixtures", "seed-001-appendix.xlsx");

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

async function seedGrid(): Promise<Grid> {
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(SEED)), NATIVE_READ);
  if (!read.ok) throw new Error(read.message);
  return read.sheets[0];
}

async function seedHost(options?: HostOptions): Promise<{ host: ExcelHost; grid: Grid }> {
  const grid = await seedGrid();
  const host = createHost(options);
  addGridSheet(host, grid);
  uninstall = installOfficeGlobals(host);
  return { host, grid };
}

function targetOf(grid: Grid) {
  const result = checkWorkbook([grid]);
  if (!result.ok) throw new Error("the seed holds a table");
  const target = pickerTarget(result.checks[0], grid.merges);
  if (!target) throw new Error("the seed's table has a lead column");
  return target;
}

const directoryNames = () => canonicalAgencyNames(defaultDirectory().data);

describe("drop-downs of agency names on the lead column", () => {
  test("the seed appendix: names on a hidden sheet of ours, validation on C6:C43 but the merged section rows", async () => {
    const { host, grid } = await seedHost();
    const target = targetOf(grid);
    expect([target.firstRow, target.lastRow, target.col]).toEqual([6, 43, 3]);
    const names = directoryNames();
    expect(names.length).toBeGreaterThan(20);
    host.resetSyncCount();
    const written = await runInExcel((context) => writeAgencyPickers(context, target, names, "vi"));
    // One round trip to read which sheets are ours, one to write: no earlier list to check the mark of.
    expect(host.syncCount).toBe(2);
    expect(written.updated).toBe(false);
    expect(written.listSheet).toBe("Danh sách cơ quan");

    const list = host.sheet("Danh sách cơ quan");
    expect(list.visibility).toBe("Hidden");
    expect(list.customProperties[OWNED_MARK]).toBe(AGENCY_LIST_MARK);
    expect(names.map((_, i) => list.cell(`A${i + 1}`).value)).toEqual(names);
    expect(list.cell(`A${names.length + 1}`).value).toBe("");
    expect(host.settings.get(SETTING_KEYS.ownedSheets)).toEqual(["Danh sách cơ quan"]);
    // The list holds more than Excel lets a list be written inline.
    expect(names.join(",").length).toBeGreaterThan(255);

    const sheet = host.sheet("Phụ lục");
    // Section rows merged across C, and the header the seed repeats above each page's part of the table.
    const merged = new Set([6, 13, 20, 28, 32, 35, 39, 42]);
    expect(grid.merges.filter((m) => m.left <= 3 && m.right >= 3 && m.top >= 6).map((m) => m.top)).toEqual([...merged]);
    const repeatedHeader = new Set([10, 16, 23, 31, 37]);
    for (const row of repeatedHeader) expect(sheet.cell(`C${row}`).value).toMatch(/^Cơ quan chủ trì/);
    let validated = 0;
    for (let row = 6; row <= 43; row++) {
      const v = sheet.validationAt(`C${row}`);
      if (merged.has(row) || repeatedHeader.has(row)) {
        expect(v).toBeNull();
        continue;
      }
      expect(v?.rule).toEqual({ list: { inCellDropDown: true, source: `='Danh sách cơ quan'!$A$1:$A$${names.length}` } });
      expect(v?.errorAlert.style).toBe("Warning");
      expect(v?.errorAlert.showAlert).toBe(true);
      expect(v?.prompt.showPrompt).toBe(true);
      expect(v?.prompt.title).toBe("Cơ quan chủ trì");
      validated++;
    }
    expect(validated).toBe(38 - merged.size - repeatedHeader.size);
    expect(sheet.validationAt("C5")).toBeNull(); // the header
    expect(sheet.validationAt("C44")).toBeNull();
    expect(sheet.validationAt("D7")).toBeNull(); // coordinating cells hold several names: no list there
    // The cells keep what the officers wrote.
    expect(sheet.cell("C7").value).toBe("Sở Ngoại vụ");
    expect(written.areas[0]).toBe("C7:C9");
  });

  test("running it again rewrites the same list (shorter now) and the validation, and makes no second sheet", async () => {
    const { host, grid } = await seedHost();
    const target = targetOf(grid);
    const names = directoryNames();
    await runInExcel((context) => writeAgencyPickers(context, target, names, "vi"));
    const fewer = names.slice(0, 5);
    host.resetSyncCount();
    const again = await runInExcel((context) => writeAgencyPickers(context, target, fewer, "en"));
    expect(host.syncCount).toBeLessThanOrEqual(3);
    expect(again.updated).toBe(true);
    expect(again.listSheet).toBe("Danh sách cơ quan");
    expect(host.sheetNames()).toEqual(["Phụ lục", "Danh sách cơ quan"]);
    const list = host.sheet("Danh sách cơ quan");
    expect(list.cell("A5").value).toBe(fewer[4]);
    expect(list.cell("A6").value).toBe("");
    expect(host.sheet("Phụ lục").validationAt("C43")?.rule?.list.source).toBe("='Danh sách cơ quan'!$A$1:$A$5");
    expect(host.sheet("Phụ lục").validationAt("C43")?.prompt.title).toBe("Lead agency");
  });

  test("a user's own sheet named like ours is left alone: ours takes a free name", async () => {
    const { host, grid } = await seedHost();
    host.addSheet("Danh sách cơ quan", [["Danh sách của tôi"]]);
    const written = await runInExcel((context) => writeAgencyPickers(context, targetOf(grid), directoryNames(), "vi"));
    expect(written.listSheet).toBe("Danh sách cơ quan (2)");
    expect(host.sheet("Danh sách cơ quan").cell("A1").value).toBe("Danh sách của tôi");
    expect(host.sheet("Danh sách cơ quan").visibility).toBe("Visible");
    expect(host.sheet("Phụ lục").validationAt("C7")?.rule?.list.source).toMatch(/^='Danh sách cơ quan \(2\)'!\$A\$1:\$A\$\d+$/);
  });

  test("a sheet recorded as ours but without our mark (a user's, made after ours was deleted) is not rewritten", async () => {
    const { host, grid } = await seedHost();
    await runInExcel((context) => writeAgencyPickers(context, targetOf(grid), directoryNames(), "vi"));
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Danh sách cơ quan").delete();
      context.workbook.worksheets.add("Danh sách cơ quan").getRange("A1").values = [["của tôi"]];
      await context.sync();
    });
    const written = await runInExcel((context) => writeAgencyPickers(context, targetOf(grid), directoryNames(), "vi"));
    expect(written.updated).toBe(false);
    expect(written.listSheet).toBe("Danh sách cơ quan (2)");
    expect(host.sheet("Danh sách cơ quan").cell("A1").value).toBe("của tôi");
  });

  test("on the web with a small payload budget the writing is cut into more round trips and still lands whole", async () => {
    const { host, grid } = await seedHost({ platform: "web" });
    const names = directoryNames();
    host.resetSyncCount();
    await runInExcel((context) => writeAgencyPickers(context, targetOf(grid), names, "vi", { payloadBudget: 4000 }));
    expect(host.syncCount).toBeGreaterThan(3);
    expect(host.sheet("Phụ lục").validationAt("C43")?.rule?.list.source).toBe(`='Danh sách cơ quan'!$A$1:$A$${names.length}`);
  });

  test("below ExcelApi 1.8 nothing is written and the failure says what is missing", async () => {
    const { host, grid } = await seedHost({ requirementSets: { ExcelApi: "1.7" } });
    await expect(runInExcel((context) => writeAgencyPickers(context, targetOf(grid), directoryNames(), "vi"))).rejects.toMatchObject({
      kind: "unsupported",
    });
    expect(host.sheetNames()).toEqual(["Phụ lục"]);
  });
});
