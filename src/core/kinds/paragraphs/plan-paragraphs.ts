/**
 * The body of a plan as the paragraph reader takes it: paragraphs in reading order, from a .txt file, a sheet the
 * plan's text was pasted into (one paragraph per row) or a Word document (with the numbering Word displays).
 *
 * Text copied out of a PDF breaks every printed line into a paragraph of its own, often with a blank one between
 * them; `logicalParagraphs` joins such pieces back into the sentences they belong to.
 */

/** One paragraph as its source gives it. */
export interface PlanParagraph {
  text: string;
  /** The automatic numbering Word displays in front of the paragraph ("2.1.", "II."), when the source is .docx. */
  numberText?: string;
  /** The outline or list level, when the source knows it (0 for the outermost). */
  level?: number;
}

/** Where a piece of the body came from: a line of the .txt, a row of the sheet, a paragraph of the document. */
export type SourceKind = "txt" | "sheet" | "docx";

/** A paragraph after broken lines were joined: its text with Word's numbering in front, and where it starts. */
export interface LogicalParagraph {
  text: string;
  /** 1-based index of its first source paragraph (the .txt line, the sheet row, the Word paragraph). */
  at: number;
  /** How many source paragraphs were joined into it. */
  pieces: number;
  /** The paragraph carried automatic numbering (a heading typed by Word, not by hand). */
  numbered: boolean;
}

/** The lines of a plain text file as paragraphs (a byte-order mark and Windows line ends dropped). */
export function paragraphsFromText(text: string): PlanParagraph[] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => ({ text: line }));
}

const SPACES = /[ \t\u00a0\u2007\u202f\u3000]+/g;

function clean(text: string): string {
  const nfc = /[^\u0000-\u007f]/.test(text) ? text.normalize("NFC") : text;
  return nfc.replace(SPACES, " ").trim();
}

/** A paragraph that opens a new unit: a numbered heading, a bullet, a lettered point. */
const OPENER =
  /^(?:[-–—+•*●◦▪]\s*|(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]|\d{1,2}(?:\.\d{1,2}){1,3})\s|[IVXLC]{1,6}[.)]\s|[a-zđ][)]\s|(?:phần|mục|chương|phụ lục)\s+(?:\d{1,2}|[IVXLC]{1,6})(?=[\s.:)–-]|$))/iu;
/** The end of a sentence or of a list item. */
const CLOSED = /(?:[.;:!?…]|\.\/\.|[.;:!?]["”’)\]]*)$/u;
/** The start of a sentence: a capital letter, a digit, a quote. */
const OPENS_SENTENCE = /^["“‘(]?[\p{Lu}\d]/u;

/**
 * Whether `next` continues `prev`: it does unless it opens a new unit (heading, bullet) or `prev` ended its sentence
 * and `next` starts a new one. A line that starts in lower case always continues ("…của Bộ Thông" / "tin và …").
 */
export function continues(prev: string, next: string): boolean {
  if (OPENER.test(next)) return false;
  if (!CLOSED.test(prev)) return true;
  return !OPENS_SENTENCE.test(next);
}

/** Word's bullet glyphs ("•", "", "o") read as the dash a typed list would have; numbers stay as they are. */
function bulletOrNumber(numberText: string): string {
  if (numberText === "") return "";
  return /[\p{L}\p{N}]{2,}|\p{N}/u.test(numberText) || /^[a-zđA-Z][.)]$/u.test(numberText) ? numberText : "-";
}

/**
 * Source paragraphs joined into the paragraphs a person reads. Blank paragraphs are dropped (PDF copies put one
 * between every two lines, so a blank line cannot mean a paragraph break); Word's numbering is put in front of its
 * paragraph, and a numbered paragraph always starts a new one.
 */
export function logicalParagraphs(source: readonly PlanParagraph[]): LogicalParagraph[] {
  const out: LogicalParagraph[] = [];
  source.forEach((p, i) => {
    const number = bulletOrNumber(clean(p.numberText ?? ""));
    // A line break inside a paragraph (Word's soft break, a cell's Alt+Enter) is read like a broken line.
    (p.text ?? "").split("\n").forEach((piece, k) => {
      const body = clean(piece);
      const own = k === 0 ? number : "";
      if (body === "" && own === "") return;
      const text = own ? `${own} ${body}`.trim() : body;
      const last = out[out.length - 1];
      if (last && !own && continues(last.text, text)) {
        last.text = `${last.text} ${text}`;
        last.pieces++;
        return;
      }
      out.push({ text, at: i + 1, pieces: 1, numbered: own !== "" });
    });
  });
  return out;
}
