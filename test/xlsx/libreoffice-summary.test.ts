/**
 * The summary workbook written by `check --summary` opens in LibreOffice with the SPEC 6 sheet names and the same figures.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { hasLibreOffice, sheetsAsCsv } from "../support/libreoffice";
import { workbookBytes } from "../../src/xlsx/write";
import { SheetModel } from "../../src/core/output/sheet-model";

const lo = hasLibreOffice();
if (!lo && process.env.CI) throw new Error("LibreOffice is required in CI (.ci/test.sh installs libreoffice-calc)");
const maybe = lo ? test : test.skip;

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-lo-test-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

maybe("seed summary: sheet names and figures as LibreOffice reads them", async () => {
  const out = path.join(dir, "summary.xlsx");
  const json = await runCli(["check", SEED_APPENDIX_XLSX, "--json"]);
  const report = JSON.parse(json.stdout).files[0];
  await runCli(["check", SEED_APPENDIX_XLSX, "--summary", out]);
  const sheets = sheetsAsCsv(out);
  expect([...sheets.keys()].sort()).toEqual(["Danh sách lỗi", "Tổng hợp cơ quan", "Tổng hợp theo mục", "Tổng hợp thời gian"].sort());

  const agencies = sheets.get("Tổng hợp cơ quan")!;
  const soNgoaiVu = agencies.find((r) => r[1] === "Sở Ngoại vụ")!;
  expect(soNgoaiVu.slice(2, 5)).toEqual(["18", "7", "25"]);
  // Every agency of the JSON report appears with the same figures.
  for (const a of report.agencies) {
    const row = agencies.find((r) => r[1] === a.name);
    expect(row).toBeDefined();
    expect([Number(row![2]), Number(row![3])]).toEqual([a.lead, a.coordinating]);
  }

  const issues = sheets.get("Danh sách lỗi")!;
  const dataRows = issues.slice(3).filter((r) => r[0] !== "");
  expect(dataRows).toHaveLength(report.issues.length);
  expect(dataRows.find((r) => r.includes("missing-stt"))).toContain("A43");

  const periods = sheets.get("Tổng hợp thời gian")!;
  const totalRow = periods.find((r) => r[0] === "Tổng")!;
  expect(Number(totalRow[1])).toBe(25);

  const sections = sheets.get("Tổng hợp theo mục")!;
  expect(sections.slice(3).filter((r) => r.some((c) => c !== "")).length).toBe(8);
});

maybe("text that looks like a formula stays text", async () => {
  const model: SheetModel = {
    kind: "issues",
    name: "Danh sách lỗi",
    rows: [[{ value: "=1+1" }, { value: "+cmd|' /C calc'!A0" }, { value: "@SUM(A1)" }, { value: "-2+3" }]],
    columnWidths: [10, 10, 10, 10],
    headerRow: 1,
    autoFilter: false,
  };
  const out = path.join(dir, "inject.xlsx");
  fs.writeFileSync(out, await workbookBytes([model]));
  const csv = sheetsAsCsv(out).get("Danh sách lỗi")!;
  expect(csv[0]).toEqual(["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1)", "-2+3"]);
});
