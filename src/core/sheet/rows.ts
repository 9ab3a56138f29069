/**
 * Row kinds (SPEC 2.1): every row of the table range gets exactly one.
 */
import { isSectionNumeral, parseStt, Stt } from "./stt";
import { foldKey, isPunctuationOnly } from "./text";

/**
 * "continuation": a row with nothing of its own, every filled cell being a merged area that began on a row above —
 * the row above written over two sheet rows. It belongs to that row and is not read again.
 */
export type RowKind = "section" | "task" | "repeated-header" | "column-numbers" | "blank" | "note" | "continuation";

/**
 * The texts of one row by the role their column plays — the same for every kind of table, so one classifier serves
 * them all: the numbering (STT), the title (a task's content, a delegation's name: the text a heading has alone on
 * its row) and the details (lead, coordinating agencies, timeframe; a leader, members, destination, time), whose
 * presence makes a row an entry rather than a heading.
 */
export interface RowCells {
  stt: string;
  title: string;
  /** The detail columns' texts, in the kind's order: the first filled one is a slid heading's title. */
  details: readonly string[];
  /** All cells across the table, in column order. */
  all: string[];
  /** Whether the row repeats the table's header (the kind's own words for its columns). */
  repeatsHeader: (all: readonly string[]) => boolean;
  /** A merged area spans two or more columns of this row. */
  mergedAcross: boolean;
  /** The STT already parsed, when the caller has it. */
  parsedStt?: Stt;
  /** Every filled detail cell is a merged area running down over several rows. */
  detailsMergedDown?: boolean;
}

export interface Classification {
  kind: RowKind;
  stt: Stt;
  /** For sections: the heading text (the content, or the STT cell when the heading was typed there). */
  title?: string;
}

const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)[.)]\s+\S+(?:\s+\S+){2,}/;
/** Headings are titles, not task texts: a long row without details above task 1 is still a task. */
const HEADING_LENGTH = 200;
const COLUMN_NUMBER = /^\((\d{1,2})\)$|^(\d{1,2})$/;
const HEADING_PREFIX = /^((?:[IVX]{1,6})|[A-Z])[.)]\s*(.*)$/s;
const NOTE_START = /^(noi nhan|tm\.? |kt\.? |tl\.? |tuq\.? |chu tich|pho chu tich|giam doc|nguoi lap|\(da ky\)|luu:? vt|ghi chu ?:)/;

/** "(1) (2) (3) …" under the header of official forms. */
function isColumnNumbers(all: string[]): boolean {
  let n = 0;
  let parenthesised = 0;
  for (const t of all) {
    if (t === "") continue;
    const m = COLUMN_NUMBER.exec(t);
    if (!m) return false;
    n++;
    if (m[1] !== undefined) parenthesised++;
  }
  return n >= 3 || (n >= 2 && parenthesised === n);
}

function isUpperHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** A heading typed with its numeral in the text: "I. Kinh tế số", "A. PHÁT TRIỂN …". */
function headingNumeral(text: string): Stt | null {
  const m = HEADING_PREFIX.exec(text);
  if (!m || m[2].trim() === "") return null;
  const stt = parseStt(m[1]);
  return isSectionNumeral(stt) ? stt : null;
}

export function isNoteText(text: string): boolean {
  return NOTE_START.test(foldKey(text));
}

/**
 * The kind of one row. `nextStt` is the STT of the next non-blank row: a numbered row with nothing but content
 * is a sub-section heading when its children follow (1 › 1.1), a task otherwise.
 */
export function classifyRow(cells: RowCells, nextStt?: Stt): Classification {
  const stt = cells.parsedStt ?? parseStt(cells.stt);
  let nonEmptyCount = 0;
  let punctuationOnly = true;
  for (const t of cells.all) {
    if (t === "") continue;
    nonEmptyCount++;
    if (punctuationOnly && !isPunctuationOnly(t)) punctuationOnly = false;
  }
  if (nonEmptyCount === 0) return { kind: "blank", stt };
  if (punctuationOnly) return { kind: "note", stt };
  if (isColumnNumbers(cells.all)) return { kind: "column-numbers", stt };
  if (cells.repeatsHeader(cells.all)) return { kind: "repeated-header", stt };

  if (nonEmptyCount <= 2 && cells.all.some((t) => t !== "" && t.length < 80 && isNoteText(t))) return { kind: "note", stt };

  // A timeframe merged down the whole column runs through the section headings too; it does not make them tasks;
  // nor does a heading's title repeated into every cell (a merge lost when the table was flattened), or a span in
  // the last detail column of a heading that names no body ("IV. … | | | năm tiếp theo", "WP1 | THỦ TỤC … | Tuần 1–3").
  const details =
    cells.details.some((t) => t !== "") &&
    !(cells.detailsMergedDown && isSectionNumeral(stt)) &&
    !titleRepeatedAcross(cells) &&
    !headingWithSpan(cells, stt);
  if (!details) {
    if (isSectionNumeral(stt)) return { kind: "section", stt, title: cells.title };
    if (stt.kind === "empty" && cells.title !== "") {
      const numeral = headingNumeral(cells.title);
      if (numeral) return { kind: "section", stt: numeral, title: cells.title };
      if (isNoteText(cells.title)) return { kind: "note", stt };
      if (isUpperHeading(cells.title) || cells.mergedAcross) return { kind: "section", stt, title: cells.title };
      // A mixed-case heading with no number or detail, over entries numbered afresh from 1
      // ("Nhiệm vụ giao Bộ trưởng … chỉ đạo"): missing it would read the restart as duplicate numbers.
      if (nextStt && nextStt.kind === "number" && nextStt.parts[0] === 1 && cells.title.length <= HEADING_LENGTH) {
        return { kind: "section", stt, title: cells.title };
      }
    }
    // "WP1 | THỦ TỤC PHÁP LÝ …": a code that is no number over a title in capitals.
    if (stt.kind === "other" && cells.title !== "" && isUpperHeading(cells.title)) return { kind: "section", stt, title: cells.title };
    // The heading typed into the STT cell and merged across the row.
    if (stt.kind === "other" && cells.title === "") {
      if (isNoteText(cells.stt)) return { kind: "note", stt };
      const numeral = headingNumeral(cells.stt);
      if (numeral || cells.mergedAcross || isUpperHeading(cells.stt)) return { kind: "section", stt: numeral ?? stt, title: cells.stt };
      // "1. Các nhiệm vụ về …" typed wholly into the STT cell: a numbered heading.
      const numbered = NUMBERED_HEADING.exec(cells.stt);
      if (numbered) return { kind: "section", stt: parseStt(numbered[1]), title: cells.stt };
      return { kind: "note", stt };
    }
    if ((stt.kind === "number" || stt.kind === "hierarchical") && nextStt && extends_(stt, nextStt))
      return { kind: "section", stt, title: cells.title };
    // "III.1.1 Nhóm các nền tảng …" heading a run of plainly numbered tasks.
    if (stt.kind === "hierarchical" && cells.title !== "" && nextStt?.kind === "number")
      return { kind: "section", stt, title: cells.title };
  } else if (isSectionNumeral(stt) && cells.title === "" && nonEmptyCount === 2) {
    // "A. | | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG": the heading's title sits in another text column, the lead's among them.
    const title = cells.details.find((t) => t !== "");
    if (title) return { kind: "section", stt, title };
  } else if ((stt.kind === "number" || stt.kind === "hierarchical") && cells.title === "" && nextStt && extends_(stt, nextStt)) {
    // A sub-section heading whose title slid into another column when merged cells were lost ("5.1 | | Thương mại").
    const others = nonEmptyCount - 1;
    const title = cells.details.find((t) => t !== "");
    if (others === 1 && title) return { kind: "section", stt, title };
  }
  if (stt.kind === "empty" && cells.title === "" && !details) {
    // Only extra columns filled: a stray note beside the table.
    return { kind: "note", stt };
  }
  return { kind: "task", stt };
}

/**
 * "I | Hoàn thiện … | Hoàn thiện … | Hoàn thiện …": the heading's title stands in every filled cell but the STT — a
 * heading merged across the row whose merge was lost when the table was flattened (each cell got the text).
 */
function titleRepeatedAcross(cells: RowCells): boolean {
  if (cells.title === "") return false;
  let copies = 0;
  for (const t of cells.details) {
    if (t === "") continue;
    if (t !== cells.title) return false;
    copies++;
  }
  return copies >= 1;
}

/**
 * A heading that carries only a span in its last detail column (the timeframe of a task table): a section numeral
 * or a title wholly in capitals, with none of the other details (no lead, no coordinating body).
 */
function headingWithSpan(cells: RowCells, stt: Stt): boolean {
  const n = cells.details.length;
  if (n < 2 || cells.title === "" || cells.details[n - 1] === "") return false;
  if (cells.details.slice(0, -1).some((t) => t !== "")) return false;
  if (isSectionNumeral(stt)) return true;
  return (stt.kind === "other" || stt.kind === "empty") && isUpperHeading(cells.title);
}

/** True when `child` is numbered under `parent`: 1 › 1.1, 2.3 › 2.3.1. */
function extends_(parent: Stt, child: Stt): boolean {
  if (child.kind !== "hierarchical" || child.parts.length !== parent.parts.length + 1) return false;
  return parent.parts.every((p, i) => child.parts[i] === p);
}
