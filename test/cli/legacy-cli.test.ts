/**
 * A workbook typed in TCVN3: flagged and explained without --convert-legacy, read like its Unicode twin with it,
 * and never changed on disk.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { encodeLegacy } from "../../src/core/legacy/encoding";
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

let dir: string;
let legacyFile: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-legacy-"));
  legacyFile = path.join(dir, "seed-tcvn3.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_APPENDIX_XLSX);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") cell.value = encodeLegacy(cell.value, "tcvn3");
      }),
    ),
  );
  await wb.xlsx.writeFile(legacyFile);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("without --convert-legacy: no table found, and the message says the text is legacy-encoded", async () => {
  const before = fs.readFileSync(legacyFile);
  const r = await runCli(["check", legacyFile, "--json", "--lang", "en"]);
  expect(r.code).toBe(2);
  const f = JSON.parse(r.stdout).files[0];
  const noTable = f.issues.find((i: { code: string }) => i.code === "no-table");
  expect(noTable.message).toMatch(/legacy encoding \(TCVN3\/VNI\)/);
  const legacy = f.issues.filter((i: { code: string }) => i.code === "legacy-encoding");
  expect(legacy.length).toBeGreaterThan(100);
  const c7 = legacy.find((i: { cell: string }) => i.cell === "C7");
  expect(c7).toMatchObject({ severity: "warning", value: encodeLegacy("Sở Ngoại vụ", "tcvn3"), suggestion: "Sở Ngoại vụ" });
  expect(fs.readFileSync(legacyFile).equals(before)).toBe(true);
});

test("with --convert-legacy: the same tallies as the Unicode original, each converted cell still reported", async () => {
  const unicode = JSON.parse((await runCli(["check", SEED_APPENDIX_XLSX, "--json"])).stdout).files[0];
  const r = await runCli(["check", legacyFile, "--json", "--convert-legacy"]);
  expect(r.code).toBe(1); // the seed's one real error, missing-stt
  const f = JSON.parse(r.stdout).files[0];
  expect(f.counts.tasks).toBe(25);
  expect(f.counts.sections).toBe(8);
  expect(f.agencies).toEqual(unicode.agencies);
  expect(f.periods).toEqual(unicode.periods);
  expect(f.issues.filter((i: { code: string }) => i.code === "legacy-encoding").length).toBeGreaterThan(100);
  expect(f.issues.filter((i: { severity: string }) => i.severity === "error").map((i: { code: string }) => i.code)).toEqual([
    "missing-stt",
  ]);
});
