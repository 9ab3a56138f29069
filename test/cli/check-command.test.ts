import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ReportSchema } from "../../src/core/output/report";
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-cli-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("check --json on the seed: the SPEC 9 document, exit 1 for the one error", async () => {
  const r = await runCli(["check", SEED_APPENDIX_XLSX, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  expect(report.files).toHaveLength(1);
  const f = report.files[0];
  expect(f).toMatchObject({
    file: "seed-001-appendix.xlsx",
    sheet: "Phụ lục",
    kind: "tasks",
    table: { range: "A5:E43", headerRow: 5, columns: { stt: "A", content: "B", lead: "C", coordinating: "D", timeframe: "E" } },
    counts: { sections: 8, tasks: 25, errors: 1 },
    delegations: null,
  });
  expect(f.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell])).toEqual([["missing-stt", "A43"]]);
  expect(f.agencies.find((a) => a.name === "Sở Ngoại vụ")).toEqual({ name: "Sở Ngoại vụ", kind: "agency", lead: 18, coordinating: 7 });
  expect(f.periods.reduce((n, p) => n + p.tasks, 0)).toBe(25);
  expect(report.consolidation).toBeNull();
  expect(f.issues[0].message).toMatch(/[ạảãáàâăêôơưđ]/i); // Vietnamese by default
});

test("--lang en gives English messages", async () => {
  const r = await runCli(["check", SEED_APPENDIX_XLSX, "--json", "--lang", "en"]);
  const f = JSON.parse(r.stdout).files[0];
  const missing = f.issues.find((i: { code: string }) => i.code === "missing-stt");
  expect(missing.message).toBe("The task has no number (STT).");
});

test("the terminal report groups issues by row and prints the agency table", async () => {
  const r = await runCli(["check", SEED_APPENDIX_XLSX]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("seed-001-appendix.xlsx › Phụ lục (A5:E43)");
  expect(r.stdout).toMatch(/Dòng 43\n\s+✖ A43\s+missing-stt/);
  expect(r.stdout).toMatch(/Sở Ngoại vụ\s+18\s+7\s+25/);
});

test("--summary writes the four summary sheets", async () => {
  const out = path.join(dir, "sub", "summary.xlsx");
  const r = await runCli(["check", SEED_APPENDIX_XLSX, "--summary", out]);
  expect(r.code).toBe(1);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp cơ quan", "Danh sách lỗi", "Tổng hợp thời gian", "Tổng hợp theo mục"]);
  const agencies = wb.getWorksheet("Tổng hợp cơ quan")!;
  const row = agencies.getRow(4);
  expect(row.getCell(2).value).toBe("Sở Ngoại vụ");
  expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual([18, 7, 25]);
  expect(agencies.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
});

test("--lang en names the sheets in English", async () => {
  const out = path.join(dir, "summary-en.xlsx");
  await runCli(["check", SEED_APPENDIX_XLSX, "--summary", out, "--lang", "en"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Agency summary", "Issues", "Timeframes", "Sections"]);
});

describe("unusable input: one line on stderr naming the file, exit 2, nothing written", () => {
  // Vietnamese by default, English with --lang en: the reason in the user's language either way.
  const cases: Array<[string, (p: string) => void, RegExp, RegExp]> = [
    ["empty.xlsx", (p) => fs.writeFileSync(p, ""), /empty\.xlsx: tệp rỗng/, /empty\.xlsx: the file is empty/],
    [
      "data.xlsx",
      (p) => fs.writeFileSync(p, "STT,Nội dung\n1,abc\n"),
      /data\.xlsx: không phải bảng tính \.xlsx/,
      /data\.xlsx: not an \.xlsx workbook/,
    ],
    [
      "broken.xlsx",
      (p) => fs.writeFileSync(p, fs.readFileSync(SEED_APPENDIX_XLSX).subarray(0, 2000)),
      /broken\.xlsx: bảng tính bị hỏng hoặc không đầy đủ, không mở được$/m,
      /broken\.xlsx: the workbook is damaged/,
    ],
  ];
  for (const [name, make, vi, en] of cases) {
    for (const [lang, message] of [
      ["vi", vi],
      ["en", en],
    ] as const) {
      test(`${name} (${lang})`, async () => {
        const file = path.join(dir, name);
        make(file);
        const out = path.join(dir, "out.xlsx");
        const r = await runCli(["check", file, "--summary", out, "--lang", lang]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
        expect(fs.existsSync(out)).toBe(false);
      });
    }
  }

  test("a missing file", async () => {
    const r = await runCli(["check", path.join(dir, "nope.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.xlsx: no such file/);
  });

  test("a workbook with no task table", async () => {
    const file = path.join(dir, "notable.xlsx");
    fs.writeFileSync(
      file,
      await xlsxFromRows([
        {
          name: "Data",
          rows: [
            ["Họ tên", "Tuổi"],
            ["An", 3],
          ],
        },
      ]),
    );
    const r = await runCli(["check", file, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/notable\.xlsx: không tìm thấy bảng nhiệm vụ/);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].issues[0].code).toBe("no-table");
  });

  test("--sheet naming a sheet that does not exist", async () => {
    const r = await runCli(["check", SEED_APPENDIX_XLSX, "--sheet", "Khác"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không có trang tính “Khác” \(các trang: Phụ lục\)/);
  });

  test("usage errors", async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(["check", "--lang", "en"])).stderr).toMatch(/at least one/);
    expect((await runCli(["check", SEED_APPENDIX_XLSX, "--lang", "fr"])).stderr).toMatch(/--lang must be vi or en/);
    expect((await runCli(["check", SEED_APPENDIX_XLSX, "--bogus", "--lang", "en"])).stderr).toMatch(/unknown option --bogus/);
    expect((await runCli(["frobnicate", "--lang", "en"])).stderr).toMatch(/unknown command/);
  });

  test("--summary that is one of the inputs is refused", async () => {
    const copy = path.join(dir, "seed.xlsx");
    fs.copyFileSync(SEED_APPENDIX_XLSX, copy);
    const before = fs.readFileSync(copy);
    const r = await runCli(["check", copy, "--summary", copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--summary .*seed\.xlsx là một trong các tệp đầu vào; hãy chọn tên tệp khác/);
    const en = await runCli(["check", copy, "--summary", copy, "--lang", "en"]);
    expect(en.stderr).toMatch(/--summary .*seed\.xlsx is one of the inputs; choose another file name/);
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
  });
});

test("a clean table exits 0", async () => {
  const file = path.join(dir, "clean.xlsx");
  fs.writeFileSync(
    file,
    await xlsxFromRows([
      {
        name: "PL",
        rows: [
          ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
          [1, "Xây dựng kế hoạch", "Sở Ngoại vụ", "Công an tỉnh", "Quý I/2026"],
          [2, "Tổ chức hội nghị", "Sở Tư pháp", "Sở Ngoại vụ", "Năm 2026"],
        ],
      },
    ]),
  );
  const r = await runCli(["check", file]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
});
