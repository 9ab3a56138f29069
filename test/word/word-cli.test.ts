/**
 * The command line on Word documents: the truths of ../shared/fixtures/word/README.md and hostile/README.md, Word
 * and workbook replies consolidated together, files told apart by their content.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { FileReport, Report, ReportSchema } from "../../src/core/output/report";
import { runCli } from "../support/cli";
import { cell, docx, para, row, table, TASK_HEADER } from "../support/docx";
import { FIXTURES, SEED_APPENDIX_XLSX, SEED_DELEGATIONS_XLSX } from "../support/fixtures";


const WORD = path.join(FIXTURES, "word");
const HOSTILE = path.join(WORD, "hostile");

async function checkJson(file: string, ...more: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCli(["check", file, "--json", ...more]);
  return { code: r.code, report: ReportSchema.parse(JSON.parse(r.stdout)), stderr: r.stderr };
}

const agency = (f: FileReport, name: string) => f.agencies.find((a) => a.name === name);
const codes = (f: FileReport, severities = ["error", "warning"]) =>
  f.issues
    .filter((i) => severities.includes(i.severity))
    .map((i) => i.code)
    .sort();

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-word-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("check seed-001-plan.docx", () => {
  it.each(["seed-001-plan.docx", "seed-001-appendix-libreoffice.docx"])(
    "%s: the seed's figures and the same issues as the .xlsx seed",
    async (name) => {
      const { code, report } = await checkJson(path.join(WORD, name));
      const xlsx = (await checkJson(SEED_APPENDIX_XLSX)).report.files[0];
      expect(code).toBe(1);
      expect(report.files).toHaveLength(1); // the layout tables are not task tables
      const f = report.files[0];
      expect(f.counts).toMatchObject({ sections: 8, tasks: 25, errors: 1 });
      expect(codes(f)).toEqual(codes(xlsx));
      expect(f.issues.filter((i) => i.code === "missing-stt")).toHaveLength(1);
      expect(f.issues.some((i) => ["missing-lead", "missing-timeframe", "unparsed-timeframe"].includes(i.code))).toBe(false);
      expect(agency(f, "Sở Ngoại vụ")).toMatchObject({ lead: 18, coordinating: 7 });
      expect(agency(f, "Công an tỉnh")).toMatchObject({ coordinating: 4 });
      expect(agency(f, "Sở Kế hoạch và Đầu tư")).toMatchObject({ lead: 3, coordinating: 3 });
      expect(agency(f, "Sở Công Thương")).toMatchObject({ lead: 2, coordinating: 3 });
    },
  );

  it("points to the table, row and column, and reads the plan's title, period, number and date from the text", async () => {
    const { report } = await checkJson(path.join(WORD, "seed-001-plan.docx"));
    const f = report.files[0];
    expect(f.sheet).toBe("Bảng 3");
    const missing = f.issues.find((i) => i.code === "missing-stt")!;
    expect(missing.location).toEqual({ table: 3, row: 34, column: "A" });
    expect(f.document).toMatchObject({
      format: "docx",
      table: 3,
      plan: { startYear: 2022, endYear: 2023 },
      number: "/KH-UBND",
      date: { year: 2022, day: null, month: null },
      revisions: false,
    });
    expect(f.document!.title).toMatch(/^KẾ HOẠCH Triển khai thực hiện công tác đối ngoại năm 2022 - 2023/);
    const text = await runCli(["check", path.join(WORD, "seed-001-plan.docx")]);
    expect(text.stdout).toContain("bảng 3, dòng 34");
    expect(text.stdout).toMatch(/cột A\s+missing-stt/);
    expect(text.stdout).toContain("kỳ kế hoạch 2022–2023");
    const en = await runCli(["check", path.join(WORD, "seed-001-plan.docx"), "--lang", "en"]);
    expect(en.stdout).toContain("table 3, row 34");
    expect(en.stdout).toContain("› Table 3");
  });

  it("the plan's period comes from the document's title: a task due before it is flagged", async () => {
    const rows = [
      TASK_HEADER,
      row([
        cell(para("1")),
        cell(para("Tổng kết hợp tác")),
        cell(para("Sở Ngoại vụ")),
        cell(para("Công an tỉnh")),
        cell(para("Quý II/2024")),
      ]),
    ];
    const body = (title: string) => para("KẾ HOẠCH") + para(title) + para("Thực hiện Công văn số 12/BNG ngày 08/3/2026.") + table(rows, 5);
    const planned = path.join(dir, "plan-2026.docx");
    fs.writeFileSync(planned, docx({ body: body("Công tác đối ngoại năm 2026") }));
    const untitled = path.join(dir, "untitled.docx");
    fs.writeFileSync(untitled, docx({ body: body("Công tác đối ngoại") }));
    const a = (await checkJson(planned)).report.files[0];
    expect(a.document!.plan).toEqual({ startYear: 2026, endYear: 2026 });
    expect(a.issues.filter((i) => i.code === "timeframe-outside-plan").map((i) => i.location)).toEqual([{ table: 1, row: 2, column: "E" }]);
    const b = (await checkJson(untitled)).report.files[0];
    expect(b.document!.plan).toBeNull();
    expect(b.issues.some((i) => i.code === "timeframe-outside-plan")).toBe(false);
  });

  it("--summary writes the summary sheets from a Word table, the Word file untouched", async () => {
    const input = path.join(dir, "plan.docx");
    fs.copyFileSync(path.join(WORD, "seed-001-plan.docx"), input);
    const before = fs.readFileSync(input);
    const out = path.join(dir, "summary.xlsx");
    const r = await runCli(["check", input, "--summary", out]);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Tổng hợp cơ quan", "Danh sách lỗi"]));
    const issues = wb.getWorksheet("Danh sách lỗi")!;
    const rows: string[] = [];
    issues.eachRow((row) =>
      rows.push((row.values as unknown[]).map((v) => (v && typeof v === "object" && "text" in v ? v.text : v)).join("|")),
    );
    expect(rows.some((r) => r.includes("missing-stt") || r.includes("Nhiệm vụ chưa có số thứ tự"))).toBe(true);
    expect(rows.some((r) => r.includes("Bảng 3"))).toBe(true);
  });
});

describe("check seed-002 plans: the stated totals from the document's own text", () => {
  it("seed-002-plan.docx: outbound 13 = 9 + 4, inbound 12 = 9 + 3, no mismatch", async () => {
    const { code, report } = await checkJson(path.join(WORD, "seed-002-plan.docx"));
    expect(report.files.map((f) => f.kind)).toEqual(["delegations", "delegations"]);
    const f = report.files[0];
    expect(f.delegations).toEqual({
      outbound: { total: 13, planned: 9, supplementary: 4 },
      inbound: { total: 12, planned: 9, supplementary: 3 },
    });
    expect(f.document!.stated).toEqual({
      outbound: { total: 13, planned: 9, supplementary: 4 },
      inbound: { total: 12, planned: 9, supplementary: 3 },
    });
    expect(report.files.flatMap((x) => x.issues).filter((i) => i.code === "delegation-total-mismatch")).toEqual([]);
    expect(code).toBe(0);
  });

  it("seed-002-plan-cut.docx: outbound 12 = 8 + 4 and exactly one delegation-total-mismatch, with no --stated", async () => {
    const { code, report } = await checkJson(path.join(WORD, "seed-002-plan-cut.docx"));
    expect(report.files[0].delegations).toEqual({
      outbound: { total: 12, planned: 8, supplementary: 4 },
      inbound: { total: 12, planned: 9, supplementary: 3 },
    });
    const mismatches = report.files.flatMap((x) => x.issues).filter((i) => i.code === "delegation-total-mismatch");
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0].location?.table).toBe(3);
    expect(code).toBe(1);
  });

  it("totals typed with --stated win over the text's", async () => {
    const stated = JSON.stringify({ outbound: { total: 12, planned: 8 } });
    const { report } = await checkJson(path.join(WORD, "seed-002-plan-cut.docx"), "--stated", stated);
    expect(report.files.flatMap((x) => x.issues).filter((i) => i.code === "delegation-total-mismatch")).toEqual([]);
  });
});

describe("hostile Word files: the outcome hostile/README.md states", () => {
  it("no-table.docx: a no-table error naming the headers looked for, no tasks from the numbered body paragraphs", async () => {
    const r = await checkJson(path.join(HOSTILE, "no-table.docx"));
    expect([1, 2]).toContain(r.code);
    expect(r.report.files.reduce((n, f) => n + f.counts.tasks, 0)).toBe(0);
    const noTable = r.report.files.flatMap((f) => f.issues).find((i) => i.code === "no-table")!;
    expect(noTable.message).toMatch(/STT/);
    expect(r.stderr).toMatch(/no-table\.docx: .*STT/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("nested-tables-in-cells.docx: the inner tables are their cells' text; the seed's figures", async () => {
    const { report } = await checkJson(path.join(HOSTILE, "nested-tables-in-cells.docx"));
    expect(report.files).toHaveLength(1);
    const f = report.files[0];
    expect(f.counts).toMatchObject({ sections: 8, tasks: 25, errors: 1 });
    expect(agency(f, "Sở Ngoại vụ")).toMatchObject({ lead: 18, coordinating: 7 });
    for (const name of ["Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Du lịch", "Ban Quản lý Khu kinh tế tỉnh"])
      expect(agency(f, name)!.lead).toBeGreaterThan(0);
    expect(f.issues.some((i) => i.code === "missing-lead" || i.code === "missing-content")).toBe(false);
  });

  it("table-split-in-two.docx: no row lost, the typed header never a task (two tables of 18 and 7)", async () => {
    const { report } = await checkJson(path.join(HOSTILE, "table-split-in-two.docx"));
    expect(report.files.map((f) => f.counts.tasks)).toEqual([18, 7]);
    expect(report.files.map((f) => f.counts.sections)).toEqual([4, 4]);
    expect(report.files.flatMap((f) => f.issues).filter((i) => i.code === "missing-stt")).toHaveLength(1);
    expect(report.files.map((f) => agency(f, "Sở Ngoại vụ"))).toEqual([
      expect.objectContaining({ lead: 14, coordinating: 4 }),
      expect.objectContaining({ lead: 4, coordinating: 3 }),
    ]);
  });

  it("tracked-changes.docx: read as accepted — 25 tasks, no Sở Tài chính, I.1 reads Quý IV/2022", async () => {
    const { report } = await checkJson(path.join(HOSTILE, "tracked-changes.docx"));
    const f = report.files[0];
    expect(f.counts).toMatchObject({ sections: 8, tasks: 25, errors: 1 });
    expect(agency(f, "Sở Ngoại vụ")).toMatchObject({ lead: 18, coordinating: 7 });
    expect(agency(f, "Sở Công Thương")).toMatchObject({ lead: 2, coordinating: 3 });
    expect(agency(f, "Sở Tài chính")).toBeUndefined();
    expect(f.issues.some((i) => ["unparsed-timeframe", "duplicate-stt", "stt-sequence"].includes(i.code))).toBe(false);
    expect(f.periods.find((p) => p.bucket.includes("III/2022"))).toBeUndefined();
    expect(f.document!.revisions).toBe(true);
  });

  it.each([
    ["word97-binary-renamed.docx", /Word 97-2003 \(\.doc\).*\.docx/],
    ["zero-bytes.docx", /tệp rỗng \(0 byte\)/],
    ["truncated-zip.docx", /\.docx bị hỏng hoặc bị cắt cụt/],
  ])("%s: exit 2, one line naming the file and the reason", async (name, reason) => {
    const r = await runCli(["check", path.join(HOSTILE, name), "--json"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    expect(lines[0]).toMatch(reason);
    expect(lines[0]).not.toMatch(/workbook|not a zip|at .*\.ts/);
    expect(JSON.parse(r.stdout).files).toEqual([]);
  });

  it("the old .doc in English says what to do", async () => {
    const r = await runCli(["check", path.join(HOSTILE, "word97-binary-renamed.docx"), "--lang", "en"]);
    expect(r.stderr).toMatch(/old Word 97-2003 \(\.doc\) file, not a \.docx; open it in Word and save it as \.docx/);
  });
});

describe("files are told apart by their content, not their name", () => {
  it("a Word document named .xlsx is read as Word; a workbook named .docx as a workbook", async () => {
    const wordAsXlsx = path.join(dir, "plan.xlsx");
    fs.copyFileSync(path.join(WORD, "seed-001-plan.docx"), wordAsXlsx);
    const xlsxAsDocx = path.join(dir, "appendix.docx");
    fs.copyFileSync(SEED_APPENDIX_XLSX, xlsxAsDocx);
    const a = await checkJson(wordAsXlsx);
    expect(a.report.files[0]).toMatchObject({ sheet: "Bảng 3", counts: { tasks: 25 } });
    const b = await checkJson(xlsxAsDocx);
    expect(b.report.files[0]).toMatchObject({ sheet: "Phụ lục", counts: { tasks: 25 } });
    expect(b.report.files[0].document).toBeUndefined();
  });
});

describe("consolidate a folder mixing .xlsx and .docx replies", () => {
  it("rows in = rows out, provenance naming the Word file, its table and row; an old .doc named with its reason", async () => {
    const replies = path.join(dir, "replies");
    fs.mkdirSync(path.join(replies, "huyen"), { recursive: true });
    fs.copyFileSync(SEED_APPENDIX_XLSX, path.join(replies, "so-ngoai-vu.xlsx"));
    fs.copyFileSync(path.join(WORD, "seed-001-plan.docx"), path.join(replies, "huyen", "ubnd-tinh.docx"));
    fs.copyFileSync(path.join(HOSTILE, "tracked-changes.docx"), path.join(replies, "sua-doi.docx"));
    fs.copyFileSync(SEED_DELEGATIONS_XLSX, path.join(replies, "doan.xlsx"));
    fs.copyFileSync(path.join(HOSTILE, "word97-binary-renamed.docx"), path.join(replies, "cu.doc"));
    const out = path.join(dir, "tong-hop.xlsx");
    const r = await runCli(["consolidate", replies, "-o", out, "--json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cu\.doc: .*Word 97-2003/);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.consolidation!.rowsIn).toBe(75);
    expect(report.consolidation!.rowsOut).toBe(75);
    const word = report.files.find((f) => f.file.endsWith("ubnd-tinh.docx"))!;
    expect(word.document).toMatchObject({ format: "docx", table: 3 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Dữ liệu hợp nhất")!;
    const header = (ws.getRow(3).values as unknown[]).map((v) =>
      v && typeof v === "object" && "text" in v ? String(v.text) : String(v ?? ""),
    );
    const col = (h: string) => header.indexOf(h);
    const rows: Array<{ file: string; sheet: string; row: string }> = [];
    for (let i = 4; i <= ws.rowCount; i++) {
      const v = ws.getRow(i).values as unknown[];
      const t = (x: unknown) => (x && typeof x === "object" && "text" in x ? String(x.text) : String(x ?? ""));
      rows.push({ file: t(v[col("Tệp nguồn")]), sheet: t(v[col("Trang tính")]), row: t(v[col("Dòng gốc")]) });
    }
    const fromWord = rows.filter((x) => x.file.endsWith("ubnd-tinh.docx"));
    expect(fromWord).toHaveLength(25);
    expect(fromWord.every((x) => x.sheet === "Bảng 3")).toBe(true);
    expect(fromWord.map((x) => Number(x.row))).toContain(34);
    expect(rows.filter((x) => x.file.endsWith("sua-doi.docx"))).toHaveLength(25);
  });
});
