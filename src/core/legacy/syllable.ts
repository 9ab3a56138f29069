/**
 * Vietnamese syllables: the yardstick for "reads as Vietnamese" when legacy text is detected and converted
 * (SPEC 3.1). A syllable is an initial consonant (phụ âm đầu) and a rhyme (vần), with at most one tone on a vowel
 * the spelling allows.
 */

export const LETTER = /\p{L}/u;

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

export const VOWEL_CHARS = "aăâeêioôơuưy";
const MARKED_VOWELS = "ăâêôơư";
export const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
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
