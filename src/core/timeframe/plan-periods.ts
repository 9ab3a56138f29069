/**
 * What the rest of the engine asks of a read period: its bucket for the per-period tally, its start quarter, its
 * problems against the plan, and the plan's own period as its title names it.
 */
import { foldKey } from "../sheet/text";
import { compareDateParts, DASHES, yearInRange } from "./dated-points";
import { Timeframe, UNDATED_BUCKET } from "./timeframe-types";

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
