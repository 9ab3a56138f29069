/**
 * The tracking cycle on the seed appendix, through the command line: split the plan per lead agency, fill in three
 * of the workbooks as agencies would, track them back, and read the scorecard.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { DeadlinesReportSchema, SplitReportSchema, TrackReportSchema, TrackReport } from "../../src/core/tracking/json";
import { ReportSchema } from "../../src/core/output/report";
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";


let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-tracking-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cellText(v: ExcelJS.CellValue): string {
  if (v && typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
  return v === null || v === undefined ? "" : String(v);
}

/** Header name → column number of a split sheet (its header is row 4). */
function columns(ws: ExcelJS.Worksheet): Map<string, number> {
  const out = new Map<string, number>();
  ws.getRow(4).eachCell((c, col) => out.set(cellText(c.value), col));
  return out;
}

/** Fills the status columns of the rows whose ID starts with the given numbering ("II.1"). */
async function fill(file: string, reports: Record<string, { status: string; date?: string; result?: string }>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const col = columns(ws);
  for (let r = 5; r <= ws.rowCount; r++) {
    const id = cellText(ws.getCell(r, col.get("Mã nhiệm vụ")!).value);
    const key = id.split("-")[0];
    const rep = reports[key];
    if (!rep) continue;
    ws.getCell(r, col.get("Tình trạng")!).value = rep.status;
    if (rep.date) ws.getCell(r, col.get("Ngày hoàn thành")!).value = rep.date;
    if (rep.result) ws.getCell(r, col.get("Kết quả thực hiện")!).value = rep.result;
  }
  await wb.xlsx.writeFile(file);
}

let split: ReturnType<typeof SplitReportSchema.parse>;
let tracked: TrackReport;
let splitDir: string;

beforeAll(async () => {
  splitDir = path.join(dir, "gui-co-quan");
  const r = await runCli(["split", SEED_APPENDIX_XLSX, "-o", splitDir, "--as-of", "2022-12-31", "--json"]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  split = SplitReportSchema.parse(JSON.parse(r.stdout));

  await fill(path.join(splitDir, "Sở Ngoại vụ.xlsx"), {
    "I.1": { status: "Đã hoàn thành", date: "15/12/2022", result: "Đã tổ chức Hội nghị tổng kết ngày 15/12/2022" },
    "II.1": { status: "Đang thực hiện" },
    "II.2": { status: "Hoàn thành quá hạn", date: "05/12/2022", result: "Hội nghị tổ chức ngày 05/12/2022" },
    "I.3": { status: "Đang thực hiện" },
  });
  await fill(path.join(splitDir, "Sở Kế hoạch và Đầu tư.xlsx"), {
    "I.2": { status: "Đang triển khai thực hiện" },
    "II.3": { status: "Hoàn thành đúng hạn", date: "20/11/2022", result: "Đoàn xúc tiến tại Hàn Quốc tháng 11/2022" },
  });
  await fill(path.join(splitDir, "Sở Nông nghiệp và Phát triển nông thôn.xlsx"), {
    "V.2": { status: "Chưa thực hiện" },
    "III.4": { status: "Đề nghị điều chỉnh thời gian sang năm 2023" },
  });
  const files = ["Sở Ngoại vụ.xlsx", "Sở Kế hoạch và Đầu tư.xlsx", "Sở Nông nghiệp và Phát triển nông thôn.xlsx"].map((f) =>
    path.join(splitDir, f),
  );
  const t = await runCli(["track", SEED_APPENDIX_XLSX, ...files, "-o", path.join(dir, "theo-doi.xlsx"), "--as-of", "2022-12-31", "--json"]);
  expect(t.stderr).toBe("");
  expect(t.code).toBe(0);
  tracked = TrackReportSchema.parse(JSON.parse(t.stdout));
});

test("split writes one workbook per lead agency, named after it; Sở Ngoại vụ's holds its 18 tasks", async () => {
  const snv = split.files.find((f) => f.agency === "Sở Ngoại vụ")!;
  expect(snv).toMatchObject({ file: "Sở Ngoại vụ.xlsx", role: "lead", tasks: 18 });
  expect(split.files.filter((f) => f.kind === "agency").map((f) => f.agency)).toEqual(
    expect.arrayContaining(["Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Du lịch", "Sở Nông nghiệp và Phát triển nông thôn"]),
  );
  expect(new Set(fs.readdirSync(splitDir))).toEqual(new Set(split.files.map((f) => f.file)));

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(splitDir, "Sở Ngoại vụ.xlsx"));
  const ws = wb.worksheets[0];
  const col = columns(ws);
  const ids: string[] = [];
  const sections: string[] = [];
  for (let r = 5; r <= ws.rowCount; r++) {
    const id = cellText(ws.getCell(r, col.get("Mã nhiệm vụ")!).value);
    if (id) ids.push(id);
    else sections.push(cellText(ws.getCell(r, 1).value));
  }
  expect(ids).toHaveLength(18);
  expect(new Set(ids).size).toBe(18);
  expect(sections).toEqual(["I", "II", "III", "IV", "V", "VII", "VIII"]);
  const statusCell = ws.getCell(5 + 1, col.get("Tình trạng")!);
  expect(statusCell.dataValidation).toMatchObject({ type: "list", formulae: [expect.stringContaining("Hoàn thành đúng hạn")] });
  expect(cellText(ws.getCell(3, 1).value)).toBe("Cơ quan báo cáo: Sở Ngoại vụ");
});

test("track gives the plan with the reported statuses, the others not reported, rows in = rows out", () => {
  const byId = (prefix: string) => tracked.tasks.find((t) => t.id.startsWith(`${prefix}-`))!;
  expect(byId("I.1")).toMatchObject({ status: "completed-on-time", reporter: "Sở Ngoại vụ", file: "Sở Ngoại vụ.xlsx", matchedBy: "id" });
  expect(byId("II.1")).toMatchObject({ status: "overdue", statusText: "Đang thực hiện" });
  expect(byId("II.2")).toMatchObject({ status: "completed-late", completionDate: "2022-12-05" });
  // A joint task: the blank row in Sở Ngoại vụ's reply says nothing; Sở Kế hoạch và Đầu tư's report stands.
  expect(byId("I.2")).toMatchObject({ status: "in-progress", reporter: "Sở Kế hoạch và Đầu tư" });
  expect(byId("III.4")).toMatchObject({ status: "adjustment", file: "Sở Nông nghiệp và Phát triển nông thôn.xlsx" });
  expect(byId("V.2")).toMatchObject({ status: "not-started" });
  expect(tracked.reported).toBe(8);
  expect(tracked.notReported).toHaveLength(25 - 8);
  expect(tracked.tasks.filter((t) => t.status === "empty")).toHaveLength(17);
  expect(tracked.rowsIn).toBe(18 + 3 + 2);
  expect(tracked.rowsOut).toBe(tracked.rowsIn);
  expect(tracked.uncertain).toEqual([]);
  expect(tracked.unmatched).toEqual([]);
  const overdue = tracked.issues.filter((i) => i.code === "report-in-progress-overdue");
  expect(overdue).toHaveLength(1);
  expect(overdue[0]).toMatchObject({ file: "Sở Ngoại vụ.xlsx", suggestion: "Quá hạn" });
});

test("the scorecard counts each lead agency's tasks and puts who is behind first", () => {
  const card = (name: string) => tracked.scorecard.find((c) => c.agency === name)!;
  expect(card("Sở Ngoại vụ")).toEqual({
    agency: "Sở Ngoại vụ",
    kind: "agency",
    tasks: 18,
    completedOnTime: 1,
    completedLate: 1,
    inProgress: 2,
    overdue: 1,
    notReported: 13,
    other: 0,
    onTimeRate: 0.333,
  });
  expect(card("Sở Kế hoạch và Đầu tư")).toMatchObject({ tasks: 3, completedOnTime: 1, inProgress: 1, notReported: 1, onTimeRate: 1 });
  expect(card("Sở Nông nghiệp và Phát triển nông thôn")).toMatchObject({
    tasks: 2,
    inProgress: 1,
    other: 1,
    notReported: 0,
    onTimeRate: null,
  });
  expect(card("Sở Công Thương")).toMatchObject({ tasks: 2, completedOnTime: 1, inProgress: 1, notReported: 0 });
  expect(tracked.scorecard[0].agency).toBe("Sở Ngoại vụ");
  const agencies = tracked.scorecard.filter((c) => c.kind === "agency");
  for (let i = 1; i < agencies.length; i++) expect(agencies[i - 1].overdue).toBeGreaterThanOrEqual(agencies[i].overdue);
});

test("the tracking workbook holds the plan with statuses, the replies, the scorecard and the deadlines", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, "theo-doi.xlsx"));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Theo dõi thực hiện", "Kết quả theo cơ quan", "Báo cáo đã nhận", "Hạn thực hiện"]);
  const ws = wb.getWorksheet("Theo dõi thực hiện")!;
  expect(ws.rowCount).toBe(3 + 25);
  const statuses = [];
  for (let r = 4; r <= ws.rowCount; r++) statuses.push(cellText(ws.getCell(r, 10).value));
  expect(statuses.filter((s) => s === "Chưa báo cáo")).toHaveLength(17);
  expect(wb.getWorksheet("Báo cáo đã nhận")!.rowCount).toBe(3 + 23);
});

test("a filled reply checked on its own is a progress report: each row judged as track judges it, its own scorecard", async () => {
  const file = path.join(splitDir, "Sở Ngoại vụ.xlsx");
  const r = await runCli(["check", file, "--as-of", "2022-12-31", "--json"]);
  expect(r.stderr).toBe("");
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  const f = report.files[0];
  expect(f.kind).toBe("reports");
  expect(f.counts.tasks).toBe(18);
  // The split kept the plan's numbering with the other agencies' tasks left out: no numbering gaps are flagged.
  expect(f.issues.filter((i) => i.code === "stt-sequence")).toEqual([]);
  const progress = f.progress!;
  expect(progress.asOf).toBe("2022-12-31");
  expect(Object.values(progress.statuses).reduce((n, x) => n + x, 0)).toBe(18);
  // The rows Sở Ngoại vụ filled in: the same judgement as the tracking cycle's, where its report is the latest.
  const fromThisFile = tracked.tasks.filter((t) => t.file === "Sở Ngoại vụ.xlsx");
  expect(fromThisFile).toHaveLength(4);
  const expected: Record<string, number> = {};
  for (const t of fromThisFile) expected[t.status] = (expected[t.status] ?? 0) + 1;
  for (const [status, n] of Object.entries(expected)) expect(progress.statuses[status]).toBe(n);
  expect(progress.statuses.empty).toBe(18 - 4);
  const own = progress.scorecard.find((c) => c.agency === "Sở Ngoại vụ")!;
  expect(own).toMatchObject({ tasks: 18, notReported: 14, completedLate: expected["completed-late"] ?? 0 });
  expect(f.issues.filter((i) => i.code === "report-in-progress-overdue")).toHaveLength(expected.overdue ?? 0);

  const text = await runCli(["check", file, "--as-of", "2022-12-31"]);
  expect(text.stdout).toMatch(/Báo cáo kết quả thực hiện, tính đến hết ngày 31\/12\/2022: .*14 Chưa báo cáo/);
  const summary = path.join(dir, "bao-cao-tong-hop.xlsx");
  await runCli(["check", file, "--as-of", "2022-12-31", "--summary", summary]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Tổng hợp cơ quan", "Kết quả theo cơ quan"]));
  // The report's tasks are tallied in the agency sheet as the plan's table they are.
  const agencies = wb.getWorksheet("Tổng hợp cơ quan")!;
  let snvLead = -1;
  agencies.eachRow((row) => {
    if (cellText(row.getCell(2).value) === "Sở Ngoại vụ") snvLead = Number(cellText(row.getCell(3).value));
  });
  expect(snvLead).toBe(18);
});

test("check --as-of that is not a day is refused in the user's language, nothing read", async () => {
  const vi = await runCli(["check", SEED_APPENDIX_XLSX, "--as-of", "31-31-2022"]);
  expect(vi.code).toBe(2);
  expect(vi.stderr).toMatch(/--as-of cần một ngày như 2022-12-31/);
  const en = await runCli(["check", SEED_APPENDIX_XLSX, "--as-of", "soon", "--lang", "en"]);
  expect(en.code).toBe(2);
  expect(en.stderr).toMatch(/--as-of must be a day such as 2022-12-31/);
});

test("a reply typed without identifiers is matched by content; what matches nothing is kept and flagged", async () => {
  const file = path.join(dir, "so-du-lich.xlsx");
  fs.writeFileSync(
    file,
    await xlsxFromRows([
      {
        name: "Báo cáo",
        rows: [
          ["SỞ DU LỊCH", null, null, null, null, null],
          ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", "Tình trạng", "Kết quả thực hiện"],
          ["II", "KINH TẾ ĐỐI NGOẠI", null, null, null, null],
          [
            "3",
            "Tổ chức các đoàn xúc tiến đầu tư - thương mại và du lịch tại Hàn Quốc, Nhật Bản, Đức, Úc và một số nước tiềm năng",
            "Sở Du lịch",
            "Quý IV/2022 và các năm tiếp theo",
            "Đã hoàn thành",
            "Đoàn tháng 11/2022",
          ],
          ["4", "Tổ chức Tuần lễ du lịch biển Quy Nhơn cho khách quốc tế", "Sở Du lịch", "Tháng 7/2022", "Đã hoàn thành", "Đã tổ chức"],
          ["5", "Tổ chức các đoàn xúc tiến du lịch tại Hàn Quốc, Nhật Bản", "Sở Du lịch", "Năm 2022", "Đang thực hiện", ""],
        ],
      },
    ]),
  );
  const r = await runCli(["track", SEED_APPENDIX_XLSX, file, "-o", path.join(dir, "du-lich.xlsx"), "--as-of", "2022-12-31", "--json"]);
  expect(r.code).toBe(1);
  const report = TrackReportSchema.parse(JSON.parse(r.stdout));
  expect(report.tasks.find((t) => t.id.startsWith("II.3-"))).toMatchObject({ status: "completed-on-time", matchedBy: "content", score: 1 });
  expect(report.unmatched.map((u) => u.row)).toEqual([5]);
  expect(report.uncertain.map((u) => [u.row, u.candidate.split("-")[0]])).toEqual([[6, "II.3"]]);
  expect(report.rowsIn).toBe(3);
  expect(report.rowsOut).toBe(3);
  expect(report.issues.map((i) => i.code)).toEqual(expect.arrayContaining(["report-unmatched-row", "report-uncertain-match"]));
});

test("bad input gets a clear message and nothing is written", async () => {
  const out = path.join(dir, "none.xlsx");
  const r = await runCli(["track", SEED_APPENDIX_XLSX, path.join(dir, "missing.xlsx"), "-o", out, "--lang", "en"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/missing\.xlsx: no such file/);
  expect(fs.existsSync(out)).toBe(false);
  const bad = await runCli(["split", SEED_APPENDIX_XLSX, "-o", path.join(dir, "x"), "--as-of", "31/13/2022", "--lang", "en"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/--as-of must be a day/);
});

test("check --per-agency writes one workbook per lead agency with its tasks' issues and fixes", async () => {
  const out = path.join(dir, "tra-lai");
  const r = await runCli(["check", SEED_APPENDIX_XLSX, "--per-agency", out]);
  expect(r.code).toBe(1);
  const files = fs.readdirSync(out);
  expect(files).toContain("Sở Ngoại vụ.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, "Sở Ngoại vụ.xlsx"));
  const ws = wb.getWorksheet("Lỗi cần sửa")!;
  const messages: string[] = [];
  for (let row = 4; row <= ws.rowCount; row++) messages.push(`${cellText(ws.getCell(row, 3).value)} ${cellText(ws.getCell(row, 6).value)}`);
  expect(messages).toContainEqual(expect.stringMatching(/^A43 Nhiệm vụ chưa có số thứ tự/));
  // The last task (no STT) is led by Sở Ngoại vụ only: no other agency gets its issue.
  for (const f of files.filter((f) => f !== "Sở Ngoại vụ.xlsx")) {
    const other = new ExcelJS.Workbook();
    await other.xlsx.readFile(path.join(out, f));
    const sheet = other.worksheets[0];
    for (let row = 4; row <= sheet.rowCount; row++) expect(cellText(sheet.getCell(row, 3).value)).not.toBe("A43");
  }
});

test("deadlines as of 2022-12-31 prints the overdue tasks and writes the Hạn thực hiện sheet", async () => {
  const out = path.join(dir, "han.xlsx");
  const r = await runCli(["deadlines", SEED_APPENDIX_XLSX, "--as-of", "2022-12-31", "-o", out, "--json"]);
  expect(r.code).toBe(0);
  const report = DeadlinesReportSchema.parse(JSON.parse(r.stdout));
  expect(report.totals).toMatchObject({ overdue: 15, later: 4, "no-deadline": 6 });
  expect(report.tasks.filter((t) => t.bucket === "overdue" && !t.recurring).map((t) => t.timeframe)).toEqual([
    "Quý IV/2022",
    "Quý IV/2022",
    "Tháng 11/2022",
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  expect(wb.getWorksheet("Hạn thực hiện")).toBeDefined();
  const text = await runCli(["deadlines", SEED_APPENDIX_XLSX, "--as-of", "2022-12-31", "--lang", "en"]);
  expect(text.stdout).toMatch(/Overdue \(15\):/);
});
