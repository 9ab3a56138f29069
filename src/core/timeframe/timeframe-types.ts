/** What a timeframe cell is read as (SPEC 3.3): its kind and, where it has one, its period. */

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
