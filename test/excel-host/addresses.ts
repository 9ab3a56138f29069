/**
 * A1 addresses as Excel reads and writes them. Inside the stand-in every rectangle is 0-based and
 * inclusive (`Rect`); addresses shown to callers are 1-based A1 text, sheet-qualified the way
 * Excel qualifies them ("Sheet1!A1:C5", "'Tổng hợp'!B2").
 */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rect(top: number, left: number, bottom: number, right: number): Rect {
  return { top, left, bottom, right };
}

export function rowCountOf(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function columnCountOf(r: Rect): number {
  return r.right - r.left + 1;
}

export function cellCountOf(r: Rect): number {
  return rowCountOf(r) * columnCountOf(r);
}

export function isEntireColumns(r: Rect): boolean {
  return r.top === 0 && r.bottom === MAX_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.left === 0 && r.right === MAX_COLUMNS - 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return rect(Math.max(a.top, b.top), Math.max(a.left, b.left), Math.min(a.bottom, b.bottom), Math.min(a.right, b.right));
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return rect(Math.min(a.top, b.top), Math.min(a.left, b.left), Math.max(a.bottom, b.bottom), Math.max(a.right, b.right));
}

export function isInsideSheet(r: Rect): boolean {
  return r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROWS && r.right < MAX_COLUMNS && r.top <= r.bottom && r.left <= r.right;
}

/** 0-based column → letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column, or -1 when out of Excel's range. */
export function columnFromLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n >= 1 && n <= MAX_COLUMNS ? n - 1 : -1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1:C5", "B2" for one cell, "A:C" for whole columns, "3:5" for whole rows. */
export function rectAddress(r: Rect): string {
  if (isEntireRows(r)) return `${r.top + 1}:${r.bottom + 1}`;
  if (isEntireColumns(r)) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  const first = cellAddress(r.top, r.left);
  if (r.top === r.bottom && r.left === r.right) return first;
  return `${first}:${cellAddress(r.bottom, r.right)}`;
}

const PLAIN_SHEET_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;
const LOOKS_LIKE_A1 = /^[A-Za-z]{1,3}\d+$/;
const LOOKS_LIKE_R1C1 = /^[Rr]\d*[Cc]?\d*$|^[Cc]\d*$/;

/** Excel quotes a sheet name in a reference unless it is a plain word that cannot be read as a cell. */
export function quoteSheetName(name: string): string {
  const plain = PLAIN_SHEET_NAME.test(name) && !LOOKS_LIKE_A1.test(name) && !LOOKS_LIKE_R1C1.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${rectAddress(r)}`;
}

interface CellRef {
  row?: number;
  col?: number;
}

function parseCellRef(text: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  const ref: CellRef = {};
  if (m[1]) {
    const col = columnFromLetters(m[1]);
    if (col < 0) return null;
    ref.col = col;
  }
  if (m[2]) {
    const row = Number(m[2]);
    if (row < 1 || row > MAX_ROWS) return null;
    ref.row = row - 1;
  }
  return ref;
}

export interface RangeRef {
  sheet?: string;
  rect: Rect;
}

/** Splits "Sheet1!A1:B2" into its sheet part (unquoted) and its address part. */
function splitSheet(text: string): { sheet?: string; rest: string } | null {
  const t = text.trim();
  if (t.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < t.length) {
      if (t[i] === "'") {
        if (t[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += t[i];
      i += 1;
    }
    if (t[i] !== "'" || t[i + 1] !== "!") return null;
    return { sheet: name, rest: t.slice(i + 2) };
  }
  const bang = t.lastIndexOf("!");
  if (bang < 0) return { rest: t };
  return { sheet: t.slice(0, bang), rest: t.slice(bang + 1) };
}

/**
 * Parses one area: "A1", "$A$1:$C$5", "A:C", "3:5", "Sheet1!A1:B2", "'My sheet'!B2".
 * Returns null for anything Excel would not read as a reference (names are not modelled).
 */
export function parseRangeRef(text: string): RangeRef | null {
  const parts = splitSheet(text);
  if (!parts) return null;
  const pieces = parts.rest.trim().split(":");
  if (pieces.length < 1 || pieces.length > 2) return null;
  const a = parseCellRef(pieces[0]);
  const b = pieces.length === 2 ? parseCellRef(pieces[1]) : a;
  if (!a || !b) return null;
  const aFull = a.row !== undefined && a.col !== undefined;
  const bFull = b.row !== undefined && b.col !== undefined;
  let r: Rect;
  if (aFull && bFull) {
    r = rect(Math.min(a.row!, b.row!), Math.min(a.col!, b.col!), Math.max(a.row!, b.row!), Math.max(a.col!, b.col!));
  } else if (pieces.length === 2 && a.row === undefined && b.row === undefined && a.col !== undefined && b.col !== undefined) {
    r = rect(0, Math.min(a.col, b.col), MAX_ROWS - 1, Math.max(a.col, b.col));
  } else if (pieces.length === 2 && a.col === undefined && b.col === undefined && a.row !== undefined && b.row !== undefined) {
    r = rect(Math.min(a.row, b.row), 0, Math.max(a.row, b.row), MAX_COLUMNS - 1);
  } else {
    return null;
  }
  return parts.sheet !== undefined ? { sheet: parts.sheet, rect: r } : { rect: r };
}

/** Splits a multi-area address on commas (or semicolons) that are not inside a quoted sheet name. */
export function splitAreas(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") {
      if (quoted && text[i + 1] === "'") {
        current += "''";
        i += 1;
        continue;
      }
      quoted = !quoted;
    }
    if (!quoted && (ch === "," || ch === ";")) {
      out.push(current.trim());
      current = "";
      continue;
    }
    current += ch;
  }
  out.push(current.trim());
  return out;
}
