/**
 * Delegation tables (issue 5): recognition, planned/supplementary, tallies, stated totals and their mismatch.
 */
import * as fs from "fs";
import * as path from "path";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { delegationsSheet } from "../../src/core/kinds/delegations/sheet";
import { sheetView } from "../../src/core/sheet/view";
import { findDelegationHeader } from "../../src/core/kinds/delegations/header";
import { DelegationCheck } from "../../src/core/kinds/delegations/check";
import { parseMemberCount } from "../../src/core/kinds/delegations/delegation";
import { Grid, gridFromRows } from "../../src/core/sheet/grid";
import { issueText } from "../../src/core/issues/text";
import { summarySheets } from "../../src/core/output/summaries";
import { checkAnySheet, checkWorkbook, SheetCheck } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { FIXTURES, realFixtureNames, SEED_APPENDIX_XLSX, SEED_DELEGATIONS_XLSX, tsvGrid } from "../support/fixtures";

interface SeedDelegations {
  statedTotals: { outbound: Record<string, number>; inbound: Record<string, number> };
  outbound: { title: string; header: string[]; rows: string[][] };
  inbound: { title: string; header: string[]; rows: string[][] };
}

const seed: SeedDelegations = JSON.parse(fs.readFileSync(path.join(FIXTURES, "seed", "seed-002-delegations.json"), "utf8"));
const isSection = (r: string[]) => /^[IVX]+$/.test(r[0]);

/** The seed's two appendices as grids laid out like the xlsx: title, blank row, header on row 3. */
function seedGrid(direction: "outbound" | "inbound", rows = seed[direction].rows, name?: string): Grid {
  const part = seed[direction];
  return gridFromRows(
    [[part.title], [], part.header, ...rows],
    name ?? (direction === "outbound" ? "Phụ lục I - Đoàn ra" : "Phụ lục II - Đoàn vào"),
  );
}

function delegationChecks(checks: readonly SheetCheck[]): DelegationCheck[] {
  return checks.filter((c): c is DelegationCheck => c.kind === "delegations");
}

describe("seed 002 workbook", () => {
  let checks: DelegationCheck[];
  beforeAll(async () => {
    const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_DELEGATIONS_XLSX)));
    if (!wb.ok) throw new Error(wb.message);
    const result = checkWorkbook(wb.sheets);
    if (!result.ok) throw new Error("no table");
    checks = delegationChecks(result.checks);
  }, 120_000); // builds workbooks: a busy machine takes more than jest's 5 s

  test("both sheets are delegation tables, directions from their headers", () => {
    expect(checks.map((c) => [c.sheetName, c.direction, c.table.directionBasis])).toEqual([
      ["Phụ lục I - Đoàn ra", "outbound", "header"],
      ["Phụ lục II - Đoàn vào", "inbound", "header"],
    ]);
    expect(checks[0].table.header.row).toBe(3);
    expect(checks[0].table.header.columns).toMatchObject({
      stt: 1,
      name: 2,
      leader: 3,
      members: 4,
      country: 5,
      time: 7,
      planned: 9,
      note: 10,
    });
    expect(checks[0].table.sections.map((s) => [s.row, s.status])).toEqual([
      [4, "planned"],
      [14, "supplementary"],
    ]);
  });

  test("outbound 13 = 9 + 4, inbound 12 = 9 + 3, counted over the workbook", () => {
    expect(checks[0].workbook.counted).toEqual({
      outbound: { total: 13, planned: 9, supplementary: 4 },
      inbound: { total: 12, planned: 9, supplementary: 3 },
    });
    expect(checks[1].workbook.counted).toEqual(checks[0].workbook.counted);
    expect(checks.map((c) => c.counts.delegations)).toEqual([13, 12]);
  });

  test("delegations are read as transcribed, planned by their mark, supplementary by the section and note", () => {
    const expected = seed.outbound.rows.filter((r) => !isSection(r)).map((r) => r[1]);
    expect(checks[0].rows.map((d) => d.row.fields.name)).toEqual(expected);
    expect(checks[0].rows.slice(0, 9).every((d) => d.status === "planned" && d.statusBasis === "mark")).toBe(true);
    expect(checks[0].rows.slice(9).every((d) => d.status === "supplementary" && d.statusBasis === "note")).toBe(true);
  });

  test("members and countries are tallied per direction", () => {
    for (const [i, dir] of (["outbound", "inbound"] as const).entries()) {
      const rows = seed[dir].rows.filter((r) => !isSection(r));
      const tally = checks[i].tallies[dir];
      expect(tally.members).toBe(rows.reduce((n, r) => n + Number(r[3]), 0));
      expect(tally.membersUnknown).toBe(0);
      const china = rows.filter((r) => r[4] === "Trung Quốc");
      expect(tally.countries[0]).toEqual({
        name: "Trung Quốc",
        total: china.length,
        planned: china.filter((r) => r[8] === "x").length,
        supplementary: china.filter((r) => r[8] !== "x").length,
        members: china.reduce((n, r) => n + Number(r[3]), 0),
      });
      expect(tally.countries.reduce((n, c) => n + c.total, 0)).toBe(rows.length);
    }
  });

  test("by quarter of start: Quý I/2025 and Tháng 2/2025 fall in Q1; Thường xuyên is ongoing", () => {
    const out = checks[0].tallies.outbound.periods;
    expect(out).toHaveLength(1);
    expect(out[0].bucket).toBe("2025");
    const quarterOf = (t: string) =>
      /Quý I\//.test(t) || /Tháng [123]\//.test(t)
        ? 0
        : /Quý II\//.test(t) || /Tháng [456]\//.test(t)
          ? 1
          : /Quý III\//.test(t) || /Tháng [789]\//.test(t)
            ? 2
            : 3;
    const expected = [0, 0, 0, 0];
    for (const r of seed.outbound.rows.filter((r) => !isSection(r))) expected[quarterOf(r[6])]++;
    expect(out[0].quarters).toEqual(expected);
    expect(checks[1].tallies.inbound.periods.find((p) => p.bucket === "ongoing")?.delegations).toBe(1);
  });

  test("a clean seed has no issues", () => {
    expect(checks.flatMap((c) => c.issues)).toEqual([]);
  });
});

describe("stated totals against counted ones", () => {
  const stated = seed.statedTotals;

  test("the seed's stated totals match", () => {
    const result = checkWorkbook([seedGrid("outbound"), seedGrid("inbound")], { stated });
    expect(result.ok && result.checks.flatMap((c) => c.issues)).toEqual([]);
  });

  test("one planned outbound row removed: one mismatch, on the outbound sheet, naming total and planned", () => {
    const rows = seed.outbound.rows.filter((r) => r[1] !== seed.outbound.rows[1][1]);
    const result = checkWorkbook([seedGrid("outbound", rows), seedGrid("inbound")], { stated });
    if (!result.ok) throw new Error("no table");
    const all = result.checks.flatMap((c) => c.issues.map((i) => ({ sheet: c.sheetName, ...i })));
    const mismatches = all.filter((i) => i.code === "delegation-total-mismatch");
    expect(mismatches).toHaveLength(1);
    const m = mismatches[0];
    expect(m).toMatchObject({ sheet: "Phụ lục I - Đoàn ra", severity: "error", cell: null, row: null });
    expect(m.params).toMatchObject({
      direction: "outbound",
      figures: "total,planned",
      totalCounted: 12,
      totalStated: 13,
      plannedCounted: 8,
      plannedStated: 9,
    });
    expect(issueText(m, "en")).toBe(
      "Outbound delegations, total: 12 counted, the plan states 13 (off by 1). Outbound delegations, planned: 8 counted, the plan states 9 (off by 1).",
    );
    expect(issueText(m, "vi")).toBe(
      "Tổng số đoàn ra: đếm được 12, kế hoạch ghi 13 (chênh 1). Số đoàn ra trong kế hoạch: đếm được 8, kế hoạch ghi 9 (chênh 1).",
    );
    const outbound = delegationChecks(result.checks)[0];
    expect(outbound.counts.errors).toBe(1);
    expect(outbound.workbook.counted.outbound).toEqual({ total: 12, planned: 8, supplementary: 4 });
  });

  test("a partial statement is compared only where it speaks", () => {
    const result = checkWorkbook([seedGrid("outbound"), seedGrid("inbound")], { stated: { inbound: { supplementary: 5 } } });
    if (!result.ok) throw new Error("no table");
    const mismatches = result.checks.flatMap((c) =>
      c.issues.filter((i) => i.code === "delegation-total-mismatch").map((i) => [c.sheetName, i.params]),
    );
    expect(mismatches).toEqual([
      [
        "Phụ lục II - Đoàn vào",
        expect.objectContaining({ direction: "inbound", figures: "supplementary", counted: 3, stated: 5, diff: 2 }),
      ],
    ]);
  });

  test("a stated direction without a table counts zero, and the issue goes on the first delegation sheet", () => {
    const result = checkWorkbook([seedGrid("outbound")], { stated });
    if (!result.ok) throw new Error("no table");
    const [only] = delegationChecks(result.checks);
    expect(only.workbook.counted.inbound).toEqual({ total: 0, planned: 0, supplementary: 0 });
    const m = only.issues.filter((i) => i.code === "delegation-total-mismatch");
    expect(m.map((i) => i.params.direction)).toEqual(["inbound"]);
  });

  test("the plan's text in the workbook states the totals: read from it without --stated", () => {
    const text = fs.readFileSync(path.join(FIXTURES, "..", "reference", "seeds", "002_3201e24f929b729a.txt"), "utf8");
    const planSheet = gridFromRows(
      text.split("\n").map((l) => [l]),
      "Kế hoạch",
    );
    const rows = seed.inbound.rows.slice(0, -1); // drop the last supplementary inbound delegation
    const result = checkWorkbook([planSheet, seedGrid("outbound"), seedGrid("inbound", rows)]);
    if (!result.ok) throw new Error("no table");
    expect(result.checks.map((c) => c.sheetName)).toEqual(["Phụ lục I - Đoàn ra", "Phụ lục II - Đoàn vào"]);
    const [out, inb] = delegationChecks(result.checks);
    expect(out.workbook.stated).toEqual(seed.statedTotals);
    expect(out.issues).toEqual([]);
    expect(inb.issues.map((i) => [i.code, i.params.figures])).toEqual([["delegation-total-mismatch", "total,supplementary"]]);
  });

  test("what the user states wins over the text, figure by figure", () => {
    const title = "Phụ lục I: KẾ HOẠCH ĐOÀN RA NĂM 2025 (Đoàn ra: 13 đoàn = 09 trong Kế hoạch + 04 đề nghị bổ sung)";
    const grid = gridFromRows([[title], [], seed.outbound.header, ...seed.outbound.rows], "PL1");
    const result = checkWorkbook([grid], { stated: { outbound: { planned: 10 } } });
    if (!result.ok) throw new Error("no table");
    const [c] = delegationChecks(result.checks);
    expect(c.workbook.stated).toEqual({ outbound: { total: 13, planned: 10, supplementary: 4 } });
    expect(c.issues.map((i) => i.params.figures)).toEqual(["planned"]);
  });

  test("--sheet still counts the other direction's sheet for the workbook totals", () => {
    const result = checkWorkbook([seedGrid("outbound"), seedGrid("inbound")], { sheet: "Phụ lục II - Đoàn vào", stated });
    if (!result.ok) throw new Error("no table");
    expect(result.checks).toHaveLength(1);
    const [c] = delegationChecks(result.checks);
    expect(c.workbook.counted.outbound.total).toBe(13);
    expect(c.issues).toEqual([]);
  });
});

describe("the empty forms of Thông tư 25/2025/TT-BGDĐT", () => {
  test("form 1: a delegation table with zero delegations, every expected column found", () => {
    const c = checkAnySheet(tsvGrid("bgddt_tt25-2025_bieu-doan-ra_1.tsv"));
    if (c.kind !== "delegations") throw new Error(`read as ${c.kind}`);
    expect(c.direction).toBe("outbound");
    expect(c.rows).toEqual([]);
    expect(c.table.missingColumns).toEqual([]);
    expect(c.table.header.columns).toMatchObject({ report: 9, planned: 10, note: 11 });
    expect(c.table.rows.map((r) => r.kind)).toEqual(["column-numbers"]);
    expect(c.tallies.outbound.total).toBe(0);
    expect(c.issues).toEqual([]);
  });

  test("form 2 (cost estimate): recognised, no destination or date column, said once each", () => {
    const c = checkAnySheet(tsvGrid("bgddt_tt25-2025_bieu-doan-ra_2.tsv"));
    if (c.kind !== "delegations") throw new Error(`read as ${c.kind}`);
    expect(c.rows).toEqual([]);
    expect(c.table.header.columns).toMatchObject({ stt: 1, name: 2, leader: 3, members: 4, days: 5, purpose: 6 });
    expect(c.issues.map((i) => [i.code, i.field])).toEqual([
      ["missing-column", "country"],
      ["missing-column", "time"],
    ]);
    expect(issueText(c.issues[0], "vi")).toBe("Bảng không có cột nước đến (quốc gia, tổ chức).");
  });

  test("checkSheet, the task checker, does not take them for task tables", () => {
    for (const name of ["bgddt_tt25-2025_bieu-doan-ra_1.tsv", "bgddt_tt25-2025_bieu-doan-ra_2.tsv"]) {
      expect(checkSheet(tsvGrid(name)).table).toBeNull();
    }
  });
});

describe("task tables are never taken for delegation tables", () => {
  test.each(realFixtureNames().filter((n) => !n.startsWith("bgddt_")))("%s", (name) => {
    const grid = tsvGrid(name);
    expect(findDelegationHeader(sheetView(grid)) !== null).toBe(false);
    const c = checkAnySheet(grid);
    expect(c.kind).toBe("tasks");
    expect(c.table === null).toBe(checkSheet(grid).table === null);
  });

  test("the seed appendix", async () => {
    const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
    if (!wb.ok) throw new Error(wb.message);
    const result = checkWorkbook(wb.sheets);
    expect(result.ok && result.checks.map((c) => [c.kind, c.counts.tasks])).toEqual([["tasks", 25]]);
  });
});

describe("planned or supplementary", () => {
  const header = ["TT", "Tên đoàn", "Trưởng đoàn", "Số thành viên", "Quốc gia/Tổ chức", "Thời gian", "Đoàn trong kế hoạch", "Ghi chú"];
  const row = (n: number, mark = "", note = "") => [String(n), `Đoàn số ${n}`, "Giám đốc Sở", "5", "Lào", "Quý II/2025", mark, note];

  test("a blank mark where other rows are marked is not in the plan", () => {
    const c = checkAnySheet(gridFromRows([["KẾ HOẠCH ĐOÀN RA NĂM 2025"], header, row(1, "x"), row(2, ""), row(3, "X")]));
    if (c.kind !== "delegations") throw new Error("not delegations");
    expect(c.rows.map((d) => [d.status, d.statusBasis])).toEqual([
      ["planned", "mark"],
      ["supplementary", "unmarked"],
      ["planned", "mark"],
    ]);
    expect(c.direction).toBe("outbound");
    expect(c.table.directionBasis).toBe("title");
  });

  test("no marks at all: the sections decide, lower-case unnumbered headings included; else in the plan", () => {
    const c = checkAnySheet(
      gridFromRows([header, row(1), ["", "Các đoàn phát sinh", "", "", "", "", "", ""], row(2), row(3, "", "phát sinh")], "Đoàn vào 2025"),
    );
    if (c.kind !== "delegations") throw new Error("not delegations");
    expect(c.direction).toBe("inbound");
    expect(c.table.directionBasis).toBe("sheet");
    expect(c.rows.map((d) => [d.status, d.statusBasis])).toEqual([
      ["planned", "default"],
      ["supplementary", "section"],
      ["supplementary", "note"],
    ]);
  });

  test("one table listing both directions under A. ĐOÀN RA / B. ĐOÀN VÀO", () => {
    const c = checkAnySheet(
      gridFromRows([
        header,
        ["A", "ĐOÀN RA", "", "", "", "", "", ""],
        ["I", "Trong kế hoạch", "", "", "", "", "", ""],
        row(1),
        row(2),
        ["II", "Đề nghị bổ sung", "", "", "", "", "", ""],
        row(1),
        ["B", "ĐOÀN VÀO", "", "", "", "", "", ""],
        ["I", "Trong kế hoạch", "", "", "", "", "", ""],
        row(1),
      ]),
    );
    if (c.kind !== "delegations") throw new Error("not delegations");
    expect(c.table.sections.map((s) => s.path)).toEqual(["A", "A › I", "A › II", "B", "B › I"]);
    expect(c.tallies.outbound).toMatchObject({ total: 3, planned: 2, supplementary: 1 });
    expect(c.tallies.inbound).toMatchObject({ total: 1, planned: 1, supplementary: 0 });
  });
});

describe("row checks", () => {
  const header = ["STT", "Tên đoàn vào", "Trưởng đoàn", "Số thành viên đoàn", "Quốc gia/Tổ chức", "Thời gian thực hiện"];
  const check = (...rows: string[][]) => {
    const c = checkAnySheet(gridFromRows([["Phụ lục II: KẾ HOẠCH ĐOÀN VÀO NĂM 2025"], header, ...rows]));
    if (c.kind !== "delegations") throw new Error("not delegations");
    return c;
  };

  test("missing fields, a bad member count, an unreadable time, a time before the plan", () => {
    const c = check(
      ["1", "", "Trưởng đoàn", "4", "Lào", "Quý I/2025"],
      ["2", "Đoàn B", "Trưởng đoàn", "", "", ""],
      ["3", "Đoàn C", "Trưởng đoàn", "bốn", "Lào", "sắp tới"],
      ["4", "Đoàn D", "Trưởng đoàn", "0", "Lào", "Quý IV/2023"],
    );
    expect(c.issues.map((i) => [i.code, i.cell, i.field])).toEqual([
      ["missing-delegation-field", "B3", "name"],
      ["missing-delegation-field", "D4", "members"],
      ["missing-delegation-field", "E4", "country"],
      ["missing-delegation-field", "F4", "time"],
      ["invalid-member-count", "D5", "members"],
      ["unparsed-timeframe", "F5", "time"],
      ["invalid-member-count", "D6", "members"],
      ["timeframe-outside-plan", "F6", "time"],
    ]);
    expect(issueText(c.issues[0], "vi")).toBe("Đoàn chưa có tên đoàn.");
    expect(issueText(c.issues[0], "en")).toBe("The delegation has no delegation name.");
    expect(issueText(c.issues[4], "vi")).toBe("Số thành viên “bốn” không phải là số dương.");
    expect(c.tallies.inbound).toMatchObject({ total: 4, members: 4, membersUnknown: 3 });
  });

  test("numbering: a repeated number is an error, a gap a warning; a repeated header is info", () => {
    const c = check(
      ["1", "Đoàn A", "Trưởng đoàn", "4", "Lào", "Quý I/2025"],
      ["1", "Đoàn B", "Trưởng đoàn", "4", "Lào", "Quý I/2025"],
      header,
      ["3", "Đoàn C", "Trưởng đoàn", "4", "Lào", "Quý I/2025"],
    );
    expect(c.issues.map((i) => [i.code, i.row])).toEqual([
      ["duplicate-stt", 4],
      ["repeated-header", 5],
    ]);
    const gap = check(["1", "Đoàn A", "Trưởng đoàn", "4", "Lào", "Quý I/2025"], ["3", "Đoàn C", "Trưởng đoàn", "4", "Lào", "Quý I/2025"]);
    expect(gap.issues.map((i) => [i.code, i.params.prev, i.params.stt])).toEqual([["stt-sequence", "1", "3"]]);
  });

  test("a total line under the table is not a delegation", () => {
    const c = check(["1", "Đoàn A", "Trưởng đoàn", "4", "Lào", "Quý I/2025"], ["", "Tổng cộng", "", "4", "", ""]);
    expect(c.rows.map((d) => d.row.fields.name)).toEqual(["Đoàn A"]);
    expect(c.tallies.inbound.members).toBe(4);
  });

  test("a delegation led by a Trưởng đoàn and named Đoàn công tác is not a repeated header", () => {
    const c = check(["1", "Đoàn công tác", "Trưởng đoàn", "", "", ""]);
    expect(c.rows).toHaveLength(1);
  });

  test.each([
    ["8", "count", 8],
    ["05 người", "count", 5],
    ["Khoảng 10 người", "count", 10],
    ["10 - 15", "range", 15],
    ["0", "invalid", null],
    ["-3", "invalid", null],
    ["2.5", "invalid", null],
    ["năm người", "invalid", null],
    ["", "empty", null],
  ])("member count %p", (text, kind, value) => {
    expect(parseMemberCount(text)).toEqual({ kind, value });
  });
});

describe("the Tổng hợp đoàn sheet", () => {
  test("counted and stated figures per direction, then by country and by quarter", () => {
    const rows = seed.outbound.rows.filter((r) => r[0] !== "4" || r[8] !== ""); // drop supplementary outbound no. 4
    const result = checkWorkbook([seedGrid("outbound", rows), seedGrid("inbound")], { stated: seed.statedTotals });
    if (!result.ok) throw new Error("no table");
    const sheets = summarySheets(
      result.checks.map((check) => ({ file: "seed.xlsx", check })),
      "vi",
    );
    expect(sheets.map((s) => s.name)).toEqual(["Danh sách lỗi", "Tổng hợp đoàn"]);
    const model = sheets[1];
    const values = model.rows.map((r) => r.map((c) => c?.value));
    expect(values[model.headerRow - 1].slice(0, 4)).toEqual(["Loại đoàn", "Tổng số đoàn", "Trong kế hoạch", "Đề nghị bổ sung"]);
    const line = (label: string) => values.find((r) => r[0] === label)!;
    expect(line("Đoàn ra").slice(0, 4)).toEqual(["Đoàn ra", 12, 9, 3]);
    expect(line("Đoàn ra").slice(4, 6)).toEqual([
      seed.outbound.rows.filter((r) => !isSection(r)).reduce((n, r) => n + Number(r[3]), 0) - 4,
      0,
    ]);
    expect(line("Đoàn ra").slice(6)).toEqual([13, 9, 4, "Lệch"]);
    expect(line("Đoàn vào").slice(0, 4)).toEqual(["Đoàn vào", 12, 9, 3]);
    expect(line("Đoàn vào").slice(6)).toEqual([12, 9, 3, "Khớp"]);
    expect(line("Cộng").slice(1, 4)).toEqual([24, 18, 6]);
    const lao = values.find((r) => r[0] === "Đoàn ra" && r[1] === "Lào")!;
    expect(lao.slice(2)).toEqual([1, 0, 1, 4]);
    const issues = sheets[0].rows.map((r) => r.map((c) => c?.value));
    expect(issues.some((r) => r.includes("delegation-total-mismatch"))).toBe(true);
  });

  test("English names, and several files get a file column", () => {
    const a = delegationChecks((checkWorkbook([seedGrid("outbound")]) as { checks: SheetCheck[] }).checks);
    const b = delegationChecks((checkWorkbook([seedGrid("inbound")]) as { checks: SheetCheck[] }).checks);
    const model = delegationsSheet(
      [
        { file: "a.xlsx", check: a[0] },
        { file: "b.xlsx", check: b[0] },
      ],
      "en",
    );
    expect(model.name).toBe("Delegations");
    const values = model.rows.map((r) => r.map((c) => c?.value));
    expect(values[model.headerRow - 1].slice(0, 3)).toEqual(["File", "Direction", "Delegations"]);
    expect(values.filter((r) => r[0] === "a.xlsx").map((r) => r.slice(1, 5))).toEqual([
      ["Outbound", 13, 9, 4],
      ["Inbound", 0, 0, 0],
    ]);
    expect(values.find((r) => r[1] === "Both")?.slice(2, 5)).toEqual([25, 18, 7]);
  });
});
