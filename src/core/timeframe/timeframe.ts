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
import {
  at,
  compareDateParts,
  DASHES,
  endOf,
  INVALID,
  pointYearsInRange,
  scanPoint,
  scanYearList,
  startOf,
  yearsOfRange,
} from "./dated-points";
import { DateParts, Granularity, Period, Timeframe, TimeframeKind } from "./timeframe-types";

export type { DateParts, Granularity, Period, Timeframe, TimeframeKind } from "./timeframe-types";
export { MAX_YEAR, MIN_YEAR, UNDATED_BUCKET } from "./timeframe-types";
export { compareDateParts } from "./dated-points";
export { periodBucket, periodProblems, planPeriodFromTitle, startQuarter } from "./plan-periods";

const SPACED_SLASH = /\s*\/\s*/g;
const TRAILING_PUNCTUATION = /[\s.;,:!]+$/;
const TRAILING_CHARS = ".;,:! ";
const WRAPPING_PARENS = /^\((.*)\)$/;
const MONTH_LETTER = /(^|[\s(,;])t(\d{1,2})\//;
const MONTH_LETTER_G = /(^|[\s(,;])t(\d{1,2})\//g;

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
