/**
 * Finding agencies by what a person types into the agency picker (issue 16): without diacritics ("so ke hoach"),
 * with them, by abbreviation ("KH&ĐT", "GD&ĐT") or by the start of each word ("so cong th"). Groups (a class of
 * bodies: "Các sở, ban, ngành liên quan") are found apart from the agencies, so the picker offers them as groups.
 */
import { agencyKey } from "./directory";
import type { AgencyDirectory, AgencyKind } from "./directory";
import { wordKey } from "../sheet/text";

export interface AgencyChoice {
  name: string;
  kind: AgencyKind;
  /** The alias the query matched, when it matched an alias and not the name. */
  matched?: string;
}

export interface AgencySearch {
  groups: AgencyChoice[];
  agencies: AgencyChoice[];
  /** How many agencies matched in all (the list holds at most `max`). */
  totalAgencies: number;
  /**
   * Groups and agencies together, best match first; on an equal match a body comes before a group, since a person
   * who types "GD&ĐT" means the Sở more often than the former district offices. What Enter takes.
   */
  best: AgencyChoice[];
}

interface Indexed {
  name: string;
  kind: AgencyKind;
  order: number;
  /** The name, then each alias: folded words, and the directory key (abbreviations expanded). */
  forms: Array<{ written: string; words: string[]; key: string }>;
}

const indexMemo = new WeakMap<AgencyDirectory, Indexed[]>();

function indexOf(directory: AgencyDirectory): Indexed[] {
  let index = indexMemo.get(directory);
  if (!index) {
    const seen = new Set<string>();
    index = [];
    for (const entry of directory.data.agencies) {
      if (seen.has(entry.name)) continue;
      seen.add(entry.name);
      const forms = [entry.name, ...entry.aliases].map((written) => ({
        written,
        words: wordKey(written).split(" "),
        key: agencyKey(written),
      }));
      index.push({ name: entry.name, kind: entry.kind, order: index.length, forms });
    }
    indexMemo.set(directory, index);
  }
  return index;
}

/** Every query word starts a word of the form, in order: "so ke hoach" in "so ke hoach va dau tu". */
function wordsMatch(query: string[], words: string[]): boolean {
  let at = 0;
  for (const q of query) {
    while (at < words.length && !words[at].startsWith(q)) at++;
    if (at === words.length) return false;
    at++;
  }
  return true;
}

/** 0 for a match at the start of the name, 1 inside it, 2 through an alias, 3 through an abbreviation; null for none. */
function rank(item: Indexed, query: string[], queryKey: string): { score: number; matched?: string } | null {
  let best: { score: number; matched?: string } | null = null;
  item.forms.forEach((form, i) => {
    let score: number | null = null;
    if (wordsMatch(query, form.words)) score = form.words[0].startsWith(query[0]) ? 0 : 1;
    else if (queryKey !== "" && (` ${form.key} `.includes(` ${queryKey} `) || wordsMatch(queryKey.split(" "), form.key.split(" "))))
      score = 3;
    if (score === null) return;
    if (i > 0) score = Math.max(score, 2);
    if (!best || score < best.score) best = i > 0 ? { score, matched: form.written } : { score };
  });
  return best;
}

/** The directory's names that match `query`, best first; every group and agency when the query is blank. */
export function searchAgencies(directory: AgencyDirectory, query: string, max = 50): AgencySearch {
  const words = wordKey(query)
    .split(" ")
    .filter((w) => w !== "");
  const queryKey = agencyKey(query);
  const found: Array<{ item: Indexed; score: number; matched?: string }> = [];
  for (const item of indexOf(directory)) {
    if (words.length === 0) {
      found.push({ item, score: 0 });
      continue;
    }
    const r = rank(item, words, queryKey);
    if (r) found.push({ item, ...r });
  }
  found.sort((a, b) => a.score - b.score || a.item.order - b.item.order);
  const choice = (f: (typeof found)[number]): AgencyChoice =>
    f.matched === undefined ? { name: f.item.name, kind: f.item.kind } : { name: f.item.name, kind: f.item.kind, matched: f.matched };
  const groups = found.filter((f) => f.item.kind === "group").map(choice);
  const agencies = found.filter((f) => f.item.kind === "agency");
  const kindOrder = (f: (typeof found)[number]) => (f.item.kind === "agency" ? 0 : 1);
  const best = [...found].sort((a, b) => a.score - b.score || kindOrder(a) - kindOrder(b) || a.item.order - b.item.order);
  return { groups, agencies: agencies.slice(0, max).map(choice), totalAgencies: agencies.length, best: best.slice(0, max).map(choice) };
}
