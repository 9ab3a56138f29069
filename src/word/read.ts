/**
 * Reading a .docx straight from its WordprocessingML parts (document, numbering, styles) with the project's zip
 * reader: body paragraphs with the numbers Word displays, and every table, in body order, as the engine's grid with
 * its merges and repeated header rows. Tracked changes are read as accepted, fields as their result.
 */
import { inflateRaw as pakoInflateRaw } from "pako";
import { openZip, RawInflate, ZipArchive } from "../xlsx/zip";
import { wordFailureText } from "./failure-text";
import type { WordPartProblem, WordReadDetail, WordReadFailure } from "./failure-text";
import { fileKind } from "./file-kind";
import { NumberingCounter, NO_NUMBERING, readNumbering } from "./numbering";
import { readParagraph, ReadContext, readStyles } from "./paragraph-text";
import { W, normaliseNamespaces } from "./wordml";
import { readTable, TableRead, unwrapped } from "./word-table";
import { attr, childrenNamed, child, parseXml, XmlElement } from "./xml";
import { Grid } from "../core/sheet/grid";

export interface WordParagraph {
  /** 0-based order among body paragraphs (outside tables). */
  index: number;
  /** Accepted text (insertions in, deletions out, fields as their result), soft breaks as "\n". */
  text: string;
  /** What Word displays from automatic numbering ("2.1.", "a)", "I."); undefined when none. */
  numberText?: string;
  /** The numbering level (0-based) when numbered. */
  level?: number;
  /** The paragraph style id (Heading1, ListParagraph …) if any. */
  style?: string;
}

export interface WordTable {
  /** 0-based position among all tables in body order; a nested table comes right after the table that holds it. */
  index: number;
  /** Row 1 is the table's first row, column A its first grid column; sheetName is "Bảng N" (N = index + 1). */
  grid: Grid;
  /** 1-based grid rows marked as repeated header rows (w:tblHeader). */
  headerRows: number[];
  /** A table inside a cell of another: its text is also that cell's text, one line per row. */
  nested: boolean;
  /** The body paragraphs between the previous top-level table (or the start) and this one: titles such as "Phụ lục I". */
  textAbove: string;
  /** How many body paragraphs come before the table (for a nested table, before the table holding it). */
  afterParagraph: number;
}

export interface WordDocument {
  paragraphs: WordParagraph[];
  tables: WordTable[];
  /** The document holds tracked changes not yet accepted (they were read as accepted). */
  revisions: boolean;
}

export type { WordReadFailure };

export type WordReadResult =
  | { ok: true; document: WordDocument }
  /** `message`: one English line for developers and logs; a person is told wordFailureText(reason, lang, detail). */
  | { ok: false; reason: WordReadFailure; message: string; detail?: WordReadDetail };

export interface WordReadOptions {
  /** Raw inflate; Node's zlib on the command line. Without it, a pure JavaScript inflate (the pane). */
  inflateRaw?: RawInflate;
}

/** A part of the document that cannot be read, thrown from deep in the reading and caught as a failure. */
class PartFailure extends Error {
  constructor(readonly problem: WordPartProblem) {
    super(problem.kind);
  }
}

function failure(reason: WordReadFailure, detail?: WordReadDetail): WordReadResult {
  const out: WordReadResult = { ok: false, reason, message: wordFailureText(reason, "en", detail) };
  if (detail) out.detail = detail;
  return out;
}

/** Parts larger than this are refused: a real plan's document.xml is a few MB, a zip bomb is gigabytes. */
const MAX_PART_BYTES = 200 * 1024 * 1024;

const defaultInflate: RawInflate = (data) => pakoInflateRaw(data);

export function readWordDocument(bytes: Uint8Array, options: WordReadOptions = {}): WordReadResult {
  const kind = fileKind(bytes);
  if (kind === "empty") return failure("empty-file");
  if (kind === "legacy-doc") return failure("legacy-doc");
  if (kind === "legacy-xls") return failure("legacy-xls");
  if (kind === "encrypted") return failure("encrypted");
  if (kind === "zip") {
    // A zip whose directory cannot be found is a truncated file; one that opens but holds no Word parts is another format.
    return openZip(bytes, defaultInflate).ok ? failure("not-docx") : failure("corrupt", { kind: "zip-directory-missing" });
  }
  if (kind !== "docx") return failure("not-docx");
  const opened = openZip(bytes, options.inflateRaw ?? defaultInflate);
  if (!opened.ok && opened.failure.kind === "too-large") return failure("too-large", opened.failure.detail);
  // Word's parts named in the local headers, but no directory: a truncated file; nothing is salvaged from it.
  if (!opened.ok) return failure("corrupt", "detail" in opened.failure ? opened.failure.detail : { kind: "zip-directory-missing" });
  const zip = opened.zip;
  try {
    return readParts(zip);
  } catch (e) {
    // A damaged deflate stream or a part that is not UTF-8: a reason, never a stack trace.
    if (e instanceof PartFailure) return failure("corrupt", e.problem);
    return failure("corrupt", { kind: "message", text: (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 120) });
  }
}

function readParts(zip: ZipArchive): WordReadResult {
  const mainPath = officeDocumentPath(zip);
  const main = part(zip, mainPath);
  if (main === null) return failure("corrupt", { kind: "part-missing", part: mainPath });
  const parsed = parseXml(main);
  if (!parsed.ok) return failure("corrupt", { kind: "part-not-xml", part: mainPath, error: parsed.error });
  normaliseNamespaces(parsed.root);
  const body = child(parsed.root, W, "body");
  if (!body) return failure("corrupt", { kind: "no-body", part: mainPath });
  const rels = relationships(zip, mainPath);
  const numbering = xmlPart(zip, rels.get("numbering") ?? siblingPath(mainPath, "numbering.xml"));
  const styles = xmlPart(zip, rels.get("styles") ?? siblingPath(mainPath, "styles.xml"));
  const ctx: ReadContext = {
    numbering: new NumberingCounter(numbering ? readNumbering(numbering) : NO_NUMBERING),
    styles: readStyles(styles),
    fields: [],
    revisions: false,
  };
  return { ok: true, document: readBody(body, ctx) };
}

const BODY_BLOCKS = new Set(["p", "tbl"]);

function readBody(body: XmlElement, ctx: ReadContext): WordDocument {
  const paragraphs: WordParagraph[] = [];
  const tables: Array<WordTable | null> = [];
  let above: string[] = [];
  const readAny = (tbl: XmlElement, nested: boolean): TableRead => {
    const slot = tables.length;
    tables.push(null);
    const read = readTable(tbl, `Bảng ${slot + 1}`, { ctx, onNested: (inner) => readAny(inner, true) });
    tables[slot] = {
      index: slot,
      grid: read.grid,
      headerRows: read.headerRows,
      nested,
      textAbove: nested ? "" : above.join("\n"),
      afterParagraph: paragraphs.length,
    };
    return read;
  };
  for (const block of unwrapped(body, BODY_BLOCKS)) {
    if (block.name === "tbl") {
      readAny(block, false);
      above = [];
      continue;
    }
    const p = readParagraph(block, ctx);
    if (!p) continue;
    const paragraph: WordParagraph = { index: paragraphs.length, text: p.text };
    if (p.numberText !== undefined) paragraph.numberText = p.numberText;
    if (p.level !== undefined) paragraph.level = p.level;
    if (p.style !== undefined) paragraph.style = p.style;
    paragraphs.push(paragraph);
    const shown = p.numberText ? `${p.numberText} ${p.text}`.trim() : p.text.trim();
    if (shown !== "") above.push(shown);
  }
  return { paragraphs, tables: tables as WordTable[], revisions: ctx.revisions };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf16 = new TextDecoder("utf-16le");

function part(zip: ZipArchive, path: string): string | null {
  const entry = zip.entries.get(path) ?? [...zip.entries.values()].find((e) => e.name.toLowerCase() === path.toLowerCase());
  if (!entry) return null;
  if (entry.size > MAX_PART_BYTES) throw new PartFailure({ kind: "part-too-large", part: path, size: entry.size });
  const data = zip.read(entry.name.replace(/\\/g, "/"));
  if (data === null) throw new PartFailure({ kind: "part-unreadable", part: path });
  if (data.length > MAX_PART_BYTES) throw new PartFailure({ kind: "part-too-large", part: path });
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return utf16.decode(data.subarray(2));
  try {
    return utf8.decode(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data);
  } catch {
    throw new PartFailure({ kind: "part-not-text", part: path });
  }
}

function xmlPart(zip: ZipArchive, path: string): XmlElement | null {
  const text = part(zip, path);
  if (text === null) return null;
  const parsed = parseXml(text);
  if (!parsed.ok) return null; // a damaged numbering or styles part costs the numbers, not the document
  normaliseNamespaces(parsed.root);
  return parsed.root;
}

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

function relationshipElements(zip: ZipArchive, relsPath: string): XmlElement[] {
  const text = part(zip, relsPath);
  if (text === null) return [];
  const parsed = parseXml(text);
  return parsed.ok ? childrenNamed(parsed.root, REL_NS, "Relationship") : [];
}

/** The main document part, as the package's relationships name it (Word writes word/document.xml; others vary). */
function officeDocumentPath(zip: ZipArchive): string {
  for (const r of relationshipElements(zip, "_rels/.rels")) {
    const type = attr(r, "", "Type") ?? "";
    if (type.endsWith("/officeDocument")) return resolvePath("", attr(r, "", "Target") ?? "");
  }
  return "word/document.xml";
}

/** The main part's related parts by the last word of their type (numbering, styles). */
function relationships(zip: ZipArchive, mainPath: string): Map<string, string> {
  const slash = mainPath.lastIndexOf("/");
  const dir = slash < 0 ? "" : mainPath.slice(0, slash);
  const out = new Map<string, string>();
  for (const r of relationshipElements(zip, `${dir ? dir + "/" : ""}_rels/${mainPath.slice(slash + 1)}.rels`)) {
    const type = (attr(r, "", "Type") ?? "").split("/").pop() ?? "";
    if (attr(r, "", "TargetMode") === "External") continue;
    if (!out.has(type)) out.set(type, resolvePath(dir, attr(r, "", "Target") ?? ""));
  }
  return out;
}

function siblingPath(mainPath: string, name: string): string {
  const slash = mainPath.lastIndexOf("/");
  return slash < 0 ? name : `${mainPath.slice(0, slash)}/${name}`;
}

function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir ? `${dir}/${target}` : target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}
