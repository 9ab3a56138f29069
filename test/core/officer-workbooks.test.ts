/**
 * Real tables in the layout officers' workbooks have (issue 11). The stored corpora hold text, not binary
 * workbooks, so these .xlsx files are built here — the closest honest substitute: the cell text is real (the
 * corpus), the layout is the one officers' workbooks use — title rows merged across, section rows merged across,
 * wrapped text, a lead merged down over the tasks it leads, a two-row header with a merged parent (the header of
 * the An Giang workbook, whose merges are inferred from its two header rows).
 */
import ExcelJS from "exceljs";
import { checkSheet, TaskCheck } from "../../src/core/kinds/tasks/check";
import { readWorkbook } from "../../src/xlsx/read";
import { corpusRows } from "../support/corpus";


async function workbook(rows: string[][], merges: string[]): Promise<TaskCheck> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục");
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === "") return;
      const cell = ws.getRow(i + 1).getCell(j + 1);
      cell.value = /^\d+$/.test(v) && j === 0 ? Number(v) : v;
      cell.alignment = { wrapText: true, vertical: "middle" };
    }),
  );
  for (const m of merges) ws.mergeCells(m);
  const read = await readWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  if (!read.ok) throw new Error(read.message);
  return checkSheet(read.sheets[0]);
}

describe("NQ 03/NQ-CP PL II kept as an officer keeps it", () => {
  let c: TaskCheck;
  beforeAll(async () => {
    const rows = corpusRows({ file: "chinhphu_nq03-2025_pl2_nhiem-vu.tsv", origin: "new" });
    // Tasks 15, 16, 17 share their lead: the officer merged the lead cell down over them and left the others empty.
    const at = (stt: string) => rows.findIndex((r) => r[0] === stt);
    const first = at("15.");
    rows[first + 1][2] = "";
    rows[first + 2][2] = "";
    const section = (stt: string) => `A${at(stt) + 1}:F${at(stt) + 1}`;
    c = await workbook(rows, ["A1:F1", "A2:F2", "A3:F3", section("I."), section("II."), `C${first + 1}:C${first + 3}`]);
  });

  test("the title rows are above the table, the sections merged across are sections", () => {
    expect(c.table!.header.row).toBe(4);
    expect(c.counts.sections).toBe(2);
    expect(c.counts.tasks).toBe(41);
  });

  test("the lead merged down leads each task it covers: no missing lead, the same tallies as the text", () => {
    expect(c.issues.filter((i) => i.code === "missing-lead")).toEqual([]);
    expect(c.agencies.find((a) => a.name === "Bộ Khoa học và Công nghệ")?.lead).toBe(14);
    expect(c.agencies.find((a) => a.name === "Bộ Tài chính")?.lead).toBe(7);
  });
});

describe("the An Giang workbook's sheet 'QD UBND da xu ly' with its two-row header", () => {
  test("header merged over two rows, 'Hình thức xử lý' merged across its sub-columns: five tasks read", async () => {
    const rows = corpusRows({ file: "angiang_stp-2026_qd-ubnd-da-xu-ly.tsv", origin: "new" });
    const vertical = ["A", "B", "C", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"].map((col) => `${col}1:${col}2`);
    const c = await workbook(rows, ["D1:H1", ...vertical]);
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 3, timeframe: 13 });
    expect(c.counts.tasks).toBe(5);
    expect(c.agencies.find((a) => a.name === "Sở Nông nghiệp và Môi trường")?.lead).toBe(4);
    expect(c.tasks.filter((t) => t.timeframe.kind === "empty")).toHaveLength(2);
  });
});
