/**
 * The sheets of a consolidation (SPEC 6, 7): "Dữ liệu hợp nhất" (every task row with where it came from and its
 * duplicate/conflict flags) and "Báo cáo tệp" (one line per file, plus the expected agencies that sent nothing).
 */
import { ConflictGroup, Consolidation, ConsolidatedRow, FileStatus, RowRefs } from "../consolidate/consolidate";
import { Lang } from "../issues/catalogue";
import { ModelCell, SheetModel, StreamedSheetModel } from "./sheet-model";
import { sheetName } from "./sheet-names";
import { summarySheets } from "./summaries";
import { LabelKey, say } from "./consolidated-labels";
import { ConsolidatedSpan, consolidatedSpans, continuationNote, rowPlace, SHEET_ROWS, spanNote } from "./consolidated-parts";

/** Other rows named in one flag cell: enough to find them, not a wall of text when a file was sent 50 times. */
const REFS_SHOWN = 3;

/** Models are read, never changed: every empty cell of a large sheet can be the same object. */
const EMPTY: ModelCell = Object.freeze({ value: "" }) as ModelCell;
const text = (value: string, style?: ModelCell["style"]): ModelCell => (style ? { value, style } : value === "" ? EMPTY : { value });
const int = (n: number): ModelCell => ({ value: n, style: "integer" });

function rowsInOut(c: Consolidation, lang: Lang): string {
  return say(c.rowsIn === c.rowsOut ? "rowsInOut" : "rowsMismatch", lang, { in: c.rowsIn, out: c.rowsOut });
}

/** The rows as the flag texts name them: the kept rows, or the ledger of a consolidation that streamed them out. */
const keptRefs = new WeakMap<Consolidation, RowRefs>();
function refsOf(c: Consolidation): RowRefs {
  if (c.refs) return c.refs;
  let refs = keptRefs.get(c);
  if (!refs) {
    const rows = c.rows;
    refs = {
      table: (i) => rows[i].table,
      file: (i) => rows[i].file,
      sheet: (i) => rows[i].sheet,
      row: (i) => rows[i].row,
      heading: (i) => rows[i].heading,
      lead: (i) => rows[i].fields.lead,
      timeframe: (i) => rows[i].fields.timeframe,
    };
    keptRefs.set(c, refs);
  }
  return refs;
}

function duplicateGroupOf(c: Consolidation, index: number): number | null {
  return c.duplicateOf ? (c.duplicateOf.get(index) ?? null) : c.rows[index].duplicateGroup;
}

function conflictGroupOf(c: Consolidation, index: number): number | null {
  return c.conflictOf ? (c.conflictOf.get(index) ?? null) : c.rows[index].conflictGroup;
}

function ref(refs: RowRefs, i: number, lang: Lang): string {
  const h = refs.heading(i);
  const heading = h ? ` ${lang === "vi" ? "mục" : "heading"} ${h},` : "";
  return `${refs.file(i)} › ${refs.sheet(i)}${heading} ${say("rowWord", lang)} ${refs.row(i)}`;
}

/** "Trùng với: b.xlsx › PL dòng 12; …" — the same task in the other tables. */
export function duplicateText(c: Consolidation, index: number, lang: Lang): string {
  const group = duplicateGroupOf(c, index);
  if (group === null) return "";
  const refs = refsOf(c);
  const own = refs.table(index);
  const rows = c.duplicates[group].rows;
  const named: number[] = [];
  let ownTable = 0;
  for (const i of rows) {
    if (refs.table(i) === own) ownTable++;
    else if (named.length < REFS_SHOWN) named.push(i);
  }
  const others = rows.length - ownTable;
  const shown = named.map((i) => ref(refs, i, lang));
  if (others > named.length) shown.push(say("more", lang, { n: others - named.length }));
  return `${say("sameAs", lang)}: ${shown.join("; ")}`;
}

/** Per conflict group: each row's variant, and how many rows of the group and of each variant each table holds. */
interface VariantIndex {
  variantOf: Map<number, number>;
  perTable: Array<Map<number, number>>;
  groupPerTable: Map<number, number>;
}

const variantIndexes = new WeakMap<ConflictGroup, VariantIndex>();

function variantIndex(refs: RowRefs, group: ConflictGroup): VariantIndex {
  let index = variantIndexes.get(group);
  if (!index) {
    const variantOf = new Map<number, number>();
    const groupPerTable = new Map<number, number>();
    const perTable = group.variants.map((v, vi) => {
      const counts = new Map<number, number>();
      for (const i of v.rows) {
        variantOf.set(i, vi);
        const t = refs.table(i);
        counts.set(t, (counts.get(t) ?? 0) + 1);
        groupPerTable.set(t, (groupPerTable.get(t) ?? 0) + 1);
      }
      return counts;
    });
    index = { variantOf, perTable, groupPerTable };
    variantIndexes.set(group, index);
  }
  return index;
}

/**
 * "Khác cơ quan chủ trì: b.xlsx › PL dòng 12 (Sở Tư pháp)" — the same content read otherwise by other tables. At most
 * `REFS_SHOWN` rows are named in all, so a task that fifty agencies report differently stays one readable cell.
 */
export function conflictText(c: Consolidation, index: number, lang: Lang): string {
  const g = conflictGroupOf(c, index);
  if (g === null) return "";
  const refs = refsOf(c);
  const rowTable = refs.table(index);
  const group: ConflictGroup = c.conflicts[g];
  const { variantOf, perTable, groupPerTable } = variantIndex(refs, group);
  const ownIndex = variantOf.get(index)!;
  const own = group.variants[ownIndex];
  // Rows of other variants in other tables, counted without walking them.
  const conflicting = group.rows.length - (groupPerTable.get(rowTable) ?? 0) - (own.rows.length - (perTable[ownIndex].get(rowTable) ?? 0));
  const parts: string[] = [];
  let shown = 0;
  for (let vi = 0; vi < group.variants.length && shown < REFS_SHOWN; vi++) {
    if (vi === ownIndex) continue;
    const v = group.variants[vi];
    if (v.rows.length === (perTable[vi].get(rowTable) ?? 0)) continue;
    const named: number[] = [];
    for (const i of v.rows) {
      if (refs.table(i) === rowTable) continue;
      named.push(i);
      if (shown + named.length === REFS_SHOWN) break;
    }
    shown += named.length;
    const lead = v.lead !== own.lead;
    const time = v.timeframe !== own.timeframe;
    const key: LabelKey = lead && time ? "bothDiffer" : lead ? "leadDiffers" : "timeframeDiffers";
    const detail = (i: number) => [lead ? refs.lead(i) : "", time ? refs.timeframe(i) : ""].filter((t) => t !== "").join(" — ");
    parts.push(`${say(key, lang)}: ${named.map((i) => withDetail(refs, i, lang, detail)).join("; ")}`);
  }
  if (conflicting > shown) parts.push(say("more", lang, { n: conflicting - shown }));
  return parts.join("; ");
}

function withDetail(refs: RowRefs, i: number, lang: Lang, detail: (i: number) => string): string {
  const d = detail(i);
  return d ? `${ref(refs, i, lang)} (${clip(d)})` : ref(refs, i, lang);
}

function clip(t: string): string {
  const one = t.replace(/\s+/g, " ");
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}

/** A merged row as the sheet writes it: what a consolidation that streams its rows out keeps of each until then. */
export type RowToWrite = Omit<ConsolidatedRow, "task" | "duplicateGroup" | "conflictGroup">;

/** The consolidated sheet without its rows: title, counts, header, column widths. */
export function consolidatedFrame(
  c: Consolidation,
  lang: Lang,
  span?: ConsolidatedSpan,
  spans: readonly ConsolidatedSpan[] = span ? [span] : [],
): Omit<SheetModel, "rows"> & { head: ModelCell[][] } {
  const headers = [
    say("no", lang),
    say("file", lang),
    say("sheet", lang),
    say("row", lang),
    say("sourceAgency", lang),
    say("stt", lang),
    say("content", lang),
    say("lead", lang),
    say("coordinating", lang),
    say("timeframe", lang),
    ...c.extras.map((e) => e.header),
    say("section", lang),
    say("duplicate", lang),
    say("conflict", lang),
  ];
  const subtitle = [
    say("filesLine", lang, { files: c.perFile.length, tables: c.tables.length }),
    rowsInOut(c, lang),
    say("duplicatesLine", lang, { n: c.duplicates.length }),
    say("conflictsLine", lang, { n: c.conflicts.length }),
    ...(span ? [spanNote(span, spans, lang)].filter((n) => n !== null) : []),
  ].join(" — ");
  const head: ModelCell[][] = [
    [text(say("consolidatedTitle", lang), "title")],
    [text(subtitle, "subtitle")],
    headers.map((h) => text(h, "header")),
  ];
  return {
    kind: "consolidated",
    name: span?.name ?? sheetName("consolidated", lang),
    head,
    columnWidths: [6, 28, 14, 8, 24, 8, 60, 30, 30, 18, ...c.extras.map(() => 24), 30, 36, 40],
    headerRow: head.length,
    autoFilter: true,
  };
}

/** Row `i` of the merged rows as cells of the consolidated sheet, its flags named. */
export function consolidatedLine(c: Consolidation, r: RowToWrite, i: number, lang: Lang): ModelCell[] {
  // Running and row numbers are plain numbers: "1,234" is no way to write a row number.
  const line: ModelCell[] = [
    { value: i + 1 },
    r.cell === "" ? text(r.file) : { value: r.file, link: { file: r.linkFile ?? r.file, sheet: r.sheet, cell: r.cell } },
    text(r.sheet),
    // A task of a plan written as paragraphs is found by its heading: "mục 5.2, dòng 356".
    r.heading ? text(lang === "vi" ? `mục ${r.heading}, dòng ${r.row}` : `heading ${r.heading}, line ${r.row}`) : { value: r.row },
    text(r.sourceAgency ?? ""),
    text(r.fields.stt),
    text(r.fields.content),
    text(r.fields.lead),
    text(r.fields.coordinating),
    text(r.fields.timeframe),
  ];
  for (let e = 0; e < c.extras.length; e++) line.push(text(r.extras[e] ?? ""));
  line.push(text(r.section));
  line.push(duplicateGroupOf(c, i) === null ? text("") : text(duplicateText(c, i, lang), "warning"));
  line.push(conflictGroupOf(c, i) === null ? text("") : text(conflictText(c, i, lang), "error"));
  return line;
}

export function consolidatedSheet(c: Consolidation, lang: Lang): SheetModel {
  const { head, ...frame } = consolidatedFrame(c, lang);
  const rows = [...head];
  c.rows.forEach((r, i) => rows.push(consolidatedLine(c, r, i, lang)));
  return { ...frame, rows };
}

/** The consolidated table as the sheets it fills (one unless it has more rows than a sheet holds), rows left out. */
export function consolidatedParts(
  c: Consolidation,
  lang: Lang,
  sheetRows = SHEET_ROWS,
): Array<Omit<SheetModel, "rows"> & { head: ModelCell[][]; span: ConsolidatedSpan }> {
  const spans = consolidatedSpans(c.rowsOut, lang, sheetRows);
  return spans.map((span) => ({ ...consolidatedFrame(c, lang, span, spans), span }));
}

const STATUS_STYLE: Record<FileStatus, ModelCell["style"]> = {
  merged: undefined,
  delegations: undefined,
  "no-table": "warning",
  unreadable: "error",
};

/** Where each file's merged rows stand: their ranges [from, to) of merged rows, adjacent tables joined. */
function rowsOfFiles(c: Consolidation): Map<string, Array<[number, number]>> {
  const out = new Map<string, Array<[number, number]>>();
  let at = 0;
  for (const t of c.tables) {
    if (t.rows > 0) {
      let ranges = out.get(t.file);
      if (!ranges) out.set(t.file, (ranges = []));
      const last = ranges[ranges.length - 1];
      if (last && last[1] === at) last[1] = at + t.rows;
      else ranges.push([at, at + t.rows]);
    }
    at += t.rows;
  }
  return out;
}

/** "Dữ liệu hợp nhất (2), dòng 4–63", linked to the first of them: where a file's rows went, sheet by sheet. */
function whereCell(ranges: Array<[number, number]> | undefined, spans: readonly ConsolidatedSpan[], lang: Lang): ModelCell {
  if (!ranges) return text("");
  const parts: string[] = [];
  for (const [from, to] of ranges) {
    for (let i = from; i < to;) {
      const { span, row } = rowPlace(spans, i);
      // Tables count the rows written (withoutDuplicates counts again what it keeps), so a range ends inside the spans;
      // should one run past the last, the rest stays on that sheet: the walk must always move on, or it never ends.
      const end = span.to > i ? Math.min(to, span.to) : to;
      parts.push(say("whereRows", lang, { sheet: span.name, from: row, to: row + (end - 1 - i) }));
      i = end;
    }
  }
  const first = rowPlace(spans, ranges[0][0]);
  return { value: parts.join("; "), link: { sheet: first.span.name, cell: `A${first.row}` } };
}

export function filesSheet(c: Consolidation, lang: Lang, sheetRows = SHEET_ROWS): SheetModel {
  const count = (s: FileStatus) => c.perFile.filter((f) => f.status === s).length;
  const subtitle = [
    say("filesLine", lang, { files: c.perFile.length, tables: c.tables.length }),
    say("statusLine", lang, { merged: count("merged"), noTable: count("no-table"), unreadable: count("unreadable") }),
    ...(count("delegations") ? [say("delegationsLine", lang, { n: count("delegations") })] : []),
    rowsInOut(c, lang),
    ...(c.expected ? [say("missingLine", lang, { missing: c.missingAgencies.length, expected: c.expected.length })] : []),
    ...[continuationNote(c, lang, sheetRows)].filter((n) => n !== null),
  ].join(" — ");
  const spans = consolidatedSpans(c.rowsOut, lang, sheetRows);
  const rowsOf = rowsOfFiles(c);
  const rows: ModelCell[][] = [
    [text(say("filesTitle", lang), "title")],
    [text(subtitle, "subtitle")],
    (
      ["no", "file", "status", "sourceAgency", "sheet", "tables", "rowsRead", "where", "errors", "warnings", "infos", "reason"] as const
    ).map((k) => text(say(k, lang), "header")),
  ];
  const headerRow = rows.length;
  const expectedNames = c.expected ? new Set(c.expected.map((e) => e.name)) : null;
  let n = 0;
  for (const f of c.perFile) {
    n++;
    const notes: string[] = [];
    if (f.reason) notes.push(f.reason);
    if (f.delegationTables > 0) notes.push(say("delegationNote", lang, { n: f.delegationTables }));
    if (expectedNames && f.sourceAgency !== null && !expectedNames.has(f.sourceAgency)) notes.push(say("notExpected", lang));
    const note = notes.join("; ");
    rows.push([
      int(n),
      text(f.file),
      text(say(f.status, lang), STATUS_STYLE[f.status]),
      text(f.sourceAgency ?? ""),
      text(f.sheets.join(", ")),
      int(f.tables + f.delegationTables),
      int(f.rowsRead),
      whereCell(rowsOf.get(f.file), spans, lang),
      int(f.errors),
      int(f.warnings),
      int(f.infos),
      text(note),
    ]);
  }
  // Agencies that sent nothing are rows of the same table, so one filter on the status shows them.
  for (const name of c.missingAgencies) {
    n++;
    rows.push([int(n), text(""), text(say("missing", lang), "error"), text(name)]);
  }
  return {
    kind: "files",
    name: sheetName("files", lang),
    rows,
    columnWidths: [6, 36, 22, 30, 18, 9, 12, 36, 8, 10, 10, 60],
    headerRow,
    autoFilter: rows.length > headerRow,
  };
}

/** The workbook of a consolidation: the merged table first, the summaries over every table, the file report last. */
export function consolidationSheets(c: Consolidation, lang: Lang, sheetRows = SHEET_ROWS): SheetModel[] {
  const merged = consolidatedParts(c, lang, sheetRows).map(({ head, span, ...frame }) => {
    const rows = [...head];
    for (let i = span.from; i < span.to; i++) rows.push(consolidatedLine(c, c.rows[i], i, lang));
    return { ...frame, rows };
  });
  return [...merged, ...summarySheetsOf(c, lang), filesSheet(c, lang, sheetRows)];
}

/** The summary sheets over every table of the consolidation: from its checks, or folded file by file. */
export function summarySheetsOf(c: Consolidation, lang: Lang): SheetModel[] {
  return c.summaries ? c.summaries.sheets(lang) : summarySheets(c.checks, lang);
}

/** The same sheets, the issue list made as it is written when the summaries were folded (the command line). */
export function streamedSummarySheetsOf(c: Consolidation, lang: Lang): Array<SheetModel | StreamedSheetModel> {
  return c.summaries ? c.summaries.streamedSheets(lang) : summarySheets(c.checks, lang);
}
