/**
 * Every figure of every table of the real-table corpus (test/fixtures/real/truths.json) as the engine reads it:
 * `npm run corpus` prints the shares, this test fails on any figure that regresses.
 */
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { checkCorpusTable, loadTruths, loadWorkbookTruths, scoreTable, workbookTables } from "../support/corpus";

const truths = loadTruths();

test("the corpus holds the new tables and the shared ones, each with its source line", () => {
  expect(truths.filter((t) => t.origin === "new").length).toBeGreaterThanOrEqual(6);
  expect(truths.filter((t) => t.body === "national").length).toBeGreaterThanOrEqual(5);
  expect(truths.length).toBe(new Set(truths.map((t) => t.file)).size);
});

describe.each(truths.map((t) => [t.file, t] as const))("%s", (_file, truth) => {
  const figures = scoreTable(truth, checkCorpusTable(truth));
  const missed = new Set((truth.misses ?? []).map((m) => m.figure));
  test.each(figures.filter((f) => !missed.has(f.name)).map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(f.actual).toBe(f.expected);
  });
  // A figure recorded as still wrong: once it is read right, its entry in `misses` must go.
  for (const name of missed)
    test(`still wrong, as recorded: ${name}`, () => {
      const f = figures.find((x) => x.name === name);
      expect(f).toBeDefined();
      expect(f!.actual).not.toBe(f!.expected);
    });
});

test("the corpus holds .xlsx workbooks, each sheet one of its tables", () => {
  const books = loadWorkbookTruths();
  expect(books.length).toBeGreaterThanOrEqual(2);
  for (const b of books) expect(b.sheets.length).toBeGreaterThanOrEqual(1);
});

// The same tables kept as officers keep them in a workbook, read through the .xlsx reader: the same figures.
describe.each(workbookTables(truths).map(({ truth, grid }) => [truth.file, truth, grid] as const))("%s", (_file, truth, grid) => {
  const figures = scoreTable(truth, checkSheet(grid));
  const missed = new Set((truth.misses ?? []).map((m) => m.figure));
  test.each(figures.filter((f) => !missed.has(f.name)).map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(f.actual).toBe(f.expected);
  });
});
