/**
 * Consolidation (SPEC 7): the tables that many agencies sent back, merged into one, without losing a row.
 *
 * What a "row" is: a **task row**, i.e. a row of a checked table whose kind is "task" (SPEC 2.1). Section headings
 * are not rows of the output; they travel with each task as its "Mục" (section path and heading). Repeated
 * headers, column-number rows, blanks and notes are not tasks, so they are neither read in nor written out.
 * Invariant: every task row of every input table appears exactly once in `rows`, in input order; `rowsIn` counts
 * the task rows of the tables, `rowsOut` the rows produced, and the report shows both.
 *
 * Columns are matched by meaning: the five task fields come from each table's own header match, so reordered
 * columns land in the right place; every other column is kept under its own header, and columns with the same
 * header (ignoring case, diacritics and punctuation) in different files share one output column.
 *
 * Repeats across tables are flagged, never removed. Rows with the same normalised content (`contentKey`) in two
 * or more tables are the same task. When they also agree on the lead (the set of lead agencies) and on the
 * timeframe (the period it reads as), they are a **duplicate**; when they disagree on either, a **conflict**
 * someone must resolve. Repeats inside one table are the checker's `duplicate-task` issue, not a consolidation flag.
 *
 * Pure: no files are read here. The caller reads each workbook, checks it, and passes the checks (or the reason a
 * file could not be read) in.
 */
import { AgencyDirectory, buildDirectory, DirectoryData, keyFromWords, keyWordsOfWord } from "../agencies/directory";
import type { SheetCheck } from "../workbook";
import { contentKey, TaskAnalysis } from "../kinds/tasks/checks";
import { TaskField } from "../kinds/tasks/fields";
import { cellAddress } from "../sheet/grid";
import { Lang } from "../issues/catalogue";
import { issueText } from "../issues/text";
import { TaskTable } from "../kinds/tasks/table";
import { Timeframe } from "../timeframe/timeframe";
import { foldKey, normalizeText } from "../sheet/text";
import { isTaskTableCheck } from "../kinds";
import { detached, SummaryFold } from "../output/summaries";

/**
 * One input: a checked table of a file (a file with several tables gives several), or a file that could not be read.
 * Task tables are merged; delegation tables are listed in the file report and summarised, but they hold no task rows.
 */
export type ConsolidationInput =
  | {
      /** The file as the consolidator should see it ("replies/so-ngoai-vu.xlsx"). */
      file: string;
      /** Path of the file relative to the written workbook, for links; defaults to `file`. */
      linkFile?: string;
      check: SheetCheck;
      /** The agency that sent the file, when the consolidator said so (else guessed from the file name or title). */
      agency?: string;
    }
  | { file: string; failure: string; agency?: string };

export interface ConsolidationOptions {
  directory: AgencyDirectory;
  /** Agencies expected to reply, as written in the consolidator's list (see `parseExpectedAgencies`). */
  expected?: readonly string[];
  lang: Lang;
}

export interface ConsolidatedRow {
  /** Index of the input table in `Consolidation.tables`. */
  table: number;
  file: string;
  linkFile?: string;
  sheet: string;
  /** The row's number on its source sheet. */
  row: number;
  /** The address of the row's content cell (or its first cell) on the source sheet, for links back; "" for a text. */
  cell: string;
  /** For a plan written as paragraphs: the heading the task stands under ("5.2"); `row` is then its line. */
  heading?: string;
  /** The agency that sent the table, when its file name or title says so. */
  sourceAgency: string | null;
  /** "I. Kinh tế số", "A › II. Phát triển hạ tầng": the section path and the innermost heading; "" outside sections. */
  section: string;
  fields: Record<TaskField, string>;
  /** Texts of the extra columns, aligned with `Consolidation.extras` ("" where the table lacks the column). */
  extras: string[];
  task: TaskAnalysis;
  /** Index into `Consolidation.duplicates` when the same task (same lead and timeframe) is in another table. */
  duplicateGroup: number | null;
  /** Index into `Consolidation.conflicts` when another table has this content with a different lead or timeframe. */
  conflictGroup: number | null;
}

export interface ExtraColumnOut {
  header: string;
  /** The folded header the tables' columns were matched by. */
  key: string;
}

export interface ConsolidatedTable {
  file: string;
  sheet: string;
  sourceAgency: string | null;
  /** Where the source agency was read from. */
  sourceAgencyFrom: "file" | "title" | null;
  rows: number;
}

/** Rows (indices into `rows`) holding one task that several tables agree on. */
export interface DuplicateGroup {
  rows: number[];
}

/**
 * One content read differently by different tables: each variant is a lead and a timeframe (as compared: folded lead
 * names, the period read) with the rows that have it.
 */
export interface ConflictGroup {
  rows: number[];
  variants: Array<{ lead: string; timeframe: string; rows: number[] }>;
  differs: Array<"lead" | "timeframe">;
}

/** merged: task rows taken; delegations: only delegation tables (summarised, not merged); no-table; unreadable. */
export type FileStatus = "merged" | "delegations" | "no-table" | "unreadable";

export interface FileSummary {
  file: string;
  status: FileStatus;
  /** Why nothing was merged from the file (unreadable, or no task table), in the chosen language where it is ours. */
  reason: string | null;
  sourceAgency: string | null;
  sheets: string[];
  /** Task tables merged. */
  tables: number;
  delegationTables: number;
  rowsRead: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface Consolidation {
  rows: ConsolidatedRow[];
  extras: ExtraColumnOut[];
  tables: ConsolidatedTable[];
  duplicates: DuplicateGroup[];
  conflicts: ConflictGroup[];
  /** Expected agencies (canonical names) with no file from them; empty when no list was given. */
  missingAgencies: string[];
  /** The expected list as matched: each agency with the files that came from it. */
  expected: Array<{ name: string; files: string[] }> | null;
  rowsIn: number;
  rowsOut: number;
  perFile: FileSummary[];
  /** The checked tables (task and delegation), for the summary sheets over everything; empty when not kept. */
  checks: Array<{ file: string; linkFile?: string; check: SheetCheck }>;
  /** When the rows were not kept (Consolidator with keep false): what the flag texts name of each row. */
  refs?: RowRefs;
  /** When the rows were not kept: each flagged row's duplicate and conflict group. */
  duplicateOf?: ReadonlyMap<number, number>;
  conflictOf?: ReadonlyMap<number, number>;
  /** When the checks were not kept: the summary sheets, folded file by file. */
  summaries?: SummaryFold;
}

// ---------------------------------------------------------------------------------------------------------
// The expected list

const LIST_MARK = /^(?:[-–—•*+·]|\d{1,3}[.)])\s*/;

/** The agencies of an expected-replies list: one per line; blank lines, "#" comments and list marks ignored. */
export function parseExpectedAgencies(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r\n?|\n/)) {
    const line = normalizeText(raw).replace(LIST_MARK, "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const key = foldKey(line);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}

/**
 * The directory plus the expected agencies it does not know ("UBND huyện An Lão"), so file names and titles can be
 * matched against the expected list with the same folding as any agency name.
 */
function withExpected(directory: AgencyDirectory, expected: readonly string[]): { directory: AgencyDirectory; names: string[] } {
  const added: DirectoryData["agencies"] = [];
  const names: string[] = [];
  for (const written of expected) {
    const known = directory.find(written);
    if (known) {
      if (!names.includes(known.name)) names.push(known.name);
      continue;
    }
    if (!names.includes(written)) names.push(written);
    added.push({ name: written, aliases: [], kind: "agency" });
  }
  if (added.length === 0) return { directory, names };
  return { directory: buildDirectory({ ...directory.data, agencies: [...directory.data.agencies, ...added] }), names };
}

// ---------------------------------------------------------------------------------------------------------
// Who sent a table

const NAME_SEPARATORS = /[\s_\-.,;()+[\]{}]+/;
// No look-behind: the pane runs in the WebViews of older Excel for Mac, whose Safari cannot parse it.
const CAMEL_BOUNDARY = /(\p{Ll})(\p{Lu})/gu;

/**
 * The agency a file path names: "so-ngoai-vu.xlsx", "SoNgoaiVu_PL.xlsx", "Công an tỉnh/phu luc.xlsx". The file's own
 * name is tried first, then its folders from the innermost out. The longest directory name found wins.
 */
export function agencyFromFileName(file: string, directory: AgencyDirectory): string | null {
  const segments = file.split(/[\\/]/).filter((s) => s !== "");
  if (segments.length === 0) return null;
  segments[segments.length - 1] = segments[segments.length - 1].replace(/\.[a-z0-9]{2,5}$/i, "");
  for (let i = segments.length - 1; i >= 0; i--) {
    const found = agencyInWords(wordsOfName(segments[i]), directory);
    if (found) return found;
  }
  return null;
}

function wordsOfName(name: string): string[][] {
  const out: string[][] = [];
  for (const piece of name.normalize("NFC").split(NAME_SEPARATORS)) {
    if (piece === "") continue;
    for (const w of piece.replace(CAMEL_BOUNDARY, "$1 $2").split(" ")) {
      const keys = keyWordsOfWord(w);
      if (keys.length) out.push(keys);
    }
  }
  return out;
}

function agencyInWords(words: string[][], directory: AgencyDirectory): string | null {
  let best: { name: string; length: number } | null = null;
  for (let start = 0; start < words.length; start++) {
    const keys: string[] = [];
    for (let end = start; end < words.length && keys.length <= directory.maxKeyWords; end++) {
      keys.push(...words[end]);
      // One word alone ("so", "ban") names nothing; an abbreviation that expands ("UBND") still needs a second word.
      if (keys.length < 2 || end === start) continue;
      const match = directory.lookupKey(keyFromWords(keys));
      if (match && match.kind === "agency" && (!best || keys.length > best.length)) best = { name: match.name, length: keys.length };
    }
  }
  return best?.name ?? null;
}

/**
 * The agency a table's title block names on a line of its own ("SỞ NGOẠI VỤ" under "UBND TỈNH BÌNH ĐỊNH"): the last
 * such line, because the issuing body is written under its parent.
 */
export function agencyFromTitle(titleText: string, directory: AgencyDirectory): string | null {
  let found: string | null = null;
  for (const line of titleText.split("\n")) {
    const t = line.trim();
    if (t === "" || t.length > 90) continue;
    const match = directory.find(t);
    if (match && match.kind === "agency") found = match.name;
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Merging

/** "A › II. Phát triển hạ tầng": the numerals of the path with the innermost heading written out. */
export function sectionText(table: TaskTable, index: number): string {
  if (index < 0) return "";
  const s = table.sections[index];
  const parent = s.parent >= 0 ? `${table.sections[s.parent].path} › ` : "";
  const numbered = s.stt.kind !== "empty" && s.stt.kind !== "other";
  if (!numbered) return s.title ? `${parent}${s.title}` : s.path;
  const label = s.path.slice(parent.length);
  if (s.title === "") return s.path;
  // Headings typed as "I. Kinh tế số" in one cell already carry their numeral.
  const titled = foldKey(s.title).startsWith(foldKey(label)) ? s.title : `${label}. ${s.title}`;
  return `${parent}${titled}`;
}

function extraKey(header: string): string {
  return contentKey(header) || foldKey(header);
}

/** The set of lead agencies, as compared across tables. */
function leadKey(task: TaskAnalysis): string {
  if (task.leads.length === 0) return contentKey(task.row.fields.lead);
  const names = new Set<string>();
  for (const p of task.leads) names.add(foldKey(p.name));
  return [...names].sort().join("|");
}

/** What a timeframe means, as compared across tables: "Quý IV/2022" and "Quí IV-2022" agree. */
function timeframeKey(tf: Timeframe): string {
  if (tf.period) {
    const s = tf.period.start;
    const e = tf.period.end;
    return `${s.year}-${s.month}-${s.day}/${e ? `${e.year}-${e.month}-${e.day}` : "…"}`;
  }
  if (tf.kind === "ongoing" || tf.kind === "annual") return tf.kind;
  return `${tf.kind}:${contentKey(tf.text)}`;
}

function isFailure(input: ConsolidationInput): input is { file: string; failure: string } {
  return "failure" in input;
}

/**
 * What the repeat flags and their texts need of every row, kept compactly for each row merged: its table, its
 * place, and its content, lead and timeframe as compared (interned, as tables repeat the same leads and timeframes).
 * Enough to flag and name repeats without holding the rows themselves.
 */
class RowLedger {
  readonly table: number[] = [];
  readonly row: number[] = [];
  readonly heading = new Map<number, string>();
  readonly leadKey: number[] = [];
  readonly timeKey: number[] = [];
  readonly leadText: number[] = [];
  readonly timeText: number[] = [];
  /** Rows by content key: the first row alone, or every row once the content repeats. */
  readonly byContent = new Map<string, number | number[]>();
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];

  private intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      // A copy: the text read is a slice of its reply's XML, which it would keep alive (see output/summaries.ts).
      const own = detached(text);
      this.ids.set(own, id);
      this.texts.push(own);
    }
    return id;
  }

  add(r: ConsolidatedRow, task: TaskAnalysis): void {
    const i = this.table.length;
    this.table.push(r.table);
    this.row.push(r.row);
    if (r.heading !== undefined) this.heading.set(i, r.heading);
    this.leadKey.push(this.intern(leadKey(task)));
    this.timeKey.push(this.intern(timeframeKey(task.timeframe)));
    this.leadText.push(this.intern(r.fields.lead));
    this.timeText.push(this.intern(r.fields.timeframe));
    const key = contentKey(r.fields.content);
    if (key === "") return;
    const seen = this.byContent.get(key);
    if (seen === undefined) this.byContent.set(detached(key), i);
    else if (typeof seen === "number") this.byContent.set(key, [seen, i]);
    else seen.push(i);
  }
}

/** One row as the flag texts name it: its table and place, and its lead and timeframe as written. */
export interface RowRefs {
  table(i: number): number;
  file(i: number): string;
  sheet(i: number): string;
  row(i: number): number;
  heading(i: number): string | undefined;
  lead(i: number): string;
  timeframe(i: number): string;
}

function ledgerRefs(ledger: RowLedger, tables: readonly ConsolidatedTable[]): RowRefs {
  return {
    table: (i) => ledger.table[i],
    file: (i) => tables[ledger.table[i]].file,
    sheet: (i) => tables[ledger.table[i]].sheet,
    row: (i) => ledger.row[i],
    heading: (i) => ledger.heading.get(i),
    lead: (i) => ledger.texts[ledger.leadText[i]],
    timeframe: (i) => ledger.texts[ledger.timeText[i]],
  };
}

export interface ConsolidatorOptions {
  /**
   * Keep every row and check in the result (the pane and the checker page, which show and edit them); false for the
   * command line, which streams each file's rows out as they come and keeps only the ledger, the file report and
   * the folded summaries (`Consolidation.rows` and `checks` are then empty, `refs` and `summaries` set).
   */
  keep: boolean;
}

/**
 * The merge, one input at a time: `add` folds an input in and gives back its rows (numbered after the rows before),
 * `finish` flags the repeats across everything added and gives the consolidation.
 */
export class Consolidator {
  private readonly lang: Lang;
  private readonly expected: { directory: AgencyDirectory; names: string[] } | null;
  private readonly directory: AgencyDirectory;
  private readonly extras: ExtraColumnOut[] = [];
  private readonly extraIndex = new Map<string, number>();
  private readonly rows: ConsolidatedRow[] = [];
  private readonly ledger = new RowLedger();
  private readonly tables: ConsolidatedTable[] = [];
  private readonly checks: Consolidation["checks"] = [];
  private readonly summaries: SummaryFold | null;
  private readonly perFile: FileSummary[] = [];
  private readonly fileIndex = new Map<string, number>();
  private readonly fileAgency = new Map<string, string | null>();
  private rowsIn = 0;
  private readonly keep: boolean;

  constructor(options: ConsolidationOptions, how: ConsolidatorOptions = { keep: true }) {
    this.lang = options.lang;
    this.expected = options.expected ? withExpected(options.directory, options.expected) : null;
    this.directory = this.expected?.directory ?? options.directory;
    this.keep = how.keep;
    this.summaries = how.keep ? null : new SummaryFold();
  }

  /** Rows merged so far. */
  get rowCount(): number {
    return this.ledger.table.length;
  }

  /** The extra columns found so far, in output order (a row's `extras` are aligned with them). */
  get extraColumns(): readonly ExtraColumnOut[] {
    return this.extras;
  }

  private summaryOf(file: string): FileSummary {
    let i = this.fileIndex.get(file);
    if (i === undefined) {
      i = this.perFile.length;
      this.fileIndex.set(file, i);
      this.perFile.push({
        file,
        status: "no-table",
        reason: null,
        sourceAgency: null,
        sheets: [],
        tables: 0,
        delegationTables: 0,
        rowsRead: 0,
        errors: 0,
        warnings: 0,
        infos: 0,
      });
    }
    return this.perFile[i];
  }

  private agencyOfFile(file: string): string | null {
    let a = this.fileAgency.get(file);
    if (a === undefined) {
      a = agencyFromFileName(file, this.directory);
      this.fileAgency.set(file, a);
    }
    return a;
  }

  private keepCheck(input: { file: string; linkFile?: string; check: SheetCheck }): void {
    const sourced =
      input.linkFile === undefined
        ? { file: input.file, check: input.check }
        : { file: input.file, linkFile: input.linkFile, check: input.check };
    if (this.summaries) this.summaries.add(sourced);
    else this.checks.push(sourced);
  }

  add(input: ConsolidationInput): ConsolidatedRow[] {
    const summary = this.summaryOf(input.file);
    if (input.agency) this.fileAgency.set(input.file, input.agency);
    if (isFailure(input)) {
      summary.status = "unreadable";
      summary.reason = input.failure;
      summary.sourceAgency = this.agencyOfFile(input.file);
      return [];
    }
    const check = input.check;
    const sheetName = detached(check.sheetName);
    summary.sheets.push(sheetName);
    summary.errors += check.counts.errors;
    summary.warnings += check.counts.warnings;
    summary.infos += check.counts.infos;
    if (!isTaskTableCheck(check)) {
      summary.delegationTables++;
      if (summary.status !== "merged") summary.status = "delegations";
      summary.reason = null;
      summary.sourceAgency ??= this.agencyOfFile(input.file);
      this.keepCheck(input);
      return [];
    }
    const table = check.table;
    if (!table) {
      if (summary.status !== "no-table") return [];
      if (summary.reason === null) {
        const noTable = check.issues.find((i) => i.code === "no-table");
        summary.reason = noTable ? issueText(noTable, this.lang) : null;
      }
      summary.sourceAgency ??= this.agencyOfFile(input.file);
      return [];
    }
    summary.status = "merged";
    summary.reason = null;
    summary.tables++;
    this.keepCheck(input);

    const byFile = this.agencyOfFile(input.file);
    const byTitle = byFile ? null : agencyFromTitle(table.titleText, this.directory);
    const sourceAgency = byFile ?? byTitle;
    summary.sourceAgency ??= sourceAgency;
    const tableIndex = this.tables.length;

    // Where each of this table's extra columns goes; a header repeated within the table gets its own column.
    const seenHere = new Map<string, number>();
    const extraTo = table.extras.map((e) => {
      const base = extraKey(e.header);
      const n = (seenHere.get(base) ?? 0) + 1;
      seenHere.set(base, n);
      const key = n === 1 ? base : `${base}#${n}`;
      let at = this.extraIndex.get(key);
      if (at === undefined) {
        at = this.extras.length;
        this.extraIndex.set(key, at);
        this.extras.push({ key, header: n === 1 ? e.header : `${e.header} (${n})` });
      }
      return at;
    });

    for (const r of table.rows) if (r.kind === "task") this.rowsIn++;
    const sectionTexts = new Map<number, string>();
    const added: ConsolidatedRow[] = [];
    for (const task of check.tasks) {
      const r = task.row;
      let section = sectionTexts.get(r.section);
      if (section === undefined) {
        section = sectionText(table, r.section);
        sectionTexts.set(r.section, section);
      }
      const rowExtras: string[] = [];
      for (let i = 0; i < extraTo.length; i++) rowExtras[extraTo[i]] = r.extras[i] ?? "";
      const place = check.paragraphs?.rows.get(r.row);
      const out: ConsolidatedRow = {
        table: tableIndex,
        file: input.file,
        sheet: check.sheetName,
        row: place ? place.at : r.row,
        cell: place ? paragraphCell(check, place.at) : cellAddress(r.row, table.header.columns.content ?? table.header.firstCol),
        sourceAgency,
        section,
        fields: r.fields,
        extras: rowExtras,
        task,
        duplicateGroup: null,
        conflictGroup: null,
      };
      if (place) out.heading = place.heading;
      if (input.linkFile !== undefined) out.linkFile = input.linkFile;
      this.ledger.add(out, task);
      if (this.keep) this.rows.push(out);
      added.push(out);
    }
    summary.rowsRead += added.length;
    this.tables.push({
      file: input.file,
      sheet: sheetName,
      sourceAgency,
      sourceAgencyFrom: byFile ? "file" : byTitle ? "title" : null,
      rows: added.length,
    });
    return added;
  }

  finish(): Consolidation {
    const { rows, extras, tables, perFile, expected } = this;
    // Rows of tables read before a later column appeared are short: fill them so every row spans every column.
    for (const r of rows) for (let i = 0; i < extras.length; i++) if (r.extras[i] === undefined) r.extras[i] = "";

    const { duplicates, conflicts, duplicateOf, conflictOf } = flagRepeats(this.ledger);
    for (let i = 0; i < rows.length; i++) {
      rows[i].duplicateGroup = duplicateOf.get(i) ?? null;
      rows[i].conflictGroup = conflictOf.get(i) ?? null;
    }

    let missingAgencies: string[] = [];
    let expectedOut: Consolidation["expected"] = null;
    if (expected) {
      const filesOf = new Map<string, string[]>();
      const tableAgencies = new Map<string, Set<string>>();
      for (const t of tables) {
        if (!t.sourceAgency) continue;
        let set = tableAgencies.get(t.file);
        if (!set) tableAgencies.set(t.file, (set = new Set()));
        set.add(t.sourceAgency);
      }
      for (const f of perFile) {
        const agencies = new Set<string>();
        if (f.sourceAgency) agencies.add(f.sourceAgency);
        for (const a of tableAgencies.get(f.file) ?? []) agencies.add(a);
        for (const a of agencies) {
          const list = filesOf.get(a);
          if (list) list.push(f.file);
          else filesOf.set(a, [f.file]);
        }
      }
      expectedOut = expected.names.map((name) => ({ name, files: filesOf.get(name) ?? [] }));
      // A file that could not be read has not been received: its agency is still missing (the file stays listed).
      const unreadable = new Set(perFile.filter((f) => f.status === "unreadable").map((f) => f.file));
      missingAgencies = expectedOut.filter((e) => e.files.every((f) => unreadable.has(f))).map((e) => e.name);
    }

    const rowsOut = this.ledger.table.length;
    const out: Consolidation = {
      rows,
      extras,
      tables,
      duplicates,
      conflicts,
      missingAgencies,
      expected: expectedOut,
      rowsIn: this.rowsIn,
      rowsOut,
      perFile,
      checks: this.checks,
    };
    if (!this.keep) {
      out.refs = ledgerRefs(this.ledger, tables);
      out.duplicateOf = duplicateOf;
      out.conflictOf = conflictOf;
      out.summaries = this.summaries!;
    }
    return out;
  }
}

export function consolidate(inputs: readonly ConsolidationInput[], options: ConsolidationOptions): Consolidation {
  const c = new Consolidator(options);
  for (const input of inputs) c.add(input);
  return c.finish();
}

/** Groups rows by content across tables and marks duplicates and conflicts (see the module comment). */
function flagRepeats(ledger: RowLedger): {
  duplicates: DuplicateGroup[];
  conflicts: ConflictGroup[];
  duplicateOf: Map<number, number>;
  conflictOf: Map<number, number>;
} {
  const duplicates: DuplicateGroup[] = [];
  const conflicts: ConflictGroup[] = [];
  const duplicateOf = new Map<number, number>();
  const conflictOf = new Map<number, number>();
  const { table, texts } = ledger;
  for (const members of ledger.byContent.values()) {
    if (typeof members === "number") continue;
    const firstTable = table[members[0]];
    if (members.every((m) => table[m] === firstTable)) continue;

    const variants = new Map<string, { lead: string; time: string; rows: number[]; tables: Set<number> }>();
    for (const m of members) {
      const key = `${ledger.leadKey[m]}:${ledger.timeKey[m]}`;
      let v = variants.get(key);
      if (!v) {
        v = { lead: texts[ledger.leadKey[m]], time: texts[ledger.timeKey[m]], rows: [], tables: new Set() };
        variants.set(key, v);
      }
      v.rows.push(m);
      v.tables.add(table[m]);
    }
    const list = [...variants.values()];

    for (const v of list) {
      if (v.tables.size < 2) continue;
      const g = duplicates.length;
      duplicates.push({ rows: v.rows });
      for (const m of v.rows) duplicateOf.set(m, g);
    }

    if (list.length < 2) continue;
    // A row conflicts when another variant has a row in another table. Variants found in one table only are the
    // ones that cannot: count them per table, so each row is decided without walking the other variants.
    const soleIn = list.map((v) => (v.tables.size === 1 ? v.tables.values().next().value! : -1));
    const soleCount = new Map<number, number>();
    for (const t of soleIn) if (t >= 0) soleCount.set(t, (soleCount.get(t) ?? 0) + 1);
    const conflicting: number[] = [];
    list.forEach((v, vi) => {
      for (const m of v.rows) {
        const t = table[m];
        const blind = (soleCount.get(t) ?? 0) - (soleIn[vi] === t ? 1 : 0);
        if (list.length - 1 - blind > 0) conflicting.push(m);
      }
    });
    if (conflicting.length === 0) continue;
    const differs = new Set<"lead" | "timeframe">();
    for (let a = 0; a < list.length && differs.size < 2; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (soleIn[a] >= 0 && soleIn[a] === soleIn[b]) continue;
        if (list[a].lead !== list[b].lead) differs.add("lead");
        if (list[a].time !== list[b].time) differs.add("timeframe");
      }
    }
    const g = conflicts.length;
    conflicts.push({
      rows: [...members],
      variants: list.map((v) => ({ lead: v.lead, timeframe: v.time, rows: v.rows })),
      differs: (["lead", "timeframe"] as const).filter((d) => differs.has(d)),
    });
    for (const m of conflicting) conflictOf.set(m, g);
  }
  return { duplicates, conflicts, duplicateOf, conflictOf };
}

/** The consolidation part of the SPEC 9 report: duplicates and conflicts count tasks (groups), not rows. */
/** A paragraph plan's task on a sheet has a cell to link back to; one in a text file or a document has none. */
function paragraphCell(check: SheetCheck, at: number): string {
  const column = isTaskTableCheck(check) ? check.paragraphs?.column : undefined;
  return column ? `${column}${at}` : "";
}

export function consolidationSummary(c: Consolidation): {
  rowsIn: number;
  rowsOut: number;
  duplicates: number;
  conflicts: number;
  missingAgencies: string[];
} {
  return {
    rowsIn: c.rowsIn,
    rowsOut: c.rowsOut,
    duplicates: c.duplicates.length,
    conflicts: c.conflicts.length,
    missingAgencies: [...c.missingAgencies],
  };
}
