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
import { AgencyDirectory } from "../agencies/directory";
import type { SheetCheck } from "../workbook";
import { contentKey } from "../kinds/tasks/checks";
import { cellAddress } from "../sheet/grid";
import { Lang } from "../issues/catalogue";
import { issueText } from "../issues/text";
import { TaskTable } from "../kinds/tasks/table";
import { foldKey } from "../sheet/text";
import { isTaskTableCheck } from "../kinds";
import { detached, IssueShelf, SummaryFold } from "../output/summaries";
import type {
  ConsolidatedRow,
  ConsolidatedTable,
  Consolidation,
  ConsolidationInput,
  ConsolidationOptions,
  ExtraColumnOut,
  FileSummary,
} from "./consolidation";
import { expectedReplies, withExpected } from "./expected";
import { flagRepeats } from "./repeats";
import { ledgerRefs, RowLedger } from "./row-ledger";
import { agencyFromFileName, agencyFromTitle } from "./source-agency";

export type * from "./consolidation";
export { parseExpectedAgencies } from "./expected";
export { agencyFromFileName, agencyFromTitle } from "./source-agency";

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

function isFailure(input: ConsolidationInput): input is { file: string; failure: string } {
  return "failure" in input;
}

export interface ConsolidatorOptions {
  /**
   * Keep every row and check in the result (the pane and the checker page, which show and edit them); false for the
   * command line, which streams each file's rows out as they come and keeps only the ledger, the file report and
   * the folded summaries (`Consolidation.rows` and `checks` are then empty, `refs` and `summaries` set).
   */
  keep: boolean;
  /** Where the folded summaries keep each table's issues (with `keep: false`); in memory when not given. */
  issues?: IssueShelf;
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
    this.summaries = how.keep ? null : new SummaryFold(how.issues);
  }

  /** Rows merged so far. */
  get rowCount(): number {
    return this.ledger.size;
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
    this.ledger.startTable();

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
    if (expected) ({ expected: expectedOut, missingAgencies } = expectedReplies(expected.names, tables, perFile));

    const rowsOut = this.ledger.size;
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

/** A paragraph plan's task on a sheet has a cell to link back to; one in a text file or a document has none. */
function paragraphCell(check: SheetCheck, at: number): string {
  const column = isTaskTableCheck(check) ? check.paragraphs?.column : undefined;
  return column ? `${column}${at}` : "";
}

/** The consolidation part of the SPEC 9 report: duplicates and conflicts count tasks (groups), not rows. */
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
