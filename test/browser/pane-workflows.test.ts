/**
 * The demo in a real browser, for what the pane does beyond checking one sheet: consolidating reply files picked with
 * the file input (read with ExcelJS in the page, from its async chunk) into the in-memory workbook; the seed's
 * delegation sheet with the stated-totals form and its mismatch message; and "Chuyển sang Unicode" on the demo's
 * TCVN3 sheet, undone again. No request may leave the page's origin.
 */
import * as fs from "fs";
import type { TaskCheck } from "../../src/core/kinds/tasks/check";
import { mismatchIssue } from "../../src/core/kinds/delegations/check";
import { issueText } from "../../src/core/issues/text";
import { encodeLegacy } from "../../src/core/legacy/encoding";
import { checkWorkbook } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { SEED_APPENDIX_XLSX, SEED_DELEGATIONS_XLSX, tsvGrid, tsvRows } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";
import { CHECK_READY, testId, useDemoPane } from "./chromium";

jest.setTimeout(180_000);

const TSV = "hanoi_kh310-2025_5g-iot.tsv";
const SEED_FILE = "so-ngoai-vu.xlsx";
const TSV_FILE = "so-khoa-hoc-va-cong-nghe.xlsx";
const CONSOLIDATED = "Dữ liệu hợp nhất";
const OUTBOUND = "Phụ lục I - Đoàn ra";
const LEGACY_SHEET = "Phụ lục (TCVN3)";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const pane = useDemoPane({ viewport: { width: 1280, height: 900 }, ready: CHECK_READY });

async function showSheet(name: string): Promise<void> {
  await pane.page.click(`.demo-tab >> text="${name}"`);
  await pane.page.waitForSelector(`${testId("demo-grid")}[data-sheet="${name}"]`);
}

async function checkNow(): Promise<void> {
  await pane.page.click(testId("tab-check"));
  await pane.page.click(testId("check-button"));
  await pane.page.waitForSelector(testId("result"), { timeout: 30_000 });
  await pane.page.waitForSelector(testId("progress"), { state: "detached", timeout: 30_000 });
}

it("consolidates two reply files picked in the pane into the workbook, with provenance", async () => {
  const tsv = checkWorkbook([tsvGrid(TSV)]);
  if (!tsv.ok || tsv.checks[0].kind !== "tasks") throw new Error(`${TSV}: no task table`);
  const tsvTasks = (tsv.checks[0] as TaskCheck).counts.tasks;
  const total = 25 + tsvTasks;
  const before = await pane.inHost((host) => host.sheetNames(), null);
  expect(before).not.toContain(CONSOLIDATED);

  await pane.page.click(testId("consolidate-tab"));
  await pane.page.waitForSelector(testId("consolidate-files"), { state: "attached", timeout: 30_000 });
  await pane.page.setInputFiles(testId("consolidate-files"), [
    { name: SEED_FILE, mimeType: XLSX_TYPE, buffer: fs.readFileSync(SEED_APPENDIX_XLSX) },
    { name: TSV_FILE, mimeType: XLSX_TYPE, buffer: Buffer.from(await xlsxFromRows([{ name: "Phụ lục", rows: tsvRows(TSV) }])) },
  ]);
  await pane.page.waitForSelector(testId("consolidate-summary"), { timeout: 60_000 });
  const statuses = await pane.page.$$eval(testId("consolidate-file-status"), (els) =>
    // The file's status line (the first caption under its name; the agency picker follows).
    els.map((el) => [el.getAttribute("data-file"), el.getAttribute("data-status"), el.querySelector(".fui-Caption1")?.textContent]),
  );
  expect(statuses).toEqual([
    [SEED_FILE, "tables", "1 bảng, 25 dòng nhiệm vụ"],
    [TSV_FILE, "tables", `1 bảng, ${tsvTasks} dòng nhiệm vụ`],
  ]);
  expect(await pane.page.getAttribute(testId("consolidate-summary"), "data-rows-out")).toBe(String(total));
  expect(await pane.page.textContent(testId("consolidate-summary"))).toContain(`Dòng vào ${total} = dòng ra ${total}`);
  // Nothing was written while the files were read.
  expect(await pane.inHost((host) => host.sheetNames(), null)).toEqual(before);

  await pane.page.click(testId("consolidate-write-button"));
  await pane.page.waitForFunction(`window.__demoHost.sheetNames().includes(${JSON.stringify(CONSOLIDATED)})`, undefined, {
    timeout: 30_000,
  });
  await pane.page.waitForSelector(`${testId("notice")} >> text=${CONSOLIDATED}`, { timeout: 30_000 });
  const rows = await pane.inHost(
    (host, sheet) =>
      host
        .sheet(sheet)
        .values()
        .slice(3)
        .filter((r) => r[0] !== "")
        .map((r) => [r[1], r[3]]),
    CONSOLIDATED,
  );
  expect(rows).toHaveLength(total);
  expect(rows.filter((r) => r[0] === SEED_FILE)).toHaveLength(25);
  expect(rows.filter((r) => r[0] === TSV_FILE)).toHaveLength(tsvTasks);
  expect(rows.every((r) => typeof r[1] === "number" && r[1] > 0)).toBe(true);
  await pane.page.waitForSelector(`.demo-tab >> text="${CONSOLIDATED}"`);
  // The replies were read by the hardened XML reader: ExcelJS, in its own chunk, is fetched only for a workbook that
  // reader leaves to it, and these two are not such workbooks.
  expect(pane.requests.some((url) => /\/exceljs\.[0-9a-f]+\.js$/.test(url))).toBe(false);
});

it("compares the delegation totals typed into the form and shows the mismatch", async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_DELEGATIONS_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  const engine = checkWorkbook(wb.sheets.filter((g) => g.sheetName === OUTBOUND));
  if (!engine.ok || engine.checks[0].kind !== "delegations") throw new Error("seed 002: no outbound table");
  const counted = engine.checks[0].workbook.counted.outbound;
  const stated = { total: counted.total + 2, planned: counted.planned, supplementary: counted.supplementary + 2 };

  await showSheet(OUTBOUND);
  await checkNow();
  await pane.page.waitForSelector(testId("stated-totals-form"));
  await pane.page.fill(testId("stated-outbound-total"), String(stated.total));
  await pane.page.fill(testId("stated-outbound-planned"), String(stated.planned));
  await pane.page.fill(testId("stated-outbound-supplementary"), String(stated.supplementary));
  await pane.page.click(testId("stated-submit"));
  await pane.page.waitForSelector(testId("delegation-mismatch"), { timeout: 15_000 });
  expect(await pane.page.textContent(testId("delegation-mismatch"))).toBe(issueText(mismatchIssue("outbound", counted, stated)!, "vi"));
  expect(await pane.inHost((host) => host.settings.get("appendixChecker.statedTotals"), null)).toEqual({ outbound: stated });
});

it("converts the TCVN3 sheet to Unicode after confirming, and undoes it", async () => {
  const legacyC7 = encodeLegacy("Sở Ngoại vụ", "tcvn3");
  await showSheet(LEGACY_SHEET);
  expect(await pane.inHost((host, sheet) => host.sheet(sheet).cell("C7").value, LEGACY_SHEET)).toBe(legacyC7);
  await checkNow();
  await pane.page.click(testId("convert-legacy-button"));
  await pane.page.waitForSelector(testId("convert-legacy-count"));
  const cells = Number(await pane.page.getAttribute(testId("convert-legacy-count"), "data-cells"));
  expect(cells).toBeGreaterThan(100);
  await pane.page.click(testId("convert-legacy-confirm"));
  await pane.page.waitForSelector(testId("convert-legacy-undo"), { timeout: 30_000 });
  expect(await pane.inHost((host, sheet) => host.sheet(sheet).cell("C7").value, LEGACY_SHEET)).toBe("Sở Ngoại vụ");
  await pane.page.waitForSelector(`${testId("demo-grid")}[data-sheet="${LEGACY_SHEET}"] td[data-address="C7"]:text-is("Sở Ngoại vụ")`);

  await pane.page.click(testId("convert-legacy-undo"));
  await pane.page.waitForSelector(testId("convert-legacy-undo"), { state: "detached", timeout: 30_000 });
  expect(await pane.inHost((host, sheet) => host.sheet(sheet).cell("C7").value, LEGACY_SHEET)).toBe(legacyC7);
});

it("made no request outside its own origin, and threw no error", () => {
  const origin = new URL(pane.url).origin;
  expect(pane.requests.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin)).toEqual([]);
  expect(pane.pageErrors).toEqual([]);
});
