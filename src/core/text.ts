/**
 * Text normalisation (SPEC 3.1). Every cell goes through `normalizeText` before it is read, and every
 * comparison of words goes through `foldKey`, which ignores case, diacritics and tone placement.
 */

const SPACE_RUN = /[ \t\u00a0\u2007\u202f\u3000]+/g;
const LINE_BREAK = /\r\n?|\u2028|\u2029/g;

/** NFC, unify line breaks, fold runs of (non-breaking) spaces, trim each line and the whole. */
const NEEDS_SPACING_WORK = /[\t\r\n\u00a0\u2007\u202f\u3000\u2028\u2029]| {2}|^ | $/;

export function normalizeText(raw: string): string {
  if (raw === "") return "";
  const nfc = raw.normalize("NFC");
  // Most cells are already clean: one regex test instead of three replaces.
  if (!NEEDS_SPACING_WORK.test(nfc)) return nfc;
  const spaced = nfc.replace(LINE_BREAK, "\n").replace(SPACE_RUN, " ");
  if (spaced.indexOf("\n") < 0) return spaced.trim();
  return spaced
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/**
 * Folding table for the Latin blocks Vietnamese uses: each precomposed letter to its base letter in lower case
 * (đ → d), built once with NFD so it agrees with Unicode. -1 marks a character to drop (a combining mark).
 */
const FOLD_LIMIT = 0x2000;
const FOLD = new Int32Array(FOLD_LIMIT);
const ALNUM = new Uint8Array(FOLD_LIMIT);
for (let c = 0; c < FOLD_LIMIT; c++) {
  if (c >= 0x300 && c <= 0x36f) {
    FOLD[c] = -1;
    continue;
  }
  const ch = String.fromCharCode(c);
  const base = ch
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const folded = ch === "đ" || ch === "Đ" ? "d" : base;
  FOLD[c] = folded.length === 1 ? folded.charCodeAt(0) : ch.toLowerCase().length === 1 ? ch.toLowerCase().charCodeAt(0) : c;
  ALNUM[c] = /[\p{L}\p{N}]/u.test(ch) ? 1 : 0;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    c === 0x2007 ||
    c === 0x202f ||
    c === 0x3000 ||
    c === 0x2028 ||
    c === 0x2029
  );
}

/**
 * One pass over the text: fold each letter, drop combining marks, collapse spaces; with `alnumOnly`, every run of
 * characters that are neither letters nor digits becomes one space. Characters beyond the table go the slow way.
 */
function fold(text: string, alnumOnly: boolean): string {
  let out = "";
  let chunk: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f: number;
    let keep: boolean;
    if (c < FOLD_LIMIT) {
      f = FOLD[c];
      if (f === -1) continue;
      keep = alnumOnly ? ALNUM[c] === 1 : !isSpace(c);
    } else {
      if (c >= 0xd800 && c <= 0xdbff) {
        // Astral characters are rare here: keep them whole.
        const pair = text.slice(i, i + 2);
        if (pendingSpace && (out.length || chunk.length)) chunk.push(32);
        pendingSpace = false;
        out += String.fromCharCode(...chunk) + pair.toLowerCase();
        chunk = [];
        i++;
        continue;
      }
      const ch = text.charAt(i);
      const lower = ch.toLowerCase();
      f = lower.length === 1 ? lower.charCodeAt(0) : c;
      keep = alnumOnly ? /[\p{L}\p{N}]/u.test(ch) : !isSpace(c) && !/\s/.test(ch);
    }
    if (!keep) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && (out.length || chunk.length)) chunk.push(32);
    pendingSpace = false;
    chunk.push(f);
    if (chunk.length >= 4096) {
      out += String.fromCharCode(...chunk);
      chunk = [];
    }
  }
  return out + String.fromCharCode(...chunk);
}

/**
 * A matching key: lower case, no diacritics (đ → d), single spaces, line breaks as spaces.
 * "Hóa" and "hoá" fold to the same key because both lose their marks.
 */
export function foldKey(text: string): string {
  return fold(text, false);
}

/** A key of words only: like foldKey, with punctuation folded into the spaces between words. */
export function wordKey(text: string): string {
  return fold(text, true);
}

/** Lines of a cell, for cells that keep a list one item per line. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
}

/** True when the text has no letters or digits at all ("…………", "-----"). */
export function isPunctuationOnly(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}
