/**
 * The agency directory (SPEC 3.2): canonical names of bodies and their aliases, looked up by a folded
 * key that ignores case, diacritics, tone placement, the connector "và", punctuation inside names and the
 * usual abbreviations (UBND, MTTQ, KH&CN …). Users share directories as JSON, so the data is a zod schema.
 */
import { z } from "zod";
import { memoize } from "../memo/memo";
import { foldKey } from "../sheet/text";
import { keySimilarity, SUGGESTION_SIMILARITY } from "./suggestion-similarity";

export const AgencyEntrySchema = z.object({
  name: z.string().trim().min(1, { error: "the name must not be empty" }),
  aliases: z.array(z.string()).default([]),
  kind: z.enum(["agency", "group"]).default("agency"),
  /** Where the body sits: a national body, one of a province, or one of the communes (xã, phường, đặc khu). */
  level: z.enum(["national", "province", "commune"]).optional(),
  /** Free text for people, e.g. the 2025 merger that ended a body. */
  note: z.string().optional(),
});

export const DirectorySchema = z.object({
  version: z.literal(1),
  name: z.string().optional(),
  agencies: z.array(AgencyEntrySchema),
});

export type AgencyEntry = z.infer<typeof AgencyEntrySchema>;
export type DirectoryData = z.infer<typeof DirectorySchema>;
export type AgencyKind = "agency" | "group";

export interface DirectoryMatch {
  name: string;
  kind: AgencyKind;
}

export interface AgencyDirectory {
  readonly data: DirectoryData;
  /** canonical entry for a name/alias (any case/diacritics/tone placement/abbreviation) */
  find(name: string): DirectoryMatch | undefined;
  /** up to `max` nearest canonical names (edit distance on folded keys, prefix/abbreviation aware) */
  suggest(name: string, max?: number): string[];
  /**
   * The entry for an already folded key (see `agencyKey`). `addTinh` allows the bare form of a provincial
   * body ("Công an" for "Công an tỉnh"); callers turn it off when the words after a name are still unread.
   */
  lookupKey(key: string, options?: { addTinh?: boolean }): DirectoryMatch | undefined;
  /** True when some name or alias of the directory begins with these key words (whole words). */
  startsName(key: string): boolean;
  /** The most key words any entry has, plus room for a province name: bounds the splitter's look-ahead. */
  readonly maxKeyWords: number;
}

// ---------------------------------------------------------------------------------------------------------
// Keys

/**
 * Abbreviations written in plans, by their folded letters with "&", "-" and "." removed.
 * "UBND" = Ủy ban nhân dân, "MTTQ" = Mặt trận Tổ quốc, "Sở KH&ĐT" = Sở Kế hoạch và Đầu tư …
 */
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    ubnd: "uy ban nhan dan",
    hdnd: "hoi dong nhan dan",
    ub: "uy ban",
    mttq: "mat tran to quoc",
    mttqvn: "mat tran to quoc viet nam",
    ubmttq: "uy ban mat tran to quoc",
    ubmttqvn: "uy ban mat tran to quoc viet nam",
    vn: "viet nam",
    tp: "thanh pho",
    tphcm: "thanh pho ho chi minh",
    hcm: "ho chi minh",
    tw: "trung uong",
    bch: "bo chi huy",
    chqs: "chi huy quan su",
    bchqs: "bo chi huy quan su",
    bdbp: "bo doi bien phong",
    bql: "ban quan ly",
    kkt: "khu kinh te",
    kcn: "khu cong nghiep",
    kcnc: "khu cong nghe cao",
    ccn: "cum cong nghiep",
    vp: "van phong",
    khdt: "ke hoach dau tu",
    khcn: "khoa hoc cong nghe",
    tttt: "thong tin truyen thong",
    vhttdl: "van hoa the thao du lich",
    vhtt: "van hoa the thao",
    ldtbxh: "lao dong thuong binh xa hoi",
    nnptnt: "nong nghiep phat trien nong thon",
    nnmt: "nong nghiep moi truong",
    tnmt: "tai nguyen moi truong",
    gddt: "giao duc dao tao",
    gtvt: "giao thong van tai",
    dttg: "dan toc ton giao",
    nhnn: "ngan hang nha nuoc",
    kbnn: "kho bac nha nuoc",
    bhxh: "bao hiem xa hoi",
    hlhpn: "hoi lien hiep phu nu",
    lhpn: "lien hiep phu nu",
    ldld: "lien doan lao dong",
    hccb: "hoi cuu chien binh",
    ccb: "cuu chien binh",
    ptth: "phat thanh truyen hinh",
    cds: "chuyen doi so",
    xttm: "xuc tien thuong mai",
    khkt: "khoa hoc ky thuat",
    dbqh: "dai bieu quoc hoi",
    cntt: "cong nghe thong tin",
  }),
);

/** Marks that glue the letters of an abbreviation ("KH&ĐT", "LĐ-TB&XH", "TP.HCM"). */
const ABBREVIATION_GLUE = /[&\-./]/g;
const NOT_ALNUM = /[^a-z0-9]+/;

/** Folded key words of one written word (no spaces): "KH&ĐT" → ke hoach dau tu, "và" → nothing. */
export function keyWordsOfWord(word: string): string[] {
  return wordKeys(word).slice();
}

const wordKeys = memoize((word: string): readonly string[] => Object.freeze(foldWord(word)));

function foldWord(word: string): string[] {
  const folded = foldKey(word);
  if (folded === "va") return [];
  const compact = folded.replace(ABBREVIATION_GLUE, "");
  const whole = ABBREVIATIONS.get(compact);
  if (whole !== undefined) return whole.split(" ");
  const out: string[] = [];
  for (const piece of folded.split(NOT_ALNUM)) {
    if (piece === "" || piece === "va") continue;
    const expanded = ABBREVIATIONS.get(piece);
    if (expanded !== undefined) out.push(...expanded.split(" "));
    else out.push(piece);
  }
  return out;
}

/**
 * True when the written word is the abbreviation of words a name is made of ("CNTT", "KH&ĐT", "TT&TT"), not
 * of a body: it needs a head word ("Phòng CNTT") to name anyone.
 */
export function isWordAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(foldKey(word).replace(ABBREVIATION_GLUE, ""));
}

/**
 * The matching key of a run of key words. A word typed twice ("Sở Sở Công thương") counts once, and
 * "có liên quan" is the same group as "liên quan".
 */
export function keyFromWords(words: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (out.length > 0 && out[out.length - 1] === w) continue;
    if (w === "co" && words[i + 1] === "lien" && words[i + 2] === "quan") continue;
    out.push(w);
  }
  return out.join(" ");
}

const WORD_SPLIT = /[\s,;()]+/;

/** The matching key of a name: "Sở KH&ĐT" and "sở kế hoạch và đầu tư" both give "so ke hoach dau tu". */
export function agencyKey(name: string): string {
  const words: string[] = [];
  for (const w of name.split(WORD_SPLIT)) if (w !== "") words.push(...keyWordsOfWord(w));
  return keyFromWords(words);
}

/**
 * Provinces and centrally-run cities (before and after the 2025 merger). A provincial body is often written
 * with its province ("Công an tỉnh Bình Định", "Báo và Phát thanh, Truyền hình Đồng Nai"); the directory
 * holds it once, ending in "tỉnh".
 */
// prettier-ignore
const PROVINCES = [
  "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
  "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
  "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
  "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
  "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
  "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
  "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang",
  "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
].map((p) => agencyKey(p).split(" "));

/** Province names by their last word, longest first ("thua thien hue" before "hue"). */
const PROVINCES_BY_LAST_WORD = new Map<string, string[][]>();
for (const p of PROVINCES.sort((a, b) => b.length - a.length)) {
  const last = p[p.length - 1];
  PROVINCES_BY_LAST_WORD.set(last, [...(PROVINCES_BY_LAST_WORD.get(last) ?? []), p]);
}

const PROVINCE_LEVEL = new Set(["tinh", "thanh pho"]);

/** "… tỉnh Bình Định", "… Đồng Nai", "… Thành phố" → "… tinh"; undefined when nothing changes. */
function provinceAsTinh(key: string): string | undefined {
  const words = key.split(" ");
  let end = words.length;
  for (const p of PROVINCES_BY_LAST_WORD.get(words[words.length - 1]) ?? []) {
    if (p.length >= words.length) continue;
    let same = true;
    for (let i = 0; i < p.length; i++) {
      if (words[words.length - p.length + i] !== p[i]) {
        same = false;
        break;
      }
    }
    if (same) {
      end = words.length - p.length;
      break;
    }
  }
  if (end < words.length) {
    if (end >= 2 && PROVINCE_LEVEL.has(`${words[end - 2]} ${words[end - 1]}`)) end -= 2;
    else if (end >= 1 && words[end - 1] === "tinh") end -= 1;
  } else if (words.length > 2 && words[end - 2] === "thanh" && words[end - 1] === "pho") {
    end -= 2;
  } else {
    return undefined;
  }
  if (end === 0) return undefined;
  return `${words.slice(0, end).join(" ")} tinh`;
}

// ---------------------------------------------------------------------------------------------------------
// Building and looking up

interface IndexedEntry {
  entry: AgencyEntry;
  keys: string[];
  counts: Int16Array[];
  /** First letters of the key words: "Sở TC" and "Sở Tài chính" both give "stc". */
  initials: string;
}

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

// ---------------------------------------------------------------------------------------------------------
// Suggestions

function initialsOf(key: string): string {
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
function letterCounts(key: string): Int16Array {
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

function nearestNames(name: string, indexed: IndexedEntry[], max: number): string[] {
  const query = agencyKey(name);
  if (query === "" || max <= 0) return [];
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
    const bound = Math.min(Math.max(2, Math.floor(0.4 * Math.max(query.length, c.key.length))), Math.floor(worst));
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
    .filter((s) => Number.isFinite(s.score) && alike(s.e));
  scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, "vi"));
  const out: string[] = [];
  for (const s of scored) {
    if (out.includes(s.name)) continue;
    out.push(s.name);
    if (out.length >= max) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// JSON

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(the whole file)" : out;
}

/** Reads a directory shared as JSON. Never throws: a bad file gives a message naming the bad field. */
export function parseDirectoryJson(text: string): { ok: true; data: DirectoryData } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = DirectorySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : "";
    return { ok: false, error: `${pathText(issue.path)}: ${issue.message}${more}` };
  }
  const clash = firstClash(parsed.data);
  if (clash) return { ok: false, error: clash };
  return { ok: true, data: parsed.data };
}

/** Two entries that one written name would both match make lookups ambiguous: name the second one. */
function firstClash(data: DirectoryData): string | undefined {
  const owner = new Map<string, number>();
  for (let i = 0; i < data.agencies.length; i++) {
    const entry = data.agencies[i];
    const written = [entry.name, ...entry.aliases];
    for (let j = 0; j < written.length; j++) {
      const key = agencyKey(written[j]);
      if (key === "") {
        if (j > 0) return `agencies[${i}].aliases[${j - 1}]: the alias has no letters`;
        continue;
      }
      const first = owner.get(key);
      if (first !== undefined && first !== i) {
        const field = j === 0 ? "name" : `aliases[${j - 1}]`;
        return `agencies[${i}].${field}: “${written[j]}” already names “${data.agencies[first].name}” (agencies[${first}])`;
      }
      owner.set(key, i);
    }
  }
  return undefined;
}

export function directoryToJson(data: DirectoryData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
