/**
 * The families of the second round of the real-table corpus (issue 11), each proved on a text other than the
 * table it was found in: real task rows of NQ 03/NQ-CP PL II (test/fixtures/real) under the forms seen in NQ 12/NQ-CP,
 * the earlier text of NQ 03 PL II, the Lào Cai plan of 2026 and the work plans of two organisations.
 */
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { headerField } from "../../src/core/kinds/tasks/header";
import { gridFromRows } from "../../src/core/sheet/grid";
import { splitAgencyCell } from "../../src/core/agencies/split";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { parseTimeframe } from "../../src/core/timeframe/timeframe";
import { splitRoleLabels } from "../../src/core/agencies/roles";
import { corpusRows } from "../support/corpus";
import { fileReport } from "../../src/core/output/file-report";
import { FileReportSchema } from "../../src/core/output/report";
import { taskSheets } from "../../src/core/kinds/tasks/sheets";

const nq03 = corpusRows({ file: "chinhphu_nq03-2025_pl2_nhiem-vu.tsv", origin: "new" });
const HEADER = nq03[3];
/** Real task rows (STT, content, lead, coordinating, result, timeframe) of NQ 03/NQ-CP PL II. */
const task = (n: number) => nq03.find((r) => r[0] === `${n}.`)!.slice();
const dir = defaultDirectory();
const names = (cell: string) => splitAgencyCell(cell, dir).parts.map((p) => p.name);

describe("headings", () => {
  test("a heading whose title was copied into every cell when its merge was lost is one heading", () => {
    const title = "Nâng cao nhận thức, đột phá về đổi mới tư duy";
    const c = checkSheet(gridFromRows([HEADER, ["I", title, title, title, title, title], task(1), task(2)]));
    expect(c.counts.sections).toBe(1);
    expect(c.table!.sections[0].title).toBe(title);
    expect(c.counts.tasks).toBe(2);
  });

  test("a Roman-numbered heading with a stray span in the timeframe column and no body is still a heading", () => {
    const c = checkSheet(
      gridFromRows([HEADER, ["II.", "Khẩn trương, quyết liệt hoàn thiện thể chế", "", "", "", "các năm tiếp theo"], task(14), task(15)]),
    );
    expect(c.counts.sections).toBe(1);
    expect(c.counts.tasks).toBe(2);
    expect(c.issues.filter((i) => i.code === "missing-lead")).toEqual([]);
  });

  test("a code that is no number over a title in capitals, with its span, heads the work packages under it", () => {
    const c = checkSheet(
      gridFromRows([
        ["Mã nhiệm vụ", "Nội dung công việc", "Bộ phận chủ trì", "Bộ phận phối hợp", "Mốc hoàn thành"],
        ["GĐ1", "CHUẨN BỊ VÀ KHẢO SÁT", "", "", "Tháng 1–2"],
        ["1.1", "Khảo sát hiện trạng hệ thống", "Phòng Tổng hợp", "Phòng Kỹ thuật", "15/01"],
        ["1.2", "Lập báo cáo khảo sát", "Phòng Kỹ thuật", "", "28/02"],
      ]),
    );
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 5 });
    expect(c.counts.sections).toBe(1);
    expect(c.counts.tasks).toBe(2);
    expect(c.tasks.map((t) => t.timeframe.kind)).toEqual(["date", "date"]);
  });

  test("the tail of a task pushed to a row of its own by a page break belongs to the task above", () => {
    const t = task(13);
    const c = checkSheet(
      gridFromRows([HEADER, t, ["", "trân trọng từng phát minh, sáng kiến, dù nhỏ nhất", "", "ngành, địa phương", "", ""], task(14)]),
    );
    expect(c.counts.tasks).toBe(2);
    expect(c.issues.filter((i) => i.code === "missing-stt" || i.code === "missing-lead")).toEqual([]);
  });

  test("an unnumbered row with a lead of its own is still a task", () => {
    const c = checkSheet(gridFromRows([HEADER, task(13), ["", "Tổ chức tổng kết phong trào thi đua", "Bộ Nội vụ", "", "", "12/2026"]]));
    expect(c.counts.tasks).toBe(2);
  });
});

describe("header wordings", () => {
  test.each([
    ["Cơ quan đầu mối; đơn vị thực hiện", "lead"],
    ["Bộ phận chủ trì", "lead"],
    ["Phòng ban phối hợp", "coordinating"],
    ["Phân công thực hiện", "lead"],
    ["Mã WBS", "stt"],
    ["Mã nhiệm vụ", "stt"],
    ["Mốc hoàn thành", "timeframe"],
    ["Hạn hoàn thành", "timeframe"],
  ])("%j names the %s column", (text, field) => {
    expect(headerField(text)).toBe(field);
  });

  test("a person before the role is no unit: a schedule's 'Lãnh đạo chủ trì' names no task column", () => {
    expect(headerField("Lãnh đạo chủ trì")).toBeNull();
  });

  test("a column of task numbers is not the content column, whatever its header says", () => {
    const c = checkSheet(
      gridFromRows([
        ["TT", "Nhiệm vụ số", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện"],
        ["1", "14, 26", task(14)[1], "Bộ Khoa học và Công nghệ", "2025"],
        ["2", "21", task(21)[1], "Bộ Khoa học và Công nghệ", "6/2025"],
        ["3", "-", task(22)[1], "Bộ Giáo dục và Đào tạo", "2025"],
      ]),
    );
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 3, lead: 4, timeframe: 5 });
  });

  test("numbered prose with no STT column, a lead and a timeframe: the content is inferred, the numbers left of it are not", () => {
    const c = checkSheet(
      gridFromRows([
        ["Kết quả đầu ra", "Nhiệm vụ liên quan", "Đơn vị chủ trì", "Thời hạn"],
        [`1. ${task(15)[1]}`, "15", "Bộ Khoa học và Công nghệ", "2025"],
        [`2. ${task(16)[1]}`, "16", "Bộ Khoa học và Công nghệ", "Tháng 10/2025"],
      ]),
    );
    expect(c.table!.header.columns).toEqual({ content: 1, lead: 3, timeframe: 4 });
    expect(c.counts.tasks).toBe(2);
  });
});

describe("roles named by label in one cell", () => {
  test("'Chủ trì: … Phối hợp: …' gives the lead and the coordinating bodies", () => {
    expect(splitRoleLabels("Chủ trì: Sở Tư pháp.\nPhối hợp: Sở Nội vụ, Công an tỉnh.")).toEqual({
      lead: "Sở Tư pháp.",
      coordinating: "Sở Nội vụ, Công an tỉnh.",
    });
    expect(splitRoleLabels("Sở Tư pháp chủ trì")).toBeNull();
    expect(splitRoleLabels("Chủ trì: Sở Tư pháp")).toBeNull();
  });

  test("a 'Phân công thực hiện' table counts each body in its role", () => {
    const c = checkSheet(
      gridFromRows([
        ["STT", "Nội dung", "Phân công thực hiện", "Thời gian"],
        ["1", task(5)[1], "Chủ trì: Sở Nội vụ.\nPhối hợp: Sở Tư pháp, Sở Tài chính.", "Quý II/2026"],
        ["2", task(10)[1], "Chủ trì: Sở Nội vụ; Sở Tư pháp.\nPhối hợp: Sở Tài chính.", "2026"],
      ]),
    );
    const of = (n: string) => c.agencies.find((a) => a.name === n);
    expect(of("Sở Nội vụ")).toMatchObject({ lead: 2, coordinating: 0 });
    expect(of("Sở Tư pháp")).toMatchObject({ lead: 1, coordinating: 1 });
    expect(of("Sở Tài chính")).toMatchObject({ lead: 0, coordinating: 2 });
  });
});

describe("timeframes", () => {
  test("the period of a first clause is the timeframe's, whatever cycle a later clause names", () => {
    const tf = parseTimeframe("Ban hành quý I/2026; tổ chức thực hiện, kiểm tra hằng năm");
    expect(tf.kind).toBe("quarter");
    expect(tf.period?.start).toEqual({ year: 2026, month: 1, day: 1 });
    // One clause that names its own cycle stays a cycle.
    expect(parseTimeframe("Tháng 12 hằng năm").kind).toBe("annual");
    expect(parseTimeframe("Thường xuyên; báo cáo trước 15/12 hằng năm").kind).toBe("ongoing");
  });

  test("a day and a month with the year left to the plan is a date", () => {
    expect(parseTimeframe("Trước 15/12")).toMatchObject({ kind: "date", deadline: true });
    expect(parseTimeframe("30/2").kind).toBe("unparsed");
    expect(parseTimeframe("12/2025").kind).toBe("month");
  });
});

describe("agencies", () => {
  test("a full stop after an abbreviation of a body ends it", () => {
    expect(names("Sở TT&TT. Công an tỉnh")).toEqual(["Sở Thông tin và Truyền thông", "Công an tỉnh"]);
    expect(names("UBND TP. Hà Nội")).toEqual(["UBND thành phố Hà Nội"]);
  });

  test("'<br>' of a rendered table is a line break", () => {
    expect(names("Sở Tư pháp<br>Sở Nội vụ")).toEqual(["Sở Tư pháp", "Sở Nội vụ"]);
  });

  test("the persons after a unit's colon are contacts, the unit is the body", () => {
    const cell = splitAgencyCell("Văn phòng UBND tỉnh: Hùng, Lan", dir);
    expect(cell.parts.map((p) => p.name)).toEqual(["Văn phòng UBND tỉnh"]);
    expect(cell.contacts).toEqual(["Hùng, Lan"]);
    expect(names("Các Bộ: Quốc phòng, Xây dựng")).toEqual(["Bộ Quốc phòng", "Bộ Xây dựng"]);
  });

  test("research institutes and universities written in lower case are a group, not part of the body before them", () => {
    const cell = splitAgencyCell("Sở Y tế, viện nghiên cứu, trường đại học", dir);
    expect(cell.parts.map((p) => [p.kind, p.text])).toEqual([
      ["agency", "Sở Y tế"],
      ["group", "viện nghiên cứu, trường đại học"],
    ]);
  });

  test.each([
    ["Bộ Nông nghiệp và PTNT", "Bộ Nông nghiệp và Phát triển nông thôn"],
    ["Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Thống kê tỉnh", "Cục Thống kê tỉnh"],
    ["Vinachem", "Tập đoàn Hóa chất Việt Nam"],
  ])("%j is %j", (written, name) => {
    expect(names(written)).toEqual([name]);
  });
});

describe("provincial bodies of several provinces", () => {
  const H = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"];
  const of = (c: ReturnType<typeof checkSheet>, n: string) => c.agencies.find((a) => a.name === n);

  test("a table that names the departments of two provinces keeps them apart, each with its province", () => {
    const c = checkSheet(
      gridFromRows([
        H,
        ["1", "Rà soát văn bản quy phạm pháp luật cần xử lý", "Sở Tư pháp tỉnh An Giang", "Công an tỉnh Kiên Giang", "Quý I/2026"],
        ["2", "Rà soát văn bản quy phạm pháp luật cần xử lý", "Sở Tư pháp tỉnh Kiên Giang", "Công an tỉnh An Giang", "Quý I/2026"],
      ]),
    );
    expect(of(c, "Sở Tư pháp tỉnh An Giang")?.lead).toBe(1);
    expect(of(c, "Sở Tư pháp tỉnh Kiên Giang")?.lead).toBe(1);
    expect(of(c, "Công an tỉnh An Giang")?.coordinating).toBe(1);
    expect(of(c, "Sở Tư pháp")).toBeUndefined();
  });

  test("a provincial plan that names its own province, or not, has one department", () => {
    const c = checkSheet(
      gridFromRows([
        H,
        ["1", "Rà soát văn bản", "Sở Tư pháp tỉnh Lào Cai", "", "2026"],
        ["2", "Tổng hợp kết quả", "Sở Tư pháp", "", "2026"],
      ]),
    );
    expect(of(c, "Sở Tư pháp")?.lead).toBe(2);
  });
});

describe("contacts", () => {
  test("the persons of the Contact Center plan are listed with their cell, and no agency is counted for them", () => {
    const truth = { file: "contact-center_kh-2026_giai-doan-ai-agent.tsv", origin: "new" as const };
    const c = checkSheet(gridFromRows(corpusRows(truth)));
    expect(c.contacts.filter((x) => x.field === "lead").map((x) => [x.cell, x.text])).toEqual([
      ["F2", "A. Dương"],
      ["F3", "Huy"],
      ["F4", "Quy"],
      ["F5", "Hiếu"],
      ["F6", "Quy"],
      ["F7", "Quy"],
    ]);
    expect(c.agencies.map((a) => a.name)).not.toContain("Huy");
  });

  test("the JSON report shows them, and still parses", () => {
    const c = checkSheet(
      gridFromRows([
        ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        ["1", task(7)[1], "Nhung - Sở Tư pháp", "Sở Nội vụ\nĐ/c Minh, ĐT: 0912 345 678", "Quý I/2026"],
      ]),
    );
    const report = fileReport("ke-hoach.xlsx", c, "vi");
    expect(FileReportSchema.parse(report).contacts).toEqual([
      { row: 2, cell: "C2", field: "lead", text: "Nhung" },
      { row: 2, cell: "D2", field: "coordinating", text: "Đ/c Minh, ĐT: 0912 345 678" },
    ]);
    expect(c.agencies.map((a) => a.name).sort()).toEqual(["Sở Nội vụ", "Sở Tư pháp"]);
  });
});

describe("a burst of numbering restarts", () => {
  const H = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"];
  test("makes the reader take the unnumbered rows before each restart as the headings it missed", () => {
    const c = checkSheet(
      gridFromRows([
        H,
        ["", "Lĩnh vực giáo dục", "Sở Giáo dục và Đào tạo", "", ""],
        ["1", task(3)[1], "", "Sở Nội vụ", "2026"],
        ["2", task(6)[1], "", "", "2026"],
        ["", "Lĩnh vực y tế", "Sở Y tế", "", ""],
        ["1", task(7)[1], "", "", "Quý II/2026"],
        ["2", task(9)[1], "", "", "2027"],
        ["", "Lĩnh vực tư pháp", "Sở Tư pháp", "", ""],
        ["1", task(8)[1], "Sở Tư pháp", "", "2026"],
      ]),
    );
    expect(c.counts.sections).toBe(3);
    expect(c.counts.tasks).toBe(5);
    expect(c.issues.filter((i) => i.code === "duplicate-stt" || i.code === "missing-lead" || i.code === "missing-stt")).toEqual([]);
    expect(c.agencies.find((a) => a.name === "Sở Y tế")?.lead).toBe(2);
  });

  test("one restart alone changes nothing: the row before it stays a task", () => {
    const c = checkSheet(
      gridFromRows([
        H,
        ["1", task(3)[1], "Sở Nội vụ", "", "2026"],
        ["2", task(6)[1], "Sở Nội vụ", "", "2026"],
        ["", "Tổng hợp, báo cáo kết quả", "Sở Nội vụ", "", ""],
        ["1", task(7)[1], "Sở Y tế", "", "2026"],
      ]),
    );
    expect(c.counts.sections).toBe(0);
    expect(c.counts.tasks).toBe(4);
  });
});

test("the agencies sheet model lists the contacts after the bodies, with their cell and role", () => {
  const c = checkSheet(
    gridFromRows([
      ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
      ["1", task(7)[1], "Nhung - Sở Tư pháp", "Sở Nội vụ", "Quý I/2026"],
    ]),
  );
  const sheet = taskSheets([{ file: "ke-hoach.xlsx", check: c }], "vi").agencies;
  const at = sheet.rows.findIndex((r) => r[0].value === "Người liên hệ ghi trong ô cơ quan (không tính là cơ quan)");
  expect(at).toBeGreaterThan(sheet.headerRow);
  expect(sheet.rows[at + 1].slice(0, 4).map((x) => x.value)).toEqual([1, "Nhung", "C2", "Chủ trì"]);
  expect(sheet.rows.some((r) => r[1]?.value === "Nhung" && r[2]?.style === "integer")).toBe(false);
});
