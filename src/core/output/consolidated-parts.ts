/**
 * Where the consolidated rows go when there are more than one sheet holds: Excel keeps 1,048,576 rows a sheet, and
 * 20,000 replies of 60 tasks are 1.2 million. The table then continues on "Dữ liệu hợp nhất (2)", "(3)" …, each with
 * the same title, header and filter, its running numbers (TT) going on from the sheet before; the file report says
 * on which sheet and rows each file's tasks stand, and that the table was split.
 */
import type { Consolidation } from "../consolidate/consolidation";
import { Lang } from "../issues/catalogue";
import { say } from "./consolidated-labels";
import { sheetName } from "./sheet-names";

/** The rows of one Excel sheet. */
export const SHEET_ROWS = 1_048_576;

/** Rows above the data on every consolidated sheet: title, subtitle, header. */
export const HEAD_ROWS = 3;

/** One sheet of the consolidated table: its name and the merged rows [from, to) it holds. */
export interface ConsolidatedSpan {
  name: string;
  part: number;
  parts: number;
  from: number;
  to: number;
}

/** The sheets the rows fill, `sheetRows` rows a sheet at most (Excel's limit unless a test asks for fewer). */
export function consolidatedSpans(rows: number, lang: Lang, sheetRows = SHEET_ROWS): ConsolidatedSpan[] {
  const room = Math.max(1, sheetRows - HEAD_ROWS);
  const parts = Math.max(1, Math.ceil(rows / room));
  const base = sheetName("consolidated", lang);
  return Array.from({ length: parts }, (_, k) => ({
    name: k === 0 ? base : `${base} (${k + 1})`,
    part: k + 1,
    parts,
    from: k * room,
    to: Math.min(rows, (k + 1) * room),
  }));
}

/** Merged row `i` on its sheet: the span and the sheet's row number. */
export function rowPlace(spans: readonly ConsolidatedSpan[], i: number): { span: ConsolidatedSpan; row: number } {
  const room = spans[0].to - spans[0].from || 1;
  const span = spans[Math.min(spans.length - 1, Math.floor(i / room))];
  return { span, row: HEAD_ROWS + 1 + i - span.from };
}

/** What the subtitle of a sheet of a split table adds: its part and rows, and the sheet it continues on. */
export function spanNote(span: ConsolidatedSpan, spans: readonly ConsolidatedSpan[], lang: Lang): string | null {
  if (span.parts === 1) return null;
  const part = say("part", lang, { part: span.part, parts: span.parts, from: span.from + 1, to: span.to });
  return span.part < span.parts ? `${part}; ${say("continuedOn", lang, { sheet: spans[span.part].name })}` : part;
}

/** That the consolidated table was split over several sheets, and which; null when it fits on one. */
export function continuationNote(c: Pick<Consolidation, "rowsOut">, lang: Lang, sheetRows = SHEET_ROWS): string | null {
  const spans = consolidatedSpans(c.rowsOut, lang, sheetRows);
  if (spans.length === 1) return null;
  return say("continued", lang, { rows: c.rowsOut, limit: sheetRows, sheets: spans.map((s) => s.name).join(", ") });
}
