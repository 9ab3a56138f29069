/** One benchmark figure, printed by bench/run.ts as a JSON line. */
export interface Measurement {
  name: string;
  /** null when the figure could not be taken here (a peer library not installed); `note` says why. */
  value: number | null;
  unit: string;
  /** The budget of SPEC 10 where there is one (same unit); printed beside the value, never asserted. */
  budget?: number;
  /** The fastest of the runs, beside the median `value`. */
  min?: number;
  runs?: number;
  /** The value as a multiple of another figure of the same run (the floor), named by `ratioTo`. */
  ratio?: number;
  ratioTo?: string;
  /** The most `ratio` may be (issue 17: check at 3× the floor); printed, never asserted. */
  budgetRatio?: number;
  note?: string;
}
