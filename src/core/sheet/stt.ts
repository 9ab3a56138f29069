/**
 * STT (số thứ tự — the row number column): what kind of number a cell holds and how numbers follow each other.
 */
import { memoize } from "../memo/memo";

export type SttKind =
  | "empty"
  | "roman" // I, II, IV — section numerals
  | "letter" // A, B — top-level sections
  | "number" // 1, 2, 3
  | "hierarchical" // 1.1, 5.1.1, III.1.1
  | "subletter" // a, b, c — sub-tasks
  | "bullet" // -, +, •
  | "other";

export interface Stt {
  kind: SttKind;
  /** The cell as written, trimmed. */
  text: string;
  /** Numeric parts: "5.1.1" → [5,1,1]; "IV" → [4]; "B" → [2]; "III.1.1" → [3,1,1]. */
  parts: number[];
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
// Up to CCCXCIX (399): plans with more than 39 sections exist; past that a "numeral" is more likely a word.
const ROMAN = /^(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** Value of a Roman numeral up to CCCXCIX, or null. */
export function romanValue(text: string): number | null {
  const up = text.toUpperCase();
  if (up === "" || !ROMAN.test(up)) return null;
  let total = 0;
  for (let i = 0; i < up.length; i++) {
    const v = ROMAN_VALUES[up[i]];
    const next = i + 1 < up.length ? ROMAN_VALUES[up[i + 1]] : 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function toRoman(n: number): string {
  const table: Array<[number, string]> = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let s = "";
  let rest = n;
  for (const [v, sym] of table) {
    while (rest >= v) {
      s += sym;
      rest -= v;
    }
  }
  return s;
}

const TRAILING_PUNCT = /[.)\]:]+$/;
const PART = /^(?:phần|mục|chương|phan|muc)\s+([IVXivx]{1,6}|\d{1,2})$/iu;
const HIERARCHICAL = /^((?:[IVX]+|\d+)(?:\.\d+)+)\.?$/;

/** STT cells repeat ("1" … "25", "I", "-") on every page of a table: each text is parsed once, the result shared. */
export const parseStt: (raw: string) => Stt = memoize((raw: string) => Object.freeze(readStt(raw)) as Stt);

function readStt(raw: string): Stt {
  const text = raw.trim();
  if (text === "") return { kind: "empty", text, parts: [] };
  if (/^[-+•–—*]$/.test(text)) return { kind: "bullet", text, parts: [] };
  const bare = text.replace(/^\(/, "").replace(TRAILING_PUNCT, "").trim();
  // "Phần I", "Mục II", "Chương 1": a part of the table, numbered as a section.
  const part = PART.exec(bare);
  if (part) {
    const v = /^\d+$/.test(part[1]) ? Number(part[1]) : romanValue(part[1]);
    if (v) return { kind: "roman", text, parts: [v] };
  }
  // Tables of 100,000 tasks number past 9,999.
  if (/^\d{1,6}$/.test(bare)) return { kind: "number", text, parts: [Number(bare)] };
  const h = HIERARCHICAL.exec(bare);
  if (h) {
    const segs = h[1].split(".");
    const first = /^\d+$/.test(segs[0]) ? Number(segs[0]) : (romanValue(segs[0]) ?? 0);
    if (first > 0) return { kind: "hierarchical", text, parts: [first, ...segs.slice(1).map(Number)] };
  }
  // Single letters: "I", "V", "X" read as Roman numerals, the rest of the alphabet as section letters.
  // A lone "C" or "L" is a letter section (A, B, C …), not 100 or 50.
  if (/^[IVXLCivxlc]{1,9}$/.test(bare) && bare === bare.toUpperCase() && (bare.length > 1 || /^[IVX]$/.test(bare))) {
    const v = romanValue(bare);
    if (v !== null) return { kind: "roman", text, parts: [v] };
  }
  if (/^[A-Z]$/.test(bare)) return { kind: "letter", text, parts: [bare.charCodeAt(0) - 64] };
  if (/^[a-zđ]$/.test(bare)) return { kind: "subletter", text, parts: [bare === "đ" ? 5 : bare.charCodeAt(0) - 96] };
  return { kind: "other", text, parts: [] };
}

/** True for kinds that number a section heading rather than a task. */
export function isSectionNumeral(stt: Stt): boolean {
  return stt.kind === "roman" || stt.kind === "letter";
}

/** Canonical comparison key: "1." and "1" are the same number, "III.1" and "3.1" too. */
export function sttKey(stt: Stt): string {
  if (stt.parts.length === 0) return stt.text;
  return `${stt.kind === "subletter" ? "s" : stt.kind === "roman" || stt.kind === "letter" ? stt.kind[0] : "n"}${stt.parts.join(".")}`;
}

/** The STT the row before should have had, if `prev` is followed by `next` without a gap. */
export function followsWithoutGap(prev: Stt, next: Stt): boolean {
  if (prev.parts.length === 0 || next.parts.length === 0) return true;
  if (prev.parts.length !== next.parts.length) {
    // 1 → 1.1 (entering children) and 1.2 → 2 (leaving them) are both normal steps.
    return true;
  }
  const n = next.parts.length;
  for (let i = 0; i < n - 1; i++) if (prev.parts[i] !== next.parts[i]) return next.parts[n - 1] === 1;
  return next.parts[n - 1] === prev.parts[n - 1] + 1;
}
