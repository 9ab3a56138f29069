/**
 * The families of the fourth round of the real-table corpus (issue 11), each proved on real text: the Hà Nội appendix
 * (KH 277, 2026) as an analyst's PDF extractor flattens its two levels and pandas shows it (test/fixtures/real), read
 * under forms other than the one it was found in.
 */
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { parseTimeframe } from "../../src/core/timeframe/timeframe";
import { corpusRows } from "../support/corpus";

const flattened = corpusRows({ file: "hanoi_kh277-2026_pl_cao-diem-100-ngay.tsv", origin: "new" });
const migration = corpusRows({ file: "hanoi_syt-cv6582_di-tru-ho-so-suc-khoe.tsv", origin: "new" });
const header = flattened[0];
const row = (code: string) => flattened.find((r) => r[8] === code)!;

describe("a header of ASCII field names, as a script or a database exports a table", () => {
  test("ten_nhiem_vu, don_vi_chu_tri, don_vi_phoi_hop, thoi_han and ma_nhiem_vu are the task table's fields", () => {
    const c = checkSheet(gridFromRows([header, row("1a"), row("1b"), row("2a"), row("12b")]));
    // Column 1 is pandas's unnamed 0-based index: not the number column.
    expect(c.table!.header.columns).toEqual({ stt: 9, content: 2, lead: 3, coordinating: 4, timeframe: 6 });
    expect(c.counts.tasks).toBe(4);
    expect(c.tasks.map((t) => t.leads.map((l) => l.name))).toEqual([
      ["Sở Tài chính"],
      ["Sở Quy hoạch - Kiến trúc"],
      ["Sở Nông nghiệp và Môi trường"],
      ["Các sở, ban, ngành", "UBND các xã, phường"],
    ]);
  });

  test("the same field names without the index column, in another order, still name the fields", () => {
    const pick = (r: string[]) => [r[8], r[5], r[1], r[2]];
    const c = checkSheet(gridFromRows([pick(header), pick(row("3a")), pick(row("6a"))]));
    expect(c.table!.header.columns).toEqual({ stt: 1, timeframe: 2, content: 3, lead: 4 });
    expect(c.tasks.map((t) => t.leads.map((l) => l.name))).toEqual([["Sở Khoa học và Công nghệ"], ["UBND các xã, phường"]]);
  });

  test("a register whose codes are all NaN keeps its rows as tasks, and its joint cells split", () => {
    const c = checkSheet(gridFromRows(migration.slice(0, 6)));
    expect(c.table!.header.columns).toEqual({ stt: 8, content: 2, lead: 3, coordinating: 4, timeframe: 5 });
    expect(c.counts.tasks).toBe(5);
    expect(c.tasks[0].leads.map((l) => l.name)).toEqual(["Sở Y tế"]);
    expect(c.tasks[1].leads.map((l) => l.name)).toEqual(["Sở Khoa học và Công nghệ"]);
    const viettel = "Tập đoàn Công nghiệp - Viễn thông Quân đội";
    expect(c.agencies.find((a) => a.name === viettel)?.coordinating).toBe(2);
    expect(c.agencies.find((a) => a.name === "Sở Khoa học và Công nghệ")?.coordinating).toBe(2);
  });

  test("a header with underscores between Vietnamese words reads as the words", () => {
    const c = checkSheet(
      gridFromRows([
        ["STT", "Nội_dung_nhiệm_vụ", "Cơ_quan_chủ_trì", "Thời_gian_hoàn_thành"],
        ["1", row("7a")[1], row("7a")[2], row("7a")[5]],
      ]),
    );
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 3, timeframe: 4 });
    expect(c.tasks[0].timeframe.kind).toBe("date");
  });
});

describe("a name whose area level the PDF wrapped onto the next line", () => {
  test("'Văn phòng UBND\\nThành phố' is one body, not the office and an unknown 'Thành phố'", () => {
    const cell = row("1e")[2];
    expect(cell).toBe("Văn phòng UBND\nThành phố");
    const c = checkSheet(gridFromRows([header, row("1e")]));
    expect(c.tasks[0].leads.map((l) => l.name)).toEqual(["Văn phòng UBND tỉnh"]);
    expect(c.agencies.some((a) => a.name === "Thành phố")).toBe(false);
  });

  test("the same wrap after 'Công an' and in a list, while a level that starts a new body is left alone", () => {
    const c = checkSheet(
      gridFromRows([
        ["STT", "Nội dung", "Cơ quan chủ trì"],
        ["1", row("3b")[1], "Công an\nThành phố"],
        ["2", row("3b")[1], "Sở Tài chính;\nUBND thành phố Hà Nội"],
      ]),
    );
    expect(c.tasks.map((t) => t.leads.map((l) => l.name))).toEqual([["Công an tỉnh"], ["Sở Tài chính", "UBND thành phố Hà Nội"]]);
  });
});

describe("deadlines counted from the day the document is issued", () => {
  test("'100 ngày kể từ ngày ban hành Kế hoạch', wrapped anywhere by the PDF, is timed by the document", () => {
    const texts = [row("3a")[5], row("4c")[5]];
    expect(texts[0]).toBe("100 ngày kể\ntừ ngày ban\nhành Kế\nhoạch");
    expect(texts[1]).toBe("100 ngày kể từ\nngày ban hành\nKế hoạch");
    for (const t of texts) expect(parseTimeframe(t).kind).toBe("per-document");
  });

  test("'Từ ngày ban hành Kế hoạch trở đi' and the other wordings of the family", () => {
    expect(parseTimeframe(row("4d")[5]).kind).toBe("per-document");
    for (const t of ["Trong vòng 30 ngày kể từ ngày ký", "15 ngày làm việc kể từ ngày Quyết định có hiệu lực", "Từ ngày ký"])
      expect(parseTimeframe(t).kind).toBe("per-document");
  });

  test("a length with no anchor is still unparsed, and dated wordings keep their period", () => {
    expect(parseTimeframe(row("12b")[5]).kind).toBe("unparsed");
    const dated = parseTimeframe("Từ ngày 01/7/2026");
    expect(dated.kind).not.toBe("per-document");
    expect(dated.period?.start).toEqual({ year: 2026, month: 7, day: 1 });
  });
});
