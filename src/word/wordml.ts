/**
 * WordprocessingML names: the main namespace in its transitional and strict spellings, and the on/off values Word
 * writes for toggles.
 */
import { attr, XmlElement } from "./xml";

export const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/** Strict-OOXML files name the same elements in another namespace; they are read as the transitional ones. */
export function normaliseNamespaces(el: XmlElement): void {
  const stack = [el];
  while (stack.length) {
    const e = stack.pop()!;
    if (e.ns === W_STRICT) e.ns = W;
    for (const a of e.attrs) if (a.ns === W_STRICT) a.ns = W;
    for (const c of e.children) if (typeof c !== "string") stack.push(c);
  }
}

export function wAttr(el: XmlElement | undefined, name: string): string | undefined {
  return attr(el, W, name);
}

/** A toggle such as <w:tblHeader/>, <w:tblHeader w:val="true"/>, <w:b w:val="0"/>: present and not switched off. */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = wAttr(el, "val");
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}

export function wInt(el: XmlElement | undefined, name = "val"): number | undefined {
  const v = wAttr(el, name);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}
