/**
 * The tokens of one line of a lead or coordinating cell, as the splitter reads them: words with their folded key
 * words (abbreviations expanded), commas, semicolons, "và", brackets with their depth, and punctuation.
 */
import { keyWordsOfWord } from "./directory";
import { foldKey, isPunctuationOnly } from "../sheet/text";

export type TokenKind = "word" | "and" | "comma" | "semi" | "open" | "close" | "punct";

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Parenthesis depth; the brackets themselves count as inside. */
  depth: number;
  /** Folded key words (abbreviations expanded); empty for separators and punctuation. */
  keys: readonly string[];
  /** Starts with an upper-case letter ("Sở", "UBND", "Các"). */
  cap: boolean;
  /** Starts with a lower-case letter. */
  lower: boolean;
}

const TOKEN = /[,;()]|[^\s,;()]+/g;
const STARTS_UPPER = /^[^\p{L}\p{N}]*\p{Lu}/u;
const STARTS_LOWER = /^[^\p{L}\p{N}]*\p{Ll}/u;

export function tokenizeLine(line: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (const m of line.matchAll(TOKEN)) {
    const text = m[0];
    const start = m.index ?? 0;
    const end = start + text.length;
    let kind: TokenKind;
    let keys: readonly string[] = NO_KEYS;
    let at = depth;
    if (text === ",") kind = "comma";
    else if (text === ";") kind = depth > 0 ? "punct" : "semi";
    else if (text === "(") {
      kind = "open";
      at = ++depth;
    } else if (text === ")") {
      kind = "close";
      at = Math.max(depth, 1);
      depth = Math.max(0, depth - 1);
    } else if (isPunctuationOnly(text)) kind = "punct";
    else {
      keys = keyWordsOfWord(text);
      kind = keys.length === 0 && foldKey(text) === "va" ? "and" : "word";
    }
    const word = kind === "word";
    out.push({
      kind,
      text,
      start,
      end,
      depth: at,
      keys,
      cap: word && STARTS_UPPER.test(text),
      lower: word && STARTS_LOWER.test(text),
    });
  }
  return out;
}

const NO_KEYS: readonly string[] = Object.freeze([]);
