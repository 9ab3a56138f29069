/**
 * Walking the rows under a table's header, for every kind of table: each row read once across the table's width
 * with merges applied, given exactly one kind (SPEC 2.1), placed in the nest of sections, and cut off where the
 * signatures start. A kind says which of its columns plays which role (ColumnRoles) and may have the last word on
 * a row; everything else is the same for tasks, delegations and whatever kind comes next.
 */
import { FlaggedCell, flaggableColumns, flaggedCells, fieldsByColumn } from "./header-cells";
import { HeaderMatch } from "./header-match";
import { Classification, classifyRow, isNoteText, RowCells, RowKind } from "./rows";
import { parseStt, Stt, toRoman } from "./stt";
import { foldKey, isPunctuationOnly } from "./text";
import { cellText, SheetView } from "./view";

/** Which column plays which part in telling a row's kind. */
export interface ColumnRoles<F extends string> {
  /** The numbering column (STT). */
  number: F;
  /** The text naming the row: a heading has it alone on its row. */
  title: F;
  /** The columns whose filling makes a row an entry rather than a heading, in the order a slid heading is looked for. */
  details: readonly F[];
}

export interface WalkSpec<F extends string> {
  fields: readonly F[];
  roles: ColumnRoles<F>;
  /** Whether a row repeats the header: `fieldsByIndex` gives each cell's field, `headerTexts` the header's own cells. */
  repeatsHeader(all: readonly string[], fieldsByIndex: ReadonlyArray<F | null>, headerTexts: readonly string[]): boolean;
  /** The row's fields read otherwise (its cells slid a column when merges were lost), or null to keep them. */
  reread?(view: SheetView, row: number, header: HeaderMatch<F>, fields: Record<F, string>): Record<F, string> | null;
  /** The kind's last word on a row the classifier called a task or a heading ("Tổng cộng" is a total, not an entry). */
  reclassify?(cls: Classification, fields: Record<F, string>, all: readonly string[]): Classification;
}

export interface WalkedRow<F extends string> {
  /** Sheet row number. */
  row: number;
  kind: RowKind;
  stt: Stt;
  /** Field texts with merges applied; "" for a missing column. */
  fields: Record<F, string>;
  /** Texts of the extra columns, in the order of the header's extras. */
  extras: string[];
  /** Index into the sections of the innermost section the row belongs to, or -1. */
  section: number;
  /** Numbering segment: an elided row ("…………") starts a new one, so numbers after it are not compared with those before. */
  segment: number;
  /** The row's fields were read otherwise than its columns say (see WalkSpec.reread). */
  shifted?: boolean;
  /** Raw cells that need a word: formulas and error values, by field or extra header. */
  flagged?: FlaggedCell[];
}

export interface WalkedSection {
  row: number;
  stt: Stt;
  title: string;
  /** 0 for the outermost level. */
  level: number;
  parent: number;
  /** "A › I › 1.1" style path of numerals (or titles where unnumbered). */
  path: string;
  /** Numbering segment (see WalkedRow.segment). */
  segment: number;
}

export interface Walk<F extends string> {
  rows: WalkedRow<F>[];
  sections: WalkedSection[];
  /** First and last row of the table, header included; signatures below are not part of it. */
  firstRow: number;
  lastRow: number;
  /** The filled cells of each row above the header (plan title, "(Kèm theo Kế hoạch số …)"). */
  titleRows: string[][];
  /** The text of each note row (after the table, or notes inside it). */
  notes: string[];
}

/** Reads every row under the header once and gives each its kind, section and segment. */
export function walkRows<F extends string>(view: SheetView, header: HeaderMatch<F>, spec: WalkSpec<F>): Walk<F> {
  const width = header.lastCol - header.firstCol + 1;
  const fieldsByIndex = fieldsByColumn<F>(header.columns, header.firstCol, width);
  const headerTexts: string[] = new Array(width);
  for (let i = 0; i < width; i++) headerTexts[i] = view.text(header.row, header.firstCol + i);
  const repeatsHeader = (all: readonly string[]) => spec.repeatsHeader(all, fieldsByIndex, headerTexts);
  const firstData = header.row + header.rows;
  const flaggable = flaggableColumns(header.columns, header.extras);
  const fieldIndex = spec.fields.map((f) => (header.columns[f] === undefined ? -1 : header.columns[f]! - header.firstCol));
  const detailCols = spec.roles.details.map((f) => header.columns[f]).filter((c): c is number => c !== undefined);

  const inherited = (r: number, c: number) => {
    const m = view.mergeAt(r, c);
    return m !== undefined && m.top < r;
  };
  const mergedDown = (r: number, c: number) => {
    const m = view.mergeAt(r, c);
    return m !== undefined && m.bottom > m.top;
  };

  // Read every row once; classification needs the next row's STT (sub-section headings).
  const rowsCells: RowCells[] = [];
  const shiftedRows = new Set<number>();
  const flaggedRows = new Set<number>();
  const continuation = new Set<number>();
  const fieldsByRow: Array<Record<F, string>> = [];
  const sttByRow: Stt[] = [];
  const blankRow: boolean[] = [];
  const lastRow = lastRowOfOwn(view, header.firstCol, header.lastCol, firstData);
  for (let r = firstData; r <= lastRow; r++) {
    const all: string[] = new Array(width);
    let blank = true;
    let own = false;
    for (let i = 0; i < width; i++) {
      const cell = view.cell(r, header.firstCol + i);
      const t = cellText(cell);
      all[i] = t;
      if (t !== "") {
        blank = false;
        if (!own && !inherited(r, header.firstCol + i)) own = true;
      }
      if (cell && (cell.error || cell.formula)) flaggedRows.add(r);
    }
    if (!blank && !own) continuation.add(r);
    const read = {} as Record<F, string>;
    spec.fields.forEach((f, k) => (read[f] = fieldIndex[k] < 0 ? "" : all[fieldIndex[k]]));
    const reread = spec.reread && !blank ? spec.reread(view, r, header, read) : null;
    if (reread) shiftedRows.add(r);
    const fields = reread ?? read;
    const stt = parseStt(fields[spec.roles.number]);
    fieldsByRow.push(fields);
    sttByRow.push(stt);
    blankRow.push(blank);
    rowsCells.push({
      stt: fields[spec.roles.number],
      title: fields[spec.roles.title],
      details: spec.roles.details.map((f) => fields[f]),
      all,
      repeatsHeader,
      mergedAcross: view.mergedAcross(r),
      parsedStt: stt,
      detailsMergedDown: !blank && detailCols.every((c) => all[c - header.firstCol] === "" || mergedDown(r, c)),
    });
  }
  // Trailing blank rows are outside the table.
  let end = rowsCells.length - 1;
  while (end >= 0 && blankRow[end]) end--;

  const nextStt: Array<Stt | undefined> = new Array(end + 1);
  let upcoming: Stt | undefined;
  for (let i = end; i >= 0; i--) {
    nextStt[i] = upcoming;
    if (!blankRow[i] && !continuation.has(firstData + i)) upcoming = sttByRow[i];
  }

  const burstHeadings = headingsBeforeRestarts(rowsCells, sttByRow, blankRow, end);
  const rows: WalkedRow<F>[] = [];
  const sections: WalkedSection[] = [];
  const notes: string[] = [];
  const stack: Array<{ index: number; style: string }> = [];
  let afterTable = false;
  let seenEntry = false;
  let lastKind: RowKind = "blank";
  let inRepeatedHeader = false;
  const twoLevel = isTwoLevel(header, spec.roles.title);
  let segment = 0;
  for (let i = 0; i <= end; i++) {
    const r = firstData + i;
    const cells = rowsCells[i];
    let cls: Classification = continuation.has(r) ? { kind: "continuation", stt: sttByRow[i] } : classifyRow(cells, nextStt[i]);
    if (cls.kind === "task" && burstHeadings.has(i)) cls = { kind: "section", stt: cls.stt, title: cells.title };
    if (spec.reclassify && (cls.kind === "task" || cls.kind === "section")) cls = spec.reclassify(cls, fieldsByRow[i], cells.all);
    // Once signatures or "Nơi nhận" start after the entries, the rest of the sheet is not table.
    if (cls.kind === "note" && seenEntry && cells.all.some((t) => t !== "" && isNoteText(t))) afterTable = true;
    if (afterTable && cls.kind !== "blank") cls = { kind: "note", stt: cls.stt };
    if (cls.kind === "task" && seenEntry && belongsToEntryAbove(cells, cls.stt, twoLevel, lastKind))
      cls = { kind: "continuation", stt: cls.stt };
    if (cls.kind === "task") seenEntry = true;
    // A header repeated where a page broke (with the rows of its sub-header) stands between an entry and the tail
    // of that entry pushed onto the next page: it does not end the entry above.
    if (cls.kind === "repeated-header") inRepeatedHeader = true;
    else if (cls.kind !== "note" && cls.kind !== "blank") inRepeatedHeader = false;
    if (cls.kind !== "blank" && !inRepeatedHeader) lastKind = cls.kind;
    if (cls.kind === "note") {
      if (!afterTable && cells.all.some((t) => t !== "") && cells.all.every((t) => t === "" || isPunctuationOnly(t))) segment++;
      notes.push(cells.all.filter((t) => t !== "").join(" "));
    }

    if (cls.kind === "section") {
      const style = sectionStyle(cls.stt);
      const at = stack.findIndex((s) => s.style === style);
      if (at >= 0) stack.length = at;
      const parent = stack.length ? stack[stack.length - 1].index : -1;
      const label = cls.stt.kind === "empty" || cls.stt.kind === "other" ? shorten(cls.title ?? "") : sectionLabel(cls.stt);
      const path = parent >= 0 ? `${sections[parent].path} › ${label}` : label;
      sections.push({ row: r, stt: cls.stt, title: cls.title ?? "", level: stack.length, parent, path, segment });
      stack.push({ index: sections.length - 1, style });
    }
    const row: WalkedRow<F> = {
      row: r,
      kind: cls.kind,
      stt: cls.stt,
      fields: fieldsByRow[i],
      extras: header.extras.map((e) => cells.all[e.col - header.firstCol]),
      section: stack.length ? stack[stack.length - 1].index : -1,
      segment,
    };
    if (shiftedRows.has(r)) row.shifted = true;
    if ((cls.kind === "task" || cls.kind === "section") && flaggedRows.has(r)) {
      const flagged = flaggedCells(view, r, flaggable);
      if (flagged.length) row.flagged = flagged;
    }
    rows.push(row);
  }

  // The table ends at its last row that is not a note: signatures below are not part of it.
  let lastTableRow = header.row + header.rows - 1;
  for (const row of rows) if (row.kind !== "note" && row.kind !== "blank" && row.kind !== "continuation") lastTableRow = row.row;

  // Title lines that stand above the grid but not in it (the paragraphs above a Word table) come first.
  const titleRows: string[][] = view.grid.textAbove ? view.grid.textAbove.split("\n").map((line) => [line]) : [];
  for (let r = view.firstRow; r < header.row; r++) {
    const parts: string[] = [];
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      const t = view.text(r, c);
      if (t !== "") parts.push(t);
    }
    if (parts.length) titleRows.push(parts);
  }
  return { rows, sections, firstRow: header.row, lastRow: lastTableRow, titleRows, notes };
}

/**
 * The last row at or below `from` with a filled cell of its own between the columns: rows below it are blank or
 * hold only merged areas running down from above, so reading stops there — a merge or a stray value at the sheet's
 * end must not make the table a million rows long.
 */
function lastRowOfOwn(view: SheetView, firstCol: number, lastCol: number, from: number): number {
  const { grid } = view;
  for (let r = view.lastRow; r >= from; r--) {
    const cells = grid.cells[r - grid.originRow];
    if (!cells || cells.length === 0) continue;
    const last = Math.min(lastCol, grid.originCol + cells.length - 1);
    for (let c = Math.max(firstCol, grid.originCol); c <= last; c++) {
      if (cellText(cells[c - grid.originCol]) === "") continue;
      const m = view.mergeAt(r, c);
      if (!m || (m.top === r && m.left === c)) return r;
    }
  }
  return from - 1;
}

/**
 * A burst of restarts — the numbering goes back to 1 twice or more — means headings were missed, not that dozens of
 * numbers repeat: the reader looks again at the row before each restart, and an unnumbered row with a title and
 * no timeframe there (a heading that names the body of its section: "| Lĩnh vực y tế | Sở Y tế |") is a heading.
 */
function headingsBeforeRestarts(cells: readonly RowCells[], stt: readonly Stt[], blank: readonly boolean[], end: number): Set<number> {
  // Every row numbered 1 starts a run; the first run's heading is missed the same way as the others'.
  const starts: number[] = [];
  let restarts = 0;
  let highest = 0;
  for (let i = 0; i <= end; i++) {
    if (stt[i].kind !== "number") continue;
    if (stt[i].parts[0] === 1) {
      starts.push(i);
      if (highest > 1) restarts++;
    }
    highest = Math.max(highest, stt[i].parts[0]);
  }
  const out = new Set<number>();
  if (restarts < 2) return out;
  for (const i of starts) {
    let j = i - 1;
    while (j >= 0 && blank[j]) j--;
    const c = j >= 0 ? cells[j] : undefined;
    if (c && stt[j].kind === "empty" && c.title !== "" && c.details[c.details.length - 1] === "") out.add(j);
  }
  return out;
}

/** "TT | Chi tiết": a table whose entries carry unnumbered detail rows. */
function isTwoLevel<F extends string>(header: HeaderMatch<F>, title: F): boolean {
  const texts = [header.headers[title] ?? "", ...header.extras.map((e) => e.header)];
  return texts.some((t) => foldKey(t).startsWith("chi tiet"));
}

/**
 * Rows that are not entries of their own but part of the entry above: a row left behind by a lost merge, with no
 * number and no title, only details; and, in two-level tables, the unnumbered detail rows under an entry (title,
 * output or the last detail — the timeframe of a task — but none of the other details, the agencies of a task).
 */
function belongsToEntryAbove(cells: RowCells, stt: Stt, twoLevel: boolean, lastKind: RowKind): boolean {
  if (stt.kind !== "empty" || (lastKind !== "task" && lastKind !== "continuation")) return false;
  if (cells.title === "") return true;
  if (twoLevel && cells.details.slice(0, -1).every((t) => t === "")) return true;
  return splitByPageBreak(cells);
}

/**
 * The tail of the entry above, pushed to a row of its own by a page break of the PDF or Word original: no number,
 * no first detail (the lead) and no last one (the timeframe) — what it carries is the rest of the text, and of a
 * middle column at most, whose fragment begins in lower case ("nghiệp và phát triển nông thôn, …").
 */
function splitByPageBreak(cells: RowCells): boolean {
  const n = cells.details.length;
  if (n < 2 || cells.details[0] !== "" || cells.details[n - 1] !== "") return false;
  return cells.details.slice(1, -1).every((t) => t === "" || startsLowerCase(t));
}

function startsLowerCase(text: string): boolean {
  const first = text.trim().charAt(0);
  return first !== "" && first === first.toLowerCase() && first !== first.toUpperCase();
}

/** Sections of one style share a level: letters above Roman numerals above numbered headings. */
function sectionStyle(stt: Stt): string {
  if (stt.kind === "number" || stt.kind === "hierarchical") return `number-${stt.parts.length}`;
  return stt.kind;
}

function sectionLabel(stt: Stt): string {
  if (stt.kind === "roman") return toRoman(stt.parts[0]);
  if (stt.kind === "letter") return String.fromCharCode(64 + stt.parts[0]);
  return stt.parts.length ? stt.parts.join(".") : stt.text;
}

/** A heading's first 40 characters on one line, for a section path. */
function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}
