/**
 * The hostile corpus through the add-in (src/excel/: readGrid, writeSheetModels) against the in-memory Excel host:
 * each workbook Excel would open is put into the host as Excel would hold it, read back sheet by sheet, checked,
 * and given its summary sheets, twice. The outcome is the engine's; the user's sheets come through unchanged; the
 * sheets written hold no formula.
 *
 * Files Excel itself refuses (empty, CSV, encrypted, .xls, damaged) never reach the add-in: they are covered by the
 * readers' and the command line's tests.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { Cell, cellAddress, eachCellOf, Grid, rangeAddress } from "../../src/core/sheet/grid";
import { summarySheets } from "../../src/core/output/summaries";
import { checkWorkbook, SheetCheck } from "../../src/core/workbook";
import { readGrid } from "../../src/excel/grid-reader";
import { writeSheetModels } from "../../src/excel/sheet-writer";
import { readWorkbook } from "../../src/xlsx/read";
import { createHost, ExcelHost, FixtureValue, installOfficeGlobals } from "../excel-host";
import { parseFormula } from "../excel-host/formula";
import { HOSTILE_CASES, HostileCase } from "./corpus";
import { CorpusFile, corpusFiles } from "./corpus-files";
import { expectChecks, outcomeTitle, HOSTILE_TIME_BOUND } from "./outcome";

const inflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data);

let files: Map<string, CorpusFile>;
beforeAll(async () => {
  files = await corpusFiles();
}, 300_000);

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

/** Days since Excel's epoch for a d/m/yyyy date, as Excel stores it. */
function serialOf(text: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? (Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) - Date.UTC(1899, 11, 30)) / 86_400_000 : null;
}

function acceptsFormula(formula: string): boolean {
  try {
    parseFormula(formula);
    return true;
  } catch {
    return false;
  }
}

/** Text Excel would read as something else if typed: it goes in through Office.js with an apostrophe. */
const needsApostrophe = (v: string) => /^[=+\-@#]/.test(v) || /^\s*[\d.,/-]+\s*$/.test(v) || /^(true|false)$/i.test(v);

/**
 * A grid as Excel holds it: values, formulas, error values, dates as serial numbers, number formats, merged areas
 * (the first of overlapping ones, as Excel's repair keeps), hidden rows; text that typing would change is typed as
 * Excel users do, after an apostrophe.
 */
async function putGrid(host: ExcelHost, grid: Grid): Promise<void> {
  const literals: Array<{ address: string; text: string }> = [];
  const formats: Array<{ address: string; numberFormat: string }> = [];
  const valueOf = (cell: Cell, address: string): FixtureValue => {
    if (cell.numberFormat) formats.push({ address, numberFormat: cell.numberFormat });
    if (cell.error) return cell.error;
    if (cell.formula) {
      // The stand-in parses a subset of Excel's formulas (no structured references): others keep their value.
      if (acceptsFormula(cell.formula)) return `=${cell.formula}`;
      return cell.value === null ? null : cell.value;
    }
    if (cell.isDate && typeof cell.value === "string") return serialOf(cell.value) ?? cell.value;
    if (typeof cell.value === "string" && needsApostrophe(cell.value)) {
      literals.push({ address, text: cell.value });
      return null;
    }
    return cell.value;
  };
  // Rows stay as sparse as the reader made them: a stray value in XFD costs one cell, not a walk over 16,384.
  const rows: FixtureValue[][] = grid.cells.map((line, i) => {
    const row: FixtureValue[] = [];
    eachCellOf(line, (cell, j) => {
      row[j] = valueOf(cell, cellAddress(grid.originRow + i, grid.originCol + j));
    });
    return row;
  });
  const sheet = host.addSheet(grid.sheetName, rows, { origin: cellAddress(grid.originRow, grid.originCol) });
  for (const m of grid.merges) {
    try {
      sheet.merge(rangeAddress(m.top, m.left, m.bottom, m.right));
    } catch {
      // An area overlapping one already merged: Excel keeps only the first when it repairs the file.
    }
  }
  for (const r of grid.hiddenRows ?? []) sheet.hideRows(r);
  for (const f of formats) sheet.format(f.address, { numberFormat: f.numberFormat });
  if (literals.length === 0) return;
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(grid.sheetName);
    for (const l of literals) ws.getRange(l.address).values = [[`'${l.text}`]];
    await context.sync();
  });
}

/** Every stored cell of a sheet (value, formula, error), to compare a sheet before and after. */
function storedCells(host: ExcelHost, name: string): Map<number, string> {
  const model = host.workbook.sheetByName(name)!;
  const out = new Map<number, string>();
  for (const [key, c] of model.cells) out.set(key, JSON.stringify([c.value, c.formula ?? null, c.error ?? null]));
  return out;
}

function snapshot(host: ExcelHost): Map<string, Map<number, string>> {
  return new Map(host.sheetNames().map((n) => [n, storedCells(host, n)]));
}

/** Stops a read that would not end: a second after `ms`, every round trip is refused as if a cell were being edited. */
function watchdog(host: ExcelHost, ms: number): () => void {
  const timer = setTimeout(() => (host.editing = true), ms);
  return () => clearTimeout(timer);
}

async function workbookInHost(c: HostileCase): Promise<{ host: ExcelHost; grids: Grid[] }> {
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(files.get(c.name)!.file)), { inflateRaw });
  if (!read.ok) throw new Error(read.message);
  // A little latency per round trip gives the watchdog's timer a turn between them.
  const host = createHost({ latencyMs: 1 });
  uninstall = installOfficeGlobals(host);
  for (const grid of read.sheets) await putGrid(host, grid);
  c.inHost?.(host);
  return { host, grids: read.sheets };
}

const readable = HOSTILE_CASES.filter((c) => c.expected.kind !== "unusable" && !(c.gaps?.reader && c.gaps?.exceljs));

for (const c of readable) {
  describe(c.name, () => {
    const gap = c.gaps?.["add-in"];
    const expected = c.inExcel ?? c.expected;
    const title = `read sheet by sheet through Excel, checked, summaries written twice: ${outcomeTitle(expected)}`;
    const body = async () => {
      const { host, grids } = await workbookInHost(c);
      const before = snapshot(host);
      const stop = watchdog(host, 15_000);
      const read: Grid[] = [];
      try {
        for (const grid of grids) {
          host.activeSheet = grid.sheetName;
          const sheet = host.run((context) => readGrid(context as unknown as Excel.RequestContext, { kind: "sheet" }));
          if (!c.addInRefuses) {
            read.push(await sheet);
            continue;
          }
          // Refused with a reason a person can act on; the table, selected, is read.
          await expect(sheet).rejects.toMatchObject({ kind: "payload", message: expect.stringMatching(c.addInRefuses) });
          host.selection = `${grid.sheetName}!A1:Z200`;
          read.push(await host.run((context) => readGrid(context as unknown as Excel.RequestContext, { kind: "selection" })));
        }
      } finally {
        stop();
      }
      expect(snapshot(host)).toEqual(before);
      const result = checkWorkbook(read);
      expectChecks(result, expected);

      const checks: SheetCheck[] = result.ok ? result.checks : [];
      if (checks.length === 0) return;
      const models = summarySheets(
        checks.map((check) => ({ check })),
        "vi",
      );
      const write = () => host.run((context) => writeSheetModels(context as unknown as Excel.RequestContext, models));
      const first = await write();
      const afterFirst = host.sheetNames();
      const second = await write();
      expect(host.sheetNames()).toEqual(afterFirst);
      expect(second.written).toEqual(first.written);

      // The user's sheets, the table's own included, hold exactly what they held.
      for (const [name, cells] of before) expect([name, storedCells(host, name)]).toEqual([name, cells]);
      for (const name of c.userSheets ?? []) expect(first.written).not.toContain(name);
      // What was written is text and numbers: no formula, whatever the source held.
      for (const name of second.written) {
        for (const cell of host.workbook.sheetByName(name)!.cells.values()) expect(cell.formula).toBeUndefined();
      }
    };
    if (gap) test.failing(`${title} — KNOWN GAP: ${gap}`, body, HOSTILE_TIME_BOUND);
    else test(title, body, HOSTILE_TIME_BOUND);
  });
}

test("text a source holds that looks like a formula is written back as that text, never as a formula", async () => {
  const c = HOSTILE_CASES.find((x) => x.name === "formula-injection-text")!;
  const { host, grids } = await workbookInHost(c);
  const grid = await host.run((context) => readGrid(context as unknown as Excel.RequestContext, { kind: "sheet" }));
  expect(grid.cells[5][2]).toEqual({ value: "+cmd|' /C calc'!A0" });
  const result = checkWorkbook([grid]);
  if (!result.ok) throw new Error("no table");
  const { written } = await host.run((context) =>
    writeSheetModels(context as unknown as Excel.RequestContext, summarySheets([{ check: result.checks[0] }], "en")),
  );
  const issues = host.sheet(written[1]);
  const values = issues.values().flat();
  expect(values).toContain("+cmd|' /C calc'!A0");
  expect(values).toContain("@SUM(1+1)*cmd|' /C calc'!A0");
  expect(values).toContain("-2+3");
  for (const cell of host.workbook.sheetByName(written[1])!.cells.values()) expect(cell.formula).toBeUndefined();
  expect(grids).toHaveLength(1);
});

test("a user's sheet recorded as the add-in's but made by the user keeps its content; ours take free names", async () => {
  const c = HOSTILE_CASES.find((x) => x.name === "user-sheets-named-like-ours")!;
  const { host } = await workbookInHost(c);
  host.activeSheet = "Phụ lục";
  const grid = await host.run((context) => readGrid(context as unknown as Excel.RequestContext, { kind: "sheet" }));
  const result = checkWorkbook([grid]);
  if (!result.ok) throw new Error("no table");
  const { written } = await host.run((context) =>
    writeSheetModels(context as unknown as Excel.RequestContext, summarySheets([{ check: result.checks[0] }], "vi")),
  );
  expect(written).toEqual(["Tổng hợp cơ quan (2)", "Danh sách lỗi (2)", "Tổng hợp thời gian", "Tổng hợp theo mục"]);
  expect(host.sheet("Danh sách lỗi").values()).toEqual([["Việc cần sửa (của tôi)"], ["Gọi lại Sở Tài chính"], ["=SUM(1,2)"]]);
  expect(host.sheet("Danh sách lỗi").cell("A3").formula).toBeNull();
  expect(host.sheet("Tổng hợp cơ quan").values()).toEqual([
    ["Cơ quan", "Số nhiệm vụ"],
    ["Sở Ngoại vụ", 2],
  ]);
});
