/**
 * Highlighting the cells that have issues, by severity, and clearing the highlights again without disturbing the
 * user's own fills: before filling, the add-in reads each cell's fill and keeps it in the workbook's settings
 * ("appendixChecker.highlights"); clearing puts those fills back. Two round trips each (more only when a large table
 * must be cut to fit the web's payload limit); a protected sheet is found in the first, before anything is written.
 */
import { parseAddress } from "../core/sheet/grid";
import { Issue, Severity } from "../core/issues/catalogue";
import { areasOfCells } from "./cell-areas";
import { fillAreas, Part, piecesOf } from "./area-formats";
import { excelApi } from "./capabilities";
import { cellKey, cellsOfSheet, HighlightedCell, HighlightRecord, readRecord, withSheet } from "./highlight-record";
import { ACTION_BYTES, jsonBytes, PayloadOptions, payloadBudget, Piece, syncPieces } from "./payload";
import { protectedSheet } from "./run";
import { loadSetting, removeSetting, saveSetting, SETTING_KEYS } from "./workbook-settings";

/** Fill colours by severity: Excel's own "light red" and "yellow" conditional-format fills, and a light blue. */
export const HIGHLIGHT_FILLS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Response bytes of one cell's fill from getCellProperties ({"format":{"fill":{"color":…,"pattern":…}}}). */
const FILL_READ_BYTES = 64;

/** Issue cells whose rows are this close are read in one getCellProperties call (the cells between come along). */
const ROW_GAP = 16;

export type HighlightOptions = PayloadOptions;

/** The cells to fill: each issue's cell, in the colour of its most severe issue. */
function issueCells(issues: readonly Issue[]): Map<string, { row: number; col: number; severity: Severity }> {
  const out = new Map<string, { row: number; col: number; severity: Severity }>();
  for (const issue of issues) {
    const at = issue.cell ? parseAddress(issue.cell) : null;
    if (!at) continue;
    const key = cellKey(at.row, at.col);
    const seen = out.get(key);
    if (!seen || RANK[issue.severity] > RANK[seen.severity]) out.set(key, { row: at.row, col: at.col, severity: issue.severity });
  }
  return out;
}

type FillReading = Array<{ row: number; col: number; fill: string | null }>;

/** A cell's fill as getCellProperties reports it: no fill is pattern "None" (its colour reads as white). */
function fillOf(props: Excel.CellProperties | undefined): string | null {
  const fill = props?.format?.fill;
  if (!fill || fill.pattern === "None" || !fill.color) return null;
  return fill.color.toUpperCase();
}

/** The fills of `rows` from a loaded column of cell properties that starts at row `first` (after its sync). */
function fillsOf(loaded: OfficeExtension.ClientResult<Excel.CellProperties[][]>, first: number, col: number, rows: number[]): FillReading {
  return rows.map((row) => ({ row, col, fill: fillOf(loaded.value[row - first]?.[0]) }));
}

/**
 * Reading the current fills of the cells: per column, runs of nearby rows in one getCellProperties (ExcelApi 1.9);
 * one fill load per cell where Excel lacks it (then a white fill cannot be told from none, and counts as none).
 */
function fillReadPieces(
  context: Excel.RequestContext,
  sheetName: string,
  cells: ReadonlyArray<{ row: number; col: number }>,
): Array<Piece<FillReading>> {
  const sheet = () => context.workbook.worksheets.getItem(sheetName);
  if (!excelApi("1.9")) {
    return cells.map(({ row, col }) => ({
      bytes: ACTION_BYTES,
      queue: () => {
        const fill = sheet()
          .getCell(row - 1, col - 1)
          .format.fill.load("color");
        return () => [{ row, col, fill: fill.color && fill.color.toUpperCase() !== "#FFFFFF" ? fill.color.toUpperCase() : null }];
      },
    }));
  }
  const byColumn = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byColumn.get(col);
    if (rows) rows.push(row);
    else byColumn.set(col, [row]);
  }
  const pieces: Array<Piece<FillReading>> = [];
  const run = (col: number, rows: number[]): Piece<FillReading> => {
    const first = rows[0];
    const count = rows[rows.length - 1] - first + 1;
    return {
      bytes: count * FILL_READ_BYTES + ACTION_BYTES,
      queue: () => {
        const props = sheet()
          .getRangeByIndexes(first - 1, col - 1, count, 1)
          .getCellProperties({ format: { fill: { color: true, pattern: true } } });
        return () => fillsOf(props, first, col, rows);
      },
      split: () => (rows.length < 2 ? null : [run(col, rows.slice(0, rows.length >> 1)), run(col, rows.slice(rows.length >> 1))]),
    };
  };
  for (const [col, list] of byColumn) {
    const rows = [...new Set(list)].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i] - rows[i - 1] > ROW_GAP) {
        pieces.push(run(col, rows.slice(start, i)));
        start = i;
      }
    }
  }
  return pieces;
}

/** Restoring cells to the fills they had: one call per previous fill (and address list). */
function restoreParts(sheet: () => Excel.Worksheet, cells: Iterable<HighlightedCell>): Part[] {
  const byPrevious = new Map<string, { fill: string | null; cells: Array<[number, number]> }>();
  for (const c of cells) {
    const key = c.previous ?? "";
    const g = byPrevious.get(key) ?? { fill: c.previous, cells: [] };
    g.cells.push([c.row, c.col]);
    byPrevious.set(key, g);
  }
  return [...byPrevious.values()].flatMap((g) => fillAreas(sheet, areasOfCells(g.cells), g.fill));
}

type Reading = { kind: "state"; record: HighlightRecord; protected: boolean } | { kind: "fills"; fills: FillReading };

function readAs(read: () => FillReading): () => Reading {
  return () => ({ kind: "fills", fills: read() });
}

function asReading(p: Piece<FillReading>): Piece<Reading> {
  return { bytes: p.bytes, queue: () => readAs(p.queue()), split: () => p.split?.()?.map(asReading) ?? null };
}

/**
 * Fills the cells of the issues on `sheetName`, one colour per severity. Cells highlighted before on that sheet that
 * have no issue now get their own fill back; the fills replaced are remembered for clearHighlights.
 */
export async function highlightIssues(
  context: Excel.RequestContext,
  sheetName: string,
  issues: Issue[],
  options: HighlightOptions = {},
): Promise<{ cells: number }> {
  const budget = payloadBudget(options);
  const targets = issueCells(issues);
  const sheet = () => context.workbook.worksheets.getItem(sheetName);
  const state: Piece<Reading> = {
    bytes: 3 * ACTION_BYTES,
    queue: () => {
      const record = loadSetting(context, SETTING_KEYS.highlights);
      // Worksheet.protection came with ExcelApi 1.2: before it, a protected sheet shows as Excel's own refusal.
      const protection = excelApi("1.2") ? sheet().protection.load("protected") : null;
      return () => ({ kind: "state", record: readRecord(record()), protected: protection?.protected ?? false });
    },
  };
  const fillPieces = fillReadPieces(context, sheetName, [...targets.values()]).map(asReading);
  const readings = await syncPieces(context, [state, ...fillPieces], budget);
  const first = readings[0];
  if (first.kind !== "state") throw new Error("the highlight state was not read");
  if (first.protected) throw protectedSheet(sheetName);
  const before = cellsOfSheet(first.record, sheetName);
  const now = new Map<string, HighlightedCell>();
  for (const reading of readings) {
    if (reading.kind !== "fills") continue;
    for (const { row, col, fill } of reading.fills) {
      const key = cellKey(row, col);
      const mark = HIGHLIGHT_FILLS[targets.get(key)!.severity];
      const earlier = before.get(key);
      // A cell still showing our earlier colour keeps the fill it had before that; one the user refilled since
      // keeps the user's new fill.
      const previous = earlier && fill === earlier.mark.toUpperCase() ? earlier.previous : fill;
      now.set(key, { row, col, mark, previous });
    }
  }
  const dropped = [...before.values()].filter((c) => !now.has(cellKey(c.row, c.col)));
  const record = withSheet(first.record, sheetName, now.values());
  const writes = highlightWrites(context, sheet, record, dropped, now.values());
  await syncPieces(context, writes, budget);
  return { cells: now.size };
}

/**
 * The writes of a highlight: the record, the fills put back on `dropped`, our colours on `marked`. The record goes
 * first: if the fills are cut short, clearing still knows every cell that may hold our colour.
 */
function highlightWrites(
  context: Excel.RequestContext,
  sheet: () => Excel.Worksheet,
  record: HighlightRecord,
  dropped: Iterable<HighlightedCell>,
  marked: Iterable<HighlightedCell>,
): Array<Piece<void>> {
  const byMark = new Map<string, Array<[number, number]>>();
  for (const c of marked) {
    const cells = byMark.get(c.mark);
    if (cells) cells.push([c.row, c.col]);
    else byMark.set(c.mark, [[c.row, c.col]]);
  }
  return piecesOf([
    { bytes: jsonBytes(record) + ACTION_BYTES, queue: () => saveSetting(context, SETTING_KEYS.highlights, record) },
    ...restoreParts(sheet, dropped),
    ...[...byMark].flatMap(([mark, cells]) => fillAreas(sheet, areasOfCells(cells), mark)),
  ]);
}

/** Puts back the fills of every highlighted cell, on every sheet, and forgets the highlights. */
export async function clearHighlights(context: Excel.RequestContext, options: HighlightOptions = {}): Promise<{ cells: number }> {
  const stored = loadSetting(context, SETTING_KEYS.highlights);
  const withProtection = excelApi("1.2");
  const sheets = context.workbook.worksheets.load(withProtection ? "items/name, items/protection/protected" : "items/name");
  await context.sync();
  const value = stored();
  if (value === undefined) return { cells: 0 };
  const record = readRecord(value);
  const parts: Part[] = [];
  let cells = 0;
  for (const entry of record.sheets) {
    const ws = sheets.items.find((s) => s.name.toLowerCase() === entry.sheet.toLowerCase());
    if (!ws) continue; // the sheet is gone, and its cells with it
    if (withProtection && ws.protection.protected) throw protectedSheet(ws.name);
    const restored = [...cellsOfSheet(record, entry.sheet).values()];
    cells += restored.length;
    const name = ws.name;
    for (const p of restoreParts(() => context.workbook.worksheets.getItem(name), restored)) parts.push(p);
  }
  // Forgotten last: a clear cut short can be run again and puts back the same fills.
  parts.push({ bytes: ACTION_BYTES, queue: () => removeSetting(context, SETTING_KEYS.highlights) });
  await syncPieces(context, piecesOf(parts), payloadBudget(options));
  return { cells };
}

/** Whether the workbook holds highlights the add-in made (in this session or an earlier one), so clearing has work. */
export async function hasHighlights(context: Excel.RequestContext): Promise<boolean> {
  const stored = loadSetting(context, SETTING_KEYS.highlights);
  await context.sync();
  return readRecord(stored()).sheets.some((s) => s.groups.length > 0);
}

/**
 * Bringing the highlights of a few rows in line with a new check, in the round trips of a live re-check (issue 16):
 * `reads` go with the caller's own reads (the changed cells), then `writes` gives what goes in one more round trip.
 * Nothing is coloured on a sheet the add-in has not highlighted (the user did not ask for colours there).
 */
export interface HighlightRefresh {
  reads: Array<Piece<void>>;
  /**
   * After the reads' round trip: the writes that fill `window`'s cells by the issues now there, put back the fill of
   * any highlighted cell whose issue went away and recolour one whose severity changed; null when the sheet holds no
   * highlights of the add-in or is protected. A new issue outside the window (a later duplicate far away) is listed by
   * the pane but coloured only at the next "Tô màu": its fill was not read, and colouring it unread would lose it.
   */
  writes(issues: readonly Issue[]): { pieces: Array<Piece<void>>; cells: number; unread: number } | null;
}

export function refreshHighlights(
  context: Excel.RequestContext,
  sheetName: string,
  window: ReadonlyArray<{ row: number; col: number }>,
): HighlightRefresh {
  const sheet = () => context.workbook.worksheets.getItem(sheetName);
  let state: { record: HighlightRecord; protected: boolean } | null = null;
  const fills = new Map<string, string | null>();
  const statePiece: Piece<void> = {
    bytes: 3 * ACTION_BYTES,
    queue: () => {
      const record = loadSetting(context, SETTING_KEYS.highlights);
      const protection = excelApi("1.2") ? sheet().protection.load("protected") : null;
      return () => {
        state = { record: readRecord(record()), protected: protection?.protected ?? false };
      };
    },
  };
  const asVoid = (p: Piece<FillReading>): Piece<void> => ({
    bytes: p.bytes,
    queue: () => {
      const read = p.queue();
      return () => {
        for (const f of read()) fills.set(cellKey(f.row, f.col), f.fill);
      };
    },
    split: () => p.split?.()?.map(asVoid) ?? null,
  });
  return {
    reads: [statePiece, ...fillReadPieces(context, sheetName, window).map(asVoid)],
    writes(issues) {
      if (!state || state.protected) return null;
      const before = cellsOfSheet(state.record, sheetName);
      if (before.size === 0) return null;
      const targets = issueCells(issues.filter((i) => i.severity !== "info"));
      const now = new Map(before);
      const dropped: HighlightedCell[] = [];
      const marked: HighlightedCell[] = [];
      let unread = 0;
      for (const [key, earlier] of before) {
        if (targets.has(key) || fills.has(key)) continue;
        dropped.push(earlier);
        now.delete(key);
      }
      for (const [key, target] of targets) {
        const mark = HIGHLIGHT_FILLS[target.severity];
        const earlier = before.get(key);
        if (fills.has(key)) {
          const fill = fills.get(key)!;
          // As in highlightIssues: a cell still showing our colour keeps the fill it had before it.
          const previous = earlier && fill === earlier.mark.toUpperCase() ? earlier.previous : fill;
          const cell = { row: target.row, col: target.col, mark, previous };
          now.set(key, cell);
          if (fill !== mark.toUpperCase()) marked.push(cell);
        } else if (earlier) {
          if (earlier.mark !== mark) {
            const cell = { ...earlier, mark };
            now.set(key, cell);
            marked.push(cell);
          }
        } else unread++;
      }
      for (const [key, fill] of fills) {
        const earlier = before.get(key);
        if (targets.has(key) || !earlier) continue;
        // The issue went away: the cell gets back its own fill, unless the user refilled it since.
        now.delete(key);
        if (fill === earlier.mark.toUpperCase()) dropped.push(earlier);
      }
      const record = withSheet(state.record, sheetName, now.values());
      const pieces = highlightWrites(context, sheet, record, dropped, marked);
      return { pieces, cells: now.size, unread };
    },
  };
}
