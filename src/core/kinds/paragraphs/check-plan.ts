/**
 * Checking a plan written as paragraphs: its tasks are laid out as the appendix table it should carry and checked
 * and tallied as that table is, then every issue is put back where the plan says it — the heading and its line
 * ("mục 5.2, dòng 3") and the line, row or paragraph of the source — instead of a cell of a table nobody wrote.
 */
import type { CheckOptions } from "../kind";
import { checkSheet, TaskCheck } from "../tasks/check";
import { Issue, Lang } from "../../issues/catalogue";
import { appendixGrid, AppendixLayout, appendixLayout } from "./appendix-layout";
import { SourceKind } from "./plan-paragraphs";
import { ParagraphPlan, PlanTask } from "./read-plan";

export type PlanCheck = { ok: true; check: TaskCheck; layout: AppendixLayout } | { ok: false; reason: "no-tasks" };

export interface PlanCheckOptions extends CheckOptions {
  /** The name the result goes by (the sheet the text was pasted on, or the file's name). */
  sheetName: string;
  format: SourceKind;
  /** For a sheet source: the column the text stands in, so issues can name its cells. */
  column?: string;
}

const FIELD_ROLE: Record<string, keyof PlanTask["lineOf"] | null> = {
  stt: null,
  content: "content",
  lead: "lead",
  coordinating: "coordinating",
  timeframe: "timeframe",
};

export function checkParagraphPlan(plan: ParagraphPlan, options: PlanCheckOptions): PlanCheck {
  if (plan.tasks.length === 0) return { ok: false, reason: "no-tasks" };
  const layout = appendixLayout(plan);
  const check = checkSheet(appendixGrid(layout, options.sheetName), options);
  const rows = new Map<number, { heading: string; at: number }>();
  for (const [row, src] of layout.sources) {
    const item = src.kind === "task" ? plan.tasks[src.index] : plan.sections[src.index];
    rows.set(row, { heading: item.number, at: src.kind === "task" ? plan.tasks[src.index].lines[0] : plan.sections[src.index].at });
  }
  const placed = check.issues.map((i) => placeIssue(i, plan, layout, rows, options));
  return {
    ok: true,
    layout,
    check: {
      ...check,
      issues: placed,
      paragraphs: { format: options.format, rows, ...(options.column ? { column: options.column } : {}) },
    },
  };
}

function placeIssue(
  issue: Issue,
  plan: ParagraphPlan,
  layout: AppendixLayout,
  rows: Map<number, { heading: string; at: number }>,
  options: PlanCheckOptions,
): Issue {
  if (issue.row === null) return issue;
  const src = layout.sources.get(issue.row);
  if (!src) return issue;
  let line = 1;
  let at = rows.get(issue.row)!.at;
  if (src.kind === "task") {
    const task = plan.tasks[src.index];
    const role = issue.field ? FIELD_ROLE[issue.field] : null;
    const labelled = role ? task.lineOf[role] : undefined;
    if (labelled !== undefined) line = labelled;
    at = task.lines[line - 1] ?? at;
  }
  // Another row named in the message is a row of the appendix nobody sees: name its place in the source instead.
  const other = issue.params.otherRow;
  const params = typeof other === "number" ? { ...issue.params, otherRow: rows.get(other)?.at ?? other } : issue.params;
  // The same issue at its place in the plan; only a row number in its params changes, so its code still fits them.
  return {
    ...issue,
    params,
    row: at,
    cell: options.column ? `${options.column}${at}` : null,
    place: { heading: rows.get(issue.row)!.heading, line },
  } as Issue;
}

/** "mục 5.2, dòng 3" / "heading 5.2, line 3". */
export function placeText(place: { heading: string; line: number }, lang: Lang): string {
  return lang === "vi" ? `mục ${place.heading}, dòng ${place.line}` : `heading ${place.heading}, line ${place.line}`;
}
