/**
 * A timeframe written as a sentence — a leading verb, a period, a trailing clause, or several periods ("Ban hành
 * trong năm 2026. Thực hiện 2026-2030"): every period it names is read, the first is the timeframe's own, all are
 * kept; "thường xuyên" anywhere makes an undated sentence ongoing. Only cells the grammar of timeframe.ts could not
 * read come here, and each text once (parseTimeframe memoises), so the word-by-word walk costs nothing on ordinary
 * tables.
 */
/** What the reader needs of a timeframe (timeframe.ts's Timeframe, without importing it back). */
interface SentenceTimeframe<P> {
  text: string;
  period?: P;
  periods?: P[];
  ongoing?: boolean;
}

/** The grammar, handed in by timeframe.ts: the dated timeframe starting at a position, and the undated kinds. */
export interface SentenceScan<T extends SentenceTimeframe<P>, P> {
  at(s: string, pos: number, text: string): { tf: T; next: number } | null | "invalid";
  recurring: RegExp;
  undated(kind: "ongoing" | "annual", text: string): T;
}

const ONGOING_ANYWHERE = /\bthuong xuyen\b/;

/** `s` is the folded text (see timeframe.clean); null when it names no period and no undated kind. */
export function parseSentence<T extends SentenceTimeframe<P>, P>(s: string, text: string, scan: SentenceScan<T, P>): T | null {
  const found: T[] = [];
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
    if (ongoing) return scan.undated("ongoing", text);
    return scan.recurring.test(s) ? scan.undated("annual", text) : null;
  }
  const tf: T = { ...found[0], text };
  if (found.length > 1) tf.periods = found.map((f) => f.period!);
  if (ongoing) tf.ongoing = true;
  return tf;
}

/**
 * True when the sentence has several clauses ("Khởi động quý IV/2026; báo cáo … quý II/2027; cập nhật hằng quý đến
 * 2030") and the first names a period: that period is the timeframe's, whatever cycle a later clause names.
 */
export function datedFirstClause<T extends SentenceTimeframe<P>, P>(s: string, text: string, scan: SentenceScan<T, P>): boolean {
  const end = s.search(/;|\.\s/);
  if (end <= 0) return false;
  const first = s.slice(0, end);
  if (scan.recurring.test(first) || ONGOING_ANYWHERE.test(first)) return false;
  return parseSentence(first, text, scan)?.period !== undefined;
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
