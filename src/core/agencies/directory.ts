/**
 * The agency directory (SPEC 3.2): canonical names of bodies and their aliases, looked up by a folded
 * key that ignores case, diacritics, tone placement, the connector "và", punctuation inside names and the
 * usual abbreviations (UBND, MTTQ, KH&CN …) — see agency-keys.ts. Users share directories as JSON
 * (directory-schema.ts, directory-file.ts, directory-json.ts); unknown names get the nearest ones as suggestions (nearest-names.ts).
 */
import { agencyKey, provinceAsTinh } from "./agency-keys";
import { AgencyDirectory, AgencyEntry, DirectoryData, DirectoryMatch } from "./directory-schema";
import { IndexedEntry, initialsOf, letterCounts, nearestNames } from "./nearest-names";

export { AgencyEntrySchema, DirectorySchema } from "./directory-schema";
export type { AgencyDirectory, AgencyEntry, AgencyKind, DirectoryData, DirectoryMatch } from "./directory-schema";
export { agencyKey, isWordAbbreviation, keyFromWords, keyWordsOfWord } from "./agency-keys";
export { boundedDistance } from "./nearest-names";
export { directoryToJson } from "./directory-json";

export function buildDirectory(data: DirectoryData): AgencyDirectory {
  const byKey = new Map<string, AgencyEntry>();
  const indexed: IndexedEntry[] = [];
  let maxKeyWords = 1;
  for (const entry of data.agencies) {
    const keys: string[] = [];
    for (const written of [entry.name, ...entry.aliases]) {
      const key = agencyKey(written);
      if (key === "" || keys.includes(key)) continue;
      keys.push(key);
      // The first entry that claims a key keeps it: a shared directory may repeat an alias by mistake.
      if (!byKey.has(key)) byKey.set(key, entry);
      maxKeyWords = Math.max(maxKeyWords, key.split(" ").length);
    }
    if (keys.length > 0) indexed.push({ entry, keys, counts: keys.map(letterCounts), initials: initialsOf(keys[0]) });
  }

  const matches = new Map<AgencyEntry, DirectoryMatch>();
  for (const e of data.agencies) matches.set(e, Object.freeze({ name: e.name, kind: e.kind }));
  const hit = (key: string): DirectoryMatch | undefined => {
    const e = byKey.get(key);
    return e && matches.get(e);
  };

  // Every run of leading words of every key, so the splitter stops reading ahead once no name can follow.
  const prefixes = new Set<string>();
  for (const key of byKey.keys()) {
    let at = key.indexOf(" ");
    while (at > 0) {
      prefixes.add(key.slice(0, at));
      at = key.indexOf(" ", at + 1);
    }
    prefixes.add(key);
  }

  // The splitter asks about the same few hundred word runs over and over.
  const lookups = new Map<string, DirectoryMatch | null>();
  const lookupKey = (key: string, options?: { addTinh?: boolean }): DirectoryMatch | undefined => {
    if (key === "") return undefined;
    const addTinh = options?.addTinh ?? true;
    const memoKey = addTinh ? key : `${key}\u0000`;
    const seen = lookups.get(memoKey);
    if (seen !== undefined) return seen ?? undefined;
    const found = uncachedLookup(key, addTinh);
    if (lookups.size >= LOOKUP_MEMO_LIMIT) lookups.clear();
    lookups.set(memoKey, found ?? null);
    return found;
  };
  const uncachedLookup = (key: string, addTinh: boolean): DirectoryMatch | undefined => {
    const tries = (k: string): DirectoryMatch | undefined => {
      const exact = hit(k);
      if (exact) return exact;
      if (k.endsWith(" tinh")) return hit(k.slice(0, -5));
      return addTinh ? hit(`${k} tinh`) : undefined;
    };
    const direct = tries(key);
    if (direct) return direct;
    const provincial = provinceAsTinh(key);
    return provincial === undefined ? undefined : tries(provincial);
  };

  const suggestions = new Map<string, string[]>();
  const suggest = (name: string, max = 3): string[] => {
    const memoKey = `${max}\u0000${name}`;
    let out = suggestions.get(memoKey);
    if (!out) {
      out = nearestNames(name, indexed, max);
      suggestions.set(memoKey, out);
    }
    return out.slice();
  };

  return {
    data,
    find: (name) => lookupKey(agencyKey(name)),
    suggest,
    lookupKey,
    startsName: (key) => prefixes.has(key),
    maxKeyWords: maxKeyWords + 4,
  };
}

const LOOKUP_MEMO_LIMIT = 100_000;
