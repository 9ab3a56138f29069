/**
 * Plans that write their tasks as paragraphs (issue 19), read from real text: the Bình Phước plan (seed 004) as
 * copied from its PDF, and excerpts of other plans whose numbered parts hold no tasks.
 */
import { gridFromRows } from "../../src/core/sheet/grid";
import { checkParagraphPlan, placeText } from "../../src/core/kinds/paragraphs/check-plan";
import { labelledLine, labelRole } from "../../src/core/kinds/paragraphs/field-labels";
import { logicalParagraphs, paragraphsFromText } from "../../src/core/kinds/paragraphs/plan-paragraphs";
import { readParagraphPlan } from "../../src/core/kinds/paragraphs/read-plan";
import { sheetText } from "../../src/core/kinds/paragraphs/sheet-text";
import { checkWorkbook } from "../../src/core/workbook";
import { TaskCheck } from "../../src/core/kinds/tasks/check";
import { expectSeed004Figures, planText, SEED_004 } from "../support/paragraph-plans";

const seed = () => readParagraphPlan(paragraphsFromText(planText(SEED_004)));

function checked(text: string): TaskCheck {
  const r = checkParagraphPlan(readParagraphPlan(paragraphsFromText(text)), { sheetName: "plan", format: "txt" });
  if (!r.ok) throw new Error("no tasks");
  return r.check;
}

describe("seed 004 (Bình Phước, thông tin đối ngoại 2022) as text", () => {
  test("12 tasks in 2 sections: headings 2 and 5 hold sub-tasks, 1, 3 and 4 are tasks themselves", () => {
    const plan = seed();
    expect(plan.tasks.map((t) => t.number)).toEqual(["1", "2.1", "2.2", "3", "4", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]);
    expect(plan.sections.map((s) => s.number)).toEqual(["2", "5"]);
    expect(plan.tasks.filter((t) => t.section === -1).map((t) => t.number)).toEqual(["1", "3", "4"]);
    expect(plan.sections[1].title).toMatch(/^Đẩy mạnh triển khai Quyết định số 1191\/QĐ-TTg ngày 05\/8\/2020 .* hợp tác và phát triển$/);
  });

  test("the Kinh phí and Tổ chức thực hiện parts, and Mục đích / Yêu cầu, are no tasks", () => {
    const plan = seed();
    const contents = plan.tasks.map((t) => t.content).join("\n");
    expect(contents).not.toMatch(/Sở Tài chính căn cứ vào nguồn kinh phí/);
    expect(contents).not.toMatch(/Từ nguồn ngân sách nhà nước/);
    expect(contents).not.toMatch(/Mục đích|bám sát chủ trương/);
  });

  test("every task has its timeframe in 2022; Sở TT&TT leads 5 (3 jointly) and monitors 1, 2.1 and 2.2", () => {
    const check = checked(planText(SEED_004));
    expectSeed004Figures(check);
    const task3 = check.tasks.find((t) => t.row.fields.stt === "3")!;
    expect(task3.leads.map((l) => l.name)).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông"]);
    const plan = seed();
    const monitored = plan.tasks.filter((t) => /Sở Thông tin và Truyền thông/.test(t.fields.monitoring)).map((t) => t.number);
    expect(monitored).toEqual(["1", "2.1", "2.2"]);
    // The monitoring body is neither lead nor coordinator of those tasks.
    for (const n of ["1", "2.1", "2.2"]) {
      const t = check.tasks.find((x) => x.row.fields.stt === n)!;
      expect([...t.leads, ...t.coordinating].map((p) => p.name)).not.toContain("Sở Thông tin và Truyền thông");
    }
  });

  test("the content is the heading with its Nội dung thực hiện, + sub-points kept one per line", () => {
    const t21 = seed().tasks.find((t) => t.number === "2.1")!;
    const lines = t21.content.split("\n");
    expect(lines[0]).toBe(
      "Tuyên truyền, quảng bá tiềm năng, thế mạnh, chính sách thu hút đầu tư của tỉnh đến các tỉnh, thành trong nước và bạn bè quốc tế.",
    );
    expect(lines.slice(1).every((l) => l.startsWith("+ "))).toBe(true);
    expect(lines).toHaveLength(6);
    const t1 = seed().tasks[0];
    expect(t1.content).toMatch(/^Quán triệt, triển khai văn bản chỉ đạo, quản lý hoạt động thông tin đối ngoại\nCác cơ quan, đơn vị thuộc/);
  });

  test("lines broken in mid-sentence are joined back (blank lines between them do not break a paragraph)", () => {
    const plan = seed();
    const t53 = plan.tasks.find((t) => t.number === "5.3")!;
    // "… Ủy ban nhân dân huyện" / "Lộc Ninh và huyện Bù Đốp, các đơn vị liên quan" / " - Thời gian thực hiện: Năm 2022."
    expect(t53.fields.coordinating).toBe(
      "Sở Thông tin và Truyền thông, Ủy ban nhân dân huyện Lộc Ninh và huyện Bù Đốp, các đơn vị liên quan",
    );
    expect(t53.fields.timeframe).toBe("Năm 2022.");
    const t21 = plan.tasks.find((t) => t.number === "2.1")!;
    expect(t21.fields.monitoring).toBe(
      "Sở Thông tin và Truyền thông chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy, Trung tâm xúc tiến Đầu tư, Thương mại và Du lịch tỉnh.",
    );
    expect(plan.title).toMatch(/^KẾ HOẠCH Công tác thông tin đối ngoại trên địa bàn tỉnh năm 2022/);
  });

  test("label variants of the plan itself: Đơn vị thực hiện / Đơn vị chủ trì, Đơn vị phối hợp, hướng dẫn", () => {
    const plan = seed();
    expect(plan.tasks.find((t) => t.number === "5.2")!.labels.lead).toBe("Đơn vị chủ trì");
    expect(plan.tasks.find((t) => t.number === "5.1")!.labels.lead).toBe("Đơn vị thực hiện");
    const t56 = plan.tasks.find((t) => t.number === "5.6")!;
    expect(t56.labels.coordinating).toBe("Đơn vị phối hợp, hướng dẫn");
    expect(t56.fields.coordinating).toBe("Sở Thông tin và Truyền thông, Sở Ngoại vụ.");
    expect(plan.tasks[0].labels.monitoring).toBe("Đơn vị theo dõi, hướng dẫn");
  });

  test("the same plan under the other label wordings reads to the same figures", () => {
    const relabelled = planText(SEED_004)
      .replace(/Đơn vị thực hiện:/g, "Cơ quan chủ trì:")
      .replace(/Đơn vị chủ trì:/g, "Đơn vị chủ trì thực hiện:")
      .replace(/Đơn vị phối hợp:/g, "Cơ quan phối hợp:")
      .replace(/Thời gian thực hiện: Trong/g, "Thời hạn: Trong")
      .replace(/Thời gian thực hiện: Năm/g, "Thời gian: Năm")
      .replace(/Đơn vị theo dõi, hướng dẫn:/g, "Cơ quan theo dõi, đôn đốc:");
    expect(relabelled).not.toMatch(/Đơn vị thực hiện|Thời gian thực hiện/);
    expectSeed004Figures(checked(relabelled));
  });

  test("issues point to the heading and its line, and to the line of the text file", () => {
    const check = checked(planText(SEED_004));
    const unknown = check.issues.find((i) => i.code === "unknown-agency" && i.place?.heading === "5.3")!;
    // 5.3: heading (line 1), Đơn vị thực hiện (2), Đơn vị phối hợp (3).
    expect(unknown.place).toEqual({ heading: "5.3", line: 3 });
    expect(placeText(unknown.place!, "vi")).toBe("mục 5.3, dòng 3");
    expect(placeText(unknown.place!, "en")).toBe("heading 5.3, line 3");
    const lines = planText(SEED_004).split("\n");
    expect(lines[unknown.row! - 1]).toMatch(/^- Đơn vị phối hợp: Sở Thông tin và Truyền thông, Ủy ban nhân dân huyện/);
    expect(unknown.cell).toBeNull();
    const noCoord = check.issues.find((i) => i.code === "missing-coordinating")!;
    expect(noCoord.place).toEqual({ heading: "1", line: 1 });
    expect(lines[noCoord.row! - 1]).toMatch(/^1\. Quán triệt/);
  });
});

describe("the seed as a sheet with one line per row", () => {
  const rows = planText(SEED_004)
    .split("\n")
    .map((l) => [l]);

  test("is found on a sheet with no task table and gives the same figures, issues naming its cells", () => {
    const result = checkWorkbook([gridFromRows(rows, "Kế hoạch")]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const check = result.checks[0] as TaskCheck;
    expect(check.paragraphs?.format).toBe("sheet");
    expectSeed004Figures(check);
    const unknown = check.issues.find((i) => i.code === "unknown-agency" && i.place?.heading === "5.3")!;
    expect(rows[unknown.row! - 1][0]).toMatch(/^- Đơn vị phối hợp:/);
    expect(unknown.cell).toBe(`A${unknown.row}`);
  });

  test("text starting lower on the sheet and in column B keeps its rows", () => {
    const shifted = [["", ""], ["", ""], ...rows.map((r) => ["", r[0]])];
    const text = sheetText(gridFromRows(shifted, "S"))!;
    expect(text.column).toBe("B");
    const check = (checkWorkbook([gridFromRows(shifted, "S")]) as { ok: true; checks: TaskCheck[] }).checks[0];
    expectSeed004Figures(check);
    const unknown = check.issues.find((i) => i.code === "unknown-agency" && i.place?.heading === "5.3")!;
    expect(shifted[unknown.row! - 1][1]).toMatch(/^- Đơn vị phối hợp:/);
  });

  test("a table-like sheet or a sheet with prose only is not taken for a pasted plan", () => {
    expect(sheetText(gridFromRows([["Báo cáo"], ["Tình hình thực hiện nhiệm vụ năm 2022."]]))).toBeNull();
    const wide = rows.slice(0, 200).map((r) => [r[0], "x", "y", "z"]);
    expect(sheetText(gridFromRows(wide))).toBeNull();
  });
});

describe("other real plans: numbered parts with no labelled tasks", () => {
  test.each(["hcm_kh1576-2019_danh-gia-hai-long.txt", "laichau_kh1556-2024_ocop.txt", "laocai_kh258-2021_mot-ty-cay-xanh.txt"])(
    "%s reads as no tasks",
    (name) => {
      const plan = readParagraphPlan(paragraphsFromText(planText(name)));
      expect(plan.tasks).toEqual([]);
      const r = checkParagraphPlan(plan, { sheetName: name, format: "txt" });
      expect(r).toEqual({ ok: false, reason: "no-tasks" });
    },
  );

  test("their broken lines are joined: headings and sentences come back whole", () => {
    const hcm = logicalParagraphs(paragraphsFromText(planText("hcm_kh1576-2019_danh-gia-hai-long.txt"))).map((p) => p.text);
    expect(hcm).toContain(
      "2.1. Thống nhất tiêu chí đánh giá và mẫu phiếu đánh giá, đảm bảo phù hợp với quy định tại Nghị định số 61/2018/NĐ-CP và phù hợp với thực tế tại thành phố.",
    );
    // "… theo quy định tại Nghị định số" / "61/2018/NĐ-CP." is one sentence, not heading 61.
    expect(hcm[hcm.length - 1]).toMatch(/^1\. Sở, ban, ngành, .* theo quy định tại Nghị định số 61\/2018\/NĐ-CP\.$/);
    const laichau = logicalParagraphs(paragraphsFromText(planText("laichau_kh1556-2024_ocop.txt"))).map((p) => p.text);
    expect(laichau).toContain("I. MỤC ĐÍCH, YÊU CẦU");
    expect(laichau).toContain("1. Mục đích");
    expect(laichau.filter((t) => t.startsWith("- "))).toHaveLength(2);
    const laocai = logicalParagraphs(paragraphsFromText(planText("laocai_kh258-2021_mot-ty-cay-xanh.txt"))).map((p) => p.text);
    expect(laocai).toContain("I. QUAN ĐIỂM, MỤC TIÊU, YÊU CẦU");
  });
});

describe("labels", () => {
  test.each([
    ["Đơn vị thực hiện", "lead"],
    ["Cơ quan chủ trì", "lead"],
    ["Đơn vị chủ trì", "lead"],
    ["Cơ quan, đơn vị chủ trì", "lead"],
    ["Đơn vị phối hợp", "coordinating"],
    ["Đơn vị phối hợp, hướng dẫn", "coordinating"],
    ["Cơ quan phối hợp", "coordinating"],
    ["Đơn vị theo dõi, hướng dẫn", "monitoring"],
    ["Thời gian", "timeframe"],
    ["Thời hạn", "timeframe"],
    ["Thời gian thực hiện", "timeframe"],
    ["Thời hạn hoàn thành", "timeframe"],
    ["Nội dung thực hiện", "content"],
  ])("%s → %s", (label, role) => {
    expect(labelRole(label)).toBe(role);
    expect(labelledLine(`- ${label}: Sở Ngoại vụ.`)?.role).toBe(role);
  });

  test("a sentence with a colon, or a body named before a colon, is no label", () => {
    expect(labelledLine("1. Sở Thông tin và Truyền thông: Chủ trì, phối hợp với các sở")).toBeNull();
    expect(labelledLine("- Thời gian báo cáo: trước ngày 15/11")).toBeNull();
    expect(labelledLine("Nơi nhận:")).toBeNull();
  });
});
