/**
 * What a plan's own text says about it, read from a Word document: its title ("KẾ HOẠCH" and the line under it), the
 * period it covers (for the plan period checks), its number and date from the heading block ("Số: 79/KH-UBND",
 * "Bình Định, ngày 12 tháng 9 năm 2022"), and the delegation totals its body states.
 */
import { foldKey } from "../core/sheet/text";
import { planPeriodFromTitle } from "../core/timeframe/timeframe";
import { StatedTotals, statedTotalsFromText } from "../core/kinds/delegations/stated-totals";
import { WordDocument, WordParagraph } from "./read";

export interface DocumentDate {
  /** As written, spaces folded: "Bình Định, ngày tháng năm 2022" (a draft leaves day and month blank). */
  text: string;
  day: number | null;
  month: number | null;
  year: number | null;
}

export interface DocumentFacts {
  title: string | null;
  plan: { startYear: number; endYear: number } | null;
  /** The number after "Số:", as written: "79/KH-UBND", or "/KH-UBND" in a draft not yet numbered. */
  number: string | null;
  date: DocumentDate | null;
  /** Delegation totals stated in the body ("Đoàn ra: 13 đoàn … 09 trong Kế hoạch … 04 đề nghị bổ sung"). */
  stated: StatedTotals | null;
  /** Tracked changes not yet accepted (they were read as accepted). */
  revisions: boolean;
}

/** The kinds of administrative document whose name stands alone above the title line. */
const DOCUMENT_KINDS = /^(ke hoach|bao cao|quyet dinh|chuong trinh|de an|phuong an|to trinh|thong bao|huong dan|chi thi|nghi quyet)\b/;

/** A paragraph as Word shows it: its automatic number, then its text. */
function shownText(p: WordParagraph): string {
  return p.numberText ? `${p.numberText} ${p.text}`.trim() : p.text.trim();
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

function titleOf(paragraphs: readonly WordParagraph[]): { title: string; at: number } | null {
  const limit = Math.min(paragraphs.length, 40);
  for (let i = 0; i < limit; i++) {
    const text = oneLine(shownText(paragraphs[i]));
    const key = foldKey(text);
    if (!DOCUMENT_KINDS.test(key)) continue;
    // "KẾ HOẠCH" alone: the title goes on in the next written paragraph.
    if (key.length <= 12) {
      const next = paragraphs.slice(i + 1, i + 4).find((p) => p.text.trim() !== "");
      return { title: next ? `${text} ${oneLine(shownText(next))}` : text, at: i };
    }
    return { title: text, at: i };
  }
  return null;
}

/** Lines of the heading block: the layout tables and paragraphs above the title (all of the first ones if no title). */
function headingLines(doc: WordDocument, titleAt: number): string[] {
  const lines: string[] = [];
  for (const t of doc.tables) {
    if (t.nested || t.afterParagraph > titleAt) continue;
    for (const row of t.grid.cells) for (const c of row) if (c.value !== null) lines.push(...String(c.value).split("\n"));
  }
  for (const p of doc.paragraphs.slice(0, titleAt + 1)) lines.push(...p.text.split("\n"));
  return lines.map(oneLine).filter((l) => l !== "");
}

const NUMBER = /^số\s*:\s*(\S.*)$/i;
const DATE = /^(?:(.*?),\s*)?ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})\b/i;

export function documentFacts(doc: WordDocument): DocumentFacts {
  const title = titleOf(doc.paragraphs);
  const front = headingLines(doc, title ? title.at : Math.min(doc.paragraphs.length, 10));
  let number: string | null = null;
  let date: DocumentDate | null = null;
  for (const line of front) {
    const n = NUMBER.exec(line.normalize("NFC"));
    if (n && number === null && /[\d/]/.test(n[1])) number = n[1].replace(/\s+/g, "");
    const d = DATE.exec(line.normalize("NFC"));
    if (d && date === null) {
      date = { text: line, day: d[2] ? Number(d[2]) : null, month: d[3] ? Number(d[3]) : null, year: Number(d[4]) };
    }
  }
  const body = doc.paragraphs.map(shownText).join("\n");
  return {
    title: title?.title ?? null,
    plan: title ? planPeriodFromTitle(title.title) : null,
    number,
    date,
    stated: statedTotalsFromText(body),
    revisions: doc.revisions,
  };
}
