/**
 * `diff` on the seed appendix against a revised copy: one task removed, one added, one lead changed, one timeframe
 * moved — exactly those four changes, and the rest carried over.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { DiffReportSchema } from "../../src/core/tracking/json";
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";


let dir: string;
let revised: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-diff-"));
  revised = path.join(dir, "ke-hoach-sua-doi.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_APPENDIX_XLSX);
  const ws = wb.worksheets[0];
  const rowOf = (start: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getCell(r, 2).value ?? "").startsWith(start)) return r;
    throw new Error(start);
  };
  // Removed: III.5 (its row left blank). Lead changed: II.2. Timeframe moved: I.1.
  const removed = rowOf("Tuyên truyền, giới thiệu các đề xuất dự án kêu gọi viện trợ PCPNN");
  for (let c = 1; c <= 5; c++) ws.getCell(removed, c).value = null;
  ws.getCell(rowOf("Tổ chức Hội nghị Xúc tiến đầu tư các doanh nghiệp Đức"), 3).value = "Sở Kế hoạch và Đầu tư";
  ws.getCell(rowOf("Tổ chức Hội nghị tổng kết, đánh giá kết quả hợp tác"), 5).value = "Quý I/2023";
  // Added: a second inspection task at the end of section VIII.
  const added = ws.rowCount + 1;
  ["2", "Kiểm tra công tác quản lý đoàn ra, đoàn vào tại các huyện, thị xã", "Sở Ngoại vụ", "Thanh tra tỉnh", "Quý III/2023"].forEach(
    (v, i) => (ws.getCell(added, i + 1).value = v),
  );
  await wb.xlsx.writeFile(revised);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("the four changes, and nothing else", async () => {
  const out = path.join(dir, "thay-doi.xlsx");
  const r = await runCli(["diff", SEED_APPENDIX_XLSX, revised, "-o", out, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const report = DiffReportSchema.parse(JSON.parse(r.stdout));
  expect(report.counts).toEqual({ carried: 22, changed: 2, added: 1, dropped: 1 });
  const summary = report.changes.map((c) => [c.kind, c.section, (c.new ?? c.old)!.stt, c.fields]);
  expect(summary).toEqual([
    ["changed", "I", "1", ["timeframe"]],
    ["changed", "II", "2", ["lead"]],
    ["dropped", "III", "5", []],
    ["new", "VIII", "2", []],
  ]);
  expect(report.changes[0]).toMatchObject({ old: { timeframe: "Quý IV/2022" }, new: { timeframe: "Quý I/2023" } });
  expect(report.changes[1]).toMatchObject({ old: { lead: "Sở Ngoại vụ" }, new: { lead: "Sở Kế hoạch và Đầu tư" } });

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Thay đổi")!;
  expect(ws.rowCount).toBe(3 + 4);
  expect(String(ws.getCell(4, 2).value)).toBe("Thời gian thực hiện");
  expect(String(ws.getCell(6, 2).value)).toBe("Bỏ");
});

test("a plan against itself has no changes; a reworded task is a wording change, not a drop and an add", async () => {
  const same = await runCli(["diff", SEED_APPENDIX_XLSX, SEED_APPENDIX_XLSX, "--json"]);
  expect(DiffReportSchema.parse(JSON.parse(same.stdout)).counts).toEqual({ carried: 25, changed: 0, added: 0, dropped: 0 });

  const reworded = path.join(dir, "reworded.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_APPENDIX_XLSX);
  const ws = wb.worksheets[0];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = String(ws.getCell(r, 2).value ?? "");
    if (v.startsWith("Tổ chức phổ biến thông tin về tình hình thế giới"))
      ws.getCell(r, 2).value =
        "Tổ chức phổ biến thông tin về tình hình thế giới, khu vực, trong nước và hoạt động đối ngoại của Đảng, Nhà nước";
  }
  await wb.xlsx.writeFile(reworded);
  const r = await runCli(["diff", SEED_APPENDIX_XLSX, reworded, "--json", "--lang", "en"]);
  const report = DiffReportSchema.parse(JSON.parse(r.stdout));
  expect(report.counts).toEqual({ carried: 24, changed: 1, added: 0, dropped: 0 });
  expect(report.changes[0].fields).toEqual(["wording"]);
  expect(r.code).toBe(0);
});

test("an input without a task table is refused with its reason", async () => {
  const text = path.join(dir, "not.xlsx");
  fs.writeFileSync(text, "STT,Nội dung\n1,x\n");
  const r = await runCli(["diff", SEED_APPENDIX_XLSX, text]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/not\.xlsx: không phải bảng tính \.xlsx/);
});
