/**
 * Deadlines from timeframes: when a task falls due, and where it stands on a given day.
 *
 * A dated timeframe falls due at the end of its period ("Quý IV/2026" → 31/12/2026, "Tháng 11/2022" → 30/11/2022,
 * a range → its end). Ongoing, on-demand and per-document tasks have no deadline of their own. Annual tasks
 * ("Hằng năm") and open-ended ones ("Năm 2022 và các năm tiếp theo") recur: each year from their first year they
 * fall due on the plan's reporting date, 31/12 unless the plan states another (see reportingDateFromText) — the
 * same day a "Năm 2022" task falls due, so yearly and recurring tasks are judged alike.
 */
import { compareDateParts, DateParts, Timeframe, TimeframeKind } from "../timeframe/timeframe";
import { foldKey } from "../sheet/text";

/** Day and month of the yearly report. */
export interface ReportingDate {
  day: number;
  month: number;
}

export const DEFAULT_REPORTING_DATE: ReportingDate = { day: 31, month: 12 };

export type Deadline =
  | { kind: "fixed"; due: DateParts }
  /** Falls due every year from `fromYear` (null: every year of the plan) on the reporting date. */
  | { kind: "recurring"; fromYear: number | null }
  | { kind: "none"; reason: TimeframeKind | "undated" };

export function deadlineOf(tf: Timeframe): Deadline {
  switch (tf.kind) {
    case "date":
    case "month":
    case "quarter":
    case "half":
    case "year":
    case "range":
      return tf.period && tf.period.end ? { kind: "fixed", due: tf.period.end } : { kind: "none", reason: "undated" };
    case "open-ended":
      return { kind: "recurring", fromYear: tf.period ? tf.period.start.year : null };
    case "annual":
      return { kind: "recurring", fromYear: null };
    default:
      return { kind: "none", reason: tf.kind };
  }
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function onReportingDate(year: number, r: ReportingDate): DateParts {
  return { year, month: r.month, day: Math.min(r.day, lastDay(year, r.month)) };
}

/**
 * The due date that matters on `asOf`: the fixed one, or for a recurring task this year's occurrence (its first
 * one while it has not started). `planStartYear` is the first year of an annual task with no year of its own.
 */
export function dueOn(deadline: Deadline, asOf: DateParts, reporting: ReportingDate, planStartYear?: number | null): DateParts | null {
  if (deadline.kind === "fixed") return deadline.due;
  if (deadline.kind === "none") return null;
  const from = deadline.fromYear ?? planStartYear ?? asOf.year;
  return onReportingDate(Math.max(from, asOf.year), reporting);
}

/** The occurrence after `due` of a recurring task. */
export function nextOccurrence(due: DateParts, reporting: ReportingDate): DateParts {
  return onReportingDate(due.year + 1, reporting);
}

export type DeadlineBucket = "completed" | "overdue" | "this-month" | "this-quarter" | "later" | "no-deadline";

export const DEADLINE_BUCKETS: readonly DeadlineBucket[] = ["overdue", "this-month", "this-quarter", "later", "no-deadline", "completed"];

/**
 * Where a due date stands on `asOf`, read as the end of that day: a task due on or before it and not completed
 * is overdue (a year-end review as of 31/12 counts the Quý IV tasks as overdue).
 */
export function bucketOf(due: DateParts | null, asOf: DateParts): Exclude<DeadlineBucket, "completed"> {
  if (due === null) return "no-deadline";
  if (compareDateParts(due, asOf) <= 0) return "overdue";
  if (due.year === asOf.year && due.month === asOf.month) return "this-month";
  const quarter = (m: number) => Math.floor((m - 1) / 3);
  if (due.year === asOf.year && quarter(due.month) === quarter(asOf.month)) return "this-quarter";
  return "later";
}

// "báo cáo … trước ngày 15/12 hằng năm", "định kỳ hằng năm … trước ngày 20 tháng 12".
const STATED_REPORTING =
  /bao cao[^.;\n]{0,160}?(?:truoc|cham nhat|han)\s+(?:la\s+)?ngay\s+(\d{1,2})\s*(?:\/|-|\.|\s+thang\s+)\s*(\d{1,2})(?![\d/])[^.;\n]{0,40}?(?:hang|moi)\s+nam/;
const STATED_REPORTING_ANNUAL_FIRST =
  /(?:hang|moi)\s+nam[^.;\n]{0,160}?bao cao[^.;\n]{0,120}?(?:truoc|cham nhat|han)\s+(?:la\s+)?ngay\s+(\d{1,2})\s*(?:\/|-|\.|\s+thang\s+)\s*(\d{1,2})(?![\d/])/;

/** The yearly reporting date a plan states in its text, or null (the default then applies). */
export function reportingDateFromText(text: string): ReportingDate | null {
  const s = foldKey(text);
  const m = STATED_REPORTING.exec(s) ?? STATED_REPORTING_ANNUAL_FIRST.exec(s);
  return m ? dayOfYear(m[1], m[2]) : null;
}

/** "31/12" or "15/12" as a reporting date; null when it is not a day of the year. */
export function parseReportingDate(text: string): ReportingDate | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*$/.exec(text);
  return m ? dayOfYear(m[1], m[2]) : null;
}

function dayOfYear(dayText: string, monthText: string): ReportingDate | null {
  const day = Number(dayText);
  const month = Number(monthText);
  // 2000 is a leap year: 29/02 is a day of some years.
  return month < 1 || month > 12 || day < 1 || day > lastDay(2000, month) ? null : { day, month };
}

/** "2022-12-31" (ISO) or "31/12/2022" as a day; null otherwise. */
export function parseDay(text: string): DateParts | null {
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  const dmy = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : dmy ? [dmy[3], dmy[2], dmy[1]].map(Number) : [0, 0, 0];
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return { year, month, day };
}

export function formatDay(d: DateParts): string {
  return `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
}

/** Today in the officers' time zone (Vietnam, UTC+7), not the machine's. */
export function todayInVietnam(now: Date = new Date()): DateParts {
  const vn = new Date(now.getTime() + 7 * 3_600_000);
  return { year: vn.getUTCFullYear(), month: vn.getUTCMonth() + 1, day: vn.getUTCDate() };
}

export function isoDay(d: DateParts): string {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}
