/**
 * "Chuẩn hóa tên cơ quan" (issue 16): the plan of what to rewrite in lead and coordinating cells so each agency is
 * written by its canonical directory name. Only a part that is the directory's name or one of its aliases, under
 * the directory's own folding (case, diacritics, tone placement, the usual abbreviations: "Sở KH&ĐT", "Học Viện
 * Ngoại giao"), is rewritten. Everything else stays as typed: unknown names, a name with its role after it ("Sở
 * Tư pháp thẩm định"), a parent body in brackets, a province spelled out ("Công an tỉnh Bình Định") and any text
 * that the splitter had to rearrange to read, because rewriting those would change what the cell says.
 */
import { agencyKey } from "./directory";
import type { AgencyDirectory } from "./directory";
import { splitAgencies } from "./split";
import { compareVietnamese } from "../sheet/vietnamese-order";

export interface CellText {
  address: string;
  text: string;
}

export interface AgencyRewrite {
  address: string;
  before: string;
  after: string;
  /** Each written form replaced, with its canonical name, in the order of the cell. */
  changes: Array<{ from: string; to: string }>;
}

export interface NormalisationPlan {
  rewrites: AgencyRewrite[];
  /** Every alias met, with its canonical name and how many times it is replaced; most frequent first. */
  aliases: Array<{ from: string; to: string; count: number }>;
}

/** The folded keys each canonical name is written by (its name and its aliases), per directory. */
const keysMemo = new WeakMap<AgencyDirectory, Map<string, Set<string>>>();

function keysOf(directory: AgencyDirectory): Map<string, Set<string>> {
  let keys = keysMemo.get(directory);
  if (!keys) {
    keys = new Map();
    for (const entry of directory.data.agencies) {
      const set = keys.get(entry.name) ?? new Set<string>();
      for (const written of [entry.name, ...entry.aliases]) set.add(agencyKey(written));
      keys.set(entry.name, set);
    }
    keysMemo.set(directory, keys);
  }
  return keys;
}

/** The canonical name `written` stands for, when it is exactly the directory's name or alias written otherwise. */
export function canonicalOf(written: string, directory: AgencyDirectory): string | undefined {
  const match = directory.find(written);
  if (!match || match.name === written) return undefined;
  return keysOf(directory).get(match.name)?.has(agencyKey(written)) ? match.name : undefined;
}

/** True when only separators or a list mark stand before `at` on its line. */
function startsLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  return !/\p{L}/u.test(text.slice(lineStart, at));
}

/**
 * A group is a common noun ("các sở, ban, ngành liên quan"): after other words it keeps the small letter it was
 * written with, and only the rest of the name is made canonical.
 */
function withFirstLetterOf(written: string, canonical: string): string {
  const first = written.charAt(0);
  return first === first.toLowerCase() ? canonical.charAt(0).toLowerCase() + canonical.slice(1) : canonical;
}

/** One cell's text with its aliases replaced; null when nothing in it changes. */
export function normaliseCell(text: string, directory: AgencyDirectory): { after: string; changes: AgencyRewrite["changes"] } | null {
  if (text.trim() === "") return null;
  let out = "";
  let cursor = 0;
  const changes: AgencyRewrite["changes"] = [];
  for (const part of splitAgencies(text, directory)) {
    // The part as the splitter read it must stand in the cell as written, in order; a part it had to rebuild
    // ("Các Cục: A, B" read as "Cục A") is not in the cell and is left alone.
    const at = text.indexOf(part.text, cursor);
    if (at < 0) continue;
    const canonical = part.known ? canonicalOf(part.text, directory) : undefined;
    const to =
      canonical !== undefined && part.kind === "group" && !startsLine(text, at) ? withFirstLetterOf(part.text, canonical) : canonical;
    if (to !== undefined && canonical === part.name && to !== part.text) {
      out += text.slice(cursor, at) + to;
      changes.push({ from: part.text, to });
    } else {
      out += text.slice(cursor, at + part.text.length);
    }
    cursor = at + part.text.length;
  }
  if (changes.length === 0) return null;
  return { after: out + text.slice(cursor), changes };
}

/** The rewrites of the given lead and coordinating cells; pure: nothing is written. */
export function planNormalisation(cells: readonly CellText[], directory: AgencyDirectory): NormalisationPlan {
  const rewrites: AgencyRewrite[] = [];
  const counts = new Map<string, { from: string; to: string; count: number }>();
  for (const cell of cells) {
    const done = normaliseCell(cell.text, directory);
    if (!done || done.after === cell.text) continue;
    rewrites.push({ address: cell.address, before: cell.text, after: done.after, changes: done.changes });
    for (const c of done.changes) {
      const key = `${c.from}\u0000${c.to}`;
      const seen = counts.get(key);
      if (seen) seen.count++;
      else counts.set(key, { ...c, count: 1 });
    }
  }
  const aliases = [...counts.values()].sort((a, b) => b.count - a.count || compareVietnamese(a.from, b.from));
  return { rewrites, aliases };
}
