/**
 * One checked sheet as the JSON report of the command line says it (SPEC 9): what every kind shares, and the
 * kind's own part.
 */
import { Lang } from "../issues/catalogue";
import { kindOf, SheetCheck } from "../kinds";
import type { FileReport } from "./report";
import { reportIssues } from "./report-parts";

export function fileReport(file: string, check: SheetCheck, lang: Lang): FileReport {
  const own = kindOf(check).report(check);
  return {
    file,
    sheet: check.sheetName,
    kind: check.kind,
    table: own.table,
    counts: own.counts,
    issues: reportIssues(check.issues, lang),
    agencies: own.agencies,
    periods: own.periods,
    delegations: own.delegations,
    ...(own.monitoring ? { monitoring: own.monitoring } : {}),
    ...(own.paragraphs ? { paragraphs: own.paragraphs } : {}),
    ...(own.progress ? { progress: own.progress } : {}),
    ...(own.contacts ? { contacts: own.contacts } : {}),
  };
}
