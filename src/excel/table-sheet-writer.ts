/**
 * Writing a table read from elsewhere (a Word document's table) into a new sheet of the open workbook, as the user's
 * own sheet to check and fix: its cells as text (a "1." or an "=…" stays what it was), its merged areas merged, its
 * header rows bold, lines wrapped, columns wide enough to read. The sheet is a new one with a free name, never one
 * the user already has; it is activated so the officer sees it.
 *
 * Round trips: one to learn the sheet names, then the writing in as few as the web's payload limit allows.
 */
import { columnLetter, Grid, gridWidth, rangeAddress } from "../core/sheet/grid";
import { isValidSheetName, uniqueSheetName } from "../core/output/sheet-names";
import { literal, Literal } from "./literals";
import { ACTION_BYTES, jsonBytes, PayloadOptions, payloadBudget, Piece, syncPieces } from "./payload";
import { widthInPoints } from "./sheet-formats";

export interface TableSheet {
  /** The name the sheet is wanted under; another free one is taken when the workbook has it. */
  name: string;
  grid: Grid;
  /** 1-based rows of the grid to show as header rows. */
  headerRows?: number[];
}

/** Column widths in characters: the longest line of the column, within reason. */
function columnWidths(grid: Grid, width: number): number[] {
  const out = new Array<number>(width).fill(6);
  for (const row of grid.cells)
    row.forEach((c, i) => {
      if (c.value === null) return;
      for (const line of String(c.value).split("\n")) out[i] = Math.max(out[i], Math.min(60, line.length + 2));
    });
  return out;
}

export async function writeTableSheet(context: Excel.RequestContext, table: TableSheet, options: PayloadOptions = {}): Promise<string> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const base = isValidSheetName(table.name) ? table.name : "Word";
  const name = uniqueSheetName(
    base,
    sheets.items.map((s) => s.name),
  );
  const { grid } = table;
  const width = Math.max(1, gridWidth(grid));
  const height = Math.max(1, grid.cells.length);
  const budget = payloadBudget(options);
  let sheet: Excel.Worksheet | null = null;
  const pieces: Array<Piece<void>> = [
    {
      bytes: ACTION_BYTES + name.length,
      queue: () => {
        sheet = context.workbook.worksheets.add(name);
        return () => undefined;
      },
    },
  ];
  const values: Literal[][] = [];
  for (let r = 0; r < height; r++) {
    const row = grid.cells[r] ?? [];
    values.push(Array.from({ length: width }, (_, c) => literal(row[c]?.value ?? null)));
  }
  pieces.push(...rowPieces(() => sheet!, values, budget));
  const merges = grid.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right));
  pieces.push({
    bytes: merges.reduce((n, a) => n + ACTION_BYTES + a.length, 0) + ACTION_BYTES * (4 + width),
    queue: () => {
      const ws = sheet!;
      const all = ws.getRange(rangeAddress(1, 1, height, width));
      all.format.wrapText = true;
      all.format.verticalAlignment = "Top";
      for (const a of merges) ws.getRange(a).merge(false);
      columnWidths(grid, width).forEach((w, i) => {
        ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = widthInPoints(w);
      });
      for (const r of table.headerRows ?? []) if (r >= 1 && r <= height) ws.getRange(rangeAddress(r, 1, r, width)).format.font.bold = true;
      ws.activate();
      return () => undefined;
    },
  });
  await syncPieces(context, pieces, budget);
  return name;
}

/** The values in row bands that each fit the budget, halved again when Excel still refuses one for its size. */
function rowPieces(sheet: () => Excel.Worksheet, values: Literal[][], budget: number): Array<Piece<void>> {
  const pieces: Array<Piece<void>> = [];
  let start = 0;
  while (start < values.length) {
    let end = start;
    let bytes = ACTION_BYTES;
    while (end < values.length && (end === start || bytes + jsonBytes(values[end]) <= budget)) bytes += jsonBytes(values[end++]);
    pieces.push(band(sheet, values.slice(start, end), start, bytes));
    start = end;
  }
  return pieces;
}

function band(sheet: () => Excel.Worksheet, rows: Literal[][], at: number, bytes: number): Piece<void> {
  return {
    bytes,
    queue: () => {
      sheet().getRange(rangeAddress(at + 1, 1, at + rows.length, rows[0].length)).values = rows;
      return () => undefined;
    },
    split: () => {
      if (rows.length < 2) return null;
      const half = Math.ceil(rows.length / 2);
      return [band(sheet, rows.slice(0, half), at, bytes / 2), band(sheet, rows.slice(half), at + half, bytes / 2)];
    },
  };
}
