/**
 * `appendix-checker check <file.xlsx>... [--sheet NAME] [--json] [--summary OUT.xlsx] [--lang vi|en] [--directory FILE]`
 */
import * as path from "path";
import { TaskCheck } from "../core/check";
import { AgencyDirectory, buildDirectory, defaultDirectory, parseDirectoryJson } from "../core/directory";
import { Lang } from "../core/issues";
import { FileReport, Report, taskFileReport } from "../core/report";
import { summarySheets } from "../core/summaries";
import { checkWorkbook } from "../core/workbook";
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

export async function runCheck(args: CheckArgs, io: CliIO): Promise<number> {
  const directory = await loadDirectory(args.directory, io);
  if (!directory) return 2;
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
  const checked: Array<{ file: string; linkFile: string; check: TaskCheck }> = [];
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
    const wb = await readWorkbook(bytes.bytes);
    if (!wb.ok) {
      unusable++;
      io.err(`appendix-checker: ${file}: ${wb.message}`);
      continue;
    }
    const result = checkWorkbook(wb.sheets, { directory, sheet: args.sheet });
    if (!result.ok && result.reason === "no-sheet") {
      unusable++;
      io.err(`appendix-checker: ${file}: no sheet named "${result.sheet}" (sheets: ${result.available.join(", ")})`);
      continue;
    }
    if (!result.ok) {
      unusable++;
      const sheets = result.checks.map((c) => c.sheetName).join(", ");
      io.err(
        `appendix-checker: ${file}: no task table found (looked on ${sheets || "no sheets"} for a header row with STT, Nội dung, Cơ quan chủ trì …)`,
      );
    }
    for (const check of result.checks) {
      reports.push(taskFileReport(name, check, args.lang));
      if (check.table) checked.push({ file: name, linkFile: path.relative(linkFrom, path.resolve(file)).split(path.sep).join("/"), check });
      texts.push(renderCheck(name, check, args.lang));
    }
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
