/**
 * Reading the engine's grids straight from a workbook's XML, for batches: the command line consolidates hundreds of
 * files, and building ExcelJS's full object model for each costs several times what the tables need. It reads the
 * same things as the ExcelJS path (values, shared and inline strings, rich text, formulas with their cached values,
 * error values, dates by number format, merges, hidden rows) and gives the same grid. Anything it does not expect
 * makes it return null, and the caller reads the file with ExcelJS instead — so odd files are slower, never misread.
 */
import { Cell, Grid, MergeArea } from "../core/sheet/grid";
import { openZip, RawInflate, ZipArchive } from "./zip";

const utf8 = new TextDecoder("utf-8");

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_, e: string) => {
    if (e[0] !== "#") return NAMED[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(text))) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** The value of an attribute whatever its namespace prefix ("r:id", "ns1:id"). */
function attributeByLocalName(attrs: Map<string, string>, local: string): string | undefined {
  for (const [k, v] of attrs) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

// Tags may carry a namespace prefix ("<x:c>" in files written by the Open XML SDK).
const T_RUN = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** The text of a string item (<si>, <is>): its <t> runs joined, phonetic guides left out. */
function itemText(xml: string): string {
  const body = xml.indexOf("rPh") >= 0 ? xml.replace(PHONETIC, "") : xml;
  let out = "";
  T_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = T_RUN.exec(body))) if (m[1]) out += m[1];
  return decodeXml(out);
}

const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  SI.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SI.exec(xml))) out.push(m[1] ? itemText(m[1]) : "");
  return out;
}

/** ExcelJS's built-in number formats (only the ids it knows; the locale-specific ones give no format). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A date format has day, month, year or time letters outside quotes and brackets (as ExcelJS decides). */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface CellFormat {
  format?: string;
  isDate: boolean;
}

function cellFormats(xml: string | null): CellFormat[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const NUMFMT = /<(?:\w+:)?numFmt\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = NUMFMT.exec(xml))) {
    const a = attributes(m[1]);
    const id = Number(a.get("numFmtId"));
    const code = a.get("formatCode");
    if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
  }
  const start = xml.search(/<(?:\w+:)?cellXfs\b/);
  if (start < 0) return [];
  const endMatch = /<\/(?:\w+:)?cellXfs>/.exec(xml.slice(start));
  const block = endMatch ? xml.slice(start, start + endMatch.index) : xml.slice(start);
  const out: CellFormat[] = [];
  const XF = /<(?:\w+:)?xf\b([^>]*?)\/?>/g;
  while ((m = XF.exec(block))) {
    const id = Number(attributes(m[1]).get("numFmtId") ?? 0);
    const format = custom.get(id) ?? BUILTIN_FORMATS[id];
    out.push({ format, isDate: format !== undefined && isDateFormat(format) });
  }
  return out;
}

interface Relationship {
  target: string;
  type: string;
}

function relationships(xml: string | null, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  const REL = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = REL.exec(xml))) {
    const a = attributes(m[1]);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id === undefined || target === undefined || a.get("TargetMode") === "External") continue;
    out.set(id, { target: resolvePath(base, target), type: a.get("Type") ?? "" });
  }
  return out;
}

/** A part's path from a relationship target, relative to the folder of the part that refers to it. */
function resolvePath(base: string, target: string): string {
  const parts = target.startsWith("/") ? [] : base.split("/").filter((p) => p !== "");
  for (const p of target.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

function text(zip: ZipArchive, name: string): string | null {
  const bytes = zip.read(name);
  return bytes ? utf8.decode(bytes) : null;
}

/** Row and column of an A1 reference ("AB12" → 12, 28); null when it is not one. */
function reference(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length) return null;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 ? { row, col } : null;
}

/** A serial date as ExcelJS reads it, written d/m/yyyy like the ExcelJS path. */
function dateText(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

class Unexpected extends Error {}

const ROW = /<(?:\w+:)?row\b([^>]*?)(\/)?>/g;
const ROW_END = /<\/(?:\w+:)?row>/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const CELL_ATTR = /\b([rts])\s*=\s*"([^"]*)"/g;

interface SheetContext {
  strings: string[];
  formats: CellFormat[];
  date1904: boolean;
}

function sheetGrid(name: string, xml: string, ctx: SheetContext): Grid {
  const cells: Cell[][] = [];
  const hidden: number[] = [];
  const masters = new Map<string, string>(); // shared formula index → the master's address, as ExcelJS gives it
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  let data = "";
  let after = start < 0 ? xml : "";
  if (start >= 0) {
    const open = xml.indexOf(">", start);
    if (xml[open - 1] === "/") after = xml.slice(open + 1);
    else {
      // The closing tag is the last one of its name; searching backwards skips the rows.
      const close = xml.lastIndexOf("sheetData>");
      const lt = xml.lastIndexOf("<", close);
      if (close < open || xml[lt + 1] !== "/") throw new Unexpected("sheetData not closed");
      data = xml.slice(open + 1, lt);
      after = xml.slice(close);
    }
  }

  ROW.lastIndex = 0;
  let rowNumber = 0;
  let m: RegExpExecArray | null;
  while ((m = ROW.exec(data))) {
    const rowAttrs = attributes(m[1]);
    const r = rowAttrs.get("r");
    rowNumber = r === undefined ? rowNumber + 1 : Number(r);
    if (!Number.isInteger(rowNumber) || rowNumber < 1) throw new Unexpected("row number");
    if (m[2]) continue;
    ROW_END.lastIndex = ROW.lastIndex;
    const end = ROW_END.exec(data);
    if (!end) throw new Unexpected("row not closed");
    const body = data.slice(ROW.lastIndex, end.index);
    ROW.lastIndex = ROW_END.lastIndex;

    const out: Cell[] = [];
    let col = 0;
    CELL.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = CELL.exec(body))) {
      let ref: string | undefined;
      let type = "n";
      let style = 0;
      CELL_ATTR.lastIndex = 0;
      let a: RegExpExecArray | null;
      while ((a = CELL_ATTR.exec(c[1]))) {
        if (a[1] === "r") ref = a[2];
        else if (a[1] === "t") type = a[2];
        else style = Number(a[2]);
      }
      if (ref !== undefined) {
        const at = reference(ref);
        if (!at || at.row !== rowNumber) throw new Unexpected("cell reference");
        col = at.col;
      } else col++;
      const inner = c[2];
      if (!inner) continue;
      const cell = readCell(inner, type, ctx.formats[style], ctx, masters, ref ?? "");
      if (cell) out[col - 1] = cell;
    }
    if (out.length === 0) continue;
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = { value: null };
    cells[rowNumber - 1] = out;
    const h = rowAttrs.get("hidden");
    if (h === "1" || h === "true") hidden.push(rowNumber);
  }

  const merges = mergeAreas(after);
  // Covered cells of a merge belong to its first cell: the engine applies merges itself.
  for (const mg of merges) {
    for (let r = mg.top; r <= mg.bottom && r <= cells.length; r++) {
      const row = cells[r - 1];
      if (!row) continue;
      for (let col = mg.left; col <= mg.right && col <= row.length; col++) {
        if (r === mg.top && col === mg.left) continue;
        row[col - 1] = { value: null };
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
  const hiddenRows = hidden.filter((r) => r <= maxRow && cells[r - 1].length > 0);
  if (hiddenRows.length) grid.hiddenRows = hiddenRows;
  return grid;
}

function isEmpty(c: Cell | undefined): boolean {
  return !c || (c.value === null && !c.error && !c.formula);
}

function mergeAreas(xml: string): MergeArea[] {
  const out: MergeArea[] = [];
  const MERGE = /<(?:\w+:)?mergeCell\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = MERGE.exec(xml))) {
    const ref = attributes(m[1]).get("ref");
    if (!ref) continue;
    const [a, b] = ref.split(":");
    const from = reference(a);
    const to = b ? reference(b) : from;
    if (!from || !to) throw new Unexpected("merge reference");
    out.push({
      top: Math.min(from.row, to.row),
      left: Math.min(from.col, to.col),
      bottom: Math.max(from.row, to.row),
      right: Math.max(from.col, to.col),
    });
  }
  return out;
}

function readCell(
  inner: string,
  type: string,
  format: CellFormat | undefined,
  ctx: SheetContext,
  masters: Map<string, string>,
  address: string,
): Cell | null {
  const f = inner.indexOf("<") >= 0 && /<(?:\w+:)?f\b/.test(inner) ? FORMULA.exec(inner) : null;
  let formula: string | undefined;
  if (f) {
    const fa = attributes(f[1]);
    const written = f[2] ? decodeXml(f[2]) : "";
    if (fa.get("t") === "shared") {
      const si = fa.get("si") ?? "";
      if (fa.has("ref")) {
        masters.set(si, address);
        formula = written;
      } else formula = masters.get(si) ?? written;
    } else if (written !== "") formula = written;
  }
  let cell: Cell;
  if (type === "inlineStr") {
    const is = INLINE.exec(inner);
    cell = { value: is ? itemText(is[1]) : null };
  } else {
    const v = VALUE.exec(inner);
    const raw = v ? v[1] : undefined;
    if (raw === undefined) cell = { value: null };
    else if (type === "s" && formula === undefined) {
      const s = ctx.strings[Number(raw)];
      if (s === undefined) throw new Unexpected("shared string index");
      cell = { value: s };
    } else if (type === "str" || type === "s") cell = { value: decodeXml(raw) };
    else if (type === "b") cell = { value: parseInt(raw, 10) !== 0 };
    else if (type === "e") cell = { value: null, error: decodeXml(raw) };
    else if (type === "n") {
      const n = parseFloat(raw);
      if (format?.isDate) return withFormula({ value: dateText(n, ctx.date1904), isDate: true, numberFormat: format.format }, formula);
      cell = { value: n };
    } else throw new Unexpected(`cell type ${type}`);
  }
  if (cell.value !== null && format?.format && format.format !== "General") cell.numberFormat = format.format;
  return withFormula(cell, formula);
}

function withFormula(cell: Cell, formula: string | undefined): Cell | null {
  if (formula !== undefined) return { ...cell, formula };
  return cell.value === null && !cell.error ? null : cell;
}

/**
 * Every worksheet of the workbook as a grid, in workbook order; null when the file holds something this reader
 * leaves to ExcelJS (not a plain zip, an unknown cell type, a missing part …).
 */
export function gridsFromXlsx(bytes: Uint8Array, inflateRaw: RawInflate): Grid[] | null {
  try {
    const zip = openZip(bytes, inflateRaw);
    if (!zip) return null;
    const rootRels = relationships(text(zip, "_rels/.rels"), "");
    const office = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"));
    const workbookPath = office?.target ?? "xl/workbook.xml";
    const workbook = text(zip, workbookPath);
    if (!workbook) return null;
    const base = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    const relsPath = `${base}_rels/${workbookPath.slice(base.length)}.rels`;
    const rels = relationships(text(zip, relsPath), base);
    const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

    const stringsPath = byType("/sharedStrings");
    const stringsXml = stringsPath ? text(zip, stringsPath) : null;
    const stylesPath = byType("/styles");
    const pr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(workbook);
    const d1904 = pr ? attributes(pr[1]).get("date1904") : undefined;
    const ctx: SheetContext = {
      strings: stringsXml ? sharedStrings(stringsXml) : [],
      formats: cellFormats(stylesPath ? text(zip, stylesPath) : null),
      date1904: d1904 === "1" || d1904 === "true",
    };

    const grids: Grid[] = [];
    const SHEET = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
    let m: RegExpExecArray | null;
    while ((m = SHEET.exec(workbook))) {
      const a = attributes(m[1]);
      const name = a.get("name");
      const id = attributeByLocalName(a, "id");
      if (name === undefined || id === undefined) return null;
      const rel = rels.get(id);
      if (!rel) return null;
      if (!rel.type.endsWith("/worksheet")) continue; // chart sheets hold no cells
      const xml = text(zip, rel.target);
      if (xml === null) return null;
      grids.push(sheetGrid(name, xml, ctx));
    }
    return grids.length ? grids : null;
  } catch {
    return null;
  }
}
