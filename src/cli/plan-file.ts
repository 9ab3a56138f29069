/**
 * What the tracking commands share: reading a plan workbook to its task table, and their common options
 * (--lang, --as-of, --reporting-date, --directory, --sheet).
 */
import * as zlib from "zlib";
import { AgencyDirectory } from "../core/agencies/directory";
import { Grid } from "../core/sheet/grid";
import { Lang } from "../core/issues/catalogue";
import { taskTableOf, tasksOf } from "../core/tracking/task-table";
import { DateParts } from "../core/timeframe/timeframe";
import {
  DEFAULT_REPORTING_DATE,
  parseDay,
  parseReportingDate,
  ReportingDate,
  reportingDateFromText,
  todayInVietnam,
} from "../core/tracking/deadlines";
import { Plan, planTasks } from "../core/tracking/plan-tasks";
import { readFailureText, readWorkbook } from "../xlsx/read";
import { loadDirectory } from "./check-command";
import { Parsed } from "./args";
import { readBytes, writeWhole } from "./files";
import { CliIO } from "./io";
import { INPUT_TEXT, MESSAGES, writeFailureText } from "./messages";

const inflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data);

export type GridsRead = { ok: true; sheets: Grid[] } | { ok: false; message: string };

export async function readGrids(file: string, lang: Lang = "vi"): Promise<GridsRead> {
  const bytes = await readBytes(file);
  if (!bytes.ok) return { ok: false, message: INPUT_TEXT[lang].refused(bytes.why) };
  try {
    const wb = await readWorkbook(bytes.bytes, { inflateRaw });
    return wb.ok ? { ok: true, sheets: wb.sheets } : { ok: false, message: readFailureText(wb, lang) };
  } catch (e) {
    return { ok: false, message: INPUT_TEXT[lang].unexpected((e as Error).message.split("\n")[0].slice(0, 120)) };
  }
}

/** The first sheet (or the named one) whose task table has tasks, as a plan; a message when there is none. */
function planOfGrids(
  sheets: readonly Grid[],
  directory: AgencyDirectory,
  sheet: string | undefined,
  lang: Lang,
): { ok: true; plan: Plan } | { ok: false; message: string } {
  const candidates = sheet === undefined ? sheets : sheets.filter((s) => s.sheetName.toLowerCase() === sheet.toLowerCase());
  if (sheet !== undefined && candidates.length === 0)
    return { ok: false, message: INPUT_TEXT[lang].noSheet(sheet, sheets.map((s) => s.sheetName).join(", ")) };
  for (const grid of candidates) {
    const table = taskTableOf(grid);
    if (table && tasksOf(table).length > 0) return { ok: true, plan: planTasks(table, directory) };
  }
  return { ok: false, message: INPUT_TEXT[lang].noTaskTable };
}

async function readPlanFile(
  file: string,
  directory: AgencyDirectory,
  sheet?: string,
  lang: Lang = "vi",
): Promise<{ ok: true; plan: Plan } | { ok: false; message: string }> {
  const grids = await readGrids(file, lang);
  return grids.ok ? planOfGrids(grids.sheets, directory, sheet, lang) : grids;
}

export interface CommonOptions {
  lang: Lang;
  asOf: DateParts;
  /** Given with --reporting-date; else the plan's stated one or the default, see reportingFor. */
  reporting: ReportingDate | null;
  directory: AgencyDirectory;
}

export async function commonOptions(o: Record<string, string | true>, io: CliIO): Promise<CommonOptions | null> {
  const lang = o.lang === undefined ? "vi" : o.lang;
  if (lang !== "vi" && lang !== "en") {
    // main refuses an unknown --lang before a command runs; said in both languages all the same.
    io.err(`appendix-checker: ${MESSAGES.vi.badLang(String(lang))} — ${MESSAGES.en.badLang(String(lang))}`);
    return null;
  }
  let asOf = todayInVietnam();
  if (o["as-of"] !== undefined) {
    const d = typeof o["as-of"] === "string" ? parseDay(o["as-of"]) : null;
    if (!d) {
      io.err(`appendix-checker: ${INPUT_TEXT[lang].badAsOf(String(o["as-of"]))}`);
      return null;
    }
    asOf = d;
  }
  let reporting: ReportingDate | null = null;
  if (o["reporting-date"] !== undefined) {
    reporting = typeof o["reporting-date"] === "string" ? parseReportingDate(o["reporting-date"]) : null;
    if (!reporting) {
      io.err(`appendix-checker: ${INPUT_TEXT[lang].badReportingDate(String(o["reporting-date"]))}`);
      return null;
    }
  }
  const directory = await loadDirectory(typeof o.directory === "string" ? o.directory : undefined, io, lang);
  if (!directory) return null;
  return { lang, asOf, reporting, directory };
}

/** The reporting date: the one given, else the one the plan states above its table, else 31/12. */
export function reportingFor(plan: Plan, given: ReportingDate | null): ReportingDate {
  return given ?? reportingDateFromText(plan.table.titleText) ?? DEFAULT_REPORTING_DATE;
}

export interface TrackingArgs {
  options: Record<string, string | true>;
  positional: string[];
  common: CommonOptions;
}

/**
 * A tracking command's arguments, parsed by the registry (commands.ts, TRACKING_OPTIONS): the common options read, or
 * a number (the exit status) after saying what is wrong.
 */
export async function trackingArgs(parsed: Parsed, io: CliIO): Promise<TrackingArgs | number> {
  const common = await commonOptions(parsed.options, io);
  return common ? { options: parsed.options, positional: parsed.positional, common } : 2;
}

/** The plan of a workbook, or null after naming the file and the reason. */
export async function loadPlan(file: string, args: TrackingArgs, io: CliIO): Promise<Plan | null> {
  const sheet = args.options.sheet;
  const read = await readPlanFile(file, args.common.directory, typeof sheet === "string" ? sheet : undefined, args.common.lang);
  if (read.ok) return read.plan;
  io.err(`appendix-checker: ${file}: ${read.message}`);
  return null;
}

/** Writes an output whole; false after saying why it could not be written. */
export async function writeOutput(file: string, bytes: () => Promise<Uint8Array> | Uint8Array, io: CliIO, lang: Lang): Promise<boolean> {
  try {
    await writeWhole(file, await bytes());
    return true;
  } catch (e) {
    io.err(`appendix-checker: ${writeFailureText(file, e, lang)}`);
    return false;
  }
}
