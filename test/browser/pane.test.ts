/**
 * The demo in a real browser (Debian's chromium through playwright-core): the task pane against the in-memory Excel
 * preloaded with the seed appendix, used as a person would — check, pick an issue, write the summaries, highlight,
 * switch language — while every network request the page makes is recorded: none may leave its own origin.
 */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../demo/serve";
import { testId, useDemoPane } from "./chromium";

jest.setTimeout(180_000);

const SCREENSHOT = path.join(ROOT, "test-output", "pane.png");
/** Microsoft's office.js CDN: the production page loads office.js from there (the demo uses a local copy). */
const OFFICE_CDN = "https://appsforoffice.microsoft.com/";
const SHEET = "Phụ lục";

const pane = useDemoPane({ viewport: { width: 1280, height: 860 } });

it("says it is a demo and shows the sample workbook beside the pane", async () => {
  await expectText(testId("demo-banner"), "DEMO — dữ liệu mẫu, không phải Excel");
  await pane.page.waitForSelector(`${testId("demo-grid")}[data-sheet="${SHEET}"]`);
  await pane.page.waitForSelector(`${testId("check-button")}:not([disabled])`);
  expect(await pane.page.textContent(testId("check-button"))).toBe("Kiểm tra");
});

it("checks the seed appendix and selects the cell of the task without a number", async () => {
  await pane.page.click(testId("check-button"));
  const missing = `${testId("issue-item")}[data-code="missing-stt"]`;
  await pane.page.waitForSelector(missing, { timeout: 30_000 });
  expect(await pane.page.getAttribute(missing, "data-cell")).toBe("A43");
  await pane.page.click(missing);
  await pane.page.waitForFunction(`window.__demoHost.selection === "'${SHEET}'!A43"`);
  await pane.page.waitForSelector(`${testId("demo-grid")} td.demo-sel[data-address="A43"]`);
  const lead = await pane.page.$eval(`${testId("tally-agencies")} ${testId("agency-row")}`, (el) => [
    el.getAttribute("data-name"),
    el.getAttribute("data-lead"),
    el.getAttribute("data-coordinating"),
  ]);
  expect(lead).toEqual(["Sở Ngoại vụ", "18", "7"]);
});

it("writes the summary sheets into the workbook", async () => {
  await pane.page.click(testId("write-summary-button"));
  await pane.page.waitForSelector(testId("notice"), { timeout: 30_000 });
  const names = await pane.inHost((host) => host.sheetNames());
  expect(names).toEqual(expect.arrayContaining([SHEET, "Tổng hợp cơ quan", "Danh sách lỗi"]));
  const row = await pane.inHost((host) =>
    host
      .sheet("Tổng hợp cơ quan")
      .values()
      .find((r) => r[1] === "Sở Ngoại vụ"),
  );
  expect(row?.slice(2, 4)).toEqual([18, 7]);
  await pane.page.waitForSelector(`.demo-tab:text("Tổng hợp cơ quan")`);
});

it("highlights the issue cells", async () => {
  await pane.page.click(`.demo-tab:text("${SHEET}")`);
  await pane.page.click(testId("highlight-button"));
  await pane.page.waitForFunction(`window.__demoHost.sheet("${SHEET}").cell("A43").fill !== null`, undefined, { timeout: 30_000 });
  await pane.page.waitForSelector(`${testId("demo-grid")}[data-sheet="${SHEET}"] td[data-address="A43"][style*="background"]`);
});

it("switches to English", async () => {
  // The one language choice is in Settings.
  await pane.page.click(testId("tab-settings"));
  await pane.page.check(`${testId("language-setting")} input[value="en"]`);
  await pane.page.click(testId("tab-check"));
  await expectText(testId("check-button"), "Check");
  await expectText(testId("write-summary-button"), "Write summary sheets");
  await expectText(`${testId("issue-item")}[data-code="missing-stt"] + div`, "The task has no number (STT).");
  await expectText(testId("notice"), "Highlighted");
  await pane.page.$eval(".demo-pane", (pane) => pane.scrollTo(0, 0));
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await pane.page.screenshot({ path: SCREENSHOT });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
});

it("made no request outside its own origin, and threw no error", () => {
  const origin = new URL(pane.url).origin;
  const outside = pane.requests.filter((url) => {
    if (url.startsWith("data:") || url.startsWith("blob:")) return false;
    return new URL(url).origin !== origin && !url.startsWith(OFFICE_CDN);
  });
  expect(pane.requests.length).toBeGreaterThan(3);
  expect(outside).toEqual([]);
  expect(pane.pageErrors).toEqual([]);
});

async function expectText(selector: string, text: string): Promise<void> {
  await pane.page.waitForFunction(
    ([sel, want]) => document.querySelector(sel)?.textContent?.includes(want) ?? false,
    [selector, text] as const,
    { timeout: 15_000 },
  );
}
