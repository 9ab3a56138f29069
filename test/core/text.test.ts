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
