/**
 * Leaving duplicates out before writing (the pane's choice): the rows kept, the groups renumbered, and "Báo cáo tệp"
 * pointing at the rows each file actually has in the written table.
 */
import { consolidate } from "../../src/core/consolidate/consolidate";
import { consolidatedSheet, filesSheet } from "../../src/core/output/consolidated-sheet";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { rowsLeftOut, withoutDuplicates } from "../../src/taskpane/consolidation-choices";

const directory = defaultDirectory();
const HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];
const table = (rows: string[][]) => checkSheet(gridFromRows([HEADER, ...rows], "PL"), { directory });

const shared = [
  ["1", "Tổ chức hội nghị xúc tiến đầu tư", "Sở Tài chính", "Sở Ngoại vụ", "Quý II/2026"],
  ["2", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Sở Tư pháp", "Năm 2026"],
];
const c = consolidate(
  [
    { file: "a.xlsx", check: table(shared) },
    { file: "b.xlsx", check: table([...shared, ["3", "Đào tạo cán bộ", "Sở Nội vụ", "", "Quý III/2026"]]) },
    { file: "c.xlsx", check: table([["1", "Xây dựng cơ sở dữ liệu", "Sở Tư pháp", "", "Năm 2026"]]) },
  ],
  { directory, lang: "vi" },
);

test("leaving every duplicate group out keeps each group's first row and every other row", () => {
  expect(c.rowsOut).toBe(6);
  expect(c.duplicates).toHaveLength(2);
  const all = new Set(c.duplicates.map((_, i) => i));
  expect(rowsLeftOut(c, all)).toBe(2);
  const kept = withoutDuplicates(c, all);
  expect(kept.rowsOut).toBe(4);
  expect(kept.rows.map((r) => [r.file, r.fields.content])).toEqual([
    ["a.xlsx", "Tổ chức hội nghị xúc tiến đầu tư"],
    ["a.xlsx", "Rà soát thủ tục hành chính"],
    ["b.xlsx", "Đào tạo cán bộ"],
    ["c.xlsx", "Xây dựng cơ sở dữ liệu"],
  ]);
  expect(kept.duplicates.map((d) => d.rows)).toEqual([[0], [1]]);
  expect(kept.tables.map((t) => t.rows)).toEqual([2, 1, 1]);
  // Nothing left out: the same consolidation.
  expect(withoutDuplicates(c, new Set())).toBe(c);
});

test("“Báo cáo tệp” says where each file's rows are in the table as written, not as read", () => {
  const kept = withoutDuplicates(c, new Set(c.duplicates.map((_, i) => i)));
  const files = filesSheet(kept, "vi");
  const where = files.rows[files.headerRow - 1].findIndex((cell) => cell.value === "Vị trí hợp nhất");
  expect(where).toBeGreaterThan(0);
  const whereOf = (file: string) => files.rows.find((r) => r[1]?.value === file)![where];
  // The written sheet: its header on row 3, rows 4–7.
  const written = consolidatedSheet(kept, "vi");
  const rowOfFile = (file: string) => written.rows.findIndex((r) => r[1]?.value === file) + 1;
  expect(rowOfFile("c.xlsx")).toBe(7);
  expect(String(whereOf("a.xlsx").value)).toMatch(/dòng 4–5$/);
  expect(String(whereOf("b.xlsx").value)).toMatch(/dòng 6–6$|dòng 6$/);
  expect(String(whereOf("c.xlsx").value)).toMatch(/dòng 7–7$|dòng 7$/);
  expect(whereOf("c.xlsx").link).toEqual({ sheet: written.name, cell: "A7" });
});
