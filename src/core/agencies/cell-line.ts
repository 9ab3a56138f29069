/**
 * One line of a lead or coordinating cell read into parts (SPEC 3.2).
 *
 * Commas and "và" both separate agencies and occur inside their names ("Sở Văn hóa, Thể thao và Du lịch"),
 * so a line is read left to right: at the start of a part the longest directory name is taken whole; at a
 * comma or "và" the part ends only when the words after it start a new agency or group (a directory name,
 * a capitalised head word with a name after it, "các …", "UBND …"); a capitalised directory name right after
 * a complete name starts a new part even without a separator ("Sở Khoa học và Công nghệ Sở Công Thương").
 * Nothing inside parentheses splits.
 */
import { AgencyDirectory, AgencyKind, DirectoryMatch, keyFromWords } from "./directory";
import { keyWordsOf } from "./agency-keys";
import { Token, tokenizeLine } from "./cell-tokens";
import { CLASS_NOUNS, GROUP_OPENERS, HEAD_WORDS, LEVEL_GROUPS, LOCAL_LEVELS, NOT_A_ROLE, PROVINCE_WORDS, UBND } from "./agency-words";

export interface AgencyPart {
  /** The part as written: trimmed, without a leading bullet or a trailing "và"/",". */
  text: string;
  /** The canonical directory name when known, else the text with its first letter upper-cased. */
  name: string;
  kind: AgencyKind;
  /** Found in the directory, or a group (groups are never unknown). */
  known: boolean;
  /** Nearest directory names, for unknown agencies only. */
  suggestions: string[];
}

export const LEADING_BULLETS = /^[\s\-–—+•·*●○▪◦►]+/u;
const TRAILING_SEPARATORS = /[\s,;.:\-–—+•]+$/;
const HAS_LETTER = /\p{L}/u;

/** One line of a cell, read into parts (token ranges). */
export class CellLine {
  private readonly toks: Token[];

  constructor(
    private readonly line: string,
    private readonly dir: AgencyDirectory,
  ) {
    this.toks = tokenizeLine(line);
  }

  /** Token ranges [start, end) of the parts of the line. */
  parts(): [number, number][] {
    const out: [number, number][] = [];
    let segStart = 0;
    for (let i = 0; i <= this.toks.length; i++) {
      if (i === this.toks.length || this.toks[i].kind === "semi") {
        this.splitSegment(segStart, i, out);
        segStart = i + 1;
      }
    }
    return out;
  }

  private splitSegment(from: number, to: number, out: [number, number][]): void {
    const t = this.toks;
    let i = from;
    while (i < to) {
      while (i < to && t[i].kind !== "word" && t[i].kind !== "open") i++;
      if (i >= to) break;
      const start = i;
      const matched = this.longestMatchAt(i, to);
      i = matched ? matched.end : i + 1;
      let next = -1;
      while (i < to) {
        const tok = t[i];
        if (tok.depth > 0) {
          i++;
          continue;
        }
        if (tok.kind === "comma" || tok.kind === "and") {
          let r = i + 1;
          while (r < to && (t[r].kind === "comma" || t[r].kind === "and" || t[r].kind === "punct")) r++;
          if (r >= to) {
            i = to;
            break;
          }
          if (this.separates(start, i, r, to)) {
            next = r;
            break;
          }
          i = r;
          continue;
        }
        if (tok.kind === "word" && tok.cap && i > start && t[i - 1].kind === "word" && this.startsWithoutSeparator(start, i, to)) {
          next = i;
          break;
        }
        i++;
      }
      out.push([start, next < 0 ? to : next]);
      if (next < 0) break;
      i = next;
    }
  }

  /** The longest directory name that starts at token `r`, not crossing brackets. */
  private longestMatchAt(r: number, to: number): { end: number; match: DirectoryMatch; words: number } | undefined {
    const t = this.toks;
    if (r >= to || t[r].kind !== "word" || t[r].keys.length === 0 || t[r].depth > 0) return undefined;
    const words: string[] = [];
    let best: { end: number; match: DirectoryMatch; words: number } | undefined;
    let previousKey = "";
    let crossed = false;
    let wordsAtCross = 0;
    let sinceMatch = 0;
    let foldedAcross = false;
    for (let j = r; j < to; j++) {
      const tok = t[j];
      if (tok.kind === "open" || tok.kind === "close" || tok.kind === "semi") break;
      if ((tok.kind === "comma" || tok.kind === "and") && !crossed) {
        crossed = true;
        wordsAtCross = words.length;
      }
      if (tok.kind !== "word" || tok.keys.length === 0) continue;
      words.push(...tok.keys);
      sinceMatch += tok.keys.length;
      if (words.length > this.dir.maxKeyWords) break;
      const key = keyFromWords(words);
      // Read on while a name can still begin here, or a province may still follow a match ("… tỉnh Bình Định").
      if (!this.dir.startsName(key) && (!best || sinceMatch > PROVINCE_WORDS)) break;
      // A word the key folds away (the "tỉnh" of "UBND tỉnh, Tỉnh đoàn") must not stretch the name over it.
      if (key === previousKey) {
        if (crossed && words.length - tok.keys.length === wordsAtCross) foldedAcross = true;
        continue;
      }
      previousKey = key;
      const match = this.dir.lookupKey(key);
      if (!match) continue;
      // The first word past a separator folded into the last one before it: a name only when the directory writes
      // it so ("Văn phòng Đoàn ĐBQH và Hội đồng nhân dân tỉnh"); "Cục Thuế, Thuế tỉnh" is two bodies, not the
      // "Cục Thuế tỉnh".
      if (foldedAcross && !writtenWithWords(this.dir, match.name, words.length)) continue;
      // Past a separator, only a different (longer) name counts: "Ngân hàng Nhà nước Việt Nam, Tỉnh đoàn"
      // must not read as the bank plus a stray "tỉnh".
      if (best && crossed && match.name === best.match.name) continue;
      // Nor a provincial twin of a national name: "Cục Thuế, Tỉnh đoàn" is not "Cục Thuế tỉnh".
      if (best && crossed && words.length - wordsAtCross === 1 && words[wordsAtCross] === "tinh") continue;
      best = { end: j + 1, match, words: words.length };
      crossed = false;
      foldedAcross = false;
      sinceMatch = 0;
    }
    return best;
  }

  /** At a comma or "và" (token `sep`), does the part [start, sep) end, with the next one at `r`? */
  private separates(start: number, sep: number, r: number, to: number): boolean {
    if (this.isLoneHead(start, sep)) return false;
    const leftIsGroup = this.isGroup(start, sep);
    const t = this.toks[r];
    if (t.kind !== "word") return false;
    if (t.keys.length === 1 && GROUP_OPENERS.has(t.keys[0])) return true;
    if (this.phraseAt(r, to, [UBND]) > 0) return true;
    // Lower-case, only a longer name counts: "báo cáo" is not "Báo tỉnh".
    const matched = this.longestMatchAt(r, to);
    if (matched && (t.cap || (!leftIsGroup && matched.words >= 2))) return true;
    const head = this.phraseAt(r, to, HEAD_WORDS);
    if (head > 0 && t.cap) {
      const after = this.toks[r + head];
      if (r + head < to && after.kind === "word" && after.keys.length > 0 && (after.cap || !leftIsGroup)) return true;
    }
    return !leftIsGroup && this.opensGroup(r, to);
  }

  /**
   * A capitalised word with no separator before it starts a new part when what precedes is complete and
   * it begins a directory name ("Sở Khoa học và Công nghệ Sở Công Thương") or a group ("… Các sở, ngành").
   */
  private startsWithoutSeparator(start: number, i: number, to: number): boolean {
    const t = this.toks[i];
    const opensGroup = t.keys.length === 1 && t.keys[0] === "cac";
    if (!opensGroup) {
      if (this.phraseAt(i, to, HEAD_WORDS) === 0) return false;
      const matched = this.longestMatchAt(i, to);
      if (!matched || matched.match.kind !== "agency" || matched.words < 2) return false;
    }
    if (this.isLoneHead(start, i)) return false;
    return this.lookupRange(start, i, false) !== undefined || this.isGroup(start, i) || this.knownPrefix(start, i) !== undefined;
  }

  /** Does a group start at `r` ("sở, ban, ngành …", "cơ quan, địa phương liên quan", "đơn vị liên quan")? */
  private opensGroup(r: number, to: number): boolean {
    const head = this.phraseAt(r, to, HEAD_WORDS) || this.phraseAt(r, to, CLASS_NOUNS);
    if (head === 0) return false;
    const after = r + head < to ? this.toks[r + head] : undefined;
    if (!after || after.kind === "comma") return true;
    return this.phraseAt(r, to, CLASS_NOUNS) > 0 && after.kind === "word" && after.lower && !this.toks[r].cap;
  }

  /** How many tokens a phrase of `list` covers at `r` (0 when none); phrases end on a token boundary. */
  private phraseAt(r: number, to: number, list: string[][]): number {
    const t = this.toks;
    const words: string[] = [];
    const ends: number[] = [];
    for (let j = r; j < to && words.length < 4; j++) {
      if (t[j].kind !== "word" || t[j].keys.length === 0) break;
      words.push(...t[j].keys);
      ends.push(words.length);
    }
    for (const p of list) {
      if (p.length > words.length) continue;
      let same = true;
      for (let k = 0; k < p.length && same; k++) same = words[k] === p[k];
      if (!same) continue;
      const tokens = ends.indexOf(p.length);
      if (tokens >= 0) return tokens + 1;
    }
    return 0;
  }

  private wordsOf(s: number, e: number, outsideBrackets: boolean): string[] {
    const words: string[] = [];
    const base = this.toks[s]?.depth ?? 0;
    for (let j = s; j < e; j++) {
      const tok = this.toks[j];
      if (tok.kind !== "word") continue;
      if (outsideBrackets && tok.depth > base) continue;
      words.push(...tok.keys);
    }
    return words;
  }

  private lookupRange(s: number, e: number, addTinh = true, outsideBrackets = false): DirectoryMatch | undefined {
    return this.dir.lookupKey(keyFromWords(this.wordsOf(s, e, outsideBrackets)), { addTinh });
  }

  /** Only a head word or class noun, as in the enumeration "Sở, ban, ngành" or "Viện, Trường". */
  private isLoneHead(s: number, e: number): boolean {
    const head = this.phraseAt(s, e, HEAD_WORDS) || this.phraseAt(s, e, CLASS_NOUNS);
    if (head === 0) return false;
    for (let j = s + head; j < e; j++) if (this.toks[j].kind !== "punct") return false;
    return this.lookupRange(s, e) === undefined;
  }

  /** Is [s, e) a class of bodies rather than one body? */
  private isGroup(s: number, e: number): boolean {
    const known = this.lookupRange(s, e);
    if (known) return known.kind === "group";
    const t = this.toks;
    // "Ban Chỉ huy Phòng thủ dân sự cấp xã": the body of every commune (or district) is a class of bodies.
    const words = this.wordsOf(s, e, true);
    if (words.length >= 3 && words[words.length - 2] === "cap" && LEVEL_GROUPS.has(words[words.length - 1])) return true;
    const first = t[s];
    if (first.kind !== "word") return false;
    if (first.keys.length === 1 && GROUP_OPENERS.has(first.keys[0])) return true;
    const ubnd = this.phraseAt(s, e, [UBND]);
    if (ubnd > 0) {
      const level = this.phraseAt(s + ubnd, e, LOCAL_LEVELS);
      if (level === 0) return false;
      const levelWord = t[s + ubnd].keys[0];
      if (levelWord === "cac" || levelWord === "cap") return true;
      const after = s + ubnd + level < e ? t[s + ubnd + level] : undefined;
      return !after || after.kind === "comma" || (after.kind === "word" && after.lower);
    }
    const head = this.phraseAt(s, e, HEAD_WORDS) || this.phraseAt(s, e, CLASS_NOUNS);
    if (head === 0) return false;
    const after = s + head < e ? t[s + head] : undefined;
    if (!after || after.kind === "comma") return true;
    if (after.kind !== "word" || !after.lower) return false;
    // "cơ quan chuyên môn", "phòng chuyên môn liên quan": a class noun, or any head word ending in "liên quan".
    return this.phraseAt(s, e, CLASS_NOUNS) > 0 || this.endsWithLienQuan(s, e);
  }

  private endsWithLienQuan(s: number, e: number): boolean {
    const words = this.wordsOf(s, e, true);
    return words.length >= 2 && words[words.length - 2] === "lien" && words[words.length - 1] === "quan";
  }

  /** The part for tokens [s, e): its text as written, and what the directory knows of it. */
  resolve(s: number, e: number): AgencyPart | undefined {
    const t = this.toks;
    while (s < e && t[s].kind !== "word" && t[s].kind !== "open") s++;
    while (e > s && t[e - 1].kind !== "word" && t[e - 1].kind !== "close") e--;
    if (s >= e) return undefined;
    const text = this.line
      .slice(t[s].start, t[e - 1].end)
      .replace(LEADING_BULLETS, "")
      .replace(TRAILING_SEPARATORS, "")
      .trim();
    // A part without a letter ("(4)", "…") names nobody.
    if (!HAS_LETTER.test(text)) return undefined;
    const written = text.charAt(0).toUpperCase() + text.slice(1);

    const known = this.lookupRange(s, e);
    if (known) return { text, name: known.name, kind: known.kind, known: true, suggestions: [] };
    // "Cục Lãnh sự (Bộ Ngoại giao)": the brackets name the parent body.
    if (this.wordsOf(s, e, true).length < this.wordsOf(s, e, false).length) {
      const outside = this.lookupRange(s, e, true, true);
      if (outside && outside.kind === "agency") return { text, name: outside.name, kind: "agency", known: true, suggestions: [] };
    }
    if (this.isGroup(s, e)) return { text, name: written, kind: "group", known: true, suggestions: [] };
    const prefix = this.knownPrefix(s, e);
    if (prefix) return { text, name: prefix.name, kind: "agency", known: true, suggestions: [] };
    // Searched for only when read: a heading is split just to see whether it names a known body.
    const dir = this.dir;
    let suggestions: string[] | undefined;
    return {
      text,
      name: written,
      kind: "agency",
      known: false,
      get suggestions() {
        return (suggestions ??= dir.suggest(text, 3));
      },
    };
  }

  /** A known name followed by lower-case words of its role: "Sở Khoa học và Công nghệ thúc đẩy, theo dõi". */
  private knownPrefix(s: number, e: number): DirectoryMatch | undefined {
    const t = this.toks;
    for (let j = e - 1; j > s; j--) {
      const after = t[j];
      if (after.kind !== "word" || !after.lower || after.depth > 0) continue;
      if (after.keys.length === 0 || NOT_A_ROLE.has(after.keys[0])) continue;
      if (t[j - 1].kind !== "word") continue;
      const match = this.lookupRange(s, j, false);
      if (match && match.kind === "agency") return match;
    }
    return undefined;
  }
}

/** Does the directory write this entry (its name or an alias) in `count` key words, before repeated ones fold? */
function writtenWithWords(dir: AgencyDirectory, name: string, count: number): boolean {
  let counts = wordCounts.get(dir);
  if (!counts) {
    counts = new Map();
    for (const entry of dir.data.agencies) {
      const seen = counts.get(entry.name) ?? [];
      for (const written of [entry.name, ...entry.aliases]) seen.push(keyWordsOf(written).length);
      counts.set(entry.name, seen);
    }
    wordCounts.set(dir, counts);
  }
  return counts.get(name)?.includes(count) ?? false;
}

const wordCounts = new WeakMap<AgencyDirectory, Map<string, number[]>>();
