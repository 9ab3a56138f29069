/**
 * Numbered headings of a plan's body: "II. NỘI DUNG", "2.", "2.1.", "5.3 …", "a) …". Their numbers give the outline
 * the tasks hang in, and the STT of the appendix row each becomes.
 */
import { romanValue } from "../../sheet/stt";

export type HeadingStyle = "roman" | "number" | "letter";

export interface Heading {
  style: HeadingStyle;
  /** "II", "2", "2.1", "a": the number as the appendix's STT writes it. */
  number: string;
  /** Numeric parts: "5.3" → [5, 3]; "II" → [2]; "b" → [2]. */
  parts: number[];
  /** The heading's text after its number. */
  title: string;
}

const ROMAN = /^([IVXLC]{1,6})[.)]\s*(\S.*)$/su;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:[.)]\s*|\s+)(\S.*)$/su;
const LETTER = /^([a-zđ])[).]\s+(\S.*)$/su;

/**
 * The heading a paragraph opens with, or null. A bare number needs its dot ("2." — "2022 của các cơ quan" is a
 * broken sentence, not heading 2022); deeper numbers may go without ("2.1 Tuyên truyền").
 */
export function parseHeading(text: string): Heading | null {
  const r = ROMAN.exec(text);
  if (r) {
    const v = romanValue(r[1]);
    if (v !== null && v > 0) return { style: "roman", number: r[1], parts: [v], title: r[2].trim() };
  }
  const n = NUMBERED.exec(text);
  if (n) {
    const number = n[1];
    const parts = number.split(".").map(Number);
    const dotted = /^\d{1,2}(?:\.\d{1,2})*[.)]/.test(text);
    if ((parts.length > 1 || dotted) && parts.every((p) => p > 0 && p < 100)) return { style: "number", number, parts, title: n[2].trim() };
  }
  const l = LETTER.exec(text);
  if (l) {
    const ch = l[1];
    return { style: "letter", number: ch, parts: [ch === "đ" ? 5 : ch.charCodeAt(0) - 96], title: l[2].trim() };
  }
  return null;
}

/**
 * Parts of a plan that are never tasks, whatever they hold: purpose, requirements, grounds, funding, organisation,
 * reporting. A heading is such a part when its whole title is made of these words ("MỤC ĐÍCH, YÊU CẦU", "KINH PHÍ
 * THỰC HIỆN", "Tổ chức thực hiện"), so a task titled "Tổ chức thực hiện các hoạt động …" stays a task.
 */
const NOT_TASKS = new Set([
  "muc dich",
  "yeu cau",
  "muc tieu",
  "muc tieu chung",
  "muc tieu cu the",
  "quan diem",
  "nguyen tac",
  "can cu",
  "can cu xay dung",
  "can cu phap ly",
  "co so phap ly",
  "su can thiet",
  "kinh phi",
  "nguon kinh phi",
  "to chuc thuc hien",
  "to chuc",
  "trach nhiem",
  "phan cong trach nhiem",
  "che do bao cao",
  "che do thong tin bao cao",
  "pham vi",
  "doi tuong",
  "pham vi, doi tuong",
]);

const TRAILING = /\s+(?:ke hoach|de an|chuong trinh|thuc hien|xay dung ke hoach)$/;

/** `foldedTitle`: the heading's title as `foldKey` gives it. */
export function isNonTaskPart(foldedTitle: string): boolean {
  let t = foldedTitle.replace(/[.:;]+$/, "").trim();
  if (NOT_TASKS.has(t)) return true;
  for (let i = 0; i < 2; i++) t = t.replace(TRAILING, "");
  if (NOT_TASKS.has(t)) return true;
  const parts = t.split(/\s*,\s*|\s+va\s+/).filter((x) => x !== "");
  return parts.length > 1 && parts.every((x) => NOT_TASKS.has(x));
}
