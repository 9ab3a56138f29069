/**
 * The commonest cell of a table's sheet, read whole in place: a shared string, `<c r="B7" s="3" t="s"><v>12</v></c>`,
 * its attributes in any order and double-quoted, one space apart. Most cells of a task table are such, and reading
 * them through PlainTag sliced the reference, the style and the index of every one. Anything else — another
 * attribute, other spacing, a reference past the sheet, a formula, a body that is not one `<v>` of digits — is not
 * read here, and PlainTag and the scanner read it (or say what is wrong with it) as before.
 */
const QUOTE = 0x22;
const SPACE = 0x20;
const GT = 0x3e;
const EQUALS = 0x3d;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** One shared-string cell, read by `read`; its fields hold until the next `read`. */
export class StringCellTag {
  /** The reference's column and row; both 0 when the cell has no r="…" (it follows the one before). */
  col = 0;
  row = 0;
  style = 0;
  /** The shared string's index. */
  index = 0;
  /** Just past the cell's `</c>`. */
  end = 0;

  /** Reads the cell at `lt` (a "<"); false when it is not a shared-string cell written this way. */
  read(xml: string, lt: number): boolean {
    if (xml.charCodeAt(lt + 1) !== 0x63 /* c */ || xml.charCodeAt(lt + 2) !== SPACE) return false;
    this.col = 0;
    this.row = 0;
    this.style = 0;
    let seen = 0; // r 1, s 2, t 4: an attribute twice is not well-formed, and the scanner says so
    let j = lt + 3;
    for (;;) {
      const name = xml.charCodeAt(j);
      if (name === GT) break;
      if (xml.charCodeAt(j + 1) !== EQUALS || xml.charCodeAt(j + 2) !== QUOTE) return false;
      let k = j + 3;
      if (name === 0x72 /* r */) {
        if (seen & 1) return false;
        seen |= 1;
        // At most three letters and seven digits (XFD1048576); the reader holds them to the sheet and the row.
        const letters = k;
        let col = 0;
        for (let c = xml.charCodeAt(k); c >= 0x41 && c <= 0x5a && k - letters < 3; c = xml.charCodeAt(++k)) col = col * 26 + (c - 64);
        const digits = k;
        let row = 0;
        for (let c = xml.charCodeAt(k); isDigit(c) && k - digits < 7; c = xml.charCodeAt(++k)) row = row * 10 + (c - 48);
        if (k === letters || k === digits || row === 0) return false;
        this.col = col;
        this.row = row;
      } else if (name === 0x73 /* s */) {
        if (seen & 2) return false;
        seen |= 2;
        let style = 0;
        const from = k;
        for (let c = xml.charCodeAt(k); isDigit(c) && k - from < 6; c = xml.charCodeAt(++k)) style = style * 10 + (c - 48);
        if (k === from) return false;
        this.style = style;
      } else if (name === 0x74 /* t */) {
        if (seen & 4 || xml.charCodeAt(k) !== 0x73 /* s */) return false;
        seen |= 4;
        k++;
      } else return false;
      if (xml.charCodeAt(k) !== QUOTE) return false;
      j = k + 1;
      const after = xml.charCodeAt(j);
      if (after === SPACE) j++;
      else if (after !== GT) return false; // "/>" (an empty cell) and anything else are PlainTag's
    }
    if (!(seen & 4) || !xml.startsWith("<v>", j + 1)) return false;
    let k = j + 4;
    const from = k;
    let index = 0;
    for (let c = xml.charCodeAt(k); isDigit(c) && k - from < 10; c = xml.charCodeAt(++k)) index = index * 10 + (c - 48);
    if (k === from || !xml.startsWith("</v></c>", k)) return false;
    this.index = index;
    this.end = k + 8;
    return true;
  }
}
