/** One benchmark figure, printed by bench/run.ts as a JSON line. */
export interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** The budget of SPEC 10 where there is one (same unit); printed beside the value, never asserted. */
  budget?: number;
}
