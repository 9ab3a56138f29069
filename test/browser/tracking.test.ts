/**
 * The tracking views in a real browser (chromium through playwright-core), on the demo page with the seed appendix:
 * after a check the deadline view lists the overdue tasks, a click selects the task's row in the workbook, and the
 * scorecard and "Tách theo cơ quan" are there.
 */
import { CHECK_READY, testId, useDemoPane } from "./chromium";

jest.setTimeout(180_000);

const SHEET = "Phụ lục";

const pane = useDemoPane({ viewport: { width: 1280, height: 860 }, ready: CHECK_READY });

it("shows the deadlines after a check; a click on an overdue task selects its row", async () => {
  await pane.page.click(testId("check-button"));
  await pane.page.waitForSelector(testId("tracking-view"), { timeout: 30_000 });
  // I.1 (Quý IV/2022) is overdue on any day after 2022: it comes first.
  const first = pane.page.locator(testId("deadline-item")).first();
  expect(await first.textContent()).toMatch(/^I\.1-\w+ · 31\/12\/2022 · Quá hạn/);
  await first.click();
  await pane.page.waitForFunction(`window.__demoHost.selection === "'${SHEET}'!B7"`, undefined, { timeout: 30_000 });
  expect(await pane.page.locator(testId("scorecard-row")).first().textContent()).toMatch(/^Sở Ngoại vụ18/);
  expect(await pane.page.textContent(testId("split-button"))).toBe("Tách theo cơ quan");
});
