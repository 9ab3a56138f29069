import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { openZip } from "../../src/xlsx/zip";
import { ReportSchema } from "../../src/core/output/report";
import { displayNames, runConsolidate } from "../../src/cli/consolidate-command";
import { runCli } from "../support/cli";
import { realFixtureNames, SEED_APPENDIX_XLSX, tsvRows } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";

let dir: string;
let replies: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-consolidate-"));
  replies = path.join(dir, "replies");
  fs.mkdirSync(replies);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];

async function writeTable(file: string, rows: Array<Array<string | number>>, title: string[] = []): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await xlsxFromRows([{ name: "Phụ lục", rows: [...title.map((t) => [t]), HEADER, ...rows] }]));
}

async function readOut(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v && typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
  return v === null || v === undefined ? "" : String(v);
}

/** The consolidated sheet's rows below its header, as objects keyed by header. */
function consolidatedRows(wb: ExcelJS.Workbook, sheet = "Dữ liệu hợp nhất"): Array<Record<string, string>> {
  const ws = wb.getWorksheet(sheet)!;
  const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const out: Array<Record<string, string>> = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, cellText(values[i])])));
  }
  return out;
}

test("a folder of replies, read recursively: one workbook with the merged rows, the summaries and the file report", async () => {
  await writeTable(
    path.join(replies, "so-ngoai-vu.xlsx"),
    [
      [1, "Tổ chức hội nghị hợp tác quốc tế", "Sở Ngoại vụ", "Sở Tài chính", "Quý I/2026"],
      [2, "=SUM(A1:A3)", "Sở Ngoại vụ", "", "Năm 2026"],
    ],
    ["SỞ NGOẠI VỤ", "PHỤ LỤC"],
  );
  await writeTable(path.join(replies, "huyen", "cong-an-tinh.xlsx"), [
    [1, "Bảo đảm an ninh đoàn vào", "Công an tỉnh", "Sở Ngoại vụ", "Thường xuyên"],
  ]);
  fs.copyFileSync(path.join(replies, "so-ngoai-vu.xlsx"), path.join(replies, "~$so-ngoai-vu.xlsx")); // Excel's lock file
  const out = path.join(dir, "out", "tong-hop.xlsx");
  const r = await runCli(["consolidate", replies, "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Dòng vào 3 = dòng ra 3");
  const wb = await readOut(out);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    "Dữ liệu hợp nhất",
    "Tổng hợp cơ quan",
    "Danh sách lỗi",
    "Tổng hợp thời gian",
    "Tổng hợp theo mục",
    "Báo cáo tệp",
  ]);
  const rows = consolidatedRows(wb);
  expect(rows.map((x) => [x["Tệp nguồn"], x["Dòng gốc"], x["Cơ quan gửi"], x["Nội dung nhiệm vụ"], x["Cơ quan chủ trì"]])).toEqual([
    ["huyen/cong-an-tinh.xlsx", "2", "Công an tỉnh", "Bảo đảm an ninh đoàn vào", "Công an tỉnh"],
    ["so-ngoai-vu.xlsx", "4", "Sở Ngoại vụ", "Tổ chức hội nghị hợp tác quốc tế", "Sở Ngoại vụ"],
    ["so-ngoai-vu.xlsx", "5", "Sở Ngoại vụ", "=SUM(A1:A3)", "Sở Ngoại vụ"],
  ]);
  const ws = wb.getWorksheet("Dữ liệu hợp nhất")!;
  // Text from a source stays text, and the source cell is a link away.
  expect(ws.getCell("G6").value).toBe("=SUM(A1:A3)");
  expect(ws.getCell("G6").formula).toBeUndefined();
  expect(ws.getCell("B5").value).toMatchObject({ text: "so-ngoai-vu.xlsx" });
  expect(JSON.stringify(ws.getCell("B5").value)).toContain("../replies/so-ngoai-vu.xlsx");
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  expect(ws.autoFilter).toBeTruthy();
  const files = wb.getWorksheet("Báo cáo tệp")!;
  expect(files.getRow(4).getCell(2).value).toBe("huyen/cong-an-tinh.xlsx");
  expect(files.getRow(5).getCell(3).value).toBe("Đã hợp nhất");
  expect(files.rowCount).toBe(5);
});

test("--json prints the SPEC 9 document with the consolidation figures; --expected names who sent nothing", async () => {
  fs.copyFileSync(SEED_APPENDIX_XLSX, path.join(replies, "so-ngoai-vu.xlsx"));
  fs.copyFileSync(SEED_APPENDIX_XLSX, path.join(replies, "so-ngoai-vu-ban-sua.xlsx"));
  await writeTable(path.join(replies, "Sở Tư pháp.xlsx"), [[1, "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "", "Năm 2026"]]);
  const expected = path.join(dir, "expected.txt");
  fs.writeFileSync(expected, "Sở Ngoại vụ\nSở Tư pháp\nCông an tỉnh\nUBND huyện An Lão\n");
  const out = path.join(dir, "out.xlsx");
  const r = await runCli(["consolidate", replies, "--output", out, "--expected", expected, "--json"]);
  expect(r.code).toBe(1); // the seed's missing STT is an error
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  expect(report.files.map((f) => [f.file, f.kind, f.counts.tasks]).sort()).toEqual([
    ["Sở Tư pháp.xlsx", "tasks", 1],
    ["so-ngoai-vu-ban-sua.xlsx", "tasks", 25],
    ["so-ngoai-vu.xlsx", "tasks", 25],
  ]);
  expect(report.consolidation).toEqual({
    rowsIn: 51,
    rowsOut: 51,
    duplicates: 25,
    conflicts: 0,
    missingAgencies: ["Công an tỉnh", "UBND huyện An Lão"],
  });
  expect(consolidatedRows(await readOut(out))).toHaveLength(51);
});

test("unreadable files among good ones: each named on stderr, the rest merged, exit 1", async () => {
  await writeTable(path.join(replies, "a.xlsx"), [[1, "Việc A", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026"]]);
  await writeTable(path.join(replies, "b.xlsx"), [[1, "Việc B", "Sở Nội vụ", "Sở Tư pháp", "Năm 2026"]]);
  fs.writeFileSync(path.join(replies, "broken.xlsx"), fs.readFileSync(path.join(replies, "a.xlsx")).subarray(0, 300));
  fs.writeFileSync(path.join(replies, "notes.xlsx"), "STT,Nội dung\n1,abc\n");
  const out = path.join(dir, "out.xlsx");
  const r = await runCli(["consolidate", replies, "-o", out, "--lang", "en"]);
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/broken\.xlsx: the workbook is damaged/);
  expect(lines[1]).toMatch(/notes\.xlsx: not an \.xlsx workbook/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  const wb = await readOut(out);
  expect(wb.worksheets[0].name).toBe("Consolidated");
  expect(consolidatedRows(wb, "Consolidated").map((x) => x["Task"])).toEqual(["Việc A", "Việc B"]);
  const files = wb.getWorksheet("Files")!;
  const statuses = [4, 5, 6, 7].map((n) => [files.getRow(n).getCell(2).value, files.getRow(n).getCell(3).value]);
  expect(statuses).toEqual([
    ["a.xlsx", "Merged"],
    ["b.xlsx", "Merged"],
    ["broken.xlsx", "Unreadable"],
    ["notes.xlsx", "Unreadable"],
  ]);
});

test("only unreadable files: exit 2, nothing written", async () => {
  fs.writeFileSync(path.join(replies, "empty.xlsx"), "");
  fs.writeFileSync(path.join(replies, "text.xlsx"), "hello");
  const out = path.join(dir, "out.xlsx");
  const r = await runCli(["consolidate", replies, "-o", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/empty\.xlsx: tệp rỗng \(0 byte\)/);
  expect(r.stderr).toMatch(/chưa ghi .*out\.xlsx: không đọc được tệp nào trong 2 tệp/);
  expect(fs.existsSync(out)).toBe(false);
});

test("a file whose header cannot be found is reported, not fatal", async () => {
  await writeTable(path.join(replies, "a.xlsx"), [[1, "Việc A", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026"]]);
  const schedule = realFixtureNames().find((n) => n.startsWith("daksong_"))!;
  fs.writeFileSync(path.join(replies, "lich.xlsx"), await xlsxFromRows([{ name: "Lịch", rows: tsvRows(schedule) }]));
  const out = path.join(dir, "out.xlsx");
  const r = await runCli(["consolidate", replies, "-o", out, "--json"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/lich\.xlsx: không tìm thấy bảng nhiệm vụ/);
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  expect(report.files.find((f) => f.file === "lich.xlsx")!.issues[0].code).toBe("no-table");
  expect(report.consolidation).toMatchObject({ rowsIn: 1, rowsOut: 1 });
  const files = (await readOut(out)).getWorksheet("Báo cáo tệp")!;
  expect(files.getRow(5).getCell(3).value).toBe("Không có bảng nhiệm vụ");
});

describe("the output never overwrites an input", () => {
  test("OUT named as an input file: refused, exit 2, the input untouched", async () => {
    const input = path.join(replies, "seed.xlsx");
    fs.copyFileSync(SEED_APPENDIX_XLSX, input);
    const before = fs.readFileSync(input);
    const r = await runCli(["consolidate", input, "-o", input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/là một trong các tệp đầu vào/);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  test("OUT left inside the input folder by an earlier run is not read back as a reply", async () => {
    fs.copyFileSync(SEED_APPENDIX_XLSX, path.join(replies, "seed.xlsx"));
    const out = path.join(replies, "tong-hop.xlsx");
    expect((await runCli(["consolidate", replies, "-o", out])).code).toBe(1);
    const first = fs.readFileSync(out);
    const again = await runCli(["consolidate", replies, "-o", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/là một trong các tệp đầu vào/);
    expect(fs.readFileSync(out).equals(first)).toBe(true);
  });
});

test("a file named twice (alone and inside its folder) is read once", async () => {
  await writeTable(path.join(replies, "a.xlsx"), [[1, "Việc A", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026"]]);
  const out = path.join(dir, "out.xlsx");
  const r = await runCli(["consolidate", path.join(replies, "a.xlsx"), replies, "-o", out, "--json"]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/a\.xlsx: được nêu nhiều lần; chỉ đọc một lần/);
  expect(JSON.parse(r.stdout).consolidation).toMatchObject({ rowsIn: 1, rowsOut: 1, duplicates: 0 });
});

test("usage errors and unusable options exit 2 with a message", async () => {
  const a = path.join(replies, "a.xlsx");
  await writeTable(a, [[1, "Việc A", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026"]]);
  expect((await runCli(["consolidate", a, "--lang", "en"])).stderr).toMatch(/needs -o OUT\.xlsx/);
  expect((await runCli(["consolidate", "-o", path.join(dir, "o.xlsx"), "--lang", "en"])).stderr).toMatch(
    /at least one \.xlsx file or folder/,
  );
  expect((await runCli(["consolidate", a, "-o", path.join(dir, "o.xlsx"), "--lang", "fr"])).stderr).toMatch(/--lang must be vi or en/);
  expect((await runCli(["consolidate", a, "-o", path.join(dir, "o.xlsx"), "--bogus", "--lang", "en"])).stderr).toMatch(
    /unknown option --bogus/,
  );
  const noList = await runCli(["consolidate", a, "-o", path.join(dir, "o.xlsx"), "--expected", path.join(dir, "none.txt"), "--lang", "en"]);
  expect(noList.code).toBe(2);
  expect(noList.stderr).toMatch(/--expected .*none\.txt: no such file/);
  const emptyFolder = path.join(dir, "empty");
  fs.mkdirSync(emptyFolder);
  const none = await runCli(["consolidate", emptyFolder, "-o", path.join(dir, "o.xlsx")]);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/không tìm thấy tệp \.xlsx hay \.docx nào trong .*empty/);
  const en = await runCli(["consolidate", emptyFolder, "-o", path.join(dir, "o.xlsx"), "--lang", "en"]);
  expect(en.stderr).toMatch(/no \.xlsx or \.docx files found/);
  expect(fs.existsSync(path.join(dir, "o.xlsx"))).toBe(false);
});

test("--directory: a shared directory's aliases name the agencies", async () => {
  await writeTable(path.join(replies, "a.xlsx"), [[1, "Việc A", "Phòng Hợp tác", "", "Năm 2026"]]);
  const directory = path.join(dir, "agencies.json");
  fs.writeFileSync(directory, JSON.stringify({ version: 1, agencies: [{ name: "Phòng Hợp tác quốc tế", aliases: ["Phòng Hợp tác"] }] }));
  const out = path.join(dir, "out.xlsx");
  const r = await runCli(["consolidate", replies, "-o", out, "--directory", directory, "--json"]);
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  expect(report.files[0].agencies).toEqual([{ name: "Phòng Hợp tác quốc tế", kind: "agency", lead: 1, coordinating: 0 }]);
  const agencies = (await readOut(out)).getWorksheet("Tổng hợp cơ quan")!;
  expect(agencies.getRow(4).getCell(2).value).toBe("Phòng Hợp tác quốc tế");
});

test("the files are named relative to the folder they share", () => {
  const base = path.join(dir, "x");
  expect(displayNames([path.join(base, "a", "p.xlsx"), path.join(base, "b", "p.xlsx")])).toEqual(["a/p.xlsx", "b/p.xlsx"]);
  expect(displayNames([path.join(base, "p.xlsx")])).toEqual(["p.xlsx"]);
});

test("more rows than a sheet holds: the table continues on “Dữ liệu hợp nhất (2)”, (3) …, rows in = rows out, links right", async () => {
  // A sheet of 8 rows (title, subtitle, header and 5 tasks) stands in for Excel's 1,048,576.
  const tasks = (agency: string, n: number) =>
    Array.from({ length: n }, (_, i) => [i + 1, `Nhiệm vụ ${i + 1} của ${agency}`, agency, "", "Năm 2026"] as Array<string | number>);
  await writeTable(path.join(replies, "a-so-ngoai-vu.xlsx"), tasks("Sở Ngoại vụ", 7));
  await writeTable(path.join(replies, "b-so-tu-phap.xlsx"), tasks("Sở Tư pháp", 6));
  const out = path.join(dir, "tong-hop.xlsx");
  let stdout = "";
  const io = {
    out: (t: string) => void (stdout += `${t}\n`),
    err: (t: string) => {
      throw new Error(t);
    },
    write: (t: string) => void (stdout += t),
    stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
  };
  const code = await runConsolidate({ inputs: [replies], output: out, json: false, lang: "vi", sheetRows: 8 }, io);
  expect(code).toBe(0);
  expect(stdout).toContain("Dòng vào 13 = dòng ra 13");
  expect(stdout).toContain("Dữ liệu hợp nhất, Dữ liệu hợp nhất (2), Dữ liệu hợp nhất (3)");
  const wb = await readOut(out);
  const names = wb.worksheets.map((w) => w.name);
  expect(names.slice(0, 3)).toEqual(["Dữ liệu hợp nhất", "Dữ liệu hợp nhất (2)", "Dữ liệu hợp nhất (3)"]);
  const parts = names.slice(0, 3).map((n) => consolidatedRows(wb, n));
  expect(parts.map((p) => p.length)).toEqual([5, 5, 3]);
  const all = parts.flat();
  // Every row once, in order, its running number going on across the sheets.
  expect(all.map((r) => r["TT"])).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
  expect(all.map((r) => r["Nội dung nhiệm vụ"])).toEqual([
    ...tasks("Sở Ngoại vụ", 7).map((t) => t[1]),
    ...tasks("Sở Tư pháp", 6).map((t) => t[1]),
  ]);
  // Provenance on a later sheet: the file, and the link to the source row (header on row 1, task k on row k + 1).
  const second = wb.getWorksheet("Dữ liệu hợp nhất (2)")!;
  expect(second.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  expect(cellText(second.getCell("B4").value)).toBe("a-so-ngoai-vu.xlsx");
  expect(second.getCell("D4").value).toBe(7);
  const zip = openZip(new Uint8Array(fs.readFileSync(out)), (d) => new Uint8Array(zlib.inflateRawSync(d)));
  if (!zip.ok) throw new Error("not a zip");
  const sheet2 = new TextDecoder().decode(zip.zip.read("xl/worksheets/sheet2.xml")!);
  const linkOf = (ref: string) => sheet2.match(new RegExp(`<hyperlink ref="${ref}"[^>]*location="([^"]*)"`))?.[1];
  expect(JSON.stringify(second.getCell("B4").value)).toContain("replies/a-so-ngoai-vu.xlsx");
  expect(linkOf("B4")).toBe("'Phụ lục'!B7");
  expect(cellText(second.getCell("B6").value)).toBe("b-so-tu-phap.xlsx");
  expect(JSON.stringify(second.getCell("B6").value)).toContain("replies/b-so-tu-phap.xlsx");
  expect(linkOf("B6")).toBe("'Phụ lục'!B2");
  expect(cellText(wb.getWorksheet("Dữ liệu hợp nhất")!.getCell("A2").value)).toContain("tiếp theo ở trang Dữ liệu hợp nhất (2)");
  // The file report says where each file's rows went, linked to the first of them, and that the table was split.
  const files = wb.getWorksheet("Báo cáo tệp")!;
  const header = (files.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const where = header.indexOf("Vị trí hợp nhất") + 1;
  expect(cellText(files.getRow(4).getCell(where).value)).toBe("Dữ liệu hợp nhất, dòng 4–8; Dữ liệu hợp nhất (2), dòng 4–5");
  expect(cellText(files.getRow(5).getCell(where).value)).toBe("Dữ liệu hợp nhất (2), dòng 6–8; Dữ liệu hợp nhất (3), dòng 4–6");
  const filesXml = new TextDecoder().decode(zip.zip.read(`xl/worksheets/sheet${names.indexOf("Báo cáo tệp") + 1}.xml`)!);
  const col = String.fromCharCode(64 + where);
  expect(filesXml).toContain(`<hyperlink ref="${col}5" location="'Dữ liệu hợp nhất (2)'!A6"`);
  expect(cellText(files.getCell("A2").value)).toContain("quá 8 dòng");
}, 120_000);
