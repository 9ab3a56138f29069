/**
 * The typing help of issue 16 in a real browser, on the demo (the task pane with the in-memory Excel holding the
 * seed appendix): pick two agencies into D7 with the agency picker, normalise the agency names after the preview,
 * then undo the normalisation — every cell as it was before it, D7 keeping the picker's names.
 */
import type { Browser, Page } from "playwright-core";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { planNormalisation } from "../../src/core/agencies/normalise";
import { cellAddress } from "../../src/core/sheet/grid";
import { DEMO_DIR, ensureDemoBuild, serveDirectory } from "../demo/serve";
import type { StaticServer } from "../demo/serve";
import type { ExcelHost } from "../excel-host";
import { inDemoHost, launchChromium, testId } from "./chromium";

jest.setTimeout(180_000);

const SHEET = "Phụ lục";
const PICKED = "Sở Kế hoạch và Đầu tư; Sở Công Thương";
const WAIT = { timeout: 60_000 };

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureDemoBuild((line) => process.stderr.write(`${line}\n`));
  server = await serveDirectory(DEMO_DIR, 0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector(`${testId("check-button")}:not([disabled])`, WAIT);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});


function inHost<T, A>(fn: (host: ExcelHost, arg: A) => T, arg: A): Promise<T> {
  return inDemoHost(page, fn, arg);
}

const sheetValues = () => inHost((host, sheet) => host.sheet(sheet).values(), SHEET);

/** Lead and coordinating cells of the task rows (a number in column A), as the demo's workbook holds them. */
function agencyCells(values: unknown[][]): Array<{ address: string; text: string }> {
  return values.flatMap((row, r) =>
    r < 5 || typeof row[0] !== "number" ? [] : [2, 3].map((c) => ({ address: cellAddress(r + 1, c + 1), text: String(row[c]) })),
  );
}

async function pick(query: string, name: string): Promise<void> {
  await page.fill(`${testId("picker-search")}`, query);
  await page.check(`${testId("picker-option")}[data-name="${name}"]`, WAIT);
}

it("picks agencies into D7, normalises the agency names, and undoes the normalisation", async () => {
  await page.click(`.demo-tab >> text="${SHEET}"`);
  await page.waitForSelector(`${testId("demo-grid")}[data-sheet="${SHEET}"]`, WAIT);
  await page.click(testId("check-button"));
  await page.waitForSelector(testId("result"), WAIT);
  await page.waitForSelector(testId("progress"), { state: "detached", ...WAIT });

  // The picker: the user stands on D7, searches without diacritics, ticks two agencies.
  await page.click(`${testId("demo-grid")}[data-sheet="${SHEET}"] td[data-address="D7"]`);
  expect(await inHost((host) => host.selection, null)).toMatch(/!D7(:D7)?$/);
  await page.click(testId("picker-open"));
  await pick("ke hoach dau tu", "Sở Kế hoạch và Đầu tư");
  await pick("cong thuong", "Sở Công Thương");
  expect(await page.textContent(testId("picker-preview"))).toBe(PICKED);
  await page.click(testId("picker-write"));
  await page.waitForFunction(
    ([sheet, text]) => (window as unknown as { __demoHost: ExcelHost }).__demoHost.sheet(sheet).cell("D7").value === text,
    [SHEET, PICKED],
    WAIT,
  );
  await page.waitForSelector(`${testId("notice")} >> text=D7`, WAIT);
  await page.click(testId("picker-close"));

  // Normalising: the preview counts the cells, one batch rewrites them, nothing is left to rewrite.
  const before = await sheetValues();
  const planned = planNormalisation(agencyCells(before), defaultDirectory());
  expect(planned.rewrites.length).toBeGreaterThan(3);
  await page.click(testId("normalise-button"));
  await page.waitForSelector(testId("normalise-count"), WAIT);
  expect(Number(await page.getAttribute(testId("normalise-count"), "data-cells"))).toBe(planned.rewrites.length);
  const aliases = await page.$$eval(testId("normalise-alias"), (els) => els.map((el) => el.getAttribute("data-from")));
  expect(aliases).toEqual(planned.aliases.map((a) => a.from));
  await page.click(testId("normalise-confirm"));
  await page.waitForSelector(testId("normalise-nothing"), WAIT);
  const after = await sheetValues();
  expect(planNormalisation(agencyCells(after), defaultDirectory()).rewrites).toEqual([]);
  for (const r of planned.rewrites) {
    const at = agencyCells(after).find((c) => c.address === r.address);
    expect(at?.text).toBe(r.after);
  }
  expect(after[6][3]).toBe(PICKED);

  // Undo: every cell as it was before the normalisation, D7 still holding the picked names.
  await page.click(testId("notice-undo"));
  await page.waitForSelector(testId("normalise-button"), WAIT);
  const undone = await sheetValues();
  undone.forEach((row, r) =>
    row.forEach((v, c) => expect([cellAddress(r + 1, c + 1), v]).toEqual([cellAddress(r + 1, c + 1), before[r][c]])),
  );
  expect(pageErrors).toEqual([]);
});
