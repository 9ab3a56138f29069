/**
 * `appendix-checker check <file.xlsx>... [--sheet NAME] [--json] [--summary OUT.xlsx] [--lang vi|en] [--directory FILE]
 *  [--stated JSON|FILE]`
 */
import * as path from "path";
import * as zlib from "zlib";
import { AgencyDirectory, buildDirectory, parseDirectoryJson } from "../core/agencies/directory";
import { defaultDirectory } from "../core/agencies/default-directory";
import { Lang } from "../core/issues/catalogue";
import { parseStatedTotals } from "../core/kinds/delegations/stated-totals";
import { fileReport } from "../core/output/file-report";
import { FileReport, Report } from "../core/output/report";
import { StatedTotals } from "../core/kinds/delegations/stated-totals";
import { summarySheets } from "../core/output/summaries";
import { checkWorkbook, SheetCheck } from "../core/workbook";
import { readWorkbook } from "../xlsx/read";
import { workbookBytes } from "../xlsx/write";
import { readBytes, sameFile, writeWhole } from "./files";
import { progressBar, renderCheck } from "./terminal";
import { CliIO } from "./io";

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
}

export async function loadDirectory(file: string | undefined, io: CliIO): Promise<AgencyDirectory | null> {
  if (!file) return defaultDirectory();
  const read = await readBytes(file);
  if (!read.ok) {
    io.err(`appendix-checker: ${file}: ${read.message}`);
    return null;
  }
  const parsed = parseDirectoryJson(new TextDecoder().decode(read.bytes));
  if (!parsed.ok) {
    io.err(`appendix-checker: ${file}: not a valid agency directory: ${parsed.error}`);
    return null;
  }
  return buildDirectory(parsed.data);
}

/** `--stated` as inline JSON (it starts with "{") or the path of a JSON file; null after saying what is wrong. */
export async function loadStated(value: string, io: CliIO): Promise<StatedTotals | null> {
  let json = value;
  let what = "--stated";
  if (!value.trim().startsWith("{")) {
    const read = await readBytes(value);
    if (!read.ok) {
      io.err(`appendix-checker: --stated ${value}: ${read.message}`);
      return null;
    }
    json = new TextDecoder().decode(read.bytes);
    what = `--stated ${value}`;
  }
  const parsed = parseStatedTotals(json);
  if (!parsed.ok) {
    io.err(`appendix-checker: ${what}: ${parsed.error}`);
    return null;
  }
  return parsed.stated;
}

/**
 * Native inflate, so workbooks are read straight from their XML as `consolidate` reads them: the same file gives the
 * same tables in both commands, and a sheet formatted down to row 1,048,576 or merged to its last cell is read in
 * what its data costs (ExcelJS, the fallback for unusual files, builds every merged and formatted cell).
 */
const inflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data);

export async function runCheck(args: CheckArgs, io: CliIO): Promise<number> {
  const directory = await loadDirectory(args.directory, io);
  if (!directory) return 2;
  const stated = args.stated === undefined ? null : await loadStated(args.stated, io);
  if (args.stated !== undefined && !stated) return 2;
  if (args.summary) {
    for (const f of args.files) {
      if (await sameFile(f, args.summary)) {
        io.err(`appendix-checker: --summary ${args.summary} is one of the inputs; choose another file name`);
        return 2;
      }
    }
  }
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
      io.err(`appendix-checker: ${file}: ${bytes.message}`);
      continue;
    }
    const wb = await readWorkbook(bytes.bytes, { inflateRaw });
    if (!wb.ok) {
      unusable++;
      io.err(`appendix-checker: ${file}: ${wb.message}`);
      continue;
    }
    const result = checkWorkbook(wb.sheets, { directory, sheet: args.sheet, stated, convertLegacy: args.convertLegacy });
    if (!result.ok && result.reason === "no-sheet") {
      unusable++;
      io.err(`appendix-checker: ${file}: no sheet named "${result.sheet}" (sheets: ${result.available.join(", ")})`);
      continue;
    }
    if (!result.ok) {
      unusable++;
      const sheets = result.checks.map((c) => c.sheetName).join(", ");
      io.err(
        `appendix-checker: ${file}: no task table found (looked on ${sheets || "no sheets"} for a header row with STT, Nội dung, Cơ quan chủ trì … or a delegation table with Tên đoàn, Trưởng đoàn …)`,
      );
    } else if (stated && !result.checks.some((c) => c.kind === "delegations")) {
      io.err(`appendix-checker: ${file}: --stated not used: the workbook holds no delegation table`);
    }
    const lastDelegationSheet = result.checks.map((c) => c.kind).lastIndexOf("delegations");
    result.checks.forEach((check, i) => {
      reports.push(fileReport(name, check, args.lang));
      if (check.table) checked.push({ file: name, linkFile: path.relative(linkFrom, path.resolve(file)).split(path.sep).join("/"), check });
      texts.push(renderCheck(name, check, args.lang, { workbookTotals: i === lastDelegationSheet }));
    });
  }
  progress.done();

  const errors = reports.reduce((n, r) => n + r.counts.errors, 0);
  const code = unusable > 0 ? 2 : errors > 0 ? 1 : 0;
  if (args.summary) {
    if (unusable > 0) {
      io.err(`appendix-checker: ${args.summary} not written: ${unusable} input(s) could not be used`);
    } else {
      try {
        const models = summarySheets(checked, args.lang);
        await writeWhole(args.summary, await workbookBytes(models));
      } catch (e) {
        io.err(`appendix-checker: ${args.summary}: cannot write: ${(e as Error).message}`);
        return 2;
      }
    }
  }
  if (args.json) {
    const report: Report = { version: 1, files: reports, consolidation: null };
    io.out(JSON.stringify(report, null, 2));
  } else {
    io.out(texts.join("\n\n"));
    if (args.summary && unusable === 0) io.out(`\n${args.lang === "vi" ? "Đã ghi" : "Written"}: ${args.summary}`);
  }
  return code;
}
