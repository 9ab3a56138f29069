/**
 * The hostile corpus through the command line, run in-process: `check --json`, `check --summary` and `consolidate`
 * each end with the expected result or a one-line reason and the right exit status, never touch their input, write
 * whole workbooks or nothing, and never write a formula.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ReportSchema } from "../../src/core/output/report";
import { runCli } from "../support/cli";
import { HOSTILE_CASES, HostileCase, Layer } from "./corpus";
import { CorpusFile, corpusFiles, sha256 } from "./corpus-files";
import { outcomeTitle } from "./outcome";
import { partText, worksheetParts } from "./xlsx-parts";

let files: Map<string, CorpusFile>;
let out: string;
beforeAll(async () => {
  files = await corpusFiles();
  out = fs.mkdtempSync(path.join(os.tmpdir(), "ac-hostile-cli-"));
}, 300_000);
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

function layerTest(c: HostileCase, layer: Layer, title: string, fn: () => Promise<void>, timeout = 60_000): void {
  const gap = c.gaps?.[layer];
  if (gap) test.failing(`${title} — KNOWN GAP: ${gap}`, fn, timeout);
  else test(title, fn, timeout);
}

/** Runs the command and checks what holds whatever the case: the input untouched, no stack trace, no crash. */
async function run(c: HostileCase, argv: (file: string) => string[]) {
  const file = files.get(c.name)!.file;
  const before = sha256(file);
  const stat = fs.statSync(file);
  const r = await runCli(argv(file));
  expect(sha256(file)).toBe(before);
  expect(fs.statSync(file).mtimeMs).toBe(stat.mtimeMs);
  // Every line a person reads starts with the program's name and says something: no stack frame, no JavaScript.
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+|TypeError|RangeError|undefined|\[object /);
  for (const line of r.stderr.split("\n").filter((l) => l !== "")) expect(line).toMatch(/^appendix-checker: /);
  return { ...r, file };
}

const xmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/** Characters XML 1.0 cannot hold, raw or as references (Excel refuses a file with one): the first found, or null. */
function notXml(xml: string): string | null {
  const raw = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/.exec(xml);
  if (raw) return `U+${raw[0].charCodeAt(0).toString(16)}`;
  for (const m of xml.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
    const code = m[1][0].toLowerCase() === "x" ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
    if (!xmlChar(code)) return m[0];
  }
  return null;
}

/** A workbook the product wrote: every part well-formed for a strict reader, and no formula anywhere. */
async function expectFormulaFree(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  for (const part of await worksheetParts(bytes)) {
    expect(part.xml).not.toMatch(/<(?:\w+:)?f[\s>/]/);
    expect(notXml(part.xml)).toBeNull();
  }
  const strings = await partText(bytes, "xl/sharedStrings.xml");
  if (strings) expect(notXml(strings)).toBeNull();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeFalsy();
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    ),
  );
  return wb;
}

const tasksOf = (c: HostileCase) => (c.expected.kind === "tables" ? c.expected.tables.reduce((n, t) => n + t.tasks, 0) : 0);
const errorsOf = (c: HostileCase) => (c.expected.kind === "tables" ? c.expected.tables.reduce((n, t) => n + t.errors.length, 0) : 0);

for (const c of HOSTILE_CASES) {
  describe(c.name, () => {
    const e = c.expected;

    layerTest(c, "check", `check --json: ${outcomeTitle(e)}`, async () => {
      const r = await run(c, (f) => ["check", f, "--json", "--lang", "en"]);
      const report = ReportSchema.parse(JSON.parse(r.stdout));
      if (e.kind === "unusable") {
        expect(r.code).toBe(2);
        expect(report.files).toEqual([]);
        expect(r.stderr).toMatch(new RegExp(`^appendix-checker: ${escape(r.file)}: .*\\n$`));
        expect(reasonFor(r.stderr, r.file)).toMatch(e.says);
      } else if (e.kind === "no-table") {
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(
          `appendix-checker: ${r.file}: no task table found (looked on ${Object.keys(e.hints).join(", ")} for a header row with STT, Nội dung, Cơ quan chủ trì … or a delegation table with Tên đoàn, Trưởng đoàn …)\n`,
        );
        expect(report.files.map((f) => [f.sheet, f.table, f.issues.find((i) => i.code === "no-table")?.severity])).toEqual(
          Object.keys(e.hints).map((s) => [s, null, "error"]),
        );
      } else {
        expect(r.stderr).toBe("");
        expect(r.code).toBe(errorsOf(c) > 0 ? 1 : 0);
        expect(report.files.map((f) => f.sheet)).toEqual(e.tables.map((t) => t.sheet));
        e.tables.forEach((t, i) => {
          const f = report.files[i];
          expect(f.table).toEqual({ range: t.range, headerRow: t.headerRow, columns: t.columns });
          expect([f.counts.sections, f.counts.tasks]).toEqual([t.sections, t.tasks]);
          expect(f.issues.filter((x) => x.severity === "error").map((x) => [x.code, x.cell])).toEqual(t.errors);
          for (const note of t.notes ?? []) expect(f.issues.map((x) => [x.code, x.cell])).toContainEqual(note);
        });
      }
    });

    layerTest(c, "check", `check --summary: ${e.kind === "tables" ? "four summary sheets, text only" : "nothing written"}`, async () => {
      const summary = path.join(out, `${c.name}-summary.xlsx`);
      const r = await run(c, (f) => ["check", f, "--summary", summary]);
      if (e.kind !== "tables") {
        expect(r.code).toBe(2);
        expect(fs.existsSync(summary)).toBe(false);
        // The reason is Vietnamese by default; the corpus states it in English.
        if (e.kind === "unusable") expect(reasonFor((await run(c, (f) => ["check", f, "--lang", "en"])).stderr, r.file)).toMatch(e.says);
        expect(r.stderr).toContain(`chưa ghi ${summary}: 1 tệp đầu vào không dùng được`);
        return;
      }
      expect(r.code).toBe(errorsOf(c) > 0 ? 1 : 0);
      const wb = await expectFormulaFree(new Uint8Array(fs.readFileSync(summary)));
      expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp cơ quan", "Danh sách lỗi", "Tổng hợp thời gian", "Tổng hợp theo mục"]);
      // One line per issue on the issues sheet, under its title, subtitle and header rows.
      const issues = wb.getWorksheet("Danh sách lỗi")!;
      const report = ReportSchema.parse(JSON.parse((await runCli(["check", r.file, "--json"])).stdout));
      expect(issues.actualRowCount).toBeGreaterThanOrEqual(report.files.reduce((n, f) => n + f.issues.length, 0));
    });

    layerTest(
      c,
      "consolidate",
      `consolidate: ${e.kind === "tables" ? `${tasksOf(c)} rows in = rows out` : e.kind === "no-table" ? "no rows, the file reported" : "nothing written"}`,
      async () => {
        const target = path.join(out, `${c.name}-consolidated.xlsx`);
        const r = await run(c, (f) => ["consolidate", f, "-o", target, "--json", "--lang", "en"]);
        if (e.kind === "unusable") {
          expect(r.code).toBe(2);
          expect(fs.existsSync(target)).toBe(false);
          expect(reasonFor(r.stderr, r.file)).toMatch(e.says);
          expect(r.stderr).toContain(`${target} not written: none of the 1 file(s) could be read`);
          return;
        }
        const report = ReportSchema.parse(JSON.parse(r.stdout));
        await expectFormulaFree(new Uint8Array(fs.readFileSync(target)));
        if (e.kind === "no-table") {
          expect(r.code).toBe(1);
          expect(r.stderr).toBe(
            `appendix-checker: ${r.file}: no task table found (looked for a header row with STT, Nội dung, Cơ quan chủ trì …)\n`,
          );
          expect(report.files.map((f) => [f.sheet, f.table])).toEqual(Object.keys(e.hints).map((s) => [s, null]));
          expect(report.consolidation).toMatchObject({ rowsIn: 0, rowsOut: 0 });
          return;
        }
        expect(r.stderr).toBe("");
        expect(r.code).toBe(errorsOf(c) > 0 ? 1 : 0);
        expect(report.consolidation).toMatchObject({ rowsIn: tasksOf(c), rowsOut: tasksOf(c) });
        expect(report.files.map((f) => [f.sheet, f.table?.range, f.counts.tasks])).toEqual(
          e.tables.map((t) => [t.sheet, t.range, t.tasks]),
        );
      },
    );
  });
}

/** The reason stderr gives for the file: what follows "appendix-checker: FILE: " on its line. */
function reasonFor(stderr: string, file: string): string {
  const line = stderr.split("\n").find((l) => l.startsWith(`appendix-checker: ${file}: `));
  if (!line) throw new Error(`no line about ${file} in: ${stderr}`);
  return line.slice(`appendix-checker: ${file}: `.length);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("the whole corpus consolidated at once", () => {
  let r: { code: number; stdout: string; stderr: string };
  let target: string;
  beforeAll(async () => {
    target = path.join(out, "all-consolidated.xlsx");
    const folder = path.dirname(files.values().next().value!.file);
    r = await runCli(["consolidate", folder, "-o", target, "--json", "--lang", "en"]);
  }, 300_000);

  test("every task row read is written once; the unreadable files are named, the rest merged; no formula written", async () => {
    expect(r.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    const expectedRows = HOSTILE_CASES.reduce((n, c) => n + tasksOf(c), 0);
    expect(report.consolidation).toMatchObject({ rowsIn: expectedRows, rowsOut: expectedRows });
    for (const c of HOSTILE_CASES.filter((x) => x.expected.kind === "unusable")) {
      expect(r.stderr).toContain(`${c.name}.xlsx: `);
    }
    await expectFormulaFree(new Uint8Array(fs.readFileSync(target)));
  });

  test("every input is accounted for: in the per-file report or named with the reason it could not be read", () => {
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    const reported = new Set(report.files.map((f) => f.file));
    for (const c of HOSTILE_CASES) {
      const named = reported.has(`${c.name}.xlsx`) || new RegExp(`${escape(c.name)}\\.xlsx: (?!no task table)`).test(r.stderr);
      expect([c.name, named]).toEqual([c.name, true]);
    }
  });
});
