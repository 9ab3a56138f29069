/**
 * `appendix-checker split <plan.xlsx> -o DIR [--coordinating] [--as-of DAY] [--reporting-date DD/MM] [--sheet NAME]
 * [--directory agencies.json] [--json] [--lang vi|en]`: one workbook per lead agency (and per coordinating agency
 * with --coordinating), named after the agency, holding its tasks with the status columns to fill.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { isoDay } from "../core/tracking/deadlines";
import { SplitReport } from "../core/tracking/json";
import { splitPlan } from "../core/tracking/split";
import { NATIVE_WRITE } from "../xlsx/native-zlib";
import { xlsxOfModels } from "../xlsx/sheet-writer";
import { writeWhole } from "./files";
import { CliIO } from "./io";
import { writeJson } from "./json-stream";
import { Parsed } from "./args";
import { loadPlan, reportingFor, trackingArgs } from "./plan-file";
import { INPUT_TEXT, writeFailureText } from "./messages";
import { REPORT_TEXT } from "./report-text";

/** Runs split on arguments the registry parsed and checked (one plan, -o given). */
export async function runSplit(parsed: Parsed, io: CliIO): Promise<number> {
  const args = await trackingArgs(parsed, io);
  if (typeof args === "number") return args;
  const { options: o, common } = args;
  if (typeof o.output !== "string") return 2;
  const file = args.positional[0];
  const plan = await loadPlan(file, args, io);
  if (!plan) return 2;
  const dir = o.output;
  try {
    const stat = await fs.stat(dir);
    if (!stat.isDirectory()) {
      io.err(`appendix-checker: ${INPUT_TEXT[common.lang].outputNotFolder(dir)}`);
      return 2;
    }
  } catch {
    // A new folder: made below.
  }
  const lists = splitPlan(plan, {
    lang: common.lang,
    coordinating: o.coordinating === true,
    planName: path.basename(file),
    asOf: common.asOf,
    reporting: reportingFor(plan, common.reporting),
  });
  const planPath = path.resolve(file);
  try {
    await fs.mkdir(dir, { recursive: true });
    for (const list of lists) {
      const out = path.join(dir, list.fileName);
      if (path.resolve(out) === planPath) {
        io.err(`appendix-checker: ${INPUT_TEXT[common.lang].wouldOverwritePlan(out)}`);
        return 2;
      }
      await writeWhole(out, xlsxOfModels([list.model], NATIVE_WRITE));
    }
  } catch (e) {
    io.err(`appendix-checker: ${writeFailureText(dir, e, common.lang)}`);
    return 2;
  }
  if (o.json === true) {
    const report: SplitReport = {
      version: 1,
      command: "split",
      plan: path.basename(file),
      asOf: isoDay(common.asOf),
      directory: dir,
      files: lists.map((l) => ({ agency: l.agency, kind: l.kind, role: l.role, file: l.fileName, tasks: l.tasks.length })),
    };
    writeJson(io, report);
  } else {
    const t = REPORT_TEXT[common.lang];
    const lines = lists.map((l) => `  ${t.splitFile(l.fileName, l.tasks.length)}`);
    io.out(`${t.splitWritten(lists.length, dir, plan.tasks.length)}\n${lines.join("\n")}`);
  }
  return 0;
}
