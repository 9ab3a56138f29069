/**
 * The style specification (core/output/sheet-style) as ExcelJS cell properties, for the writers that build files
 * with ExcelJS.
 */
import ExcelJS from "exceljs";
import { StyleSpec } from "../core/output/sheet-style";

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Sets the spec's font, fill, border, number format and alignment on a cell; what the spec leaves out stays. */
export function applyStyle(cell: ExcelJS.Cell, spec: StyleSpec): void {
  const f = spec.font;
  if (f) {
    cell.font = {
      ...(f.bold ? { bold: true } : {}),
      ...(f.italic ? { italic: true } : {}),
      ...(f.underline ? { underline: true } : {}),
      ...(f.size ? { size: f.size } : {}),
      ...(f.color ? { color: { argb: `FF${f.color}` } } : {}),
    };
  }
  if (spec.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${spec.fill}` } };
  if (spec.border === "thin") cell.border = THIN;
  if (spec.numberFormat) cell.numFmt = spec.numberFormat;
  const a = spec.alignment;
  if (a) {
    cell.alignment = {
      ...(a.horizontal ? { horizontal: a.horizontal } : {}),
      ...(a.vertical ? { vertical: a.vertical === "center" ? "middle" : "top" } : {}),
      ...(a.wrap ? { wrapText: true } : {}),
    };
  }
}
