/**
 * Every table captured from public documents (../shared/fixtures/real) read through the xlsx path, with the
 * figures verified by hand against the TSVs (row counts by STT form, agency counts with awk over the columns).
 */
import { checkSheet, TaskCheck } from "../../src/core/kinds/tasks/check";
import { issueText } from "../../src/core/issues/text";
import { readWorkbook } from "../../src/xlsx/read";
import { realFixtureNames, tsvRows } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";

async function checkFixture(name: string): Promise<TaskCheck> {
  const bytes = await xlsxFromRows([{ name: "Phụ lục", rows: tsvRows(name) }]);
  const wb = await readWorkbook(bytes);
  if (!wb.ok) throw new Error(wb.message);
  return checkSheet(wb.sheets[0]);
}

const agency = (c: TaskCheck, name: string) => c.agencies.find((a) => a.name === name);

interface Expectation {
  columns: Record<string, number>;
  sections: number;
  tasks: number;
  check?: (c: TaskCheck) => void;
}

const EXPECTED: Record<string, Expectation> = {
  "bacninh_kh144-2025_chi-tieu-kts.tsv": {
    columns: { stt: 1, content: 2, lead: 3 },
    sections: 2,
    tasks: 19,
    check: (c) => {
      // Sections typed as "I. Kinh tế số" in the content column, STT empty.
      expect(c.table!.sections.map((s) => s.title)).toEqual(["I. Kinh tế số", "II. Xã hội số"]);
      expect(c.issues.filter((i) => i.code === "missing-column").map((i) => i.field)).toEqual(["coordinating", "timeframe"]);
      expect(c.issues.filter((i) => i.code === "missing-coordinating" || i.code === "missing-timeframe")).toEqual([]);
      expect(agency(c, "Sở Khoa học và Công nghệ")).toMatchObject({ lead: 8 });
    },
  },
  "chinhphu_qd2629-2025_pl2_chinh-phu-so.tsv": {
    columns: { stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 6 },
    sections: 14,
    tasks: 75,
    check: (c) => {
      // III › III.1 › III.1.1 headings over tasks that run on 1 … 26, then 27 under III.2.
      expect(c.table!.sections.map((s) => s.path)).toContain("III › 3.1 › 3.1.2");
      expect(c.table!.extras.map((e) => e.header)).toEqual(["Kết quả"]);
      expect(c.issues.filter((i) => i.code === "stt-sequence")).toEqual([]);
      expect(agency(c, "Bộ Công an")).toMatchObject({ lead: 26, coordinating: 18 });
    },
  },
  "dongnai_kh179-2025_kinh-te-so-xa-hoi-so.tsv": {
    columns: { stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 5 },
    sections: 27,
    tasks: 94,
    check: (c) => {
      // A › I … nesting, a sub-header repeated one column off in every B/C section, the numeral IV used twice.
      expect(c.table!.sections[1].path).toBe("A › I");
      expect(c.table!.rows.filter((r) => r.kind === "repeated-header")).toHaveLength(8);
      const seq = c.issues.filter((i) => i.code === "stt-sequence");
      expect(seq).toHaveLength(1);
      expect(seq[0].value).toBe("IV");
      // "5.1 | | Thương mại": a heading whose title slid into the lead column.
      expect(c.table!.sections.map((s) => s.title)).toContain("Thương mại");
      expect(agency(c, "Sở Khoa học và Công nghệ")).toMatchObject({ lead: 27 });
    },
  },
  "dongthap_kh552-2025_doi-moi-cong-nghe.tsv": {
    columns: { stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 5 },
    sections: 4,
    tasks: 19,
  },
  "dongthap_kh617-2025_cds-doanh-nghiep.tsv": {
    columns: { stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 5 },
    sections: 4,
    tasks: 11,
    check: (c) => {
      // Numbers run on across sections (I: 1–3, II: 4–7 …), and "Sở KH&CN" is the abbreviation.
      expect(c.issues.filter((i) => i.code === "stt-sequence" || i.code === "duplicate-stt")).toEqual([]);
      expect(agency(c, "Sở Khoa học và Công nghệ")).toMatchObject({ lead: 9, coordinating: 1 });
      expect(c.counts.errors).toBe(0);
    },
  },
  "hanoi_kh310-2025_5g-iot.tsv": {
    columns: { stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 5 },
    sections: 0,
    tasks: 6,
    check: (c) => {
      expect(agency(c, "Ban Quản lý các khu công nghệ cao và khu công nghiệp")).toMatchObject({ lead: 5, coordinating: 1 });
      // "Sở Khoa học và Công nghệ Sở Công Thương" lacks its separator: still two agencies.
      expect(agency(c, "Sở Công Thương")?.coordinating).toBe(3);
    },
  },
  "nghean_kh980-2025_phong-thu-dan-su.tsv": {
    columns: { stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 5 },
    sections: 4,
    tasks: 18,
    check: (c) => {
      // An elided row ("…………") between II and VII: a note, and numbering after it is not compared with before.
      expect(c.table!.rows.filter((r) => r.kind === "note")).toHaveLength(1);
      expect(c.issues.filter((i) => i.code === "duplicate-stt" || i.code === "stt-sequence")).toEqual([]);
    },
  },
  "tphcm_qd2820-2025_csdl-quy-hoach.tsv": {
    columns: { stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 5 },
    sections: 6,
    tasks: 28,
    check: (c) => {
      // Three rows slid one column left when merges were lost: read back into place, flagged once each.
      const shifted = c.table!.rows.filter((r) => r.shifted);
      expect(shifted.map((r) => r.row)).toEqual([9, 22, 27]);
      expect(shifted[1].fields).toMatchObject({ lead: "Sở Khoa học và Công nghệ", coordinating: "Sở Tài chính" });
      const missingStt = c.issues.filter((i) => i.code === "missing-stt");
      expect(missingStt.map((i) => i.row)).toEqual([9, 22, 27]);
      expect(issueText(missingStt[0], "en")).toMatch(/shifted one column/);
      expect(c.issues.some((i) => i.code === "missing-lead")).toBe(false);
      expect(agency(c, "Sở Tài chính")).toMatchObject({ lead: 13, coordinating: 9 });
    },
  },
  "ubtvqh_nq119-2026_dieu-chinh-ctr-lap-phap-2026.tsv": {
    // "Cơ quan trình" is an extra column; the lead is "Cơ quan chủ trì thẩm tra".
    columns: { stt: 1, content: 2, lead: 4, coordinating: 5, timeframe: 6 },
    sections: 0,
    tasks: 8,
    check: (c) => {
      expect(c.table!.extras.map((e) => e.header)).toEqual(["Cơ quan trình"]);
      expect(c.tasks.map((t) => t.row.stt.parts[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(agency(c, "Hội đồng Dân tộc")).toMatchObject({ coordinating: 8 });
    },
  },
};

describe.each(Object.keys(EXPECTED))("%s", (name) => {
  let c: TaskCheck;
  beforeAll(async () => {
    c = await checkFixture(name);
  });
  const e = EXPECTED[name];
  test("header mapping, sections and tasks", () => {
    expect(c.table).not.toBeNull();
    expect(c.table!.header.row).toBe(1);
    expect(c.table!.header.columns).toEqual(e.columns);
    expect(c.counts.sections).toBe(e.sections);
    expect(c.counts.tasks).toBe(e.tasks);
  });
  test("every row of the table has one kind, and lead counts add up", () => {
    expect(c.table!.rows.every((r) => ["section", "task", "repeated-header", "column-numbers", "blank", "note"].includes(r.kind))).toBe(
      true,
    );
    const leadParts = c.tasks.reduce((n, t) => n + new Set(t.leads.map((p) => p.name)).size, 0);
    expect(c.agencies.reduce((n, a) => n + a.lead, 0)).toBe(leadParts);
  });
  if (e.check) test("what a person checked by hand", () => e.check!(c));
});

test("every real fixture is covered, or is one of the non-appendix files", () => {
  const others = realFixtureNames().filter((n) => !(n in EXPECTED));
  expect(others.sort()).toEqual([
    "bgddt_tt25-2025_bieu-doan-ra_1.tsv",
    "bgddt_tt25-2025_bieu-doan-ra_2.tsv",
    "daksong_lich-cong-tac_11-17-11-2019.tsv",
  ]);
});

test("the weekly schedule (daksong) is not an appendix: a clear no-table result naming what it looks like", async () => {
  const c = await checkFixture("daksong_lich-cong-tac_11-17-11-2019.tsv");
  expect(c.table).toBeNull();
  expect(c.issues).toHaveLength(1);
  expect(c.issues[0].code).toBe("no-table");
  expect(issueText(c.issues[0], "en")).toMatch(/looked for: STT, Nội dung nhiệm vụ.*work schedule/);
});
