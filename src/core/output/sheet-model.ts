/**
 * A sheet as the engine wants it written: cells plus formatting intents named by style (sheet-style.ts says what each
 * looks like). Every writer renders the same model, so the add-in and the command line write the same summaries.
 */

export type SummaryKind =
  | "agencies"
  | "issues"
  | "periods"
  | "sections"
  | "delegations"
  | "consolidated"
  | "files"
  // The tracking cycle (core/tracking): deadlines, per-agency task lists, merged replies, scorecard, plan changes.
  | "deadlines"
  | "agency-tasks"
  | "tracking"
  | "replies"
  | "scorecard"
  | "changes"
  | "agency-issues";

export type CellStyle =
  | "title" // the sheet's heading line
  | "subtitle" // a line under the title (source, date)
  | "header" // table header: bold, filled, wrapped
  | "group-header" // a heading row inside the table ("Nhóm cơ quan")
  | "integer"
  | "percent"
  | "error"
  | "warning"
  | "info";

/** Where a link points: a cell of a sheet in this workbook, or of another workbook file. */
export interface CellLink {
  file?: string;
  sheet: string;
  cell: string;
}

export interface ModelCell {
  /** Always written as a literal: a string is text even when it starts with "=", "+", "-" or "@". */
  value: string | number | null;
  style?: CellStyle;
  link?: CellLink;
}

export interface ChartIntent {
  kind: "bar";
  title: string;
  /** 1-based rows of the data (header excluded) and columns of categories and values. */
  firstRow: number;
  lastRow: number;
  categoryCol: number;
  valueCols: number[];
  /** The header row, whose cells name the series. */
  headerRow: number;
}

export interface SheetModel {
  kind: SummaryKind;
  name: string;
  /** Rows from A1 down; rows may be shorter than the widest. */
  rows: ModelCell[][];
  /** Column widths in characters. */
  columnWidths: number[];
  /** 1-based row of the table header: frozen with everything above it, and the autofilter's first row. */
  headerRow: number;
  autoFilter: boolean;
  chart?: ChartIntent;
  /** Drop-down lists to offer in a column (1-based rows and column). */
  validations?: ListValidation[];
}

/**
 * A sheet whose rows are made while it is written and never held together (a consolidation's merged table and its
 * issue list, hundreds of thousands of rows): `rows` calls `emit` once per row, in order, and may be called once only.
 */
export interface StreamedSheetModel extends Omit<SheetModel, "rows" | "chart"> {
  rows(emit: (cells: readonly ModelCell[]) => void): void;
}

/** A streamed sheet's rows made and held: the model for writers that set whole ranges at once. */
export function collectedSheet(streamed: StreamedSheetModel): SheetModel {
  const { rows, ...frame } = streamed;
  const model: SheetModel = { ...frame, rows: [] };
  rows((cells) => model.rows.push([...cells]));
  return model;
}

export interface ListValidation {
  firstRow: number;
  lastRow: number;
  col: number;
  choices: readonly string[];
  /** The prompt shown beside the cell. */
  prompt?: string;
}

export function modelWidth(model: SheetModel): number {
  let w = model.columnWidths.length;
  for (const r of model.rows) if (r.length > w) w = r.length;
  return w;
}

/** The values of the model as a rectangular 2D array (for writers that set whole ranges at once). */
export function modelValues(model: SheetModel): Array<Array<string | number>> {
  const w = modelWidth(model);
  return model.rows.map((r) => {
    const out: Array<string | number> = new Array(w);
    for (let c = 0; c < w; c++) {
      const v = r[c]?.value;
      out[c] = v === null || v === undefined ? "" : v;
    }
    return out;
  });
}

/** Cells of the model grouped by style, as [row, col] 1-based pairs, so writers can format whole areas at once. */
export function cellsByStyle(model: SheetModel): Map<CellStyle, Array<[number, number]>> {
  const out = new Map<CellStyle, Array<[number, number]>>();
  model.rows.forEach((r, ri) =>
    r.forEach((cell, ci) => {
      if (!cell?.style) return;
      const list = out.get(cell.style);
      if (list) list.push([ri + 1, ci + 1]);
      else out.set(cell.style, [[ri + 1, ci + 1]]);
    }),
  );
  return out;
}

/**
 * A list validation's choices as the one literal Excel keeps ("a,b,c"), or null when it is too long to keep: Excel
 * holds a literal list to 255 characters, commas included, and splits it at every comma.
 */
export function validationList(v: ListValidation): string | null {
  const list = v.choices.map((c) => c.replace(/[,"]/g, " ").trim()).join(",");
  return list.length > 255 ? null : list;
}
