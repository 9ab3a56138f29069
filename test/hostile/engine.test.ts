/**
 * The hostile corpus through the readers and the engine (src/xlsx/read.ts, checkWorkbook/checkAnySheet): every case
 * gives its expected outcome, the bytes and the grids come out as they went in, and nothing runs without end.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { checkAnySheet, checkWorkbook } from "../../src/core/workbook";
import { NATIVE_READ } from "../../src/xlsx/native-zlib";
import { readWorkbook } from "../../src/xlsx/read";
import { HOSTILE_CASES, HostileCase, Layer } from "./corpus";
import { CorpusFile, corpusFiles } from "./corpus-files";
import { encryptedWorkbook, legacyXlsWorkbook, oleStreamNames } from "./ole-container";
import { expectRead, outcomeTitle, HOSTILE_TIME_BOUND } from "./outcome";

const ROOT = path.resolve(__dirname, "..", "..");

let files: Map<string, CorpusFile>;
beforeAll(async () => {
  files = await corpusFiles();
}, 300_000);

const bytesOf = (c: HostileCase) => new Uint8Array(fs.readFileSync(files.get(c.name)!.file));

/** test, or test.failing where the case names a gap in this layer (the reason is in the title). */
function layerTest(c: HostileCase, layer: Layer, title: string, fn: () => Promise<void>, timeout = HOSTILE_TIME_BOUND): void {
  const gap = c.gaps?.[layer];
  if (gap) test.failing(`${title} — KNOWN GAP: ${gap}`, fn, timeout);
  else test(title, fn, timeout);
}

/**
 * Cases ExcelJS alone never finishes or takes a gigabyte for (it expands merged areas cell by cell, and makes a row
 * object per formatted row): read in a child process killed after a while, so a return of the old behaviour fails
 * the test instead of hanging the run.
 */
const HEAVY_IN_EXCELJS = new Set([
  "merges-past-the-table",
  "merge-over-the-rest-of-the-sheet",
  "formatting-to-row-1048576",
  // ExcelJS has no limits of its own: these are its known gaps, run where a hang or an abort cannot stop the suite.
  "row-400000000",
  "stray-value-in-xfd-on-20000-rows",
]);

test("the corpus: at least 40 cases, each named once, each built", async () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(HOSTILE_CASES.map((c) => c.name)).size).toBe(HOSTILE_CASES.length);
  for (const c of HOSTILE_CASES) {
    expect(c.name).toMatch(/^[a-z0-9.-]+$/);
    expect(fs.existsSync(files.get(c.name)!.file)).toBe(true);
  }
});

test("the OLE containers are well formed: their streams read back through the FAT and the directory", () => {
  expect(oleStreamNames(encryptedWorkbook())).toEqual([
    { name: "EncryptionInfo", size: 4096, first8: [4, 0, 4, 0, 0, 0, 0, 0] },
    { name: "EncryptedPackage", size: 4608, first8: [0x39, 0x30, 0, 0, 0, 0, 0, 0] },
  ]);
  expect(oleStreamNames(legacyXlsWorkbook())).toEqual([{ name: "Workbook", size: 4096, first8: [0x09, 0x08, 0x10, 0, 0, 0x06, 0x05, 0] }]);
});

for (const c of HOSTILE_CASES) {
  describe(c.name, () => {
    layerTest(c, "reader", `XML reader and engine: ${outcomeTitle(c.expected)}`, async () => {
      const bytes = bytesOf(c);
      const copy = bytes.slice();
      expectRead(await readWorkbook(bytes, NATIVE_READ), c.expected);
      expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
    });

    if (HEAVY_IN_EXCELJS.has(c.name) && c.gaps?.exceljs) {
      // ExcelJS's known gaps here are hangs: whether one ends within any bound depends on how busy the machine is, so
      // it is not run (a failing-marked test would pass or fail by load); the gap stays named in the corpus.
      test.skip(`ExcelJS reader — KNOWN GAP, not run: ${c.gaps.exceljs}`, () => undefined);
    } else if (HEAVY_IN_EXCELJS.has(c.name)) {
      layerTest(
        c,
        "exceljs",
        `ExcelJS reader, in a child process given 240 s and 768 MB: ${outcomeTitle(c.exceljs ?? c.expected)}`,
        async () => {
          const child = spawnSync(
            process.execPath,
            [
              "--require",
              path.join(ROOT, "node_modules/tsx/dist/cjs/index.cjs"),
              path.join(__dirname, "read-with-exceljs.ts"),
              files.get(c.name)!.file,
            ],
            {
              cwd: ROOT,
              // A bound against a hang, far above what the read takes on a busy 2-core machine.
              timeout: 240_000,
              encoding: "utf8",
              env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=768" },
            },
          );
          expect({ signal: child.signal, status: child.status }).toEqual({ signal: null, status: 0 });
          const found = JSON.parse(child.stdout);
          const e = c.exceljs ?? c.expected;
          if (e.kind === "unusable") expect(found).toMatchObject({ ok: false, reason: e.reason });
          else if (e.kind !== "tables") throw new Error("only table and unusable outcomes are checked in the child");
          else expect(found).toEqual({ ok: true, tables: e.tables.map((t) => ({ sheet: t.sheet, range: t.range, tasks: t.tasks })) });
        },
        300_000,
      );
    } else {
      layerTest(c, "exceljs", `ExcelJS reader and engine: ${outcomeTitle(c.exceljs ?? c.expected)}`, async () => {
        expectRead(await readWorkbook(bytesOf(c)), c.exceljs ?? c.expected);
      });
    }

    if (c.expected.kind !== "unusable") {
      test("the engine leaves every grid as it was, and gives each sheet a table or a no-table reason", async () => {
        const read = await readWorkbook(bytesOf(c), NATIVE_READ);
        if (!read.ok) throw new Error(read.message);
        const before = structuredClone(read.sheets);
        checkWorkbook(read.sheets);
        for (const grid of read.sheets) {
          const check = checkAnySheet(grid);
          expect(check.table !== null || check.issues.some((i) => i.code === "no-table")).toBe(true);
        }
        expect(read.sheets).toEqual(before);
      });
    }
  });
}
