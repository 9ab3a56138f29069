/**
 * The typing help of issue 16 in a real browser, on the demo (the task pane with the in-memory Excel holding the
 * seed appendix): pick two agencies into D7 with the agency picker, normalise the agency names after the preview,
 * then undo the normalisation — every cell as it was before it, D7 keeping the picker's names.
 */
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { planNormalisation } from "../../src/core/agencies/normalise";
import { cellAddress } from "../../src/core/sheet/grid";
import type { ExcelHost } from "../excel-host";
import { CHECK_READY, testId, useDemoPane } from "./chromium";

jest.setTimeout(180_000);

const SHEET = "Phụ lục";
const PICKED = "Sở Kế hoạch và Đầu tư; Sở Công Thương";
const WAIT = { timeout: 60_000 };

const pane = useDemoPane({ viewport: { width: 1280, height: 900 }, ready: CHECK_READY });

const sheetValues = () => pane.inHost((host, sheet) => host.sheet(sheet).values(), SHEET);

/** Lead and coordinating cells of the task rows (a number in column A), as the demo's workbook holds them. */
function agencyCells(values: unknown[][]): Array<{ address: string; text: string }> {
  return values.flatMap((row, r) =>
    r < 5 || typeof row[0] !== "number" ? [] : [2, 3].map((c) => ({ address: cellAddress(r + 1, c + 1), text: String(row[c]) })),
  );
}

async function pick(query: string, name: string): Promise<void> {
  await pane.page.fill(`${testId("picker-search")}`, query);
  await pane.page.check(`${testId("picker-option")}[data-name="${name}"]`, WAIT);
}

it("picks agencies into D7, normalises the agency names, and undoes the normalisation", async () => {
  await pane.page.click(`.demo-tab >> text="${SHEET}"`);
  await pane.page.waitForSelector(`${testId("demo-grid")}[data-sheet="${SHEET}"]`, WAIT);
  await pane.page.click(testId("check-button"));
  await pane.page.waitForSelector(testId("result"), WAIT);
  await pane.page.waitForSelector(testId("progress"), { state: "detached", ...WAIT });

  // The picker: the user stands on D7, searches without diacritics, ticks two agencies.
  await pane.page.click(`${testId("demo-grid")}[data-sheet="${SHEET}"] td[data-address="D7"]`);
  await pane.page.waitForFunction(
    () => /!D7(:D7)?$/.test((window as unknown as { __demoHost: ExcelHost }).__demoHost.selection),
    undefined,
    WAIT,
  );
  await pane.page.click(testId("picker-open"));
  await pick("ke hoach dau tu", "Sở Kế hoạch và Đầu tư");
  await pick("cong thuong", "Sở Công Thương");
  expect(await pane.page.textContent(testId("picker-preview"))).toBe(PICKED);
  await pane.page.click(testId("picker-write"));
  await pane.page.waitForFunction(
    ([sheet, text]) => (window as unknown as { __demoHost: ExcelHost }).__demoHost.sheet(sheet).cell("D7").value === text,
    [SHEET, PICKED],
    WAIT,
  );
  await pane.page.waitForSelector(`${testId("notice")} >> text=D7`, WAIT);
  await pane.page.click(testId("picker-close"));

  // Normalising: the preview counts the cells, one batch rewrites them, nothing is left to rewrite.
  const before = await sheetValues();
  const planned = planNormalisation(agencyCells(before), defaultDirectory());
  expect(planned.rewrites.length).toBeGreaterThan(3);
  await pane.page.click(testId("normalise-button"));
  await pane.page.waitForSelector(testId("normalise-count"), WAIT);
  expect(Number(await pane.page.getAttribute(testId("normalise-count"), "data-cells"))).toBe(planned.rewrites.length);
  const aliases = await pane.page.$$eval(testId("normalise-alias"), (els) => els.map((el) => el.getAttribute("data-from")));
  expect(aliases).toEqual(planned.aliases.map((a) => a.from));
  await pane.page.click(testId("normalise-confirm"));
  await pane.page.waitForSelector(testId("normalise-nothing"), WAIT);
  const after = await sheetValues();
  expect(planNormalisation(agencyCells(after), defaultDirectory()).rewrites).toEqual([]);
  for (const r of planned.rewrites) {
    const at = agencyCells(after).find((c) => c.address === r.address);
    expect(at?.text).toBe(r.after);
  }
  expect(after[6][3]).toBe(PICKED);

  // Undo: every cell as it was before the normalisation, D7 still holding the picked names.
  await pane.page.click(testId("notice-undo"));
  await pane.page.waitForSelector(testId("normalise-button"), WAIT);
  const undone = await sheetValues();
  undone.forEach((row, r) =>
    row.forEach((v, c) => expect([cellAddress(r + 1, c + 1), v]).toEqual([cellAddress(r + 1, c + 1), before[r][c]])),
  );
  expect(pane.pageErrors).toEqual([]);
});
