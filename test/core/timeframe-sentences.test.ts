/**
 * Timeframes written as sentences (issue 11): a leading verb, a period, a trailing clause, several periods,
 * "thường xuyên" anywhere, and the short forms officers type. Texts are from the real-table corpus
 * (test/fixtures/real) and the forms issue 11 quotes from real tables.
 */
import { parseTimeframe, Timeframe } from "../../src/core/timeframe/timeframe";

const ymd = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

function reading(text: string): { kind: Timeframe["kind"]; start?: string; end?: string | null; periods?: number; ongoing?: boolean } {
  const tf = parseTimeframe(text);
  const out: ReturnType<typeof reading> = { kind: tf.kind };
  if (tf.period) {
    out.start = ymd(tf.period.start);
    out.end = tf.period.end ? ymd(tf.period.end) : null;
  }
  if (tf.periods) out.periods = tf.periods.length;
  if (tf.ongoing) out.ongoing = true;
  return out;
}

describe("sentences around a period (officers' workbook, Sở Tư pháp An Giang 2026)", () => {
  test.each([
    ["Công an tỉnh đề nghị chuyển sang Kỳ họp giữa năm 2026", { kind: "year", start: "2026-01-01", end: "2026-12-31" }],
    [" Kỳ họp chuyên đề tháng 5/2026", { kind: "month", start: "2026-05-01", end: "2026-05-31" }],
    [" Kỳ họp chuyên đề tháng 4/2026", { kind: "month", start: "2026-04-01", end: "2026-04-30" }],
    ["Đăng ký Quý II/2026", { kind: "quarter", start: "2026-04-01", end: "2026-06-30" }],
  ])("%j", (text, expected) => {
    expect(reading(text)).toEqual(expected);
  });
});

describe("thường xuyên anywhere in the sentence", () => {
  test("NQ 03/NQ-CP's 'Nhiệm vụ thường xuyên' is ongoing", () => {
    expect(reading("Nhiệm vụ thường xuyên")).toEqual({ kind: "ongoing" });
  });
  test("a period followed by '… và vận hành thường xuyên' keeps the period and says it goes on", () => {
    expect(reading("Hoàn thành năm 2026 và vận hành thường xuyên")).toEqual({
      kind: "year",
      start: "2026-01-01",
      end: "2026-12-31",
      ongoing: true,
    });
  });
});

describe("several periods: the first is the timeframe, all are kept", () => {
  test("'Ban hành trong năm 2026. Thực hiện 2026-2030'", () => {
    const tf = parseTimeframe("Ban hành trong năm 2026. Thực hiện 2026-2030");
    expect(reading("Ban hành trong năm 2026. Thực hiện 2026-2030")).toMatchObject({ kind: "year", start: "2026-01-01", periods: 2 });
    expect(tf.periods!.map((p) => `${ymd(p.start)}..${p.end ? ymd(p.end) : "open"}`)).toEqual([
      "2026-01-01..2026-12-31",
      "2026-01-01..2030-12-31",
    ]);
  });
  test("two quarters written side by side", () => {
    expect(reading("Quý IV/2022 Quý I/2023")).toEqual({ kind: "quarter", start: "2022-10-01", end: "2022-12-31", periods: 2 });
  });
  test("a year followed by prose", () => {
    expect(reading("2025 theo kế hoạch")).toEqual({ kind: "year", start: "2025-01-01", end: "2025-12-31" });
  });
});

describe("the short forms of the grammar", () => {
  test.each([
    ["T11/2025", { kind: "month", start: "2025-11-01", end: "2025-11-30" }],
    ["Cuối năm 2025", { kind: "year", start: "2025-01-01", end: "2025-12-31" }],
    ["Trước 31/12/2026", { kind: "date", start: "2026-12-31", end: "2026-12-31" }],
    ["Quý I và Quý II/2026", { kind: "quarter", start: "2026-01-01", end: "2026-06-30" }],
    ["Đầu năm 2026", { kind: "year", start: "2026-01-01", end: "2026-12-31" }],
    ["Hoàn thành trước 31/12/2025, báo cáo kết quả về Sở Tư pháp", { kind: "date", start: "2025-12-31", end: "2025-12-31" }],
  ])("%j", (text, expected) => {
    expect(reading(text)).toEqual(expected);
  });
  test("'Trước 31/12/2026' is a deadline", () => {
    expect(parseTimeframe("Trước 31/12/2026").deadline).toBe(true);
  });
});

describe("a date, a line break, then prose", () => {
  test("keeps the date", () => {
    expect(reading("30/11/2025\nSau đó tổng hợp báo cáo UBND tỉnh")).toEqual({ kind: "date", start: "2025-11-30", end: "2025-11-30" });
  });
});

describe("what still has no period or kind", () => {
  test.each(["Thực hiện theo Quyết định 2629/QĐ-TTg của Thủ tướng", "Sản phẩm", "Tháng 11 đến tháng 2/1900"])("%j is unparsed", (text) => {
    expect(parseTimeframe(text).kind).toBe("unparsed");
  });
  test("a document number is not read as a year", () => {
    expect(reading("Thực hiện theo Thông báo 990/TB-TCT, hoàn thành Quý IV/2024")).toEqual({
      kind: "quarter",
      start: "2024-10-01",
      end: "2024-12-31",
    });
  });
});
