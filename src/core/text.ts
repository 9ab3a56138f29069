/**
 * Text normalisation (SPEC 3.1). Every cell goes through `normalizeText` before it is read, and every
 * comparison of words goes through `foldKey`, which ignores case, diacritics and tone placement.
 */

const SPACE_RUN = /[ \t\u00a0\u2007\u202f\u3000]+/g;
const LINE_BREAK = /\r\n?|\u2028|\u2029/g;

/** NFC, unify line breaks, fold runs of (non-breaking) spaces, trim each line and the whole. */
export function normalizeText(raw: string): string {
  if (raw === "") return "";
  const nfc = raw.normalize("NFC").replace(LINE_BREAK, "\n").replace(SPACE_RUN, " ");
  if (nfc.indexOf("\n") < 0) return nfc.trim();
  return nfc
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * A matching key: lower case, no diacritics (đ → d), single spaces, line breaks as spaces.
 * "Hóa" and "hoá" fold to the same key because both lose their marks.
 */
export function foldKey(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
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
