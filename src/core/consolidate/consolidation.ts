/**
 * What a consolidation is made of (SPEC 7): its inputs, the merged rows with where each came from, the tables and
 * files read, and the repeats flagged across them. consolidate.ts makes it; the sheets and the report read it.
 */
import type { AgencyDirectory } from "../agencies/directory";
import type { Lang } from "../issues/catalogue";
import type { TaskAnalysis } from "../kinds/tasks/checks";
import type { TaskField } from "../kinds/tasks/fields";
import type { SummaryFold } from "../output/summaries";
import type { SheetCheck } from "../workbook";

/**
 * One input: a checked table of a file (a file with several tables gives several), or a file that could not be read.
 * Task tables are merged; delegation tables are listed in the file report and summarised, but they hold no task rows.
 */
export type ConsolidationInput =
  | {
      /** The file as the consolidator should see it ("replies/so-ngoai-vu.xlsx"). */
      file: string;
      /** Path of the file relative to the written workbook, for links; defaults to `file`. */
      linkFile?: string;
      check: SheetCheck;
      /** The agency that sent the file, when the consolidator said so (else guessed from the file name or title). */
      agency?: string;
    }
  | { file: string; failure: string; agency?: string };

export interface ConsolidationOptions {
  directory: AgencyDirectory;
  /** Agencies expected to reply, as written in the consolidator's list (see `parseExpectedAgencies`). */
  expected?: readonly string[];
  lang: Lang;
}

export interface ConsolidatedRow {
  /** Index of the input table in `Consolidation.tables`. */
  table: number;
  file: string;
  linkFile?: string;
  sheet: string;
  /** The row's number on its source sheet. */
  row: number;
  /** The address of the row's content cell (or its first cell) on the source sheet, for links back; "" for a text. */
  cell: string;
  /** For a plan written as paragraphs: the heading the task stands under ("5.2"); `row` is then its line. */
  heading?: string;
  /** The agency that sent the table, when its file name or title says so. */
  sourceAgency: string | null;
  /** "I. Kinh tế số", "A › II. Phát triển hạ tầng": the section path and the innermost heading; "" outside sections. */
  section: string;
  fields: Record<TaskField, string>;
  /** Texts of the extra columns, aligned with `Consolidation.extras` ("" where the table lacks the column). */
  extras: string[];
  task: TaskAnalysis;
  /** Index into `Consolidation.duplicates` when the same task (same lead and timeframe) is in another table. */
  duplicateGroup: number | null;
  /** Index into `Consolidation.conflicts` when another table has this content with a different lead or timeframe. */
  conflictGroup: number | null;
}

export interface ExtraColumnOut {
  header: string;
  /** The folded header the tables' columns were matched by. */
  key: string;
}

export interface ConsolidatedTable {
  file: string;
  sheet: string;
  sourceAgency: string | null;
  /** Where the source agency was read from. */
  sourceAgencyFrom: "file" | "title" | null;
  rows: number;
}

/** Rows (indices into `rows`) holding one task that several tables agree on. */
export interface DuplicateGroup {
  rows: number[];
}

/**
 * One content read differently by different tables: each variant is a lead and a timeframe (as compared: folded lead
 * names, the period read) with the rows that have it.
 */
export interface ConflictGroup {
  rows: number[];
  variants: Array<{ lead: string; timeframe: string; rows: number[] }>;
  differs: Array<"lead" | "timeframe">;
}

/** merged: task rows taken; delegations: only delegation tables (summarised, not merged); no-table; unreadable. */
export type FileStatus = "merged" | "delegations" | "no-table" | "unreadable";

export interface FileSummary {
  file: string;
  status: FileStatus;
  /** Why nothing was merged from the file (unreadable, or no task table), in the chosen language where it is ours. */
  reason: string | null;
  sourceAgency: string | null;
  sheets: string[];
  /** Task tables merged. */
  tables: number;
  delegationTables: number;
  rowsRead: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Consolidation {
  rows: ConsolidatedRow[];
  extras: ExtraColumnOut[];
  tables: ConsolidatedTable[];
  duplicates: DuplicateGroup[];
  conflicts: ConflictGroup[];
  /** Expected agencies (canonical names) with no file from them; empty when no list was given. */
  missingAgencies: string[];
  /** The expected list as matched: each agency with the files that came from it. */
  expected: Array<{ name: string; files: string[] }> | null;
  rowsIn: number;
  rowsOut: number;
  perFile: FileSummary[];
  /** The checked tables (task and delegation), for the summary sheets over everything; empty when not kept. */
  checks: Array<{ file: string; linkFile?: string; check: SheetCheck }>;
  /** When the rows were not kept (Consolidator with keep false): what the flag texts name of each row. */
  refs?: RowRefs;
  /** When the rows were not kept: each flagged row's duplicate and conflict group. */
  duplicateOf?: GroupOfRow;
  conflictOf?: GroupOfRow;
  /** When the checks were not kept: the summary sheets, folded file by file. */
  summaries?: SummaryFold;
}

/** One row as the flag texts name it: its table and place, and its lead and timeframe as written. */
export interface RowRefs {
  table(i: number): number;
  file(i: number): string;
  sheet(i: number): string;
  row(i: number): number;
  heading(i: number): string | undefined;
  lead(i: number): string;
  timeframe(i: number): string;
}

/** The group (an index into `duplicates` or `conflicts`) a row is flagged in, if any. */
export interface GroupOfRow {
  get(row: number): number | undefined;
}
