/**
 * Reading the engine's grids straight from a workbook's XML, for batches: the command line consolidates hundreds of
 * files, and building ExcelJS's full object model for each costs several times what the tables need. It reads the
 * same things as the ExcelJS path (values, shared and inline strings, rich text, formulas with their cached values,
 * error values, dates by number format, merges, hidden rows) and gives the same grid — and reads right what ExcelJS
 * does not (ISO date cells, UTF-16 parts). Parts are read with a real XML scanner, so comments, CDATA, quotes of
 * either kind and ">" inside attributes read as XML means them. What it cannot read it hands to ExcelJS; what no
 * reader should try (a cell past XFD1048576, a row written twice, a sheet part listed for two sheets' worth of rows)
 * it names.
 */
import { isDateFormat } from "../core/sheet/cell-meaning";
import { Grid } from "../core/sheet/grid";
import { CellFormat, decodeEscapes, SheetContext, SheetDamage, sheetGrid, Unexpected } from "./sheet-xml";
import { scanXml, textValue, XmlAttributes, XmlError, XmlHandler } from "./xml-scanner";
import { PlainTag } from "./xml-plain";
import { isAgencyListPart } from "./owned-sheets";
import { openZip, RawInflate, shownName, ZipArchive, ZipEntryError } from "./zip";
import type { ReadDetail } from "./read-failure-text";

export { decodeXml } from "./xml-scanner";

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

/** Collects what a handler wants from elements of interest; text only inside the elements it asks for. */
function elements(
  xml: string,
  onOpen: (name: string, a: XmlAttributes) => void,
  textOf?: (name: string) => boolean,
  onText?: (name: string, text: string) => void,
): void {
  let collecting: string | null = null;
  let buffer = "";
  const handler: XmlHandler = {
    get wantsText() {
      return collecting !== null;
    },
    open(name, a, selfClosing) {
      onOpen(name, a);
      if (textOf?.(name) && !selfClosing) {
        collecting = name;
        buffer = "";
      }
    },
    close(name) {
      if (name === collecting) {
        onText?.(name, buffer);
        collecting = null;
      }
    },
    text(t) {
      buffer += t;
    },
  };
  scanXml(xml, handler);
}

/** The start tags of plainly written shared strings, read in place (one at a time: reading is synchronous). */
const tag = new PlainTag();

/** The shared strings: each <si>'s <t> runs joined, phonetic guides (<rPh>) left out, escapes decoded. */
function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let phonetic = 0;
  let inT = false;
  let buffer = "";
  scanXml(xml, {
    get wantsText() {
      return inT;
    },
    open(name, _a, selfClosing) {
      if (name === "si") current = selfClosing ? null : "";
      if (selfClosing && name === "si") out.push("");
      else if (name === "rPh") phonetic++;
      else if (name === "t" && current !== null && phonetic === 0 && !selfClosing) {
        inT = true;
        buffer = "";
      }
    },
    close(name) {
      if (name === "t" && inT) {
        current += decodeEscapes(buffer);
        inT = false;
      } else if (name === "rPh") phonetic--;
      else if (name === "si" && current !== null) {
        out.push(current);
        current = null;
      }
    },
    text(t) {
      buffer += t;
    },
    // Items written plainly, <si><t>text</t></si>, are read here; one that is not (rich text runs, phonetic guides,
    // a comment, space between the tags) is left to the scanner, from its start, and the items after it come back.
    inside(name, xml, from) {
      if (name !== "sst" || current !== null) return from;
      let at = from;
      for (;;) {
        const lt = xml.indexOf("<", at);
        if (lt < 0 || !xml.startsWith("<si><", lt) || !tag.read(xml, lt + 4) || !tag.is("t") || tag.selfClosing) return at;
        const close = xml.indexOf("<", tag.end);
        if (close < 0 || !xml.startsWith("</t></si>", close)) return at;
        out.push(decodeEscapes(textValue(xml.slice(tag.end, close))));
        at = close + 9;
      }
    },
  });
  return out;
}

function cellFormats(xml: string | null): CellFormat[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const out: CellFormat[] = [];
  let inCellXfs = false;
  let xfIds: number[] = [];
  elements(xml, (name, a) => {
    if (name === "numFmt") {
      const id = Number(a.get("numFmtId"));
      const code = a.get("formatCode");
      if (Number.isFinite(id) && code !== undefined) custom.set(id, code);
    } else if (name === "cellXfs") inCellXfs = true;
    else if (name === "xf" && inCellXfs) xfIds.push(Number(a.get("numFmtId") ?? 0));
    else if (name === "cellStyles" || name === "dxfs") inCellXfs = false;
  });
  for (const id of xfIds) {
    const format = custom.get(id) ?? BUILTIN_FORMATS[id];
    out.push({ format, isDate: format !== undefined && isDateFormat(format) });
  }
  xfIds = [];
  return out;
}

interface Relationship {
  target: string;
  type: string;
}

function relationships(xml: string | null, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  elements(xml, (name, a) => {
    if (name !== "Relationship") return;
    const id = a.get("Id");
    const target = a.get("Target");
    if (id === undefined || target === undefined || a.get("TargetMode") === "External") return;
    out.set(id, { target: resolvePath(base, target), type: a.get("Type") ?? "" });
  });
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

/**
 * Turns UTF-8 bytes into text exactly as TextDecoder does (a leading byte order mark dropped, bytes that are not UTF-8
 * read as U+FFFD). The command line passes Node's native one (native-text.ts): V8's own decoder reads Vietnamese text
 * at a quarter of the speed, and the shared strings of a large table are tens of megabytes.
 */
export type Utf8Decode = (bytes: Uint8Array) => string;

const utf8 = new TextDecoder("utf-8");
const decodeWithTextDecoder: Utf8Decode = (bytes) => utf8.decode(bytes);

/** A part's text in the encoding it declares: UTF-8 mostly, UTF-16 with its byte order mark, or as its declaration says. */
export function partText(bytes: Uint8Array, decodeUtf8: Utf8Decode = decodeWithTextDecoder): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder("utf-16be").decode(bytes);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 100));
  const declared = /^(?:\ufeff|\u00ef\u00bb\u00bf)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== "utf-8" && declared !== "utf8") {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      throw new Unexpected(`encoding ${declared}`);
    }
  }
  return decodeUtf8(bytes);
}

/** What the XML reader made of a workbook. */
export type XmlRead =
  | { kind: "grids"; grids: Grid[] }
  /** Valid, but for ExcelJS to read (an unknown cell type, XML this reader refuses). */
  | { kind: "fallback"; why: string }
  /** Refused, with the reason: no reader should try it. */
  | { kind: "damaged" | "too-large"; detail: ReadDetail };

interface ListedSheet {
  name: string;
  target: string;
}

/** The worksheets the workbook lists, in order; chart sheets hold no cells. */
function listedSheets(workbook: string, rels: Map<string, Relationship>): ListedSheet[] | XmlRead {
  const out: ListedSheet[] = [];
  let problem: XmlRead | null = null;
  elements(workbook, (name, a) => {
    if (name !== "sheet" || problem) return;
    const sheetName = a.get("name");
    const id = a.get("id");
    if (sheetName === undefined || id === undefined) problem = { kind: "fallback", why: "a sheet without a name or id" };
    else {
      const rel = rels.get(id);
      if (!rel) problem = { kind: "fallback", why: `no relationship ${id}` };
      else if (rel.type.endsWith("/worksheet")) out.push({ name: sheetName, target: rel.target });
    }
  });
  return problem ?? out;
}

/** Every worksheet of an opened workbook as a grid, in workbook order, or why not. */
export function readXmlWorkbook(zip: ZipArchive, decodeUtf8: Utf8Decode = decodeWithTextDecoder): XmlRead {
  const text = (name: string): string | null => {
    const bytes = zip.read(name);
    return bytes ? partText(bytes, decodeUtf8) : null;
  };
  try {
    const rootRels = relationships(text("_rels/.rels"), "");
    const office = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"));
    const workbookPath = office?.target ?? "xl/workbook.xml";
    const workbook = text(workbookPath);
    if (!workbook) return { kind: "fallback", why: "no workbook part" };
    const base = workbookPath.slice(0, workbookPath.lastIndexOf("/") + 1);
    const relsPath = `${base}_rels/${workbookPath.slice(base.length)}.rels`;
    const rels = relationships(text(relsPath), base);
    const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

    const stringsPath = byType("/sharedStrings");
    const stringsXml = stringsPath ? text(stringsPath) : null;
    const stylesPath = byType("/styles");
    let d1904: string | undefined;
    elements(workbook, (name, a) => {
      if (name === "workbookPr") d1904 = a.get("date1904");
    });
    const ctx: SheetContext = {
      strings: stringsXml ? sharedStrings(stringsXml) : [],
      formats: cellFormats(stylesPath ? text(stylesPath) : null),
      date1904: d1904 === "1" || d1904 === "true",
    };

    const sheets = listedSheets(workbook, rels);
    if (!Array.isArray(sheets)) return sheets;
    const missing = sheets.filter((s) => !zip.entries.has(s.target)).map((s) => shownName(s.name));
    if (missing.length) return { kind: "damaged", detail: { kind: "sheets-missing", sheets: missing } };
    const grids: Grid[] = [];
    // A part listed for several sheets (or a name listed twice) is one sheet: read once, or its rows multiply.
    const readParts = new Set<string>();
    const names = new Set<string>();
    for (const s of sheets) {
      if (readParts.has(s.target) || names.has(s.name)) continue;
      readParts.add(s.target);
      names.add(s.name);
      const xml = text(s.target)!;
      // The product's own agency list (owned-sheets.ts) is no table of the user's: not checked, never merged.
      if (isAgencyListPart(zip, s.target, xml)) continue;
      try {
        grids.push(sheetGrid(s.name, xml, ctx));
      } catch (e) {
        if (e instanceof SheetDamage) return { kind: "damaged", detail: { kind: "sheet", sheet: shownName(s.name), problem: e.problem } };
        throw e;
      }
    }
    return grids.length ? { kind: "grids", grids } : { kind: "fallback", why: "no worksheet" };
  } catch (e) {
    if (e instanceof ZipEntryError) return { kind: e.failure.kind, detail: e.failure.detail };
    if (e instanceof SheetDamage) return { kind: "damaged", detail: { kind: "sheet", problem: e.problem } };
    if (e instanceof XmlError || e instanceof Unexpected) return { kind: "fallback", why: e.message };
    throw e;
  }
}

/**
 * Every worksheet of the workbook as a grid, in workbook order; null when the file holds something this reader
 * leaves to ExcelJS or refuses.
 */
export function gridsFromXlsx(bytes: Uint8Array, inflateRaw: RawInflate, decodeUtf8?: Utf8Decode): Grid[] | null {
  const opened = openZip(bytes, inflateRaw);
  if (!opened.ok) return null;
  const read = readXmlWorkbook(opened.zip, decodeUtf8);
  return read.kind === "grids" ? read.grids : null;
}
