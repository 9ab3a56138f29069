/**
 * The style specification (core/output/sheet-style) as Office.js range formats, for the add-in's writers.
 */
import { StyleSpec } from "../core/output/sheet-style";
import { FormatSetter } from "./area-formats";

/** A thin border on every edge of each cell, inside edges too (a format may span many cells). */
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

/** What the spec sets, besides its number format (set per cell through Range.numberFormat); null when nothing. */
export function formatSetterOf(spec: StyleSpec): FormatSetter | null {
  const { font, fill, border, alignment: a } = spec;
  if (!font && !fill && !border && !a) return null;
  return (f) => {
    if (font?.bold) f.font.bold = true;
    if (font?.italic) f.font.italic = true;
    if (font?.underline) f.font.underline = "Single";
    if (font?.size) f.font.size = font.size;
    if (font?.color) f.font.color = `#${font.color}`;
    if (fill) f.fill.color = `#${fill}`;
    if (border === "thin") for (const edge of EDGES) f.borders.getItem(edge).style = "Continuous";
    if (a?.horizontal) f.horizontalAlignment = a.horizontal === "center" ? "Center" : "Left";
    if (a?.vertical) f.verticalAlignment = a.vertical === "center" ? "Center" : "Top";
    if (a?.wrap) f.wrapText = true;
  };
}
