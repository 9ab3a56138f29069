/**
 * The summary sheets of SPEC 6 as sheet models.
 */
import { Issue, Lang } from "../issues/catalogue";
import { placeText } from "../kinds/paragraphs/check-plan";
import { issueFieldName, issueText } from "../issues/text";
import { KINDS, SheetCheck } from "../kinds";
import type { KindCheck, Sourced, TableKind } from "../kinds/kind";
import { label } from "./labels";
import { collectedSheet, ModelCell, SheetModel, StreamedSheetModel } from "./sheet-model";
import { sheetName } from "./sheet-names";

/** One checked sheet, as the summaries see it. */
export interface SummarySource {
  /** The workbook file, when the summaries are written to another file than the source. */
  file?: string;
  /** Path of the source workbook relative to the written one, for links; defaults to `file`. */
  linkFile?: string;
  sheetName: string;
  issues: readonly Issue[];
}

const text = (value: string | number | null, style?: ModelCell["style"]): ModelCell => (style ? { value, style } : { value });
const int = (n: number): ModelCell => ({ value: n, style: "integer" });
const header = (labels: string[]): ModelCell[] => labels.map((l) => text(l, "header"));

const ISSUE_COLUMN_WIDTHS = [18, 8, 7, 11, 22, 20, 36, 60, 36];

function issueLabels(withFile: boolean, lang: Lang): string[] {
  return [
    label("no", lang),
    ...(withFile ? [label("file", lang)] : []),
    label("sheet", lang),
    label("cell", lang),
    label("row", lang),
    label("severity", lang),
    label("code", lang),
    label("field", lang),
    label("value", lang),
    label("message", lang),
    label("suggestion", lang),
  ];
}

/** The n-th row of the issue list: one issue of one source. */
function issueRow(n: number, s: SummarySource, i: Issue, withFile: boolean, lang: Lang): ModelCell[] {
  return [
    int(n),
    ...(withFile ? [text(s.file ?? "")] : []),
    text(s.sheetName),
    i.cell
      ? { value: i.cell, link: { file: s.linkFile ?? s.file, sheet: s.sheetName, cell: i.cell } }
      : text(i.place ? placeText(i.place, lang) : ""),
    i.row === null ? text("") : int(i.row),
    text(label(i.severity, lang), i.severity),
    text(i.code),
    text(i.field ? issueFieldName(i.field, lang) : ""),
    text(i.value),
    text(issueText(i, lang)),
    text(i.suggestion ?? ""),
  ];
}

/**
 * Where a fold keeps each table's issues until the issue list is written: in memory by default; the command line
 * keeps a consolidation's on disk, so thousands of replies' issues do not wait in memory for the last file.
 */
export interface IssueShelf {
  add(source: SummarySource): void;
  /** Issues added, over every source. */
  readonly issues: number;
  /** Some source was added with its file (the list then has a file column). A shelf keeps copies of what it is given. */
  readonly withFile: boolean;
  /** Every source added, in the order added. */
  each(visit: (source: SummarySource) => void): void;
}

/**
 * Issues kept in memory. The fold keeps copies (`detached`: a text read from a sheet would keep its XML alive); a
 * list made at once from issues at hand (`issuesSheet`) keeps them as they are.
 */
export function memoryShelf(keep: (issues: readonly Issue[]) => readonly Issue[] = detached): IssueShelf {
  const sources: SummarySource[] = [];
  let issues = 0;
  let withFile = false;
  return {
    add(s) {
      sources.push({ ...s, issues: keep(s.issues) });
      issues += s.issues.length;
      withFile ||= s.file !== undefined;
    },
    get issues() {
      return issues;
    },
    get withFile() {
      return withFile;
    },
    each(visit) {
      for (const s of sources) visit(s);
    },
  };
}

/** "Danh sách lỗi" with its rows made as it is written, one issue at a time. */
export function streamedIssuesSheet(shelf: IssueShelf, lang: Lang): StreamedSheetModel {
  const withFile = shelf.withFile;
  const total = shelf.issues;
  return {
    kind: "issues",
    name: sheetName("issues", lang),
    columnWidths: [6, ...(withFile ? [28] : []), ...ISSUE_COLUMN_WIDTHS],
    headerRow: 3,
    autoFilter: total > 0,
    rows(emit) {
      emit([text(label("issuesTitle", lang), "title")]);
      emit([text(`${label("total", lang)}: ${total}`, "subtitle")]);
      emit(header(issueLabels(withFile, lang)));
      let n = 0;
      shelf.each((s) => {
        for (const i of s.issues) emit(issueRow(++n, s, i, withFile, lang));
      });
      if (n === 0) emit([text(""), text(label("noIssues", lang))]);
    },
  };
}

export function issuesSheet(sources: readonly SummarySource[], lang: Lang): SheetModel {
  const shelf = memoryShelf((issues) => issues);
  for (const s of sources) shelf.add(s);
  return collectedSheet(streamedIssuesSheet(shelf, lang));
}

/** Where each sheet stands among the summaries; a kind's sheet not listed here comes after them. */
const SHEET_ORDER: readonly SheetModel["kind"][] = ["agencies", "issues", "periods", "sections", "delegations"];

/**
 * Every summary sheet over one or more checked tables: the issues of every table, and each kind's own sheets over
 * its tables ("Tổng hợp đoàn" only when delegation tables were checked). A batch of delegation tables only gets no
 * empty agency, period and section sheets.
 */
export function summarySheets(checks: ReadonlyArray<Sourced<SheetCheck>>, lang: Lang): SheetModel[] {
  const fold = new SummaryFold();
  for (const c of checks) fold.add(c);
  return fold.sheets(lang);
}

/**
 * A copy of plain data whose strings hold nothing else alive. A text read from a sheet is, to the JavaScript engine,
 * often a slice of the whole sheet's XML, which it keeps alive: an issue's value kept from each of two thousand
 * replies would keep two thousand sheets' XML. Kept data is small (issues, section tallies); copying it is cheap.
 */
export function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The summary sheets folded check by check: of each check only its issues and what its kind's sheets need are
 * kept (kinds that cannot fold keep their checks), so a consolidation of thousands of files holds no grid or table.
 */
export class SummaryFold {
  private readonly kinds = KINDS.map((kind) => {
    const folded = (kind as TableKind).fold?.() ?? null;
    return { kind: kind as TableKind, folded, checks: [] as Sourced<KindCheck>[], count: 0 };
  });

  constructor(private readonly shelf: IssueShelf = memoryShelf()) {}

  add(c: Sourced<SheetCheck>): void {
    this.shelf.add({ file: c.file, linkFile: c.linkFile, sheetName: c.check.sheetName, issues: c.check.issues });
    // A kind takes its own checks and those of the kinds it also summarises (a progress report's tasks are tallied
    // in the task sheets too).
    for (const k of this.kinds) {
      if (k.kind.name !== c.check.kind && !(k.kind.alsoSummarises ?? []).includes(c.check.kind)) continue;
      k.count++;
      if (k.folded) k.folded.add(c as Sourced<KindCheck>);
      else k.checks.push(c as Sourced<KindCheck>);
    }
  }

  sheets(lang: Lang): SheetModel[] {
    return this.inOrder(collectedSheet(streamedIssuesSheet(this.shelf, lang)), lang);
  }

  /** The same sheets with the issue list made as it is written (see StreamedSheetModel). */
  streamedSheets(lang: Lang): Array<SheetModel | StreamedSheetModel> {
    return this.inOrder(streamedIssuesSheet(this.shelf, lang), lang);
  }

  private inOrder<T extends SheetModel | StreamedSheetModel>(issues: T, lang: Lang): Array<SheetModel | T> {
    const models: Array<SheetModel | T> = [issues];
    const none = this.kinds.every((k) => k.count === 0);
    for (const k of this.kinds)
      if (k.count > 0 || (none && k.kind.always)) models.push(...(k.folded ? k.folded.sheets(lang) : k.kind.sheets(k.checks, lang)));
    const rank = (m: { kind: SheetModel["kind"] }) => {
      const at = SHEET_ORDER.indexOf(m.kind);
      return at < 0 ? SHEET_ORDER.length : at;
    };
    return models.sort((a, b) => rank(a) - rank(b));
  }
}
