/**
 * The "Hạn thực hiện" sheet: the deadline view as of a day — per agency (as lead and as coordinator), per section,
 * and the task list with each task's due date, linked back to its row in the plan.
 */
import { cellAddress } from "../sheet/grid";
import { Lang } from "../issues/catalogue";
import { CellLink, ModelCell, SheetModel } from "../output/sheet-model";
import { DEADLINE_BUCKETS, DeadlineBucket, formatDay } from "./deadlines";
import { BucketCounts, DeadlineEntry, DeadlineView } from "./deadline-view";
import { STATUS_LABELS } from "./statuses";
import { bucketLabel, tl } from "./tracking-labels";
import { int, text, trackingModel } from "./model-cells";

function countCells(c: BucketCounts): ModelCell[] {
  const total = DEADLINE_BUCKETS.reduce((n, b) => n + c[b], 0);
  return [...DEADLINE_BUCKETS.map((b) => int(c[b])), int(total)];
}

function bucketStyle(b: DeadlineBucket): ModelCell["style"] | undefined {
  return b === "overdue" ? "error" : b === "this-month" ? "warning" : undefined;
}

/** The due date as the sheet writes it; a recurring task's says so. */
export function dueText(e: DeadlineEntry, lang: Lang): string {
  if (!e.due) return "";
  return e.recurring ? `${formatDay(e.due)} (${tl("recurring", lang)})` : formatDay(e.due);
}

export interface PlanLink {
  /** The plan workbook relative to the written one; absent when the sheet is written into the plan itself. */
  file?: string;
  sheet: string;
  /** The column a link points at (the plan's content column). */
  col: number;
}

export function deadlineSheet(view: DeadlineView, lang: Lang, link?: PlanLink): SheetModel {
  const bucketHeaders = [...DEADLINE_BUCKETS.map((b) => bucketLabel(b, lang)), tl("total", lang)];
  const width = 3 + bucketHeaders.length;
  const pad = (cells: ModelCell[], style: ModelCell["style"]) => {
    while (cells.length < width) cells.push(text("", style));
    return cells;
  };
  const rows: ModelCell[][] = [
    [text(tl("deadlinesTitle", lang), "title")],
    [
      text(
        tl("deadlinesSubtitle", lang, {
          asOf: formatDay(view.asOf),
          reporting: `${String(view.reporting.day).padStart(2, "0")}/${String(view.reporting.month).padStart(2, "0")}`,
        }),
        "subtitle",
      ),
    ],
    [tl("no", lang), tl("agency", lang), tl("role", lang), ...bucketHeaders].map((h) => text(h, "header")),
  ];
  const headerRow = rows.length;
  let n = 0;
  for (const a of view.agencies) {
    const roles: Array<[string, BucketCounts]> = [];
    if (DEADLINE_BUCKETS.some((b) => a.lead[b] > 0)) roles.push([tl("asLead", lang), a.lead]);
    if (DEADLINE_BUCKETS.some((b) => a.coordinating[b] > 0)) roles.push([tl("asCoordinating", lang), a.coordinating]);
    for (const [role, counts] of roles) rows.push([int(++n), text(a.name), text(role), ...countCells(counts)]);
  }
  rows.push([text(tl("total", lang), "group-header"), text("", "group-header"), text("", "group-header"), ...countCells(view.totals)]);
  rows.push([]);
  rows.push(pad([text(tl("bySection", lang), "group-header")], "group-header"));
  for (const s of view.sections) rows.push([text(s.path), text(s.title), text(""), ...countCells(s.counts)]);
  rows.push([]);
  rows.push(
    [
      tl("id", lang),
      tl("section", lang),
      tl("stt", lang),
      tl("content", lang),
      tl("lead", lang),
      tl("timeframe", lang),
      tl("due", lang),
      tl("bucket", lang),
      tl("status", lang),
    ].map((h) => text(h, "header")),
  );
  for (const e of view.entries) {
    const t = e.task;
    const idCell: ModelCell = link ? { value: t.id, link: planCellLink(link, t.sheetRow) } : { value: t.id };
    const style = bucketStyle(e.bucket);
    rows.push([
      idCell,
      text(t.sectionPath),
      text(t.stt),
      text(t.content),
      text(t.lead),
      text(t.timeframeText),
      text(dueText(e, lang)),
      text(bucketLabel(e.bucket, lang), style),
      text(e.status ? STATUS_LABELS[e.status][lang] : ""),
    ]);
  }
  return trackingModel("deadlines", lang, rows, [16, 44, 14, 60, 30, 22, 20, 18, 18, 10], headerRow, false);
}

export function planCellLink(link: PlanLink, row: number): CellLink {
  const out: CellLink = { sheet: link.sheet, cell: cellAddress(row, link.col) };
  if (link.file) out.file = link.file;
  return out;
}
