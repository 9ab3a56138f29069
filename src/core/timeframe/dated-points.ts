/**
 * The dated points a timeframe is made of (SPEC 3.3): a date, a month, a quarter or a list of quarters, a half
 * year or a year, scanned with sticky regexes over the folded text, with their years checked and, for a range,
 * an unwritten year taken from the other end.
 */
import { DateParts, Granularity, MAX_YEAR, MIN_YEAR } from "./timeframe-types";

// ---------------------------------------------------------------------------------------------------
// Points: the dated pieces a timeframe is made of.

/** A point before its year is attached: months are 1-12, endDay 0 = last day of endMonth. */
export interface Point {
  granularity: Granularity;
  startYear: number | null;
  endYear: number | null;
  startMonth: number;
  startDay: number;
  endMonth: number;
  endDay: number;
}

export interface Scanned {
  point: Point;
  next: number;
}

/** A point that matched the grammar but names an impossible day or a year out of range. */
export const INVALID = "invalid" as const;
export type ScanResult = Scanned | null | typeof INVALID;

/** The dashes Word and PDFs write, all read as "-". */
export const DASHES = /[\u2010-\u2015\u2212]/g;

// The year separator after a quarter or month: "/2022", "-2025", ".2022", " năm 2026", ", năm 2026", " 2026".
const YEAR_SEP = String.raw`(?:\s*[\/.\-]\s*|\s*,?\s*(?:nam\s+)?)`;
const QUARTER_WORD = String.raw`(?:qu[yi]|q)`;
const QUARTER_NUM = String.raw`(?:iv|i{1,3}|[1-4])(?![a-z\d])`;
const LIST_SEP = String.raw`\s*(?:,|-|va|&)\s*`;

const DATE_ISO = /\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:t[\d:.]+z?)?(?!\d)/y;
const DATE_DMY = /\s*(?:ngay\s+)?(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})(?!\d)/y;
/** "31/5", "Trước 15/12": a day and a month, the year left to the plan. */
const DATE_DM = /\s*(?:ngay\s+)?(\d{1,2})\/(\d{1,2})(?![\d\/])/y;
const DATE_WORDS = /\s*(?:ngay\s+)?(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s*nam\s+(\d{4})(?!\d)/y;
const HALF = new RegExp(
  String.raw`\s*(?:(?:0?6|sau)\s+thang|nua)\s+(dau|cuoi)(?:\s+nam)?(?:(?:\s*[\/.\-]\s*|\s*,?\s*)(\d{4})(?!\d))?`,
  "y",
);
const MONTH = new RegExp(
  String.raw`\s*thang\s+(\d{1,2})(?!\d)((?:${LIST_SEP}(?:thang\s+)?\d{1,2}(?!\d))*)(?:${YEAR_SEP}(\d{4})(?!\d))?`,
  "y",
);
const MONTH_BARE = /\s*(\d{1,2})\/(\d{4})(?!\d)/y;
const QUARTER = new RegExp(
  String.raw`\s*${QUARTER_WORD}\s*(${QUARTER_NUM})((?:${LIST_SEP}(?:${QUARTER_WORD}\s*)?${QUARTER_NUM})*)(?:${YEAR_SEP}(\d{4})(?!\d))?`,
  "y",
);
const YEAR = /\s*(?:nam\s+)?(\d{4})(?!\d)/y;
const YEAR_MORE = /\s*(?:,|va|&)\s*(?:nam\s+)?(\d{4})(?!\d)/y;

// Numerals inside the list tail of a quarter or month ("…, ii", " và quý III", "-4").
const QUARTER_NUM_G = /\b(iv|i{1,3}|[1-4])\b/g;
const MONTH_NUM_G = /\d{1,2}/g;

const QUARTER_NUMERALS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

export function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function yearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

export function scanYear(raw: string | undefined): number | null | typeof INVALID {
  if (raw === undefined) return null;
  const year = Number(raw);
  return yearInRange(year) ? year : INVALID;
}

export function dayPoint(year: number, month: number, day: number, next: number): ScanResult {
  if (!yearInRange(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return INVALID;
  return {
    point: { granularity: "day", startYear: year, endYear: year, startMonth: month, startDay: day, endMonth: month, endDay: day },
    next,
  };
}

export function dayMonth(day: number, month: number, next: number): ScanResult {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return INVALID;
  return {
    point: { granularity: "day", startYear: null, endYear: null, startMonth: month, startDay: day, endMonth: month, endDay: day },
    next,
  };
}

/**
 * The numbers of a listed quarter or month ("Quý I, II/2023", "Tháng 3-4/2025") as the span they cover.
 * A dashed pair that runs backwards ("Quý IV-II/2026") crosses the new year: it starts the year before.
 */
export function listSpan(
  first: number,
  tail: string,
  re: RegExp,
  read: (token: string) => number,
): { from: number; to: number; wraps: boolean } {
  let min = first;
  let max = first;
  let last = first;
  let count = 1;
  re.lastIndex = 0;
  for (let m = re.exec(tail); m !== null; m = re.exec(tail)) {
    last = read(m[1] ?? m[0]);
    count++;
    if (last < min) min = last;
    if (last > max) max = last;
  }
  if (count === 2 && last < first && tail.indexOf("-") >= 0) return { from: first, to: last, wraps: true };
  return { from: min, to: max, wraps: false };
}

export function listPoint(
  granularity: "month" | "quarter",
  year: number | null,
  span: { from: number; to: number; wraps: boolean },
  next: number,
): ScanResult {
  const startYear = year !== null && span.wraps ? year - 1 : year;
  if (startYear !== null && !yearInRange(startYear)) return INVALID;
  const perUnit = granularity === "quarter" ? 3 : 1;
  return {
    point: {
      granularity,
      startYear,
      endYear: year,
      startMonth: perUnit * (span.from - 1) + 1,
      startDay: 1,
      endMonth: perUnit * span.to,
      endDay: 0,
    },
    next,
  };
}

/**
 * "30/6/2025" is day/month/year. English templates and en-US exports write month/day/year ("6/30/2025"): when the
 * second number cannot be a month but the first can, that is the order — never a guess when both could be months.
 */
export function numericDay(first: number, second: number, year: number, next: number): ScanResult {
  if (second > 12 && first >= 1 && first <= 12) return dayPoint(year, first, second, next);
  return dayPoint(year, second, first, next);
}

/** One dated point at `pos`, trying the longer shapes first so "30/11/2025" is a day, not a month. */
export function scanPoint(s: string, pos: number): ScanResult {
  let m = at(DATE_ISO, s, pos);
  if (m) return dayPoint(Number(m[1]), Number(m[2]), Number(m[3]), DATE_ISO.lastIndex);
  m = at(DATE_DMY, s, pos);
  if (m) return numericDay(Number(m[1]), Number(m[2]), Number(m[3]), DATE_DMY.lastIndex);
  m = at(DATE_WORDS, s, pos);
  if (m) return dayPoint(Number(m[3]), Number(m[2]), Number(m[1]), DATE_WORDS.lastIndex);

  m = at(HALF, s, pos);
  if (m) {
    const year = scanYear(m[2]);
    if (year === INVALID) return INVALID;
    const first = m[1] === "dau";
    return {
      point: {
        granularity: "half",
        startYear: year,
        endYear: year,
        startMonth: first ? 1 : 7,
        startDay: 1,
        endMonth: first ? 6 : 12,
        endDay: 0,
      },
      next: HALF.lastIndex,
    };
  }

  m = at(MONTH, s, pos);
  if (m) {
    const year = scanYear(m[3]);
    if (year === INVALID) return INVALID;
    const span = listSpan(Number(m[1]), m[2], MONTH_NUM_G, Number);
    if (Math.min(span.from, span.to) < 1 || Math.max(span.from, span.to) > 12) return INVALID;
    return listPoint("month", year, span, MONTH.lastIndex);
  }

  m = at(QUARTER, s, pos);
  if (m) {
    const year = scanYear(m[3]);
    if (year === INVALID) return INVALID;
    const span = listSpan(QUARTER_NUMERALS[m[1]], m[2], QUARTER_NUM_G, (t) => QUARTER_NUMERALS[t]);
    return listPoint("quarter", year, span, QUARTER.lastIndex);
  }

  m = at(MONTH_BARE, s, pos);
  if (m) {
    const year = scanYear(m[2]);
    const month = Number(m[1]);
    if (year === INVALID || month < 1 || month > 12) return INVALID;
    return {
      point: { granularity: "month", startYear: year, endYear: year, startMonth: month, startDay: 1, endMonth: month, endDay: 0 },
      next: MONTH_BARE.lastIndex,
    };
  }

  m = at(DATE_DM, s, pos);
  if (m) return dayMonth(Number(m[1]), Number(m[2]), DATE_DM.lastIndex);

  m = at(YEAR, s, pos);
  if (m) {
    const year = scanYear(m[1]);
    if (year === INVALID) return INVALID;
    return {
      point: { granularity: "year", startYear: year, endYear: year, startMonth: 1, startDay: 1, endMonth: 12, endDay: 0 },
      next: YEAR.lastIndex,
    };
  }
  return null;
}

/** "Năm 2022, 2023" — further years after a year point widen it. */
export function scanYearList(s: string, scanned: Scanned): Scanned | typeof INVALID {
  let { point, next } = scanned;
  for (let m = at(YEAR_MORE, s, next); m !== null; m = at(YEAR_MORE, s, next)) {
    const year = Number(m[1]);
    if (!yearInRange(year)) return INVALID;
    point = { ...point, startYear: Math.min(point.startYear ?? year, year), endYear: Math.max(point.endYear ?? year, year) };
    next = YEAR_MORE.lastIndex;
  }
  return { point, next };
}

export function startOf(p: Point): DateParts | null {
  return p.startYear === null ? null : { year: p.startYear, month: p.startMonth, day: p.startDay };
}

export function endOf(p: Point): DateParts | null {
  if (p.endYear === null) return null;
  return { year: p.endYear, month: p.endMonth, day: p.endDay === 0 ? daysInMonth(p.endYear, p.endMonth) : p.endDay };
}

export function shiftYears(p: Point, by: number): Point {
  return { ...p, startYear: p.startYear === null ? null : p.startYear + by, endYear: p.endYear === null ? null : p.endYear + by };
}

/**
 * "Tháng 3 - Tháng 6/2025": an end that leaves its year unwritten takes the other end's year — the year
 * before or after when the same year would run the range backwards ("Quý IV/2025 - Quý I").
 */
export function yearsOfRange(from: Point, to: Point): [Point, Point] {
  if (from.startYear === null && to.startYear !== null) {
    const dated: Point = { ...from, startYear: to.startYear, endYear: to.startYear };
    return [endsBefore(to, dated) ? shiftYears(dated, -1) : dated, to];
  }
  if (to.startYear === null && from.endYear !== null) {
    const dated: Point = { ...to, startYear: from.endYear, endYear: from.endYear };
    return [from, endsBefore(dated, from) ? shiftYears(dated, 1) : dated];
  }
  return [from, to];
}

export function pointYearsInRange(p: Point): boolean {
  return (p.startYear === null || yearInRange(p.startYear)) && (p.endYear === null || yearInRange(p.endYear));
}

export function endsBefore(a: Point, b: Point): boolean {
  const end = endOf(a);
  const start = startOf(b);
  return end !== null && start !== null && compareDateParts(end, start) < 0;
}

export function compareDateParts(a: DateParts, b: DateParts): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
