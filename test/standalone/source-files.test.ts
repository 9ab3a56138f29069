/**
 * The checker page's one place where a chosen file's format is chosen: .xlsx read into grids, a Word file recognised
 * and answered plainly, anything else named as unknown — never an exception.
 */
import * as fs from "fs";
import * as path from "path";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { checkWorkbook } from "../../src/core/workbook";
import { readSourceFile, sourceFormat } from "../../src/standalone/source-files";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

const WORD_FIXTURES = path.join(__dirname, "..", "..", "..", "shared", "fixtures", "word");

// Reading a workbook with ExcelJS takes seconds on a busy machine.

const seed = () => new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX));

it("chooses the format from the name, and from the zip signature when the name has no extension", () => {
  expect(sourceFormat("phu-luc.xlsx", new Uint8Array())).toBe("xlsx");
  expect(sourceFormat("Phu Luc.XLSM", new Uint8Array())).toBe("xlsx");
  expect(sourceFormat("ke-hoach.docx", new Uint8Array())).toBe("docx");
  expect(sourceFormat("tep-khong-duoi", seed())).toBe("xlsx");
  expect(sourceFormat("ghi-chu.txt", new TextEncoder().encode("STT\tNội dung"))).toBeNull();
});

it("reads the seed appendix into one grid per sheet", async () => {
  const read = await readSourceFile("seed-001-appendix.xlsx", seed());
  expect(read.ok).toBe(true);
  if (read.ok) expect(read.sheets.map((g) => g.sheetName)).toContain("Phụ lục");
});

it("reads a Word plan's tables as grids the engine checks like the workbook", async () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(WORD_FIXTURES, "seed-001-plan.docx")));
  const read = await readSourceFile("seed-001-plan.docx", bytes);
  expect(read.ok).toBe(true);
  if (!read.ok) return;
  expect(read.format).toBe("docx");
  const result = checkWorkbook(read.sheets, { directory: defaultDirectory() });
  if (!("checks" in result)) throw new Error(`the Word tables were not checked: ${result.reason}`);
  const tasks = result.checks.find((c) => c.kind === "tasks" && c.table !== null);
  expect(tasks?.counts.tasks).toBe(25);
  expect(tasks?.sheetName).toBe("Bảng 3");
  expect(tasks?.issues.filter((i) => i.code === "missing-stt")).toHaveLength(1);
});

it("answers a Word file that cannot be read, an unknown file and a broken workbook with a reason", async () => {
  const doc = await readSourceFile("ke-hoach.docx", new Uint8Array([0x50, 0x4b, 3, 4]));
  expect(doc).toMatchObject({ ok: false, reason: "docx-failed", failure: "corrupt" });
  expect(await readSourceFile("ghi-chu.txt", new TextEncoder().encode("hello"))).toEqual({ ok: false, reason: "unknown-format" });
  const broken = await readSourceFile("hong.xlsx", seed().slice(0, 200));
  expect(broken.ok).toBe(false);
});
