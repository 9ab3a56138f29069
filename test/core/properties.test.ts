/**
 * Properties of the engine over arbitrary grids (fast-check).
 */
import fc from "fast-check";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { Cell, Grid } from "../../src/core/sheet/grid";
import { summarySheets } from "../../src/core/output/summaries";
import { workbookBytes } from "../../src/xlsx/write";
import ExcelJS from "exceljs";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const VOCAB = [
  "STT",
  "TT",
  "Nội dung nhiệm vụ",
  "Cơ quan chủ trì",
  "Cơ quan phối hợp",
  "Thời gian thực hiện",
  "I",
  "II",
  "IV",
  "A",
  "1",
  "2",
  "1.1",
  "a",
  "-",
  "Sở Ngoại vụ",
  "Sở Kế hoạch và Đầu tư, Sở Công Thương",
  "Các sở, ban, ngành liên quan",
  "UBND các huyện, thị xã, thành phố",
  "Quý IV/2022",
  "Năm 2023 và các năm tiếp theo",
  "Thường xuyên",
  "2026 - 2030",
  "…………",
  "(1)",
  "=SUM(A1:A3)",
  "+cmd|' /C calc'!A0",
  "@SUM(1)",
  "-2+3",
  "Nơi nhận:",
  "",
  "",
  "",
];

const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...VOCAB).map((v): Cell => ({ value: v === "" ? null : v })) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map((v): Cell => ({ value: v })) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 2030 }).map((v): Cell => ({ value: v })) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#REF!", "#DIV/0!").map((e): Cell => ({ value: null, error: e })) },
  { weight: 1, arbitrary: fc.constantFrom("SUM(A1)", "A1&B1").map((f): Cell => ({ value: "x", formula: f })) },
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.array(fc.array(cellArb, { maxLength: 7 }), { maxLength: 30 }),
    merges: fc.array(
      fc.record({
        top: fc.integer({ min: 1, max: 32 }),
        left: fc.integer({ min: 1, max: 8 }),
        h: fc.integer({ min: 0, max: 4 }),
        w: fc.integer({ min: 0, max: 4 }),
      }),
      { maxLength: 4 },
    ),
    header: fc.boolean(),
  })
  .map(({ rows, merges, header }) => {
    const cells = header
      ? [
          ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"].map((v): Cell => ({ value: v })),
          ...rows,
        ]
      : rows;
    return {
      sheetName: "Fuzz",
      originRow: 1,
      originCol: 1,
      cells,
      merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
    };
  });

test("arbitrary grids never throw; every row of a found table gets exactly one kind", () => {
  fc.assert(
    fc.property(gridArb, (grid) => {
      const c = checkSheet(grid);
      if (!c.table) {
        expect(c.issues.map((i) => i.code)).toEqual(["no-table"]);
        return;
      }
      const rows = c.table.rows.map((r) => r.row);
      // One entry per sheet row below the header, no row twice, none skipped up to the last classified one.
      expect(new Set(rows).size).toBe(rows.length);
      const first = c.table.header.row + c.table.header.rows;
      rows.forEach((r, i) => expect(r).toBe(first + i));
      expect(c.counts.tasks).toBe(c.table.rows.filter((r) => r.kind === "task").length);
      expect(c.counts.sections).toBe(c.table.rows.filter((r) => r.kind === "section").length);
    }),
    { numRuns: RUNS },
  );
});

test("tallies agree with the tasks", () => {
  fc.assert(
    fc.property(gridArb, (grid) => {
      const c = checkSheet(grid);
      const leadParts = c.tasks.reduce((n, t) => n + new Set(t.leads.map((p) => p.name)).size, 0);
      const coordParts = c.tasks.reduce((n, t) => n + new Set(t.coordinating.map((p) => p.name)).size, 0);
      expect(c.agencies.reduce((n, a) => n + a.lead, 0)).toBe(leadParts);
      expect(c.agencies.reduce((n, a) => n + a.coordinating, 0)).toBe(coordParts);
      for (const a of c.agencies) {
        expect(a.total).toBe(a.lead + a.coordinating);
        expect(a.share).toBeGreaterThanOrEqual(0);
        expect(a.share).toBeLessThanOrEqual(1);
      }
      expect(c.periods.reduce((n, p) => n + p.tasks, 0)).toBe(c.tasks.length);
      for (const s of c.sections) expect(s.tasksWithIssues).toBeLessThanOrEqual(s.tasks);
    }),
    { numRuns: RUNS },
  );
});

test("written summary workbooks hold no formula, whatever the input cells said", async () => {
  await fc.assert(
    fc.asyncProperty(gridArb, async (grid) => {
      const c = checkSheet(grid);
      if (!c.table) return;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await workbookBytes(summarySheets([{ check: c }], "vi"))) as unknown as ArrayBuffer);
      wb.eachSheet((ws) => {
        expect(ws.name.length).toBeLessThanOrEqual(31);
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            expect(cell.formula).toBeUndefined();
            expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          }),
        );
      });
    }),
    { numRuns: Math.min(RUNS, 60) },
  );
});
