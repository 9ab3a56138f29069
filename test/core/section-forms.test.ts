/**
 * Sections and the unit of a task (issue 11): headings in the forms issue 11 quotes from real tables — a letter
 * with a dot and the body's name in the lead column, "Phần I", a heading typed into the STT cell, a mixed-case
 * heading over tasks numbered afresh — over real task rows of NQ 03/NQ-CP (test/fixtures/real), plus rows left by
 * lost merges and the detail rows of two-level tables.
 */
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { corpusRows } from "../support/corpus";

const nq03 = corpusRows({ file: "chinhphu_nq03-2025_pl2_nhiem-vu.tsv", origin: "new" });
const HEADER = nq03[3];
/** Real task rows (STT, content, lead, coordinating, result, timeframe) of NQ 03/NQ-CP PL II. */
const task = (n: number) => nq03.find((r) => r[0] === `${n}.`)!.slice();
const renumber = (row: string[], stt: string) => [stt, ...row.slice(1)];
const codes = (c: ReturnType<typeof checkSheet>, code: string) => c.issues.filter((i) => i.code === code);

test("'A. | | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG': a section whose body leads the tasks beneath that name none", () => {
  const withoutLead = (n: number, stt: string) => {
    const r = renumber(task(n), stt);
    r[2] = "";
    return r;
  };
  const c = checkSheet(
    gridFromRows([
      HEADER,
      ["A.", "", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "", "", ""],
      withoutLead(4, "1"),
      withoutLead(5, "2"),
      renumber(task(18), "3"),
      ["B.", "BỘ TÀI CHÍNH", "", "", "", ""],
      withoutLead(19, "1"),
    ]),
  );
  expect(c.table!.sections.map((s) => s.title)).toEqual(["BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "BỘ TÀI CHÍNH"]);
  expect(c.counts.tasks).toBe(4);
  expect(codes(c, "missing-lead")).toEqual([]);
  expect(c.tasks.map((t) => t.leadFromSection ?? null)).toEqual([0, 0, null, 1]);
  expect(c.agencies.find((a) => a.name === "Bộ Nông nghiệp và Môi trường")?.lead).toBe(2);
  expect(c.agencies.find((a) => a.name === "Bộ Tài chính")?.lead).toBe(2); // task 18's own lead and task 19's heading
});

test("'Phần I' and a heading typed wholly into the STT cell are sections", () => {
  const c = checkSheet(
    gridFromRows([
      HEADER,
      ["Phần I", "Nâng cao nhận thức", "", "", "", ""],
      ["1. Các nhiệm vụ về tuyên truyền, phổ biến", "", "", "", "", ""],
      renumber(task(1), "1.1"),
      renumber(task(2), "1.2"),
      ["Phần II", "Hoàn thiện thể chế", "", "", "", ""],
      renumber(task(14), "1"),
    ]),
  );
  expect(c.table!.sections.map((s) => s.path)).toEqual(["I", "I › 1", "II"]);
  expect(c.counts.tasks).toBe(3);
  expect(codes(c, "missing-stt")).toEqual([]);
});

test("a mixed-case heading over tasks numbered afresh is a missed heading, not duplicate numbers", () => {
  const c = checkSheet(
    gridFromRows([
      HEADER,
      ["", "Nhiệm vụ giao Bộ trưởng Bộ Khoa học và Công nghệ chỉ đạo", "", "", "", ""],
      renumber(task(1), "1"),
      renumber(task(4), "2"),
      ["", "Nhiệm vụ giao Bộ trưởng Bộ Tài chính chỉ đạo", "", "", "", ""],
      renumber(task(18), "1"),
      renumber(task(19), "2"),
    ]),
  );
  expect(c.counts.sections).toBe(2);
  expect(c.counts.tasks).toBe(4);
  expect(codes(c, "duplicate-stt")).toEqual([]);
  expect(codes(c, "missing-stt")).toEqual([]);
});

test("a row left by a lost merge, with details but no number or content, is not a task", () => {
  const leftover = ["", "", "", "Các bộ, ngành, địa phương", "", ""];
  const c = checkSheet(gridFromRows([HEADER, task(4), leftover, task(5)]));
  expect(c.counts.tasks).toBe(2);
  expect(c.table!.rows.find((r) => r.row === 3)?.kind).toBe("continuation");
  expect(codes(c, "missing-content")).toEqual([]);
});

test("'TT | Chi tiết': detail rows belong to the task above, which is counted once", () => {
  const header = ["TT", "Chi tiết", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời gian hoàn thành"];
  const t14 = task(14);
  const c = checkSheet(
    gridFromRows([
      header,
      [
        "1",
        "Dự án Luật Năng lượng nguyên tử (sửa đổi)",
        "Bộ Khoa học và Công nghệ",
        "Các bộ, ngành và địa phương",
        "Luật của Quốc hội",
        "2025",
      ],
      ["", "- Sửa đổi một số quy định trong Luật Sở hữu trí tuệ", "", "", "", "2025"],
      ["", "- Sửa đổi một số quy định trong Luật Lao động", "", "", "Luật của Quốc hội", ""],
      ["2", t14[1].slice(0, 80), t14[2], t14[3], t14[4], t14[5]],
    ]),
  );
  expect(c.counts.tasks).toBe(2);
  expect(codes(c, "missing-stt")).toEqual([]);
  expect(codes(c, "missing-lead")).toEqual([]);
});
