/**
 * Re-checking touched rows (kinds/tasks/recheck.ts): whenever it answers, its answer is the whole check's answer on
 * the changed grid — issues, counts and tallies — and it declines (null) when the table's shape changed.
 */
import * as fs from "fs";
import { checkSheet, TaskCheck } from "../../src/core/kinds/tasks/check";
import { recheckTaskRows } from "../../src/core/kinds/tasks/recheck";
import type { Issue } from "../../src/core/issues/catalogue";
import { Cell, Grid, parseAddress, withCells } from "../../src/core/sheet/grid";
import { readWorkbook } from "../../src/xlsx/read";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

let grid: Grid;
let check: TaskCheck;

beforeAll(async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  grid = wb.sheets[0];
  check = checkSheet(grid);
}, 120_000);

const cell = (v: string | number | null): Cell => ({ value: v === "" ? null : v });

function edit(g: Grid, changes: Record<string, string | number | null>): { grid: Grid; rows: number[] } {
  let out = g;
  const rows: number[] = [];
  for (const [address, value] of Object.entries(changes)) {
    const at = parseAddress(address)!;
    out = withCells(out, at.row, at.col, [[cell(value)]]);
    rows.push(at.row);
  }
  return { grid: out, rows };
}

const canonical = (issues: readonly Issue[]) =>
  issues.map((i) => JSON.stringify([i.row, i.cell, i.code, i.severity, i.params, i.value, i.suggestion ?? null])).sort();

function expectSameAsWholeCheck(again: TaskCheck, changed: Grid): void {
  const whole = checkSheet(changed);
  expect(canonical(again.issues)).toEqual(canonical(whole.issues));
  expect(again.counts).toEqual(whole.counts);
  expect(again.agencies).toEqual(whole.agencies);
  expect(again.periods).toEqual(whole.periods);
  expect(again.sections).toEqual(whole.sections);
}

test("A43 typed as 6 clears its missing-stt (as the first task under VIII, a 6 is out of sequence instead)", () => {
  expect(check.issues.some((i) => i.code === "missing-stt" && i.cell === "A43")).toBe(true);
  const changed = edit(grid, { A43: "6" });
  const again = recheckTaskRows(check, changed.grid, changed.rows)!;
  expect(again).not.toBeNull();
  expect(again.issues.some((i) => i.code === "missing-stt" && i.cell === "A43")).toBe(false);
  expect(again.counts.errors).toBe(check.counts.errors - 1);
  expect(again.issues.filter((i) => i.cell === "A43").map((i) => i.code)).toEqual(["stt-sequence"]);
  expectSameAsWholeCheck(again, changed.grid);
  // The previous check is left as it was.
  expect(check.issues.some((i) => i.code === "missing-stt" && i.cell === "A43")).toBe(true);
});

test("a neighbour's verdict follows: a content copied from another task makes a duplicate", () => {
  const tasks = check.tasks;
  const [a, b] = [tasks[2], tasks[7]];
  const changed = edit(grid, { [`B${b.row.row}`]: a.row.fields.content });
  const again = recheckTaskRows(check, changed.grid, changed.rows)!;
  expect(again.issues.filter((i) => i.code === "duplicate-task" && i.row === b.row.row)).toHaveLength(1);
  expectSameAsWholeCheck(again, changed.grid);
});

test("an agency and a timeframe typed in are read again", () => {
  const t = check.tasks[4].row.row;
  const changed = edit(grid, { [`C${t}`]: "Sở KH&ĐT", [`E${t}`]: "Thể thoa", [`D${t}`]: "" });
  const again = recheckTaskRows(check, changed.grid, changed.rows)!;
  expect(again.issues.some((i) => i.row === t && i.code === "unparsed-timeframe")).toBe(true);
  expect(again.issues.some((i) => i.row === t && i.code === "missing-coordinating")).toBe(true);
  expectSameAsWholeCheck(again, changed.grid);
});

test("a header, a section heading or a task turned heading changes the shape: null", () => {
  const header = check.table!.header.row;
  expect(recheckTaskRows(check, edit(grid, { [`B${header}`]: "Việc" }).grid, [header])).toBeNull();
  const section = check.table!.sections[1].row;
  expect(recheckTaskRows(check, edit(grid, { [`B${section}`]: "Phần mới" }).grid, [section])).toBeNull();
  const task = check.tasks[3].row.row;
  const emptied = edit(grid, { [`A${task}`]: "", [`B${task}`]: "", [`C${task}`]: "", [`D${task}`]: "", [`E${task}`]: "" });
  expect(recheckTaskRows(check, emptied.grid, emptied.rows)).toBeNull();
});

test("random edits of table cells: every answer equals the whole check", () => {
  const palette = [
    "",
    "1",
    "2",
    "7",
    "3.1",
    "a",
    "Sở Nội vụ",
    "UBND các huyện",
    "Sở Tài chính; Sở Nội vụ",
    "Quý IV/2026",
    "Năm 2030",
    "2025-2027",
    "xyz",
    "Thường xuyên",
  ];
  const rows = check.table!.rows.map((r) => r.row);
  let seed = 12345;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  let answered = 0;
  let current = check;
  let g = grid;
  for (let k = 0; k < 80; k++) {
    const changes: Record<string, string> = {};
    for (let j = next(3) + 1; j > 0; j--) changes[`${"ABCDE"[next(5)]}${rows[next(rows.length)]}`] = palette[next(palette.length)];
    const changed = edit(g, changes);
    const again = recheckTaskRows(current, changed.grid, changed.rows);
    g = changed.grid;
    if (again) {
      answered++;
      expectSameAsWholeCheck(again, g);
      current = again;
    } else current = checkSheet(g);
  }
  // Most single-row edits keep the table's shape: the fast path is the one taken.
  expect(answered).toBeGreaterThan(30);
});
