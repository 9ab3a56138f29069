/**
 * Scattered cells as few rectangles as possible, and rectangles as A1 address lists short enough for
 * Worksheet.getRanges, so a format is one call per style rather than one per cell.
 */
import { columnNumber, rangeAddress, cellAddress } from "../core/sheet/grid";

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel refuses longer multi-area addresses in getRanges; stay under it with room to spare. */
const MAX_ADDRESS_LIST = 8000;

/**
 * Rectangles covering exactly the given [row, col] cells: runs along each row, stacked when consecutive rows have the
 * same run, so a column of cells is one area.
 */
export function areasOfCells(cells: Iterable<readonly [number, number]>): Area[] {
  const byRow = new Map<number, number[]>();
  for (const [row, col] of cells) {
    const cols = byRow.get(row);
    if (cols) cols.push(col);
    else byRow.set(row, [col]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const done: Area[] = [];
  let open = new Map<string, Area>();
  for (const row of rows) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const next = new Map<string, Area>();
    for (let i = 0; i < cols.length;) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const key = `${cols[i]}:${cols[j]}`;
      const above = open.get(key);
      if (above && above.bottom === row - 1) {
        above.bottom = row;
        open.delete(key);
        next.set(key, above);
      } else next.set(key, { top: row, left: cols[i], bottom: row, right: cols[j] });
      i = j + 1;
    }
    for (const a of open.values()) done.push(a);
    open = next;
  }
  for (const a of open.values()) done.push(a);
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

export function areaAddress(a: Area): string {
  return a.top === a.bottom && a.left === a.right ? cellAddress(a.top, a.left) : rangeAddress(a.top, a.left, a.bottom, a.right);
}

/** Comma-separated address lists, each at most `maxLength` characters. */
export function addressLists(areas: readonly Area[], maxLength = MAX_ADDRESS_LIST): string[] {
  const lists: string[] = [];
  let current = "";
  for (const a of areas) {
    const address = areaAddress(a);
    if (current && current.length + 1 + address.length > maxLength) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

/** The areas of an address list written by addressLists ("A1:B2,D4"); null when it is not one. */
export function parseAddressList(list: string): Area[] | null {
  const out: Area[] = [];
  for (const part of list.split(",")) {
    const m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(part.trim());
    if (!m) return null;
    const top = Number(m[2]);
    const left = columnNumber(m[1]);
    const bottom = m[4] ? Number(m[4]) : top;
    const right = m[3] ? columnNumber(m[3]) : left;
    if (top < 1 || left < 1 || bottom < top || right < left) return null;
    out.push({ top, left, bottom, right });
  }
  return out;
}

export function cellCount(areas: readonly Area[]): number {
  return areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
}

/** Every [row, col] cell of the areas. */
export function* cellsOf(areas: readonly Area[]): Generator<[number, number]> {
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) yield [r, c];
}
