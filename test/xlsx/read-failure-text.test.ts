/**
 * Every reason and every detail the readers give is said in Vietnamese and in English, from the one catalogue, and
 * reaches the command line's stderr in Vietnamese by default and in English with --lang en.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readDetailText, readFailureText } from "../../src/xlsx/read-failure-text";
import type { ReadDetail, ReadFailure } from "../../src/xlsx/read-failure-text";
import { rawAppendix } from "../hostile/raw-workbook";
import { runCli } from "../support/cli";

const REASONS: ReadFailure[] = [
  "empty-file",
  "encrypted",
  "legacy-xls",
  "not-xlsx",
  "corrupt",
  "too-large",
  "xlsb",
  "ods",
  "word",
  "not-a-file",
];
const DETAILS: ReadDetail[] = [
  { kind: "zip64-end-missing" },
  { kind: "zip64-end-damaged" },
  { kind: "directory-outside" },
  { kind: "directory-damaged" },
  { kind: "too-many-entries", count: 30_000, limit: 20_000 },
  { kind: "part-too-large", entry: "xl/worksheets/sheet1.xml", size: 5 * 2 ** 30, limit: 160 * 2 ** 20 },
  { kind: "total-too-large", size: 2 ** 31, limit: 320 * 2 ** 20 },
  { kind: "inflated-over-total", limit: 320 * 2 ** 20 },
  ...(["no-zip64-sizes", "past-end", "no-header", "crc"] as const).map((k): ReadDetail => ({
    kind: "entry",
    entry: "a.xml",
    problem: { kind: k },
  })),
  { kind: "entry", entry: "a.xml", problem: { kind: "bad-deflate", declared: 1000 } },
  { kind: "entry", entry: "a.xml", problem: { kind: "size-mismatch", declared: 1000, actual: 20 } },
  { kind: "entry", entry: "a.xml", problem: { kind: "method", method: 12 } },
  { kind: "sheets-missing", sheets: ["Phụ lục"] },
  { kind: "no-worksheet" },
  { kind: "sheet", sheet: "PL", problem: { kind: "cell-beyond", ref: "ZZZZZZ12" } },
  { kind: "sheet", problem: { kind: "bad-row-number", value: "x" } },
  { kind: "sheet", problem: { kind: "row-beyond", row: 400_000_000 } },
  { kind: "sheet", problem: { kind: "row-twice", row: 5 } },
  { kind: "sheet", problem: { kind: "cell-not-in-row", ref: "A1", row: 2 } },
  { kind: "sheet", problem: { kind: "row-past-xfd", row: 3 } },
  { kind: "sheet", problem: { kind: "cell-twice", ref: "B5" } },
  { kind: "sheet", problem: { kind: "missing-shared-string", ref: "A1", index: "7" } },
  { kind: "sheet", problem: { kind: "merge-not-range", ref: "A" } },
  ...(["docx", "doc", "odt", "pptx"] as const).map((type): ReadDetail => ({ kind: "file-type", type })),
];

test("every reason is one line in each language, and the two differ", () => {
  for (const reason of REASONS) {
    const vi = readFailureText({ reason }, "vi");
    const en = readFailureText({ reason }, "en");
    expect(vi).not.toEqual(en);
    expect(`${vi}${en}`).not.toMatch(/\n|undefined|\[object/);
  }
});

test("every detail is said in each language, with its figures, and the two differ", () => {
  for (const d of DETAILS) {
    const vi = readDetailText(d, "vi");
    const en = readDetailText(d, "en");
    expect([d.kind, vi === en]).toEqual([d.kind, false]);
    expect(`${vi}${en}`).not.toMatch(/\n|undefined|NaN|\[object/);
    expect(readFailureText({ reason: "corrupt", detail: d }, "vi")).toContain(`(${vi})`);
  }
  expect(readDetailText(DETAILS[5], "vi")).toContain("5,0 GB");
  expect(readDetailText(DETAILS[5], "en")).toContain("5.0 GB");
  expect(readDetailText({ kind: "message", text: "Corrupted zip" }, "vi")).toBe("Corrupted zip");
});

test("the command line says a reader's failure in Vietnamese by default and in English with --lang en", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-read-failure-"));
  try {
    const file = path.join(dir, "phu-luc.xlsx");
    fs.writeFileSync(
      file,
      rawAppendix((xml) => xml.replace('<row r="4">', '<row r="400000000">')),
    );
    const vi = await runCli(["check", file]);
    expect(vi.stderr).toContain("bảng tính bị hỏng hoặc không đầy đủ");
    expect(vi.stderr).toContain("nằm ngoài dòng cuối cùng");
    const en = await runCli(["check", file, "--lang", "en"]);
    expect(en.stderr).toContain("the workbook is damaged or truncated");
    expect(en.stderr).toContain("row 400,000,000 lies beyond the sheet's last row 1,048,576");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
