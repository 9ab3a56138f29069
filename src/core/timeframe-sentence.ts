/**
 * A timeframe written as a sentence — a leading verb, a period, a trailing clause, or several periods ("Ban hành
 * trong năm 2026. Thực hiện 2026-2030"): every period it names is read, the first is the timeframe's own, all are
 * kept; "thường xuyên" anywhere makes an undated sentence ongoing. Only cells the grammar of timeframe.ts could not
 * read come here, and each text once (parseTimeframe memoises), so the word-by-word walk costs nothing on ordinary
 * tables.
 */
import type { Timeframe } from "./timeframe";

/** The grammar, handed in by timeframe.ts: the dated timeframe starting at a position, and the undated cycles. */
export interface SentenceScan {
  at(s: string, pos: number, text: string): { tf: Timeframe; next: number } | null | "invalid";
  recurring: RegExp;
}

const ONGOING_ANYWHERE = /\bthuong xuyen\b/;

/** `s` is the folded text (see timeframe.clean); null when it names no period and no undated kind. */
export function parseSentence(s: string, text: string, scan: SentenceScan): Timeframe | null {
  const found: Timeframe[] = [];
  let pos = 0;
  while (pos < s.length) {
    const r = startsWord(s, pos) ? scan.at(s, pos, text) : null;
    // An impossible date is not skipped for a later piece of it ("Tháng 11 đến tháng 2/1900"); a document number is.
    if (r === "invalid" && !partOfDocumentNumber(s, pos, digitsEnd(s, pos))) return null;
    if (r !== null && r !== "invalid" && r.tf.period && !partOfDocumentNumber(s, pos, r.next)) {
      found.push(r.tf);
      pos = r.next;
      continue;
    }
    pos++;
  }
  const ongoing = ONGOING_ANYWHERE.test(s);
  if (found.length === 0) {
    if (ongoing) return { kind: "ongoing", text };
    return scan.recurring.test(s) ? { kind: "annual", text } : null;
  }
  const tf: Timeframe = { ...found[0], text };
  if (found.length > 1) tf.periods = found.map((f) => f.period!);
  if (ongoing) tf.ongoing = true;
  return tf;
}

function startsWord(s: string, pos: number): boolean {
  if (pos > 0) {
    const before = s.charCodeAt(pos - 1);
    if (before !== 32 && before !== 40 /* ( */ && before !== 44 /* , */ && before !== 58 /* : */ && before !== 59 /* ; */) return false;
  }
  const c = s.charCodeAt(pos);
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

function digitsEnd(s: string, pos: number): number {
  let e = pos;
  while (e < s.length && s.charCodeAt(e) >= 48 && s.charCodeAt(e) <= 57) e++;
  return e;
}

/** "Thông tư 25/2025/TT-BGDĐT", "Quyết định 2629/QĐ-TTg": a number in a document's number is not a date. */
function partOfDocumentNumber(s: string, start: number, end: number): boolean {
  const after = s.charAt(end);
  return after === "/" || (after === "-" && /[a-z]/.test(s.charAt(end + 1))) || s.charAt(start - 1) === "/";
}
