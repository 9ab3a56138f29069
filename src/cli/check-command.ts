/**
 * `appendix-checker check <file.xlsx|file.docx>... [--sheet NAME] [--json] [--summary OUT.xlsx] [--lang vi|en] [--directory FILE]
 *  [--stated JSON|FILE] [--add-pickers OUT.xlsx]`
 */
import * as path from "path";
import { AgencyDirectory, buildDirectory } from "../core/agencies/directory";
import { readDirectoryJson } from "../core/agencies/directory-file";
import { fileRefusalText } from "../core/settings/file-problems";
import { defaultDirectory } from "../core/agencies/default-directory";
import { Lang } from "../core/issues/catalogue";
import { FileReport, Report } from "../core/output/report";
import { parseStatedTotals } from "../core/kinds/delegations/stated-totals";
import { StatedTotals } from "../core/kinds/delegations/stated-totals";
import { DEFAULT_SETTINGS, parseSettings, Settings } from "../core/settings/settings";
import { SheetCheck } from "../core/workbook";
import { NATIVE_READ, NATIVE_WRITE } from "../xlsx/native-zlib";
import { storedSettings } from "../xlsx/stored-settings";
import { xlsxOfModels } from "../xlsx/sheet-writer";
import { readBytes, sameFile, writeWhole } from "./files";
import { progressBar, renderCheck, renderDocumentFacts } from "./terminal";
import { CliIO } from "./io";
import { writeJson } from "./json-stream";
import { checkInput, inputReport } from "./read-input";
import type { DateParts } from "../core/timeframe/timeframe";
import type { PickerSource } from "./add-pickers";
import { INPUT_TEXT, writeFailureText } from "./messages";
import { REPORT_TEXT } from "./report-text";

export interface CheckArgs {
  files: string[];
  sheet?: string;
  json: boolean;
  summary?: string;
  lang: Lang;
  directory?: string;
  /** Delegation totals the plan states: inline JSON or a JSON file, in the shape of the report's `delegations`. */
  stated?: string;
  /** Read TCVN3/VNI cells in their Unicode reading, in the reports and summaries only (never in the input). */
  convertLegacy?: boolean;
  /** Also one workbook per lead agency with its tasks' issues, in this folder. */
  perAgency?: string;
  /** A shared rules file (the Settings JSON the pane exports): applied instead of the rules saved with each workbook. */
  settings?: string;
  /** Check with the default rules and directory, whatever the workbook saved. */
  ignoreWorkbookSettings?: boolean;
  /** The day a progress report's statuses are judged on; today in Vietnam when not given. */
  asOf?: DateParts;
  /** Also a copy of the (one) workbook with drop-down lists of agency names on the lead column, to this file. */
  addPickers?: string;
}

/** `--settings FILE`: the rules and severities to apply; null after saying what is wrong. */
async function loadSettingsFile(file: string, io: CliIO, lang: Lang): Promise<Settings | null> {
  const read = await readBytes(file);
  if (!read.ok) {
    io.err(`appendix-checker: --settings ${file}: ${INPUT_TEXT[lang].refused(read.why)}`);
    return null;
  }
  const parsed = parseSettings(new TextDecoder().decode(read.bytes));
  if (!parsed.ok) {
    io.err(`appendix-checker: --settings ${file}: ${fileRefusalText(parsed.refusal, lang, "json")}`);
    return null;
  }
  return parsed.settings;
}

export async function loadDirectory(file: string | undefined, io: CliIO, lang: Lang): Promise<AgencyDirectory | null> {
  if (!file) return defaultDirectory();
  const read = await readBytes(file);
  if (!read.ok) {
    io.err(`appendix-checker: ${file}: ${INPUT_TEXT[lang].refused(read.why)}`);
    return null;
  }
  const parsed = readDirectoryJson(new TextDecoder().decode(read.bytes));
  if (!parsed.ok) {
    io.err(`appendix-checker: ${INPUT_TEXT[lang].notDirectory(file, fileRefusalText(parsed.refusal, lang, "json"))}`);
    return null;
  }
  return buildDirectory(parsed.data);
}

/** `--stated` as inline JSON (it starts with "{") or the path of a JSON file; null after saying what is wrong. */
async function loadStated(value: string, io: CliIO, lang: Lang): Promise<StatedTotals | null> {
  let json = value;
  let what = "--stated";
  if (!value.trim().startsWith("{")) {
    const read = await readBytes(value);
    if (!read.ok) {
      io.err(`appendix-checker: --stated ${value}: ${INPUT_TEXT[lang].refused(read.why)}`);
      return null;
    }
    json = new TextDecoder().decode(read.bytes);
    what = `--stated ${value}`;
  }
  const parsed = parseStatedTotals(json);
  if (!parsed.ok) {
    const example = parsed.refusal.kind === "invalid" ? INPUT_TEXT[lang].statedExample : "";
    io.err(`appendix-checker: ${what}: ${fileRefusalText(parsed.refusal, lang, "json")}${example}`);
    return null;
  }
  return parsed.stated;
}

/**
 * Native inflate, so workbooks are read straight from their XML as `consolidate` reads them: the same file gives the
 * same tables in both commands, and a sheet formatted down to row 1,048,576 or merged to its last cell is read in
 * what its data costs (ExcelJS, the fallback for unusual files, builds every merged and formatted cell).
 */
export async function runCheck(args: CheckArgs, io: CliIO): Promise<number> {
  const directory = await loadDirectory(args.directory, io, args.lang);
  if (!directory) return 2;
  const stated = args.stated === undefined ? null : await loadStated(args.stated, io, args.lang);
  if (args.stated !== undefined && !stated) return 2;
  const shared = args.settings === undefined ? null : await loadSettingsFile(args.settings, io, args.lang);
  if (args.settings !== undefined && !shared) return 2;
  if (args.summary) {
    for (const f of args.files) {
      if (await sameFile(f, args.summary)) {
        io.err(`appendix-checker: ${INPUT_TEXT[args.lang].summaryIsInput(args.summary)}`);
        return 2;
      }
    }
  }
  if (args.addPickers !== undefined) {
    if (args.files.length !== 1) {
      io.err(`appendix-checker: ${INPUT_TEXT[args.lang].pickersOneWorkbook(args.files.length)}`);
      return 2;
    }
    if (await sameFile(args.files[0], args.addPickers)) {
      io.err(`appendix-checker: ${INPUT_TEXT[args.lang].pickersIsInput(args.addPickers)}`);
      return 2;
    }
  }
  let pickerSource: PickerSource | null = null;
  const progress = progressBar(args.files.length, io.stderr);
  const reports: FileReport[] = [];
  const checked: Array<{ file: string; linkFile: string; check: SheetCheck }> = [];
  const linkFrom = args.summary ? path.dirname(path.resolve(args.summary)) : process.cwd();
  const texts: string[] = [];
  let unusable = 0;
  for (const file of args.files) {
    progress.tick(file);
    const name = path.basename(file);
    const bytes = await readBytes(file);
    if (!bytes.ok) {
      unusable++;
      io.err(`appendix-checker: ${file}: ${INPUT_TEXT[args.lang].refused(bytes.why)}`);
      continue;
    }
    // What the pane saved with the workbook: its rules (unless a shared file or the defaults were asked for) and its
    // directory (unless --directory names one). A Word file or a text saves none.
    const saved = args.ignoreWorkbookSettings ? null : storedSettings(bytes.bytes, NATIVE_READ.inflateRaw!);
    const settings = shared ?? saved?.settings ?? DEFAULT_SETTINGS;
    const fileDirectory = !args.directory && saved?.directory ? buildDirectory(saved.directory) : directory;
    const input = await checkInput(bytes.bytes, {
      directory: fileDirectory,
      settings,
      sheet: args.sheet,
      stated,
      convertLegacy: args.convertLegacy,
      asOf: args.asOf,
      lang: args.lang,
      file,
    });
    if (!input.ok) {
      unusable++;
      io.err(`appendix-checker: ${file}: ${input.message}`);
      continue;
    }
    if (input.format === "text" && input.noTasks) {
      // A plan's text without tasks: said on stderr, and reported (with --json) as what it is rather than left out.
      unusable++;
      io.err(`appendix-checker: ${file}: ${input.noTasks.message}`);
      reports.push(inputReport(name, input, input.noTasks.check, args.lang));
      texts.push(renderCheck(name, input.noTasks.check, args.lang));
      continue;
    }
    const result = input.result;
    if (!result.ok && result.reason === "no-sheet") {
      unusable++;
      io.err(`appendix-checker: ${file}: ${INPUT_TEXT[args.lang].noSheet(result.sheet, result.available.join(", "))}`);
      continue;
    }
    if (!result.ok) {
      unusable++;
      const sheets = result.checks.map((c) => c.sheetName).join(", ");
      io.err(`appendix-checker: ${file}: ${INPUT_TEXT[args.lang].noTableOnSheets(sheets)}`);
    } else if (stated && !result.checks.some((c) => c.kind === "delegations")) {
      io.err(`appendix-checker: ${file}: ${INPUT_TEXT[args.lang].statedUnused}`);
    }
    if (input.format === "docx") texts.push(renderDocumentFacts(name, input.word.facts, args.lang));
    if (input.format === "xlsx") pickerSource = { file, bytes: bytes.bytes, checks: result.checks, directory: fileDirectory };
    const lastDelegationSheet = result.checks.map((c) => c.kind).lastIndexOf("delegations");
    result.checks.forEach((check, i) => {
      reports.push(inputReport(name, input, check, args.lang));
      if (check.table) checked.push({ file: name, linkFile: path.relative(linkFrom, path.resolve(file)).split(path.sep).join("/"), check });
      const table = input.format === "docx" ? input.word.tableOf(check) : undefined;
      // --json prints no terminal text: rendering it is wasted on 100,000 tasks.
      if (!args.json) texts.push(renderCheck(name, check, args.lang, { workbookTotals: i === lastDelegationSheet, wordTable: table }));
    });
  }
  progress.done();

  const errors = reports.reduce((n, r) => n + r.counts.errors, 0);
  const code = unusable > 0 ? 2 : errors > 0 ? 1 : 0;
  if (args.summary) {
    if (unusable > 0) {
      io.err(`appendix-checker: ${INPUT_TEXT[args.lang].summaryNotWritten(args.summary, unusable)}`);
    } else {
      try {
        // The summary sheets are loaded only when a summary is asked for: a plain check never pays their start-up.
        const { summarySheets } = await import("../core/output/summaries");
        const models = summarySheets(checked, args.lang);
        await writeWhole(args.summary, xlsxOfModels(models, NATIVE_WRITE));
      } catch (e) {
        io.err(`appendix-checker: ${writeFailureText(args.summary, e, args.lang)}`);
        return 2;
      }
    }
  }
  if (args.addPickers !== undefined) {
    if (!pickerSource) {
      io.err(`appendix-checker: ${INPUT_TEXT[args.lang].pickersNeedTable(args.addPickers)}`);
      return 2;
    }
    const { writePickersCopy } = await import("./add-pickers");
    if (!(await writePickersCopy(pickerSource, args.addPickers, args.lang, io, args.json))) return 2;
  }
  const sources = checked.map((c) => ({ ...c, linkFile: path.resolve(linkFrom, c.linkFile) }));
  if (args.perAgency && !(await (await import("./per-agency")).writePerAgency(args.perAgency, sources, directory, args.lang, io))) return 2;
  if (args.json) {
    const report: Report = { version: 1, files: reports, consolidation: null };
    writeJson(io, report);
  } else {
    io.out(texts.join("\n\n"));
    if (args.summary && unusable === 0) io.out(`\n${REPORT_TEXT[args.lang].written(args.summary)}`);
  }
  return code;
}
