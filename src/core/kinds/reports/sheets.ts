/**
 * The progress reports' summary sheet: the per-agency scorecard of the statuses the reports give, judged against the
 * deadlines as of the day of the check (the same sheet `track` writes for replies merged into a plan).
 */
import { Lang } from "../../issues/catalogue";
import { SheetModel } from "../../output/sheet-model";
import { formatDay } from "../../tracking/deadlines";
import { ScorecardRow } from "../../tracking/json";
import { mergeScorecards } from "../../tracking/scorecard";
import { scorecardSheet } from "../../tracking/tracking-sheets";
import type { Sourced } from "../kind";
import type { ReportCheck } from "./check";

export function reportsSheet(checks: ReadonlyArray<Sourced<ReportCheck>>, lang: Lang): SheetModel {
  const fold = new ReportsFold();
  for (const c of checks) fold.add(c);
  return fold.sheet(lang);
}

/** The scorecards folded report by report: of each check only its scorecard is kept (a consolidation of many replies). */
export class ReportsFold {
  private readonly cards: ScorecardRow[][] = [];
  private first = "";
  private day = "";

  add(c: Sourced<ReportCheck>): void {
    if (this.cards.length === 0) {
      this.first = [c.file, c.check.sheetName].filter(Boolean).join(" › ");
      this.day = formatDay(c.check.progress.asOf);
    }
    this.cards.push(JSON.parse(JSON.stringify(c.check.progress.scorecard)));
  }

  sheet(lang: Lang): SheetModel {
    const where = this.cards.length === 1 ? this.first : `${this.cards.length} ${lang === "vi" ? "bảng" : "tables"}`;
    return scorecardSheet(mergeScorecards(this.cards), lang, this.day ? `${where} — ${this.day}` : where);
  }
}
