/**
 * The text of a paragraph as Word shows it with every tracked change accepted: inserted and moved-to text in,
 * deleted and moved-from text out; fields as their result (the text between "separate" and "end", or a simple
 * field's runs), never their instruction; soft line breaks as "\n", tabs as "\t"; hidden text left out. Its
 * automatic number comes from the paragraph's numPr or its style's.
 */
import { NumberingCounter } from "./numbering";
import { child, childrenNamed, XmlElement } from "./xml";
import { isOn, W, wAttr, wInt } from "./wordml";

interface StyleDef {
  basedOn?: string;
  name?: string;
  numId?: string;
  ilvl?: number;
}

export type StyleSheet = Map<string, StyleDef>;

export function readStyles(root: XmlElement | null): StyleSheet {
  const out: StyleSheet = new Map();
  if (!root) return out;
  for (const s of childrenNamed(root, W, "style")) {
    if ((wAttr(s, "type") ?? "paragraph") !== "paragraph") continue;
    const id = wAttr(s, "styleId");
    if (!id) continue;
    const numPr = child(child(s, W, "pPr"), W, "numPr");
    out.set(id, {
      basedOn: wAttr(child(s, W, "basedOn"), "val"),
      name: wAttr(child(s, W, "name"), "val"),
      numId: wAttr(child(numPr, W, "numId"), "val"),
      ilvl: wInt(child(numPr, W, "ilvl")),
    });
  }
  return out;
}

/** Where a field stands while its runs are read: its instruction is never text, its result is. */
type FieldPhase = "instruction" | "result";

export interface ReadContext {
  numbering: NumberingCounter;
  styles: StyleSheet;
  fields: FieldPhase[];
  /** Set when the document holds tracked changes that are not accepted yet (they are read as accepted). */
  revisions: boolean;
}

export interface ParagraphRead {
  text: string;
  numberText?: string;
  level?: number;
  style?: string;
}

/** The paragraph, or null when accepting the changes removes it (its mark and all its text deleted). */
export function readParagraph(p: XmlElement, ctx: ReadContext): ParagraphRead | null {
  const pPr = child(p, W, "pPr");
  const parts: string[] = [];
  collect(p, ctx, parts);
  // Instructions end with their paragraph in any real document; a field left open must not hide the rest.
  while (ctx.fields.length && ctx.fields[ctx.fields.length - 1] === "instruction") ctx.fields.pop();
  const text = parts.join("");
  const markDeleted = child(child(pPr, W, "rPr"), W, "del") !== undefined;
  if (markDeleted) ctx.revisions = true;
  if (markDeleted && text.trim() === "") return null;
  const out: ParagraphRead = { text };
  const style = wAttr(child(pPr, W, "pStyle"), "val");
  if (style) out.style = style;
  const number = numberOf(pPr, style, ctx);
  if (number) {
    out.numberText = number.text;
    out.level = number.level;
  }
  return out;
}

function numberOf(pPr: XmlElement | undefined, style: string | undefined, ctx: ReadContext) {
  const numPr = child(pPr, W, "numPr");
  let numId = wAttr(child(numPr, W, "numId"), "val");
  let ilvl = wInt(child(numPr, W, "ilvl"));
  // The style chain gives what the paragraph does not: Heading styles linked to an outline list number this way.
  const seen = new Set<string>();
  for (let s = style; s && !seen.has(s) && (numId === undefined || ilvl === undefined);) {
    seen.add(s);
    const def = ctx.styles.get(s);
    if (!def) break;
    if (numId === undefined && def.numId !== undefined) numId = def.numId;
    if (ilvl === undefined && def.ilvl !== undefined) ilvl = def.ilvl;
    s = def.basedOn;
  }
  if (numId === undefined || numId === "0") return undefined;
  return ctx.numbering.next(numId, ilvl ?? 0);
}

const SKIPPED = new Set([
  "pPr",
  "rPr",
  "del",
  "moveFrom",
  "delText",
  "delInstrText",
  "instrText",
  "commentReference",
  "drawing",
  "pict",
  "object",
]);

function collect(el: XmlElement, ctx: ReadContext, out: string[]): void {
  for (const c of el.children) {
    if (typeof c === "string" || c.ns !== W) {
      if (typeof c !== "string" && c.name === "AlternateContent") collectAlternate(c, ctx, out);
      continue;
    }
    switch (c.name) {
      case "r":
        run(c, ctx, out);
        break;
      case "del":
      case "moveFrom":
        ctx.revisions = true;
        break;
      case "ins":
      case "moveTo":
        ctx.revisions = true;
        collect(c, ctx, out);
        break;
      case "fldSimple":
        // Its runs are the field's current result.
        collect(c, ctx, out);
        break;
      default:
        if (!SKIPPED.has(c.name)) collect(c, ctx, out); // hyperlink, smartTag, sdt/sdtContent, customXml, dir, bdo …
    }
  }
}

/** mc:AlternateContent: the fallback is what older readers show; a choice is read only when there is none. */
function collectAlternate(el: XmlElement, ctx: ReadContext, out: string[]): void {
  const options = el.children.filter((c): c is XmlElement => typeof c !== "string");
  const chosen = options.find((o) => o.name === "Fallback") ?? options.find((o) => o.name === "Choice");
  if (chosen) collect(chosen, ctx, out);
}

function run(r: XmlElement, ctx: ReadContext, out: string[]): void {
  const hidden = isOn(child(child(r, W, "rPr"), W, "vanish"));
  for (const c of r.children) {
    if (typeof c === "string" || c.ns !== W) continue;
    if (c.name === "fldChar") {
      const type = wAttr(c, "fldCharType");
      if (type === "begin") ctx.fields.push("instruction");
      else if (type === "separate" && ctx.fields.length) ctx.fields[ctx.fields.length - 1] = "result";
      else if (type === "end") ctx.fields.pop();
      continue;
    }
    if (hidden || ctx.fields.includes("instruction")) continue;
    switch (c.name) {
      case "t":
        out.push(textOf(c));
        break;
      case "tab":
      case "ptab":
        out.push("\t");
        break;
      case "br": {
        const type = wAttr(c, "type");
        // A page or column break is layout, not a line of the cell.
        if (type === undefined || type === "textWrapping") out.push("\n");
        break;
      }
      case "cr":
        out.push("\n");
        break;
      case "noBreakHyphen":
        out.push("-");
        break;
      case "sym": {
        const code = Number.parseInt(wAttr(c, "char") ?? "", 16);
        // Symbol-font characters sit in the private use area (F0xx); their low byte is the ASCII they stand on.
        if (Number.isFinite(code)) out.push(String.fromCharCode(code >= 0xf020 && code <= 0xf07e ? code - 0xf000 : code));
        break;
      }
      default:
        break;
    }
  }
}

function textOf(t: XmlElement): string {
  let s = "";
  for (const c of t.children) if (typeof c === "string") s += c;
  return s;
}
