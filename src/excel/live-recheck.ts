/**
 * The workbook's side of a live re-check (issue 16): one round trip reads the changed cells back (values, types,
 * formulas, number formats, as grid-reader reads them) together with the highlight record and the fills of the rows
 * around them; the caller re-checks in memory; a second round trip, only on a sheet the add-in has highlighted,
 * brings those highlights in line. On the web a block too large for one request is read in pieces (more round trips,
 * each under the payload limit).
 */
import type { Cell } from "../core/sheet/grid";
import type { Issue } from "../core/issues/catalogue";
import { rangeAddress } from "../core/sheet/grid";
import { cellOf, READ_BYTES_PER_CELL } from "./grid-reader";
import { refreshHighlights } from "./highlights";
import { ACTION_BYTES, payloadBudget, PayloadOptions, Piece, syncPieces } from "./payload";

/** A rectangle of a sheet, 1-based and inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LiveRecheckRequest {
  sheetName: string;
  /** The changed cells to read back. */
  area: CellArea;
  /** The cells whose highlights may change (the changed rows and their neighbours, across the table). */
  window: readonly CellArea[];
  /** The workbook counts dates from 1904 (as the full read found, Grid.date1904): serials are read in that system. */
  date1904?: boolean;
  /**
   * Re-checks with the cells read (rows of `area`, each as wide as it): the issues now on the sheet, or null when
   * there is nothing to colour (the result was dropped).
   */
  recheck(cells: Cell[][]): readonly Issue[] | null;
}

export interface LiveRecheckDone {
  /** Highlighted cells on the sheet after the change; null when the sheet holds no highlights of the add-in. */
  highlighted: number | null;
  /** New issues outside the window, left uncoloured until the next highlight. */
  unread: number;
}

/** The cells of a loaded range (called after the sync that loaded it). */
function cellsOf(loaded: Excel.Range, date1904: boolean): Cell[][] {
  return loaded.values.map((line, r) =>
    line.map((v, c) => cellOf(v, loaded.valueTypes[r][c], loaded.formulas[r][c], loaded.numberFormat[r][c], date1904)),
  );
}

function blockPiece(
  context: Excel.RequestContext,
  sheetName: string,
  area: CellArea,
  firstRow: number,
  into: Cell[][],
  date1904: boolean,
): Piece<void> {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  return {
    bytes: rows * cols * READ_BYTES_PER_CELL + ACTION_BYTES,
    queue: () => {
      const range = context.workbook.worksheets.getItem(sheetName).getRange(rangeAddress(area.top, area.left, area.bottom, area.right));
      range.load("values, valueTypes, formulas, numberFormat");
      return () => {
        cellsOf(range, date1904).forEach((line, r) => (into[area.top - firstRow + r] = line));
      };
    },
  };
}

export async function liveRecheck(
  context: Excel.RequestContext,
  request: LiveRecheckRequest,
  options: PayloadOptions = {},
): Promise<LiveRecheckDone> {
  const { sheetName, area } = request;
  const budget = payloadBudget(options);
  const cells: Cell[][] = [];
  const pieces = readPieces(context, sheetName, area, cells, budget, request.date1904 === true);
  const cellsOfWindow = request.window.flatMap((w) => {
    const out: Array<{ row: number; col: number }> = [];
    for (let row = w.top; row <= w.bottom; row++) for (let col = w.left; col <= w.right; col++) out.push({ row, col });
    return out;
  });
  const highlights = refreshHighlights(context, sheetName, cellsOfWindow);
  await syncPieces(context, [...pieces, ...highlights.reads], budget);
  const issues = request.recheck(cells);
  const writes = issues ? highlights.writes(issues) : null;
  if (!writes) return { highlighted: null, unread: 0 };
  await syncPieces(context, writes.pieces, budget);
  return { highlighted: writes.cells, unread: writes.unread };
}

/** The changed block in row pieces that each fit the budget (all in one where there is no limit). */
function readPieces(
  context: Excel.RequestContext,
  sheetName: string,
  area: CellArea,
  into: Cell[][],
  budget: number,
  date1904: boolean,
): Array<Piece<void>> {
  const cols = area.right - area.left + 1;
  const perPiece = Number.isFinite(budget) ? Math.max(1, Math.floor(budget / 2 / (cols * READ_BYTES_PER_CELL))) : Infinity;
  const pieces: Array<Piece<void>> = [];
  for (let top = area.top; top <= area.bottom; top += perPiece) {
    const bottom = Math.min(area.bottom, top + perPiece - 1);
    pieces.push(blockPiece(context, sheetName, { ...area, top, bottom }, area.top, into, date1904));
  }
  return pieces;
}
