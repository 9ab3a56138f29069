/**
 * A small namespace-aware XML parser for the parts of a .docx: elements, attributes, text, CDATA; comments,
 * processing instructions and the doctype are skipped. Entities are the five predefined ones and character
 * references — a doctype's own entities are never expanded, so a hostile part cannot blow up in memory. Elements
 * are matched by namespace URI and local name, never by prefix: Word writes "w:", other tools "ns0:" or none.
 */

export interface XmlElement {
  /** Namespace URI ("" when none). */
  ns: string;
  /** Local name, without the prefix. */
  name: string;
  attrs: XmlAttribute[];
  children: XmlNode[];
}
export interface XmlAttribute {
  ns: string;
  name: string;
  value: string;
}
export type XmlNode = XmlElement | string;

export type XmlParse = { ok: true; root: XmlElement } | { ok: false; error: string };

/** Deeper than any real document nests (tables in tables in cells); a hostile part is refused, not recursed into. */
const MAX_DEPTH = 1000;

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_, e: string) => {
    if (e[0] !== "#") return NAMED[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

interface Open {
  qname: string;
  el: XmlElement;
  scope: Map<string, string>;
}

const NAME_END = /[\s/>]/;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseXml(xml: string): XmlParse {
  const top: XmlElement = { ns: "", name: "#document", attrs: [], children: [] };
  const stack: Open[] = [{ qname: "", el: top, scope: new Map([["xml", "http://www.w3.org/XML/1998/namespace"]]) }];
  let at = 0;
  const n = xml.length;
  while (at < n) {
    const lt = xml.indexOf("<", at);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > at) {
      const text = xml.slice(at, textEnd);
      if (stack.length > 1) stack[stack.length - 1].el.children.push(decode(text));
      else if (text.trim() !== "") return { ok: false, error: "text outside the root element" };
    }
    if (lt < 0) break;
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) return { ok: false, error: "unclosed comment" };
      at = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) return { ok: false, error: "unclosed CDATA" };
      if (stack.length > 1) stack[stack.length - 1].el.children.push(xml.slice(lt + 9, end));
      at = end + 3;
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) return { ok: false, error: "unclosed processing instruction" };
      at = end + 2;
    } else if (xml.startsWith("<!", lt)) {
      const end = doctypeEnd(xml, lt);
      if (end < 0) return { ok: false, error: "unclosed declaration" };
      at = end;
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt);
      if (end < 0) return { ok: false, error: "unclosed end tag" };
      const qname = xml.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || stack.length === 0 || open.qname !== qname) return { ok: false, error: `mismatched end tag </${qname}>` };
      at = end + 1;
    } else {
      const end = tagEnd(xml, lt);
      if (end < 0) return { ok: false, error: "unclosed start tag" };
      const selfClosing = xml[end - 1] === "/";
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const m = NAME_END.exec(body);
      const qname = m ? body.slice(0, m.index) : body;
      if (qname === "") return { ok: false, error: "empty tag name" };
      const parent = stack[stack.length - 1];
      const raw: Array<[string, string]> = [];
      let scope = parent.scope;
      ATTR.lastIndex = 0;
      const rest = body.slice(qname.length);
      for (let a = ATTR.exec(rest); a; a = ATTR.exec(rest)) {
        const value = decode(a[2] ?? a[3] ?? "");
        if (a[1] === "xmlns" || a[1].startsWith("xmlns:")) {
          if (scope === parent.scope) scope = new Map(parent.scope);
          scope.set(a[1] === "xmlns" ? "" : a[1].slice(6), value);
        } else raw.push([a[1], value]);
      }
      const [prefix, local] = splitName(qname);
      const el: XmlElement = {
        ns: scope.get(prefix) ?? "",
        name: local,
        attrs: raw.map(([q, value]) => {
          const [p, l] = splitName(q);
          // Unprefixed attributes are in no namespace, whatever the default namespace is.
          return { ns: p === "" ? "" : (scope.get(p) ?? ""), name: l, value };
        }),
        children: [],
      };
      if (stack.length === 1 && top.children.some((c) => typeof c !== "string")) return { ok: false, error: "more than one root element" };
      parent.el.children.push(el);
      if (!selfClosing) {
        if (stack.length > MAX_DEPTH) return { ok: false, error: "elements nested too deeply" };
        stack.push({ qname, el, scope });
      }
      at = end + 1;
    }
  }
  if (stack.length > 1) return { ok: false, error: `unclosed element <${stack[stack.length - 1].qname}>` };
  const root = top.children.find((c): c is XmlElement => typeof c !== "string");
  return root ? { ok: true, root } : { ok: false, error: "no root element" };
}

function splitName(q: string): [string, string] {
  const colon = q.indexOf(":");
  return colon < 0 ? ["", q] : [q.slice(0, colon), q.slice(colon + 1)];
}

/** The ">" that ends a start tag, skipping quoted attribute values (which may hold ">"). */
function tagEnd(xml: string, from: number): number {
  let quote = "";
  for (let i = from + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
    else if (ch === "<") return -1;
  }
  return -1;
}

/** The end of "<!DOCTYPE …>" with its internal subset in brackets. */
function doctypeEnd(xml: string, from: number): number {
  let depth = 0;
  for (let i = from + 2; i < xml.length; i++) {
    const ch = xml[i];
    if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === ">" && depth <= 0) return i + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------
// Looking things up

export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string");
}

export function child(el: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name && c.ns === ns) return c;
  return undefined;
}

export function childrenNamed(el: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name && c.ns === ns);
}

/** An attribute by local name in the given namespace; unprefixed attributes match too (some writers drop "w:"). */
export function attr(el: XmlElement | undefined, ns: string, name: string): string | undefined {
  if (!el) return undefined;
  let loose: string | undefined;
  for (const a of el.attrs) {
    if (a.name !== name) continue;
    if (a.ns === ns) return a.value;
    if (a.ns === "") loose = a.value;
  }
  return loose;
}

/** The text directly and deeply inside an element. */
export function textContent(el: XmlElement): string {
  let out = "";
  for (const c of el.children) out += typeof c === "string" ? c : textContent(c);
  return out;
}
