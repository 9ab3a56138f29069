/**
 * `appendix-checker consolidate <file.xlsx|file.docx|folder>... -o OUT.xlsx [--expected agencies.txt] [--json] [--lang vi|en]
 * [--directory FILE]` (SPEC 7, 9).
 *
 * Every file is read and checked on its own; a file that cannot be read, or holds no task table, is named on stderr
 * and in the file report, and the rest are still merged. Exit status: 2 for usage errors, when OUT would overwrite an
 * input, or when no file could be read at all (nothing is written then); else 1 when a file was unreadable or any
 * table has an error; else 0.
 */
import { promises as fs } from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { Consolidation, consolidationSummary, Consolidator, FileStatus, parseExpectedAgencies } from "../core/consolidate/consolidate";
import { consolidatedLine, consolidatedParts, filesSheet, streamedSummarySheetsOf } from "../core/output/consolidated-sheet";
import { continuationNote } from "../core/output/consolidated-parts";
import { Lang } from "../core/issues/catalogue";
import { FileReport, Report } from "../core/output/report";
import { SheetCheck } from "../core/workbook";
import { StreamedSheet, writeXlsx } from "../xlsx/sheet-writer";
import { ZipCodec, ZipWriter } from "../xlsx/zip";
import { loadDirectory } from "./check-command";
import { checkFile } from "./file-check";
import { inputReport } from "./read-input";
import { expandInputs, readBytes, sameFile, writeInPieces } from "./files";
import { CliIO } from "./io";
import { writeJson } from "./json-stream";
import { writePerAgency } from "./per-agency";
import { clearMemos } from "../core/memo/memo";
import { RowSpool } from "./row-spool";
import { diskIssueShelf } from "./disk-issue-shelf";
import type { SummarySource } from "../core/output/summaries";
import { progressBar } from "./terminal";
import { INPUT_TEXT, writeFailureText } from "./messages";
import { REPORT_TEXT } from "./report-text";

export interface ConsolidateArgs {
  inputs: string[];
  output: string;
  expected?: string;
  json: boolean;
  lang: Lang;
  directory?: string;
  /** Also one workbook per lead agency with its tasks' issues, in this folder. */
  perAgency?: string;
  /** Rows a sheet may hold (Excel's 1,048,576 unless a test asks for fewer): the consolidated table continues after. */
  sheetRows?: number;
  /** Filled with the milliseconds each phase took (read, check, read+check, merge, sheets, write), for the benchmark. */
  timings?: Record<string, number>;
}

function phaseClock(timings: Record<string, number> | undefined): { lap(phase: string): void } {
  let last = performance.now();
  return {
    lap(phase) {
      const now = performance.now();
      if (timings) timings[phase] = (timings[phase] ?? 0) + (now - last);
      last = now;
    },
  };
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/** What makes two paths one file: its device and inode (a link, a hard link), else its resolved path. */
async function fileIdentity(file: string): Promise<string> {
  try {
    const st = await fs.stat(file);
    return `${st.dev}:${st.ino}`;
  } catch {
    return path.resolve(file);
  }
}

async function loadExpected(file: string, io: CliIO, lang: Lang): Promise<string[] | null> {
  const read = await readBytes(file);
  if (!read.ok) {
    io.err(`appendix-checker: --expected ${file}: ${INPUT_TEXT[lang].refused(read.why)}`);
    return null;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
  } catch {
    io.err(`appendix-checker: ${INPUT_TEXT[lang].expectedNotUtf8(file)}`);
    return null;
  }
  const names = parseExpectedAgencies(text);
  if (names.length === 0) {
    io.err(`appendix-checker: ${INPUT_TEXT[lang].expectedEmpty(file)}`);
    return null;
  }
  return names;
}

/**
 * How the files are named in the output: relative to the folder they all share, so "a/phu-luc.xlsx" and
 * "b/phu-luc.xlsx" stay apart and a single file is just its name.
 */
export function displayNames(files: readonly string[]): string[] {
  const resolved = files.map((f) => path.resolve(f));
  if (resolved.length === 0) return [];
  let common = path.dirname(resolved[0]);
  for (const f of resolved) {
    while (common !== path.dirname(common) && !f.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
      common = path.dirname(common);
    }
  }
  return resolved.map((f) => path.relative(common, f).split(path.sep).join("/"));
}

// Level 1: a consolidated workbook compresses to about a fifth either way, and the fastest level saves a second.
// A streamed part (the consolidated sheet) is deflated piece by piece, each piece flushed to a byte boundary.
const codec: ZipCodec = {
  deflateRaw: (data: Uint8Array): Uint8Array => zlib.deflateRawSync(data, { level: 1 }),
  deflateRawPiece: (data: Uint8Array, last: boolean): Uint8Array =>
    zlib.deflateRawSync(data, { level: 1, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_FULL_FLUSH }),
  crc32: (data: Uint8Array, previous?: number) => zlib.crc32(data, previous),
};

/** Files read between two clearings of the engine's memos (see the loop). */
const MEMO_FILES = 50;

export async function runConsolidate(args: ConsolidateArgs, io: CliIO): Promise<number> {
  const directory = await loadDirectory(args.directory, io, args.lang);
  if (!directory) return 2;
  const expected = args.expected === undefined ? undefined : await loadExpected(args.expected, io, args.lang);
  if (expected === null) return 2;

  const { files: listed, skipped } = await expandInputs(args.inputs);
  for (const f of skipped) io.err(`appendix-checker: ${f.file}: ${INPUT_TEXT[args.lang].skipped(f.why)}`);
  // A file named twice (itself, inside a folder given too, through a link or a hard link) is one reply: read once,
  // or its rows would double.
  const files: string[] = [];
  const seen = new Map<string, string>();
  for (const f of listed) {
    const key = await fileIdentity(f);
    const first = seen.get(key);
    if (first !== undefined) {
      const same = path.resolve(first) === path.resolve(f);
      io.err(`appendix-checker: ${f}: ${same ? INPUT_TEXT[args.lang].listedTwice : INPUT_TEXT[args.lang].sameFileAs(first)}`);
      continue;
    }
    seen.set(key, f);
    files.push(f);
  }
  if (files.length === 0) {
    io.err(`appendix-checker: ${INPUT_TEXT[args.lang].noFilesIn(args.inputs.join(", "))}`);
    return 2;
  }
  // Only an existing file can be one of the inputs under another name; a new one can only be named like one.
  const outputExists = await fileExists(args.output);
  for (const f of files) {
    if (outputExists ? await sameFile(f, args.output) : path.resolve(f) === path.resolve(args.output)) {
      io.err(`appendix-checker: ${INPUT_TEXT[args.lang].outputIsInput(args.output, f)}`);
      return 2;
    }
  }

  await io.beforeBatch?.(files.length);
  const clock = phaseClock(args.timings);
  const progress = progressBar(files.length, io.stderr);
  const names = displayNames(files);
  const linkFrom = path.dirname(path.resolve(args.output));
  // Each file is read, checked and folded in before the next is read: what stays is its rows (on disk, in the
  // spool), the ledger that flags repeats, its line of the file report and the folded summaries, never its grid or
  // its check (unless --per-agency, which writes each agency's tasks from the checks, needs them).
  const spool = new RowSpool();
  const issues = diskIssueShelf(spool.lines<SummarySource>("issues"));
  const consolidator = new Consolidator({ directory, expected, lang: args.lang }, { keep: false, issues });
  try {
    const failures: Array<{ file: string; message: string }> = [];
    const ours: Array<{ file: string; message: string }> = [];
    const noTable: string[] = [];
    const reports: FileReport[] = [];
    const perAgencySources: Array<{ file: string; linkFile: string; check: SheetCheck }> = [];
    let errors = false;
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const name = names[i];
      progress.tick(file);
      const outcome = await checkFile(file, directory, args.timings, args.lang);
      clock.lap("read+check");
      if (!outcome.ok && outcome.skipped) {
        ours.push({ file, message: outcome.message });
        continue;
      }
      if (!outcome.ok) {
        failures.push({ file, message: outcome.message });
        consolidator.add({ file: name, failure: outcome.message });
        continue;
      }
      const result = outcome.result;
      if (!result.ok) noTable.push(file);
      const linkFile = path.relative(linkFrom, path.resolve(file)).split(path.sep).join("/");
      for (const check of result.ok || result.reason === "no-table" ? result.checks : []) {
        for (const row of consolidator.add({ file: name, linkFile, check })) spool.add(row);
        const report = inputReport(name, outcome.input, check, args.lang);
        if (report.counts.errors > 0) errors = true;
        if (args.json) reports.push(report);
        if (args.perAgency) perAgencySources.push({ file: name, linkFile: path.resolve(linkFrom, linkFile), check });
      }
      // The engine's memos key on cell texts, and a text read from a reply is a slice of its sheet's XML, which the
      // memo then keeps alive: a few hundred entries from each of thousands of files held every file's XML. Clearing
      // them every so many files bounds that to those files, and costs only the re-learning of a few short texts.
      if (i % MEMO_FILES === MEMO_FILES - 1) clearMemos();
      clock.lap("merge");
    }
    progress.done();
    for (const f of ours) io.err(`appendix-checker: ${f.file}: ${f.message}`);
    for (const f of failures) io.err(`appendix-checker: ${f.file}: ${f.message}`);
    for (const f of noTable) io.err(`appendix-checker: ${f}: ${INPUT_TEXT[args.lang].noTaskTable}`);
    if (failures.length + ours.length === files.length) {
      io.err(`appendix-checker: ${INPUT_TEXT[args.lang].noneReadable(args.output, files.length)}`);
      return 2;
    }

    const consolidation = consolidator.finish();
    clock.lap("merge");
    const lang = args.lang;
    // The merged rows are read back from the spool once, each sheet of the table taking its share in turn.
    const spooled = spool.reader();
    const merged = consolidatedParts(consolidation, lang, args.sheetRows).map(({ head, span, ...frame }): StreamedSheet => ({
      ...frame,
      rows(emit) {
        for (const h of head) emit(h);
        for (let i = span.from; i < span.to; i++) emit(consolidatedLine(consolidation, spooled.next(), i, lang));
      },
    }));
    const sheets = [...merged, ...streamedSummarySheetsOf(consolidation, lang), filesSheet(consolidation, lang, args.sheetRows)];
    clock.lap("sheets");
    try {
      await writeInPieces(args.output, (write) => writeXlsx(sheets, new ZipWriter(write, codec), new Date(), spool.spill()));
      clock.lap("write");
    } catch (e) {
      io.err(`appendix-checker: ${writeFailureText(args.output, e, args.lang)}`);
      return 2;
    }

    if (args.perAgency && !(await writePerAgency(args.perAgency, perAgencySources, directory, args.lang, io))) return 2;
    if (args.json) {
      const report: Report = { version: 1, files: reports, consolidation: consolidationSummary(consolidation) };
      writeJson(io, report);
    } else {
      io.out(renderConsolidation(consolidation, args.output, args.lang, continuationNote(consolidation, args.lang, args.sheetRows)));
    }
    return failures.length > 0 || errors ? 1 : 0;
  } finally {
    spool.dispose();
  }
}

function renderConsolidation(c: Consolidation, output: string, lang: Lang, continued: string | null): string {
  const m = REPORT_TEXT[lang];
  const count = (s: FileStatus) => c.perFile.filter((f) => f.status === s).length;
  const parts = [
    m.merged(count("merged"), c.tables.length),
    ...(count("delegations") ? [m.delegationsOnly(count("delegations"))] : []),
    m.noTable(count("no-table")),
    m.unreadable(count("unreadable")),
  ];
  const lines = [
    `${m.files(c.perFile.length)}: ${parts.join(", ")}`,
    c.rowsIn === c.rowsOut ? m.rowsBalance(c.rowsIn, c.rowsOut) : m.rowsMismatch(c.rowsIn, c.rowsOut),
    m.repeats(c.duplicates.length, c.conflicts.length),
  ];
  if (c.expected) {
    lines.push(
      c.missingAgencies.length === 0
        ? m.allReceived(c.expected.length)
        : m.notReceived(c.missingAgencies.length, c.expected.length, c.missingAgencies.join("; ")),
    );
  }
  if (continued) lines.push(continued);
  lines.push(m.written(output));
  return lines.join("\n");
}
