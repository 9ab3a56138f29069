import fc from "fast-check";
import { compareVietnamese } from "../../src/core/sheet/vietnamese-order";

const icu = new Intl.Collator("vi");
const sign = (n: number) => Math.sign(n);

// Every letter and mark the table knows, in both cases, with characters it does not know mixed in (they go to ICU).
const known = [..."aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệfghiìỉĩíịjklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvwxyỳỷỹýỵz"];
const alphabet = [...known, ...known.map((c) => c.toUpperCase()), ..." _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789"];
const unknown = ["é".normalize("NFD"), "ß", "Ω", "€", "…", "–", "\u00a0", "\n", "中"];

test("sorts as Intl.Collator('vi') does, for texts of the table's characters and for any other", () => {
  const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 8 }).map((cs) => cs.join(""));
  // Two texts that share a start compare past it; drawn from a few characters, they differ late and by little.
  const pair = (chars: string[]) => fc.tuple(text(chars), text(chars), text(chars)).map(([start, a, b]) => [start + a, start + b] as const);
  const few = (chars: string[]) => fc.shuffledSubarray(chars, { minLength: 2, maxLength: 4 }).chain(pair);
  // The same letters with other tones and cases: only the second and third levels tell them apart.
  const toned = (letter: string) => [
    letter,
    ...["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"].map((t) => (letter + t).normalize("NFC")),
  ];
  const variant = (letter: string) =>
    fc.tuple(fc.constantFrom(...toned(letter)), fc.boolean()).map(([c, up]) => (up ? c.toUpperCase() : c));
  const sameLetters = fc
    .array(fc.constantFrom(..."aăâeêioôơuưybđ"), { minLength: 1, maxLength: 5 })
    .chain((letters) => fc.tuple(...[0, 1].map(() => fc.tuple(...letters.map(variant)).map((cs) => cs.join("")))))
    .map(([a, b]) => [a, b] as const);
  fc.assert(
    fc.property(fc.oneof(pair(alphabet), pair([...alphabet, ...unknown]), few(alphabet), sameLetters), ([a, b]) => {
      expect(sign(compareVietnamese(a, b))).toBe(sign(icu.compare(a, b)));
    }),
    { numRuns: 20000 },
  );
});

test("the letters, tones and cases of agency names in Vietnamese order", () => {
  const names = [
    "Sở Y tế",
    "Sở Xây dựng",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Ban Dân tộc",
    "Bộ Công an",
    "Đài PT-TH",
    "UBND tỉnh",
    "Ủy ban MTTQ",
  ];
  expect([...names].sort(compareVietnamese)).toEqual([
    "Ban Dân tộc",
    "Bộ Công an",
    "Đài PT-TH",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Y tế",
    "UBND tỉnh",
    "Ủy ban MTTQ",
  ]);
  expect(["ạ", "á", "ã", "ả", "à", "a"].sort(compareVietnamese)).toEqual(["a", "à", "ả", "ã", "á", "ạ"]);
  expect(["Ba", "ba", "bà"].sort(compareVietnamese)).toEqual(["ba", "Ba", "bà"]);
  expect(["đa", "da", "ea"].sort(compareVietnamese)).toEqual(["da", "đa", "ea"]);
});
