/**
 * `check` on delegation workbooks: the JSON report, --stated, the summary sheet and the empty official forms.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ReportSchema } from "../../src/core/output/report";
import { runCli } from "../support/cli";
import { FIXTURES, SEED_DELEGATIONS_XLSX, tsvRows } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";

const seedStated = JSON.parse(fs.readFileSync(path.join(FIXTURES, "seed", "seed-002-delegations.json"), "utf8")).statedTotals;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-deleg-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The seed workbook with the first planned outbound delegation (row 5) deleted, as a user would in Excel. */
async function seedWithoutFirstOutbound(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_DELEGATIONS_XLSX);
  const ws = wb.getWorksheet("Phụ lục I - Đoàn ra")!;
  expect(ws.getCell("B5").value).toBe("Đoàn hội đàm hợp tác du lịch với Sở Văn hóa và Du lịch Quảng Tây");
  ws.spliceRows(5, 1);
  // ExcelJS drops the merges below a deleted row instead of moving them up; Excel moves them.
  ws.unMergeCells("B13:J13");
  for (let c = 3; c <= 10; c++) ws.getRow(13).getCell(c).value = null;
  ws.mergeCells("B13:J13");
  const file = path.join(dir, "one-less.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

test("check --json on seed 002: two delegation sheets, outbound 13 = 9 + 4, inbound 12 = 9 + 3, exit 0", async () => {
  const r = await runCli(["check", SEED_DELEGATIONS_XLSX, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  expect(report.files.map((f) => [f.sheet, f.kind, f.counts.delegations, f.counts.sections])).toEqual([
    ["Phụ lục I - Đoàn ra", "delegations", 13, 2],
    ["Phụ lục II - Đoàn vào", "delegations", 12, 2],
  ]);
  const totals = {
    outbound: { total: 13, planned: 9, supplementary: 4 },
    inbound: { total: 12, planned: 9, supplementary: 3 },
  };
  for (const f of report.files) expect(f.delegations).toEqual(totals);
  expect(report.files[0].table).toEqual({
    range: "A3:J18",
    headerRow: 3,
    columns: {
      stt: "A",
      name: "B",
      leader: "C",
      members: "D",
      country: "E",
      purpose: "F",
      time: "G",
      funding: "H",
      planned: "I",
      note: "J",
    },
  });
  expect(report.files[0].agencies).toEqual([]);
  expect(report.files[0].periods).toEqual([{ bucket: "2025", tasks: 13 }]);
});

test("one outbound row deleted, the seed's totals stated: exactly one delegation-total-mismatch, on outbound, exit 1", async () => {
  const file = await seedWithoutFirstOutbound();
  const r = await runCli(["check", file, "--json", "--stated", JSON.stringify(seedStated), "--lang", "en"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  const mismatches = report.files.flatMap((f) =>
    f.issues.filter((i) => i.code === "delegation-total-mismatch").map((i) => ({ sheet: f.sheet, ...i })),
  );
  expect(mismatches).toHaveLength(1);
  expect(mismatches[0]).toMatchObject({ sheet: "Phụ lục I - Đoàn ra", severity: "error", cell: null, row: null });
  expect(mismatches[0].message).toBe(
    "Outbound delegations, total: 12 counted, the plan states 13 (off by 1). Outbound delegations, planned: 8 counted, the plan states 9 (off by 1).",
  );
  expect(report.files[0].delegations?.outbound).toEqual({ total: 12, planned: 8, supplementary: 4 });
  // The renumbering the deletion calls for is a warning, not an error.
  expect(report.files[0].issues.filter((i) => i.severity === "error")).toHaveLength(1);
});

test("without --stated the same workbook has nothing to compare with: exit 0", async () => {
  const file = await seedWithoutFirstOutbound();
  const r = await runCli(["check", file, "--json"]);
  expect(r.code).toBe(0);
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  expect(report.files.flatMap((f) => f.issues).filter((i) => i.code === "delegation-total-mismatch")).toEqual([]);
});

test("--stated from a file, partial; the terminal report shows counted beside stated", async () => {
  const stated = path.join(dir, "stated.json");
  fs.writeFileSync(stated, JSON.stringify({ inbound: { total: 11 } }));
  const r = await runCli(["check", SEED_DELEGATIONS_XLSX, "--stated", stated]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("seed-002-delegations.xlsx › Phụ lục II - Đoàn vào (A3:J17)");
  expect(r.stdout).toMatch(/✖\s+delegation-total-mismatch\s+Tổng số đoàn vào: đếm được 12, kế hoạch ghi 11 \(chênh 1\)\./);
  expect(r.stdout).toMatch(/Đoàn vào\s+12 \(ghi 11\)\s+9\s+3/);
  expect(r.stdout).toMatch(/Đoàn ra\s+13\s+9\s+4/);
});

describe("--stated that cannot be used: exit 2, a clear message, nothing written", () => {
  test.each([
    ["{outbound: 13}", /--stated: not valid JSON/],
    ['{"outbound": {"total": "13"}}', /--stated: outbound\.total: .*expected e\.g\./],
    ['{"outbond": {"total": 13}}', /--stated: .*outbond/],
    ['{"inbound": {"total": -1}}', /--stated: inbound\.total/],
  ])("%s", async (value, message) => {
    const out = path.join(dir, "summary.xlsx");
    const r = await runCli(["check", SEED_DELEGATIONS_XLSX, "--stated", value, "--summary", out, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a file that does not exist", async () => {
    const r = await runCli(["check", SEED_DELEGATIONS_XLSX, "--stated", path.join(dir, "nope.json"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--stated .*nope\.json: no such file/);
  });

  test("a file that is not JSON", async () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, "outbound 13");
    const r = await runCli(["check", SEED_DELEGATIONS_XLSX, "--stated", bad, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--stated .*bad\.json: not valid JSON/);
  });
});

test("--stated on a task workbook is said to be unused", async () => {
  const file = path.join(dir, "tasks.xlsx");
  fs.writeFileSync(
    file,
    await xlsxFromRows([
      {
        name: "PL",
        rows: [
          ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
          [1, "Xây dựng kế hoạch", "Sở Ngoại vụ", "Công an tỉnh", "Quý I/2026"],
        ],
      },
    ]),
  );
  const r = await runCli(["check", file, "--stated", '{"outbound":{"total":1}}']);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/tasks\.xlsx: --stated không dùng đến: sổ làm việc không có bảng đoàn ra\/đoàn vào/);
});

test("the empty forms of Thông tư 25/2025/TT-BGDĐT, as a workbook: delegation tables with no delegations", async () => {
  const file = path.join(dir, "forms.xlsx");
  fs.writeFileSync(
    file,
    await xlsxFromRows([
      { name: "Biểu 1", rows: tsvRows("bgddt_tt25-2025_bieu-doan-ra_1.tsv") },
      { name: "Biểu 2", rows: tsvRows("bgddt_tt25-2025_bieu-doan-ra_2.tsv") },
    ]),
  );
  const r = await runCli(["check", file, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  expect(report.files.map((f) => [f.sheet, f.kind, f.counts.delegations, f.counts.errors])).toEqual([
    ["Biểu 1", "delegations", 0, 0],
    ["Biểu 2", "delegations", 0, 0],
  ]);
  expect(report.files[1].issues.map((i) => [i.code, i.field])).toEqual([
    ["missing-column", "country"],
    ["missing-column", "time"],
  ]);
  for (const f of report.files)
    expect(f.delegations).toEqual({
      outbound: { total: 0, planned: 0, supplementary: 0 },
      inbound: { total: 0, planned: 0, supplementary: 0 },
    });
});

test("--summary writes Danh sách lỗi and Tổng hợp đoàn with the figures", async () => {
  const file = await seedWithoutFirstOutbound();
  const out = path.join(dir, "summary.xlsx");
  const r = await runCli(["check", file, "--summary", out, "--stated", JSON.stringify(seedStated)]);
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Danh sách lỗi", "Tổng hợp đoàn"]);
  const ws = wb.getWorksheet("Tổng hợp đoàn")!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const line = (label: string) => rows.find((r) => r[0] === label)!;
  expect(line("Đoàn ra").slice(0, 4)).toEqual(["Đoàn ra", 12, 8, 4]);
  expect(line("Đoàn ra").slice(6)).toEqual([13, 9, 4, "Lệch"]);
  expect(line("Đoàn vào").slice(0, 4)).toEqual(["Đoàn vào", 12, 9, 3]);
  expect(line("Đoàn vào").slice(6)).toEqual([12, 9, 3, "Khớp"]);
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  const issues = wb.getWorksheet("Danh sách lỗi")!;
  const codes: unknown[] = [];
  issues.eachRow((row) => codes.push(row.getCell(7).value));
  expect(codes).toContain("delegation-total-mismatch");
});
