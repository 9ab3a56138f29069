/**
 * What `check` of a workbook loads (issue 17, start-up): ExcelJS is half a second of start-up and the Word reader
 * brings pako, so neither may be loaded unless the input or an option needs it. Structural, not timed: each heavy
 * module is replaced by a stand-in that records being loaded, and the answers must not change.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { PARAGRAPH_PLANS, SEED_004 } from "../support/paragraph-plans";

const mockLoaded = new Set<string>();
jest.mock("exceljs", () => {
  mockLoaded.add("exceljs");
  return jest.requireActual("exceljs");
});
jest.mock("pako", () => {
  mockLoaded.add("pako");
  return jest.requireActual("pako");
});


const WORD_PLAN = path.join(__dirname, "..", "fixtures", "word", "dongthap-kh617-2025.docx");

let dir: string;
beforeEach(() => {
  mockLoaded.clear();
  jest.resetModules();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-loads-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("check --json of an .xlsx loads neither ExcelJS nor the Word reader's pako", async () => {
  const r = await runCli(["check", SEED_APPENDIX_XLSX, "--json"]);
  expect(r.code).toBe(1); // the seed's one error: the check really ran
  expect(JSON.parse(r.stdout).files[0].counts.tasks).toBe(25);
  expect([...mockLoaded]).toEqual([]);
});

test("check of an .xlsx as terminal text loads neither", async () => {
  const r = await runCli(["check", SEED_APPENDIX_XLSX]);
  expect(r.stdout).toContain("seed-001-appendix.xlsx");
  expect([...mockLoaded]).toEqual([]);
});

test("--summary is written by the command line's own XML writer: still no ExcelJS", async () => {
  const out = path.join(dir, "summary.xlsx");
  const r = await runCli(["check", SEED_APPENDIX_XLSX, "--summary", out]);
  expect(r.code).toBe(1);
  expect(fs.existsSync(out)).toBe(true);
  expect([...mockLoaded]).toEqual([]);
});

test("extract's appendix writer does load ExcelJS (the stand-in sees a load when there is one)", async () => {
  const out = path.join(dir, "phu-luc.xlsx");
  const r = await runCli(["extract", path.join(PARAGRAPH_PLANS, SEED_004), "-o", out]);
  expect(r.stderr).not.toMatch(/internal/i);
  expect(fs.existsSync(out)).toBe(true);
  expect(mockLoaded.has("exceljs")).toBe(true);
});

test("a Word plan loads the Word reader, pako with it", async () => {
  const r = await runCli(["check", WORD_PLAN, "--json"]);
  expect(r.stderr).not.toMatch(/internal/i);
  expect(JSON.parse(r.stdout).files.length).toBeGreaterThan(0);
  expect(mockLoaded.has("pako")).toBe(true);
  expect(mockLoaded.has("exceljs")).toBe(false);
});
