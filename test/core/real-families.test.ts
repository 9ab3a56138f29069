/**
 * Families of issue 11 checked on real text of the corpus (test/fixtures/real, ../shared/fixtures/real) where the
 * corpus holds the form, asserting what is read — the parts of a cell, the counts of a table, the periods of a
 * timeframe — and, for a form the corpus tables do not hold, on a real public text with its source.
 */
import { splitAgencyCell } from "../../src/core/agencies/split";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { checkCorpusTable, corpusRows, loadTruths } from "../support/corpus";

const dir = defaultDirectory();
const names = (cell: string) => splitAgencyCell(cell, dir).parts.map((p) => `${p.kind}:${p.name}`);
const truths = loadTruths();
const nq12 = truths.find((t) => t.file === "chinhphu_nq12-2023_pl_thu-do-ha-noi.tsv")!;
const nq12Rows = corpusRows(nq12);
const cellOf = (stt: string, col: number) => nq12Rows.find((r) => r[0] === stt && r[2] !== "")![col];

describe("NQ 12/NQ-CP (2023), the plan for the Capital", () => {
  test("a distributive list: 'Các Bộ: Quốc phòng, Xây dựng, …' is four ministries and a group", () => {
    const cell = nq12Rows.find((r) => (r[3] ?? "").startsWith("Các Bộ:"))![3];
    expect(names(cell)).toEqual([
      "agency:Bộ Quốc phòng",
      "agency:Bộ Xây dựng",
      "agency:Bộ Tài nguyên và Môi trường",
      "agency:Bộ Nông nghiệp và Phát triển nông thôn",
      "group:Các đơn vị liên quan",
    ]);
  });
  test("a named city is a body of its own: 'UBND TP Hà Nội' is never folded into 'UBND tỉnh'", () => {
    expect(names(cellOf("1", 3))).toEqual(["group:Các bộ, ngành", "agency:UBND thành phố Hà Nội", "group:Các đơn vị liên quan"]);
    const c = checkCorpusTable(nq12);
    expect(c.agencies.find((a) => a.name === "UBND thành phố Hà Nội")).toMatchObject({ lead: 1, coordinating: 15 });
    expect(c.agencies.find((a) => a.name === "UBND tỉnh")).toBeUndefined();
  });
});

describe("roles in front of a body", () => {
  // Quyết định of UBND tỉnh Nam Định (2017), Điều 3 — code corpus, read_file id 59852657498: the bodies that carry
  // out a decision are written after their heads, at the start of every part.
  const NAM_DINH =
    "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp, Giám đốc, Thủ trưởng các sở, ban, ngành trong tỉnh; Chủ tịch UBND các huyện và thành phố Nam Định";
  test("each role is dropped, its body kept: the office, the department, the group of departments", () => {
    expect(names(NAM_DINH).slice(0, 3)).toEqual(["agency:Văn phòng UBND tỉnh", "agency:Sở Tư pháp", "group:Các sở, ban, ngành trong tỉnh"]);
    expect(names(NAM_DINH).some((n) => /Giám đốc|Chánh|Thủ trưởng/.test(n))).toBe(false);
  });
});

describe("timeframes of the whole corpus", () => {
  // Issue 11: no unparsed-timeframe on any timeframe that names a period (a year) or a kind (thường xuyên …).
  const NAMES_PERIOD_OR_KIND = /\b(?:19|20)\d{2}\b|thường xuyên|liên tục|hằng năm|hàng năm/iu;
  test.each(truths.map((t) => [t.file, t] as const))("%s: every timeframe that names a period or a kind is read", (_f, truth) => {
    const unread = checkCorpusTable(truth)
      .tasks.filter((t) => t.timeframe.kind === "unparsed" && NAMES_PERIOD_OR_KIND.test(t.row.fields.timeframe))
      .map((t) => t.row.fields.timeframe);
    expect(unread).toEqual([]);
  });
  test("the periods of the corpus's sentences are read, not only their kind", () => {
    const angiang = truths.find((t) => t.file === "angiang_stp-2026_nq-can-xu-ly.tsv")!;
    const read = checkCorpusTable(angiang).tasks.map((t) => [
      t.row.fields.timeframe.trim(),
      t.timeframe.kind,
      t.timeframe.period?.start.month,
    ]);
    expect(read).toEqual(
      expect.arrayContaining([
        ["Công an tỉnh đề nghị chuyển sang Kỳ họp giữa năm 2026", "year", 1],
        ["Kỳ họp chuyên đề tháng 5/2026", "month", 5],
        ["Đăng ký Quý II/2026", "quarter", 4],
      ]),
    );
  });
});
