/**
 * How the product's sheets look, as data: each named style's font, fill, border, number format and alignment, the
 * link look and link-target format, and the mark written into the files it makes. The three writers (raw
 * SpreadsheetML for the command line, ExcelJS for files the pane and the checker page save, Office.js in the add-in)
 * only translate these entries, so a summary looks the same whichever of them wrote it.
 */
import { CellLink, CellStyle } from "./sheet-model";

/** Colours are six hex digits, RGB, without "#" (each writer adds what its API wants: "#", "FF" alpha). */
export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points; the workbook's 11-point font when left out. */
  size?: number;
  color?: string;
}

export interface AlignmentSpec {
  horizontal?: "left" | "center";
  vertical?: "top" | "center";
  wrap?: boolean;
}

export interface StyleSpec {
  font?: FontSpec;
  /** A solid fill's colour. */
  fill?: string;
  /** A thin border on all four edges. */
  border?: "thin";
  numberFormat?: string;
  alignment?: AlignmentSpec;
}

/** The font every written sheet starts from. */
export const BASE_FONT = { name: "Calibri", size: 11 } as const;

/** The property the product writes into files it made, so a later run knows which sheets are its own. */
export const PRODUCT_MARK = "appendix-checker";

const HEADER_FILL = "DDEBF7";
const GROUP_FILL = "F2F2F2";

/** A cell that holds a link looks like Excel's own Hyperlink style, over whatever style the cell has. */
export const LINK_STYLE: StyleSpec = { font: { underline: true, color: "0563C1" } };

/** The styles of the summary sheets (SheetModel cells name one of these). */
export const SHEET_STYLES: Record<CellStyle, StyleSpec> = {
  title: { font: { bold: true, size: 13 } },
  subtitle: { font: { italic: true, color: "595959" } },
  header: { font: { bold: true }, fill: HEADER_FILL, alignment: { vertical: "center", wrap: true } },
  "group-header": { font: { bold: true }, fill: GROUP_FILL },
  integer: { numberFormat: "#,##0" },
  percent: { numberFormat: "0.0%" },
  error: { fill: "FDE2E1" },
  warning: { fill: "FFF4CE" },
  // An info line looks like a plain one: the sheet says it in words.
  info: {},
};

/** The styles of the appendix table laid out from a plan written as paragraphs (`extract`, the pane's Word import). */
export type AppendixStyle =
  | "appendix-title"
  | "appendix-heading"
  | "appendix-note"
  | "appendix-header"
  | "appendix-body"
  | "appendix-number"
  | "appendix-section"
  | "appendix-section-number";

const TITLE_ALIGN: AlignmentSpec = { horizontal: "center", vertical: "center", wrap: true };
const BODY_ALIGN: AlignmentSpec = { horizontal: "left", vertical: "top", wrap: true };
const NUMBER_ALIGN: AlignmentSpec = { horizontal: "center", vertical: "top", wrap: true };

export const APPENDIX_STYLES: Record<AppendixStyle, StyleSpec> = {
  "appendix-title": { font: { bold: true, size: 13 }, alignment: TITLE_ALIGN },
  "appendix-heading": { font: { bold: true, size: 12 }, alignment: TITLE_ALIGN },
  // "(Kèm theo Kế hoạch …)": the line that names the plan.
  "appendix-note": { font: { bold: true, italic: true, size: 12 }, alignment: TITLE_ALIGN },
  "appendix-header": { font: { bold: true }, fill: HEADER_FILL, border: "thin", alignment: TITLE_ALIGN },
  "appendix-body": { border: "thin", alignment: BODY_ALIGN },
  "appendix-number": { border: "thin", alignment: NUMBER_ALIGN },
  "appendix-section": { font: { bold: true }, fill: GROUP_FILL, border: "thin", alignment: BODY_ALIGN },
  "appendix-section-number": { font: { bold: true }, fill: GROUP_FILL, border: "thin", alignment: NUMBER_ALIGN },
};

/** A style with another laid over it: the second's font settings, fill and alignment win where it has them. */
function overlaid(base: StyleSpec, over: StyleSpec): StyleSpec {
  const out: StyleSpec = { ...base, ...over };
  if (base.font || over.font) out.font = { ...base.font, ...over.font };
  if (base.alignment || over.alignment) out.alignment = { ...base.alignment, ...over.alignment };
  return out;
}

/** The look of a summary cell: its style, and the link look when it holds a link. */
export function cellLook(style: CellStyle | undefined, linked: boolean): StyleSpec {
  const own = style ? SHEET_STYLES[style] : {};
  return linked ? overlaid(own, LINK_STYLE) : own;
}

/** A file name as a link target: encodeURI leaves "#" and "?", which would cut the name at them. */
export function fileUri(file: string): string {
  return encodeURI(file).replace(/#/g, "%23").replace(/\?/g, "%3F");
}

/** The sheet-and-cell part of a link: `'Sheet ''1'''!B7`. */
export function linkLocation(link: CellLink): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${link.cell}`;
}

/** A link as one target string: `#'Sheet'!B7` inside the workbook, `file.xlsx#'Sheet'!B7` to another file. */
export function linkTarget(link: CellLink): string {
  return `${link.file ? fileUri(link.file) : ""}#${linkLocation(link)}`;
}
