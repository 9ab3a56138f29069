/**
 * "Nhập từ Word" in a real browser, on the demo: a .docx picked with the file input, read in the page by the Word
 * reader from its own async chunk (pako inflating, no Node), its tables listed, the appendix written into a new
 * sheet of the in-memory workbook with its merged cells; then a .docx reply in the consolidation. No request may
 * leave the page's origin.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DEMO_DIR, ensureDemoBuild, serveDirectory } from "../demo/serve";
import type { StaticServer } from "../demo/serve";
import type { ExcelHost } from "../excel-host";
import { FIXTURES } from "../support/fixtures";
import { inDemoHost, launchChromium, testId } from "./chromium";

jest.setTimeout(180_000);

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PLAN = path.join(FIXTURES, "word", "seed-001-plan.docx");

let server: StaticServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureDemoBuild((line) => process.stderr.write(`${line}\n`));
  server = await serveDirectory(DEMO_DIR, 0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector(`${testId("check-button")}:not([disabled])`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


function inHost<T, A>(fn: (host: ExcelHost, arg: A) => T, arg: A): Promise<T> {
  return inDemoHost(page, fn, arg);
}

it("picks a .docx, lists its tables and writes the appendix into a new sheet with its merges", async () => {
  const scriptsBefore = requests.filter((url) => url.endsWith(".js")).length;
  await page.setInputFiles(testId("word-import-file"), [{ name: "ke-hoach.docx", mimeType: DOCX_TYPE, buffer: fs.readFileSync(PLAN) }]);
  await page.waitForSelector(testId("word-import-tables"), { timeout: 60_000 });
  // The reader came in a chunk of its own, only now.
  expect(requests.filter((url) => url.endsWith(".js")).length).toBeGreaterThan(scriptsBefore);
  const items = await page.$$eval(testId("word-import-table"), (els) => els.map((el) => el.textContent ?? ""));
  expect(items).toHaveLength(3);
  expect(items[2]).toContain("Bảng 3: 34 dòng × 5 cột");
  expect(items[2]).toContain("bảng nhiệm vụ, 25 nhiệm vụ");

  await page.click(testId("word-import-write-3"));
  await page.waitForFunction(`window.__demoHost.sheetNames().includes("Bảng 3")`, undefined, { timeout: 30_000 });
  await page.waitForSelector(`${testId("notice")} >> text=Bảng 3`, { timeout: 30_000 });
  const merges = await inHost((host) => host.mergesOf("Bảng 3"), null);
  expect(merges).toHaveLength(11);
  expect(merges).toEqual(expect.arrayContaining(["B2:E2", "E4:E5", "C31:C32", "E31:E32"]));
  const cells = await inHost((host) => [host.sheet("Bảng 3").cell("A3").value, host.sheet("Bảng 3").cell("A34").value], null);
  expect(cells).toEqual(["1.", ""]);

  // The new sheet is the active one: checking it gives the seed's figures.
  await page.click(testId("check-button"));
  await page.waitForSelector(`${testId("result-summary")} >> text=25 nhiệm vụ trong 8 mục`, { timeout: 30_000 });
});

it("reads a .docx reply in the consolidation", async () => {
  await page.click(testId("consolidate-tab"));
  await page.waitForSelector(testId("consolidate-files"), { state: "attached", timeout: 30_000 });
  await page.setInputFiles(testId("consolidate-files"), [{ name: "ubnd-tinh.docx", mimeType: DOCX_TYPE, buffer: fs.readFileSync(PLAN) }]);
  await page.waitForSelector(testId("consolidate-summary"), { timeout: 60_000 });
  const statuses = await page.$$eval(testId("consolidate-file-status"), (els) => els.map((el) => el.getAttribute("data-status")));
  expect(statuses).toEqual(["tables"]);
  expect(await page.getAttribute(testId("consolidate-summary"), "data-rows-out")).toBe("25");
});

it("stays within the page's origin and raises no error", () => {
  const origin = new URL(server.url).origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
