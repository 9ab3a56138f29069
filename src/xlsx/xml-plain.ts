/**
 * Start tags written plainly, read in place: the rows and cells of a sheet and the items of its shared strings are
 * most of a workbook's XML, and the generic scanner (xml-scanner.ts) slices every name and attribute of them. A
 * plain tag is one whose reading cannot differ from the scanner's: an unprefixed name, attributes with either quote
 * and values holding no "<", "&", tab or line end (nothing to decode or normalise). Anything else is not plain, and
 * the caller hands that part back to the scanner, which reads it — or refuses it — as XML says.
 */
import { endsName, isSpace } from "./xml-scanner";
import type { XmlAttributes } from "./xml-scanner";

/** One start tag, read by `read`; its attributes answer `get` until the next `read`. */
export class PlainTag implements XmlAttributes {
  private xml = "";
  private nameStart = 0;
  private nameEnd = 0;
  /** Each attribute's local name and raw value, as offsets into the text: nothing is sliced until asked for. */
  private readonly bounds: number[] = [];
  private count = 0;
  selfClosing = false;
  /** Just past the tag's ">". */
  end = 0;

  /** Reads the start tag at `lt` (a "<"); false when it is not one, or not plain. */
  read(xml: string, lt: number): boolean {
    const n = xml.length;
    let j = lt + 1;
    while (j < n && !endsName(xml.charCodeAt(j))) {
      if (xml.charCodeAt(j) === 0x3a /* : */) return false;
      j++;
    }
    if (j === lt + 1) return false; // an end tag, a comment, a declaration: not a start tag
    this.xml = xml;
    this.nameStart = lt + 1;
    this.nameEnd = j;
    this.count = 0;
    const b = this.bounds;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const c = xml.charCodeAt(j);
      if (c === 0x3e /* > */) {
        this.selfClosing = false;
        this.end = j + 1;
        return true;
      }
      if (c === 0x2f /* / */) {
        if (xml.charCodeAt(j + 1) !== 0x3e) return false;
        this.selfClosing = true;
        this.end = j + 2;
        return true;
      }
      if (j >= n) return false;
      const start = j;
      let local = j;
      while (j < n && !endsName(xml.charCodeAt(j))) {
        if (xml.charCodeAt(j) === 0x3a && local === start) local = j + 1; // the scanner's local name: after the first colon
        j++;
      }
      if (j === start) return false;
      const nameEnd = j;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d /* = */) return false;
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const quote = xml.charCodeAt(j);
      if (quote !== 0x22 && quote !== 0x27) return false;
      const valueStart = j + 1;
      for (j = valueStart; j < n; j++) {
        const v = xml.charCodeAt(j);
        if (v === quote) break;
        if (v === 0x3c || v === 0x26 || v === 0x09 || v === 0x0a || v === 0x0d) return false;
      }
      if (j >= n) return false;
      const valueEnd = j;
      j++;
      // Namespace declarations are not attributes (the scanner leaves them out too).
      if (xml.startsWith("xmlns", start)) continue;
      const k = this.count++ * 4;
      b[k] = local;
      b[k + 1] = nameEnd;
      b[k + 2] = valueStart;
      b[k + 3] = valueEnd;
    }
  }

  /** Whether the tag's name is `name`. */
  is(name: string): boolean {
    return this.nameEnd - this.nameStart === name.length && this.xml.startsWith(name, this.nameStart);
  }

  get(local: string): string | undefined {
    const b = this.bounds;
    for (let i = 0; i < this.count; i++) {
      const k = i * 4;
      if (b[k + 1] - b[k] === local.length && this.xml.startsWith(local, b[k])) return this.xml.slice(b[k + 2], b[k + 3]);
    }
    return undefined;
  }
}
