/** Issue 12: section numerals past XXXIX and task numbers of 10,000 or more are read, lone letters stay letters. */
import { parseStt } from "../../src/core/sheet/stt";

test("section numerals up to CCCXCIX", () => {
  for (const [text, value] of [
    ["XL", 40],
    ["XLIV", 44],
    ["LXXXIX", 89],
    ["XCIX", 99],
    ["CXX", 120],
    ["CCCXCIX", 399],
  ] as const)
    expect(parseStt(text)).toMatchObject({ kind: "roman", parts: [value] });
  expect(parseStt("XXXIX")).toMatchObject({ kind: "roman", parts: [39] });
});

test("a lone C or L is a letter section, not 100 or 50", () => {
  expect(parseStt("C").kind).not.toBe("roman");
  expect(parseStt("L").kind).not.toBe("roman");
});

test("task numbers of 10,000 and more", () => {
  expect(parseStt("10000")).toMatchObject({ kind: "number", parts: [10000] });
  expect(parseStt("100000")).toMatchObject({ kind: "number", parts: [100000] });
});
