/**
 * The seed appendix end to end (issue: "Done means" on seed-001): the figures a person verified by hand.
 */
import * as fs from "fs";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { readWorkbook } from "../../src/xlsx/read";
import { SEED_APPENDIX_XLSX, seedTaskRows } from "../support/fixtures";
import { TaskCheck } from "../../src/core/kinds/tasks/check";

let check: TaskCheck;

beforeAll(async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  expect(wb.sheets).toHaveLength(1);
  check = checkSheet(wb.sheets[0]);
});

test("finds the table below the title rows, with every column mapped", () => {
  const t = check.table!;
  expect(t).not.toBeNull();
  expect(t.header.row).toBe(5);
  expect(t.header.columns).toEqual({ stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 5 });
  expect(t.missingColumns).toEqual([]);
  expect(t.titleText).toContain("CÁC NHIỆM VỤ CỤ THỂ");
});

test("8 sections, 25 tasks, 5 repeated headers; every row gets one kind", () => {
  const t = check.table!;
  const kinds = t.rows.map((r) => r.kind);
  expect(kinds.filter((k) => k === "section")).toHaveLength(8);
  expect(kinds.filter((k) => k === "task")).toHaveLength(25);
  expect(kinds.filter((k) => k === "repeated-header")).toHaveLength(5);
  expect(t.rows).toHaveLength(43 - 5);
  expect(t.sections.map((s) => s.path)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]);
  expect(check.counts).toMatchObject({ sections: 8, tasks: 25 });
});

test("task contents are those of the transcription, in order", () => {
  const expected = seedTaskRows().map((r) => r[1]);
  expect(check.tasks.map((t) => t.row.fields.content)).toEqual(expected);
});

test("exactly one error: missing-stt on the last task", () => {
  const errors = check.issues.filter((i) => i.severity === "error");
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ code: "missing-stt", cell: "A43", row: 43, field: "stt" });
});

test("every timeframe is parsed", () => {
  expect(check.issues.filter((i) => i.code === "unparsed-timeframe")).toEqual([]);
  expect(check.tasks.every((t) => t.timeframe.kind !== "unparsed" && t.timeframe.kind !== "empty")).toBe(true);
});

test("repeated headers are reported once, as info", () => {
  const repeated = check.issues.filter((i) => i.code === "repeated-header");
  expect(repeated).toHaveLength(1);
  expect(repeated[0].severity).toBe("info");
  expect(repeated[0].params.count).toBe(5);
});

test("agency tallies: Sở Ngoại vụ 18 / 7, Công an tỉnh coordinating 4, Học viện Ngoại giao counted once", () => {
  const byName = new Map(check.agencies.map((a) => [a.name, a]));
  expect(byName.get("Sở Ngoại vụ")).toMatchObject({ kind: "agency", lead: 18, coordinating: 7, total: 25, share: 1 });
  expect(byName.get("Công an tỉnh")).toMatchObject({ lead: 0, coordinating: 4 });
  const hocVien = check.agencies.filter((a) => a.name.toLowerCase().startsWith("học viện ngoại giao"));
  expect(hocVien).toHaveLength(1);
  expect(hocVien[0].coordinating).toBe(2);
  expect(check.agencies[0].name).toBe("Sở Ngoại vụ");
});

test("groups are tallied in their own block and never split", () => {
  const groups = check.agencies.filter((a) => a.kind === "group");
  expect(groups.length).toBeGreaterThan(0);
  const names = groups.map((g) => g.name.toLowerCase());
  expect(names).toContain("các sở, ban, ngành và địa phương liên quan");
  // Groups come after every agency.
  const firstGroup = check.agencies.findIndex((a) => a.kind === "group");
  expect(check.agencies.slice(firstGroup).every((a) => a.kind === "group")).toBe(true);
  // No part is a bare fragment of a group's inner enumeration.
  expect(check.agencies.some((a) => /^(ban|ngành|thị xã|thành phố|địa phương)(,|\s*$)/i.test(a.name))).toBe(false);
});

test("lead and coordinating counts add up to the tasks' distinct parts", () => {
  const leadParts = check.tasks.reduce((n, t) => n + new Set(t.leads.map((p) => p.name)).size, 0);
  const coordParts = check.tasks.reduce((n, t) => n + new Set(t.coordinating.map((p) => p.name)).size, 0);
  expect(check.agencies.reduce((n, a) => n + a.lead, 0)).toBe(leadParts);
  expect(check.agencies.reduce((n, a) => n + a.coordinating, 0)).toBe(coordParts);
});
