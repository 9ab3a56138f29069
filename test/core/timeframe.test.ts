import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import {
  DateParts,
  Granularity,
  Timeframe,
  TimeframeKind,
  UNDATED_BUCKET,
  compareDateParts,
  parseTimeframe,
  periodBucket,
  periodProblems,
  planPeriodFromTitle,
  startQuarter,
} from "../../src/core/timeframe/timeframe";
import { foldKey } from "../../src/core/sheet/text";

const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");

/** "2022-10-01" → DateParts; null stays null (open end). */
function day(iso: string): DateParts {
  const [year, month, dayOfMonth] = iso.split("-").map(Number);
  return { year, month, day: dayOfMonth };
}

interface Expected {
  kind: TimeframeKind;
  start?: string;
  end?: string | null;
  granularity?: Granularity;
  deadline?: boolean;
}

function expectTimeframe(text: string, expected: Expected): void {
  const tf = parseTimeframe(text);
  const shown = { text, kind: tf.kind, granularity: tf.granularity, deadline: tf.deadline === true, period: tf.period };
  const want = {
    text,
    kind: expected.kind,
    granularity: expected.granularity,
    deadline: expected.deadline === true,
    period:
      expected.start === undefined
        ? undefined
        : { start: day(expected.start), end: expected.end === null || expected.end === undefined ? null : day(expected.end) },
  };
  expect(shown).toEqual(want);
}

// Hand-verified: every timeframe wording found in the fixtures, plus the shapes the SPEC names.
const HAND_VERIFIED: Array<[string, Expected]> = [
  // seed 001
  ["Quý IV/2022", { kind: "quarter", start: "2022-10-01", end: "2022-12-31", granularity: "quarter" }],
  ["Năm 2022, 2023 và các năm tiếp theo", { kind: "open-ended", start: "2022-01-01", end: null, granularity: "year" }],
  ["Năm 2022 và các năm tiếp theo", { kind: "open-ended", start: "2022-01-01", end: null, granularity: "year" }],
  ["Năm 2023 và các năm tiếp theo", { kind: "open-ended", start: "2023-01-01", end: null, granularity: "year" }],
  ["Theo yêu cầu thực hiện nhiệm vụ cụ thể", { kind: "on-demand" }],
  ["Theo yêu cầu nhiệm vụ cụ thể", { kind: "on-demand" }],
  ["Tháng 11/2022", { kind: "month", start: "2022-11-01", end: "2022-11-30", granularity: "month" }],
  ["Quý IV/2022 và các năm tiếp theo", { kind: "open-ended", start: "2022-10-01", end: null, granularity: "quarter" }],
  ["Thường xuyên", { kind: "ongoing" }],
  ["Hằng năm", { kind: "annual" }],
  ["Theo Kế hoạch số 79/KH-UBND", { kind: "per-document" }],
  ["Theo Kế hoạch số 84/KH-UBND", { kind: "per-document" }],
  ["Theo Đề án đã được phê duyệt", { kind: "per-document" }],
  // seed 002
  ["Quý I/2025", { kind: "quarter", start: "2025-01-01", end: "2025-03-31", granularity: "quarter" }],
  ["Quý II/2025", { kind: "quarter", start: "2025-04-01", end: "2025-06-30", granularity: "quarter" }],
  ["Quý III/2025", { kind: "quarter", start: "2025-07-01", end: "2025-09-30", granularity: "quarter" }],
  ["Quý IV/2025", { kind: "quarter", start: "2025-10-01", end: "2025-12-31", granularity: "quarter" }],
  ["Tháng 2/2025", { kind: "month", start: "2025-02-01", end: "2025-02-28", granularity: "month" }],
  ["Tháng 4/2025", { kind: "month", start: "2025-04-01", end: "2025-04-30", granularity: "month" }],
  ["Tháng 6/2025", { kind: "month", start: "2025-06-01", end: "2025-06-30", granularity: "month" }],
  ["Tháng 7/2025", { kind: "month", start: "2025-07-01", end: "2025-07-31", granularity: "month" }],
  ["Tháng 8/2025", { kind: "month", start: "2025-08-01", end: "2025-08-31", granularity: "month" }],
  ["Tháng 9/2025", { kind: "month", start: "2025-09-01", end: "2025-09-30", granularity: "month" }],
  ["Tháng 10/2025", { kind: "month", start: "2025-10-01", end: "2025-10-31", granularity: "month" }],
  ["Tháng 11/2025", { kind: "month", start: "2025-11-01", end: "2025-11-30", granularity: "month" }],
  // real: chinhphu_qd2629
  ["Bắt đầu triển khai từ năm 2026", { kind: "open-ended", start: "2026-01-01", end: null, granularity: "year" }],
  ["Năm 2025-2026", { kind: "range", start: "2025-01-01", end: "2026-12-31", granularity: "year" }],
  ["Năm 2025-2030", { kind: "range", start: "2025-01-01", end: "2030-12-31", granularity: "year" }],
  ["Năm 2026", { kind: "year", start: "2026-01-01", end: "2026-12-31", granularity: "year" }],
  ["Tháng 02/2026", { kind: "month", start: "2026-02-01", end: "2026-02-28", granularity: "month" }],
  ["Tháng 06/2026", { kind: "month", start: "2026-06-01", end: "2026-06-30", granularity: "month" }],
  ["Tháng 12/2025", { kind: "month", start: "2025-12-01", end: "2025-12-31", granularity: "month" }],
  ["Tháng 12/2026", { kind: "month", start: "2026-12-01", end: "2026-12-31", granularity: "month" }],
  ["Tháng 3/2026", { kind: "month", start: "2026-03-01", end: "2026-03-31", granularity: "month" }],
  ["Tháng 6/2026", { kind: "month", start: "2026-06-01", end: "2026-06-30", granularity: "month" }],
  ["Tháng 8/2026", { kind: "month", start: "2026-08-01", end: "2026-08-31", granularity: "month" }],
  // real: dongnai_kh179, dongthap_kh552
  ["2025", { kind: "year", start: "2025-01-01", end: "2025-12-31", granularity: "year" }],
  ["2026", { kind: "year", start: "2026-01-01", end: "2026-12-31", granularity: "year" }],
  ["2026 - 2030", { kind: "range", start: "2026-01-01", end: "2030-12-31", granularity: "year" }],
  ["2026-2030", { kind: "range", start: "2026-01-01", end: "2030-12-31", granularity: "year" }],
  ["2025 - 2030", { kind: "range", start: "2025-01-01", end: "2030-12-31", granularity: "year" }],
  ["2025 - 2035", { kind: "range", start: "2025-01-01", end: "2035-12-31", granularity: "year" }],
  // real: dongthap_kh617
  ["Quí IV-2025", { kind: "quarter", start: "2025-10-01", end: "2025-12-31", granularity: "quarter" }],
  ["Thường xuyên, hằng năm", { kind: "annual" }],
  // real: hanoi_kh310
  ["Hàng năm", { kind: "annual" }],
  ["Quý III Năm 2026", { kind: "quarter", start: "2026-07-01", end: "2026-09-30", granularity: "quarter" }],
  ["Quý IV/2025- Quý II/2026", { kind: "range", start: "2025-10-01", end: "2026-06-30", granularity: "quarter" }],
  // real: nghean_kh980
  ["Sau khi có Quy chế của TW", { kind: "on-demand" }],
  ["Theo Kế hoạch riêng", { kind: "per-document" }],
  ["Theo kế hoạch", { kind: "per-document" }],
  ["Tháng 12 hằng năm", { kind: "annual" }],
  ["Trước ngày 30/11/2025", { kind: "date", start: "2025-11-30", end: "2025-11-30", granularity: "day", deadline: true }],
  // real: tphcm_qd2820
  ["Hằng năm.", { kind: "annual" }],
  ["Khi có phát sinh.", { kind: "on-demand" }],
  ["Năm 2025 - 2026", { kind: "range", start: "2025-01-01", end: "2026-12-31", granularity: "year" }],
  ["Quý I/2030", { kind: "quarter", start: "2030-01-01", end: "2030-03-31", granularity: "quarter" }],
  ["Quý II/2027", { kind: "quarter", start: "2027-04-01", end: "2027-06-30", granularity: "quarter" }],
  ["Quý II/2030", { kind: "quarter", start: "2030-04-01", end: "2030-06-30", granularity: "quarter" }],
  ["Quý IV/2026", { kind: "quarter", start: "2026-10-01", end: "2026-12-31", granularity: "quarter" }],
  // "định kỳ hằng quý" here is the reporting rhythm; the work itself is continuous.
  ["Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính", { kind: "ongoing" }],
  // real: ubtvqh_nq119
  ["Phiên họp tháng 3/2026", { kind: "month", start: "2026-03-01", end: "2026-03-31", granularity: "month" }],
  ["Phiên họp tháng 8/2026", { kind: "month", start: "2026-08-01", end: "2026-08-31", granularity: "month" }],
  ["Phiên họp tháng 9/2026", { kind: "month", start: "2026-09-01", end: "2026-09-30", granularity: "month" }],
  // not timeframes at all, but they sit in "Thời gian…" columns of the fixtures
  ["07h30", { kind: "unparsed" }],
  ["08h00", { kind: "unparsed" }],
  ["08h15", { kind: "unparsed" }],
  ["08h30", { kind: "unparsed" }],
  ["09h00", { kind: "unparsed" }],
  ["10h00", { kind: "unparsed" }],
  ["13h30", { kind: "unparsed" }],
  ["14h00", { kind: "unparsed" }],
  ["17h00", { kind: "unparsed" }],
  ["(6)", { kind: "unparsed" }],
  ["(5)", { kind: "unparsed" }],
  ["Sản phẩm đầu ra", { kind: "unparsed" }],
  // SPEC 3.3 and the brief
  ["Ngày 15/11/2023", { kind: "date", start: "2023-11-15", end: "2023-11-15", granularity: "day" }],
  ["30/11/2025", { kind: "date", start: "2025-11-30", end: "2025-11-30", granularity: "day" }],
  ["5/3/2025", { kind: "date", start: "2025-03-05", end: "2025-03-05", granularity: "day" }],
  ["05-03-2025", { kind: "date", start: "2025-03-05", end: "2025-03-05", granularity: "day" }],
  ["Ngày 15 tháng 11 năm 2023", { kind: "date", start: "2023-11-15", end: "2023-11-15", granularity: "day" }],
  ["2025-11-30", { kind: "date", start: "2025-11-30", end: "2025-11-30", granularity: "day" }],
  ["29/02/2024", { kind: "date", start: "2024-02-29", end: "2024-02-29", granularity: "day" }],
  ["Tháng 11 năm 2022", { kind: "month", start: "2022-11-01", end: "2022-11-30", granularity: "month" }],
  ["Tháng 02/2024", { kind: "month", start: "2024-02-01", end: "2024-02-29", granularity: "month" }],
  ["Quý I, II/2023", { kind: "quarter", start: "2023-01-01", end: "2023-06-30", granularity: "quarter" }],
  ["Quý I và Quý II năm 2023", { kind: "quarter", start: "2023-01-01", end: "2023-06-30", granularity: "quarter" }],
  ["Quý 4/2025", { kind: "quarter", start: "2025-10-01", end: "2025-12-31", granularity: "quarter" }],
  ["Quý I", { kind: "quarter", granularity: "quarter" }],
  ["6 tháng đầu năm 2023", { kind: "half", start: "2023-01-01", end: "2023-06-30", granularity: "half" }],
  ["6 tháng cuối năm 2023", { kind: "half", start: "2023-07-01", end: "2023-12-31", granularity: "half" }],
  ["6 tháng đầu năm", { kind: "half", granularity: "half" }],
  ["Năm 2022", { kind: "year", start: "2022-01-01", end: "2022-12-31", granularity: "year" }],
  ["Trong năm 2022", { kind: "year", start: "2022-01-01", end: "2022-12-31", granularity: "year" }],
  ["Năm 2022, 2023", { kind: "year", start: "2022-01-01", end: "2023-12-31", granularity: "year" }],
  ["Giai đoạn 2021-2025", { kind: "range", start: "2021-01-01", end: "2025-12-31", granularity: "year" }],
  ["Từ năm 2025 đến năm 2030", { kind: "range", start: "2025-01-01", end: "2030-12-31", granularity: "year" }],
  ["Từ tháng 3/2025 đến tháng 6/2025", { kind: "range", start: "2025-03-01", end: "2025-06-30", granularity: "month" }],
  ["Năm 2022 - 2023 và các năm tiếp theo", { kind: "open-ended", start: "2022-01-01", end: null, granularity: "year" }],
  ["Từ năm 2026", { kind: "open-ended", start: "2026-01-01", end: null, granularity: "year" }],
  ["Từ Quý II/2026 trở đi", { kind: "open-ended", start: "2026-04-01", end: null, granularity: "quarter" }],
  ["Đến hết năm 2025", { kind: "year", start: "2025-01-01", end: "2025-12-31", granularity: "year", deadline: true }],
  ["Hoàn thành trước tháng 6/2026", { kind: "month", start: "2026-06-01", end: "2026-06-30", granularity: "month", deadline: true }],
  ["Năm 2022 và năm tiếp theo", { kind: "open-ended", start: "2022-01-01", end: null, granularity: "year" }],
  ["GĐ 2026-2030", { kind: "range", start: "2026-01-01", end: "2030-12-31", granularity: "year" }],
  ["Tháng 3-4/2025", { kind: "month", start: "2025-03-01", end: "2025-04-30", granularity: "month" }],
  // a year left unwritten on one end of a range comes from the other end, across the new year if need be
  ["Quý I - Quý II/2023", { kind: "quarter", start: "2023-01-01", end: "2023-06-30", granularity: "quarter" }],
  ["Quý IV - Quý II/2026", { kind: "quarter", start: "2025-10-01", end: "2026-06-30", granularity: "quarter" }],
  ["Tháng 12-1/2026", { kind: "month", start: "2025-12-01", end: "2026-01-31", granularity: "month" }],
  ["Quý IV/2025 - Quý I", { kind: "range", start: "2025-10-01", end: "2026-03-31", granularity: "quarter" }],
  ["Tháng 11 đến tháng 2/2026", { kind: "range", start: "2025-11-01", end: "2026-02-28", granularity: "month" }],
  ["Tháng 3 đến tháng 6/2025", { kind: "range", start: "2025-03-01", end: "2025-06-30", granularity: "month" }],
  ["Quý II, I/2023", { kind: "quarter", start: "2023-01-01", end: "2023-06-30", granularity: "quarter" }],
  ["Khi có yêu cầu", { kind: "on-demand" }],
  ["Theo tiến độ của dự án", { kind: "on-demand" }],
  ["Theo lộ trình của Bộ Khoa học và Công nghệ", { kind: "per-document" }],
  ["Định kỳ hằng quý", { kind: "annual" }],
  ["", { kind: "empty" }],
  ["   ", { kind: "empty" }],
  ["Sớm nhất có thể", { kind: "unparsed" }],
];

describe("parseTimeframe: hand-verified wordings", () => {
  test.each(HAND_VERIFIED)("%j", (text, expected) => {
    expectTimeframe(text, expected);
  });

  test("keeps the text exactly as given", () => {
    expect(parseTimeframe(" Quý IV/2022 ").text).toBe(" Quý IV/2022 ");
    expect(parseTimeframe("Lúc nào đó").text).toBe("Lúc nào đó");
  });
});

describe("parseTimeframe: spelling, case and layout variants", () => {
  const q4of2022 = { kind: "quarter" as const, start: "2022-10-01", end: "2022-12-31", granularity: "quarter" as const };
  test.each([
    "QUÝ IV/2022",
    "quý iv/2022",
    "Quí IV/2022",
    "Quý IV / 2022",
    "Quý  IV/2022",
    "Quý IV-2022",
    "Quý IV – 2022",
    "Quý IV năm 2022",
    "Quý IV, năm 2022",
    "Quý IV\nnăm 2022",
    "Quý 4/2022",
    "Q4/2022",
    "(Quý IV/2022)",
    "Quý IV/2022.",
    "Dự kiến Quý IV/2022",
    "Trong quý IV/2022",
    "Quy IV/2022",
  ])("%j is Q4 2022", (text) => {
    expectTimeframe(text, q4of2022);
  });

  test.each([
    ["THƯỜNG XUYÊN", "ongoing"],
    ["thường xuyên", "ongoing"],
    ["Thường\nxuyên", "ongoing"],
    ["HẰNG NĂM", "annual"],
    ["hàng năm", "annual"],
    ["Thường xuyên và hằng năm", "annual"],
    ["theo yêu cầu", "on-demand"],
    ["THEO KẾ HOẠCH SỐ 79/KH-UBND", "per-document"],
  ] as Array<[string, TimeframeKind]>)("%j is %s", (text, kind) => {
    expect(parseTimeframe(text).kind).toBe(kind);
  });

  test("ranges accept -, – and đến between their ends", () => {
    for (const text of ["2026 - 2030", "2026–2030", "2026 – 2030", "2026 đến 2030", "năm 2026 - năm 2030", "Năm 2026\n- 2030"]) {
      expectTimeframe(text, { kind: "range", start: "2026-01-01", end: "2030-12-31", granularity: "year" });
    }
  });

  test("one dated timeframe per line spans the lines", () => {
    expectTimeframe("Quý I/2023\nQuý II/2023", { kind: "quarter", start: "2023-01-01", end: "2023-06-30", granularity: "quarter" });
    expectTimeframe("Tháng 3/2025\nQuý IV/2025", { kind: "range", start: "2025-03-01", end: "2025-12-31", granularity: "month" });
    expect(parseTimeframe("Quý I/2023\nsau khi có kinh phí").kind).toBe("unparsed");
  });

  test('a year that lives in a text cell (number 2025 → "2025") is a year', () => {
    expect(parseTimeframe(String(2025))).toMatchObject({ kind: "year", granularity: "year" });
  });
});

describe("parseTimeframe: what it refuses", () => {
  test.each([
    "31/02/2025", // no such day
    "29/02/2023", // not a leap year
    "32/01/2025",
    "15/13/2025",
    "Tháng 13/2025",
    "Tháng 0/2025",
    "Quý V/2025",
    "1899",
    "2101",
    "Năm 2222",
    "Quý IV/1800",
    "Tháng 11 đến tháng 2/1900", // the start would fall in 1899
    "Quý IV-II/1900",
    "2026 - 2222",
    "15/11/23", // two-digit years are not read
    "Sản phẩm",
    "2025 theo kế hoạch",
    "Quý IV/2022 Quý I/2023",
    "=SUM(A1:A3)",
  ])("%j is unparsed", (text) => {
    expect(parseTimeframe(text)).toEqual({ kind: "unparsed", text });
  });

  test("a reversed range still parses, so the order check can report it", () => {
    const tf = parseTimeframe("2030 - 2026");
    expect(tf.kind).toBe("range");
    expect(tf.period).toEqual({ start: day("2030-01-01"), end: day("2026-12-31") });
  });
});

// ---------------------------------------------------------------------------------------------------
// Fixtures: every timeframe that occurs in them.

function seedTimeframes(): { appendix: string[]; delegations: string[] } {
  const appendix = JSON.parse(fs.readFileSync(path.join(FIXTURES, "seed/seed-001-appendix.json"), "utf8")) as {
    header: string[];
    rows: unknown[];
  };
  const column = appendix.header.findIndex((h) => foldKey(h).startsWith("thoi gian"));
  expect(column).toBeGreaterThanOrEqual(0);
  const fromRows = (rows: unknown[], col: number): string[] =>
    rows
      .filter((r): r is string[] => Array.isArray(r))
      .map((r) => r[col])
      .filter((v) => v.trim() !== "");

  const delegationFile = JSON.parse(fs.readFileSync(path.join(FIXTURES, "seed/seed-002-delegations.json"), "utf8")) as Record<
    string,
    { header: string[]; rows: unknown[] }
  >;
  const delegations: string[] = [];
  for (const side of ["outbound", "inbound"]) {
    const table = delegationFile[side];
    const col = table.header.findIndex((h) => foldKey(h).startsWith("thoi gian"));
    expect(col).toBeGreaterThanOrEqual(0);
    delegations.push(...fromRows(table.rows, col));
  }
  return { appendix: fromRows(appendix.rows, column), delegations };
}

/** Values of the timeframe-like columns (Thời gian…, Tiến độ…) of each real TSV, by file. */
function realTimeframes(): Map<string, string[]> {
  const dir = path.join(FIXTURES, "real");
  const byFile = new Map<string, string[]>();
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".tsv"))
    .sort()) {
    const lines = fs.readFileSync(path.join(dir, file), "utf8").split("\n");
    const header = lines[1].split("\t");
    const columns = header
      .map((h, i) => [foldKey(h), i] as const)
      .filter(([h]) => h.startsWith("thoi gian") || h.startsWith("tien do"))
      .map(([, i]) => i);
    const values: string[] = [];
    for (const line of lines.slice(2)) {
      const cells = line.split("\t");
      for (const i of columns) {
        const value = (cells[i] ?? "").trim();
        if (value !== "") values.push(value);
      }
    }
    byFile.set(file, values);
  }
  return byFile;
}

const EXPECTED_BY_TEXT = new Map(HAND_VERIFIED);

describe("parseTimeframe on the fixtures", () => {
  const seeds = seedTimeframes();

  test("seed 001: all 25 filled timeframes parse, none is unparsed", () => {
    expect(seeds.appendix).toHaveLength(25);
    const unparsed = seeds.appendix.filter((t) => parseTimeframe(t).kind === "unparsed");
    expect(unparsed).toEqual([]);
  });

  test("seed 001: kinds add up as read by hand", () => {
    const kinds: Record<string, number> = {};
    for (const t of seeds.appendix) {
      const kind = parseTimeframe(t).kind;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    // 2× Quý IV/2022, 1× Tháng 11/2022; 15 "… và các năm tiếp theo"; 2 Theo yêu cầu; 3 Theo Kế hoạch/Đề án.
    expect(kinds).toEqual({ quarter: 2, month: 1, "open-ended": 15, "on-demand": 2, ongoing: 1, annual: 1, "per-document": 3 });
  });

  test("seed 001: per-period buckets", () => {
    const buckets: Record<string, number> = {};
    for (const t of seeds.appendix) {
      const b = periodBucket(parseTimeframe(t));
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    // SPEC 9 shows the same 14 tasks in bucket 2022.
    expect(buckets).toEqual({ "2022": 14, "2023": 4, "on-demand": 2, ongoing: 1, annual: 1, "per-document": 3 });
  });

  test("seed 002: every delegation timeframe is a 2025 quarter or month, except one ongoing", () => {
    expect(seeds.delegations.length).toBe(25);
    for (const t of seeds.delegations) {
      const tf = parseTimeframe(t);
      if (tf.kind === "ongoing") continue;
      expect([t, tf.kind]).toEqual([t, expect.stringMatching(/^(quarter|month)$/)]);
      expect(tf.period?.start.year).toBe(2025);
      expect(startQuarter(tf)).not.toBeNull();
    }
    expect(seeds.delegations.filter((t) => parseTimeframe(t).kind === "ongoing")).toEqual(["Thường xuyên"]);
  });

  test("every fixture timeframe is in the hand-verified list and parses as listed", () => {
    const all = new Set<string>([...seeds.appendix, ...seeds.delegations]);
    for (const values of realTimeframes().values()) values.forEach((v) => all.add(v));
    const missing = [...all].filter((t) => !EXPECTED_BY_TEXT.has(t));
    expect(missing).toEqual([]);
    for (const t of all) expectTimeframe(t, EXPECTED_BY_TEXT.get(t)!);
  });

  test("in the real appendix tables only a repeated header cell is unparsed", () => {
    const schedulesAndForms = /^(daksong_|bgddt_)/; // a weekly schedule (times of day) and empty forms
    for (const [file, values] of realTimeframes()) {
      if (schedulesAndForms.test(file)) continue;
      const unparsed = values.filter((v) => parseTimeframe(v).kind === "unparsed");
      expect([file, unparsed.filter((v) => v !== "Sản phẩm đầu ra")]).toEqual([file, []]);
    }
  });

  test("real tables yield the expected number of dated timeframes", () => {
    const real = realTimeframes();
    const dated = (file: string) => real.get(file)!.filter((v) => parseTimeframe(v).period !== undefined).length;
    expect(dated("chinhphu_qd2629-2025_pl2_chinh-phu-so.tsv")).toBe(75);
    expect(dated("dongnai_kh179-2025_kinh-te-so-xa-hoi-so.tsv")).toBe(94);
    expect(dated("tphcm_qd2820-2025_csdl-quy-hoach.tsv")).toBe(20);
    expect(dated("daksong_lich-cong-tac_11-17-11-2019.tsv")).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------

describe("periodBucket", () => {
  test.each([
    ["Quý IV/2022", "2022"],
    ["Năm 2023 và các năm tiếp theo", "2023"],
    ["Quý IV/2025- Quý II/2026", "2025"],
    ["2026 - 2030", "2026"],
    ["Trước ngày 30/11/2025", "2025"],
    ["Thường xuyên", "ongoing"],
    ["Hằng năm", "annual"],
    ["Khi có phát sinh", "on-demand"],
    ["Theo Kế hoạch riêng", "per-document"],
    ["Lúc nào đó", "unparsed"],
    ["", "empty"],
    ["Quý I", UNDATED_BUCKET],
  ])("%j → %s", (text, bucket) => {
    expect(periodBucket(parseTimeframe(text))).toBe(bucket);
  });
});

describe("startQuarter", () => {
  test.each([
    ["Quý IV/2022", 4],
    ["Quý I, II/2023", 1],
    ["Tháng 11/2022", 4],
    ["Tháng 3/2026", 1],
    ["Trước ngày 30/11/2025", 4],
    ["Ngày 1/7/2025", 3],
    ["Quý IV/2025- Quý II/2026", 4],
    ["Quý IV/2022 và các năm tiếp theo", 4],
    ["6 tháng cuối năm 2023", null], // a half says nothing about the quarter
    ["2025", null],
    ["2026 - 2030", null],
    ["Năm 2022 và các năm tiếp theo", null],
    ["Quý I", null], // no year: no period to place
    ["Thường xuyên", null],
  ] as Array<[string, number | null]>)("%j → %s", (text, quarter) => {
    expect(startQuarter(parseTimeframe(text))).toBe(quarter);
  });
});

describe("periodProblems", () => {
  const plan2026 = { startYear: 2026, endYear: 2026 };
  test.each([
    ["2030 - 2026", undefined, ["order"]],
    ["Quý II/2026 - Quý IV/2025", undefined, ["order"]],
    ["Quý II/2024", plan2026, ["outside-plan"]],
    ["Trước ngày 30/11/2025", plan2026, ["outside-plan"]],
    ["2024 - 2022", plan2026, ["order", "outside-plan"]],
    ["Quý IV/2025- Quý II/2026", plan2026, []],
    ["Năm 2022 và các năm tiếp theo", plan2026, []], // open-ended never ends before the plan
    ["2026 - 2030", plan2026, []],
    ["Quý II/2024", undefined, []], // without a plan year nothing is outside
    ["Thường xuyên", plan2026, []],
    ["Quý I", plan2026, []],
    ["Lúc nào đó", plan2026, []],
  ] as Array<[string, { startYear: number; endYear: number } | undefined, string[]]>)("%j in %j → %j", (text, plan, problems) => {
    expect(periodProblems(parseTimeframe(text), plan)).toEqual(problems);
  });

  test("seed 001 against its own title has no period problems", () => {
    const plan = planPeriodFromTitle("Các nhiệm vụ cụ thể triển khai công tác đối ngoại năm 2022 - 2023 và các năm tiếp theo");
    expect(plan).toEqual({ startYear: 2022, endYear: 2023 });
    for (const t of seedTimeframes().appendix) expect(periodProblems(parseTimeframe(t), plan!)).toEqual([]);
  });
});

describe("planPeriodFromTitle", () => {
  test.each([
    ["năm 2026", { startYear: 2026, endYear: 2026 }],
    ["KẾ HOẠCH ĐOÀN RA NĂM 2025", { startYear: 2025, endYear: 2025 }],
    ["Phụ lục: Các nhiệm vụ cụ thể triển khai công tác đối ngoại năm 2022 - 2023 và các năm tiếp theo", { startYear: 2022, endYear: 2023 }],
    ["Kế hoạch phát triển kinh tế số giai đoạn 2026-2030", { startYear: 2026, endYear: 2030 }],
    ["giai đoạn 2026 – 2030, tầm nhìn đến năm 2045", { startYear: 2026, endYear: 2030 }],
    ["Chương trình hành động năm 2025, định hướng đến năm 2030", { startYear: 2025, endYear: 2025 }],
    [
      "(Kèm theo Kế hoạch số 144/KH-UBND ngày 24/11/2025 của UBND tỉnh) kinh tế số, xã hội số 2026-2030",
      { startYear: 2026, endYear: 2030 },
    ],
    ["Kế hoạch hạ tầng 5G đến năm 2030", null],
    ["(Kèm theo Kế hoạch số 79/KH-UBND ngày 15/3/2022)", null],
    ["Ngày 15 tháng 3 năm 2022", null],
    ["PHỤ LỤC", null],
    ["", null],
    ["năm 2030 - 2026", null],
  ] as Array<[string, { startYear: number; endYear: number } | null]>)("%j → %j", (title, expected) => {
    expect(planPeriodFromTitle(title)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties

function isValidDay(d: DateParts): boolean {
  if (!Number.isInteger(d.year) || d.year < 1900 || d.year > 2100) return false;
  if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) return false;
  const last = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return Number.isInteger(d.day) && d.day >= 1 && d.day <= last;
}

function checkShape(tf: Timeframe): void {
  if (tf.period) {
    expect(isValidDay(tf.period.start)).toBe(true);
    if (tf.period.end !== null) expect(isValidDay(tf.period.end)).toBe(true);
    expect(tf.granularity).toBeDefined();
  }
  expect(typeof periodBucket(tf)).toBe("string");
  const q = startQuarter(tf);
  expect(q === null || (q >= 1 && q <= 4)).toBe(true);
}

const TIMEFRAME_WORDS = [
  "Quý",
  "Quí",
  "quý",
  "Q",
  "Tháng",
  "tháng",
  "Năm",
  "năm",
  "Ngày",
  "Trước ngày",
  "Từ",
  "đến",
  "Giai đoạn",
  "và các năm tiếp theo",
  "6 tháng đầu năm",
  "I",
  "II",
  "III",
  "IV",
  "V",
  "/",
  "-",
  "–",
  ",",
  " ",
  "\n",
  "0",
  "1",
  "2",
  "12",
  "29",
  "31",
  "2022",
  "2025",
  "1899",
  "2101",
  "9999",
  "Thường xuyên",
  "hằng năm",
  "Theo",
];

describe("parseTimeframe properties", () => {
  test("never throws on arbitrary strings, and any period has valid days", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        checkShape(parseTimeframe(text));
      }),
      { numRuns: 3000 },
    );
  });

  test("never throws on near-miss timeframes built from timeframe words", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TIMEFRAME_WORDS), { maxLength: 10 }), (words) => {
        checkShape(parseTimeframe(words.join("")));
        checkShape(parseTimeframe(words.join(" ")));
      }),
      { numRuns: 3000 },
    );
  });

  const ROMAN = ["I", "II", "III", "IV"];
  test("quarters round-trip in every written form", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1900, max: 2100 }),
        fc.constantFrom("Quý", "Quí", "quý", "QUÝ"),
        fc.boolean(),
        fc.constantFrom("/", "-", " năm ", " Năm ", " / ", "–"),
        (q, year, word, roman, sep) => {
          const tf = parseTimeframe(`${word} ${roman ? ROMAN[q - 1] : String(q)}${sep}${year}`);
          expect(tf.kind).toBe("quarter");
          expect(tf.period?.start).toEqual({ year, month: 3 * q - 2, day: 1 });
          expect(tf.period?.end?.month).toBe(3 * q);
          expect(startQuarter(tf)).toBe(q);
          expect(periodBucket(tf)).toBe(String(year));
        },
      ),
    );
  });

  test("dates round-trip and impossible days are refused", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.constantFrom("/", "-"),
        fc.boolean(),
        (year, month, dayOfMonth, sep, pad) => {
          const two = (n: number) => (pad && n < 10 ? `0${n}` : String(n));
          const text = `${two(dayOfMonth)}${sep}${two(month)}${sep}${year}`;
          const tf = parseTimeframe(text);
          const real = new Date(Date.UTC(year, month - 1, dayOfMonth));
          if (real.getUTCMonth() === month - 1) {
            expect(tf.kind).toBe("date");
            expect(tf.period).toEqual({ start: { year, month, day: dayOfMonth }, end: { year, month, day: dayOfMonth } });
          } else {
            expect(tf.kind).toBe("unparsed");
          }
        },
      ),
    );
  });

  test("year ranges keep their order so reversed ones are reported", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1900, max: 2100 }), (a, b) => {
        const tf = parseTimeframe(`${a} - ${b}`);
        expect(tf.kind).toBe("range");
        expect(periodProblems(tf).includes("order")).toBe(b < a);
        expect(compareDateParts(tf.period!.start, { year: a, month: 1, day: 1 })).toBe(0);
      }),
    );
  });
});
