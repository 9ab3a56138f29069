/**
 * One worksheet part as the engine's grid, read with the XML scanner: values, shared and inline strings, formulas
 * with their cached values, error values, dates (by number format, and ISO dates of t="d" cells), merges, hidden rows.
 *
 * A sheet costs what its data costs: rows are sparse (a stray value in column XFD is one cell, not 16,384), and a
 * reference past Excel's last row or column is damage, said as such, never a reason to allocate.
 */
import { dateText, serialDateText } from "../core/sheet/cell-meaning";
import { Cell, Grid, MergeArea } from "../core/sheet/grid";
import { readDetailText } from "./read-failure-text";
import type { SheetProblem } from "./read-failure-text";
import { scanXml, textValue, XmlAttributes, XmlHandler } from "./xml-scanner";
import { PlainTag } from "./xml-plain";
import { StringCellTag } from "./xml-string-cell";

/** Excel's sheet: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** The file says something a workbook cannot (a cell past XFD, one row twice): named, not guessed at. */
export class SheetDamage extends Error {
  constructor(readonly problem: SheetProblem) {
    super(readDetailText({ kind: "sheet", problem }, "en"));
  }
}

/** Something valid this reader leaves to ExcelJS (an unknown cell type). */
export class Unexpected extends Error {}

export interface CellFormat {
  format?: string;
  isDate: boolean;
}

export interface SheetContext {
  strings: string[];
  formats: CellFormat[];
  date1904: boolean;
}

/** ECMA-376 escapes of characters XML cannot hold or would normalise away: "_x000D_" is a carriage return. */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Row and column of an A1 reference ("AB12" → 12, 28); null when it is not one. Past the sheet's limits is damage. */
export function reference(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 8; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length || ref.length - i > 10) return null;
  // One to ten digits, read in place: this runs for every cell of the sheet.
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  if (row < 1) return null;
  if (col > MAX_COLS || row > MAX_ROWS) throw new SheetDamage({ kind: "cell-beyond", ref });
  return { row, col };
}

/** An ISO 8601 date of a t="d" cell ("2025-03-17", "2025-03-17T08:30:00Z"), read as the date written. */
function isoDateText(raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
  if (!m) return dateText(new Date(raw));
  return `${Number(m[3])}/${Number(m[2])}/${Number(m[1])}`;
}

function isEmpty(c: Cell | undefined): boolean {
  return !c || (c.value === null && !c.error && !c.formula);
}

class SheetReader implements XmlHandler {
  readonly cells: Cell[][] = [];
  readonly hidden: number[] = [];
  readonly merges: MergeArea[] = [];
  private readonly masters = new Map<string, string>(); // shared formula index → the master's address, as ExcelJS gives it
  private maxRow = 0;
  private inSheetData = false;
  private rowNumber = 0;
  private row: Cell[] | null = null;
  private rowHidden = false;
  private col = 0;
  private lastCol = 0;
  // The cell being read.
  private inCell = false;
  private ref: string | undefined;
  private type = "n";
  private style = 0;
  private value: string | undefined;
  private formula: { text: string; shared: boolean; si: string; master: boolean } | undefined;
  private inline: string | undefined;
  private collecting: "v" | "f" | "t" | null = null;
  private phonetic = 0;
  private inInline = false;

  constructor(private readonly ctx: SheetContext) {}

  get wantsText(): boolean {
    return this.collecting !== null;
  }

  open(name: string, a: XmlAttributes, selfClosing: boolean): void {
    if (this.inCell) {
      if (name === "v") this.startText("v");
      else if (name === "f") {
        const t = a.get("t");
        this.formula = { text: "", shared: t === "shared", si: a.get("si") ?? "", master: a.get("ref") !== undefined };
        this.startText("f");
      } else if (name === "is") {
        this.inInline = true;
        this.inline = "";
      } else if (name === "rPh") this.phonetic++;
      else if (name === "t" && this.inInline && this.phonetic === 0) this.startText("t");
      if (selfClosing) this.collecting = null;
      return;
    }
    if (name === "sheetData") this.inSheetData = !selfClosing;
    else if (name === "row" && this.inSheetData) this.openRow(a);
    else if (name === "c" && this.row) this.openCell(a, selfClosing);
    else if (name === "mergeCell") this.addMerge(a.get("ref"));
  }

  private readonly tag = new PlainTag();
  private readonly stringCell = new StringCellTag();

  /**
   * The rows of sheetData read here while they are written plainly — rows of cells that hold at most one <v> — through
   * the same openRow/openCell/closeCell as the scanner's events. A row that is not (a formula, an inline string, a
   * comment, a prefix) is left to the scanner, read again from its start; the rows after it come back here.
   */
  inside(name: string, xml: string, from: number): number {
    if (name !== "sheetData" || !this.inSheetData || this.inCell || this.row !== null) return from;
    const tag = this.tag;
    let at = from;
    for (;;) {
      const lt = xml.indexOf("<", at);
      if (lt < 0 || !tag.read(xml, lt) || !tag.is("row")) return at;
      this.rowBefore = this.rowNumber;
      this.maxRowBefore = this.maxRow;
      this.openRow(tag);
      let p = tag.end;
      if (!tag.selfClosing) {
        for (;;) {
          const next = xml.indexOf("<", p);
          if (next < 0) return this.leaveRow(at);
          if (xml.startsWith("</row>", next)) {
            p = next + 6;
            break;
          }
          if (this.stringCell.read(xml, next) && this.placeStringCell(this.stringCell)) {
            p = this.stringCell.end;
            continue;
          }
          if (!tag.read(xml, next) || !tag.is("c")) return this.leaveRow(at);
          this.openCell(tag, tag.selfClosing);
          p = tag.end;
          if (tag.selfClosing) continue;
          let end = xml.indexOf("<", p);
          if (end >= 0 && xml.startsWith("<v>", end)) {
            const close = xml.indexOf("<", end + 3);
            if (close < 0 || !xml.startsWith("</v>", close)) return this.leaveRow(at);
            this.value = textValue(xml.slice(end + 3, close));
            end = xml.indexOf("<", close + 4);
          }
          if (end < 0 || !xml.startsWith("</c>", end)) return this.leaveRow(at);
          this.closeCell();
          p = end + 4;
        }
      }
      this.closeRow();
      at = p;
    }
  }

  /**
   * A shared-string cell read whole, placed as openCell and readCell would place it; false leaves it to them, which
   * say what is wrong with it (not in its row, past XFD, twice, an index past the shared strings).
   */
  private placeStringCell(t: StringCellTag): boolean {
    if (t.col !== 0 && t.row !== this.rowNumber) return false;
    const col = t.col === 0 ? this.col + 1 : t.col;
    if (col > MAX_COLS || (col <= this.lastCol && this.row![col - 1] !== undefined)) return false;
    const s = this.ctx.strings[t.index];
    if (s === undefined) return false;
    this.col = col;
    this.lastCol = Math.max(this.lastCol, col);
    this.row![col - 1] = stringCell(s, this.ctx.formats[t.style]);
    return true;
  }

  private rowBefore = 0;
  private maxRowBefore = 0;

  /** A row left half read by `inside`: forgotten, for the scanner to read from its start (a row without r="…" too). */
  private leaveRow(at: number): number {
    this.rowNumber = this.rowBefore;
    this.maxRow = this.maxRowBefore;
    this.inCell = false;
    this.collecting = null;
    this.row = null;
    return at;
  }

  private textBuffer = "";
  private startText(kind: "v" | "f" | "t"): void {
    this.collecting = kind;
    this.textBuffer = "";
  }

  text(text: string): void {
    this.textBuffer += text;
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === "v" && this.collecting === "v") this.value = (this.value ?? "") + this.textBuffer;
      else if (name === "f" && this.collecting === "f" && this.formula) this.formula.text = this.textBuffer;
      else if (name === "t" && this.collecting === "t") this.inline += decodeEscapes(this.textBuffer);
      else if (name === "rPh") this.phonetic--;
      else if (name === "is") this.inInline = false;
      else if (name === "c") this.closeCell();
      if (name === "v" || name === "f" || name === "t") this.collecting = null;
      return;
    }
    if (name === "row" && this.row) this.closeRow();
    else if (name === "sheetData") this.inSheetData = false;
  }

  private openRow(a: XmlAttributes): void {
    const r = a.get("r");
    const n = r === undefined ? this.rowNumber + 1 : /^[0-9]{1,10}$/.test(r.trim()) ? Number(r) : NaN;
    if (!Number.isInteger(n) || n < 1) throw new SheetDamage({ kind: "bad-row-number", value: String(r) });
    if (n > MAX_ROWS) throw new SheetDamage({ kind: "row-beyond", row: n });
    // Rows come in order; one that comes back to a row already holding cells would overwrite them.
    if (n <= this.maxRow && this.cells[n - 1] !== undefined) throw new SheetDamage({ kind: "row-twice", row: n });
    this.maxRow = Math.max(this.maxRow, n);
    this.rowNumber = n;
    this.row = [];
    this.col = 0;
    this.lastCol = 0;
    const h = a.get("hidden");
    this.rowHidden = h === "1" || h === "true";
  }

  private closeRow(): void {
    const out = this.row!;
    this.row = null;
    if (out.length === 0) return;
    this.cells[this.rowNumber - 1] = out;
    if (this.rowHidden) this.hidden.push(this.rowNumber);
  }

  private openCell(a: XmlAttributes, selfClosing: boolean): void {
    this.ref = a.get("r");
    if (this.ref !== undefined) {
      const at = reference(this.ref);
      if (!at || at.row !== this.rowNumber) throw new SheetDamage({ kind: "cell-not-in-row", ref: String(this.ref), row: this.rowNumber });
      this.col = at.col;
    } else if (++this.col > MAX_COLS) throw new SheetDamage({ kind: "row-past-xfd", row: this.rowNumber });
    if (this.col <= this.lastCol && this.row![this.col - 1] !== undefined) {
      throw new SheetDamage({ kind: "cell-twice", ref: this.ref ?? `${this.rowNumber}:${this.col}` });
    }
    this.lastCol = Math.max(this.lastCol, this.col);
    if (selfClosing) return;
    this.inCell = true;
    this.type = a.get("t") ?? "n";
    this.style = Number(a.get("s") ?? 0);
    this.value = undefined;
    this.formula = undefined;
    this.inline = undefined;
    this.phonetic = 0;
    this.inInline = false;
  }

  private closeCell(): void {
    this.inCell = false;
    this.collecting = null;
    const cell = this.readCell();
    if (cell) this.row![this.col - 1] = cell;
  }

  private readCell(): Cell | null {
    const { ctx, type } = this;
    const format = ctx.formats[this.style];
    let formula: string | undefined;
    const f = this.formula;
    if (f) {
      if (f.shared) {
        if (f.master) {
          this.masters.set(f.si, this.ref ?? "");
          formula = f.text;
        } else formula = this.masters.get(f.si) ?? f.text;
      } else if (f.text !== "") formula = f.text;
    }
    let cell: Cell;
    const raw = this.value;
    if (type === "inlineStr") cell = { value: this.inline ?? null };
    else if (raw === undefined) cell = { value: null };
    else if (type === "s" && formula === undefined) {
      const s = ctx.strings[Number(raw)];
      if (s === undefined) throw new SheetDamage({ kind: "missing-shared-string", ref: this.ref ?? "", index: String(raw) });
      return stringCell(s, format);
    } else if (type === "str" || type === "s") cell = { value: raw };
    else if (type === "b") cell = { value: parseInt(raw, 10) !== 0 };
    else if (type === "e") cell = { value: null, error: raw };
    else if (type === "d") return withFormula({ value: isoDateText(raw), isDate: true, numberFormat: format?.format }, formula);
    else if (type === "n") {
      const n = parseFloat(raw);
      if (format?.isDate)
        return withFormula({ value: serialDateText(n, ctx.date1904), isDate: true, numberFormat: format.format }, formula);
      cell = { value: n };
    } else throw new Unexpected(`cell type ${type}`);
    if (cell.value !== null && format?.format && format.format !== "General") cell.numberFormat = format.format;
    return withFormula(cell, formula);
  }

  private addMerge(ref: string | undefined): void {
    if (!ref) return;
    const [a, b] = ref.split(":");
    const from = reference(a);
    const to = b ? reference(b) : from;
    if (!from || !to) throw new SheetDamage({ kind: "merge-not-range", ref: String(ref) });
    this.merges.push({
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
    });
  }
}

/** A shared string's cell: its number format kept when it is not General (a text format "@" is). */
function stringCell(s: string, format: CellFormat | undefined): Cell {
  const cell: Cell = { value: s };
  if (format?.format && format.format !== "General") cell.numberFormat = format.format;
  return cell;
}

function withFormula(cell: Cell, formula: string | undefined): Cell | null {
  if (formula !== undefined) return { ...cell, formula };
  return cell.value === null && !cell.error ? null : cell;
}

export function sheetGrid(name: string, xml: string, ctx: SheetContext): Grid {
  const reader = new SheetReader(ctx);
  scanXml(xml, reader);
  const { cells, merges } = reader;
  // Covered cells of a merge belong to its first cell: the engine applies merges itself.
  for (const mg of merges) {
    for (let r = mg.top; r <= mg.bottom && r <= cells.length; r++) {
      const row = cells[r - 1];
      if (!row) continue;
      for (let col = mg.left; col <= mg.right && col <= row.length; col++) {
        if (r === mg.top && col === mg.left) continue;
        if (row[col - 1] !== undefined) row[col - 1] = { value: null };
      }
      let last = row.length;
      while (last > 0 && isEmpty(row[last - 1])) last--;
      row.length = last;
    }
  }
  let maxRow = cells.length;
  while (maxRow > 0 && (cells[maxRow - 1] === undefined || cells[maxRow - 1].length === 0)) maxRow--;
  cells.length = maxRow;
  for (let i = 0; i < maxRow; i++) if (cells[i] === undefined) cells[i] = [];
  const grid: Grid = { sheetName: name, originRow: 1, originCol: 1, cells, merges };
  const hiddenRows = reader.hidden.filter((r) => r <= maxRow && cells[r - 1].length > 0);
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  return grid;
}
