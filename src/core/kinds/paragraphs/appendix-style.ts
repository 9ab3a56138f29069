/**
 * Which named style (core/output/sheet-style) each cell of a laid-out appendix takes, so the file `extract` writes
 * and the sheet the pane writes look alike: title lines, the header, section rows, the STT column, the body.
 */
import { AppendixStyle } from "../../output/sheet-style";
import { AppendixLayout } from "./appendix-layout";

/** The style of the cell at 1-based `row`, `col`; null for the blank line between the titles and the header. */
export function appendixStyleAt(layout: AppendixLayout, row: number, col: number): AppendixStyle | null {
  if (layout.titleRows.includes(row)) {
    if (row === layout.titleRows[0]) return "appendix-title";
    return (layout.rows[row - 1]?.[0] ?? "").startsWith("(") ? "appendix-note" : "appendix-heading";
  }
  if (row < layout.headerRow) return null;
  if (row === layout.headerRow) return "appendix-header";
  const section = layout.sectionRows.includes(row);
  if (col === 1) return section ? "appendix-section-number" : "appendix-number";
  return section ? "appendix-section" : "appendix-body";
}

/** The rows of the layout grouped by the style of their cells, as [row, col] 1-based pairs. */
export function appendixCellsByStyle(layout: AppendixLayout): Map<AppendixStyle, Array<[number, number]>> {
  const out = new Map<AppendixStyle, Array<[number, number]>>();
  const width = layout.columns.length;
  for (let r = 1; r <= layout.rows.length; r++)
    for (let c = 1; c <= width; c++) {
      const style = appendixStyleAt(layout, r, c);
      if (!style) continue;
      const list = out.get(style);
      if (list) list.push([r, c]);
      else out.set(style, [[r, c]]);
    }
  return out;
}
