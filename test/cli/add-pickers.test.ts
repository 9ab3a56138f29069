/**
 * `check FILE --add-pickers OUT.xlsx`: a copy of the seed appendix with the agency list on a hidden sheet and list
 * validation on the lead column, as LibreOffice reads it back after saving it again; the input byte-identical after;
 * the list sheet passed by the checker and the consolidation; a copy of a copy rewrites the same list; a user's own
 * validation on the column gives way only where ours now stands.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { canonicalAgencyNames } from "../../src/core/agencies/pickers";
import { NATIVE_READ } from "../../src/xlsx/native-zlib";
import { readWorkbook } from "../../src/xlsx/read";
import { openZip, writeZip } from "../../src/xlsx/zip";
import { runCli } from "../support/cli";
import { hasLibreOffice } from "../support/libreoffice";

const lo = hasLibreOffice();
if (!lo && process.env.CI) throw new Error("LibreOffice is required in CI (.ci/test.sh installs libreoffice-calc)");
const withLibreOffice = lo ? test : test.skip;

const SEED = path.join(__dirname, "..", "fixtures", "seed-001-appendix.xlsx");
const LEAD_AREAS = "C7:C9 C11:C12 C14:C15 C17:C19 C21:C22 C24:C27 C29:C30 C33:C34 C36 C38 C40:C41 C43";
const names = canonicalAgencyNames(defaultDirectory().data);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-pickers-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function part(file: string, name: string): string {
  const opened = openZip(new Uint8Array(fs.readFileSync(file)), (d, max) => zlib.inflateRawSync(d, { maxOutputLength: max }));
  if (!opened.ok) throw new Error(`${file} is not a zip`);
  const bytes = opened.zip.read(name);
  if (!bytes) throw new Error(`${file} has no ${name}`);
  return new TextDecoder().decode(bytes);
}

/** The `<dataValidation>` elements of a sheet part: their attributes and first formula. */
function validations(xml: string): Array<{ sqref: string; type: string; errorStyle: string; formula: string; prompt: string }> {
  return [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => {
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(m[1])?.[1] ?? "";
    const formula = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1] ?? "";
    return {
      sqref: attr("sqref"),
      type: attr("type"),
      errorStyle: attr("errorStyle"),
      formula: formula.replace(/&apos;/g, "'"),
      prompt: attr("promptTitle"),
    };
  });
}

function sheetsOf(workbookXml: string): Array<{ name: string; state: string }> {
  return [...workbookXml.matchAll(/<sheet\b([^>]*)\/>/g)].map((m) => ({
    name: /\bname="([^"]*)"/.exec(m[1])![1],
    state: /\bstate="([^"]*)"/.exec(m[1])?.[1] ?? "visible",
  }));
}

/** LibreOffice opens the file and saves it again as .xlsx: what it read is what it writes. */
function resavedByLibreOffice(file: string): string {
  const out = fs.mkdtempSync(path.join(dir, "lo-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ac-lo-profile-"));
  try {
    execFileSync("libreoffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", out, file], {
      stdio: "ignore",
      timeout: 120_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return path.join(out, path.basename(file));
}

withLibreOffice("the seed's copy, saved again by LibreOffice, holds the hidden list and the validation on the lead column", async () => {
  const input = path.join(dir, "phu-luc.xlsx");
  fs.copyFileSync(SEED, input);
  const before = fs.readFileSync(input);
  const out = path.join(dir, "phu-luc-chon.xlsx");
  const r = await runCli(["check", input, "--add-pickers", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1); // the seed's one error (A43) still counts
  expect(r.stdout).toContain(`Đã ghi: ${out} (danh sách chọn ở C7:C9, C11:C12, C14:C15 …, lấy từ trang ẩn "Danh sách cơ quan")`);
  expect(fs.readFileSync(input).equals(before)).toBe(true);

  const resaved = resavedByLibreOffice(out);
  expect(sheetsOf(part(resaved, "xl/workbook.xml"))).toEqual([
    { name: "Phụ lục", state: "visible" },
    { name: "Danh sách cơ quan", state: "hidden" },
  ]);
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(resaved)), NATIVE_READ);
  if (!read.ok) throw new Error(read.message);
  const list = read.sheets.find((s) => s.sheetName === "Danh sách cơ quan");
  expect(list?.cells.map((row) => row[0]?.value)).toEqual(names);
  const [v, ...others] = validations(part(resaved, "xl/worksheets/sheet1.xml"));
  expect(others).toEqual([]);
  expect(v).toEqual({
    sqref: LEAD_AREAS,
    type: "list",
    errorStyle: "warning",
    formula: `'Danh sách cơ quan'!$A$1:$A$${names.length}`,
    prompt: "Cơ quan chủ trì",
  });
});

test("the copy is checked and consolidated without its list sheet; a copy of the copy rewrites the same list", async () => {
  const out = path.join(dir, "chon.xlsx");
  expect((await runCli(["check", SEED, "--add-pickers", out, "--lang", "en", "--json"])).code).toBe(1);
  const checked = JSON.parse((await runCli(["check", out, "--json"])).stdout);
  expect(checked.files.map((f: { sheet: string }) => f.sheet)).toEqual(["Phụ lục"]);
  expect(checked.files[0].counts.tasks).toBe(25);
  const merged = path.join(dir, "hop-nhat.xlsx");
  const c = await runCli(["consolidate", out, "-o", merged, "--json"]);
  expect(JSON.parse(c.stdout).consolidation.rowsIn).toBe(25);

  const again = path.join(dir, "chon-2.xlsx");
  expect((await runCli(["check", out, "--add-pickers", again])).code).toBe(1);
  // The list sheet kept its English name from the first copy: it is the same sheet, rewritten.
  expect(sheetsOf(part(again, "xl/workbook.xml"))).toEqual([
    { name: "Phụ lục", state: "visible" },
    { name: "Agency list", state: "hidden" },
  ]);
  const dv = validations(part(again, "xl/worksheets/sheet1.xml"));
  expect(dv.map((x) => [x.sqref, x.formula, x.prompt])).toEqual([[LEAD_AREAS, `'Agency list'!$A$1:$A$${names.length}`, "Cơ quan chủ trì"]]);
});

test("a user's own validation elsewhere is kept; where it met the lead column, ours takes those cells", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục");
  ws.addRows([
    ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
    [1, "Xây dựng kế hoạch", "Sở Ngoại vụ", "Sở Tài chính", "Quý IV/2026"],
    [2, "Tổ chức hội nghị", "Sở Nội vụ", "", "Năm 2026"],
  ]);
  for (const cell of ["E2", "E3", "C3"]) ws.getCell(cell).dataValidation = { type: "list", allowBlank: true, formulae: ['"Quý I,Quý II"'] };
  const input = path.join(dir, "cua-toi.xlsx");
  await wb.xlsx.writeFile(input);
  const out = path.join(dir, "ra.xlsx");
  const r = await runCli(["check", input, "--add-pickers", out]);
  expect(r.code).toBeLessThan(2);
  const dv = validations(part(out, "xl/worksheets/sheet1.xml"));
  const ours = dv.find((x) => x.formula.startsWith("'Danh sách cơ quan'!"));
  expect(ours?.sqref).toBe("C2:C3");
  const theirs = dv.filter((x) => x !== ours).flatMap((x) => x.sqref.split(" "));
  expect(theirs).toEqual(["E2:E3"]); // C3 is ours now
});

test("--add-pickers takes one workbook and never the input itself", async () => {
  const two = await runCli(["check", SEED, SEED, "--add-pickers", path.join(dir, "x.xlsx")]);
  expect([two.code, two.stderr]).toEqual([2, "appendix-checker: --add-pickers nhận đúng một sổ làm việc (đã cho 2)\n"]);
  const input = path.join(dir, "in.xlsx");
  fs.copyFileSync(SEED, input);
  const self = await runCli(["check", input, "--add-pickers", input]);
  expect(self.code).toBe(2);
  expect(self.stderr).toContain("tệp đầu vào không bao giờ bị sửa");
  const en = await runCli(["check", input, "--add-pickers", input, "--lang", "en"]);
  expect(en.stderr).toContain("the input is never changed");
  expect(fs.readFileSync(input).equals(fs.readFileSync(SEED))).toBe(true);
});

test("only the agency-list mark makes a sheet pass unread: the same sheet marked otherwise is read", async () => {
  const out = path.join(dir, "chon.xlsx");
  await runCli(["check", SEED, "--add-pickers", out]);
  const readSheets = async (bytes: Uint8Array) => {
    const read = await readWorkbook(bytes, NATIVE_READ);
    if (!read.ok) throw new Error(read.message);
    return read.sheets.map((g) => g.sheetName);
  };
  const bytes = new Uint8Array(fs.readFileSync(out));
  expect(await readSheets(bytes)).toEqual(["Phụ lục"]);
  const opened = openZip(bytes, (d, max) => zlib.inflateRawSync(d, { maxOutputLength: max }));
  if (!opened.ok) throw new Error("not a zip");
  const other = new Uint8Array([..."summary"].flatMap((c) => [c.charCodeAt(0), 0]));
  const files = [...opened.zip.entries.keys()].map((name) => ({
    name,
    data: name === "xl/customProperty1.bin" ? other : opened.zip.read(name)!,
  }));
  const remarked = writeZip(files, { deflateRaw: (d) => zlib.deflateRawSync(d) });
  expect(await readSheets(remarked)).toEqual(["Phụ lục", "Danh sách cơ quan"]);
});

test("check --help names --add-pickers in both languages", async () => {
  expect((await runCli(["check", "--help"])).stdout).toContain("--add-pickers RA.xlsx");
  expect((await runCli(["check", "--help", "--lang", "en"])).stdout).toContain("--add-pickers OUT.xlsx");
});
