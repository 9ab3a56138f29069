/**
 * The delegation totals a plan states in its text (SPEC 2.2, 5): "1. Đoàn ra: 13 đoàn (tại Phụ lục I). - Tổng số
 * đoàn ra trong Kế hoạch: 09 đoàn. - Tổng số đoàn ra đề nghị bổ sung: 04 đoàn." (seed 002), or in one line,
 * "Đoàn ra: 13 đoàn = 09 trong Kế hoạch + 04 đề nghị bổ sung; Đoàn vào: 12 = 09 + 03".
 *
 * The text is cut into clauses (bullets, numbered lines, ";" and sentence ends) and each clause is read as a stream
 * of words that matter: a direction ("đoàn ra", "đoàn vào"), a figure ("tổng số", "trong kế hoạch", "đề nghị bổ
 * sung", "phát sinh"), a count, "=" and "+". A count belongs to the direction last named (a clause about one figure
 * may follow the clause that named the direction) and to the figure named just before or just after it; in
 * "13 = 09 + 03" the place in the sum says which. A number counts only where it reads as a count of delegations:
 * after ":", "=" or "+", or before "đoàn" or a figure, so "Phụ lục I", "lần thứ 2" and "04 tỉnh" are not counts.
 */
import * as z from "zod";
import { Direction, DIRECTIONS, Figure, FIGURES } from "./fields";
import { foldKey } from "../../sheet/text";
import { readJsonFile } from "../../settings/file-problems";
import type { FileRefusal } from "../../settings/file-problems";

export type DirectionFigures = Partial<Record<Figure, number>>;
/** Stated totals; any direction or figure may be absent (the plan, or the user, states only some). */
export type StatedTotals = Partial<Record<Direction, DirectionFigures>>;

type TokenKind =
  | { kind: "dir"; direction: Direction }
  | { kind: "fig"; figure: Figure }
  | { kind: "num"; value: number; wordAfter: boolean }
  | { kind: "doan" }
  | { kind: "colon" }
  | { kind: "eq" }
  | { kind: "plus" };
/** `gapBefore`: the clause text between the previous token and this one is blank (the two words touch). */
type Token = TokenKind & { gapBefore: boolean };

// Longer phrases first: "chưa có trong kế hoạch" before "trong kế hoạch", "đoàn ra" before "đoàn".
const TOKEN =
  /\b(doan ra|ra nuoc ngoai)\b|\b(doan vao|nuoc ngoai vao)\b|\b(de nghi bo sung|bo sung|phat sinh|ngoai ke hoach|chua co trong ke hoach|khong co trong ke hoach)\b|\b(trong ke hoach|thuoc ke hoach)\b|\b(tong so|tong cong|tong)\b|\b(doan)\b|(?<![\d/.,-])(\d{1,3})(?![\d/]|[.,]\d|-\d)|(:)|(=)|(\+)/g;

function tokens(clause: string): Token[] {
  const out: Token[] = [];
  let lastEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(clause); m; m = TOKEN.exec(clause)) {
    const end = m.index + m[0].length;
    let t: TokenKind;
    if (m[1]) t = { kind: "dir", direction: "outbound" };
    else if (m[2]) t = { kind: "dir", direction: "inbound" };
    else if (m[3]) t = { kind: "fig", figure: "supplementary" };
    else if (m[4]) t = { kind: "fig", figure: "planned" };
    else if (m[5]) t = { kind: "fig", figure: "total" };
    else if (m[6]) t = { kind: "doan" };
    else if (m[7]) t = { kind: "num", value: Number(m[7]), wordAfter: /^\s*[a-z]/.test(clause.slice(end)) };
    else if (m[8]) t = { kind: "colon" };
    else if (m[9]) t = { kind: "eq" };
    else t = { kind: "plus" };
    out.push({ ...t, gapBefore: out.length > 0 && clause.slice(lastEnd, m.index).trim() === "" });
    lastEnd = end;
  }
  return out;
}

const BULLET = /^\s*(?:[-–—+•*]|\(?(?:\d{1,2}|[ivxlc]{1,5}|[a-zđ])[.)])\s+/i;

/** Clauses: a bullet or numbered line starts one; ";" and sentence ends close one. Wrapped lines join. */
function clauses(text: string): string[] {
  const paragraphs: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (paragraphs.length === 0 || BULLET.test(line)) paragraphs.push(line.replace(BULLET, ""));
    else paragraphs[paragraphs.length - 1] += ` ${line}`;
  }
  return paragraphs
    .flatMap((p) => foldKey(p).split(/;|\.(?=\s|$)/))
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

/** The totals a text states, or null when it states none. */
export function statedTotalsFromText(text: string): StatedTotals | null {
  const found: StatedTotals = {};
  let any = false;
  const record = (direction: Direction, figure: Figure, value: number) => {
    const d = (found[direction] ??= {});
    // The first statement wins: a summary line repeated further down says the same or is about something else.
    if (d[figure] === undefined) {
      d[figure] = value;
      any = true;
    }
  };

  let carried: Direction | null = null;
  for (const clause of clauses(text)) {
    const list = tokens(clause);
    let direction: Direction | null = carried;
    let pending: Figure | null = null;
    let chain: "none" | "after-eq" | "after-plus" = "none";
    let counted = false;
    const named = new Set<Direction>();
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      if (t.kind === "dir") {
        direction = t.direction;
        named.add(t.direction);
      } else if (t.kind === "fig") {
        // "Tổng số đoàn ra trong Kế hoạch" is the planned figure: the specific word wins over "tổng số".
        if (pending === null || pending === "total") pending = t.figure;
      } else if (t.kind === "eq") chain = "after-eq";
      else if (t.kind === "plus") chain = "after-plus";
      else if (t.kind === "num") {
        // What follows the count: "09 đoàn", "13 đoàn ra", "09 trong Kế hoạch", "04 đoàn đề nghị bổ sung".
        let j = i + 1;
        let after: Figure | null = null;
        let afterDirection: Direction | null = null;
        let doanAfter = false;
        while (j < list.length && list[j].gapBefore) {
          const n = list[j];
          if (n.kind === "doan") doanAfter = true;
          else if (n.kind === "dir" && afterDirection === null && after === null) afterDirection = n.direction;
          else if (n.kind === "fig" && after === null) after = n.figure;
          else break;
          j++;
          if (after !== null) break;
        }
        const prev = t.gapBefore ? list[i - 1].kind : null;
        const introduced = prev === "colon" || prev === "eq" || prev === "plus";
        const isCount = doanAfter || afterDirection !== null || after !== null || (introduced && !t.wordAfter);
        if (!isCount) continue;
        if (afterDirection) {
          direction = afterDirection;
          named.add(afterDirection);
        }
        if (direction === null) continue;
        const figure: Figure = after ?? pending ?? (chain === "after-eq" ? "planned" : chain === "after-plus" ? "supplementary" : "total");
        record(direction, figure, t.value);
        counted = true;
        pending = null;
        i = j - 1;
      }
    }
    // A heading that names both directions ("SỐ LƯỢNG ĐOÀN RA, ĐOÀN VÀO") or a clause about something else ends
    // what the next clause may take for granted.
    const aboutDelegations = list.some((t) => t.kind === "dir" || t.kind === "fig" || t.kind === "doan");
    if (counted) carried = direction;
    else if (named.size === 1) carried = [...named][0];
    else if (named.size > 1 || !aboutDelegations) carried = null;
  }
  return any ? found : null;
}

/** `over` figure by figure on top of `base` (what the user typed wins over what the text says). */
export function mergeStated(base: StatedTotals | null, over: StatedTotals | null): StatedTotals | null {
  if (!base) return over;
  if (!over) return base;
  const out: StatedTotals = {};
  for (const d of DIRECTIONS) {
    const merged = { ...base[d], ...over[d] };
    if (FIGURES.some((f) => merged[f] !== undefined)) out[d] = merged;
  }
  return out;
}

/**
 * Totals a user states (`--stated`): the report's `delegations` object, any part of it left out — a plan may state
 * only the outbound total. Unknown keys are refused, so a typo ("outbond") is not silently ignored.
 */
const StatedDirection = z
  .object({ total: z.number().int().nonnegative(), planned: z.number().int().nonnegative(), supplementary: z.number().int().nonnegative() })
  .partial()
  .strict();
export const StatedTotalsSchema = z.object({ outbound: StatedDirection, inbound: StatedDirection }).partial().strict();

export function parseStatedTotals(json: string): { ok: true; stated: StatedTotals } | { ok: false; refusal: FileRefusal } {
  const read = readJsonFile(json, StatedTotalsSchema);
  return read.ok ? { ok: true, stated: read.data } : read;
}
