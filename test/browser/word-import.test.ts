/**
 * "Nhập từ Word" in a real browser, on the demo: a .docx picked with the file input, read in the page by the Word
 * reader from its own async chunk (pako inflating, no Node), its tables listed, the appendix written into a new
 * sheet of the in-memory workbook with its merged cells; then a .docx reply in the consolidation. No request may
 * leave the page's origin.
 */
import * as fs from "fs";
import * as path from "path";
import { FIXTURES } from "../support/fixtures";
import { CHECK_READY, testId, useDemoPane } from "./chromium";

jest.setTimeout(180_000);

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PLAN = path.join(FIXTURES, "word", "seed-001-plan.docx");

const pane = useDemoPane({ viewport: { width: 1280, height: 900 }, ready: CHECK_READY });

it("picks a .docx, lists its tables and writes the appendix into a new sheet with its merges", async () => {
  const scriptsBefore = pane.requests.filter((url) => url.endsWith(".js")).length;
  await pane.page.setInputFiles(testId("word-import-file"), [
    { name: "ke-hoach.docx", mimeType: DOCX_TYPE, buffer: fs.readFileSync(PLAN) },
  ]);
  await pane.page.waitForSelector(testId("word-import-tables"), { timeout: 60_000 });
  // The reader came in a chunk of its own, only now.
  expect(pane.requests.filter((url) => url.endsWith(".js")).length).toBeGreaterThan(scriptsBefore);
  const items = await pane.page.$$eval(testId("word-import-table"), (els) => els.map((el) => el.textContent ?? ""));
  expect(items).toHaveLength(3);
  expect(items[2]).toContain("Bảng 3: 34 dòng × 5 cột");
  expect(items[2]).toContain("bảng nhiệm vụ, 25 nhiệm vụ");

  await pane.page.click(testId("word-import-write-3"));
  await pane.page.waitForFunction(`window.__demoHost.sheetNames().includes("Bảng 3")`, undefined, { timeout: 30_000 });
  await pane.page.waitForSelector(`${testId("notice")} >> text=Bảng 3`, { timeout: 30_000 });
  const merges = await pane.inHost((host) => host.mergesOf("Bảng 3"), null);
  expect(merges).toHaveLength(11);
  expect(merges).toEqual(expect.arrayContaining(["B2:E2", "E4:E5", "C31:C32", "E31:E32"]));
  const cells = await pane.inHost((host) => [host.sheet("Bảng 3").cell("A3").value, host.sheet("Bảng 3").cell("A34").value], null);
  expect(cells).toEqual(["1.", ""]);

  // The new sheet is the active one: checking it gives the seed's figures.
  await pane.page.click(testId("check-button"));
  await pane.page.waitForSelector(`${testId("result-summary")} >> text=25 nhiệm vụ trong 8 mục`, { timeout: 30_000 });
});

it("reads a .docx reply in the consolidation", async () => {
  await pane.page.click(testId("consolidate-tab"));
  await pane.page.waitForSelector(testId("consolidate-files"), { state: "attached", timeout: 30_000 });
  await pane.page.setInputFiles(testId("consolidate-files"), [
    { name: "ubnd-tinh.docx", mimeType: DOCX_TYPE, buffer: fs.readFileSync(PLAN) },
  ]);
  await pane.page.waitForSelector(testId("consolidate-summary"), { timeout: 60_000 });
  const statuses = await pane.page.$$eval(testId("consolidate-file-status"), (els) => els.map((el) => el.getAttribute("data-status")));
  expect(statuses).toEqual(["tables"]);
  expect(await pane.page.getAttribute(testId("consolidate-summary"), "data-rows-out")).toBe("25");
});

it("stays within the page's origin and raises no error", () => {
  const origin = new URL(pane.url).origin;
  expect(pane.requests.filter((url) => !url.startsWith(origin) && !url.startsWith("data:"))).toEqual([]);
  expect(pane.pageErrors).toEqual([]);
});
