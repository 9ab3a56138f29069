/**
 * The nearest directory names to an unknown one, for suggestions: edit distance on folded keys, bounded so most
 * entries are ruled out cheaply, aware of names cut short and of abbreviations by initials, and kept only when the
 * words after the head word are alike (suggestion-similarity.ts).
 */
import { foldKey } from "../sheet/text";
import { agencyKey, keyWordsOfWord, WORD_SPLIT } from "./agency-keys";
import { AgencyEntry } from "./directory-schema";
import { keySimilarity, SUGGESTION_SIMILARITY } from "./suggestion-similarity";
import { compareVietnamese } from "../sheet/vietnamese-order";

export interface IndexedEntry {
  entry: AgencyEntry;
  keys: string[];
  counts: Int16Array[];
  /** First letters of the key words: "Sở TC" and "Sở Tài chính" both give "stc". */
  initials: string;
}

export function initialsOf(key: string): string {
  return key
    .split(" ")
    .map((w) => w[0])
    .join("");
}

/** Initials of a written name, keeping an upper-case abbreviation whole: "Sở TC" → "stc". */
function writtenInitials(name: string): { initials: string; hasAbbreviation: boolean } {
  let initials = "";
  let hasAbbreviation = false;
  for (const w of name.split(WORD_SPLIT)) {
    if (w === "") continue;
    const letters = w.replace(/[^\p{L}\p{N}]/gu, "");
    if (letters.length >= 2 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters)) {
      hasAbbreviation = true;
      initials += foldKey(letters);
    } else {
      const key = keyWordsOfWord(w);
      for (const k of key) initials += k[0];
    }
  }
  return { initials, hasAbbreviation };
}

/**
 * Edit distance, giving up (returning bound + 1) as soon as it must exceed `bound`: suggestions only care
 * about near names, and most entries are far from any given query. Only the diagonal band of width
 * 2·bound + 1 can hold a distance within the bound, so only that band is computed.
 */
export function boundedDistance(a: string, b: string, bound: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > bound) return bound + 1;
  const over = bound + 1;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= bound ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(m, i + bound);
    cur[0] = i <= bound ? i : over;
    if (from > 1) cur[from - 1] = over;
    let rowMin = from === 1 ? cur[0] : over;
    const ac = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = ac === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev[j - 1] + cost;
      const up = j <= i - 1 + bound ? prev[j] + 1 : over;
      if (up < v) v = up;
      const left = cur[j - 1] + 1;
      if (left < v) v = left;
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < m) cur[to + 1] = over;
    if (rowMin > bound) return over;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m], over);
}

/** Letter and digit counts of a key: their difference bounds the edit distance from below, cheaply. */
export function letterCounts(key: string): Int16Array {
  const counts = new Int16Array(37);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 97 && c <= 122) counts[c - 97]++;
    else if (c >= 48 && c <= 57) counts[26 + c - 48]++;
    else counts[36]++;
  }
  return counts;
}

function distanceFloor(a: Int16Array, b: Int16Array): number {
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    if (d > 0) extra += d;
    else missing -= d;
  }
  return Math.max(extra, missing);
}

/** An area word alone ("Thành phố" wrapped onto its own line) names no body: nothing is near enough to suggest. */
const BARE_AREA_WORDS = new Set(["thanh pho", "tinh", "xa", "phuong", "huyen", "quan", "thi xa", "dac khu", "trung uong"]);
/** A name that says it is of the communes ("MTTQ cấp xã", "UBND xã/phường") is never a national or provincial body. */
const COMMUNE_WORDS = /(?:^| )(?:xa|phuong|dac khu)(?: |$)/;

/** The most edits that still make two keys near: two, or two in five letters of the longer. */
function spellingBound(a: string, b: string): number {
  return Math.max(2, Math.floor(0.4 * Math.max(a.length, b.length)));
}

export function nearestNames(name: string, indexed: IndexedEntry[], max: number): string[] {
  const query = agencyKey(name);
  if (query === "" || max <= 0 || BARE_AREA_WORDS.has(query)) return [];
  const ofCommunes = COMMUNE_WORDS.test(query);
  const written = writtenInitials(name);
  const queryCounts = letterCounts(query);
  const best = new Array<number>(indexed.length).fill(Number.POSITIVE_INFINITY);
  const prefixed = new Array<boolean>(indexed.length).fill(false);
  const candidates: { entry: number; key: string; floor: number }[] = [];
  indexed.forEach(({ entry, keys, counts, initials }, e) => {
    // Groups are never unknown, so they are never what an unknown agency meant.
    if (entry.kind === "group") return;
    if (written.hasAbbreviation && written.initials === initials) best[e] = 0.5;
    keys.forEach((key, k) => {
      // A name cut short, or written with something after it, is near the full name.
      const [shorter, longer] = query.length <= key.length ? [query, key] : [key, query];
      if (longer.startsWith(`${shorter} `) && shorter.includes(" ")) {
        best[e] = Math.min(best[e], 1 + (longer.length - shorter.length) / 8);
        prefixed[e] = true;
      }
      // A length so far from the query's is beyond any bound the loop below allows (the floor is at least the
      // difference): only the prefix rule above can bring such a key near.
      if (Math.abs(query.length - key.length) > spellingBound(query, key)) return;
      candidates.push({ entry: e, key, floor: distanceFloor(queryCounts, counts[k]) });
    });
  });
  // Nearest first, so the bound tightens early and most keys never reach the full distance.
  candidates.sort((a, b) => a.floor - b.floor);
  const worstKept = (): number => {
    const finite = best.filter(Number.isFinite).sort((a, b) => a - b);
    return finite.length >= max ? finite[max - 1] : Number.POSITIVE_INFINITY;
  };
  let worst = worstKept();
  for (const c of candidates) {
    if (c.floor > worst) break;
    const bound = Math.min(spellingBound(query, c.key), Math.floor(worst));
    if (c.floor > bound) continue;
    const d = boundedDistance(query, c.key, bound);
    if (d <= bound && d < best[c.entry]) {
      best[c.entry] = d;
      worst = worstKept();
    }
  }
  // Near in spelling is not enough: the words after the head word must be alike too, or the suggestion misleads.
  const alike = (e: number) =>
    best[e] === 0.5 || prefixed[e] || indexed[e].keys.some((key) => keySimilarity(query, key, boundedDistance) >= SUGGESTION_SIMILARITY);
  const scored = indexed
    .map(({ entry }, e) => ({ name: entry.name, score: best[e], e }))
    .filter((s) => Number.isFinite(s.score) && alike(s.e))
    .filter((s) => !ofCommunes || (indexed[s.e].entry.level !== "national" && indexed[s.e].entry.level !== "province"));
  scored.sort((a, b) => a.score - b.score || compareVietnamese(a.name, b.name));
  const out: string[] = [];
  for (const s of scored) {
    if (out.includes(s.name)) continue;
    out.push(s.name);
    if (out.length >= max) break;
  }
  return out;
}
