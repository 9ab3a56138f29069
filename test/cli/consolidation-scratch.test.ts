/**
 * What a consolidation keeps on disk until it writes the workbook (issue 17): its rows and its issues as JSON lines,
 * and the issue list "Danh sách lỗi" made from them as it is written — the same list, row for row, as the one held
 * in memory.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { JsonLines } from "../../src/cli/json-lines";
import { diskIssueShelf } from "../../src/cli/disk-issue-shelf";
import { RowSpool } from "../../src/cli/row-spool";
import { Issue } from "../../src/core/issues/catalogue";
import { issuesSheet, memoryShelf, streamedIssuesSheet, SummarySource } from "../../src/core/output/summaries";
import { collectedSheet } from "../../src/core/output/sheet-model";
import { runCli } from "../support/cli";
import { xlsxFromRows } from "../support/xlsx";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-scratch-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("JsonLines", () => {
  test("gives back every value in the order added, Vietnamese text and lines longer than its buffer included", () => {
    const lines = new JsonLines<{ n: number; text: string }>(path.join(dir, "v.jsonl"));
    const long = "Nội dung nhiệm vụ rất dài — ".repeat(60_000); // ~1.7 M characters, ~2.5 MB of UTF-8
    const values = [
      { n: 1, text: "Sở Tài chính" },
      { n: 2, text: long },
      { n: 3, text: 'dòng\nthứ ba "có" ngoặc' },
      ...Array.from({ length: 20_000 }, (_, i) => ({ n: 4 + i, text: `Quý ${(i % 4) + 1}/2026 — Ủy ban nhân dân huyện ${i}` })),
    ];
    for (const v of values) lines.add(v);
    expect(lines.count).toBe(values.length);
    const seen: Array<{ n: number; text: string }> = [];
    lines.each((v) => seen.push(v));
    expect(seen).toEqual(values);
    // A second reader starts again from the first value.
    expect(lines.reader().next()).toEqual(values[0]);
    lines.close();
  });

  test("a file cut short is said as such, not read as fewer values", () => {
    const file = path.join(dir, "cut.jsonl");
    const lines = new JsonLines<number>(file);
    for (let i = 0; i < 3; i++) lines.add(i);
    const r = lines.reader();
    fs.truncateSync(file, 4); // "0\n1\n": the third line is gone
    expect([r.next(), r.next()]).toEqual([0, 1]);
    expect(() => r.next()).toThrow(/cut short/);
    lines.close();
  });
});

function issue(code: Issue["code"], row: number, value: string): Issue {
  return { code, severity: "warning", cell: `C${row}`, row, field: "lead", value, params: { agency: value } } as unknown as Issue;
}

describe("the issue list from a shelf on disk", () => {
  const sources: SummarySource[] = [
    {
      file: "a.xlsx",
      linkFile: "replies/a.xlsx",
      sheetName: "Phụ lục",
      issues: [issue("unknown-agency", 5, "Sở Du hành"), issue("unknown-agency", 9, "Ban X")],
    },
    { file: "b.xlsx", sheetName: "Sheet1", issues: [] },
    { file: "c.xlsx", sheetName: "Phụ lục 2", issues: [issue("unknown-agency", 12, "Phòng Y")] },
  ];

  test("is the same sheet, cell for cell and link for link, as the list held in memory", () => {
    const spool = new RowSpool();
    try {
      const shelf = diskIssueShelf(spool.lines<SummarySource>("issues"));
      for (const s of sources) shelf.add(s);
      expect(shelf.issues).toBe(3);
      expect(shelf.withFile).toBe(true);
      const fromDisk = collectedSheet(streamedIssuesSheet(shelf, "vi"));
      const inMemory = issuesSheet(sources, "vi");
      expect(fromDisk).toEqual(inMemory);
      expect(inMemory.rows[1][0].value).toBe("Tổng: 3");
      expect(inMemory.rows.slice(3).map((r) => [r[1].value, r[3].value, r[3].link])).toEqual([
        ["a.xlsx", "C5", { file: "replies/a.xlsx", sheet: "Phụ lục", cell: "C5" }],
        ["a.xlsx", "C9", { file: "replies/a.xlsx", sheet: "Phụ lục", cell: "C9" }],
        ["c.xlsx", "C12", { file: "c.xlsx", sheet: "Phụ lục 2", cell: "C12" }],
      ]);
    } finally {
      spool.dispose();
    }
  });

  test("with no issue at all, says so in one row, as the list in memory does", () => {
    const spool = new RowSpool();
    try {
      const shelf = diskIssueShelf(spool.lines<SummarySource>("issues"));
      shelf.add({ file: "b.xlsx", sheetName: "Sheet1", issues: [] });
      const mem = memoryShelf();
      mem.add({ file: "b.xlsx", sheetName: "Sheet1", issues: [] });
      const fromDisk = collectedSheet(streamedIssuesSheet(shelf, "en"));
      expect(fromDisk).toEqual(collectedSheet(streamedIssuesSheet(mem, "en")));
      expect(fromDisk.autoFilter).toBe(false);
      expect(fromDisk.rows).toHaveLength(4);
    } finally {
      spool.dispose();
    }
  });

  test("the spool's folder, issues and rows included, is gone once disposed", () => {
    const spool = new RowSpool();
    const lines = spool.lines<SummarySource>("issues");
    lines.add(sources[0]);
    const folder = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith("appendix-checker-rows-"));
    spool.dispose();
    const after = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith("appendix-checker-rows-"));
    expect(after.length).toBe(folder.length - 1);
  });
});

test("consolidate: “Danh sách lỗi” lists every reply's issues with its file, a link to the cell, and the total", async () => {
  const replies = path.join(dir, "replies");
  fs.mkdirSync(replies);
  const header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
  const write = async (name: string, rows: Array<Array<string | number>>) =>
    fs.writeFileSync(path.join(replies, name), await xlsxFromRows([{ name: "Phụ lục", rows: [header, ...rows] }]));
  await write("so-tai-chinh.xlsx", [
    [1, "Rà soát dự toán ngân sách", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", ""],
    [2, "Kiểm tra quyết toán", "", "Sở Nội vụ", "Quý II/2026"],
  ]);
  await write("so-noi-vu.xlsx", [[1, "Tuyển dụng công chức", "Sở Nội vụ", "Sở Tài chính", "Năm 2026"]]);
  await write("so-xay-dung.xlsx", [[1, "Quy hoạch đô thị", "Sở Xây dựng", "", "Quý V/2026"]]);
  const out = path.join(dir, "tong-hop.xlsx");
  const r = await runCli(["consolidate", replies, "-o", out]);
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Danh sách lỗi")!;
  const rows: string[][] = [];
  ws.eachRow((row) =>
    rows.push(
      (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v && typeof v === "object" && "text" in v ? String(v.text) : String(v ?? ""))),
    ),
  );
  const listed = rows.slice(3);
  expect(rows[1][0]).toBe(`Tổng: ${listed.length}`);
  // Every issue names its file, and its cell is a link into that file.
  expect(listed.length).toBeGreaterThanOrEqual(3);
  expect(listed.every((l) => /^so-[a-z-]+\.xlsx$/.test(l[1]))).toBe(true);
  expect(listed.some((l) => l[1] === "so-tai-chinh.xlsx" && l[3] === "E2")).toBe(true);
  expect(listed.some((l) => l[1] === "so-tai-chinh.xlsx" && l[3] === "C3")).toBe(true);
  expect(listed.some((l) => l[1] === "so-xay-dung.xlsx" && l[3] === "E2")).toBe(true);
  const link = ws.getCell("D4").value as { hyperlink?: string };
  expect(link.hyperlink).toBe(`replies/${listed[0][1]}`);
});
