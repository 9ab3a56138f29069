/**
 * Cells and sheets as the tracking sheets build them.
 */
import { Lang } from "../issues/catalogue";
import { ModelCell, SheetModel, SummaryKind } from "../output/sheet-model";
import { sheetName } from "../output/sheet-names";

export const text = (value: string | number | null, style?: ModelCell["style"]): ModelCell => (style ? { value, style } : { value });

export const int = (n: number | null): ModelCell => (n === null ? { value: null } : { value: n, style: "integer" });

export const percent = (n: number | null): ModelCell => (n === null ? { value: null } : { value: n, style: "percent" });

export const headerCells = (labels: readonly string[]): ModelCell[] => labels.map((l) => text(l, "header"));

/** A sheet of the given kind, named in the language, its header frozen at `headerRow`. */
export function trackingModel(
  kind: SummaryKind,
  lang: Lang,
  rows: ModelCell[][],
  columnWidths: number[],
  headerRow: number,
  autoFilter: boolean,
): SheetModel {
  return { kind, name: sheetName(kind, lang), rows, columnWidths, headerRow, autoFilter };
}
