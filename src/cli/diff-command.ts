/**
 * `appendix-checker diff <old.xlsx> <new.xlsx> [-o OUT.xlsx] [--sheet NAME] [--directory FILE] [--json] [--lang vi|en]`:
 * the tasks carried over, new, dropped and changed between two plans, printed, as JSON, or as the "Thay đổi" sheet.
 * Exit status 0 whether or not the plans differ; 2 for unusable input.
 */
import * as path from "path";
import { Lang } from "../core/issues/catalogue";
import { diffPlans, PlanDiff } from "../core/tracking/diff";
import { changeFieldLabel, changeKindLabel, changesSheet, diffChanges } from "../core/tracking/diff-sheet";
import { DiffReport } from "../core/tracking/json";
import { PlanTask } from "../core/tracking/plan-tasks";
import { NATIVE_WRITE } from "../xlsx/native-zlib";
import { xlsxOfModels } from "../xlsx/sheet-writer";
import { sameFile } from "./files";
import { CliIO } from "./io";
import { Parsed } from "./args";
import { loadPlan, trackingArgs, writeOutput } from "./plan-file";
import { INPUT_TEXT } from "./messages";
import { REPORT_TEXT } from "./report-text";

function taskJson(t: PlanTask | null): DiffReport["changes"][number]["old"] {
  return t
    ? { row: t.sheetRow, stt: t.stt, content: t.content, lead: t.lead, coordinating: t.coordinating, timeframe: t.timeframeText }
    : null;
}

function diffReport(names: { old: string; new: string }, d: PlanDiff): DiffReport {
  const changes = diffChanges(d);
  const changed = changes.filter((c) => c.kind === "changed").length;
  return {
    version: 1,
    command: "diff",
    old: names.old,
    new: names.new,
    counts: { carried: d.pairs.length - changed, changed, added: d.added.length, dropped: d.dropped.length },
    changes: changes.map((c) => ({
      kind: c.kind,
      section: (c.new ?? c.old!).sectionPath,
      fields: c.fields,
      score: c.score,
      old: taskJson(c.old),
      new: taskJson(c.new),
    })),
  };
}

function render(d: PlanDiff, lang: Lang): string {
  const report = diffReport({ old: "", new: "" }, d);
  const c = report.counts;
  const lines = [REPORT_TEXT[lang].diffCounts(c.carried, c.changed, c.added, c.dropped)];
  for (const ch of diffChanges(d)) {
    const t = ch.new ?? ch.old!;
    const what = ch.kind === "changed" ? ch.fields.map((f) => changeFieldLabel(f, lang)).join(", ") : changeKindLabel(ch.kind, lang);
    lines.push(`  ${t.sectionPath} ${t.stt}  [${what}]  ${t.content.slice(0, 80)}`);
  }
  return lines.join("\n");
}

/** Runs diff on arguments the registry parsed and checked (two plans). */
export async function runDiff(parsed: Parsed, io: CliIO): Promise<number> {
  const args = await trackingArgs(parsed, io);
  if (typeof args === "number") return args;
  const { options: o, common, positional } = args;
  const plans = [];
  for (const file of positional) {
    const plan = await loadPlan(file, args, io);
    if (!plan) return 2;
    plans.push(plan);
  }
  const d = diffPlans(plans[0], plans[1]);
  const names = { old: path.basename(positional[0]), new: path.basename(positional[1]) };
  if (typeof o.output === "string") {
    const output = o.output;
    for (const f of positional)
      if (await sameFile(f, output)) {
        io.err(`appendix-checker: ${INPUT_TEXT[common.lang].outputIsInput(output, f)}`);
        return 2;
      }
    if (!(await writeOutput(output, () => xlsxOfModels([changesSheet(d, common.lang, names)], NATIVE_WRITE), io, common.lang))) return 2;
  }
  io.out(o.json === true ? JSON.stringify(diffReport(names, d), null, 2) : render(d, common.lang));
  return 0;
}
