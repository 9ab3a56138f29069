/**
 * The checker page's one place where a chosen file's format is chosen: .xlsx read into grids, a Word file recognised
 * and answered plainly, anything else named as unknown — never an exception.
 */
import * as fs from "fs";
import { readSourceFile, sourceFormat } from "../../src/standalone/source-files";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

// Reading a workbook with ExcelJS takes seconds on a busy machine.
jest.setTimeout(60_000);

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

it("answers a Word file, an unknown file and a broken workbook with a reason", async () => {
  expect(await readSourceFile("ke-hoach.docx", new Uint8Array([0x50, 0x4b, 3, 4]))).toEqual({ ok: false, reason: "docx-unsupported" });
  expect(await readSourceFile("ghi-chu.txt", new TextEncoder().encode("hello"))).toEqual({ ok: false, reason: "unknown-format" });
  const broken = await readSourceFile("hong.xlsx", seed().slice(0, 200));
  expect(broken.ok).toBe(false);
});
