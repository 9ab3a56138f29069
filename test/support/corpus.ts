/**
 * The real-table corpus (issue 11): tables collected from public documents and officers' workbooks, with the
 * figures a person counted by hand in test/fixtures/real/truths.json, and the scorer that compares the engine's
 * reading with them figure by figure. Used by `npm run corpus` (bench/corpus.ts) and by test/core/corpus.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { checkSheet, TaskCheck } from "../../src/core/kinds/tasks/check";
import { Grid, gridFromRows } from "../../src/core/sheet/grid";
import { parseTimeframe, Timeframe } from "../../src/core/timeframe/timeframe";
import { gridsFromXlsx } from "../../src/xlsx/grid-reader";
import { nativeInflateRaw } from "../../src/xlsx/native-zlib";
import { FIXTURES } from "./fixtures";

export const CORPUS_DIR = path.resolve(__dirname, "..", "fixtures", "real");
const SHARED_REAL = path.join(FIXTURES, "real");

/** What a person expects one timeframe text to be read as. Dates are "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
export interface TimeframeTruth {
  text: string;
  kind: Timeframe["kind"];
  start?: string;
  end?: string | null;
  note?: string;
}

export interface TableTruth {
  file: string;
  /** "new": collected for issue 11; "shared": one of ../shared/fixtures/real. */
  origin: "new" | "shared";
  /** Where the table comes from, in a few words: ministry/national body, province, officer workbook … */
  body: "national" | "province" | "officer-workbook";
  /** The column (1-based) of each field the table has. */
  columns: Partial<Record<"stt" | "content" | "lead" | "coordinating" | "timeframe", number>>;
  tasks: number;
  sections: number;
  /** The three agencies that lead the most tasks, with their lead counts (joint leads count for each). */
  topLeads: Array<{ name: string; lead: number }>;
  /** Further bodies whose reading the table tests (press abbreviations, distributive lists …). */
  agencies?: Array<{ name: string; lead?: number; coordinating?: number }>;
  /** Tasks with no lead of their own and none inherited from a section heading. */
  noLead: number;
  /** Tasks with an empty timeframe cell; null when the table has no timeframe column. */
  noTimeframe: number | null;
  timeframes: TimeframeTruth[];
  /** Where a truth is debatable, why it was counted the way it was. */
  notes?: string[];
  /**
   * Figures the engine still reads wrong, each with why: the truth stays as counted, the corpus test asserts the
   * figure is still wrong (so a fix has to remove the entry) and `npm run corpus` counts it as wrong.
   */
  misses?: Array<{ figure: string; reason: string }>;
}

export interface Figure {
  table: string;
  family: string;
  name: string;
  expected: string;
  actual: string;
  ok: boolean;
}

export function loadTruths(): TableTruth[] {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, "truths.json"), "utf8")).tables as TableTruth[];
}

/**
 * An .xlsx workbook of the corpus: each sheet is one of the corpus tables, scored against that table's truths after
 * the real .xlsx reader (the XML reader the command line uses) has read it.
 */
export interface WorkbookTruth {
  file: string;
  sheets: Array<{ sheet: string; truth: string }>;
}

export function loadWorkbookTruths(): WorkbookTruth[] {
  return (JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, "truths.json"), "utf8")).workbooks ?? []) as WorkbookTruth[];
}

/** The sheets of a corpus workbook as the .xlsx reader gives them. */
export function workbookGrids(file: string): Grid[] {
  const grids = gridsFromXlsx(new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, file))), nativeInflateRaw);
  if (!grids) throw new Error(`${file}: the .xlsx reader left the workbook to ExcelJS`);
  return grids;
}

/** Each sheet of each workbook, with the truth it is scored against (named "book.xlsx › sheet"). */
export function workbookTables(
  truths: TableTruth[] = loadTruths(),
  books: WorkbookTruth[] = loadWorkbookTruths(),
): Array<{ truth: TableTruth; grid: Grid }> {
  const out: Array<{ truth: TableTruth; grid: Grid }> = [];
  for (const book of books) {
    const grids = workbookGrids(book.file);
    for (const { sheet, truth } of book.sheets) {
      const grid = grids.find((g) => g.sheetName === sheet);
      const t = truths.find((x) => x.file === truth);
      if (!grid || !t) throw new Error(`${book.file} › ${sheet}: ${grid ? `no truth ${truth}` : "no such sheet"}`);
      out.push({ truth: { ...t, file: `${book.file} › ${sheet}`, origin: "new" }, grid });
    }
  }
  return out;
}

/** Rows of a corpus TSV without its "# source:" line; `\n` inside a cell is a line break of the original. */
export function corpusRows(truth: Pick<TableTruth, "file" | "origin">): string[][] {
  const dir = truth.origin === "new" ? CORPUS_DIR : SHARED_REAL;
  const text = fs.readFileSync(path.join(dir, truth.file), "utf8");
  return text
    .split("\n")
    .filter((line, i) => !(i === 0 && line.startsWith("# source")))
    .map((line) =>
      line
        .replace(/\r$/, "")
        .split("\t")
        .map((cell) => cell.replace(/\\n/g, "\n")),
    );
}

export function corpusGrid(truth: Pick<TableTruth, "file" | "origin">): Grid {
  const rows = corpusRows(truth);
  while (rows.length && rows[rows.length - 1].every((c) => c === "")) rows.pop();
  return gridFromRows(rows, truth.file.replace(/\.tsv$/, "").slice(0, 31));
}

function dateText(d: { year: number; month: number; day: number }, precision: string): string {
  const mm = String(d.month).padStart(2, "0");
  const dd = String(d.day).padStart(2, "0");
  if (precision.length === 4) return String(d.year);
  if (precision.length === 7) return `${d.year}-${mm}`;
  return `${d.year}-${mm}-${dd}`;
}

function timeframeReading(tf: Timeframe, truth: TimeframeTruth): string {
  const parts: string[] = [tf.kind];
  if (truth.start !== undefined) parts.push(tf.period ? dateText(tf.period.start, truth.start) : "-");
  if (truth.end !== undefined) {
    if (truth.end === null) parts.push(tf.period && tf.period.end === null ? "open" : "closed");
    else parts.push(tf.period?.end ? dateText(tf.period.end, truth.end) : "-");
  }
  return parts.join(" ");
}

function expectedReading(truth: TimeframeTruth): string {
  const parts: string[] = [truth.kind];
  if (truth.start !== undefined) parts.push(truth.start);
  if (truth.end !== undefined) parts.push(truth.end === null ? "open" : truth.end);
  return parts.join(" ");
}

/** Every figure of one table: what the truth says against what the engine read. */
export function scoreTable(truth: TableTruth, check: TaskCheck): Figure[] {
  const out: Figure[] = [];
  const add = (family: string, name: string, expected: string | number | null, actual: string | number | null) =>
    out.push({
      table: truth.file,
      family,
      name,
      expected: String(expected),
      actual: String(actual),
      ok: String(expected) === String(actual),
    });
  const columns = check.table ? JSON.stringify(check.table.header.columns) : "no table";
  add("header", "columns", JSON.stringify(truth.columns), columns);
  add("table", "tasks", truth.tasks, check.counts.tasks);
  add("sections", "sections", truth.sections, check.counts.sections);
  for (const l of truth.topLeads) add("agencies", `lead ${l.name}`, l.lead, check.agencies.find((a) => a.name === l.name)?.lead ?? 0);
  for (const a of truth.agencies ?? []) {
    const read = check.agencies.find((x) => x.name === a.name);
    if (a.lead !== undefined) add("agencies", `lead ${a.name}`, a.lead, read?.lead ?? 0);
    if (a.coordinating !== undefined) add("agencies", `coordinating ${a.name}`, a.coordinating, read?.coordinating ?? 0);
  }
  add("agencies", "tasks with no lead", truth.noLead, check.tasks.filter((t) => t.leads.length === 0).length);
  const hasTimeframe = check.table !== null && check.table.header.columns.timeframe !== undefined;
  add(
    "timeframes",
    "tasks with no timeframe",
    truth.noTimeframe,
    hasTimeframe ? check.tasks.filter((t) => t.timeframe.kind === "empty").length : null,
  );
  for (const tf of truth.timeframes)
    add("timeframes", `timeframe “${tf.text}”`, expectedReading(tf), timeframeReading(parseTimeframe(tf.text), tf));
  return out;
}

export function checkCorpusTable(truth: TableTruth): TaskCheck {
  return checkSheet(corpusGrid(truth));
}

export function scoreCorpus(truths: TableTruth[] = loadTruths()): Figure[] {
  return truths.flatMap((t) => scoreTable(t, checkCorpusTable(t)));
}

/** Every figure of every workbook sheet, against the truths of the table the sheet holds. */
export function scoreWorkbooks(truths: TableTruth[] = loadTruths()): Figure[] {
  return workbookTables(truths).flatMap(({ truth, grid }) => scoreTable(truth, checkSheet(grid)));
}

/** Share of figures right, per key. */
export function shares(figures: Figure[], key: (f: Figure) => string): Array<{ key: string; right: number; total: number }> {
  const map = new Map<string, { right: number; total: number }>();
  for (const f of figures) {
    const k = key(f);
    const e = map.get(k) ?? { right: 0, total: 0 };
    e.total++;
    if (f.ok) e.right++;
    map.set(k, e);
  }
  return [...map].map(([k, v]) => ({ key: k, ...v }));
}
