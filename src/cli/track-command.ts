/**
 * `appendix-checker track <plan.xlsx> <reply.xlsx|folder>... -o OUT.xlsx [--as-of DAY] [--reporting-date DD/MM]
 * [--sheet NAME] [--directory FILE] [--json] [--lang vi|en]`: the agencies' replies merged back into the plan by task
 * identity; OUT holds the plan with each task's latest status, every reported row and how it matched, the
 * per-agency scorecard and the deadlines. Replies are read in the order given (a folder in name order): a later
 * reply on the same task wins.
 */
import * as path from "path";
import { Lang } from "../core/issues/catalogue";
import { taskTableOf, tasksOf } from "../core/tracking/task-table";
import { deadlineSheet } from "../core/tracking/deadline-sheet";
import { deadlineView } from "../core/tracking/deadline-view";
import { formatDay, isoDay } from "../core/tracking/deadlines";
import { TrackReport } from "../core/tracking/json";
import { trackingIssueText } from "../core/tracking/report-issues";
import { scorecard } from "../core/tracking/scorecard";
import { TaskStatus } from "../core/tracking/statuses";
import { ReplyTable, track, Tracking } from "../core/tracking/track";
import { repliesSheet, scorecardSheet, trackingSheet } from "../core/tracking/tracking-sheets";
import { ScorecardRow } from "../core/tracking/json";
import { NATIVE_WRITE } from "../xlsx/native-zlib";
import { xlsxOfModels } from "../xlsx/sheet-writer";
import { displayNames } from "./consolidate-command";
import { expandInputs, sameFile } from "./files";
import { CliIO } from "./io";
import { Parsed } from "./args";
import { loadPlan, readGrids, reportingFor, trackingArgs, writeOutput } from "./plan-file";
import { progressBar } from "./terminal";
import { INPUT_TEXT } from "./messages";
import { REPORT_TEXT } from "./report-text";

function trackReport(planName: string, t: Tracking, cards: ScorecardRow[], unreadable: TrackReport["unreadable"], lang: Lang): TrackReport {
  const ref = (r: Tracking["replies"][number]) => ({
    file: r.file,
    sheet: r.sheet,
    row: r.report.row.row,
    content: r.report.row.fields.content,
  });
  return {
    version: 1,
    command: "track",
    plan: planName,
    asOf: isoDay(t.asOf),
    rowsIn: t.rowsIn,
    rowsOut: t.rowsOut,
    reported: t.tasks.filter((x) => x.latest).length,
    tasks: t.tasks.map((x) => {
      const r = x.latest?.report;
      return {
        id: x.task.id,
        row: x.task.sheetRow,
        lead: x.task.lead,
        due: x.entry.due ? isoDay(x.entry.due) : null,
        bucket: x.entry.bucket,
        status: x.status,
        statusText: r?.statusText ?? "",
        completionDate: r?.completionDate ? isoDay(r.completionDate) : null,
        percent: r?.percent ?? null,
        result: r?.result ?? "",
        reporter: x.latest?.reporter ?? null,
        file: x.latest?.file ?? null,
        fileRow: r ? r.row.row : null,
        matchedBy: x.latest?.matchedBy ?? null,
        score: x.latest?.score ?? null,
      };
    }),
    notReported: t.tasks.filter((x) => !x.latest).map((x) => x.task.id),
    uncertain: t.replies.filter((r) => r.outcome === "uncertain").map((r) => ({ ...ref(r), candidate: r.task!.id, score: r.score ?? 0 })),
    unmatched: t.replies.filter((r) => r.outcome === "unmatched").map(ref),
    unreadable,
    scorecard: cards,
    issues: t.issues.map(({ file, issue }) => ({
      file,
      code: issue.code,
      severity: issue.severity,
      cell: issue.cell,
      row: issue.row,
      message: trackingIssueText(issue, lang),
      ...(issue.suggestion !== undefined ? { suggestion: issue.suggestion } : {}),
    })),
  };
}

function render(t: Tracking, cards: ScorecardRow[], output: string, lang: Lang): string {
  const m = REPORT_TEXT[lang];
  const count = (o: string) => t.replies.filter((r) => r.outcome === o).length;
  const lines = [
    m.reportedOn(formatDay(t.asOf), t.tasks.filter((x) => x.latest).length, t.tasks.length),
    m.rowsBalance(t.rowsIn, t.rowsOut),
    m.matching(count("matched"), count("uncertain"), count("unmatched")),
  ];
  const behind = cards.filter((c) => c.overdue > 0 || c.notReported > 0).slice(0, 10);
  if (behind.length) {
    lines.push(m.behind);
    for (const c of behind) lines.push(`  ${m.agencyBehind(c.agency, c.overdue, c.notReported, c.tasks)}`);
  }
  lines.push(m.written(output));
  return lines.join("\n");
}

/** Runs track on arguments the registry parsed and checked (the plan, a reply or more, -o given). */
export async function runTrack(parsed: Parsed, io: CliIO): Promise<number> {
  const args = await trackingArgs(parsed, io);
  if (typeof args === "number") return args;
  const { options: o, common } = args;
  if (typeof o.output !== "string") return 2;
  const [planFile, ...replyInputs] = args.positional;
  const output = o.output;
  const plan = await loadPlan(planFile, args, io);
  if (!plan) return 2;
  const seen = new Set<string>([path.resolve(planFile)]);
  const expanded = await expandInputs(replyInputs);
  for (const f of expanded.skipped) io.err(`appendix-checker: ${f.file}: ${INPUT_TEXT[common.lang].skipped(f.why)}`);
  const files = expanded.files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  for (const f of [planFile, ...files])
    if (await sameFile(f, output)) {
      io.err(`appendix-checker: ${INPUT_TEXT[common.lang].outputIsInput(output, f)}`);
      return 2;
    }
  if (files.length === 0) {
    io.err(`appendix-checker: ${INPUT_TEXT[common.lang].noRepliesIn(replyInputs.join(", "))}`);
    return 2;
  }
  const names = displayNames(files);
  const replies: ReplyTable[] = [];
  const unreadable: TrackReport["unreadable"] = [];
  const progress = progressBar(files.length, io.stderr);
  for (let i = 0; i < files.length; i++) {
    progress.tick(files[i]);
    const grids = await readGrids(files[i], common.lang);
    if (!grids.ok) {
      unreadable.push({ file: names[i], message: grids.message });
      continue;
    }
    let found = false;
    for (const grid of grids.sheets) {
      const table = taskTableOf(grid);
      if (table && tasksOf(table).length > 0) {
        replies.push({ file: names[i], table });
        found = true;
      }
    }
    if (!found) unreadable.push({ file: names[i], message: INPUT_TEXT[common.lang].noTaskTable });
  }
  progress.done();
  for (const u of unreadable) io.err(`appendix-checker: ${u.file}: ${u.message}`);
  if (replies.length === 0) {
    io.err(`appendix-checker: ${INPUT_TEXT[common.lang].noneUsable(output, files.length)}`);
    return 2;
  }
  const reporting = reportingFor(plan, common.reporting);
  const tracking = track(plan, replies, { asOf: common.asOf, reporting, lang: common.lang });
  const cards = scorecard(tracking);
  const statuses = new Map<number, TaskStatus>();
  for (const x of tracking.tasks) if (x.latest) statuses.set(x.task.index, x.latest.report.status.status);
  const linkFile = path
    .relative(path.dirname(path.resolve(output)), path.resolve(planFile))
    .split(path.sep)
    .join("/");
  const link = { file: linkFile, sheet: plan.sheetName, col: plan.table.header.columns.content ?? plan.table.header.firstCol };
  const subtitle = `${path.basename(planFile)} — ${formatDay(common.asOf)}`;
  const models = [
    trackingSheet(tracking, common.lang, link),
    scorecardSheet(cards, common.lang, subtitle),
    repliesSheet(tracking, common.lang),
    deadlineSheet(deadlineView(plan, common.asOf, reporting, statuses), common.lang, link),
  ];
  if (!(await writeOutput(output, () => xlsxOfModels(models, NATIVE_WRITE), io, common.lang))) return 2;
  io.out(
    o.json === true
      ? JSON.stringify(trackReport(path.basename(planFile), tracking, cards, unreadable, common.lang), null, 2)
      : render(tracking, cards, output, common.lang),
  );
  return unreadable.length > 0 || tracking.replies.some((r) => r.outcome !== "matched") ? 1 : 0;
}
