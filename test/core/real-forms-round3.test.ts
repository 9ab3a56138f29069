/**
 * The families of the third round of the real-table corpus (issue 11), each proved on real text: the English table
 * of QĐ 1671/QĐ-TTg, the national Gantt plan with an English header and the Bắc Giang table extracted from a PDF
 * (test/fixtures/real), read under forms other than the one they were found in.
 */
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { splitAgencyCell } from "../../src/core/agencies/split";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { parseTimeframe } from "../../src/core/timeframe/timeframe";
import { corpusRows } from "../support/corpus";

const dir = defaultDirectory();
const names = (cell: string) => splitAgencyCell(cell, dir).parts.map((p) => p.name);
const known = (cell: string) => splitAgencyCell(cell, dir).parts.map((p) => p.known);

const english = corpusRows({ file: "thutuong_qd1671-2026_pl2-en_trich-nhiem-vu-ai.tsv", origin: "new" });
const gantt = corpusRows({ file: "vnmasterplan_nq57-2025_wbs-theo-thang.tsv", origin: "new" });
const pdf = corpusRows({ file: "bacgiang_da-dtm-2019_nhiem-vu-uu-tien.tsv", origin: "new" });
const register = corpusRows({ file: "vnmasterplan_nq57-2025_so-nhiem-vu-nhom.tsv", origin: "new" });

describe("English tables of Vietnamese decisions", () => {
  test("the ministries' official English names are the ministries, joint leads split at ';'", () => {
    const joint = english.find((r) => r[0] === "63")![2];
    expect(names(joint)).toEqual(["Bộ Khoa học và Công nghệ", "Bộ Công an"]);
    expect(names("Ministry of Culture, Sports and Tourism; Ministry of Planning and Investment")).toEqual([
      "Bộ Văn hóa, Thể thao và Du lịch",
      "Bộ Kế hoạch và Đầu tư",
    ]);
    expect(names("State Bank of Vietnam")).toEqual(["Ngân hàng Nhà nước Việt Nam"]);
  });

  test("a Gantt template's English header is a task table: WBS NUMBER, TASK TITLE, TASK OWNER and DUE DATE", () => {
    const c = checkSheet(gridFromRows(gantt.slice(0, 8)));
    // START DATE (4) is the start; the deadline is the DUE DATE.
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 3, timeframe: 5 });
    expect(c.counts.sections).toBe(2);
    expect(c.counts.tasks).toBe(5);
    expect(c.tasks.map((t) => t.timeframe.kind)).toEqual(["date", "date", "date", "date", "date"]);
  });

  test("'Indicator', 'Content' and 'Lead monitoring agency' name an English appendix of indicators", () => {
    const c = checkSheet(
      gridFromRows([
        ["Indicator (Appendix I)", "Content", "Lead monitoring agency"],
        ["14", "100% dịch vụ công trực tuyến được tích hợp, hỗ trợ bởi AI", "Ministry of Science and Technology"],
        ["15", "100% hồ sơ TTHC được hỗ trợ xử lý bằng AI", "Ministry of Justice"],
      ]),
    );
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 3 });
    expect(c.agencies.map((a) => [a.name, a.lead])).toEqual([
      ["Bộ Khoa học và Công nghệ", 1],
      ["Bộ Tư pháp", 1],
    ]);
  });
});

describe("month/day/year dates", () => {
  test("a date whose second number cannot be a month is month/day/year, as English templates write it", () => {
    const due = gantt.find((r) => r[0] === "1.1.4")![4];
    expect(due).toBe("6/30/2025");
    expect(parseTimeframe(due).period?.start).toEqual({ year: 2025, month: 6, day: 30 });
    expect(parseTimeframe("12/31/2025").period?.start).toEqual({ year: 2025, month: 12, day: 31 });
  });

  test("a date that reads both ways stays day/month/year, and an impossible one stays impossible", () => {
    expect(parseTimeframe("6/5/2025").period?.start).toEqual({ year: 2025, month: 5, day: 6 });
    expect(parseTimeframe("30/6/2025").period?.start).toEqual({ year: 2025, month: 6, day: 30 });
    expect(parseTimeframe("13/31/2025").kind).toBe("unparsed");
  });
});

describe("tables extracted from a PDF", () => {
  test("a name broken at every line of a narrow column is one body; a bare head word never stands alone", () => {
    const row = pdf.find((r) => r[0] === "1")!;
    expect(names(row[2])).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(names(row[3])).toEqual(["Văn phòng UBND tỉnh", "Các sở, ban, ngành, địa phương"]);
    expect(known(row[3])).toEqual([true, true]);
    expect(names("Ban\nQuản lý Khu kinh tế tỉnh")).toEqual(["Ban Quản lý Khu kinh tế tỉnh"]);
    // Two whole names on two lines stay two bodies.
    expect(names("Sở Tư pháp\nSở Tài chính")).toEqual(["Sở Tư pháp", "Sở Tài chính"]);
  });

  test("a header repeated where the page broke does not end the task above: the overflow row after it is its tail", () => {
    const header = pdf.slice(0, 2);
    const i = pdf.findIndex((r) => r[0] === "2");
    // Task I.2, the repeated two-row header, then the row carrying the end of I.2's content ("mạng xã hội").
    const rows = [...header, pdf[i - 1], pdf[i], ...pdf.slice(i + 1, i + 4)];
    expect(rows[rows.length - 1][1]).toBe("mạng xã\nhội");
    const c = checkSheet(gridFromRows(rows));
    expect(c.counts.tasks).toBe(2);
    expect(c.tasks.map((t) => t.timeframe.kind)).toEqual(["range", "range"]);
    expect(c.issues.filter((x) => x.code === "missing-stt" || x.code === "missing-lead")).toEqual([]);
  });

  test("a year range hyphenated at the end of a PDF line is a range", () => {
    const tf = parseTimeframe(pdf.find((r) => r[0] === "7")![5]);
    expect(tf.kind).toBe("range");
    expect(tf.period?.start.year).toBe(2020);
    expect(tf.period?.end?.year).toBe(2022);
  });
});

describe("abbreviations written with commas", () => {
  test("'Bộ VH, TT và DL' is one ministry, not three bodies", () => {
    expect(names("Bộ VH, TT và DL")).toEqual(["Bộ Văn hóa, Thể thao và Du lịch"]);
    expect(names("Sở VH, TT và DL, Sở Tài chính")).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính"]);
  });
});

describe("task registers", () => {
  test("'Mã Nhiệm vụ (NV)' and 'Mô tả Nhiệm vụ' make a task table; of the two dates the end date is the deadline", () => {
    const c = checkSheet(gridFromRows(register.slice(0, 8)));
    // "Nhóm Nhiệm vụ" (1) is a group repeated on every row; "Ngày Bắt Đầu" (4) is the start.
    expect(c.table!.header.columns).toEqual({ stt: 2, content: 3, timeframe: 5 });
    expect(c.counts.tasks).toBe(7);
    expect(c.counts.sections).toBe(0);
    expect(c.tasks[6].timeframe.period?.start).toEqual({ year: 2025, month: 12, day: 31 });
  });

  test("a tracking sheet's 'Ngày hoàn thành' (the date reported done) is not read as the deadline", () => {
    const c = checkSheet(
      gridFromRows([
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Ngày hoàn thành"],
        ["1", "Xây dựng chương trình tuyên truyền", "Sở Tư pháp", "2025-03-31"],
      ]),
    );
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 3 });
  });
});
