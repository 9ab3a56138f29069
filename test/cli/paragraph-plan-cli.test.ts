/**
 * The command line on plans written as paragraphs (issue 19): `check` reads them beside tables, `extract` writes the
 * appendix table they should carry, and `check` reads that table back to the same figures.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { FileReport, ReportSchema } from "../../src/core/output/report";
import { logicalParagraphs, paragraphsFromText } from "../../src/core/kinds/paragraphs/plan-paragraphs";
import { runCli } from "../support/cli";
import { docxBytes, withWordNumbering } from "../support/plan-docx";
import { PARAGRAPH_PLANS, planText, SEED_004 } from "../support/paragraph-plans";
import { xlsxFromRows } from "../support/xlsx";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";


let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-paragraphs-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const seedTxt = path.join(PARAGRAPH_PLANS, SEED_004);

async function report(file: string, ...more: string[]): Promise<{ code: number; file: FileReport; stderr: string }> {
  const r = await runCli(["check", file, "--json", ...more]);
  const parsed = ReportSchema.parse(JSON.parse(r.stdout));
  return { code: r.code, file: parsed.files[0], stderr: r.stderr };
}

/** What must agree between a plan and the appendix extracted from it. */
function figures(f: FileReport) {
  return {
    counts: f.counts,
    agencies: f.agencies,
    periods: f.periods,
    monitoring: f.monitoring,
    issues: f.issues.map((i) => [i.code, i.field, i.value]),
  };
}

test("check on the seed 004 text: 12 tasks in 2 sections, issues by heading and line, exit 0 (warnings only)", async () => {
  const { code, file, stderr } = await report(seedTxt);
  expect(stderr).toBe("");
  expect(code).toBe(0);
  expect(file).toMatchObject({ kind: "tasks", table: null, paragraphs: { format: "txt" }, counts: { tasks: 12, sections: 2, errors: 0 } });
  expect(file.agencies.find((a) => a.name === "Sở Thông tin và Truyền thông")).toMatchObject({ lead: 5 });
  expect(file.monitoring?.find((m) => m.name === "Sở Thông tin và Truyền thông")?.tasks).toBe(3);
  expect(file.periods).toEqual([{ bucket: "2022", tasks: 12 }]);
  const unknown = file.issues.find((i) => i.code === "unknown-agency" && i.heading === "5.3")!;
  expect(unknown).toMatchObject({ cell: null, line: 3 });
  // The row is the line of the file (its "# source:" line included).
  expect(fs.readFileSync(seedTxt, "utf8").split("\n")[unknown.row! - 1]).toMatch(
    /^- Đơn vị phối hợp: Sở Thông tin và Truyền thông, Ủy ban/,
  );
  const text = await runCli(["check", seedTxt]);
  expect(text.stdout).toMatch(/Mục 5\.3\n\s+▲ dòng 3 \(dòng \d+\) unknown-agency/);
  expect((await runCli(["check", seedTxt, "--lang", "en"])).stdout).toMatch(/Heading 5\.3\n\s+▲ line 3 \(line \d+\) unknown-agency/);
});

test("a text with numbered parts but no labelled tasks: a clear no-tasks result, exit 2", async () => {
  const file = path.join(PARAGRAPH_PLANS, "hcm_kh1576-2019_danh-gia-hai-long.txt");
  const vi = await runCli(["check", file]);
  expect(vi.code).toBe(2);
  expect(vi.stderr).toMatch(
    /hcm_kh1576-2019_danh-gia-hai-long\.txt: Không tìm thấy nhiệm vụ nào trong văn bản \(đã tìm .*5 đề mục đánh số/,
  );
  const en = await report(file, "--lang", "en");
  expect(en.code).toBe(2);
  expect(en.stderr).toMatch(/No tasks found in the text \(looked for numbered headings/);
  expect(en.file.counts).toMatchObject({ tasks: 0, errors: 1 });
  expect(en.file.issues.map((i) => i.code)).toEqual(["no-tasks"]);
  const empty = path.join(dir, "empty.txt");
  fs.writeFileSync(empty, "\n\n");
  expect((await runCli(["check", empty])).stderr).toMatch(/văn bản trống/);
});

test("extract writes the appendix table, and check reads it back to the same figures", async () => {
  const out = path.join(dir, "phu-luc.xlsx");
  const r = await runCli(["extract", seedTxt, "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/12 nhiệm vụ trong 2 mục/);
  const fromTable = await report(out);
  const fromText = await report(seedTxt);
  expect(fromTable.file.table).toMatchObject({ headerRow: 5 });
  expect(fromTable.file.paragraphs).toBeUndefined();
  expect(figures(fromTable.file)).toEqual(figures(fromText.file));
  expect(fromTable.code).toBe(fromText.code);

  // The layout officers use: title lines, header, merged section rows, widths, wrapped text.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Phụ lục nhiệm vụ")!;
  expect(ws.getCell("A1").value).toBe("PHỤ LỤC");
  expect(ws.getCell("A3").value).toBe("(Kèm theo Kế hoạch công tác thông tin đối ngoại trên địa bàn tỉnh năm 2022)");
  expect(["A", "B", "C", "D", "E", "F"].map((c) => ws.getCell(`${c}5`).value)).toEqual([
    "STT",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Cơ quan theo dõi, hướng dẫn",
    "Thời gian thực hiện",
  ]);
  const stts: unknown[] = [];
  for (let r = 6; r <= ws.rowCount; r++) stts.push(ws.getCell(`A${r}`).value);
  expect(stts).toEqual(["1", "2", "2.1", "2.2", "3", "4", "5", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]);
  expect(ws.getCell("B7").isMerged && ws.getCell("F7").master.address).toBe("B7");
  expect(ws.getCell("C6").isMerged).toBe(false);
  expect(ws.getCell("A1").master.address).toBe("A1");
  expect(ws.getCell("F1").master.address).toBe("A1");
  expect(ws.getColumn(2).width).toBeGreaterThan(40);
  expect(ws.getCell("B8").alignment?.wrapText).toBe(true);
  expect(ws.getCell("E6").value).toBe("Sở Thông tin và Truyền thông");
  expect(ws.getCell("F6").value).toBe("Trong năm 2022");
  expect(String(ws.getCell("B8").value).split("\n")[1]).toMatch(/^\+ Đẩy mạnh quan hệ/);
});

test("a .docx of the same text, headings under Word numbering, extracts and checks to the same figures", async () => {
  const typed = logicalParagraphs(paragraphsFromText(planText(SEED_004))).map((p) => p.text);
  const numbered = withWordNumbering(typed);
  const docx = path.join(dir, "ke-hoach.docx");
  fs.writeFileSync(docx, docxBytes(numbered.paragraphs, numbered.lists));
  const fromDocx = await report(docx);
  expect(fromDocx.file.paragraphs).toEqual({ format: "docx" });
  expect(figures(fromDocx.file)).toEqual(figures((await report(seedTxt)).file));
  const out = path.join(dir, "phu-luc.xlsx");
  expect((await runCli(["extract", docx, "-o", out])).code).toBe(0);
  expect(figures((await report(out)).file)).toEqual(figures(fromDocx.file));
});

test("a workbook with the text pasted one line per row: check finds the plan, extract turns it into the table", async () => {
  const rows = planText(SEED_004)
    .split("\n")
    .map((l) => [l]);
  const pasted = path.join(dir, "dan-van-ban.xlsx");
  fs.writeFileSync(pasted, await xlsxFromRows([{ name: "Kế hoạch", rows }]));
  const fromSheet = await report(pasted);
  expect(fromSheet.file).toMatchObject({ sheet: "Kế hoạch", paragraphs: { format: "sheet" }, counts: { tasks: 12, sections: 2 } });
  const unknown = fromSheet.file.issues.find((i) => i.code === "unknown-agency" && i.heading === "5.3")!;
  expect(unknown.cell).toBe(`A${unknown.row}`);
  const out = path.join(dir, "phu-luc.xlsx");
  expect((await runCli(["extract", pasted, "-o", out])).code).toBe(0);
  expect(figures((await report(out)).file)).toEqual(figures(fromSheet.file));
});

test("extract refuses what it cannot do, writing nothing", async () => {
  const out = path.join(dir, "phu-luc.xlsx");
  const none = await runCli(["extract", path.join(PARAGRAPH_PLANS, "laichau_kh1556-2024_ocop.txt"), "-o", out, "--lang", "en"]);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/No tasks found in the text/);
  expect(fs.existsSync(out)).toBe(false);
  const copy = path.join(dir, "plan.txt");
  fs.copyFileSync(seedTxt, copy);
  const same = await runCli(["extract", copy, "-o", copy]);
  expect(same.code).toBe(2);
  expect(fs.readFileSync(copy, "utf8")).toBe(fs.readFileSync(seedTxt, "utf8"));
  expect((await runCli(["extract", seedTxt])).code).toBe(2);
  const table = path.join(dir, "bang.xlsx");
  fs.writeFileSync(
    table,
    await xlsxFromRows([
      {
        name: "PL",
        rows: [
          ["STT", "Nội dung", "Cơ quan chủ trì"],
          ["1", "Việc", "Sở Ngoại vụ"],
        ],
      },
    ]),
  );
  const has = await runCli(["extract", table, "-o", out, "--lang", "en"]);
  expect(has.code).toBe(2);
  expect(has.stderr).toMatch(/already holds an appendix table/);
  expect(fs.existsSync(out)).toBe(false);
});

test("consolidate takes a plan written as paragraphs beside tables, each task's provenance naming its heading", async () => {
  const out = path.join(dir, "hop-nhat.xlsx");
  const r = await runCli(["consolidate", SEED_APPENDIX_XLSX, seedTxt, "-o", out, "--json"]);
  expect(r.stderr).toBe("");
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  expect(report.consolidation).toMatchObject({ rowsIn: 25 + 12, rowsOut: 25 + 12 });
  expect(report.files.map((f) => f.counts.tasks)).toEqual([25, 12]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet("Dữ liệu hợp nhất")!;
  const header = (ws.getRow(3).values as unknown[]).map(String);
  const rowCol = header.indexOf("Dòng gốc");
  const sttCol = header.indexOf("STT gốc");
  const fromPlan: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 3 && String(row.getCell(2).value).endsWith(SEED_004))
      fromPlan.push(`${row.getCell(sttCol).value} @ ${row.getCell(rowCol).value}`);
  });
  expect(fromPlan).toHaveLength(12);
  const lines = fs.readFileSync(seedTxt, "utf8").split("\n");
  const m = /^5\.2 @ mục 5\.2, dòng (\d+)$/.exec(fromPlan.find((x) => x.startsWith("5.2 "))!)!;
  expect(lines[Number(m[1]) - 1]).toMatch(/^5\.2\. Tiếp tục hướng dẫn nghiệp vụ/);
});

test("check --summary on a plan's text: the issues sheet names each issue's heading and line", async () => {
  const out = path.join(dir, "tong-hop.xlsx");
  const r = await runCli(["check", seedTxt, "--summary", out]);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const places: string[] = [];
  wb.getWorksheet("Danh sách lỗi")!.eachRow((row) =>
    row.eachCell((c) => void (/^mục /.test(String(c.value)) && places.push(String(c.value)))),
  );
  expect(places).toContain("mục 5.3, dòng 3");
  expect(places).toContain("mục 1, dòng 1");
});
