/**
 * The tables of a picked Word document, for "Nhập từ Word": read with the Word reader and labelled with what the
 * engine finds in each (a task table and its tasks, a delegation table, or neither). Only word-import.tsx loads
 * this module, with import() when a file is picked, so the reader stays out of the pane's initial JavaScript.
 */
import type { AgencyDirectory } from "../core/agencies/directory";
import type { Grid } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import type { Settings } from "../core/settings/settings";
import { checkAnySheet } from "../core/workbook";
import { wordFailureText } from "../word/failure-text";
import { fileKind } from "../word/file-kind";
import { readWordDocument } from "../word/read";
import { documentFacts } from "../word/plan-facts";
import { wordGrids } from "../word/word-check";

export interface FoundTable {
  /** 1-based, among all the document's tables in body order (as the checks name it: "Bảng 3"). */
  table: number;
  grid: Grid;
  headerRows: number[];
  rows: number;
  columns: number;
  kind: "tasks" | "delegations" | "reports" | null;
  /** Tasks or delegations the engine counts in it. */
  items: number;
  /** The first row's text, to recognise the table by. */
  preview: string;
}

export type WordTables = { ok: true; tables: FoundTable[]; title: string | null } | { ok: false; text: string };

export function wordTables(bytes: Uint8Array, options: { directory: AgencyDirectory; settings: Settings; lang: Lang }): WordTables {
  const kind = fileKind(bytes);
  if (kind === "xlsx")
    return {
      ok: false,
      text: options.lang === "vi" ? "tệp này là sổ Excel, không phải văn bản Word" : "this is an Excel workbook, not a Word document",
    };
  const read = readWordDocument(bytes);
  if (!read.ok) return { ok: false, text: wordFailureText(read.reason, options.lang, read.detail) };
  const facts = documentFacts(read.document);
  const byIndex = new Map(read.document.tables.map((t) => [t.index + 1, t]));
  const tables = wordGrids(read.document, facts, options.lang).map(({ table, grid }) => {
    const check = checkAnySheet(grid, { directory: options.directory, settings: options.settings });
    const found = check.table !== null;
    const first = (grid.cells[0] ?? []).map((c) => (c.value === null ? "" : String(c.value).replace(/\s+/g, " "))).filter((t) => t !== "");
    return {
      table,
      grid,
      headerRows: byIndex.get(table)?.headerRows ?? [],
      rows: grid.cells.length,
      columns: Math.max(0, ...grid.cells.map((r) => r.length)),
      kind: found ? check.kind : null,
      items: found ? check.counts.tasks : 0,
      preview: first.join(" | ").slice(0, 120),
    };
  });
  return { ok: true, tables, title: facts.title };
}
