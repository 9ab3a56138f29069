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
  /** The checked tables (task and delegation), for the summary sheets over everything. */
  checks: Array<{ file: string; linkFile?: string; check: SheetCheck }>;
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

export function consolidate(inputs: readonly ConsolidationInput[], options: ConsolidationOptions): Consolidation {
  const lang = options.lang;
  const expected = options.expected ? withExpected(options.directory, options.expected) : null;
  const directory = expected?.directory ?? options.directory;

  const extras: ExtraColumnOut[] = [];
  const extraIndex = new Map<string, number>();
  const rows: ConsolidatedRow[] = [];
  const tables: ConsolidatedTable[] = [];
  const checks: Consolidation["checks"] = [];
  const perFile: FileSummary[] = [];
  const fileIndex = new Map<string, number>();
  const fileAgency = new Map<string, string | null>();
  let rowsIn = 0;

  const summaryOf = (file: string): FileSummary => {
    let i = fileIndex.get(file);
    if (i === undefined) {
      i = perFile.length;
      fileIndex.set(file, i);
      perFile.push({
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
    return perFile[i];
  };
  const agencyOfFile = (file: string): string | null => {
    let a = fileAgency.get(file);
    if (a === undefined) {
      a = agencyFromFileName(file, directory);
      fileAgency.set(file, a);
    }
    return a;
  };

  for (const input of inputs) {
    const summary = summaryOf(input.file);
    if (input.agency) fileAgency.set(input.file, input.agency);
    if (isFailure(input)) {
      summary.status = "unreadable";
      summary.reason = input.failure;
      summary.sourceAgency = agencyOfFile(input.file);
      continue;
    }
    const check = input.check;
    summary.sheets.push(check.sheetName);
    summary.errors += check.counts.errors;
    summary.warnings += check.counts.warnings;
    summary.infos += check.counts.infos;
    if (!isTaskTableCheck(check)) {
      summary.delegationTables++;
      if (summary.status !== "merged") summary.status = "delegations";
      summary.reason = null;
      summary.sourceAgency ??= agencyOfFile(input.file);
      checks.push(input.linkFile === undefined ? { file: input.file, check } : { file: input.file, linkFile: input.linkFile, check });
      continue;
    }
    const table = check.table;
    if (!table) {
      if (summary.status !== "no-table") continue;
      if (summary.reason === null) {
        const noTable = check.issues.find((i) => i.code === "no-table");
        summary.reason = noTable ? issueText(noTable, lang) : null;
      }
      summary.sourceAgency ??= agencyOfFile(input.file);
      continue;
    }
    summary.status = "merged";
    summary.reason = null;
    summary.tables++;
    checks.push(input.linkFile === undefined ? { file: input.file, check } : { file: input.file, linkFile: input.linkFile, check });

    const byFile = agencyOfFile(input.file);
    const byTitle = byFile ? null : agencyFromTitle(table.titleText, directory);
    const sourceAgency = byFile ?? byTitle;
    summary.sourceAgency ??= sourceAgency;
    const tableIndex = tables.length;

    // Where each of this table's extra columns goes; a header repeated within the table gets its own column.
    const seenHere = new Map<string, number>();
    const extraTo = table.extras.map((e) => {
      const base = extraKey(e.header);
      const n = (seenHere.get(base) ?? 0) + 1;
      seenHere.set(base, n);
      const key = n === 1 ? base : `${base}#${n}`;
      let at = extraIndex.get(key);
      if (at === undefined) {
        at = extras.length;
        extraIndex.set(key, at);
        extras.push({ key, header: n === 1 ? e.header : `${e.header} (${n})` });
      }
      return at;
    });

    for (const r of table.rows) if (r.kind === "task") rowsIn++;
    const sectionTexts = new Map<number, string>();
    let count = 0;
    for (const task of check.tasks) {
      const r = task.row;
      let section = sectionTexts.get(r.section);
      if (section === undefined) {
        section = sectionText(table, r.section);
        sectionTexts.set(r.section, section);
      }
      const rowExtras: string[] = [];
      for (let i = 0; i < extraTo.length; i++) rowExtras[extraTo[i]] = r.extras[i] ?? "";
      const place = isTaskTableCheck(check) ? check.paragraphs?.rows.get(r.row) : undefined;
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
      rows.push(out);
      count++;
    }
    summary.rowsRead += count;
    tables.push({
      file: input.file,
      sheet: check.sheetName,
      sourceAgency,
      sourceAgencyFrom: byFile ? "file" : byTitle ? "title" : null,
      rows: count,
    });
  }

  // Rows of tables read before a later column appeared are short: fill them so every row spans every column.
  for (const r of rows) for (let i = 0; i < extras.length; i++) if (r.extras[i] === undefined) r.extras[i] = "";

  const { duplicates, conflicts } = flagRepeats(rows);

  let missingAgencies: string[] = [];
  let expectedOut: Consolidation["expected"] = null;
  if (expected) {
    const filesOf = new Map<string, string[]>();
    for (const f of perFile) {
      const agencies = new Set<string>();
      if (f.sourceAgency) agencies.add(f.sourceAgency);
      for (const t of tables) if (t.file === f.file && t.sourceAgency) agencies.add(t.sourceAgency);
      for (const a of agencies) filesOf.set(a, [...(filesOf.get(a) ?? []), f.file]);
    }
    expectedOut = expected.names.map((name) => ({ name, files: filesOf.get(name) ?? [] }));
    // A file that could not be read has not been received: its agency is still missing (the file stays listed).
    const unreadable = new Set(perFile.filter((f) => f.status === "unreadable").map((f) => f.file));
    missingAgencies = expectedOut.filter((e) => e.files.every((f) => unreadable.has(f))).map((e) => e.name);
  }

  return {
    rows,
    extras,
    tables,
    duplicates,
    conflicts,
    missingAgencies,
    expected: expectedOut,
    rowsIn,
    rowsOut: rows.length,
    perFile,
    checks,
  };
}

/** Groups rows by content across tables and marks duplicates and conflicts on the rows (see the module comment). */
function flagRepeats(rows: ConsolidatedRow[]): { duplicates: DuplicateGroup[]; conflicts: ConflictGroup[] } {
  const byContent = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const key = contentKey(rows[i].fields.content);
    if (key === "") continue;
    const list = byContent.get(key);
    if (list) list.push(i);
    else byContent.set(key, [i]);
  }

  const duplicates: DuplicateGroup[] = [];
  const conflicts: ConflictGroup[] = [];
  for (const members of byContent.values()) {
    if (members.length < 2) continue;
    const firstTable = rows[members[0]].table;
    if (members.every((m) => rows[m].table === firstTable)) continue;

    const variants = new Map<string, { lead: string; time: string; rows: number[]; tables: Set<number> }>();
    for (const m of members) {
      const lead = leadKey(rows[m].task);
      const time = timeframeKey(rows[m].task.timeframe);
      const key = `${lead}\u0000${time}`;
      let v = variants.get(key);
      if (!v) {
        v = { lead, time, rows: [], tables: new Set() };
        variants.set(key, v);
      }
      v.rows.push(m);
      v.tables.add(rows[m].table);
    }
    const list = [...variants.values()];

    for (const v of list) {
      if (v.tables.size < 2) continue;
      const g = duplicates.length;
      duplicates.push({ rows: v.rows });
      for (const m of v.rows) rows[m].duplicateGroup = g;
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
        const t = rows[m].table;
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
    for (const m of conflicting) rows[m].conflictGroup = g;
  }
  return { duplicates, conflicts };
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
