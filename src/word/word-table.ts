/**
 * One w:tbl as the engine's grid. Rows and columns are the table's own (row 1 is its first row, column A its first
 * grid column); a cell's paragraphs are joined by line breaks; gridBefore/gridAfter and gridSpan place cells on the
 * grid; a horizontal span is a merged area, and vMerge restart/continue make the area run down. Rows deleted by a
 * tracked change are not read, rows inserted by one are. A table inside a cell is read as that cell's text, one line
 * per inner row, and handed back to be listed as its own (nested) table.
 */
import { Cell, Grid, MergeArea } from "../core/sheet/grid";
import { ParagraphRead, readParagraph, ReadContext } from "./paragraph-text";
import { child, XmlElement } from "./xml";
import { isOn, W, wInt } from "./wordml";

export interface TableRead {
  grid: Grid;
  /** 1-based rows marked as repeated header rows (w:tblHeader). */
  headerRows: number[];
}

export interface TableWalker {
  ctx: ReadContext;
  /** Called for each table met inside a cell, before the cell's text is complete. */
  onNested(tbl: XmlElement): TableRead;
}

/** Children of a container with w:sdt/w:customXml wrappers opened, in order. */
export function unwrapped(el: XmlElement, names: ReadonlySet<string>): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.ns === W && c.name === "sdt") out.push(...unwrapped(child(c, W, "sdtContent") ?? c, names));
    else if (c.ns === W && c.name === "customXml") out.push(...unwrapped(c, names));
    else if (c.ns === W && names.has(c.name)) out.push(c);
  }
  return out;
}

const ROW = new Set(["tr"]);
const CELL = new Set(["tc"]);
const BLOCK = new Set(["p", "tbl"]);

interface OpenMerge {
  area: MergeArea;
}

export function readTable(tbl: XmlElement, sheetName: string, walker: TableWalker): TableRead {
  const cells: Cell[][] = [];
  const merges: MergeArea[] = [];
  const headerRows: number[] = [];
  // Vertical merges still open, by the grid column they start at.
  const open = new Map<number, OpenMerge>();
  let rowNumber = 0;
  for (const tr of unwrapped(tbl, ROW)) {
    const trPr = child(tr, W, "trPr");
    if (child(trPr, W, "del")) {
      walker.ctx.revisions = true;
      continue; // accepted, the deletion removes the row
    }
    if (child(trPr, W, "ins")) walker.ctx.revisions = true;
    rowNumber++;
    if (isOn(child(trPr, W, "tblHeader"))) headerRows.push(rowNumber);
    const row: Cell[] = [];
    let col = 1 + (wInt(child(trPr, W, "gridBefore")) ?? 0);
    const continued = new Set<number>();
    for (const tc of unwrapped(tr, CELL)) {
      const tcPr = child(tc, W, "tcPr");
      if (child(tcPr, W, "cellDel")) continue;
      const span = Math.max(1, Math.min(1000, wInt(child(tcPr, W, "gridSpan")) ?? 1));
      const vMerge = child(tcPr, W, "vMerge");
      const vState = vMerge ? (wAttrVal(vMerge) === "restart" ? "restart" : "continue") : "none";
      const text = cellText(tc, walker);
      if (vState === "continue" && open.has(col)) {
        // The value is the restart cell's; the continue cell holds an empty paragraph Word requires.
        const m = open.get(col)!.area;
        m.bottom = rowNumber;
        m.right = Math.max(m.right, col + span - 1);
        continued.add(col);
      } else {
        row[col - 1] = text === "" ? { value: null } : { value: text };
        if (vState === "restart") {
          const area = { top: rowNumber, left: col, bottom: rowNumber, right: col + span - 1 };
          merges.push(area);
          open.set(col, { area });
          continued.add(col);
        } else if (span > 1) merges.push({ top: rowNumber, left: col, bottom: rowNumber, right: col + span - 1 });
      }
      col += span;
    }
    for (const c of [...open.keys()]) if (!continued.has(c)) open.delete(c);
    for (let i = 0; i < row.length; i++) if (row[i] === undefined) row[i] = { value: null };
    while (row.length && row[row.length - 1].value === null) row.length--;
    cells.push(row);
  }
  // A restart that nothing continued is an ordinary cell.
  const areas = merges.filter((m) => m.bottom > m.top || m.right > m.left);
  return { grid: { sheetName, originRow: 1, originCol: 1, cells, merges: areas }, headerRows };
}

function wAttrVal(el: XmlElement): string | undefined {
  for (const a of el.attrs) if (a.name === "val") return a.value;
  return undefined;
}

/** The cell's text: its paragraphs (with their automatic numbers) and inner tables, one line each, blank lines dropped. */
export function cellText(tc: XmlElement, walker: TableWalker): string {
  const lines: string[] = [];
  for (const block of unwrapped(tc, BLOCK)) {
    if (block.name === "p") {
      const p = readParagraph(block, walker.ctx);
      if (p) lines.push(displayedText(p));
    } else {
      const inner = walker.onNested(block);
      for (const r of inner.grid.cells)
        lines.push(
          r
            .map((c) => (c.value === null ? "" : String(c.value)))
            .filter((t) => t !== "")
            .join(" "),
        );
    }
  }
  return lines
    .map((l) => l.replace(/[ \t]+$/g, ""))
    .filter((l) => l.trim() !== "")
    .join("\n");
}

/** What Word shows for a paragraph: its automatic number, then its text. */
function displayedText(p: ParagraphRead): string {
  if (p.numberText === undefined || p.numberText === "") return p.text;
  return p.text.trim() === "" ? p.numberText : `${p.numberText} ${p.text.replace(/^\s+/, "")}`;
}
