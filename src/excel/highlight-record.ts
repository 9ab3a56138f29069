/**
 * What the add-in remembers of its highlights, in the workbook's settings: per sheet, the cells it filled, with which
 * colour, and the fill each of them had before (null: no fill), so clearing puts the user's own fills back exactly.
 */
import { z } from "zod";
import { Area, areasOfCells, cellsOf, parseAddressList, areaAddress } from "./cell-areas";

const FillGroupSchema = z.object({
  /** The colour the add-in put there. */
  mark: z.string(),
  /** The fill the cells had before; null for no fill. */
  previous: z.string().nullable(),
  /** The cells, as an address list ("A7:A9,C12"). */
  cells: z.string(),
});

const HighlightRecordSchema = z.object({
  version: z.literal(1),
  sheets: z.array(z.object({ sheet: z.string(), groups: z.array(FillGroupSchema) })),
});

export type HighlightRecord = z.infer<typeof HighlightRecordSchema>;

/** One highlighted cell: where, the colour put there, the fill it had before. */
export interface HighlightedCell {
  row: number;
  col: number;
  mark: string;
  previous: string | null;
}

const EMPTY_RECORD: HighlightRecord = { version: 1, sheets: [] };

/** The stored record; an unreadable one is treated as none (nothing to restore) rather than failing the pane. */
export function readRecord(stored: unknown): HighlightRecord {
  const parsed = HighlightRecordSchema.safeParse(stored);
  return parsed.success ? parsed.data : EMPTY_RECORD;
}

export const cellKey = (row: number, col: number): string => `${row}:${col}`;

/** The highlighted cells of one sheet of the record, by "row:col". */
export function cellsOfSheet(record: HighlightRecord, sheet: string): Map<string, HighlightedCell> {
  const out = new Map<string, HighlightedCell>();
  for (const entry of record.sheets) {
    if (entry.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    for (const g of entry.groups) {
      for (const [row, col] of cellsOf(parseAddressList(g.cells) ?? []))
        out.set(cellKey(row, col), { row, col, mark: g.mark, previous: g.previous });
    }
  }
  return out;
}

/** Cells grouped by (mark, previous fill) as areas. */
function groupCells(cells: Iterable<HighlightedCell>): Array<{ mark: string; previous: string | null; areas: Area[] }> {
  const groups = new Map<string, { mark: string; previous: string | null; cells: Array<[number, number]> }>();
  for (const c of cells) {
    const key = `${c.mark}|${c.previous ?? ""}`;
    const g = groups.get(key) ?? { mark: c.mark, previous: c.previous, cells: [] };
    g.cells.push([c.row, c.col]);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ mark: g.mark, previous: g.previous, areas: areasOfCells(g.cells) }));
}

/** The record with `sheet`'s entry replaced by these cells (or removed when there are none). */
export function withSheet(record: HighlightRecord, sheet: string, cells: Iterable<HighlightedCell>): HighlightRecord {
  const others = record.sheets.filter((s) => s.sheet.toLowerCase() !== sheet.toLowerCase());
  const groups = groupCells(cells).map((g) => ({ mark: g.mark, previous: g.previous, cells: g.areas.map(areaAddress).join(",") }));
  return { version: 1, sheets: groups.length ? [...others, { sheet, groups }] : others };
}
