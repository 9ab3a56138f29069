/**
 * The --json report written in pieces is the very text JSON.stringify(value, null, 2) writes, whatever the value.
 */
import fc from "fast-check";
import { CliIO } from "../../src/cli/io";
import { jsonPieces, writeJson } from "../../src/cli/json-stream";

test("pieces join to JSON.stringify(value, null, 2) for any JSON-like value", () => {
  fc.assert(
    fc.property(
      fc.anything({
        withBoxedValues: true,
        withDate: true,
        withNullPrototype: true,
        withSparseArray: true,
        withObjectString: true,
      }),
      (value) => {
        expect([...jsonPieces(value)].join("")).toBe(JSON.stringify(value, null, 2) ?? "null");
      },
    ),
    { numRuns: 2_000 },
  );
});

test("undefined, functions and symbols are left out of objects and stand as null in arrays", () => {
  const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol("s"), 1], d: { toJSON: () => "x" }, e: {} };
  expect([...jsonPieces(value)].join("")).toBe(JSON.stringify(value, null, 2));
});

test("a large report reaches an output that takes pieces in several pieces, and reads back whole", () => {
  const pieces: string[] = [];
  const io: CliIO = { out: () => undefined, err: () => undefined, write: (t) => pieces.push(t), stderr: process.stderr };
  const report = { version: 1, files: [{ issues: Array.from({ length: 5_000 }, (_, i) => ({ code: "missing-lead", row: i + 3 })) }] };
  writeJson(io, report);
  expect(pieces.length).toBeGreaterThan(3);
  expect(pieces.join("")).toBe(`${JSON.stringify(report, null, 2)}\n`);
});

test("an output without pieces takes the report whole", () => {
  const outs: string[] = [];
  writeJson({ out: (t) => outs.push(t), err: () => undefined, stderr: process.stderr }, { a: [1, 2] });
  expect(outs).toEqual([JSON.stringify({ a: [1, 2] }, null, 2)]);
});
