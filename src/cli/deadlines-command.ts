/**
 * `appendix-checker deadlines <plan.xlsx> [--as-of DAY] [--reporting-date DD/MM] [-o OUT.xlsx] [--sheet NAME]
 * [--directory FILE] [--json] [--lang vi|en]`: the plan's deadlines as of a day (today by default), per agency and
 * per section, printed, as JSON, or as the "Hạn thực hiện" sheet.
 */
import * as path from "path";
import { deadlineSheet, dueText } from "../core/tracking/deadline-sheet";
import { deadlineView, DeadlineView } from "../core/tracking/deadline-view";
import { DEADLINE_BUCKETS, formatDay, isoDay } from "../core/tracking/deadlines";
import { DeadlinesReport } from "../core/tracking/json";
import { bucketLabel } from "../core/tracking/tracking-labels";
import { Lang } from "../core/issues/catalogue";
import { NATIVE_WRITE } from "../xlsx/native-zlib";
import { xlsxOfModels } from "../xlsx/sheet-writer";
import { sameFile } from "./files";
import { CliIO } from "./io";
import { Parsed } from "./args";
import { loadPlan, reportingFor, trackingArgs, writeOutput } from "./plan-file";
import { INPUT_TEXT } from "./messages";
import { REPORT_TEXT } from "./report-text";

function deadlinesReport(plan: string, view: DeadlineView): DeadlinesReport {
  const two = (n: number) => String(n).padStart(2, "0");
  return {
    version: 1,
    command: "deadlines",
    plan,
    asOf: isoDay(view.asOf),
    reportingDate: `${two(view.reporting.day)}/${two(view.reporting.month)}`,
    totals: view.totals,
    agencies: view.agencies.map((a) => ({ name: a.name, kind: a.kind, lead: a.lead, coordinating: a.coordinating })),
    sections: view.sections.map((s) => ({ path: s.path, title: s.title, counts: s.counts })),
    tasks: view.entries.map((e) => ({
      id: e.task.id,
      row: e.task.sheetRow,
      section: e.task.sectionPath,
      content: e.task.content,
      lead: e.task.lead,
      timeframe: e.task.timeframeText,
      due: e.due ? isoDay(e.due) : null,
      recurring: e.recurring,
      bucket: e.bucket,
      ...(e.status ? { status: e.status } : {}),
    })),
  };
}

function render(view: DeadlineView, lang: Lang): string {
  const lines = [
    `${REPORT_TEXT[lang].asOf(formatDay(view.asOf))}: ${DEADLINE_BUCKETS.filter((b) => view.totals[b] > 0)
      .map((b) => `${bucketLabel(b, lang)} ${view.totals[b]}`)
      .join(", ")}`,
  ];
  for (const bucket of ["overdue", "this-month", "this-quarter"] as const) {
    const entries = view.entries.filter((e) => e.bucket === bucket);
    if (entries.length === 0) continue;
    lines.push("", `${bucketLabel(bucket, lang)} (${entries.length}):`);
    for (const e of entries) lines.push(`  ${e.task.id}  ${dueText(e, lang)}  ${e.task.lead}  — ${e.task.content.slice(0, 80)}`);
  }
  return lines.join("\n");
}

/** Runs deadlines on arguments the registry parsed and checked (one plan). */
export async function runDeadlines(parsed: Parsed, io: CliIO): Promise<number> {
  const args = await trackingArgs(parsed, io);
  if (typeof args === "number") return args;
  const { options: o, common } = args;
  const file = args.positional[0];
  const plan = await loadPlan(file, args, io);
  if (!plan) return 2;
  const view = deadlineView(plan, common.asOf, reportingFor(plan, common.reporting));
  if (typeof o.output === "string") {
    const output = o.output;
    if (await sameFile(file, output)) {
      io.err(`appendix-checker: ${INPUT_TEXT[common.lang].outputIsTheInput(output)}`);
      return 2;
    }
    const linkFile = path
      .relative(path.dirname(path.resolve(output)), path.resolve(file))
      .split(path.sep)
      .join("/");
    const col = plan.table.header.columns.content ?? plan.table.header.firstCol;
    const model = deadlineSheet(view, common.lang, { file: linkFile, sheet: plan.sheetName, col });
    if (!(await writeOutput(output, () => xlsxOfModels([model], NATIVE_WRITE), io, common.lang))) return 2;
  }
  io.out(o.json === true ? JSON.stringify(deadlinesReport(path.basename(file), view), null, 2) : render(view, common.lang));
  return 0;
}
