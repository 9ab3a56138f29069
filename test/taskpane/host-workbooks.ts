/**
 * Host workbooks built from the xlsx fixtures, sheet by sheet, the way the demo page gets its seed workbook.
 */
import * as fs from "fs";
import { cellAddress } from "../../src/core/sheet/grid";
import type { Grid } from "../../src/core/sheet/grid";
import { readWorkbook } from "../../src/xlsx/read";
import { createHost } from "../excel-host";
import type { ExcelHost, FixtureValue, HostOptions } from "../excel-host";

/** Rows and merges of a grid in the form ExcelHost.addSheet takes (cached values, not formulas). */
export function fixtureOfGrid(grid: Grid): { rows: FixtureValue[][]; merges: string[]; origin: string } {
  const rows = grid.cells.map((row) => Array.from(row, (c) => (c ? (c.error ?? c.value) : null)));
  const merges = grid.merges.map((m) => `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`);
  return { rows, merges, origin: cellAddress(grid.originRow, grid.originCol) };
}

/** A host whose workbook holds every sheet of an xlsx file. */
export async function hostFromXlsx(file: string, options: HostOptions = {}): Promise<ExcelHost> {
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(file)));
  if (!read.ok) throw new Error(`${file}: ${read.message}`);
  const host = createHost(options);
  for (const grid of read.sheets) {
    const f = fixtureOfGrid(grid);
    host.addSheet(grid.sheetName, f.rows, { merges: f.merges, origin: f.origin });
  }
  return host;
}
