/**
 * Text normalisation (SPEC 3.1). Every cell goes through `normalizeText` before it is read, and every
 * comparison of words goes through `foldKey`, which ignores case, diacritics and tone placement.
 */

const SPACE_RUN = /[ \t\u00a0\u2007\u202f\u3000]+/g;
const LINE_BREAK = /\r\n?|\u2028|\u2029/g;

/**
 * Characters a cell may hold and stay as it is: Latin (with its extensions, Vietnamese's precomposed letters among
 * them) and common punctuation, but no tab, line break, non-breaking or other wide space, nor anything trim() takes.
 * A text of only these, without two spaces in a row or a space at either end, is already normalised — NFC too, for it
 * has no combining marks and no singletons. One scan of one character class decides it for most cells (the long
 * unique texts of task contents above all); the rest take the whole way.
 */
const NEEDS_WORK = /[^\u0000-\u0008\u000e-\u009f\u00a1-\u02ff\u1e00-\u1eff\u2010-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u206f]/;

/** Characters outside Latin and common punctuation: only a text with one of them may change under NFC. */
const MAY_NEED_NFC = /[^\u0000-\u02ff\u1e00-\u1eff\u2010-\u206f]/;

/** True when normalizeText would return the text as it is (for most cells): one scan, nothing built. */
export function isNormalized(raw: string): boolean {
  return !NEEDS_WORK.test(raw) && raw.charCodeAt(0) !== 32 && raw.charCodeAt(raw.length - 1) !== 32 && raw.indexOf("  ") < 0;
}

/** NFC, unify line breaks, fold runs of (non-breaking) spaces, trim each line and the whole. */
export function normalizeText(raw: string): string {
  return isNormalized(raw) ? raw : normalizeFully(raw);
}

/** normalizeText without its fast path, for a caller that has already asked isNormalized. */
export function normalizeFully(raw: string): string {
  const nfc = MAY_NEED_NFC.test(raw) ? raw.normalize("NFC") : raw;
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
 * (đ → d), worked out with NFD so it agrees with Unicode. -1 marks a character to drop (a combining mark). Each entry
 * is worked out the first time its character is met: the whole table cost several milliseconds of every start-up,
 * and a plan meets a few dozen of its 8,192 characters.
 */
const FOLD_LIMIT = 0x2000;
const UNFOLDED = -2;
const FOLD = new Int32Array(FOLD_LIMIT).fill(UNFOLDED).fill(-1, 0x300, 0x370);
const ALNUM = new Uint8Array(FOLD_LIMIT);

/** Fills the table's entry for c (below FOLD_LIMIT, not yet folded) and returns it. */
function foldEntry(c: number): number {
  const ch = String.fromCharCode(c);
  const base = ch
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const folded = ch === "đ" || ch === "Đ" ? "d" : base;
  ALNUM[c] = /[\p{L}\p{N}]/u.test(ch) ? 1 : 0;
  return (FOLD[c] = folded.length === 1 ? folded.charCodeAt(0) : ch.toLowerCase().length === 1 ? ch.toLowerCase().charCodeAt(0) : c);
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
let buffer = new Uint16Array(1024);

/** Folds `text` into the shared buffer and returns how many code units it wrote. */
function foldInto(text: string, alnumOnly: boolean): number {
  if (text.length * 2 > buffer.length) buffer = new Uint16Array(text.length * 2 + 16);
  const buf = buffer;
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f: number;
    let keep: boolean;
    if (c < FOLD_LIMIT) {
      f = FOLD[c];
      if (f < 0) {
        if (f === -1) continue;
        f = foldEntry(c);
      }
      keep = alnumOnly ? ALNUM[c] === 1 : !isSpace(c);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // Surrogates (astral characters) are rare here: kept as they are.
      f = c;
      keep = true;
    } else {
      const ch = text.charAt(i);
      const lower = ch.toLowerCase();
      f = lower.length === 1 ? lower.charCodeAt(0) : c;
      keep = alnumOnly ? /[\p{L}\p{N}]/u.test(ch) : !isSpace(c) && !/\s/.test(ch);
    }
    if (!keep) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && n > 0) buf[n++] = 32;
    pendingSpace = false;
    buf[n++] = f;
  }
  return n;
}

function fold(text: string, alnumOnly: boolean): string {
  // foldInto may replace the buffer with a larger one: read `buffer` only after it ran.
  const n = foldInto(text, alnumOnly);
  return decodeUnits(buffer, n);
}

/**
 * A 52-bit hash of wordKey(text) without building the key: comparing many long texts (duplicate tasks) only needs
 * the keys of those whose hashes meet. -1 when the text has no letters or digits.
 */
export function wordKeyHash(text: string): number {
  if (!wordKeyHalves(text, HALVES)) return -1; // no words at all
  return HALVES[0] * 0x100000 + (HALVES[1] & 0xfffff);
}

const HALVES = new Uint32Array(2);

/**
 * The two 32-bit halves of wordKey(text)'s hash, in full, written to `out`: a 64-bit fingerprint for keys compared
 * across more texts than can be kept (a consolidation of a million rows). False when the text has no words.
 */
export function wordKeyHalves(text: string, out: Uint32Array): boolean {
  // The same walk as foldInto (words only), hashing as it goes instead of writing a buffer.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let f: number;
    if (c < FOLD_LIMIT) {
      f = FOLD[c];
      if (f < 0) {
        if (f === -1) continue;
        f = foldEntry(c);
      }
      if (ALNUM[c] !== 1) {
        pendingSpace = true;
        continue;
      }
    } else if (c >= 0xd800 && c <= 0xdfff) {
      f = c;
    } else {
      const ch = text.charAt(i);
      if (!/[\p{L}\p{N}]/u.test(ch)) {
        pendingSpace = true;
        continue;
      }
      const lower = ch.toLowerCase();
      f = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
    if (pendingSpace && n > 0) {
      h1 = Math.imul(h1 ^ 32, 16777619);
      h2 = Math.imul(h2 ^ 32, 2246822519);
    }
    pendingSpace = false;
    h1 = Math.imul(h1 ^ f, 16777619);
    h2 = Math.imul(h2 ^ f, 2246822519);
    n++;
  }
  if (n === 0) return false;
  out[0] = h1;
  out[1] = h2;
  return true;
}

/** String of the first n code units of buf, in slices small enough for apply's argument limit. */
function decodeUnits(buf: Uint16Array, n: number): string {
  if (n <= 8192) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let out = "";
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return out;
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
