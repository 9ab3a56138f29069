/**
 * The demo in a real browser (Debian's chromium through playwright-core): the task pane against the in-memory Excel
 * preloaded with the seed appendix, used as a person would — check, pick an issue, write the summaries, highlight,
 * switch language — while every network request the page makes is recorded: none may leave its own origin.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { DEMO_DIR, ensureDemoBuild, ROOT, serveDirectory } from "../demo/serve";
import type { StaticServer } from "../demo/serve";
import type { ExcelHost } from "../excel-host";
import { launchChromium, testId } from "./chromium";

jest.setTimeout(180_000);

const SCREENSHOT = path.join(ROOT, "test-output", "pane.png");
/** Microsoft's office.js CDN: the production page loads office.js from there (the demo uses a local copy). */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
const SHEET = "Phụ lục";

let server: StaticServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureDemoBuild((line) => process.stderr.write(`${line}\n`));
  server = await serveDirectory(DEMO_DIR, 0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/taskpane.html`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


/** Evaluates in the page against the demo's in-memory workbook. */
function inHost<T>(fn: (host: ExcelHost) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__demoHost)`) as Promise<T>;
}

it("says it is a demo and shows the sample workbook beside the pane", async () => {
  await expectText(testId("demo-banner"), "DEMO — dữ liệu mẫu, không phải Excel");
  await page.waitForSelector(`${testId("demo-grid")}[data-sheet="${SHEET}"]`);
  await page.waitForSelector(`${testId("check-button")}:not([disabled])`);
  expect(await page.textContent(testId("check-button"))).toBe("Kiểm tra");
});

it("checks the seed appendix and selects the cell of the task without a number", async () => {
  await page.click(testId("check-button"));
  const missing = `${testId("issue-item")}[data-code="missing-stt"]`;
  await page.waitForSelector(missing, { timeout: 30_000 });
  expect(await page.getAttribute(missing, "data-cell")).toBe("A43");
  await page.click(missing);
  await page.waitForFunction(`window.__demoHost.selection === "'${SHEET}'!A43"`);
  await page.waitForSelector(`${testId("demo-grid")} td.demo-sel[data-address="A43"]`);
  const lead = await page.$eval(`${testId("tally-agencies")} ${testId("agency-row")}`, (el) => [
    el.getAttribute("data-name"),
    el.getAttribute("data-lead"),
    el.getAttribute("data-coordinating"),
  ]);
  expect(lead).toEqual(["Sở Ngoại vụ", "18", "7"]);
});

it("writes the summary sheets into the workbook", async () => {
  await page.click(testId("write-summary-button"));
  await page.waitForSelector(testId("notice"), { timeout: 30_000 });
  const names = await inHost((host) => host.sheetNames());
  expect(names).toEqual(expect.arrayContaining([SHEET, "Tổng hợp cơ quan", "Danh sách lỗi"]));
  const row = await inHost((host) =>
    host
      .sheet("Tổng hợp cơ quan")
      .values()
      .find((r) => r[1] === "Sở Ngoại vụ"),
  );
  expect(row?.slice(2, 4)).toEqual([18, 7]);
  await page.waitForSelector(`.demo-tab:text("Tổng hợp cơ quan")`);
});

it("highlights the issue cells", async () => {
  await page.click(`.demo-tab:text("${SHEET}")`);
  await page.click(testId("highlight-button"));
  await page.waitForFunction(`window.__demoHost.sheet("${SHEET}").cell("A43").fill !== null`, undefined, { timeout: 30_000 });
  await page.waitForSelector(`${testId("demo-grid")}[data-sheet="${SHEET}"] td[data-address="A43"][style*="background"]`);
});

it("switches to English", async () => {
  // The one language choice is in Settings.
  await page.click(testId("tab-settings"));
  await page.check(`${testId("language-setting")} input[value="en"]`);
  await page.click(testId("tab-check"));
  await expectText(testId("check-button"), "Check");
  await expectText(testId("write-summary-button"), "Write summary sheets");
  await expectText(`${testId("issue-item")}[data-code="missing-stt"] + div`, "The task has no number (STT).");
  await expectText(testId("notice"), "Highlighted");
  await page.$eval(".demo-pane", (pane) => pane.scrollTo(0, 0));
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
});

it("made no request outside its own origin, and threw no error", () => {
  const origin = new URL(server.url).origin;
  const outside = requests.filter((url) => {
    if (url.startsWith("data:") || url.startsWith("blob:")) return false;
    return new URL(url).origin !== origin && !url.startsWith(OFFICE_CDN);
  });
  expect(requests.length).toBeGreaterThan(3);
  expect(outside).toEqual([]);
  expect(pageErrors).toEqual([]);
});

async function expectText(selector: string, text: string): Promise<void> {
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent?.includes(want) ?? false,
    [selector, text] as const,
    { timeout: 15_000 },
  );
}
