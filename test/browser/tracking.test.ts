/**
 * The tracking views in a real browser (chromium through playwright-core), on the demo page with the seed appendix:
 * after a check the deadline view lists the overdue tasks, a click selects the task's row in the workbook, and the
 * scorecard and "Tách theo cơ quan" are there.
 */
import type { Browser, Page } from "playwright-core";
import { DEMO_DIR, ensureDemoBuild, serveDirectory } from "../demo/serve";
import type { StaticServer } from "../demo/serve";
import { launchChromium, testId } from "./chromium";

jest.setTimeout(180_000);

const SHEET = "Phụ lục";

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureDemoBuild((line) => process.stderr.write(`${line}\n`));
  server = await serveDirectory(DEMO_DIR, 0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${server.url}/taskpane.html`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it("shows the deadlines after a check; a click on an overdue task selects its row", async () => {
  await page.waitForSelector(`${testId("check-button")}:not([disabled])`, { timeout: 60_000 });
  await page.click(testId("check-button"));
  await page.waitForSelector(testId("tracking-view"), { timeout: 30_000 });
  // I.1 (Quý IV/2022) is overdue on any day after 2022: it comes first.
  const first = page.locator(testId("deadline-item")).first();
  expect(await first.textContent()).toMatch(/^I\.1-\w+ · 31\/12\/2022 · Quá hạn/);
  await first.click();
  await page.waitForFunction(`window.__demoHost.selection === "'${SHEET}'!B7"`, undefined, { timeout: 30_000 });
  expect(await page.locator(testId("scorecard-row")).first().textContent()).toMatch(/^Sở Ngoại vụ18/);
  expect(await page.textContent(testId("split-button"))).toBe("Tách theo cơ quan");
});
