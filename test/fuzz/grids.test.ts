/**
 * Random grids and random cell text through the engine, and damaged workbooks through the readers: whatever comes
 * in, a check ends with a table or a no-table reason, every issue reads as a sentence and points into the sheet, the
 * grid is left as it was, summaries are plain values, and a consolidation writes every task row it reads.
 *
 * FUZZ_RUNS sets the number of grids (default 10,000, a few seconds; `npm run fuzz` runs 200,000).
 */
import fc from "fast-check";
import * as zlib from "zlib";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { Cell, Grid, MergeArea, parseAddress } from "../../src/core/sheet/grid";
import { issueText } from "../../src/core/issues/text";
import { ISSUE_CODES } from "../../src/core/issues/catalogue";
import { isValidSheetName } from "../../src/core/output/sheet-names";
import { summarySheets } from "../../src/core/output/summaries";
import { checkAnySheet, checkWorkbook } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { xlsxFromRows } from "../support/xlsx";
import { isTaskTableCheck } from "../../src/core/kinds";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: Math.max(1, Math.round(numRuns)), seed: SEED });
/** Room for a long run on a busy machine: about 10 ms a grid, never under ten minutes. */
const TIMEOUT = Math.max(600_000, RUNS * 10);

const directory = defaultDirectory();

// ---------------------------------------------------------------------------------------------------------
// Cells

const HEADERS = [
  "STT",
  "TT",
  "Số TT",
  "Nội dung nhiệm vụ",
  "Nội dung",
  "Nhiệm vụ, giải pháp",
  "Cơ quan chủ trì",
  "Đơn vị thực hiện",
  "Cơ quan phối hợp",
  "Phối hợp",
  "Thời gian thực hiện",
  "Tiến độ",
  "Sản phẩm",
  "Ghi chú",
  "Tên đoàn",
  "Trưởng đoàn",
  "Số thành viên",
  "Nước đến",
  "Mục đích",
];
const STT = [
  "I",
  "II",
  "IV",
  "IV",
  "A",
  "B",
  "1",
  "2",
  "3",
  "5",
  "1.1",
  "1.2",
  "1.10",
  "III.1.1",
  "a",
  "b",
  "-",
  "+",
  "(1)",
  "1.",
  "…………",
  "",
];
const AGENCIES = [
  "Sở Ngoại vụ",
  "Sở Tài chính; Sở Công Thương",
  "Sở Văn hóa, Thể thao và Du lịch",
  "Sở Kế hoạch và Đầu tư, Sở Công Thương và các sở, ban, ngành liên quan",
  "- Sở Nội vụ\n- Công an tỉnh",
  "UBND các huyện, thị xã, thành phố",
  "Sở Thể thoa",
  "Ban Quản lý Khu kinh tế tỉnh và Sở Ngoại vụ",
  "Së Ngo¹i vô",
];
const TIMEFRAMES = [
  "Quý IV/2025",
  "Năm 2025",
  "2026 - 2030",
  "Thường xuyên",
  "Hằng năm",
  "Tháng 13/2025",
  "Trước ngày 31/02/2025",
  "Quý II/2024",
  "2030 - 2026",
  "Theo kế hoạch riêng",
  "6 tháng đầu năm 2023",
];
const WORDS = [
  ...HEADERS,
  ...STT,
  ...AGENCIES,
  ...TIMEFRAMES,
  "Tổ chức hội nghị xúc tiến đầu tư",
  "HỢP TÁC QUỐC TẾ",
  "Nơi nhận:",
  "KT. CHỦ TỊCH",
  "=SUM(A1:A9)",
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-2+3",
  "#N/A",
  "Đoàn ra: 13 đoàn = 09 trong Kế hoạch + 04 đề nghị bổ sung",
];
/** Control characters, stray surrogates, combining marks, invisible spaces, line breaks. */
const ODD = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\t",
  "\r\n",
  "\n\n\n",
  "\u00a0",
  "\u200b",
  "\ufeff",
  "\ud800",
  "\udfff",
  "\ud83d\ude00",
  "\u0301",
  "e\u0301",
  "\uffff",
  "  ",
  "'",
  '"',
  "<",
  "&amp;",
];

const longText = fc
  .tuple(fc.constantFrom(...WORDS, ...ODD), fc.integer({ min: 300, max: 32_767 }))
  .map(([w, n]) => (w === "" ? "x" : w).repeat(Math.ceil(n / Math.max(1, w.length))).slice(0, n));

const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 40, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 20, arbitrary: fc.array(fc.constantFrom(...WORDS, ...ODD), { maxLength: 5 }).map((a) => a.join(" ")) },
  { weight: 10, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 10, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: longText },
);

const dateCell = fc
  .record({ d: fc.integer({ min: 1, max: 31 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 1900, max: 2100 }) })
  .map(({ d, m, y }): Cell => ({ value: `${d}/${m}/${y}`, isDate: true, numberFormat: "d/m" }));

const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 30, arbitrary: text.map((value): Cell => ({ value })) },
  { weight: 8, arbitrary: fc.constant<Cell>({ value: null }) },
  { weight: 4, arbitrary: fc.oneof(fc.integer({ min: -5, max: 3000 }), fc.double()).map((value): Cell => ({ value })) },
  { weight: 1, arbitrary: fc.boolean().map((value): Cell => ({ value })) },
  { weight: 2, arbitrary: fc.constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?").map((error): Cell => ({ value: null, error })) },
  {
    weight: 2,
    arbitrary: fc.tuple(text, fc.option(text, { nil: null })).map(([f, value]): Cell => ({ value, formula: f.replace(/^=/, "") })),
  },
  { weight: 2, arbitrary: dateCell },
);

/** A row shaped like a task or a section, with a chance of anything in any cell. */
const taskRow: fc.Arbitrary<Cell[]> = fc
  .tuple(
    fc.constantFrom(...STT),
    fc.oneof(text, fc.constant("")),
    fc.constantFrom(...AGENCIES, ""),
    fc.constantFrom(...AGENCIES, ""),
    fc.constantFrom(...TIMEFRAMES, ""),
  )
  .chain((fields) => fc.tuple(fc.constant(fields), fc.array(fc.tuple(fc.nat(6), cell), { maxLength: 2 })))
  .map(([fields, odd]) => {
    const row: Cell[] = fields.map((v) => ({ value: v === "" ? null : v }));
    for (const [at, c] of odd) row[at] = c;
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = { value: null };
    return row;
  });

const anyRow = fc.array(cell, { maxLength: 9 });
const row = fc.oneof({ weight: 3, arbitrary: taskRow }, { weight: 2, arbitrary: anyRow });

/** The usual header, in the order task rows follow, or any few header words in any order. */
const headerRow: fc.Arbitrary<Cell[]> = fc
  .oneof(
    { weight: 2, arbitrary: fc.constant(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]) },
    { weight: 1, arbitrary: fc.shuffledSubarray(HEADERS, { minLength: 2, maxLength: 7 }) },
  )
  .map((names) => names.map((value): Cell => ({ value })));

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Merged areas: small ones, ones running to the sheet's end, ones overlapping, ones outside the grid. */
const merge = (originRow: number, originCol: number): fc.Arbitrary<MergeArea> =>
  fc
    .record({
      top: fc.integer({ min: Math.max(1, originRow - 2), max: originRow + 30 }),
      left: fc.integer({ min: Math.max(1, originCol - 1), max: originCol + 9 }),
      height: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.constant(MAX_ROW) }),
      width: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.constant(MAX_COL) }),
    })
    .map(({ top, left, height, width }) => ({
      top,
      left,
      bottom: Math.min(MAX_ROW, top + height),
      right: Math.min(MAX_COL, left + width),
    }));

const grid: fc.Arbitrary<Grid> = fc
  .record({
    originRow: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 400 })),
    originCol: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 30 })),
    sheetName: fc.oneof(fc.constantFrom("Phụ lục", "Sheet1", "Phụ lục 'A'"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 31 })),
  })
  .chain(({ originRow, originCol, sheetName }) =>
    fc.record({
      sheetName: fc.constant(sheetName),
      originRow: fc.constant(originRow),
      originCol: fc.constant(originCol),
      rows: fc.array(row, { maxLength: 24 }),
      header: fc.option(fc.tuple(fc.nat(8), headerRow), { nil: null, freq: 4 }),
      merges: fc.array(merge(originRow, originCol), { maxLength: 5 }),
      hidden: fc.array(fc.integer({ min: originRow, max: originRow + 25 }), { maxLength: 3 }),
    }),
  )
  .map(({ sheetName, originRow, originCol, rows, header, merges, hidden }) => {
    const cells = rows.map((r) => [...r]);
    if (header) cells.splice(Math.min(header[0], cells.length), 0, header[1]);
    const g: Grid = { sheetName, originRow, originCol, cells, merges };
    if (hidden.length) g.hiddenRows = hidden;
    return g;
  });

// ---------------------------------------------------------------------------------------------------------
// What every check must be

const SEVERITIES = new Set(["error", "warning", "info"]);
const CODES = new Set<string>(ISSUE_CODES);
const UNFILLED = /\{\w+\}|undefined|NaN|\[object /;

/**
 * What is wrong with a check of the grid, as sentences (none when it is sound). Plain comparisons rather than
 * expect(): a run makes hundreds of thousands of them.
 */
function unsound(g: Grid, check: ReturnType<typeof checkAnySheet>): string[] {
  const out: string[] = [];
  const lastRow = g.originRow + g.cells.length - 1;
  if (check.sheetName !== g.sheetName) out.push(`sheet ${check.sheetName} for ${g.sheetName}`);
  if (!check.table && !check.issues.some((i) => i.code === "no-table" && i.severity === "error"))
    out.push("no table and no no-table error");
  for (const issue of check.issues) {
    const where = `${issue.code} at ${issue.cell}`;
    if (!CODES.has(issue.code)) out.push(`unknown code ${issue.code}`);
    if (!SEVERITIES.has(issue.severity)) out.push(`${where}: severity ${issue.severity}`);
    for (const lang of ["vi", "en"] as const) {
      const message = issueText(issue, lang);
      if (typeof message !== "string" || UNFILLED.test(message.replace(issue.value, "")))
        out.push(`${where}: message ${JSON.stringify(message)}`);
    }
    if (issue.row !== null && (issue.row < g.originRow || issue.row > lastRow))
      out.push(`${where}: row ${issue.row} outside ${g.originRow}–${lastRow}`);
    if (issue.cell !== null && parseAddress(issue.cell)?.row !== issue.row) out.push(`${where}: cell and row ${issue.row} disagree`);
  }
  if (isTaskTableCheck(check)) {
    if (check.counts.tasks !== check.tasks.length) out.push(`counts.tasks ${check.counts.tasks} for ${check.tasks.length} tasks`);
    for (const t of check.tasks) if (t.row.row < g.originRow || t.row.row > lastRow) out.push(`task row ${t.row.row} outside the grid`);
    if (check.tasks.length > g.cells.length) out.push(`${check.tasks.length} tasks from ${g.cells.length} rows`);
  }
  return out;
}

function expectSound(g: Grid, check: ReturnType<typeof checkAnySheet>): void {
  const problems = unsound(g, check);
  if (problems.length) throw new Error(problems.join("\n"));
}

test(
  `${RUNS} random grids: a table or a no-table reason, sound issues, the grid untouched, plain summary values`,
  () => {
    fc.assert(
      fc.property(grid, fc.constantFrom("vi" as const, "en" as const), (g, lang) => {
        // JSON, not structuredClone: under jest a clone comes from another realm and never equals deeply.
        const before = JSON.stringify(g);
        const check = checkAnySheet(g, { directory });
        if (JSON.stringify(g) !== before) throw new Error("the check changed the grid");
        expectSound(g, check);
        if (!check.table) return;
        for (const model of summarySheets([{ check }], lang)) {
          if (!isValidSheetName(model.name)) throw new Error(`sheet name ${model.name}`);
          for (const r of model.rows)
            for (const c of r) {
              if (!c || c.value === null || typeof c.value === "string" || (typeof c.value === "number" && Number.isFinite(c.value)))
                continue;
              throw new Error(`${model.name}: the value ${String(c.value)} is not plain text or a finite number`);
            }
        }
      }),
      params(RUNS),
    );
  },
  TIMEOUT,
);

test(
  `${Math.round(RUNS / 5)} random workbooks of one to four sheets: checked as a whole, and consolidated without losing a row`,
  () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 4 }), (sheets) => {
        const named = sheets.map((g, i) => ({ ...g, sheetName: `${i + 1} ${g.sheetName}`.slice(0, 31) }));
        const result = checkWorkbook(named, { directory });
        const checks = result.ok ? result.checks : result.reason === "no-table" ? result.checks : [];
        for (const c of checks)
          expectSound(
            named.find((g) => g.sheetName === c.sheetName)!,
            c,
          );
        if (result.ok && result.checks.some((c) => c.table === null)) throw new Error("a table-less sheet among the tables");
        const merged = consolidate(
          checks.map((check) => ({ file: "phu-luc.xlsx", check })),
          { directory, lang: "vi" },
        );
        const tasks = checks.filter((c) => isTaskTableCheck(c) && c.table !== null).reduce((n, c) => n + (isTaskTableCheck(c) ? c.tasks.length : 0), 0);
        expect([merged.rowsIn, merged.rowsOut]).toEqual([tasks, tasks]);
      }),
      params(RUNS / 5),
    );
  },
  TIMEOUT,
);

// ---------------------------------------------------------------------------------------------------------
// Damaged files

const inflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data);
// Every reason the reader names: a damaged byte can make a zip declare a bomb's size or look like another format.
const FAILURES = new Set([
  "empty-file",
  "encrypted",
  "legacy-xls",
  "not-xlsx",
  "corrupt",
  "too-large",
  "xlsb",
  "ods",
  "word",
  "not-a-file",
]);

let sample: Uint8Array;
beforeAll(async () => {
  sample = await xlsxFromRows([
    {
      name: "Phụ lục",
      rows: [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
        ["I", "Hợp tác"],
        [1, "Hội nghị", "Sở Ngoại vụ", "Sở Tài chính", "Quý IV/2025"],
      ],
      merges: ["B2:E2"],
    },
  ]);
});

/** A workbook cut short, with bytes flipped, or with bytes put in: a download or a disk gone wrong. */
const damage = fc.oneof(
  fc.nat().map((n) => (b: Uint8Array) => b.slice(0, n % (b.length + 1))),
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => (b: Uint8Array) => {
    const out = b.slice();
    for (const [at, x] of flips) out[at % out.length] ^= x;
    return out;
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, junk]) => (b: Uint8Array) => {
    const i = at % b.length;
    return new Uint8Array([...b.subarray(0, i), ...junk, ...b.subarray(i)]);
  }),
  fc.uint8Array({ maxLength: 256 }).map((junk) => () => junk),
);

test(
  `${Math.max(100, Math.round(RUNS / 50))} damaged workbooks: both readers answer with grids or a one-line reason, never a throw`,
  async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        const bytes = hurt(sample);
        for (const options of [{ inflateRaw }, {}]) {
          const read = await readWorkbook(bytes, options);
          if (read.ok) {
            for (const g of read.sheets) expectSound(g, checkAnySheet(g, { directory }));
            continue;
          }
          expect(FAILURES.has(read.reason)).toBe(true);
          expect(read.message).not.toMatch(/\n/);
        }
      }),
      params(Math.max(100, RUNS / 50)),
    );
  },
  TIMEOUT,
);
