/**
 * Vietnamese alphabetical order (thứ tự chữ cái), as `Intl.Collator("vi")` sorts: the letters a ă â b c d đ e ê … ư
 * first, then the tones (ngang, huyền, hỏi, ngã, sắc, nặng), then lower case before upper; spaces, punctuation and
 * digits before letters, in ICU's order. Written out because making the first ICU collator of a process costs 8–15 ms
 * (it loads the collation data), a twentieth of a whole check of a small appendix. A text with any character this
 * table does not know (another script, a symbol, a combining mark) is compared by the ICU collator after all, so the
 * order is always ICU's: a test holds the table to it.
 */

/** Spaces, punctuation and digits, in ICU's primary order; they sort before every letter. */
const BEFORE_LETTERS = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789";
/** The Latin alphabet with Vietnamese's own letters in their places. */
const LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
/** The tone marks in Vietnamese order, after the unmarked ngang: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];
const TONED = new Set("aăâeêioôơuưy");

interface Weight {
  primary: number;
  tone: number;
  upper: number;
}

let weights: Map<number, Weight> | null = null;

function weightTable(): Map<number, Weight> {
  const table = new Map<number, Weight>();
  let primary = 1;
  for (const ch of BEFORE_LETTERS) table.set(ch.charCodeAt(0), { primary: primary++, tone: 0, upper: 0 });
  for (const letter of LETTERS) {
    const forms = [letter, ...(TONED.has(letter) ? TONES.map((t) => (letter + t).normalize("NFC")) : [])];
    forms.forEach((form, tone) => {
      table.set(form.charCodeAt(0), { primary, tone, upper: 0 });
      table.set(form.toUpperCase().charCodeAt(0), { primary, tone, upper: 1 });
    });
    primary++;
  }
  return table;
}

let icu: Intl.Collator | null = null;

function icuCompare(a: string, b: string): number {
  icu ??= new Intl.Collator("vi");
  return icu.compare(a, b);
}

/** Negative, zero or positive as a sorts before, with or after b in Vietnamese order. */
export function compareVietnamese(a: string, b: string): number {
  if (a === b) return 0;
  const table = (weights ??= weightTable());
  const n = Math.min(a.length, b.length);
  // The first difference of each level, found in one walk; a later level counts only when the earlier ones tie.
  let tone = 0;
  let upper = 0;
  for (let i = 0; i < n; i++) {
    const wa = table.get(a.charCodeAt(i));
    const wb = table.get(b.charCodeAt(i));
    if (wa === undefined || wb === undefined) return icuCompare(a, b);
    if (wa.primary !== wb.primary) return knownRest(a, b, i, table) ? wa.primary - wb.primary : icuCompare(a, b);
    if (tone === 0) tone = wa.tone - wb.tone;
    if (upper === 0) upper = wa.upper - wb.upper;
  }
  if (!knownRest(a, b, n, table)) return icuCompare(a, b);
  return a.length - b.length || tone || upper;
}

/** True when every character of both texts from `from` on is in the table, so the table's answer is ICU's. */
function knownRest(a: string, b: string, from: number, table: Map<number, Weight>): boolean {
  for (let i = from; i < a.length; i++) if (!table.has(a.charCodeAt(i))) return false;
  for (let i = from; i < b.length; i++) if (!table.has(b.charCodeAt(i))) return false;
  return true;
}
