/**
 * Reading the delegation totals a plan states in its text (seed 002 and the other wordings plans use).
 */
import * as fs from "fs";
import * as path from "path";
import { mergeStated, statedTotalsFromText } from "../../src/core/kinds/delegations/stated-totals";
import { FIXTURES, SHARED } from "../support/fixtures";

const seedText = (name: string) => fs.readFileSync(path.join(SHARED, "reference", "seeds", name), "utf8");
const statedInFixture = JSON.parse(fs.readFileSync(path.join(FIXTURES, "seed", "seed-002-delegations.json"), "utf8")).statedTotals;

test("seed 002: the totals of its section III, as the fixture records them", () => {
  expect(statedTotalsFromText(seedText("002_3201e24f929b729a.txt"))).toEqual(statedInFixture);
  expect(statedInFixture).toEqual({
    outbound: { total: 13, planned: 9, supplementary: 4 },
    inbound: { total: 12, planned: 9, supplementary: 3 },
  });
});

test("seed 002's section III alone, lines wrapped with blank lines as the extraction left them", () => {
  const text = [
    "III. SỐ LƯỢNG ĐOÀN RA, ĐOÀN VÀO ",
    "",
    "1. Đoàn ra: 13 đoàn (tại Phụ lục I). ",
    "",
    "- Tổng số đoàn ra trong Kế hoạch: 09 đoàn. ",
    "",
    "- Tổng số đoàn ra đề nghị bổ sung: 04 đoàn. ",
    "",
    "2. Đoàn vào: 12 đoàn (tại Phụ lục II).  ",
    "",
    "- Tổng số đoàn vào trong Kế hoạch: 09 đoàn. ",
    "",
    "- Tổng số đoàn vào đề nghị bổ sung: 03 đoàn. ",
    "",
    "IV. KINH PHÍ THỰC HIỆN ",
    "Sử dụng nguồn kinh phí từ ngân sách Nhà nước, xã hội hóa: 02 nguồn.",
  ].join("\n");
  expect(statedTotalsFromText(text)).toEqual(statedInFixture);
});

test.each([
  ["one line with = and +", "Đoàn ra: 13 đoàn = 09 trong Kế hoạch + 04 đề nghị bổ sung; Đoàn vào: 12 = 09 + 03"],
  [
    "counts before the direction",
    "Năm 2025, Sở tổ chức 13 đoàn ra (09 đoàn trong kế hoạch, 04 đoàn đề nghị bổ sung) và đón 12 đoàn vào (09 đoàn trong kế hoạch, 03 đoàn phát sinh).",
  ],
  [
    "lettered sub-items that do not repeat the direction",
    "a) Đoàn ra: 13 đoàn, trong đó:\n- Trong kế hoạch: 09 đoàn;\n- Đề nghị bổ sung: 04 đoàn.\nb) Đoàn vào: 12 đoàn, trong đó:\n- Trong kế hoạch: 09 đoàn;\n- Phát sinh: 03 đoàn.",
  ],
  [
    "capitals and no diacritics",
    "DOAN RA: 13 DOAN; TRONG KE HOACH: 9 DOAN; BO SUNG: 4 DOAN. ĐOÀN VÀO: 12 ĐOÀN; TRONG KẾ HOẠCH 09 ĐOÀN; BỔ SUNG 03 ĐOÀN.",
  ],
])("%s", (_, text) => {
  expect(statedTotalsFromText(text)).toEqual(statedInFixture);
});

test("only what is stated: a plan that gives the outbound total only", () => {
  expect(statedTotalsFromText("Tổng số đoàn ra năm 2026: 07 đoàn.")).toEqual({ outbound: { total: 7 } });
});

test("numbers that are not counts of delegations are left alone", () => {
  const text = [
    "Đoàn ra tiêu biểu: đoàn đại biểu tỉnh tham dự Hội nghị lần thứ 10 giữa 04 tỉnh biên giới, Phụ lục 2.",
    "Các đoàn ra, đoàn vào theo Kế hoạch số 15/KH-UBND ngày 12/3/2025.",
    "Thời gian: 05 ngày.",
  ].join("\n");
  expect(statedTotalsFromText(text)).toBeNull();
});

test.each(["000_c4d17f4a1d12020e.txt", "001_aca9e7297d864ff1.txt", "003_f2b23cd86203524c.txt", "004_30aabd3b2647916a.txt"])(
  "seed %s states no totals",
  (name) => {
    expect(statedTotalsFromText(seedText(name))).toBeNull();
  },
);

test("mergeStated: the later statement wins figure by figure", () => {
  expect(mergeStated({ outbound: { total: 13, planned: 9 } }, { outbound: { planned: 10 }, inbound: { total: 2 } })).toEqual({
    outbound: { total: 13, planned: 10 },
    inbound: { total: 2 },
  });
  expect(mergeStated(null, { inbound: { total: 2 } })).toEqual({ inbound: { total: 2 } });
  expect(mergeStated({ inbound: { total: 2 } }, null)).toEqual({ inbound: { total: 2 } });
});
