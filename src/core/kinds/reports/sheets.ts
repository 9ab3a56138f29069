/**
 * The progress reports' summary sheet: the per-agency scorecard of the statuses the reports give, judged against the
 * deadlines as of the day of the check (the same sheet `track` writes for replies merged into a plan).
 */
import { Lang } from "../../issues/catalogue";
import { SheetModel } from "../../output/sheet-model";
import { formatDay } from "../../tracking/deadlines";
import { mergeScorecards } from "../../tracking/scorecard";
import { scorecardSheet } from "../../tracking/tracking-sheets";
import type { Sourced } from "../kind";
import type { ReportCheck } from "./check";

export function reportsSheet(checks: ReadonlyArray<Sourced<ReportCheck>>, lang: Lang): SheetModel {
  const cards = mergeScorecards(checks.map((c) => c.check.progress.scorecard));
  const where =
    checks.length === 1
      ? [checks[0].file, checks[0].check.sheetName].filter(Boolean).join(" › ")
      : `${checks.length} ${lang === "vi" ? "bảng" : "tables"}`;
  const day = checks.length > 0 ? formatDay(checks[0].check.progress.asOf) : "";
  return scorecardSheet(cards, lang, day ? `${where} — ${day}` : where);
}
