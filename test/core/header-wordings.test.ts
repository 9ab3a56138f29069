/**
 * Finding the header and its columns in the forms real tables take (issue 11): the wordings of officers'
 * workbooks, footnote marks and decorations, English tables, and a header whose content column is worded some
 * other way. Rows are real text from the corpus (test/fixtures/real).
 */
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { headerField } from "../../src/core/kinds/tasks/header";
import { corpusRows } from "../support/corpus";

describe("wordings of an officers' workbook (Sở Tư pháp An Giang, 2026)", () => {
  test("'Tên gọi văn bản | Cơ quan soạn thảo | … | Người xử lý | … | Ngày dự kiến trình ban hành' is a task table", () => {
    const c = checkSheet(gridFromRows(corpusRows({ file: "angiang_stp-2026_nq-can-xu-ly.tsv", origin: "new" })));
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 3, timeframe: 13 });
    expect(c.table!.extras.find((e) => e.header === "Người xử lý")?.role).toBe("contact");
    // The sub-header row under "Hình thức xử lý" is not a task.
    expect(c.tasks.map((t) => t.row.row)).toEqual([3, 4, 5, 6, 7]);
    expect(c.issues.filter((i) => i.code === "missing-column").map((i) => i.field)).toEqual(["coordinating"]);
  });

  test("the planned date wins over when it was handled ('Ngày dự kiến trình ban hành' before 'Thời gian xử lý')", () => {
    const c = checkSheet(gridFromRows(corpusRows({ file: "angiang_stp-2026_qd-ubnd-da-xu-ly.tsv", origin: "new" })));
    expect(c.table!.header.columns.timeframe).toBe(13);
    expect(c.table!.extras.map((e) => e.header)).toContain("Thời gian xử lý");
  });
});

describe("decorations and footnote marks do not lose a column", () => {
  test.each([
    ["Cơ quan chủ trì[1]", "lead"],
    ["Cơ quan chủ trì¹", "lead"],
    ["Thời gian hoàn thành (*)", "timeframe"],
    ["Thời gian hoàn thành:", "timeframe"],
    ["Cơ quan phối hợp (2)", "coordinating"],
    ["Tên nhóm nhiệm vụ/nhiệm vụ", "content"],
    ["Nhiệm vụ cụ thể", "content"],
    ["Nội dung công việc", "content"],
    ["Đơn vị đầu mối", "lead"],
    ["Cơ quan thực hiện", "lead"],
    ["Thời hạn", "timeframe"],
    ["Thời hạn hoàn thành", "timeframe"],
    ["Mốc thời gian", "timeframe"],
  ])("%j names %s", (text, field) => {
    expect(headerField(text)).toBe(field);
  });

  test("'Chỉ tiêu đạt được' is a result column, not the content", () => {
    expect(headerField("Chỉ tiêu đạt được")).toBeNull();
    expect(headerField("Chỉ tiêu")).toBe("content");
  });
});

describe("English tables", () => {
  test.each([
    ["No.", "stt"],
    ["Task", "content"],
    ["Lead agency", "lead"],
    ["Coordinating agencies", "coordinating"],
    ["Timeline", "timeframe"],
    ["Deadline", "timeframe"],
  ])("%j names %s", (text, field) => {
    expect(headerField(text)).toBe(field);
  });

  test("a whole English header over real rows is read", () => {
    const rows = corpusRows({ file: "chinhphu_nq03-2025_pl2_nhiem-vu.tsv", origin: "new" }).slice(3, 10);
    rows[0] = ["No.", "Task", "Lead agency", "Coordinating agencies", "Outputs", "Timeline"];
    const c = checkSheet(gridFromRows(rows));
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 3, coordinating: 4, timeframe: 6 });
    expect(c.table!.extras.map((e) => e.role)).toEqual(["product"]);
    expect(c.counts.tasks).toBe(5);
  });
});

describe("a header that words the content column some other way", () => {
  test("the column of long prose is the content, the table is read, nothing is lost", () => {
    // Real rows of the An Giang workbook under a header whose content cell is worded as some offices do.
    const rows = corpusRows({ file: "angiang_stp-2026_qd-ubnd-can-xu-ly.tsv", origin: "new" });
    rows[0] = rows[0].slice();
    rows[0][1] = "Văn bản cần xây dựng, sửa đổi";
    const c = checkSheet(gridFromRows(rows));
    expect(c.table).not.toBeNull();
    expect(c.table!.header.columns.content).toBe(2);
    expect(c.counts.tasks).toBe(5);
  });

  test("Contact Center plan: with four fields named, the content is the column that names each phase, not the prose about it", () => {
    const rows = corpusRows({ file: "contact-center_kh-2026_giai-doan-ai-agent.tsv", origin: "new" });
    const c = checkSheet(gridFromRows(rows));
    // 'Giai đoạn' names each row; 'Mục tiêu' (a goal) and 'Sản phẩm/Kết quả đạt được' (products) describe it;
    // 'Chuyên gia' repeats the same advisers over three rows.
    expect(c.table!.header.columns).toEqual({ stt: 1, content: 2, lead: 6, coordinating: 7, timeframe: 9 });
    expect(c.tasks.map((t) => t.row.fields.content)[0]).toBe("Xác định mục tiêu & phạm vi");
    expect(c.counts.tasks).toBe(7);
  });

  test("with the phase and pillar columns gone, no column names the rows: the longest prose is the content", () => {
    const rows = corpusRows({ file: "contact-center_kh-2026_giai-doan-ai-agent.tsv", origin: "new" }).map((r) => [r[0], ...r.slice(3)]);
    const c = checkSheet(gridFromRows(rows));
    expect(c.table!.header.columns.content).toBe(3);
    expect(c.counts.tasks).toBe(7);
  });
});
