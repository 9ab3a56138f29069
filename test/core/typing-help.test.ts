/**
 * The engine side of the typing help (issue 16): finding agencies for the picker, how a table joins names in one
 * cell, the plan of "Chuẩn hóa tên cơ quan", and the readable timeframes offered for one that cannot be read.
 */
import * as fs from "fs";
import fc from "fast-check";
import { detectAgencyJoin, joinAgencyNames } from "../../src/core/agencies/agency-joining";
import { searchAgencies } from "../../src/core/agencies/agency-search";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { buildDirectory } from "../../src/core/agencies/directory";
import { normaliseCell, planNormalisation } from "../../src/core/agencies/normalise";
import { splitAgencies } from "../../src/core/agencies/split";
import { cellAddress } from "../../src/core/sheet/grid";
import { suggestTimeframes } from "../../src/core/timeframe/suggest";
import { parseTimeframe } from "../../src/core/timeframe/timeframe";
import { readWorkbook } from "../../src/xlsx/read";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const dir = defaultDirectory();
const names = (list: Array<{ name: string }>) => list.map((c) => c.name);

describe("searching the directory for the picker", () => {
  it("finds a name typed with or without diacritics, in any case, by the start of its words", () => {
    for (const q of ["ke hoach", "Kế hoạch", "KẾ HOẠCH", "so ke h", "sở kế hoạch và đầu tư"]) {
      expect(names(searchAgencies(dir, q).agencies)[0]).toBe("Sở Kế hoạch và Đầu tư");
    }
    expect(names(searchAgencies(dir, "cong thuong").agencies)).toEqual(expect.arrayContaining(["Sở Công Thương", "Bộ Công Thương"]));
    expect(names(searchAgencies(dir, "so cong th").agencies)).toEqual(["Sở Công Thương"]);
  });

  it("reads abbreviations and names an alias it matched", () => {
    expect(names(searchAgencies(dir, "Sở GD&ĐT").agencies)[0]).toBe("Sở Giáo dục và Đào tạo");
    const mttq = searchAgencies(dir, "UBMTTQ").agencies.find((c) => c.name === "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh");
    expect(mttq?.matched).toBe("UBMTTQ tỉnh");
  });

  it("puts the best match first across groups and agencies, a body before a group on an equal match", () => {
    const found = searchAgencies(dir, "GD&ĐT");
    // The former district offices are a group that matches "GD&ĐT" as well as the Sở does.
    expect(names(found.groups)).toContain("Phòng Giáo dục và Đào tạo các huyện, thành phố");
    expect(names(found.best)[0]).toBe("Sở Giáo dục và Đào tạo");
    // A query that names a group still gets the group first.
    expect(searchAgencies(dir, "cac so ban nganh").best[0].kind).toBe("group");
  });

  it("offers groups apart from agencies, and nothing for a name no entry has", () => {
    const found = searchAgencies(dir, "so ban nganh");
    expect(names(found.groups)).toEqual(expect.arrayContaining(["Các sở, ban, ngành", "Các sở, ban, ngành liên quan"]));
    expect(found.groups.every((g) => g.kind === "group")).toBe(true);
    expect(found.agencies).toEqual([]);
    const none = searchAgencies(dir, "zzqx");
    expect([none.groups, none.agencies, none.totalAgencies]).toEqual([[], [], 0]);
  });

  it("lists at most `max` agencies but counts them all", () => {
    const all = searchAgencies(dir, "", 10);
    const agencies = dir.data.agencies.filter((a) => a.kind === "agency").length;
    expect(all.agencies).toHaveLength(10);
    expect(all.totalAgencies).toBe(agencies);
  });
});

describe("how a table joins names in one cell", () => {
  it("follows the cells with several agencies: semicolons, or one per line with the table's list mark", () => {
    expect(detectAgencyJoin(["Sở Y tế; Sở Tư pháp", "Sở Nội vụ"], dir)).toEqual({ separator: "; ", bullet: "" });
    const lines = detectAgencyJoin(["- Sở Y tế\n- Sở Tư pháp", "- Sở Nội vụ\n- Công an tỉnh", "Sở Y tế; Sở Nội vụ"], dir);
    expect(lines).toEqual({ separator: "\n", bullet: "- " });
    expect(detectAgencyJoin(["Sở Y tế\nSở Tư pháp"], dir)).toEqual({ separator: "\n", bullet: "" });
    // Commas are never the join: they also stand inside names.
    expect(detectAgencyJoin(["Sở Y tế, Sở Tư pháp", ""], dir)).toEqual({ separator: "; ", bullet: "" });
  });

  it("joins the chosen names so the splitter reads them back", () => {
    const chosen = ["Sở Văn hóa, Thể thao và Du lịch", "Sở Kế hoạch và Đầu tư", "Các sở, ban, ngành liên quan"];
    expect(joinAgencyNames(chosen.slice(1, 2).concat("Sở Công Thương"))).toBe("Sở Kế hoạch và Đầu tư; Sở Công Thương");
    for (const join of [undefined, { separator: "\n" as const, bullet: "- " }]) {
      expect(names(splitAgencies(joinAgencyNames(chosen, join), dir))).toEqual(chosen);
    }
  });
});

async function seedAgencyCells(): Promise<Array<{ address: string; text: string }>> {
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!read.ok) throw new Error(read.message);
  const grid = read.sheets[0];
  const out: Array<{ address: string; text: string }> = [];
  grid.cells.forEach((row, r) =>
    [2, 3].forEach((c) => {
      const v = row[c]?.value;
      if (typeof v === "string" && r + grid.originRow > 5)
        out.push({ address: cellAddress(r + grid.originRow, c + grid.originCol), text: v });
    }),
  );
  return out;
}

describe("the plan of “Chuẩn hóa tên cơ quan”", () => {
  it("rewrites aliases and abbreviations to the directory's names, keeping the rest of the cell as typed", () => {
    expect(normaliseCell("Sở KH&ĐT, Sở TT&TT và các cơ quan liên quan", dir)?.after).toBe(
      "Sở Kế hoạch và Đầu tư, Sở Thông tin và Truyền thông và các cơ quan liên quan",
    );
    expect(normaliseCell("- Sở GD&ĐT\n- Sở Y Tế\nĐ/c Nam, 0905 123 456", dir)?.after).toBe(
      "- Sở Giáo dục và Đào tạo\n- Sở Y tế\nĐ/c Nam, 0905 123 456",
    );
    expect(normaliseCell("Các Sở, ban, ngành có liên quan", dir)?.after).toBe("Các sở, ban, ngành liên quan");
  });

  it("never touches an unknown name, a role after a name, a parent in brackets or a province spelled out", () => {
    for (const text of [
      "Sở Tư pháp thẩm định",
      "Cục Lãnh sự (Bộ Ngoại giao)",
      "Công an tỉnh Bình Định",
      "Hội Doanh nhân Ba Lan",
      "Sở Ngoại vụ",
      "",
    ]) {
      expect(normaliseCell(text, dir)).toBeNull();
    }
    expect(normaliseCell("Hội Doanh nhân Ba Lan; Sở KH&ĐT", dir)?.after).toBe("Hội Doanh nhân Ba Lan; Sở Kế hoạch và Đầu tư");
  });

  it("counts each alias on the seed appendix, and leaves nothing to do once applied", async () => {
    const cells = await seedAgencyCells();
    const plan = planNormalisation(cells, dir);
    expect(plan.rewrites.map((r) => r.address)).toEqual(expect.arrayContaining(["C36", "D19", "D40", "D41"]));
    const counted = plan.aliases.reduce((n, a) => n + a.count, 0);
    expect(counted).toBe(plan.rewrites.reduce((n, r) => n + r.changes.length, 0));
    expect(plan.aliases).toContainEqual({ from: "Học Viện Ngoại giao", to: "Học viện Ngoại giao", count: 2 });
    const after = cells.map((c) => ({ ...c, text: plan.rewrites.find((r) => r.address === c.address)?.after ?? c.text }));
    expect(planNormalisation(after, dir).rewrites).toEqual([]);
    // What the cells name is unchanged: the same agencies and groups, now canonical.
    for (const c of cells)
      expect(names(splitAgencies(after.find((a) => a.address === c.address)!.text, dir))).toEqual(names(splitAgencies(c.text, dir)));
  });

  it("follows a workbook's own directory", () => {
    const own = buildDirectory({ version: 1, agencies: [{ name: "Sở Ngoại vụ", aliases: ["SNV"], kind: "agency" }] });
    expect(normaliseCell("SNV; Sở KH&ĐT", own)?.after).toBe("Sở Ngoại vụ; Sở KH&ĐT");
  });
});

describe("readable timeframes for one that cannot be read", () => {
  const context = { plan: { startYear: 2026, endYear: 2030 }, nearbyYears: [2026, 2027, 2026] };

  it("keeps what the text says and mends the year from the text, the rows around or the plan", () => {
    expect(suggestTimeframes("Quý IV/20266", {})[0]).toBe("Quý IV/2026");
    expect(suggestTimeframes("IV/2026", context)[0]).toBe("Quý IV/2026");
    expect(suggestTimeframes("Quý IV/26", {})[0]).toBe("Quý IV/2026");
    expect(suggestTimeframes("T11.2026", context)[0]).toBe("Tháng 11/2026");
    expect(suggestTimeframes("31/11/2026", context)).toEqual(expect.arrayContaining(["Tháng 11/2026", "Năm 2026"]));
    expect(suggestTimeframes("Thường xuyyên", context)[0]).toBe("Thường xuyên");
    expect(suggestTimeframes("Cuối năm", { nearbyYears: [2027, 2027, 2026] })[0]).toBe("Năm 2027");
    expect(suggestTimeframes("Cuối năm", { plan: { startYear: 2025, endYear: 2025 } })[0]).toBe("Năm 2025");
    expect(suggestTimeframes("Quý IV/2O26", context)).toEqual(["Quý IV/2026", "Năm 2026", "Năm 2026 - 2030", "Thường xuyên"]);
  });

  it("offers nothing for a timeframe that reads, and only undated forms without any year", () => {
    expect(suggestTimeframes("Quý IV/2026", context)).toEqual([]);
    expect(suggestTimeframes("", context)).toEqual([]);
    expect(suggestTimeframes("abc", {})).toEqual(["Thường xuyên"]);
  });

  it("every suggestion parses, for any text and any context (property)", () => {
    const piece = fc.constantFrom(
      "Quý",
      "quí",
      "IV",
      "V",
      "Tháng",
      "13",
      "11",
      "/",
      ".",
      "-",
      "2026",
      "20266",
      "26",
      "năm",
      "Thường",
      "xuyyên",
      "x",
      " ",
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(piece, { maxLength: 8 }).map((p) => p.join("")),
    );
    const year = fc.integer({ min: 1800, max: 2200 });
    const ctx = fc.record({
      plan: fc.option(
        fc.tuple(year, fc.integer({ min: 0, max: 10 })).map(([s, n]) => ({ startYear: s, endYear: s + n })),
        { nil: undefined },
      ),
      nearbyYears: fc.array(year, { maxLength: 5 }),
    });
    fc.assert(
      fc.property(text, ctx, (t, c) => {
        const out = suggestTimeframes(t, c);
        expect(out.length).toBeLessThanOrEqual(4);
        expect(new Set(out).size).toBe(out.length);
        for (const s of out) expect(["unparsed", "empty"]).not.toContain(parseTimeframe(s).kind);
      }),
      { numRuns: RUNS },
    );
  });
});
