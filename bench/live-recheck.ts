/**
 * The live re-check (issue 16): one edited task row of a generated table re-checked in memory (recheckTaskRows)
 * against the whole check of the same changed grid. Printed, never asserted.
 */
import { defaultDirectory } from "../src/core/agencies/default-directory";
import { checkSheet } from "../src/core/kinds/tasks/check";
import { recheckTaskRows } from "../src/core/kinds/tasks/recheck";
import { withCells } from "../src/core/sheet/grid";
import { Measurement } from "./measurement";
import { generateTable, loadVocabulary } from "./vocabulary";

function timeOne(tasks: number): { rows: number; whole: number } {
  defaultDirectory();
  const grid = generateTable(tasks, loadVocabulary(), 7);
  const check = checkSheet(grid);
  const task = check.tasks[Math.floor(check.tasks.length / 2)].row;
  const col = check.table!.header.columns.timeframe!;
  const changed = withCells(grid, task.row, col, [[{ value: "Quý IV/2026" }]]);
  let rows = Infinity;
  let whole = Infinity;
  for (let i = 0; i < 3; i++) {
    let t0 = process.hrtime.bigint();
    const again = recheckTaskRows(check, changed, [task.row]);
    rows = Math.min(rows, Number(process.hrtime.bigint() - t0) / 1e6);
    if (!again) throw new Error("the edit changed the table's shape");
    t0 = process.hrtime.bigint();
    checkSheet(changed);
    whole = Math.min(whole, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { rows, whole };
}

export function benchLiveRecheck(): Measurement[] {
  const out: Measurement[] = [];
  for (const n of [10_000, 100_000]) {
    const { rows, whole } = timeOne(n);
    const k = `${n / 1000}k`;
    out.push({ name: `live.recheck.row.${k}`, value: Math.round(rows * 100) / 100, unit: "ms" });
    out.push({ name: `live.check.whole.${k}`, value: Math.round(whole * 100) / 100, unit: "ms" });
  }
  return out;
}
