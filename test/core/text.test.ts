import fc from "fast-check";
import { foldKey, normalizeText, wordKey, wordKeyHash } from "../../src/core/sheet/text";

test("normalizeText: NFC, spaces and non-breaking spaces folded, lines trimmed", () => {
  expect(normalizeText("  Sở\u00a0 Ngoại   vụ ")).toBe("Sở Ngoại vụ");
  expect(normalizeText("Ho\u0301a")).toBe("Hóa");
  expect(normalizeText(" - Sở A \r\n\r\n - Sở B ")).toBe("- Sở A\n- Sở B");
});

test("foldKey ignores case, diacritics and the two tone placements; đ → d", () => {
  expect(foldKey("Sở Văn hoá, Thể thao")).toBe(foldKey("SỞ VĂN HÓA, THỂ THAO"));
  expect(foldKey("Đắk Nông")).toBe("dak nong");
  expect(wordKey("Sở Kế hoạch & Đầu tư;  (KH&ĐT)")).toBe("so ke hoach dau tu kh dt");
});

test("wordKeyHash agrees with wordKey: equal keys hash equal, and no words is -1", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme" }), (s) => {
      expect(wordKeyHash(s) === -1).toBe(wordKey(s) === "");
      const variant = s.toUpperCase().normalize("NFD");
      if (wordKey(variant) === wordKey(s)) expect(wordKeyHash(variant)).toBe(wordKeyHash(s));
    }),
    { numRuns: 2000 },
  );
  expect(wordKeyHash("Tổ chức hội nghị")).not.toBe(wordKeyHash("Tổ chức hội thảo"));
});

test("normalizeText always returns NFC, with or without its fast path", () => {
  const anyChar = fc.integer({ min: 0, max: 0x2100 }).map((c) => String.fromCharCode(c));
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: anyChar })), (s) => {
      const n = normalizeText(s);
      expect(n).toBe(n.normalize("NFC"));
    }),
    { numRuns: 5000 },
  );
});

/** SPEC 3.1 spelled out line by line, with no fast path: what normalizeText must return for every text. */
function normalisedTheLongWay(raw: string): string {
  return raw
    .normalize("NFC")
    .split(/\r\n?|\n|\u2028|\u2029/)
    .map((line) => line.replace(/[ \t\u00a0\u2007\u202f\u3000]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

test("normalizeText's fast path returns what the whole way would", () => {
  // Spaces, line breaks and the characters at the edges of the fast path's class are drawn often on purpose.
  const edges = [" ", "  ", "\t", "\n", "\r", "\u000b", "\u00a0", "\u2000", "\u2028", "\u205f", "\u3000", "\ufeff", "o\u0301", "ộ", "–"];
  const piece = fc.oneof(fc.constantFrom(...edges), fc.string({ unit: "grapheme", maxLength: 3 }), fc.constantFrom("Sở", "Nội vụ", "a"));
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const s = parts.join("");
      expect(normalizeText(s)).toBe(normalisedTheLongWay(s));
    }),
    { numRuns: 5000 },
  );
  expect(normalizeText("\u2000Sở Nội vụ")).toBe("Sở Nội vụ");
});
