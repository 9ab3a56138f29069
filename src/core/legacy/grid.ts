/**
 * Legacy-encoded cells of a sheet (SPEC 3.1, issue "legacy-encoding"): which cells read as TCVN3 or VNI text,
 * and the same grid with their Unicode reading — applied only when the user asks for it, never silently.
 */
import { cellAddress, Cell, eachCellOf, Grid } from "../sheet/grid";
import { detectLegacyEncoding, LegacyDetection, mayBeLegacy } from "./detect";
import type { LegacyEncoding } from "./encoding";

export interface LegacyCell {
  row: number;
  col: number;
  address: string;
  text: string;
  converted: string;
  encoding: LegacyEncoding;
  confidence: number;
}

/** Every text cell whose text reads as legacy-encoded; each distinct text is examined once. */
export function findLegacyCells(grid: Grid): LegacyCell[] {
  const seen = new Map<string, LegacyDetection | null>();
  const out: LegacyCell[] = [];
  grid.cells.forEach((cells, ri) => {
    eachCellOf(cells, (cell, ci) => {
      const v = cell.value;
      // Most cells fail the cheap test: remembering their texts would cost more than testing them again.
      if (typeof v !== "string" || v === "" || !mayBeLegacy(v)) return;
      let d = seen.get(v);
      if (d === undefined) {
        d = detectLegacyEncoding(v);
        seen.set(v, d);
      }
      if (!d) return;
      const row = grid.originRow + ri;
      const col = grid.originCol + ci;
      out.push({
        row,
        col,
        address: cellAddress(row, col),
        text: v,
        converted: d.converted,
        encoding: d.encoding,
        confidence: d.confidence,
      });
    });
  });
  return out;
}

/** A copy of the grid with the given cells replaced by their Unicode reading; the input grid is left as it was. */
export function convertLegacyGrid(grid: Grid, cells: readonly LegacyCell[]): Grid {
  if (cells.length === 0) return grid;
  const rows = grid.cells.slice();
  const copied = new Set<number>();
  for (const c of cells) {
    const ri = c.row - grid.originRow;
    const ci = c.col - grid.originCol;
    if (!copied.has(ri)) {
      rows[ri] = rows[ri].slice();
      copied.add(ri);
    }
    const before: Cell = rows[ri][ci];
    rows[ri][ci] = { ...before, value: c.converted };
  }
  return { ...grid, cells: rows };
}
