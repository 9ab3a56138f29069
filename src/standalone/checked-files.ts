/**
 * The files opened in the checker page, checked with the engine exactly as the command line checks them, and what
 * the page offers to download from them: the summary workbook of one file, the consolidated workbook of all, and the
 * issue report (the command line's `check --json` document).
 */
import { consolidate } from "../core/consolidate/consolidate";
import type { ConsolidationInput } from "../core/consolidate/consolidate";
import { consolidationSheets } from "../core/output/consolidated-sheet";
import type { AgencyDirectory } from "../core/agencies/directory";
import type { Grid } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import { fileReport } from "../core/output/file-report";
import type { Report } from "../core/output/report";
import type { Settings } from "../core/settings/settings";
import type { SheetModel } from "../core/output/sheet-model";
import { summarySheets } from "../core/output/summaries";
import { checkWorkbook } from "../core/workbook";
import type { SheetCheck } from "../core/workbook";
import type { SourceRead } from "./source-files";

export interface CheckedFile {
  key: number;
  name: string;
  read: SourceRead;
  /** The sheets with a table (or, when none has one, every sheet's no-table result); empty when unreadable. */
  checks: SheetCheck[];
  /** True when at least one sheet holds a table. */
  hasTable: boolean;
}

export function checkFile(
  key: number,
  name: string,
  read: SourceRead,
  options: { directory: AgencyDirectory; settings: Settings },
): CheckedFile {
  if (!read.ok) return { key, name, read, checks: [], hasTable: false };
  const result = checkWorkbook(read.sheets, options);
  const checks = result.ok || result.reason === "no-table" ? result.checks : [];
  return { key, name, read, checks, hasTable: result.ok };
}

export function gridOf(file: CheckedFile, sheet: string): Grid | null {
  return file.read.ok ? (file.read.sheets.find((g) => g.sheetName === sheet) ?? null) : null;
}

const tableChecks = (file: CheckedFile) => (file.hasTable ? file.checks : []);

/** The summary sheets of one file (every table in it), as the add-in writes them and `check --summary` saves them. */
export function summaryModels(file: CheckedFile, lang: Lang): SheetModel[] {
  return summarySheets(
    tableChecks(file).map((check) => ({ file: file.name, check })),
    lang,
  );
}

/** The consolidation of every opened file (the unreadable ones are named in its file report). */
export function consolidatedModels(
  files: readonly CheckedFile[],
  directory: AgencyDirectory,
  lang: Lang,
  failure: (f: CheckedFile) => string,
): SheetModel[] {
  const inputs: ConsolidationInput[] = files.flatMap((f): ConsolidationInput[] =>
    f.read.ok ? f.checks.map((check) => ({ file: f.name, linkFile: f.name, check })) : [{ file: f.name, failure: failure(f) }],
  );
  return consolidationSheets(consolidate(inputs, { directory, lang }), lang);
}

/** The issue report of every opened file: the same JSON document as `appendix-checker check --json`. */
export function issueReport(files: readonly CheckedFile[], lang: Lang): string {
  const report: Report = {
    version: 1,
    files: files.flatMap((f) => tableChecks(f).map((check) => fileReport(f.name, check, lang))),
    consolidation: null,
  };
  return JSON.stringify(report, null, 2) + "\n";
}

/** "phu-luc.xlsx" → "phu-luc": the stem download names are made from. */
export function fileStem(name: string): string {
  const base = name.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  return (dot > 0 ? base.slice(0, dot) : base) || "phu-luc";
}
