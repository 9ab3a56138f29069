/**
 * A workbook typed in TCVN3 gives the same tallies as its Unicode twin once converted, and is flagged, not changed,
 * when conversion is not asked for.
 */
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { Grid } from "../../src/core/sheet/grid";
import { encodeLegacy } from "../../src/core/legacy/encoding";
import { convertLegacyGrid, findLegacyCells } from "../../src/core/legacy/grid";
import * as fs from "fs";
import { readWorkbook } from "../../src/xlsx/read";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

function encodeGrid(grid: Grid, encoding: "tcvn3" | "vni"): Grid {
  return {
    ...grid,
    cells: grid.cells.map((r) => r.map((c) => (typeof c?.value === "string" ? { ...c, value: encodeLegacy(c.value, encoding) } : c))),
  };
}

let seed: Grid;
beforeAll(async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  seed = wb.sheets[0];
});

describe.each(["tcvn3", "vni"] as const)("%s twin of the seed appendix", (encoding) => {
  test("the legacy cells are found without changing the grid", () => {
    const legacy = encodeGrid(seed, encoding);
    const found = findLegacyCells(legacy);
    expect(found.length).toBeGreaterThan(100);
    expect(found.every((c) => c.encoding === encoding)).toBe(true);
    expect(found.find((c) => c.address === "C7")?.converted).toBe("Sở Ngoại vụ");
    // The original grid object is not changed by looking.
    expect(legacy.cells[6][2].value).toBe(encodeLegacy("Sở Ngoại vụ", encoding));
  });

  test("converted, it yields the same agency tally as the Unicode original", () => {
    const legacy = encodeGrid(seed, encoding);
    const converted = convertLegacyGrid(legacy, findLegacyCells(legacy));
    const a = checkSheet(seed);
    const b = checkSheet(converted);
    expect(b.counts).toEqual(a.counts);
    expect(b.agencies.map((x) => [x.name, x.lead, x.coordinating])).toEqual(a.agencies.map((x) => [x.name, x.lead, x.coordinating]));
    expect(legacy.cells[6][2].value).not.toBe("Sở Ngoại vụ"); // input untouched
  });
});

test("plain Unicode text has no legacy cells", () => {
  expect(findLegacyCells(seed)).toEqual([]);
});
