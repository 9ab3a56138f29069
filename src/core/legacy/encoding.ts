/**
 * Legacy Vietnamese encodings (SPEC 3.1). Provincial files typed with the TCVN3 (ABC, ".VnTime") or
 * VNI fonts lose their font when copied, and the cell then shows each legacy byte as its
 * Windows-1252 character: "Sở Ngoại vụ" reads "Së Ngo¹i vô" (TCVN3) or "Sôû Ngoaïi vuï" (VNI).
 * This module recognises such text and gives its Unicode reading; it never converts on its own.
 *
 * Choices the standards leave open:
 * - TCVN3 capitals. VN3 has no toned capitals; documents wrote them with the lower-case codes in the
 *   ".VnTimeH" font, so the cell says "HO¹CH" for "HOẠCH". A lower-case code is read as a capital when
 *   its word has no lower-case letter and either two capitals or a capital after the code ("ñY" →
 *   "ỦY"), or when its line has no lower-case letter and has such a word ("KÕ HO¹CH" → "KẾ HOẠCH").
 *   Otherwise it stays lower case: "Së" → "Sở" (not "SỞ"), "ñy ban" → "ủy ban" (the bytes of the
 *   regular font say so; such files wrote "Uû ban"), and a lone "¸" is "á". The VN1 toned capitals
 *   (glibc's TCVN5712-1) are read too, and `encodeLegacy` writes them, so that encoding is exact.
 * - VN1 puts capitals at 0x80–0x9F, which Windows-1252 shows as quotes, dashes, "…" and "•". Real VN3
 *   files use those bytes as that punctuation, so such a character counts as a letter only where it
 *   completes a Vietnamese syllable with the letters around it ("HO„CH"), never beside spaces or digits.
 * - The combining tone bytes 0xB0–0xB4 ("°±²³´") join the vowel before them only when that makes a
 *   syllable, so "m²" and "30°C" survive.
 */
import {
  COMMON_SYLLABLES,
  TCVN3_COMBINING,
  TCVN3_D,
  TCVN3_LOWER,
  TCVN3_UPPER,
  TONES,
  VNI_BREVE_MARKS,
  VNI_CIRCUMFLEX_MARKS,
  VNI_I,
  VNI_SINGLE,
  VNI_TONE_MARKS,
  VOWELS,
  byteOfCellChar,
  cellCharOfByte,
} from "./tables";

export type LegacyEncoding = "tcvn3" | "vni";

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /** 0..1: how much better the converted text reads as Vietnamese, and on how many words. */
  confidence: number;
  converted: string;
}

type Vowel = (typeof VOWELS)[number];

function letterOf(vowel: string, tone: number): string {
  return (vowel + TONES[tone]).normalize("NFC");
}

/* ------------------------------------------------------------------------------------------------ */
/* Vietnamese syllables: the yardstick for "reads as Vietnamese".                                    */
/* ------------------------------------------------------------------------------------------------ */

/** Phụ âm đầu (initial consonants), longest first; "" for syllables that open on a vowel. */
const INITIALS = [..."ngh ch gh gi kh ng nh ph qu th tr b c d đ g h k l m n p r s t v x".split(" "), ""];

/** Vần (rhyme) = vowel nucleus + final; the finals each nucleus takes. */
const FINALS_OF_NUCLEUS: Record<string, string[]> = {
  a: ["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "u", "y"],
  // "ăk" only in Central Highlands names (Đắk Lắk, Đắk Nông), which provincial files are full of.
  ă: ["c", "k", "m", "n", "ng", "p", "t"],
  â: ["c", "m", "n", "ng", "p", "t", "u", "y"],
  e: ["", "c", "ch", "m", "n", "ng", "o", "p", "t"],
  ê: ["", "ch", "m", "n", "nh", "p", "t", "u"],
  i: ["", "a", "ch", "m", "n", "nh", "p", "t", "u"],
  o: ["", "c", "i", "m", "n", "ng", "p", "t"],
  oo: ["c", "ng"],
  ô: ["", "c", "i", "m", "n", "ng", "p", "t"],
  ơ: ["", "i", "m", "n", "p", "t"],
  u: ["", "a", "c", "i", "m", "n", "ng", "p", "t"],
  ư: ["", "a", "c", "i", "m", "n", "ng", "t", "u"],
  y: [""],
  iê: ["c", "m", "n", "ng", "p", "t", "u"],
  yê: ["m", "n", "ng", "t", "u"],
  uô: ["c", "i", "m", "n", "ng", "t"],
  ươ: ["c", "i", "m", "n", "ng", "p", "t", "u"],
  oa: ["", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "y"],
  oă: ["c", "m", "n", "ng", "t"],
  oe: ["", "n", "o", "t"],
  uâ: ["n", "ng", "t", "y"],
  uê: ["", "ch", "n", "nh"],
  uơ: [""],
  uy: ["", "a", "ch", "n", "nh", "p", "t", "u"],
  uyê: ["n", "t"],
};

const RHYMES = new Set<string>();
for (const [nucleus, finals] of Object.entries(FINALS_OF_NUCLEUS)) {
  for (const final of finals) RHYMES.add(nucleus + final);
}

const VOWEL_CHARS = "aăâeêioôơuưy";
const MARKED_VOWELS = "ăâêôơư";
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const STOP_FINAL = /(c|ch|k|p|t)$/;
const BASE_LETTERS = /^[a-zđăâêôơư]+$/;
const FRONT_VOWEL_START = /^[ieêy]/;

/** Where the tone may sit in a rhyme: both "hoá" and "hóa" are accepted, as SPEC 3.1 asks. */
function toneSlots(rhyme: string): number[] {
  let cluster = 0;
  while (cluster < rhyme.length && VOWEL_CHARS.includes(rhyme[cluster])) cluster++;
  const vowels = rhyme.slice(0, cluster);
  for (let i = vowels.length - 1; i >= 0; i--) if (MARKED_VOWELS.includes(vowels[i])) return [i];
  if (cluster < rhyme.length) return [cluster - 1];
  if (vowels.length === 1) return [0];
  if (vowels.length === 2) return vowels === "oa" || vowels === "oe" || vowels === "uy" ? [0, 1] : [0];
  return [1];
}

function spellingAllows(initial: string, rhyme: string): boolean {
  const front = FRONT_VOWEL_START.test(rhyme);
  switch (initial) {
    case "c":
      return !front;
    case "k":
      return front;
    case "gh":
    case "ngh":
      return /^[ieê]/.test(rhyme);
    case "ng":
      return !front;
    case "g":
      return !/^[eê]/.test(rhyme);
    case "qu":
      // The u of qu is already the glide: no second glide (quoa, quua).
      return !/^[uo]/.test(rhyme);
    default:
      return true;
  }
}

/**
 * True when `word` is one well-formed Vietnamese syllable: known initial and rhyme, at most one tone,
 * on an allowed vowel, stop finals only with sắc/nặng, and lower, Title or UPPER case.
 */
export function isVietnameseSyllable(word: string): boolean {
  if (word === "") return false;
  const lower = word.toLowerCase();
  if (word !== lower && word !== word.toUpperCase()) {
    const first = word.charAt(0);
    if (word !== first.toUpperCase() + word.slice(1).toLowerCase()) return false;
  }
  const decomposed = lower.normalize("NFD");
  let tone = "";
  let toneAfter = -1; // index, in the toneless base, of the letter carrying the tone
  let toneless = "";
  for (const ch of decomposed) {
    if (TONE_MARKS.test(ch)) {
      if (tone !== "") return false;
      tone = ch;
      toneAfter = toneless.normalize("NFC").length - 1;
    } else toneless += ch;
  }
  const base = toneless.normalize("NFC");
  if (!BASE_LETTERS.test(base)) return false;
  for (const initial of INITIALS) {
    if (!base.startsWith(initial)) continue;
    const rhyme = base.slice(initial.length);
    if (!RHYMES.has(rhyme) || !spellingAllows(initial, rhyme)) continue;
    if (tone !== "" && !toneSlots(rhyme).includes(toneAfter - initial.length)) continue;
    if (STOP_FINAL.test(rhyme) && tone !== "\u0301" && tone !== "\u0323") continue;
    return true;
  }
  return false;
}

/* ------------------------------------------------------------------------------------------------ */
/* TCVN3                                                                                             */
/* ------------------------------------------------------------------------------------------------ */

interface Tcvn3Code {
  letter: string;
  /** A lower-case code, which the ".VnTimeH" font also used for the capital. */
  caseless: boolean;
}

const TCVN3_DECODE = new Map<number, Tcvn3Code>();
const TCVN3_ENCODE = new Map<string, string>();

function addTcvn3(letter: string, byte: number, caseless: boolean): void {
  TCVN3_DECODE.set(byte, { letter, caseless });
  TCVN3_ENCODE.set(letter, cellCharOfByte(byte));
}

for (const vowel of VOWELS) {
  for (let tone = 0; tone < TONES.length; tone++) {
    const lower = letterOf(vowel, tone);
    const lowByte = TCVN3_LOWER[vowel as Vowel][tone];
    const upByte = TCVN3_UPPER[vowel as Vowel][tone];
    // Plain ASCII vowels are themselves in every encoding.
    if (lowByte >= 0x80) addTcvn3(lower, lowByte, true);
    if (upByte >= 0x80 || upByte < 0x20) addTcvn3(lower.toUpperCase(), upByte, false);
  }
}
addTcvn3("đ", TCVN3_D.lower, true);
addTcvn3("Đ", TCVN3_D.upper, false);

/** Windows-1252 punctuation that VN1 reuses for capitals: a letter only inside a syllable. */
const PUNCTUATION_LIKE = new Set(Array.from("€‚„…‘’“”•–—"));

type PieceKind = "plain" | "letter" | "ambiguous" | "mark";

interface Piece {
  text: string;
  kind: PieceKind;
  caseless: boolean;
  /** The legacy reading, for pieces whose kind is still undecided. */
  legacy: string;
}

const LETTER = /\p{L}/u;

function isLetterPiece(piece: Piece): boolean {
  return (piece.kind === "letter" || piece.kind === "plain") && LETTER.test(piece.text);
}

function tcvn3Pieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const byte = byteOfCellChar(code);
    const mark = TCVN3_COMBINING[byte];
    const hit = byte >= 0 && (byte >= 0x80 || byte < 0x20) ? TCVN3_DECODE.get(byte) : undefined;
    if (mark !== undefined && code === byte) {
      pieces.push({ text: ch, kind: "mark", caseless: false, legacy: mark });
    } else if (hit === undefined) {
      pieces.push({ text: ch, kind: "plain", caseless: false, legacy: ch });
    } else if (PUNCTUATION_LIKE.has(ch)) {
      pieces.push({ text: ch, kind: "ambiguous", caseless: false, legacy: hit.letter });
    } else {
      pieces.push({ text: hit.letter, kind: "letter", caseless: hit.caseless, legacy: hit.letter });
    }
  }
  return pieces;
}

function letterRun(pieces: Piece[], from: number, step: 1 | -1): string {
  let run = "";
  for (let i = from; i >= 0 && i < pieces.length && isLetterPiece(pieces[i]); i += step) {
    run = step === 1 ? run + pieces[i].text : pieces[i].text + run;
  }
  return run;
}

/** A punctuation-looking VN1 capital is a letter when it turns its neighbours into a syllable. */
function resolveAmbiguous(pieces: Piece[], i: number): void {
  const piece = pieces[i];
  const left = letterRun(pieces, i - 1, -1);
  const right = letterRun(pieces, i + 1, 1);
  const joined = (left + piece.legacy + right).normalize("NFC");
  let letter: boolean;
  if (left === "" && right === "") letter = false;
  else if (left !== "" && right !== "") letter = isVietnameseSyllable(joined.toLowerCase());
  else letter = isVietnameseSyllable(joined.toLowerCase()) && !isVietnameseSyllable((left + right).toLowerCase());
  pieces[i] = letter ? { ...piece, text: piece.legacy, kind: "letter" } : { ...piece, kind: "plain" };
}

/** A combining tone byte joins the vowel before it only when the result is a syllable. */
function resolveMark(pieces: Piece[], i: number): void {
  const piece = pieces[i];
  const left = letterRun(pieces, i - 1, -1);
  const right = letterRun(pieces, i + 1, 1);
  const lastLetter = left.slice(-1).toLowerCase().normalize("NFD");
  const joins =
    left !== "" &&
    VOWEL_CHARS.includes(lastLetter.charAt(0)) &&
    !TONE_MARKS.test(lastLetter) &&
    isVietnameseSyllable((left + piece.legacy + right).normalize("NFC").toLowerCase());
  pieces[i] = joins ? { ...piece, text: piece.legacy, kind: "letter" } : { ...piece, kind: "plain" };
}

interface WordCase {
  start: number;
  end: number;
  upper: number;
  lower: number;
  caseless: number;
  /** A capital follows a lower-case code ("ñY"): nobody writes "ủY", so it was "ỦY". */
  capitalAfterCaseless: boolean;
}

function wordsOfLine(pieces: Piece[], from: number, to: number): WordCase[] {
  const words: WordCase[] = [];
  let current: WordCase | null = null;
  for (let i = from; i < to; i++) {
    const piece = pieces[i];
    if (!isLetterPiece(piece) && !(piece.kind === "letter" && TONE_MARKS.test(piece.text))) {
      current = null;
      continue;
    }
    if (current === null) {
      current = { start: i, end: i + 1, upper: 0, lower: 0, caseless: 0, capitalAfterCaseless: false };
      words.push(current);
    }
    current.end = i + 1;
    if (piece.caseless) current.caseless++;
    else if (piece.text !== piece.text.toLowerCase()) {
      current.upper++;
      if (current.caseless > 0) current.capitalAfterCaseless = true;
    } else if (piece.text !== piece.text.toUpperCase()) current.lower++;
  }
  return words;
}

/** The ".VnTimeH" convention: lower-case codes inside capitals were capitals. */
function restoreCapitals(pieces: Piece[]): void {
  let lineStart = 0;
  for (let i = 0; i <= pieces.length; i++) {
    if (i < pieces.length && pieces[i].text !== "\n") continue;
    const words = wordsOfLine(pieces, lineStart, i);
    const capitalWord = (w: WordCase) => w.caseless > 0 && w.lower === 0 && (w.upper >= 2 || w.capitalAfterCaseless);
    const lineInCapitals = words.some(capitalWord) && words.every((w) => w.lower === 0);
    for (const w of words) {
      if (!(capitalWord(w) || (lineInCapitals && w.lower === 0))) continue;
      for (let j = w.start; j < w.end; j++) {
        if (pieces[j].caseless) pieces[j] = { ...pieces[j], text: pieces[j].text.toUpperCase() };
      }
    }
    lineStart = i + 1;
  }
}

function decodeTcvn3(text: string): string {
  const pieces = tcvn3Pieces(text);
  for (let i = 0; i < pieces.length; i++) if (pieces[i].kind === "ambiguous") resolveAmbiguous(pieces, i);
  for (let i = 0; i < pieces.length; i++) if (pieces[i].kind === "mark") resolveMark(pieces, i);
  restoreCapitals(pieces);
  return pieces
    .map((p) => p.text)
    .join("")
    .normalize("NFC");
}

function encodeTcvn3(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += TCVN3_ENCODE.get(ch) ?? ch;
  return out;
}

/* ------------------------------------------------------------------------------------------------ */
/* VNI                                                                                               */
/* ------------------------------------------------------------------------------------------------ */

interface VniBase {
  vowel: "a" | "e" | "o" | "u" | "y" | "ơ" | "ư";
  upper: boolean;
}

const VNI_BASES = new Map<string, VniBase>();
for (const v of ["a", "e", "o", "u", "y"] as const) {
  VNI_BASES.set(v, { vowel: v, upper: false });
  VNI_BASES.set(v.toUpperCase(), { vowel: v, upper: true });
}
VNI_BASES.set(VNI_SINGLE.ơ.lower, { vowel: "ơ", upper: false });
VNI_BASES.set(VNI_SINGLE.ơ.upper, { vowel: "ơ", upper: true });
VNI_BASES.set(VNI_SINGLE.ư.lower, { vowel: "ư", upper: false });
VNI_BASES.set(VNI_SINGLE.ư.upper, { vowel: "ư", upper: true });

function toneIndex(marks: { lower: readonly string[]; upper: readonly string[] }): Map<string, number> {
  const index = new Map<string, number>();
  marks.lower.forEach((m, tone) => m !== "" && index.set(m, tone));
  marks.upper.forEach((m, tone) => m !== "" && index.set(m, tone));
  return index;
}

const VNI_TONE = toneIndex(VNI_TONE_MARKS);
const VNI_CIRCUMFLEX = toneIndex(VNI_CIRCUMFLEX_MARKS);
const VNI_BREVE = toneIndex(VNI_BREVE_MARKS);
const CIRCUMFLEX_OF: Record<string, string> = { a: "â", e: "ê", o: "ô" };

/** Characters that stand alone for a letter. */
const VNI_ALONE = new Map<string, string>();
VNI_I.lower.forEach((c, tone) => tone > 0 && VNI_ALONE.set(c, letterOf("i", tone)));
VNI_I.upper.forEach((c, tone) => tone > 0 && VNI_ALONE.set(c, letterOf("i", tone).toUpperCase()));
for (const [letter, view] of Object.entries(VNI_SINGLE)) {
  VNI_ALONE.set(view.lower, letter);
  VNI_ALONE.set(view.upper, letter.toUpperCase());
}

function vniLetter(base: VniBase, mark: string | undefined): string | null {
  if (mark === undefined) return null;
  let vowel: string = base.vowel;
  let tone = VNI_TONE.get(mark);
  if (tone === undefined && CIRCUMFLEX_OF[vowel] !== undefined) {
    tone = VNI_CIRCUMFLEX.get(mark);
    if (tone !== undefined) vowel = CIRCUMFLEX_OF[vowel];
  }
  if (tone === undefined && vowel === "a") {
    tone = VNI_BREVE.get(mark);
    if (tone !== undefined) vowel = "ă";
  }
  if (tone === undefined) return null;
  const letter = letterOf(vowel, tone);
  return base.upper ? letter.toUpperCase() : letter;
}

function decodeVni(text: string): string {
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const base = VNI_BASES.get(chars[i]);
    const combined = base === undefined ? null : vniLetter(base, chars[i + 1]);
    if (combined !== null) {
      out += combined;
      i++;
    } else {
      out += VNI_ALONE.get(chars[i]) ?? chars[i];
    }
  }
  return out.normalize("NFC");
}

const VNI_ENCODE = new Map<string, string>();
for (const vowel of VOWELS) {
  for (let tone = 0; tone < TONES.length; tone++) {
    for (const upper of [false, true]) {
      const cased = (s: string) => (upper ? s.toUpperCase() : s);
      const side = upper ? "upper" : "lower";
      let view: string;
      if (vowel === "i") view = VNI_I[side][tone];
      else if (vowel === "y" && tone === 5) view = VNI_SINGLE.ỵ[side];
      else if (vowel === "â" || vowel === "ê" || vowel === "ô") {
        view = cased(vowel.normalize("NFD").charAt(0)) + VNI_CIRCUMFLEX_MARKS[side][tone];
      } else if (vowel === "ă") view = cased("a") + VNI_BREVE_MARKS[side][tone];
      else if (vowel === "ơ" || vowel === "ư") view = VNI_SINGLE[vowel][side] + VNI_TONE_MARKS[side][tone];
      else view = cased(vowel) + VNI_TONE_MARKS[side][tone];
      const letter = cased(letterOf(vowel, tone));
      if (view !== letter) VNI_ENCODE.set(letter, view);
    }
  }
}
VNI_ENCODE.set("đ", VNI_SINGLE.đ.lower);
VNI_ENCODE.set("Đ", VNI_SINGLE.đ.upper);

function encodeVni(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

/* ------------------------------------------------------------------------------------------------ */
/* Public API                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

/** Legacy text as seen in a cell → Unicode NFC. Characters the encoding does not define pass through. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === "tcvn3" ? decodeTcvn3(text) : decodeVni(text);
}

/**
 * Unicode → how the legacy text shows in a cell (Windows-1252 view). TCVN3 toned capitals use the VN1
 * codes, as glibc's TCVN5712-1 does. Characters the encoding cannot hold pass through unchanged.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === "tcvn3" ? encodeTcvn3(text) : encodeVni(text);
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

/**
 * The legacy reading of a cell, or null when the text reads as ordinary Unicode. A text qualifies only
 * if it shows characters of the legacy ranges, has no Vietnamese letter Unicode alone can hold, and
 * its converted form has clearly more well-formed Vietnamese syllables. Never throws.
 */
/** The cheap rejections of detectLegacyEncoding alone: false when the text cannot be legacy-encoded at all. */
export function mayBeLegacy(text: string): boolean {
  return !GENUINE_VIETNAMESE.test(text) && LEGACY_RANGE.test(text);
}

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
