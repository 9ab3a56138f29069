/**
 * Engine grids (from the xlsx reader or the bench generator) put into the in-memory Excel host, with their merges,
 * so the Office.js path can be compared with the xlsx path on the same table.
 */
import { Cell, cellAddress, Grid, rangeAddress } from "../../src/core/sheet/grid";
import { ExcelHost, FixtureValue, SheetInspector } from "../excel-host";

/** A grid cell as the host's fixtures write it: "=…" is a formula, "#N/A" an error, anything else as it is. */
function fixtureOf(cell: Cell | undefined): FixtureValue {
  if (!cell) return null;
  if (cell.error) return cell.error;
  if (cell.formula) return `=${cell.formula}`;
  return cell.value;
}

export function addGridSheet(host: ExcelHost, grid: Grid, options: { activate?: boolean } = {}): SheetInspector {
  const rows: FixtureValue[][] = grid.cells.map((r) => r.map(fixtureOf));
  const merges = grid.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right));
  return host.addSheet(grid.sheetName, rows, { origin: cellAddress(grid.originRow, grid.originCol), merges, activate: options.activate });
}

/** A generated table (bench/vocabulary.ts) with its section rows merged across the content columns, as appendices lay them out. */
export function withMergedSections(grid: Grid): Grid {
  const merges = grid.cells.flatMap((row, i) =>
    typeof row[0]?.value === "string" && /^[IVX]+$/.test(row[0].value) ? [{ top: i + 1, left: 2, bottom: i + 1, right: 5 }] : [],
  );
  return { ...grid, merges };
}
