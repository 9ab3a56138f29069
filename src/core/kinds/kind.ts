/**
 * The seam every kind of table goes through (task tables, delegation tables, and whatever comes next). A kind
 * finds its header on a sheet, reads the rows under it, checks and tallies them, and says what it adds to the
 * summary sheets and to the JSON report. The sheet view is made once per sheet and the header search asks every
 * kind row by row (kinds/index.ts), so a sheet is searched once whatever the number of kinds.
 *
 * To add a kind: a folder beside tasks/ and delegations/ whose index.ts exports a `TableKind`, and one line in
 * kinds/index.ts.
 */
import type { AgencyDirectory } from "../agencies/directory";
import type { Issue } from "../issues/catalogue";
import type { Lang } from "../issues/catalogue";
import type { FileReport } from "../output/report";
import type { SheetModel } from "../output/sheet-model";
import type { Settings } from "../settings/settings";
import type { HeaderMatch } from "../sheet/header-match";
import type { Grid } from "../sheet/grid";
import type { SheetView } from "../sheet/view";
import type { StatedTotals } from "./delegations/stated-totals";
import type { DateParts } from "../timeframe/timeframe";

export interface CheckOptions {
  directory?: AgencyDirectory;
  settings?: Settings;
  /** Read TCVN3/VNI cells in their Unicode reading (the user asked for it; never done silently). */
  convertLegacy?: boolean;
  /** The day statuses are judged on (progress reports): the caller's today, or the day the user asked for. */
  asOf?: DateParts;
}

export interface WorkbookOptions extends CheckOptions {
  sheet?: string;
  /** Delegation totals the user typed in; they win, figure by figure, over those read from the plan's text. */
  stated?: StatedTotals | null;
}

/** What a checked table counts. `tasks` counts tasks only; a kind counts its own entries under its own name. */
export interface Counts {
  sections: number;
  tasks: number;
  /** Delegation tables: the delegations. */
  delegations?: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** What every kind's table holds, as the workbook, the summaries and the report see it. */
export interface KindTable {
  sheetName: string;
  header: HeaderMatch<string>;
  firstRow: number;
  lastRow: number;
  /** Text above the header (the plan's title). */
  titleText: string;
  /** Text of the note rows after the table, when the kind keeps it. */
  notesText?: string;
}

/** What every kind's check holds. */
export interface KindCheck<K extends string = string, T extends KindTable | null = KindTable | null> {
  kind: K;
  sheetName: string;
  table: T;
  issues: Issue[];
  counts: Counts;
}

/** A checked table with where it came from, as the summaries take it. */
export interface Sourced<C> {
  /** The workbook file, when the summaries are written to another file than the source. */
  file?: string;
  /** Path of the source workbook relative to the written one, for links; defaults to `file`. */
  linkFile?: string;
  check: C;
}

/** What the workbook as a whole tells a kind: the plan's own text and the options it was checked with. */
export interface WorkbookContext {
  planText: () => string;
  options: WorkbookOptions;
}

/** The kind-specific part of a file's JSON report (SPEC 9). */
export type KindReport = Pick<FileReport, "table" | "counts" | "agencies" | "periods" | "delegations"> &
  Partial<Pick<FileReport, "monitoring" | "paragraphs" | "progress" | "contacts">>;

export interface TableKind<C extends KindCheck = KindCheck, H extends HeaderMatch<string> = HeaderMatch<string>, T = unknown> {
  readonly name: C["kind"];
  /** The kind's header starting on this row of the sheet, or null. */
  headerAt(view: SheetView, row: number): H | null;
  /** The table under the header. */
  read(view: SheetView, header: H): T;
  /** The table checked and tallied. */
  check(table: T, options: CheckOptions): C;
  /** What the workbook as a whole changes in this kind's checks (delegation totals stated once for all sheets). */
  reconcile?(checks: readonly C[], workbook: WorkbookContext): C[];
  /**
   * The kind's own summary sheets over its checks. `always`: the kind's sheets are written even when it has no
   * checks and no other kind has any (the task sheets of an empty batch).
   */
  sheets(checks: ReadonlyArray<Sourced<C>>, lang: Lang): SheetModel[];
  /**
   * The same sheets folded check by check, for batches too large to hold every check (a consolidation of thousands
   * of files); kinds without it have their checks kept until the sheets are made.
   */
  fold?(): { add(check: Sourced<C>): void; sheets(lang: Lang): SheetModel[] };
  always?: boolean;
  /**
   * Kinds whose checks this kind's sheets also take, as checks of this kind (a progress report's tasks are counted
   * in the task sheets, as the plan's table they are).
   */
  alsoSummarises?: readonly string[];
  /** The kind's part of a file's JSON report. */
  report(check: C): KindReport;
}

/**
 * A source of checks for a sheet that holds no kind's header: the sheet's cells read as something other than a table
 * (a plan's text pasted one paragraph per row, its tasks written as paragraphs). Consulted in the order of
 * `SOURCES` (kinds/index.ts) only when no kind found a header; null when the sheet is not such a source either.
 */
export interface SheetSource<C extends KindCheck = KindCheck> {
  readonly name: string;
  check(grid: Grid, options: CheckOptions): C | null;
}
