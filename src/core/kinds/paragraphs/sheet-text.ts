/**
 * A plan's text pasted onto a sheet, one paragraph per row (what Excel makes of a copy from Word or a PDF): found on
 * a sheet that holds no task table when one of its columns carries the labelled lines of tasks.
 */
import { cellText } from "../../sheet/view";
import type { CheckOptions } from "../kind";
import { TaskCheck } from "../tasks/check";
import { checkParagraphPlan } from "./check-plan";
import { readParagraphPlan } from "./read-plan";
import { columnLetter, Grid } from "../../sheet/grid";
import { labelledLine } from "./field-labels";
import { PlanParagraph } from "./plan-paragraphs";

export interface SheetText {
  /** One paragraph per sheet row from row 1, so a paragraph's position is its row. */
  paragraphs: PlanParagraph[];
  /** The column most of the text stands in ("A"). */
  column: string;
}

/** Task lines that make a sheet a pasted plan: fewer could be a stray note. */
const MIN_LABELLED = 2;

/** Every row's text as a paragraph (its cells joined), from row 1: what a sheet says, plan or not. */
export function sheetParagraphs(grid: Grid): PlanParagraph[] {
  const out: PlanParagraph[] = [];
  for (let r = 1; r < grid.originRow; r++) out.push({ text: "" });
  for (const row of grid.cells)
    out.push({
      text: row
        .map((c) => cellText(c))
        .filter((t) => t !== "")
        .join(" "),
    });
  return out;
}

/** The sheet's text as paragraphs, or null when the sheet does not look like a pasted plan. */
export function sheetText(grid: Grid): SheetText | null {
  const paragraphs: PlanParagraph[] = [];
  for (let r = 1; r < grid.originRow; r++) paragraphs.push({ text: "" });
  const byColumn = new Map<number, number>();
  let labelled = 0;
  let wide = 0;
  for (const row of grid.cells) {
    const texts: string[] = [];
    let first = -1;
    row.forEach((cell, i) => {
      const t = cellText(cell);
      if (t === "") return;
      if (first < 0) first = i;
      texts.push(t);
    });
    if (texts.length > 2) wide++;
    const text = texts.join(" ");
    paragraphs.push({ text });
    if (first >= 0) byColumn.set(first, (byColumn.get(first) ?? 0) + 1);
    const line = text === "" ? null : labelledLine(text.replace(/^\s+/, ""));
    if (line && line.role !== "content" && line.role !== "note") labelled++;
  }
  const filled = paragraphs.filter((p) => p.text !== "").length;
  // A grid of many filled columns is a table of some kind, not a text.
  if (labelled < MIN_LABELLED || wide > filled / 4) return null;
  const [col] = [...byColumn].sort((a, b) => b[1] - a[1])[0] ?? [0];
  return { paragraphs, column: columnLetter(grid.originCol + col) };
}

/** The sheet's pasted plan read and checked, or null when the sheet holds no pasted plan with tasks. */
export function checkPastedPlan(grid: Grid, options: CheckOptions): TaskCheck | null {
  const text = sheetText(grid);
  if (!text) return null;
  const checked = checkParagraphPlan(readParagraphPlan(text.paragraphs), {
    ...options,
    sheetName: grid.sheetName,
    format: "sheet",
    column: text.column,
  });
  return checked.ok ? checked.check : null;
}
