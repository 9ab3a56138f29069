/**
 * Every state of the pane at Office's narrow task-pane size, 350×800, in Debian's chromium on the demo build
 * (?pane=only: the pane alone, as Office shows it): first open, checked, filtered, stale, errors, legacy, delegations,
 * consolidation with unreadable files, settings and directory editing. In each: axe-core finds no serious or critical
 * violation, a screenshot goes to test-output/, and the visible text in Vietnamese holds no rule code and no English.
 * Checked: the first issue card starts above y = 400; at 200 % zoom (175 CSS px) nothing scrolls sideways.
 */
import * as fs from "fs";
import * as path from "path";
import { ISSUE_CODES } from "../../src/core/issues/catalogue";
import { EN } from "../../src/taskpane/strings-en";
import { ROOT } from "../demo/serve";
import { CHECK_READY, testId, useDemoPane } from "./chromium";

jest.setTimeout(180_000);

const OUT = path.join(ROOT, "test-output", "pane-states");
const SEED = "Phụ lục";
const OUTBOUND = "Phụ lục I - Đoàn ra";
const LEGACY = "Phụ lục (TCVN3)";
const AXE = require.resolve("axe-core/axe.min.js");

const pane = useDemoPane({ viewport: { width: 350, height: 800 }, query: "pane=only&latency=0", ready: CHECK_READY });

beforeAll(() => {
  fs.mkdirSync(OUT, { recursive: true });
});

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
}

/** axe-core over the page; the serious and critical violations, one line each. */
async function seriousViolations(): Promise<string[]> {
  if (!(await pane.page.evaluate(() => "axe" in window))) await pane.page.addScriptTag({ path: AXE });
  const result = (await pane.page.evaluate(() =>
    // Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex>) are how Fluent keeps focus in its
    // groups; they hand focus on at once and are a known axe false positive (aria-hidden-focus).
    (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] },
    ),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** English the pane could show: its English strings (those that are not also Vietnamese) and plain English words. */
const ENGLISH = Object.values(EN)
  .filter((v): v is string => typeof v === "string" && v.length >= 6 && v !== "English" && v !== "Tiếng Việt")
  .map((v) => v.replace(/…$/, ""));
const ENGLISH_WORDS =
  /\b(the|and|with|from|cannot|could|this|that|Check|Cancel|Settings|Issues|Delete|Remove|Undo|Insert|error|warning|sheet|table)\b/;
const CODES = new RegExp(`\\b(${ISSUE_CODES.join("|")})\\b`);

/** The pane's visible text in this state: no rule code, no English (the language's own name aside). */
async function vietnameseOnly(): Promise<void> {
  const text = await pane.page.evaluate(() => document.body.innerText);
  expect(text).not.toMatch(CODES);
  for (const english of ENGLISH) expect(text).not.toContain(english);
  expect(text.replace(/English/g, "")).not.toMatch(ENGLISH_WORDS);
}

async function state(name: string): Promise<void> {
  await pane.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  await pane.page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  expect(await seriousViolations()).toEqual([]);
  await vietnameseOnly();
}

async function check(sheet: string): Promise<void> {
  await pane.inHost((host, s) => {
    host.activeSheet = s;
  }, sheet);
  await pane.page.click(testId("tab-check"));
  await pane.page.click(testId("check-button"));
  await pane.page.waitForFunction(
    ([s]) =>
      document.querySelector('[data-testid="result-title"]')?.textContent?.includes(s) &&
      !document.querySelector('[data-testid="progress"]'),
    [sheet] as const,
    { timeout: 30_000 },
  );
}

it("first open", async () => {
  await pane.page.waitForSelector(testId("empty-state"));
  await state("01-first-open");
});

it("checked: the summary and the first issue card above y = 400, nothing sideways at 200 % zoom", async () => {
  await check(SEED);
  const first = await pane.page.$eval(testId("issue-item"), (el) => el.getBoundingClientRect().top);
  expect(first).toBeLessThan(400);
  fs.writeFileSync(path.join(OUT, "first-issue-y.txt"), `${Math.round(first)}\n`);
  await state("02-checked");
  // 200 % zoom in a 350 px pane is a 175 CSS px wide viewport.
  await pane.page.setViewportSize({ width: 175, height: 400 });
  const sideways = await pane.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await pane.page.screenshot({ path: path.join(OUT, "02-checked-zoom-200.png"), fullPage: true });
  await pane.page.setViewportSize({ width: 350, height: 800 });
  expect(sideways).toBeLessThanOrEqual(0);
});

it("filtered", async () => {
  await pane.page.click(testId("severity-error"));
  await pane.page.waitForFunction(() => document.querySelectorAll('[data-testid="issue-item"]').length === 1);
  await state("03-filtered");
  await pane.page.click(testId("severity-all"));
});

it("stale, after the user edits the checked sheet with “Kiểm tra khi gõ” off", async () => {
  // On (the default), the edit is re-checked as it is typed; off, the result says it is out of date.
  await pane.page.click(testId("live-check-switch"));
  await pane.inHost((host, s) => host.sheet(s).setCell("B45", "Nhiệm vụ mới thêm"), SEED);
  await pane.page.waitForSelector(testId("stale"), { timeout: 60_000 });
  expect(await pane.page.textContent(testId("stale"))).toContain("Bảng đã thay đổi");
  await state("04-stale");
  await pane.page.click(testId("live-check-switch"));
});

it("errors: a refusal said in Vietnamese", async () => {
  await pane.inHost((host) => host.failNextSync("GeneralException"), null);
  await pane.page.click(testId("write-summary-button"));
  await pane.page.waitForSelector(testId("failure"), { timeout: 15_000 });
  await state("05-errors");
  await pane.page.click(testId("failure-dismiss"));
});

it("legacy: 133 TCVN3 cells as one line with “Chuyển tất cả”", async () => {
  await check(LEGACY);
  await pane.page.waitForSelector(`${testId("issue-group")}[data-code="legacy-encoding"]`);
  expect(await pane.page.textContent(testId("convert-all-button"))).toBe("Chuyển tất cả");
  await state("06-legacy");
});

it("delegations", async () => {
  await check(OUTBOUND);
  await pane.page.waitForSelector(testId("stated-totals-form"));
  await state("07-delegations");
});

it("consolidation with unreadable files", async () => {
  await pane.page.click(testId("consolidate-tab"));
  await pane.page.waitForSelector(testId("consolidate-files"), { state: "attached", timeout: 30_000 });
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  await pane.page.setInputFiles(testId("consolidate-files"), [
    { name: "so-tai-chinh.xlsx", mimeType: xlsx, buffer: Buffer.from("STT;Nội dung\n1;không phải sổ làm việc\n") },
    { name: "so-y-te.xlsx", mimeType: xlsx, buffer: Buffer.alloc(0) },
  ]);
  await pane.page.fill(testId("consolidate-expected"), "Sở Tài chính\nSở Y tế");
  await pane.page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid="consolidate-file-status"]')].every(
        (el) => el.getAttribute("data-status") === "unreadable",
      ),
    undefined,
    { timeout: 30_000 },
  );
  await pane.page.waitForSelector(testId("consolidate-summary"));
  expect(await pane.page.getAttribute(testId("consolidate-summary"), "data-missing")).toBe("Sở Tài chính\nSở Y tế");
  await state("08-consolidation-unreadable");
});

it("settings", async () => {
  await pane.page.click(testId("tab-settings"));
  await pane.page.waitForSelector(testId("rules"));
  await state("09-settings");
});

it("directory editing: the add form, and the question before a delete", async () => {
  await pane.page.click(testId("directory-add"));
  await pane.page.waitForSelector(testId("directory-form"));
  expect(await pane.page.inputValue(testId("entry-name"))).toBe("");
  await state("10-directory-add");
  await pane.page.click(`${testId("directory-entry")} ${testId("directory-remove")}`);
  await pane.page.waitForSelector(testId("directory-remove-confirm"));
  await state("11-directory-delete");
  await pane.page.click(testId("directory-remove-dismiss"));
});

it("threw no error", () => {
  expect(pane.pageErrors).toEqual([]);
});
