/**
 * Timeframes (SPEC 3.3): the "Thời gian thực hiện" / "Tiến độ" cell read as a kind and, where it has one,
 * a period. Parsing works on the folded key (no case, no diacritics), so "Quý", "Quí", "quý" and "QUÝ"
 * are one word, and walks it with a handful of sticky regexes compiled once at load: the engine parses
 * every row of 100,000-row tables.
 *
 * Grammar, over the folded text:
 *   [noise] [deadline | từ … | giai đoạn] point [, point …] [ (- | đến) point | và các năm tiếp theo ]
 * where a point is a date, a month, a quarter (or a list of quarters), a half year or a year. Undated
 * kinds (Thường xuyên, Hằng năm, Theo yêu cầu …, Theo Kế hoạch số …) are recognised by their lead words.
 */

import { memoize } from "../memo/memo";
import { foldKey } from "../sheet/text";
import { datedFirstClause, parseSentence, SentenceScan } from "./sentence";
import { RECURRING, undated } from "./undated-kinds";

export type TimeframeKind =
  | "date"
  | "month"
  | "quarter"
  | "half"
  | "year"
  | "range"
  | "open-ended"
  | "ongoing"
  | "annual"
  | "on-demand"
  | "per-document"
  | "unparsed"
  | "empty";

/** A calendar day. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** end null = open-ended ("… và các năm tiếp theo"). */
export interface Period {
  start: DateParts;
  end: DateParts | null;
}

export type Granularity = "day" | "month" | "quarter" | "half" | "year";

export interface Timeframe {
  kind: TimeframeKind;
  text: string;
  period?: Period;
  /** Precision of the period's start (for a range, of its first point). */
  granularity?: Granularity;
  /** true when a deadline ("Trước ngày …", "Đến hết năm …") */
  deadline?: boolean;
  /** Every period a sentence names, in order, when it names more than one; `period` is the first of them. */
  periods?: Period[];
  /** The sentence also says the work goes on ("… và vận hành thường xuyên"). */
  ongoing?: boolean;
}

/** Bucket for dated kinds whose year is not written ("Quý I", "6 tháng đầu năm"). */
export const UNDATED_BUCKET = "undated";

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

// ---------------------------------------------------------------------------------------------------
// Points: the dated pieces a timeframe is made of.

/** A point before its year is attached: months are 1-12, endDay 0 = last day of endMonth. */
interface Point {
  granularity: Granularity;
  startYear: number | null;
  endYear: number | null;
  startMonth: number;
  startDay: number;
  endMonth: number;
  endDay: number;
}

interface Scanned {
  point: Point;
  next: number;
}

/** A point that matched the grammar but names an impossible day or a year out of range. */
const INVALID = "invalid" as const;
type ScanResult = Scanned | null | typeof INVALID;

const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACED_SLASH = /\s*\/\s*/g;
const TRAILING_PUNCTUATION = /[\s.;,:!]+$/;
const TRAILING_CHARS = ".;,:! ";
const WRAPPING_PARENS = /^\((.*)\)$/;
const MONTH_LETTER = /(^|[\s(,;])t(\d{1,2})\//;
const MONTH_LETTER_G = /(^|[\s(,;])t(\d{1,2})\//g;

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

// ---------------------------------------------------------------------------------------------------
// Words around the points.

// Words that add nothing to the period: "Trong năm 2022", "Phiên họp tháng 3/2026", "Dự kiến Quý IV/2025".
const NOISE = /(?:(?:trong|vao|phien hop|ky hop|hoan thanh|du kien|thoi gian|(?:cuoi|dau|giua)(?=\s+(?:nam|qu[yi]|thang)\b))\s+)*/y;
const DEADLINE_PREFIX = /(?:truoc|cham nhat(?:\s+la)?|han chot|han|den het|den)\s+/y;
const OPEN_PREFIX = /(?:(?:bat dau|ke)\s+(?:(?:trien khai|thuc hien)\s+)?tu|tu|bat dau\s+(?:(?:trien khai|thuc hien)\s+)?)\s+/y;
const PERIOD_PREFIX = /(?:giai doan|gd)\s+/y;
const RANGE_TAIL = /\s*(?:-|~|den het|den|toi)\s*/y;
const OPEN_TAIL =
  /\s*(?:,\s*)?(?:(?:va|&)\s+)?(?:(?:(?:cac|nhung)\s+)?nam\s+(?:tiep\s+theo|ke\s+tiep|tiep|sau)|tro\s+di|tro\s+ve\s+sau|ve\s+sau)/y;

const KIND_OF_GRANULARITY: Readonly<Record<Granularity, TimeframeKind>> = {
  day: "date",
  month: "month",
  quarter: "quarter",
  half: "half",
  year: "year",
};

function at(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function yearInRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function scanYear(raw: string | undefined): number | null | typeof INVALID {
  if (raw === undefined) return null;
  const year = Number(raw);
  return yearInRange(year) ? year : INVALID;
}

function dayPoint(year: number, month: number, day: number, next: number): ScanResult {
  if (!yearInRange(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return INVALID;
  return {
    point: { granularity: "day", startYear: year, endYear: year, startMonth: month, startDay: day, endMonth: month, endDay: day },
    next,
  };
}

function dayMonth(day: number, month: number, next: number): ScanResult {
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
function listSpan(first: number, tail: string, re: RegExp, read: (token: string) => number): { from: number; to: number; wraps: boolean } {
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

function listPoint(
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
function numericDay(first: number, second: number, year: number, next: number): ScanResult {
  if (second > 12 && first >= 1 && first <= 12) return dayPoint(year, first, second, next);
  return dayPoint(year, second, first, next);
}

/** One dated point at `pos`, trying the longer shapes first so "30/11/2025" is a day, not a month. */
function scanPoint(s: string, pos: number): ScanResult {
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
function scanYearList(s: string, scanned: Scanned): Scanned | typeof INVALID {
  let { point, next } = scanned;
  for (let m = at(YEAR_MORE, s, next); m !== null; m = at(YEAR_MORE, s, next)) {
    const year = Number(m[1]);
    if (!yearInRange(year)) return INVALID;
    point = { ...point, startYear: Math.min(point.startYear ?? year, year), endYear: Math.max(point.endYear ?? year, year) };
    next = YEAR_MORE.lastIndex;
  }
  return { point, next };
}

function startOf(p: Point): DateParts | null {
  return p.startYear === null ? null : { year: p.startYear, month: p.startMonth, day: p.startDay };
}

function endOf(p: Point): DateParts | null {
  if (p.endYear === null) return null;
  return { year: p.endYear, month: p.endMonth, day: p.endDay === 0 ? daysInMonth(p.endYear, p.endMonth) : p.endDay };
}

function shiftYears(p: Point, by: number): Point {
  return { ...p, startYear: p.startYear === null ? null : p.startYear + by, endYear: p.endYear === null ? null : p.endYear + by };
}

/**
 * "Tháng 3 - Tháng 6/2025": an end that leaves its year unwritten takes the other end's year — the year
 * before or after when the same year would run the range backwards ("Quý IV/2025 - Quý I").
 */
function yearsOfRange(from: Point, to: Point): [Point, Point] {
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

function pointYearsInRange(p: Point): boolean {
  return (p.startYear === null || yearInRange(p.startYear)) && (p.endYear === null || yearInRange(p.endYear));
}

function endsBefore(a: Point, b: Point): boolean {
  const end = endOf(a);
  const start = startOf(b);
  return end !== null && start !== null && compareDateParts(end, start) < 0;
}

function dated(kind: TimeframeKind, text: string, granularity: Granularity, period: Period | null, deadline: boolean): Timeframe {
  const tf: Timeframe = { kind, text, granularity };
  if (period) tf.period = period;
  if (deadline) tf.deadline = true;
  return tf;
}

/** The folded key the grammar reads: one kind of dash, "IV / 2022" as "iv/2022", no closing full stop. */
function clean(text: string): string {
  // The guards skip regex passes most cells do not need; every row of a large table comes through here.
  let key = foldKey(text).replace(DASHES, "-");
  if (key.indexOf("/") >= 0) key = key.replace(SPACED_SLASH, "/");
  if (TRAILING_CHARS.indexOf(key.charAt(key.length - 1)) >= 0) key = key.replace(TRAILING_PUNCTUATION, "");
  // "T11/2025": the month abbreviated to its letter.
  if (key.indexOf("t") >= 0 && MONTH_LETTER.test(key)) key = key.replace(MONTH_LETTER_G, "$1thang $2/");
  if (key.charCodeAt(0) !== 40 /* ( */) return key;
  const inner = WRAPPING_PARENS.exec(key);
  return inner ? inner[1].trim() : key;
}

/** The dated grammar; null when the text is not a dated timeframe, INVALID when it names an impossible one. */
function parseDated(s: string, text: string): Timeframe | null | typeof INVALID {
  const r = scanDated(s, 0, text);
  if (r === null || r === INVALID) return r;
  return r.next === s.length ? r.tf : null;
}

/**
 * The dated timeframe that starts at `pos`, as long as the grammar reaches: a point, a list of years, a range or an
 * open end. `next` is where it stops; the caller decides whether what follows may be prose.
 */
function scanDated(s: string, start: number, text: string): { tf: Timeframe; next: number } | null | typeof INVALID {
  let pos = at(NOISE, s, start) ? NOISE.lastIndex : start;
  let deadline = false;
  let open = false;
  if (at(DEADLINE_PREFIX, s, pos)) {
    deadline = true;
    pos = DEADLINE_PREFIX.lastIndex;
  } else if (at(OPEN_PREFIX, s, pos)) {
    open = true;
    pos = OPEN_PREFIX.lastIndex;
  } else if (at(PERIOD_PREFIX, s, pos)) {
    pos = PERIOD_PREFIX.lastIndex;
  }
  if (at(NOISE, s, pos)) pos = NOISE.lastIndex;

  let first = scanPoint(s, pos);
  if (first === null) return null;
  if (first === INVALID) return INVALID;
  if (first.point.granularity === "year") {
    first = scanYearList(s, first);
    if (first === INVALID) return INVALID;
  }
  const p1 = first.point;
  pos = first.next;
  const single = (next: number) => {
    const begin = startOf(p1);
    if (open) return { tf: dated("open-ended", text, p1.granularity, begin && { start: begin, end: null }, deadline), next };
    const end = endOf(p1);
    return { tf: dated(KIND_OF_GRANULARITY[p1.granularity], text, p1.granularity, begin && end && { start: begin, end }, deadline), next };
  };
  if (pos === s.length) return single(pos);

  if (at(OPEN_TAIL, s, pos)) {
    const begin = startOf(p1);
    return { tf: dated("open-ended", text, p1.granularity, begin && { start: begin, end: null }, deadline), next: OPEN_TAIL.lastIndex };
  }

  if (at(RANGE_TAIL, s, pos)) {
    const second = scanPoint(s, RANGE_TAIL.lastIndex);
    if (second === INVALID) return INVALID;
    if (second === null) return single(pos);
    const [from, to] = yearsOfRange(p1, second.point);
    if (!pointYearsInRange(from) || !pointYearsInRange(to)) return INVALID;
    const begin = startOf(from);
    // "Năm 2022 - 2023 và các năm tiếp theo": the range only names the first years of an open period.
    if (at(OPEN_TAIL, s, second.next)) {
      return { tf: dated("open-ended", text, p1.granularity, begin && { start: begin, end: null }, deadline), next: OPEN_TAIL.lastIndex };
    }
    const end = endOf(to);
    return { tf: dated("range", text, p1.granularity, begin && end && { start: begin, end }, deadline), next: second.next };
  }
  return single(pos);
}

/** What the sentence reader needs of the grammar: the dated timeframe at a position, and the undated cycles. */
const sentenceScan: SentenceScan<Timeframe, Period> = {
  at: (s, pos, text) => {
    const r = scanDated(s, pos, text);
    return r === INVALID ? "invalid" : r;
  },
  recurring: RECURRING,
  undated: (kind, text) => ({ kind, text }),
};

function parseLine(text: string): Timeframe {
  const s = clean(text);
  if (s === "") return { kind: "empty", text };
  const tf = parseDated(s, text);
  if (tf === INVALID) return { kind: "unparsed", text };
  if (tf !== null) return tf;
  const kind = undated(s);
  return { kind: kind ?? "unparsed", text };
}

export function compareDateParts(a: DateParts, b: DateParts): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * A cell pasted from Word may hold one dated timeframe per line ("Quý I/2023\nQuý II/2023"): the whole is
 * their span. Only when every line is dated — a line of prose makes the cell unparsed.
 */
function combineLines(text: string, parts: Timeframe[]): Timeframe {
  let start: DateParts | null = null;
  let end: DateParts | null = null;
  let openEnded = false;
  let granularity: Granularity | undefined;
  for (const part of parts) {
    if (!part.period) return { kind: "unparsed", text };
    if (start === null || compareDateParts(part.period.start, start) < 0) {
      start = part.period.start;
      granularity = part.granularity;
    }
    if (part.period.end === null) openEnded = true;
    else if (end === null || compareDateParts(part.period.end, end) > 0) end = part.period.end;
  }
  if (start === null || granularity === undefined) return { kind: "unparsed", text };
  const sameKind = parts.every((p) => p.kind === parts[0].kind);
  const kind: TimeframeKind = openEnded ? "open-ended" : sameKind && parts[0].kind !== "range" ? parts[0].kind : "range";
  return { kind, text, granularity, period: { start, end: openEnded ? null : end } };
}

/** Reads one timeframe cell. Never throws: what fits no kind is "unparsed", blank is "empty". */
export function parseTimeframe(text: string): Timeframe {
  return parseMemo(text);
}

// Timeframe cells repeat across rows and tables; the parse of a text never changes, so it is kept.
const parseMemo = memoize((text: string) => Object.freeze(parseText(text)) as Timeframe);

function parseText(text: string): Timeframe {
  let tf = parseLine(text);
  if (tf.kind === "unparsed" && text.indexOf("\n") >= 0) {
    const parts = text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map(parseLine);
    if (parts.length > 1) tf = combineLines(text, parts);
  }
  // A cycle named in a later clause ("…; cập nhật hằng quý đến 2030") does not outweigh the period of the first.
  if (tf.kind !== "unparsed" && !(tf.kind === "annual" && datedFirstClause(clean(text), text, sentenceScan))) return tf;
  // A date, a line break, then prose; a sentence around its periods: read what periods it names.
  return parseSentence(clean(text), text, sentenceScan) ?? tf;
}

/**
 * Bucket for the per-period tally: the start year as "2022", or the kind name for undated kinds
 * ("ongoing", "annual", "on-demand", "per-document", "unparsed", "empty"); a dated kind written without
 * its year ("Quý I") goes to UNDATED_BUCKET.
 */
export function periodBucket(tf: Timeframe): string {
  if (tf.period) return String(tf.period.start.year);
  switch (tf.kind) {
    case "ongoing":
    case "annual":
    case "on-demand":
    case "per-document":
    case "unparsed":
    case "empty":
      return tf.kind;
    default:
      return UNDATED_BUCKET;
  }
}

/** Quarter of the start (1-4) when the start is known to quarter precision or finer, else null. */
export function startQuarter(tf: Timeframe): number | null {
  if (!tf.period) return null;
  const g = tf.granularity;
  if (g !== "day" && g !== "month" && g !== "quarter") return null;
  return Math.floor((tf.period.start.month - 1) / 3) + 1;
}

/** Problems of one period: "order" when end < start; "outside-plan" when the period ends before planStart year. */
export function periodProblems(tf: Timeframe, plan?: { startYear: number; endYear: number }): Array<"order" | "outside-plan"> {
  const problems: Array<"order" | "outside-plan"> = [];
  const period = tf.period;
  if (!period || period.end === null) return problems;
  if (compareDateParts(period.end, period.start) < 0) problems.push("order");
  if (plan && period.end.year < plan.startYear) problems.push("outside-plan");
  return problems;
}

// Plan periods in titles. Dates ("ngày 24/11/2025") and horizons ("tầm nhìn đến năm 2045") are not the
// plan's own period, hence the look-behinds.
const TITLE_GIAI_DOAN = /giai doan\s+(\d{4})\s*(?:-|den)\s*(?:nam\s+)?(\d{4})(?!\d)/;
const TITLE_RANGE = /(?<![\/\d.\-])(?<!\b(?:den|toi|het)\s+(?:nam\s+)?)(?:\bnam\s+)?(\d{4})\s*(?:-|den)\s*(?:nam\s+)?(\d{4})(?![\d\/])/;
const TITLE_YEAR = /(?<!\b(?:den|toi|het|thang\s+\d{1,2}|tu)\s+)\bnam\s+(\d{4})(?!\d)/;

function titleYears(startRaw: string, endRaw: string): { startYear: number; endYear: number } | null {
  const startYear = Number(startRaw);
  const endYear = Number(endRaw);
  if (!yearInRange(startYear) || !yearInRange(endYear) || endYear < startYear) return null;
  return { startYear, endYear };
}

/** Find the plan's period in title text: "năm 2026" → 2026..2026, "2022 - 2023 và các năm tiếp theo" → 2022..2023, "giai đoạn 2026-2030" → 2026..2030. null when none. */
export function planPeriodFromTitle(text: string): { startYear: number; endYear: number } | null {
  const s = foldKey(text).replace(DASHES, "-");
  // A written range that makes no sense ("2030 - 2026") is not replaced by a guess from its first year.
  const range = TITLE_GIAI_DOAN.exec(s) ?? TITLE_RANGE.exec(s);
  if (range) return titleYears(range[1], range[2]);
  const year = TITLE_YEAR.exec(s);
  if (year) return titleYears(year[1], year[1]);
  return null;
}
