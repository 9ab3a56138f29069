/**
 * Abbreviations defined by use in the same table (issue 11), with the forms issue 11 quotes from a real ministry
 * table ("Cục Du lịch Quốc gia Việt Nam" … "Cục DLQGVN") and a real body of the TP.HCM plan that no directory holds,
 * over real task rows of NQ 03/NQ-CP (test/fixtures/real).
 */
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { corpusRows } from "../support/corpus";

const nq03 = corpusRows({ file: "chinhphu_nq03-2025_pl2_nhiem-vu.tsv", origin: "new" });
const task = (n: number, lead: string, coordinating: string) => {
  const r = nq03.find((x) => x[0] === `${n}.`)!.slice();
  r[2] = lead;
  r[3] = coordinating;
  return r;
};

test("'Cục DLQGVN' is the 'Cục Du lịch Quốc gia Việt Nam' the table names, and no unknown agency", () => {
  const c = checkSheet(
    gridFromRows([nq03[3], task(1, "Cục Du lịch Quốc gia Việt Nam", "Bộ Tài chính"), task(2, "Cục DLQGVN", "Văn phòng Bộ")]),
  );
  expect(c.agencies.find((a) => a.name === "Cục Du lịch Quốc gia Việt Nam")?.lead).toBe(2);
  expect(c.issues.filter((i) => i.code === "unknown-agency")).toEqual([]);
});

test("an abbreviation of a body no directory holds joins its full name; only the full name is unknown", () => {
  const c = checkSheet(
    gridFromRows([nq03[3], task(1, "Viện Nghiên cứu phát triển Thành phố", "Sở Tài chính"), task(2, "Sở Tài chính", "Viện NCPTTP")]),
  );
  const viện = c.agencies.find((a) => a.name === "Viện Nghiên cứu phát triển Thành phố");
  expect(viện).toMatchObject({ lead: 1, coordinating: 1 });
  expect(c.issues.filter((i) => i.code === "unknown-agency").map((i) => i.row)).toEqual([2]);
});

test("an all-capital word that abbreviates nothing the table names stays unknown", () => {
  const c = checkSheet(gridFromRows([nq03[3], task(1, "Cục XYZW", "Bộ Tài chính")]));
  expect(c.issues.filter((i) => i.code === "unknown-agency")).toHaveLength(1);
});

test("'Cục CNTT' is the 'Cục Công nghệ thông tin' the table names: an abbreviation the key spells out keeps its letters", () => {
  const c = checkSheet(gridFromRows([nq03[3], task(1, "Cục Công nghệ thông tin", "Bộ Tài chính"), task(2, "Cục CNTT", "Văn phòng Bộ")]));
  expect(c.agencies.find((a) => a.name === "Cục Công nghệ thông tin")?.lead).toBe(2);
  expect(c.agencies.find((a) => a.name === "Cục CNTT")).toBeUndefined();
});
