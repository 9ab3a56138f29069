/**
 * A small streaming XML scanner for the parts of a workbook: elements, attributes and text, in document order, with
 * what XML 1.0 says about them honoured — single- or double-quoted attributes with any character inside ("a>b"),
 * comments, CDATA sections, processing instructions, line ends normalised, entity and character references decoded,
 * tags checked to close in order. Regexes over raw text misread each of those; a full DOM costs what batches cannot
 * pay. A DOCTYPE is refused (no workbook writer emits one, and its entities are how XML bombs work).
 */

export class XmlError extends Error {}

/** The attributes of the element being opened; valid only during the `open` call. */
export interface XmlAttributes {
  /** The value of the attribute with this local name (any prefix: "r:id" answers "id"), decoded. */
  get(local: string): string | undefined;
}

export interface XmlHandler {
  /** Element names are local names, without their namespace prefix ("x:c" arrives as "c"). */
  open(name: string, attributes: XmlAttributes, selfClosing: boolean): void;
  close(name: string): void;
  /** Text and CDATA inside elements, only while `wantsText` is true (skipping it is most of the speed). */
  text(text: string): void;
  readonly wantsText: boolean;
  /**
   * Called wherever the scanner stands between the children of an element — just after its start tag, or after one
   * of its children ended — with that element's name: the handler may read children itself from `from` on (the rows
   * of a sheet written plainly, xml-plain.ts) and answers where scanning goes on. What it skips must be whole
   * elements, well-formed, so the elements open are the same afterwards.
   */
  inside?(name: string, xml: string, from: number): number;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Entity and character references decoded (a reference to a code point past U+10FFFF reads as nothing). */
export function decodeXml(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_, e: string) => {
    if (e[0] !== "#") return NAMED[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** Text as an XML processor hands it on: CR LF and lone CR read as LF, then references decoded. */
export function textValue(raw: string): string {
  return decodeXml(raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw);
}

/** An attribute value: line ends, tabs and newlines read as spaces (XML 1.0 §3.3.3), then references decoded. */
function attributeValue(raw: string): string {
  return decodeXml(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n?|[\t\n]/g, " ") : raw);
}

export const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** The characters that end a name in a tag: space, "/", ">", "=". */
export const endsName = (c: number) => isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d;

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

class Attributes implements XmlAttributes {
  names: string[] = [];
  raws: string[] = [];
  count = 0;
  get(local: string): string | undefined {
    for (let i = 0; i < this.count; i++) if (this.names[i] === local) return attributeValue(this.raws[i]);
    return undefined;
  }
}

/** Scans the whole document; throws XmlError where it is not well-formed. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  const open: string[] = [];
  const locals: string[] = []; // the local name of each open element, computed once when it opens
  const attrs = new Attributes();
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && open.length > 0 && handler.wantsText) handler.text(textValue(xml.slice(i, textEnd)));
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) throw new XmlError("unclosed end tag");
      // Compared in place with the element it should close, so a cell's three end tags allocate nothing.
      const expected = open.pop();
      const matches =
        expected !== undefined &&
        xml.startsWith(expected, lt + 2) &&
        (gt === lt + 2 + expected.length || xml.slice(lt + 2 + expected.length, gt).trimEnd() === "");
      if (!matches) throw new XmlError(`</${xml.slice(lt + 2, gt).trimEnd()}> closes nothing open`);
      handler.close(locals.pop()!);
      i = gt + 1;
      if (handler.inside && locals.length > 0) i = handler.inside(locals[locals.length - 1], xml, i);
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError("unclosed comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("unclosed CDATA section");
        if (open.length > 0 && handler.wantsText) handler.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else throw new XmlError("a DOCTYPE or declaration");
    } else if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("unclosed processing instruction");
      i = end + 2;
    } else {
      let j = lt + 1;
      while (j < n && !endsName(xml.charCodeAt(j))) j++;
      const name = xml.slice(lt + 1, j);
      if (name === "") throw new XmlError("a tag without a name");
      attrs.count = 0;
      let selfClosing = false;
      for (;;) {
        while (j < n && isSpace(xml.charCodeAt(j))) j++;
        const c = xml.charCodeAt(j);
        if (c === 0x3e /* > */) {
          j++;
          break;
        }
        if (c === 0x2f /* / */ && xml.charCodeAt(j + 1) === 0x3e) {
          selfClosing = true;
          j += 2;
          break;
        }
        if (j >= n) throw new XmlError("unclosed tag");
        const start = j;
        while (j < n && !endsName(xml.charCodeAt(j))) j++;
        if (j === start) throw new XmlError("a stray character in a tag");
        const attr = xml.slice(start, j);
        while (j < n && isSpace(xml.charCodeAt(j))) j++;
        if (xml.charCodeAt(j) !== 0x3d /* = */) throw new XmlError(`attribute ${attr} without a value`);
        j++;
        while (j < n && isSpace(xml.charCodeAt(j))) j++;
        const quote = xml.charCodeAt(j);
        if (quote !== 0x22 && quote !== 0x27) throw new XmlError(`attribute ${attr} not quoted`);
        const close = xml.indexOf(quote === 0x22 ? '"' : "'", j + 1);
        if (close < 0) throw new XmlError("unclosed attribute value");
        const raw = xml.slice(j + 1, close);
        if (raw.indexOf("<") >= 0) throw new XmlError("< in an attribute value");
        j = close + 1;
        // Namespace declarations are not attributes of the element ("xmlns:r" must not answer for "r").
        if (attr.startsWith("xmlns")) continue;
        attrs.names[attrs.count] = localName(attr);
        attrs.raws[attrs.count] = raw;
        attrs.count++;
      }
      const local = localName(name);
      if (!selfClosing) {
        open.push(name);
        locals.push(local);
      }
      handler.open(local, attrs, selfClosing);
      if (selfClosing) handler.close(local);
      i = j;
      if (handler.inside && locals.length > 0) i = handler.inside(locals[locals.length - 1], xml, i);
    }
  }
  if (open.length > 0) throw new XmlError(`<${open[open.length - 1]}> is never closed`);
}
