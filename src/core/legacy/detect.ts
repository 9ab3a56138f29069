/**
 * Whether a cell holds legacy TCVN3/VNI text (SPEC 3.1): its converted reading must have clearly more well-formed
 * Vietnamese syllables than the text as it stands. Detection runs on every distinct cell, so the cheap rejections
 * come first.
 */
import { decodeLegacy, LegacyEncoding } from "./encoding";
import { isVietnameseSyllable, LETTER } from "./syllable";
import { COMMON_SYLLABLES } from "./tables";

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /** 0..1: how much better the converted text reads as Vietnamese, and on how many words. */
  confidence: number;
  converted: string;
}

/** Letters no legacy cell can show: their presence proves the text is already Unicode. */
const GENUINE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0303\u0306\u0309\u031b\u0323]/;

/** Every character a legacy byte ≥ 0x80 (or a VN1 control-range capital) can show as. */
const LEGACY_RANGE =
  /[\u0001\u0002\u0004-\u0006\u0011-\u0017\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

const TOKEN_SEPARATORS = /[\s!-\/:-@\[-`{-~]+/;
const EDGE_PUNCTUATION = /^[\u2010-\u205e]+|[\u2010-\u205e]+$/g;
const NON_ASCII = /[^\u0000-\u007f]/;

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
const COMMON = new Set(COMMON_SYLLABLES);
/** Đ is the only consonant outside ASCII, so abbreviations built from initials carry it: HĐND, QĐ, KH&ĐT. */
const D_ABBREVIATION = /^(?=.*Đ)(?=.*[A-Z])[A-ZĐ]{2,}$/;
/**
 * "Đ/c" (đồng chí, comrade) before a name, the commonest abbreviation of work schedules. TCVN3 shows it
 * as "§/c", which has no letter to count as a word, so it is counted as garbage on its own.
 */
const DONG_CHI = /(?<!\p{L})Đ\/[cC](?!\p{L})/gu;
const DONG_CHI_TCVN3 = /(?<!\p{L})§\/[cC](?!\p{L})/gu;

interface Reading {
  /** Words with a non-ASCII character that are / are not Vietnamese syllables. */
  markedValid: number;
  markedInvalid: number;
  /** Abbreviations with Đ, in a converted text: as good as a syllable. */
  abbreviations: number;
  /** Valid marked words with a letter no Latin-1 text has (ạ, ơ, đ): a legacy reading cannot fake them. */
  strong: number;
  /** Valid marked words among the frequent syllables. */
  common: number;
  /** Words of two letters or more, not counting capitalised abbreviations (UBND, HĐND). */
  words: number;
  validWords: number;
}

/**
 * Tallies how Vietnamese a text reads. In a converted text a capitalised non-syllable (HĐND, LĐ) is an
 * abbreviation, and a lone "Đ" a letter of one; in the cell as it stands such a word ("H§ND") is garbage.
 */
function read(text: string, converted: boolean): Reading {
  const reading: Reading = {
    markedValid: 0,
    markedInvalid: converted ? 0 : (text.match(DONG_CHI_TCVN3)?.length ?? 0),
    abbreviations: converted ? (text.match(DONG_CHI)?.length ?? 0) : 0,
    strong: 0,
    common: 0,
    words: 0,
    validWords: 0,
  };
  for (const raw of text.split(TOKEN_SEPARATORS)) {
    const token = raw.replace(EDGE_PUNCTUATION, "");
    if (!LETTER.test(token)) continue;
    const valid = isVietnameseSyllable(token);
    const abbreviation = !valid && token.length > 1 && token === token.toUpperCase();
    if (converted && D_ABBREVIATION.test(token)) reading.abbreviations++;
    else if (NON_ASCII.test(token) && !(converted && (abbreviation || token === "Đ"))) {
      if (valid) reading.markedValid++;
      else reading.markedInvalid++;
      if (valid && BEYOND_LATIN1.test(token)) reading.strong++;
      if (valid && COMMON.has(token.toLowerCase())) reading.common++;
    }
    if (abbreviation || token.length < 2) continue;
    reading.words++;
    if (valid) reading.validWords++;
  }
  return reading;
}

const ENCODINGS: readonly LegacyEncoding[] = ["tcvn3", "vni"];

function judge(text: string, before: Reading, encoding: LegacyEncoding): LegacyDetection | null {
  const converted = decodeLegacy(text, encoding);
  if (converted === text) return null;
  const after = read(converted, true);
  const good = after.markedValid + after.abbreviations;
  // Garbage words that became syllables, net: turning "CAFÉ" into another non-word proves nothing.
  const repaired = Math.min(before.markedInvalid - after.markedInvalid, good - before.markedValid);
  if (repaired < 1) return null;
  const markedQuality = good / (good + after.markedInvalid);
  if (markedQuality < 0.6) return null;
  // Foreign words around a few legacy ones ("giải Borneo Cup … tại Kuching") are fine when those few
  // turn into letters only Vietnamese has; a foreign text alone must still read mostly as syllables.
  const overall = after.words === 0 ? 1 : after.validWords / after.words;
  const strong = after.strong + after.abbreviations;
  if (overall < 0.5 && !(strong >= 2 && markedQuality >= 0.75)) return null;
  const evidence = 1 - 0.5 ** (repaired + 1);
  const familiar = 0.8 + (0.2 * (after.common + after.abbreviations)) / good;
  const confidence = markedQuality * evidence * Math.min(1, 0.5 + overall) * familiar;
  return { encoding, confidence: Math.round(confidence * 1000) / 1000, converted };
}

/** The cheap rejections of detectLegacyEncoding alone: false when the text cannot be legacy-encoded at all. */
export function mayBeLegacy(text: string): boolean {
  return !GENUINE_VIETNAMESE.test(text) && LEGACY_RANGE.test(text);
}

/**
 * The legacy reading of a cell, or null when the text reads as ordinary Unicode. A text qualifies only
 * if it shows characters of the legacy ranges, has no Vietnamese letter Unicode alone can hold, and
 * its converted form has clearly more well-formed Vietnamese syllables. Never throws.
 */
export function detectLegacyEncoding(text: string): LegacyDetection | null {
  try {
    if (typeof text !== "string" || text === "") return null;
    // Cheap rejections first: detection runs on every distinct cell.
    if (!mayBeLegacy(text)) return null;
    const before = read(text, false);
    if (before.markedInvalid === 0) return null;
    let best: LegacyDetection | null = null;
    for (const encoding of ENCODINGS) {
      const found = judge(text, before, encoding);
      if (found !== null && (best === null || found.confidence > best.confidence)) best = found;
    }
    return best;
  } catch {
    return null;
  }
}
