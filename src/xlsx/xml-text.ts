/**
 * Text as XML 1.0 can carry it: characters it cannot hold dropped, markup characters escaped, and the longest text
 * Excel keeps in a cell.
 */

// Characters XML 1.0 cannot carry (Word pastes bring vertical tabs and other control characters along), and
// surrogates without their pair.
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

function withoutNonXml(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      }
      continue;
    }
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue;
    out += text[i];
  }
  return out;
}
const ESCAPES = /[&<>"]/g;
const ESCAPED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Excel's limit on the characters of a cell. */
export const MAX_CELL_TEXT = 32767;

const MAYBE_ESCAPE = /[&<>"]/;

export function escapeXml(text: string): string {
  // Most cells need neither step; testing first spares a replace over every string of a large sheet.
  const clean = MAYBE_NOT_XML.test(text) ? withoutNonXml(text) : text;
  return MAYBE_ESCAPE.test(clean) ? clean.replace(ESCAPES, (c) => ESCAPED[c]) : clean;
}

/** Texts whose spaces and line breaks a reader would drop unless told to keep them. */
export const PRESERVE = /^\s|\s$|\n/;
