/**
 * Consolidation (SPEC 7): no row lost or invented, provenance that leads back to the source cell, duplicates and
 * conflicts flagged (never removed), submission tracking, and the sheets written from it.
 */
import * as fs from "fs";
import fc from "fast-check";
import { sheetView } from "../../src/core/sheet/view";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import {
  agencyFromFileName,
  agencyFromTitle,
  consolidate,
  Consolidation,
  ConsolidationInput,
  consolidationSummary,
  parseExpectedAgencies,
} from "../../src/core/consolidate/consolidate";
import { conflictText, consolidatedSheet, consolidationSheets, duplicateText, filesSheet } from "../../src/core/output/consolidated-sheet";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { Grid, gridFromRows } from "../../src/core/sheet/grid";
import { checkWorkbook } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { realFixtureNames, SEED_APPENDIX_XLSX, tsvRows } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";

const directory = defaultDirectory();
const HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];

/** A workbook's grids the way the command line gets them: written to .xlsx and read back. */
async function gridsOfRows(name: string, rows: string[][]): Promise<Grid[]> {
  const wb = await readWorkbook(await xlsxFromRows([{ name, rows }]));
  if (!wb.ok) throw new Error(wb.message);
  return wb.sheets;
}

async function seedGrids(): Promise<Grid[]> {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  return wb.sheets;
}

function inputsOf(file: string, grids: readonly Grid[]): ConsolidationInput[] {
  const result = checkWorkbook(grids, { directory });
  if (result.ok || result.reason === "no-table") return result.checks.map((check) => ({ file, check }));
  throw new Error(`unexpected ${result.reason}`);
}

const taskRowsOf = (inputs: readonly ConsolidationInput[]) =>
  inputs.reduce(
    (n, i) =>
      n + ("check" in i && i.check.kind === "tasks" && i.check.table ? i.check.table.rows.filter((r) => r.kind === "task").length : 0),
    0,
  );

const isAppendix = (name: string) => !name.startsWith("daksong_") && !name.startsWith("bgddt_");

describe("the real fixtures and the seed appendix, consolidated", () => {
  let sources: Map<string, Grid>;
  let inputs: ConsolidationInput[];
  let c: Consolidation;

  beforeAll(async () => {
    sources = new Map();
    inputs = [];
    for (const name of realFixtureNames().filter(isAppendix)) {
      const file = name.replace(/\.tsv$/, ".xlsx");
      const grids = await gridsOfRows("Phụ lục", tsvRows(name));
      sources.set(file, grids[0]);
      inputs.push(...inputsOf(file, grids));
    }
    const seed = await seedGrids();
    sources.set("seed-001-appendix.xlsx", seed[0]);
    inputs.push(...inputsOf("seed-001-appendix.xlsx", seed));
    c = consolidate(inputs, { directory, lang: "vi" });
  }, 120_000); // builds workbooks: a busy machine takes more than jest's 5 s

  test("rows in = rows out = every task row of every table, each exactly once", () => {
    const expected = taskRowsOf(inputs);
    expect(expected).toBeGreaterThan(200);
    expect(c.rowsIn).toBe(expected);
    expect(c.rowsOut).toBe(expected);
    expect(c.rows).toHaveLength(expected);
    const places = new Set(c.rows.map((r) => `${r.file}|${r.sheet}|${r.row}`));
    expect(places.size).toBe(expected);
    for (const input of inputs) {
      if (!("check" in input) || input.check.kind !== "tasks" || !input.check.table) continue;
      const taskRows = input.check.table.rows.filter((r) => r.kind === "task").map((r) => r.row);
      expect(c.rows.filter((r) => r.file === input.file).map((r) => r.row)).toEqual(taskRows);
    }
  });

  test("provenance points at the source row: its cells hold the row's content and lead", () => {
    expect(c.tables.length).toBe(inputs.length);
    for (let i = 0; i < c.rows.length; i += 5) {
      const r = c.rows[i];
      const check = inputs[r.table];
      if (!("check" in check) || check.check.kind !== "tasks") throw new Error("not a task table");
      const columns = check.check.table!.header.columns;
      const view = sheetView(sources.get(r.file)!);
      expect(view.text(r.row, columns.content!)).toBe(r.fields.content);
      if (columns.lead !== undefined) expect(view.text(r.row, columns.lead)).toBe(r.fields.lead);
      expect(r.cell).toMatch(new RegExp(`^[A-Z]+${r.row}$`));
    }
  });

  test("section headings travel with each task as its Mục, not as rows", () => {
    const seed = c.rows.filter((r) => r.file === "seed-001-appendix.xlsx");
    expect(seed).toHaveLength(25);
    expect(seed[0].section).toBe("I. HỢP TÁC VÀ HỘI NHẬP QUỐC TẾ");
    expect(new Set(seed.map((r) => r.section.split(".")[0]))).toEqual(new Set(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]));
    // "I. Kinh tế số" is typed whole in the content column: the numeral is not written twice.
    expect(c.rows.find((r) => r.file.startsWith("bacninh_"))!.section).toBe("I. Kinh tế số");
    const dongnai = c.rows.filter((r) => r.file.startsWith("dongnai_"));
    expect(dongnai.some((r) => r.section.startsWith("A › I. "))).toBe(true);
  });

  test("extra columns keep their header; same-named ones share a column", () => {
    const headers = c.extras.map((e) => e.header);
    expect(new Set(headers).size).toBe(headers.length);
    const chinhphu = inputs.find((i) => i.file.startsWith("chinhphu_"))!;
    if (!("check" in chinhphu) || chinhphu.check.kind !== "tasks") throw new Error("no table");
    const resultCol = chinhphu.check.table!.extras.find((e) => e.header === "Kết quả")!.col;
    const at = headers.indexOf("Kết quả");
    expect(at).toBeGreaterThanOrEqual(0);
    const view = sheetView(sources.get(chinhphu.file)!);
    for (const r of c.rows.filter((r) => r.file === chinhphu.file)) expect(r.extras[at]).toBe(view.text(r.row, resultCol));
    // Every row spans every extra column; tables without it leave it empty.
    expect(c.rows.every((r) => r.extras.length === c.extras.length)).toBe(true);
    expect(c.rows.filter((r) => r.file.startsWith("hanoi_")).every((r) => r.extras.every((e) => e === ""))).toBe(true);
  });

  test("the file report: one line per file with its tables, rows and issues", () => {
    expect(c.perFile).toHaveLength(inputs.length);
    for (const f of c.perFile) {
      expect(f.status).toBe("merged");
      expect(f.rowsRead).toBe(c.rows.filter((r) => r.file === f.file).length);
      const check = inputs.find((i) => i.file === f.file)!;
      if (!("check" in check)) throw new Error("unreadable");
      expect([f.errors, f.warnings, f.infos]).toEqual([check.check.counts.errors, check.check.counts.warnings, check.check.counts.infos]);
    }
    expect(c.perFile.reduce((n, f) => n + f.rowsRead, 0)).toBe(c.rowsIn);
  });

  test("the consolidated sheet: one line per row, header filtered and frozen, rows in = rows out in its subtitle", () => {
    const model = consolidatedSheet(c, "vi");
    expect(model.name).toBe("Dữ liệu hợp nhất");
    expect(model.autoFilter).toBe(true);
    expect(model.rows.length - model.headerRow).toBe(c.rowsOut);
    const header = model.rows[model.headerRow - 1].map((cell) => cell.value);
    expect(header.slice(0, 10)).toEqual([
      "TT",
      "Tệp nguồn",
      "Trang tính",
      "Dòng gốc",
      "Cơ quan gửi",
      "STT gốc",
      "Nội dung nhiệm vụ",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
      "Thời gian thực hiện",
    ]);
    expect(header.slice(-3)).toEqual(["Mục", "Trùng lặp", "Mâu thuẫn"]);
    expect(String(model.rows[1][0].value)).toContain(`Dòng vào ${c.rowsIn} = dòng ra ${c.rowsOut}`);
    const first = model.rows[model.headerRow];
    expect(first[1]).toMatchObject({ value: c.rows[0].file, link: { sheet: c.rows[0].sheet, cell: c.rows[0].cell } });
    expect(first[3].value).toBe(c.rows[0].row);
  });

  test("the workbook: consolidated data first, the summaries over every table, the file report last", () => {
    const names = consolidationSheets(c, "vi").map((m) => m.name);
    expect(names[0]).toBe("Dữ liệu hợp nhất");
    expect(names[names.length - 1]).toBe("Báo cáo tệp");
    expect(names).toEqual(expect.arrayContaining(["Tổng hợp cơ quan", "Danh sách lỗi", "Tổng hợp thời gian", "Tổng hợp theo mục"]));
    const agencies = consolidationSheets(c, "en").find((m) => m.kind === "agencies")!;
    expect(String(agencies.rows[1][0].value)).toContain(`Tasks in all: ${c.rowsIn}`);
  });
});

test("the schedule and the delegation forms are reported, not fatal; the appendix tables still merge", async () => {
  const inputs: ConsolidationInput[] = [];
  const names = realFixtureNames();
  for (const name of names) inputs.push(...inputsOf(name.replace(/\.tsv$/, ".xlsx"), await gridsOfRows("PL", tsvRows(name))));
  const c = consolidate(inputs, { directory, lang: "vi" });
  const byFile = new Map(c.perFile.map((f) => [f.file, f]));
  expect(c.perFile).toHaveLength(names.length);
  const schedule = byFile.get("daksong_lich-cong-tac_11-17-11-2019.xlsx")!;
  expect(schedule).toMatchObject({ status: "no-table", tables: 0, rowsRead: 0 });
  expect(schedule.reason).toMatch(/Không tìm thấy dòng tiêu đề/);
  for (const name of names.filter((n) => n.startsWith("bgddt_"))) {
    const f = byFile.get(name.replace(/\.tsv$/, ".xlsx"))!;
    expect(["no-table", "delegations"]).toContain(f.status);
    expect(f.rowsRead).toBe(0);
  }
  expect(c.rowsIn).toBe(taskRowsOf(inputs));
  expect(c.rowsOut).toBe(c.rowsIn);
  expect(c.perFile.filter((f) => f.status === "merged")).toHaveLength(names.filter(isAppendix).length);
  const files = filesSheet(c, "vi");
  const statusCol = files.rows[files.headerRow - 1].findIndex((cell) => cell.value === "Trạng thái");
  const scheduleLine = files.rows.find((r) => r[1]?.value === schedule.file)!;
  expect(scheduleLine[statusCol].value).toBe("Không có bảng nhiệm vụ");
});

test("the same file given twice: every task row is flagged duplicate and none is removed", async () => {
  const seed = await seedGrids();
  const inputs = [...inputsOf("so-ngoai-vu.xlsx", seed), ...inputsOf("so-ngoai-vu (copy).xlsx", seed)];
  const c = consolidate(inputs, { directory, lang: "vi" });
  expect(c.rowsIn).toBe(50);
  expect(c.rowsOut).toBe(50);
  expect(c.rows.every((r) => r.duplicateGroup !== null)).toBe(true);
  expect(c.rows.every((r) => r.conflictGroup === null)).toBe(true);
  expect(c.duplicates).toHaveLength(25);
  expect(consolidationSummary(c)).toMatchObject({ rowsIn: 50, rowsOut: 50, duplicates: 25, conflicts: 0 });
  // Each flag names the copy in the other file, at the same row.
  const first = c.rows[0];
  expect(duplicateText(c, 0, "vi")).toBe(`Trùng với: so-ngoai-vu (copy).xlsx › ${first.sheet} dòng ${first.row}`);
  expect(duplicateText(c, 25, "en")).toBe(`Same as: so-ngoai-vu.xlsx › ${first.sheet} row ${first.row}`);
});

describe("duplicates and conflicts across files", () => {
  const table = (rows: string[][]) => checkSheet(gridFromRows([HEADER, ...rows], "PL"), { directory });

  test("same content and lead, written differently (case, diacritics, punctuation, quarter spelling): a duplicate", () => {
    const a = table([["1", "Tổ chức Hội nghị xúc tiến đầu tư.", "Sở Ngoại vụ", "Sở Tài chính", "Quý IV/2022"]]);
    const b = table([["1", "tổ chức hội nghị xúc tiến đầu tư", "SỞ NGOẠI VỤ", "Sở Công Thương", "Quí IV-2022"]]);
    const c = consolidate(
      [
        { file: "a.xlsx", check: a },
        { file: "b.xlsx", check: b },
      ],
      { directory, lang: "vi" },
    );
    expect(c.rows.map((r) => r.duplicateGroup)).toEqual([0, 0]);
    expect(c.rows.map((r) => r.conflictGroup)).toEqual([null, null]);
  });

  test("same content, different lead: a conflict on both rows, naming the other lead", () => {
    const a = table([
      ["1", "Xây dựng kế hoạch hợp tác quốc tế", "Sở Ngoại vụ", "Sở Tài chính", "Năm 2026"],
      ["2", "Tổ chức đoàn công tác", "Sở Ngoại vụ", "", "Năm 2026"],
    ]);
    const b = table([["1", "Xây dựng kế hoạch hợp tác quốc tế", "Sở Tư pháp", "Sở Tài chính", "Năm 2026"]]);
    const c = consolidate(
      [
        { file: "a.xlsx", check: a },
        { file: "b.xlsx", check: b },
      ],
      { directory, lang: "vi" },
    );
    expect(c.rowsOut).toBe(3);
    expect(c.rows.map((r) => r.conflictGroup)).toEqual([0, null, 0]);
    expect(c.rows.map((r) => r.duplicateGroup)).toEqual([null, null, null]);
    expect(c.conflicts[0].differs).toEqual(["lead"]);
    expect(conflictText(c, 0, "vi")).toBe("Khác cơ quan chủ trì: b.xlsx › PL dòng 2 (Sở Tư pháp)");
    expect(conflictText(c, 2, "en")).toBe("Different lead: a.xlsx › PL row 2 (Sở Ngoại vụ)");
    expect(consolidationSummary(c)).toMatchObject({ duplicates: 0, conflicts: 1 });
  });

  test("same content and lead, different timeframe: a conflict on the timeframe", () => {
    const a = table([["1", "Tổng kết công tác đối ngoại", "Sở Ngoại vụ", "", "Quý IV/2025"]]);
    const b = table([["1", "Tổng kết công tác đối ngoại", "Sở Ngoại vụ", "", "Tháng 12/2025"]]);
    const c = consolidate(
      [
        { file: "a.xlsx", check: a },
        { file: "b.xlsx", check: b },
      ],
      { directory, lang: "en" },
    );
    expect(c.conflicts).toHaveLength(1);
    expect(c.conflicts[0].differs).toEqual(["timeframe"]);
    expect(conflictText(c, 0, "en")).toBe("Different timeframe: b.xlsx › PL row 2 (Tháng 12/2025)");
  });

  test("repeats inside one table are the checker's duplicate-task issue, not a consolidation flag", () => {
    const a = table([
      ["1", "Rà soát văn bản", "Sở Tư pháp", "", "Năm 2026"],
      ["2", "Rà soát văn bản", "Sở Nội vụ", "", "Năm 2026"],
    ]);
    const c = consolidate([{ file: "a.xlsx", check: a }], { directory, lang: "vi" });
    expect(c.duplicates).toEqual([]);
    expect(c.conflicts).toEqual([]);
    expect(a.issues.some((i) => i.code === "duplicate-task")).toBe(true);
  });

  test("a flag names at most three other rows, then how many more", () => {
    const inputs: ConsolidationInput[] = [];
    for (let i = 0; i < 6; i++) inputs.push({ file: `f${i}.xlsx`, check: table([["1", "Báo cáo định kỳ", "Sở Nội vụ", "", "Hằng năm"]]) });
    const c = consolidate(inputs, { directory, lang: "vi" });
    expect(duplicateText(c, 0, "vi")).toBe("Trùng với: f1.xlsx › PL dòng 2; f2.xlsx › PL dòng 2; f3.xlsx › PL dòng 2; và 2 dòng khác");
  });
});

test("columns are mapped by meaning: reordered columns, extra columns and a missing one", () => {
  const a = checkSheet(
    gridFromRows(
      [
        ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Ghi chú"],
        ["1", "Việc A", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026", "ghi chú A"],
      ],
      "A",
    ),
    { directory },
  );
  const b = checkSheet(
    gridFromRows(
      [
        ["Số TT", "Thời gian thực hiện", "Cơ quan chủ trì", "Nội dung nhiệm vụ", "Sản phẩm", "GHI CHÚ", "Cơ quan phối hợp"],
        ["1", "Quý I/2026", "Sở Nội vụ", "Việc B", "Báo cáo", "ghi chú B", "Công an tỉnh"],
      ],
      "B",
    ),
    { directory },
  );
  const d = checkSheet(
    gridFromRows(
      [
        ["TT", "Nhiệm vụ", "Đơn vị thực hiện"],
        ["1", "Việc C", "Sở Y tế"],
      ],
      "C",
    ),
    { directory },
  );
  const c = consolidate(
    [
      { file: "a.xlsx", check: a },
      { file: "b.xlsx", check: b },
      { file: "c.xlsx", check: d },
    ],
    { directory, lang: "vi" },
  );
  expect(c.extras.map((e) => e.header)).toEqual(["Ghi chú", "Sản phẩm"]);
  expect(c.rows.map((r) => [r.fields.content, r.fields.lead, r.fields.coordinating, r.fields.timeframe, ...r.extras])).toEqual([
    ["Việc A", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026", "ghi chú A", ""],
    ["Việc B", "Sở Nội vụ", "Công an tỉnh", "Quý I/2026", "ghi chú B", "Báo cáo"],
    ["Việc C", "Sở Y tế", "", "", "", ""],
  ]);
});

test("two columns with the same header in one table stay apart", () => {
  const a = checkSheet(
    gridFromRows(
      [
        [...HEADER, "Ghi chú", "Ghi chú"],
        ["1", "Việc A", "Sở Ngoại vụ", "Sở Tư pháp", "Năm 2026", "một", "hai"],
      ],
      "A",
    ),
    { directory },
  );
  const c = consolidate([{ file: "a.xlsx", check: a }], { directory, lang: "vi" });
  expect(c.extras.map((e) => e.header)).toEqual(["Ghi chú", "Ghi chú (2)"]);
  expect(c.rows[0].extras).toEqual(["một", "hai"]);
});

describe("who sent a table", () => {
  test("from the file name: words, dashes, underscores, camel case, folders", () => {
    expect(agencyFromFileName("so-ngoai-vu.xlsx", directory)).toBe("Sở Ngoại vụ");
    expect(agencyFromFileName("replies/Công an tỉnh/phu luc.xlsx", directory)).toBe("Công an tỉnh");
    expect(agencyFromFileName("SoTuPhap_PhuLuc.xlsx", directory)).toBe("Sở Tư pháp");
    expect(agencyFromFileName("BC so KH&DT 2025.xlsx", directory)).toBe("Sở Kế hoạch và Đầu tư");
    expect(agencyFromFileName("phu-luc-ke-hoach-2025.xlsx", directory)).toBeNull();
    expect(agencyFromFileName("bacninh_kh144-2025_chi-tieu-kts.xlsx", directory)).toBeNull();
  });

  test("from the title block: the issuing body on a line of its own, under its parent", () => {
    expect(
      agencyFromTitle("UBND TỈNH BÌNH ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NGOẠI VỤ\nĐộc lập - Tự do - Hạnh phúc", directory),
    ).toBe("Sở Ngoại vụ");
    expect(agencyFromTitle("Phụ lục\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 1/9/2022 của UBND tỉnh)", directory)).toBeNull();
  });

  test("the file name wins over the title; a table that says neither has no source agency", () => {
    const withTitle = checkSheet(gridFromRows([["SỞ TƯ PHÁP"], ["Phụ lục"], HEADER, ["1", "Việc A", "Sở Tư pháp", "", "Năm 2026"]], "PL"), {
      directory,
    });
    const c = consolidate(
      [
        { file: "so-noi-vu.xlsx", check: withTitle },
        { file: "phu-luc.xlsx", check: withTitle },
        { file: "khac.xlsx", check: checkSheet(gridFromRows([HEADER, ["1", "Việc B", "Sở Y tế", "", "Năm 2026"]], "PL"), { directory }) },
      ],
      { directory, lang: "vi" },
    );
    expect(c.tables.map((t) => [t.sourceAgency, t.sourceAgencyFrom])).toEqual([
      ["Sở Nội vụ", "file"],
      ["Sở Tư pháp", "title"],
      [null, null],
    ]);
    expect(c.rows.map((r) => r.sourceAgency)).toEqual(["Sở Nội vụ", "Sở Tư pháp", null]);
  });
});

describe("submission tracking", () => {
  test("the expected list: one agency per line, list marks, comments and blank lines ignored, repeats once", () => {
    expect(parseExpectedAgencies("\uFEFF# Danh sách\nSở Ngoại vụ\r\n\n- Công an tỉnh\n2. Sở Tư pháp\nsở ngoại vụ\n")).toEqual([
      "Sở Ngoại vụ",
      "Công an tỉnh",
      "Sở Tư pháp",
    ]);
  });

  test("agencies that sent nothing are listed; abbreviations and names outside the directory match", () => {
    const seed = checkSheet(gridFromRows([HEADER, ["1", "Việc A", "Sở Ngoại vụ", "", "Năm 2026"]], "PL"), { directory });
    const c = consolidate(
      [
        { file: "so-ke-hoach-va-dau-tu.xlsx", check: seed },
        { file: "UBND huyen An Lao.xlsx", check: seed },
        { file: "cong-an-tinh.xlsx", failure: "the workbook is damaged or truncated and cannot be opened" },
        { file: "so-y-te.xlsx", check: seed },
      ],
      { directory, lang: "vi", expected: ["Sở KH&ĐT", "UBND huyện An Lão", "Công an tỉnh", "Sở Tư pháp", "Ban Dân tộc tỉnh"] },
    );
    // Công an tỉnh sent a file nobody can read: it has not submitted (issue 13), though its file is listed.
    expect(c.missingAgencies).toEqual(["Công an tỉnh", "Sở Tư pháp", "Ban Dân tộc tỉnh"]);
    expect(c.expected).toEqual([
      { name: "Sở Kế hoạch và Đầu tư", files: ["so-ke-hoach-va-dau-tu.xlsx"] },
      { name: "UBND huyện An Lão", files: ["UBND huyen An Lao.xlsx"] },
      { name: "Công an tỉnh", files: ["cong-an-tinh.xlsx"] },
      { name: "Sở Tư pháp", files: [] },
      { name: "Ban Dân tộc tỉnh", files: [] },
    ]);
    // The unreadable reply is in the report with its reason; its rows cannot be counted, and nothing else is lost.
    expect(c.perFile.find((f) => f.file === "cong-an-tinh.xlsx")).toMatchObject({
      status: "unreadable",
      reason: "the workbook is damaged or truncated and cannot be opened",
      rowsRead: 0,
    });
    expect(c.rowsOut).toBe(3);
    const files = filesSheet(c, "vi");
    const missing = files.rows.filter((r) => r[2]?.value === "Chưa gửi").map((r) => r[3].value);
    expect(missing).toEqual(["Công an tỉnh", "Sở Tư pháp", "Ban Dân tộc tỉnh"]);
    const yTe = files.rows.find((r) => r[1]?.value === "so-y-te.xlsx")!;
    expect(yTe[yTe.length - 1].value).toBe("Không có trong danh sách cơ quan phải gửi");
  });

  test("without a list nobody is missing", () => {
    const c = consolidate([], { directory, lang: "vi" });
    expect(c.missingAgencies).toEqual([]);
    expect(c.expected).toBeNull();
    expect(consolidationSummary(c)).toEqual({ rowsIn: 0, rowsOut: 0, duplicates: 0, conflicts: 0, missingAgencies: [] });
  });
});

describe("property: random tables split across random files lose no row and invent none", () => {
  const AGENCIES = ["Sở Ngoại vụ", "Sở Tư pháp", "Công an tỉnh", "Sở Tài chính", "Sở Y tế", "UBND các huyện, thị xã, thành phố"];
  const TIMEFRAMES = ["Năm 2026", "Quý I/2026", "Thường xuyên", "Tháng 6/2026", "2026 - 2030", "Hằng năm"];
  const VERBS = ["Triển khai", "Tổ chức", "Xây dựng", "Rà soát", "Tăng cường", "Đẩy mạnh"];
  const OBJECTS = ["hợp tác quốc tế", "chuyển đổi số", "xúc tiến đầu tư", "công tác tuyên truyền", "đào tạo cán bộ"];
  const EXTRAS = ["Ghi chú", "Sản phẩm dự kiến", "Nguồn kinh phí", "Kết quả"];

  const task = fc.record({
    content: fc
      .tuple(fc.constantFrom(...VERBS), fc.constantFrom(...OBJECTS), fc.integer({ min: 1, max: 30 }))
      .map(([v, o, n]) => `${v} ${o} đợt ${n}`),
    lead: fc.constantFrom(...AGENCIES),
    coordinating: fc.constantFrom("", ...AGENCIES),
    timeframe: fc.constantFrom(...TIMEFRAMES),
    extra: fc.constantFrom("", "Báo cáo", "Ngân sách tỉnh"),
  });
  const file = fc.record({
    tasks: fc.array(task, { minLength: 1, maxLength: 12 }),
    repeat: fc.array(fc.nat(11), { maxLength: 3 }),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
    extras: fc.shuffledSubarray(EXTRAS, { minLength: 0, maxLength: 2 }),
    titleRows: fc.nat(3),
  });

  test("multisets of (content, lead, timeframe, file, row) in and out are equal", () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 5 }), (files) => {
        const expected: string[] = [];
        const inputs: ConsolidationInput[] = files.map((f, fi) => {
          const tasks = [...f.tasks];
          for (const r of f.repeat) if (r < f.tasks.length) tasks.push(f.tasks[r]); // repeated rows
          const fields = ["stt", "content", "lead", "coordinating", "timeframe"] as const;
          const columns = f.order.map((i) => fields[i]);
          const header = [...columns.map((k) => HEADER[fields.indexOf(k)]), ...f.extras];
          const rows: string[][] = [];
          for (let t = 0; t < f.titleRows; t++) rows.push([t === 0 ? "PHỤ LỤC" : `Kèm theo Kế hoạch số ${t}/KH-UBND`]);
          rows.push(header);
          const name = `reply-${fi}.xlsx`;
          tasks.forEach((t, i) => {
            const values = { stt: String(i + 1), ...t };
            rows.push([...columns.map((k) => values[k]), ...f.extras.map(() => t.extra)]);
            expected.push(JSON.stringify([t.content, t.lead, t.timeframe, name, rows.length]));
          });
          return { file: name, check: checkSheet(gridFromRows(rows, "PL"), { directory }) };
        });
        const c = consolidate(inputs, { directory, lang: "vi" });
        const actual = c.rows.map((r) => JSON.stringify([r.fields.content, r.fields.lead, r.fields.timeframe, r.file, r.row]));
        expect(actual.sort()).toEqual(expected.sort());
        expect(c.rowsIn).toBe(expected.length);
        expect(c.rowsOut).toBe(expected.length);
        // Extra columns with the same header are one column, whatever their position.
        expect(new Set(c.extras.map((e) => e.header)).size).toBe(c.extras.length);
      }),
      { numRuns: 150 },
    );
  });
});

test("a conflict flag names at most three other rows, then how many more, and says what differs", () => {
  const one = (lead: string, timeframe: string) =>
    checkSheet(gridFromRows([HEADER, ["1", "Báo cáo định kỳ", lead, "", timeframe]], "PL"), { directory });
  const inputs: ConsolidationInput[] = [
    { file: "a.xlsx", check: one("Sở Nội vụ", "Năm 2026") },
    { file: "b.xlsx", check: one("Sở Tư pháp", "Năm 2026") },
    { file: "c.xlsx", check: one("Sở Nội vụ", "Năm 2027") },
    { file: "d.xlsx", check: one("Sở Y tế", "Năm 2027") },
    { file: "e.xlsx", check: one("Sở Y tế", "Năm 2027") },
    { file: "f.xlsx", check: one("Sở Nội vụ", "Năm 2026") },
  ];
  const c = consolidate(inputs, { directory, lang: "vi" });
  expect(c.conflicts).toHaveLength(1);
  expect(c.conflicts[0].differs).toEqual(["lead", "timeframe"]);
  expect(c.rows.every((r) => r.conflictGroup === 0)).toBe(true);
  expect(c.rows.map((r) => r.duplicateGroup)).toEqual([0, null, null, 1, 1, 0]);
  expect(conflictText(c, 0, "vi")).toBe(
    "Khác cơ quan chủ trì: b.xlsx › PL dòng 2 (Sở Tư pháp); Khác thời gian: c.xlsx › PL dòng 2 (Năm 2027); " +
      "Khác chủ trì và thời gian: d.xlsx › PL dòng 2 (Sở Y tế — Năm 2027); và 1 dòng khác",
  );
});
