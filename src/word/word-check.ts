/**
 * Checking a Word document as the engine checks a workbook: each top-level table is a "sheet" named after its place
 * in the document ("Bảng 3" — the third table, layout tables counted), its rows and columns the table's own. The
 * plan's text supplies what a workbook keeps above its table: the title lines above each table, and the document's
 * title when those give no period; the delegation totals stated in the body. Nested tables are read as the text of
 * the cell that holds them, never checked as tables of their own.
 */
import { Grid } from "../core/sheet/grid";
import { Lang } from "../core/issues/catalogue";
import { FileReport } from "../core/output/report";
import { fileReport } from "../core/output/file-report";
import { mergeStated } from "../core/kinds/delegations/stated-totals";
import { planPeriodFromTitle } from "../core/timeframe/timeframe";
import { checkWorkbook, SheetCheck, WorkbookCheck, WorkbookOptions } from "../core/workbook";
import { columnLetter, parseAddress } from "../core/sheet/grid";
import { documentFacts, DocumentFacts } from "./plan-facts";
import { WordDocument } from "./read";

function wordTableLabel(table: number, lang: Lang): string {
  return lang === "vi" ? `Bảng ${table}` : `Table ${table}`;
}

export interface WordCheck {
  result: WorkbookCheck;
  facts: DocumentFacts;
  /** The 1-based table number of a check's sheet (its grid's name). */
  tableOf(check: SheetCheck): number;
}

/** The document's top-level tables as grids named for the language, with the text above each. */
export function wordGrids(doc: WordDocument, facts: DocumentFacts, lang: Lang): Array<{ table: number; grid: Grid }> {
  return doc.tables
    .filter((t) => !t.nested)
    .map((t) => {
      let textAbove = t.textAbove;
      if (!planPeriodFromTitle(textAbove) && facts.title) textAbove = textAbove ? `${textAbove}\n${facts.title}` : facts.title;
      return { table: t.index + 1, grid: { ...t.grid, sheetName: wordTableLabel(t.index + 1, lang), textAbove } };
    });
}

export function checkWordDocument(doc: WordDocument, options: WorkbookOptions & { lang?: Lang } = {}): WordCheck {
  const lang = options.lang ?? "vi";
  const facts = documentFacts(doc);
  const grids = wordGrids(doc, facts, lang);
  // A document without a table is checked as one empty sheet, so it gets the no-table issue with what was looked for.
  if (grids.length === 0)
    grids.push({
      table: 0,
      grid: { sheetName: lang === "vi" ? "Văn bản" : "Document", originRow: 1, originCol: 1, cells: [], merges: [] },
    });
  const bySheet = new Map(grids.map((g) => [g.grid.sheetName, g.table]));
  // The totals the user typed win, figure by figure, over those the body states.
  const result = checkWorkbook(
    grids.map((g) => g.grid),
    { ...options, stated: mergeStated(facts.stated, options.stated ?? null) },
  );
  return { result, facts, tableOf: (check) => bySheet.get(check.sheetName) ?? 0 };
}

/** The JSON report of one checked table of a Word document: the workbook report, with the table and the plan's facts. */
export function wordFileReport(file: string, check: SheetCheck, table: number, facts: DocumentFacts, lang: Lang): FileReport {
  const report = fileReport(file, check, lang);
  return {
    ...report,
    issues: report.issues.map((i) => {
      const at = i.cell ? parseAddress(i.cell) : null;
      return { ...i, location: { table, row: i.row, column: at ? columnLetter(at.col) : null } };
    }),
    document: {
      format: "docx",
      table,
      title: facts.title,
      plan: facts.plan,
      number: facts.number,
      date: facts.date,
      stated: facts.stated,
      revisions: facts.revisions,
    },
  };
}

/** "bảng 2, dòng 14, cột C" / "table 2, row 14, column C". */
export function wordLocationText(table: number, row: number | null, column: string | null, lang: Lang): string {
  const parts = [lang === "vi" ? `bảng ${table}` : `table ${table}`];
  if (row !== null) parts.push(lang === "vi" ? `dòng ${row}` : `row ${row}`);
  if (column) parts.push(lang === "vi" ? `cột ${column}` : `column ${column}`);
  return parts.join(", ");
}
