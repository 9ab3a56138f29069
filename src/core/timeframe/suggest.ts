/**
 * Readable forms near a timeframe cell that cannot be read (issue 16), offered as one-click fixes: "Quý IV/2026",
 * "Tháng 11/2026", "Năm 2026", "Thường xuyên". What the text still says is kept — a quarter numeral, a month, a
 * year with a slipped key ("20266"), a misspelt "Thường xuyên" — and a year the text lacks or mistypes comes from
 * the rows around it, else from the plan. Every suggestion is read back by parseTimeframe before it is offered.
 */
import { foldKey } from "../sheet/text";
import { MAX_YEAR, MIN_YEAR, parseTimeframe } from "./timeframe";

export interface TimeframeContext {
  /** The plan's period (from its title or the settings). */
  plan?: { startYear: number; endYear: number } | null;
  /** Start years of the readable timeframes in the rows around the cell. */
  nearbyYears?: readonly number[];
}

const MAX_SUGGESTIONS = 4;
const ROMAN = ["i", "ii", "iii", "iv"] as const;
const ROMAN_UPPER = ["I", "II", "III", "IV"] as const;

const inRange = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

/** The year the rows around agree on most (the latest on a tie), else the plan's first year. */
function contextYear(context: TimeframeContext): number | null {
  const counts = new Map<number, number>();
  for (const y of context.nearbyYears ?? []) if (inRange(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  if (best !== null) return best;
  const plan = context.plan;
  return plan && inRange(plan.startYear) ? plan.startYear : null;
}

const doubled = (digits: string, i: number) => digits[i] === digits[i - 1] || digits[i] === digits[i + 1];

/** Years the digits of the text may have meant: as written, with one digit too many, or two digits after "/". */
function writtenYears(s: string, near: number | null): { years: number[]; typo: boolean } {
  const years: number[] = [];
  const typos: number[] = [];
  for (const m of s.matchAll(/\d+/g)) {
    const digits = m[0];
    const before = s.charAt((m.index ?? 0) - 1);
    if (digits.length === 4 && inRange(Number(digits))) years.push(Number(digits));
    else if (digits.length === 5) {
      // A key pressed twice ("20266") first: dropping one of two equal digits.
      const order = [0, 1, 2, 3, 4].sort((a, b) => Number(doubled(digits, b)) - Number(doubled(digits, a)));
      for (const i of order) {
        const y = Number(digits.slice(0, i) + digits.slice(i + 1));
        if (inRange(y) && !typos.includes(y)) typos.push(y);
      }
    } else if (digits.length === 2 && (before === "/" || before === "." || before === "-")) typos.push(2000 + Number(digits));
  }
  if (years.length > 0) return { years, typo: false };
  // sort is stable: among years as near, the doubled-key reading stays first.
  if (near !== null) typos.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
  return { years: typos.slice(0, 1), typo: typos.length > 0 };
}

/** A quarter the text names: "quý IV", "qúy 4", "Q.4", or a lone Roman numeral before a year ("IV/2026"). */
function quarterOf(s: string): number | null {
  const word = /(?:^|[^a-z])q[a-z]{0,3}\s*\.?\s*(iv|iii|ii|i|[1-4])(?![a-z\d])/.exec(s);
  const roman = word ?? /(?:^|[^a-z])(iv|iii|ii|i)\s*[/.\-]\s*\d/.exec(s);
  if (!roman) return null;
  const n = roman[1];
  return /\d/.test(n) ? Number(n) : ROMAN.indexOf(n as (typeof ROMAN)[number]) + 1;
}

/** A month the text names: "tháng 11", "T11", "th.11", or the month of an impossible day ("31/11/2026"). */
function monthOf(s: string): number | null {
  const word = /(?:^|[^a-z])(?:thang|th|t)\s*\.?\s*(\d{1,2})(?!\d)/.exec(s);
  const day = word ?? /(?:^|\D)\d{1,2}\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*\d{2,5}/.exec(s);
  if (!day) return null;
  const month = Number(day[1]);
  return month >= 1 && month <= 12 ? month : null;
}

/** Edit distance, for the few short words compared here. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The text, letters only, is near `word` (a slip or two, "thuong xuyyen", "thuongxuyen"). */
function resembles(s: string, word: string): boolean {
  const letters = s.replace(/[^a-z]/g, "");
  const target = word.replace(/ /g, "");
  return letters.length > 0 && distance(letters, target) <= Math.max(1, Math.floor(target.length / 4));
}

function readable(text: string): boolean {
  const kind = parseTimeframe(text).kind;
  return kind !== "unparsed" && kind !== "empty";
}

/** Up to four readable timeframes near `text`, nearest first; none when the text already reads. */
export function suggestTimeframes(text: string, context: TimeframeContext = {}): string[] {
  // A blank cell is a missing timeframe, not an unreadable one.
  if (text.trim() === "" || readable(text)) return [];
  const s = foldKey(text).replace(/[\u2010-\u2015\u2212]/g, "-");
  const near = contextYear(context);
  const written = writtenYears(s, near);
  const year = written.years[0] ?? near;
  const out: string[] = [];
  const offer = (form: string) => {
    if (!out.includes(form) && readable(form)) out.push(form);
  };

  if (resembles(s, "thuong xuyen")) offer("Thường xuyên");
  if (resembles(s, "hang nam")) offer("Hằng năm");
  if (year !== null) {
    const quarter = quarterOf(s);
    const month = monthOf(s);
    if (quarter !== null) offer(`Quý ${ROMAN_UPPER[quarter - 1]}/${year}`);
    if (month !== null) offer(`Tháng ${month}/${year}`);
    offer(`Năm ${year}`);
    // A year the text did not write, or wrote wrongly, may be the context's rather than the nearest guess.
    if (near !== null && near !== year && written.typo) offer(`Năm ${near}`);
    const plan = context.plan;
    if (plan && plan.endYear > plan.startYear && (quarter === null || month === null)) offer(`Năm ${plan.startYear} - ${plan.endYear}`);
  }
  offer("Thường xuyên");
  return out.slice(0, MAX_SUGGESTIONS);
}
