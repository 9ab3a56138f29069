/**
 * The engine's answers to shapes the corpus files reach only through a reader: merged areas as large as the
 * sheet, rows written over two sheet rows, a timeframe merged down through section headings, a sheet whose only
 * far cell is near the sheet's end beside a plan's delegation tables.
 */
import * as fs from "fs";
import { Cell, Grid, gridFromRows, MergeArea } from "../../src/core/sheet/grid";
import { sheetView } from "../../src/core/sheet/view";
import { foldKey, wordKey } from "../../src/core/sheet/text";
import { checkAnySheet, checkWorkbook } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { SEED_DELEGATIONS_XLSX } from "../support/fixtures";

const HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
const rows = (): Array<Array<string | number | null>> => [
  ["PHỤ LỤC"],
  ["(Kèm theo Kế hoạch số 12/KH-UBND)"],
  HEADER,
  ["I", "Hợp tác quốc tế"],
  [1, "Tổ chức hội nghị xúc tiến đầu tư", "Sở Ngoại vụ", "Sở Tài chính", "Quý IV/2025"],
  [2, "Đón đoàn doanh nghiệp Nhật Bản", "Sở Tài chính", "Sở Ngoại vụ", "Tháng 6/2025"],
  ["II", "Thông tin đối ngoại"],
  [1, "Biên soạn tài liệu giới thiệu", "Sở Ngoại vụ", "Công an tỉnh", "Năm 2025"],
  [2, "Tập huấn thông tin đối ngoại", "Sở Ngoại vụ", "Sở Nội vụ", "Thường xuyên"],
];

const withMerges = (grid: Grid, merges: MergeArea[]): Grid => ({ ...grid, merges });
const area = (top: number, left: number, bottom: number, right: number): MergeArea => ({ top, left, bottom, right });

/** Puts a value in a far cell, the rows between left empty as readers leave them. */
function withFarCell(grid: Grid, row: number, col: number, value: string): Grid {
  const cells = grid.cells.map((r) => [...r]);
  while (cells.length < row - 1) cells.push([]);
  const far: Cell[] = new Array(col - 1).fill(null).map(() => ({ value: null }));
  far.push({ value });
  cells.push(far);
  return { ...grid, cells };
}

test("a merged area over the rest of the sheet costs its bounds, not its 17 billion cells", () => {
  const grid = withMerges(withFarCell(gridFromRows([...rows(), [], ["Nơi nhận: như trên"]]), 1_048_576, 16_384, "x"), [
    area(11, 1, 1_048_576, 16_384),
  ]);
  const view = sheetView(grid);
  expect(view.mergeAt(500_000, 9_000)).toEqual(area(11, 1, 1_048_576, 16_384));
  expect(view.text(500_000, 1)).toBe("Nơi nhận: như trên");
  expect(view.text(500_000, 2)).toBe("");
  expect(view.mergedAcross(11)).toBe(true);
  const check = checkAnySheet(grid);
  expect(check.table).toMatchObject({ firstRow: 3, lastRow: 9 });
  expect(check.counts).toMatchObject({ sections: 2, tasks: 4, errors: 0 });
}, 120_000);

test("of two overlapping merged areas the first stands, as when Excel repairs the file", () => {
  const view = sheetView(withMerges(gridFromRows(rows()), [area(4, 1, 4, 5), area(4, 3, 6, 3), area(1, 1, 2, 5000)]));
  expect(view.mergeAt(4, 3)).toEqual(area(4, 1, 4, 5));
  expect(view.mergeAt(5, 3)).toBeUndefined();
  expect(view.text(5, 3)).toBe("Sở Ngoại vụ");
  expect(view.mergeAt(1, 4)).toEqual(area(1, 1, 2, 5000));
});

test("a section heading written over two sheet rows is one section, and its second row is no task", () => {
  const r = rows();
  r.splice(4, 0, []);
  const check = checkAnySheet(withMerges(gridFromRows(r), [area(4, 1, 5, 1), area(4, 2, 5, 5)]));
  expect(check.counts).toMatchObject({ sections: 2, tasks: 4, errors: 0, warnings: 0 });
  expect(check.table!.rows.find((x) => x.row === 5)?.kind).toBe("continuation");
});

test("a timeframe merged down the whole column leaves the section headings sections and dates every task", () => {
  const r = rows().map((x, i) => (i >= 4 ? [...x.slice(0, 4)] : x));
  r[3] = ["I", "Hợp tác quốc tế", null, null, "Năm 2025"];
  const check = checkAnySheet(withMerges(gridFromRows(r), [area(4, 5, 9, 5)]));
  expect(check.counts).toMatchObject({ sections: 2, tasks: 4, errors: 0 });
  if (check.kind !== "tasks") throw new Error("not a task table");
  expect(check.tasks.map((t) => t.row.fields.timeframe)).toEqual(["Năm 2025", "Năm 2025", "Năm 2025", "Năm 2025"]);
});

test("a lead merged down over two tasks still leads both: a row with its own number and content is a task", () => {
  const r = rows();
  r[5] = [2, "Đón đoàn doanh nghiệp Nhật Bản", null, "Sở Ngoại vụ", "Tháng 6/2025"];
  const check = checkAnySheet(withMerges(gridFromRows(r), [area(5, 3, 6, 3)]));
  if (check.kind !== "tasks") throw new Error("not a task table");
  expect(check.tasks.map((t) => t.leads.map((l) => l.name))).toEqual([["Sở Ngoại vụ"], ["Sở Ngoại vụ"], ["Sở Ngoại vụ"], ["Sở Ngoại vụ"]]);
  expect(check.counts.errors).toBe(0);
});

test("beside delegation tables, a sheet whose one far cell is at row 100,000 is read as plan text cell by cell", async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_DELEGATIONS_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  const plan = withFarCell(
    gridFromRows([["Đoàn ra: 13 đoàn = 09 trong Kế hoạch + 04 đề nghị bổ sung"]], "Kế hoạch"),
    100_000,
    5_000,
    "Ghi chú",
  );
  const result = checkWorkbook([...wb.sheets, plan]);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  const delegations = result.checks.filter((c) => c.kind === "delegations");
  expect(delegations.length).toBeGreaterThan(0);
  for (const c of delegations)
    if (c.kind === "delegations") expect(c.workbook.stated?.outbound).toMatchObject({ total: 13, planned: 9, supplementary: 4 });
  // Walking the sheet's area instead of its cells (500 million of them) takes far longer than this, even on a saturated
  // machine where the real work takes seconds.
}, 120_000);

test("the key of a text longer than any before it is its own, not the previous text's (the fold buffer grows)", () => {
  // Longer than any cell of a real sheet, so the shared buffer must grow for it whatever ran before in this process.
  const long = "Tổ chức HỘI NGHỊ; ".repeat(40_000);
  const words = Array(40_000).fill("to chuc hoi nghi").join(" ");
  expect(wordKey("Sở Ngoại vụ")).toBe("so ngoai vu");
  const key = wordKey(long);
  expect(key.slice(0, 40)).toBe(words.slice(0, 40));
  expect([key.length, key === words]).toEqual([words.length, true]);
  expect(foldKey(`${long}x`).slice(0, 24)).toBe("to chuc hoi nghi; to chu");
});
