/**
 * The sheets of a tracking run: the plan with each task's latest status and where it came from, every reported row
 * with how it was matched, and the per-agency scorecard.
 */
import { Lang } from "../issues/catalogue";
import { ModelCell, SheetModel } from "../output/sheet-model";
import { formatDay } from "./deadlines";
import { dueText, PlanLink, planCellLink } from "./deadline-sheet";
import { ScorecardRow } from "./json";
import { trackingIssueText } from "./report-issues";
import { STATUS_LABELS } from "./statuses";
import { Tracking } from "./track";
import { bucketLabel, tl } from "./tracking-labels";
import { headerCells, int, text, trackingModel } from "./model-cells";

export function trackingSheet(t: Tracking, lang: Lang, link?: PlanLink): SheetModel {
  const reported = t.tasks.filter((x) => x.latest !== null).length;
  const rows: ModelCell[][] = [
    [text(tl("trackingTitle", lang), "title")],
    [
      text(
        tl("trackingSubtitle", lang, { asOf: formatDay(t.asOf), reported, tasks: t.tasks.length, rowsIn: t.rowsIn, rowsOut: t.rowsOut }),
        "subtitle",
      ),
    ],
    headerCells(
      (
        [
          "id",
          "section",
          "stt",
          "content",
          "lead",
          "coordinating",
          "timeframe",
          "due",
          "bucket",
          "status",
          "statusAsWritten",
          "completionDate",
          "percent",
          "result",
          "reporter",
          "file",
          "row",
          "match",
        ] as const
      ).map((k) => tl(k, lang)),
    ),
  ];
  for (const x of t.tasks) {
    const r = x.latest?.report;
    const style = x.status === "overdue" ? "error" : x.status === "empty" ? "warning" : undefined;
    rows.push([
      link ? { value: x.task.id, link: planCellLink(link, x.task.sheetRow) } : text(x.task.id),
      text(x.task.sectionPath),
      text(x.task.stt),
      text(x.task.content),
      text(x.task.lead),
      text(x.task.coordinating),
      text(x.task.timeframeText),
      text(dueText(x.entry, lang)),
      text(bucketLabel(x.entry.bucket, lang)),
      text(STATUS_LABELS[x.status][lang], style),
      text(r?.statusText ?? ""),
      text(r?.completionDate ? formatDay(r.completionDate) : (r?.completionDateText ?? "")),
      int(r?.percent ?? null),
      text(r?.result ?? ""),
      text(x.latest?.reporter ?? ""),
      text(x.latest?.file ?? ""),
      int(r ? r.row.row : null),
      text(x.latest ? (x.latest.matchedBy === "id" ? tl("byId", lang) : `${tl("byContent", lang)} (${x.latest.score})`) : ""),
    ]);
  }
  return trackingModel("tracking", lang, rows, [14, 10, 6, 56, 28, 28, 18, 16, 16, 18, 22, 14, 10, 44, 26, 26, 8, 18], 3, true);
}

export function repliesSheet(t: Tracking, lang: Lang): SheetModel {
  const notes = new Map<string, string[]>();
  for (const { file, issue } of t.issues) {
    const key = `${file}\n${issue.row}`;
    const list = notes.get(key) ?? [];
    list.push(trackingIssueText(issue, lang));
    notes.set(key, list);
  }
  const rows: ModelCell[][] = [
    [text(tl("repliesTitle", lang), "title")],
    [text(`${t.rowsIn} → ${t.rowsOut}`, "subtitle")],
    headerCells([
      tl("file", lang),
      tl("row", lang),
      tl("reporter", lang),
      tl("stt", lang),
      tl("content", lang),
      tl("status", lang),
      tl("outcome", lang),
      tl("id", lang),
      tl("score", lang),
      tl("candidate", lang),
      tl("issue", lang),
    ]),
  ];
  for (const r of t.replies) {
    const outcome = tl(r.outcome, lang);
    rows.push([
      text(r.file),
      int(r.report.row.row),
      text(r.reporter ?? ""),
      text(r.report.row.fields.stt),
      text(r.report.row.fields.content),
      text(r.report.statusText),
      text(outcome, r.outcome === "unmatched" ? "error" : r.outcome === "uncertain" ? "warning" : undefined),
      text(r.task?.id ?? ""),
      r.score === null ? text("") : { value: r.score, style: "percent" },
      text(r.outcome === "matched" ? "" : (r.task?.content ?? "")),
      text((notes.get(`${r.file}\n${r.report.row.row}`) ?? []).join("\n")),
    ]);
  }
  return trackingModel("replies", lang, rows, [28, 8, 26, 6, 56, 22, 14, 14, 10, 48, 56], 3, true);
}

export function scorecardSheet(rowsIn: readonly ScorecardRow[], lang: Lang, subtitle: string): SheetModel {
  const rows: ModelCell[][] = [
    [text(tl("scorecardTitle", lang), "title")],
    [text(subtitle, "subtitle")],
    headerCells([
      tl("no", lang),
      tl("agency", lang),
      tl("tasksLed", lang),
      tl("onTime", lang),
      tl("late", lang),
      tl("inProgress", lang),
      tl("overdue", lang),
      tl("notReported", lang),
      tl("other", lang),
      tl("onTimeRate", lang),
    ]),
  ];
  rowsIn.forEach((r, i) =>
    rows.push([
      int(i + 1),
      text(r.agency),
      int(r.tasks),
      int(r.completedOnTime),
      int(r.completedLate),
      int(r.inProgress),
      r.overdue > 0 ? { value: r.overdue, style: "error" } : int(r.overdue),
      r.notReported > 0 ? { value: r.notReported, style: "warning" } : int(r.notReported),
      int(r.other),
      r.onTimeRate === null ? text("") : { value: r.onTimeRate, style: "percent" },
    ]),
  );
  return trackingModel("scorecard", lang, rows, [6, 48, 12, 14, 14, 12, 10, 12, 8, 12], 3, false);
}
