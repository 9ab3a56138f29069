/**
 * TCVN3 (ABC, ".VnTime"): a TCVN3 cell as it shows without its font, read back as Unicode, and Unicode written the
 * way such a cell shows.
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
import { isVietnameseSyllable, LETTER, TONE_MARKS, VOWEL_CHARS } from "./syllable";
import { byteOfCellChar, cellCharOfByte, letterOf, TCVN3_COMBINING, TCVN3_D, TCVN3_LOWER, TCVN3_UPPER, TONES, VOWELS } from "./tables";

type Vowel = (typeof VOWELS)[number];

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

export function decodeTcvn3(text: string): string {
  const pieces = tcvn3Pieces(text);
  for (let i = 0; i < pieces.length; i++) if (pieces[i].kind === "ambiguous") resolveAmbiguous(pieces, i);
  for (let i = 0; i < pieces.length; i++) if (pieces[i].kind === "mark") resolveMark(pieces, i);
  restoreCapitals(pieces);
  return pieces
    .map((p) => p.text)
    .join("")
    .normalize("NFC");
}

export function encodeTcvn3(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += TCVN3_ENCODE.get(ch) ?? ch;
  return out;
}
