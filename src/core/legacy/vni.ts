/**
 * VNI (the "VNI-Times" fonts): a VNI cell as it shows without its font, where a toned vowel is a base letter and a
 * mark character after it, read back as Unicode, and Unicode written the way such a cell shows.
 */
import { letterOf, TONES, VNI_BREVE_MARKS, VNI_CIRCUMFLEX_MARKS, VNI_I, VNI_SINGLE, VNI_TONE_MARKS, VOWELS } from "./tables";

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

export function decodeVni(text: string): string {
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

export function encodeVni(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}
