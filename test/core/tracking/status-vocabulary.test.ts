/**
 * Status wordings collected from public sources, each read to its status. The sources are public Vietnamese
 * task-tracking code found with the team's search tool (GitHub files, named by the search index id and what the
 * file is), public reports, and the seed report of Sở VHTTDL. "unreadable" rows are wordings that say where the
 * deadline stands or what the assigner did, not how the work stands: they are flagged, never guessed.
 */
import { readStatus, TaskStatus } from "../../../src/core/tracking/statuses";

const S = {
  taskStatus: "# source: GitHub, Java enum ws.core.enums.TaskStatus (search index id 23960704773)",
  taskSubCategory: "# source: GitHub, Java enum ws.core.enums.TaskSubCategory (search index id 49329343744)",
  statusTaskEnum: "# source: GitHub, Java enum com.ngn.tdnv.task.enums.StatusTaskEnum (search index id 23282892395)",
  congViecModal: "# source: GitHub, React Native SearchCongViecModal dataStatusTT (search index id 9684449582)",
  tienDo: "# source: GitHub, Angular list labelTienDo (search index id 46183400027)",
  stats: "# source: GitHub, React task statistics labels (search index id 33982832394)",
  chart: "# source: GitHub, task chart by due date (search index id 30009414184)",
  projectStatus: "# source: GitHub, project status table, DELAYED (search index id 62230311389)",
  assessment: "# source: GitHub, task evaluation statusAssessment (search index id 71419923884)",
  kanban: "# source: GitHub, kanban column titles (search index id 61810633653)",
  results: "# source: GitHub, completion result texts by category (search index id 57965471086)",
  resultReport: "# source: GitHub, plan report resultReport default (search index id 56568839786)",
  notes: "# source: GitHub, task progress note texts (search index id 68910548302)",
  actions: "# source: GitHub, task action labels (search index id 66088126042)",
  log: "# source: GitHub, project progress log (search index id 70395098615)",
  rd: "# source: GitHub, RdProjectStatusEnum comments (search index id 71565362944)",
  dashboard: "# source: GitHub, Flutter dashboard CalendarWork (search index id 11939340680)",
  seed: "# source: seeds/000_c4d17f4a1d12020e.txt (Sở VHTTDL, Báo cáo kết quả thực hiện công tác đối ngoại năm 2022)",
  vpcp: "# source: http://www.baomoi.com/to-cong-tac-cua-thu-tuong-lam-viec-voi-van-phong-chinh-phu/c/20392710.epi",
};

const VOCABULARY: ReadonlyArray<[string, TaskStatus, string]> = [
  ["Chưa thực hiện", "not-started", S.taskStatus],
  ["Chưa thực hiện sắp quá hạn", "not-started", S.taskStatus],
  ["Chưa thực hiện quá hạn", "overdue", S.taskStatus],
  ["Từ chối thực hiện", "not-done", S.taskStatus],
  ["Thực hiện lại", "in-progress", S.taskStatus],
  ["Tạm hoãn", "suspended", S.taskStatus],
  ["Đang thực hiện", "in-progress", S.taskStatus],
  ["Đang thực hiện trong hạn", "in-progress", S.taskStatus],
  ["Đang thực hiện sắp quá hạn", "in-progress", S.taskStatus],
  ["Đang thực hiện quá hạn", "overdue", S.taskStatus],
  ["Đang thực hiện không hạn", "in-progress", S.taskStatus],
  ["Chờ xác nhận", "unreadable", S.taskStatus],
  ["Đã hoàn thành", "completed", S.taskStatus],
  ["Đã hoàn thành trong hạn", "completed-on-time", S.taskStatus],
  ["Đã hoàn thành quá hạn", "completed-late", S.taskStatus],
  ["Đã hoàn thành không hạn", "completed", S.taskStatus],
  ["Sắp quá hạn", "in-progress", S.taskStatus],
  ["Quá hạn", "overdue", S.taskStatus],
  ["Trong hạn", "unreadable", S.taskStatus],
  ["Không hạn", "unreadable", S.taskStatus],
  ["Đã cập nhật tiến độ", "unreadable", S.taskStatus],
  ["Chưa cập nhật tiến độ", "unreadable", S.taskStatus],
  ["Chưa hoàn thành", "in-progress", S.taskSubCategory],
  ["Chưa hoàn thành trong hạn", "in-progress", S.taskSubCategory],
  ["Chưa hoàn thành quá hạn", "overdue", S.taskSubCategory],
  ["Chưa hoàn thành không hạn", "in-progress", S.taskSubCategory],
  ["Đã thực hiện", "completed", S.statusTaskEnum],
  ["Từ chối nhiệm vụ", "not-done", S.statusTaskEnum],
  ["Chưa phân công", "not-started", S.congViecModal],
  ["Đã phân công", "not-started", S.congViecModal],
  ["Đã nhận việc", "not-started", S.congViecModal],
  ["Hoàn thành", "completed", S.congViecModal],
  ["Hoàn thành quá hạn", "completed-late", S.congViecModal],
  ["Hoàn thành đúng hạn", "completed-on-time", S.congViecModal],
  ["Tạm dừng", "suspended", S.congViecModal],
  ["Hủy", "not-done", S.congViecModal],
  ["Sắp tới hạn", "unreadable", S.tienDo],
  ["Tới hạn", "unreadable", S.tienDo],
  ["Nhiệm vụ chưa hoàn thành còn hạn", "in-progress", S.stats],
  ["Nhiệm vụ hoàn thành quá hạn", "completed-late", S.stats],
  ["Hoàn thành trước hạn", "completed-on-time", S.chart],
  ["Hoàn thành trễ hạn", "completed-late", S.chart],
  ["Chậm tiến độ", "overdue", S.projectStatus],
  ["Vượt tiến độ", "in-progress", S.assessment],
  ["Có nguy cơ trễ hạn", "in-progress", S.assessment],
  ["Đang triển khai thực hiện", "in-progress", S.kanban],
  ["Đã hoàn thành / Báo cáo", "completed", S.kanban],
  ["Chưa hoàn thành do đang vướng mắc thủ tục cần đôn đốc phối hợp thêm.", "in-progress", S.results],
  ["Đang triển khai thực hiện theo kế hoạch đầu việc.", "in-progress", S.results],
  ["Đã hoàn thành thẩm định và có Quyết định phê duyệt/Văn bản thẩm định chính thức đúng tiến độ.", "completed-on-time", S.results],
  ["Đang triển khai thực hiện, đảm bảo tiến độ yêu cầu", "in-progress", S.resultReport],
  ["Nhiệm vụ đã hoàn thành toàn bộ nội dung theo yêu cầu.", "completed", S.notes],
  ["Đang triển khai thực hiện theo kế hoạch phân công.", "in-progress", S.notes],
  ["Đề nghị gia hạn", "adjustment", S.actions],
  ["Đã hoàn thành trước hạn", "completed-on-time", S.log],
  ["Dừng thực hiện", "not-done", S.rd],
  ["Hoàn thành nhiệm vụ", "completed", S.dashboard],
  ["Sở Văn hóa, Thể thao và Du lịch chưa tổ chức vận động viện trợ PCPNN trong năm 2022.", "not-started", S.seed],
  ["Trong năm 2022 Sở Văn hóa, Thể thao và Du lịch không tổ chức, hội nghị, hội thảo có yếu tố nước ngoài.", "not-done", S.seed],
  ["Sở Văn hóa, Thể thao và Du lịch không có các chương trình, dự án và giá trị viện trợ PCPNN.", "unreadable", S.seed],
  ["quá hạn nhưng chưa thực hiện xong", "overdue", S.vpcp],
];

test("the vocabulary holds at least 40 real wordings, each with its source", () => {
  expect(new Set(VOCABULARY.map((v) => v[0])).size).toBeGreaterThanOrEqual(40);
  for (const [, , source] of VOCABULARY) expect(source).toMatch(/^# source: \S/);
});

test.each(VOCABULARY)("“%s” reads as %s", (text, expected) => {
  expect(readStatus(text).status).toBe(expected);
});

test("case, diacritics and bullets do not change the reading", () => {
  expect(readStatus("- ĐÃ HOÀN THÀNH ĐÚNG HẠN").status).toBe("completed-on-time");
  expect(readStatus("da hoan thanh qua han").status).toBe("completed-late");
  expect(readStatus("Tình trạng: Đang thực hiện").status).toBe("in-progress");
});

test("percentages and dates written in the text are kept", () => {
  expect(readStatus("Hoàn thành 80%")).toEqual({ status: "in-progress", percent: 80 });
  expect(readStatus("Đã hoàn thành 100%").status).toBe("completed");
  expect(readStatus("Đã tổ chức Hội nghị ngày 20/11/2022")).toEqual({ status: "completed", date: { year: 2022, month: 11, day: 20 } });
  expect(readStatus("Đề nghị điều chỉnh thời gian sang Quý II/2023").status).toBe("adjustment");
  expect(readStatus("Không thực hiện").status).toBe("not-done");
});

test("blank is empty; what names no state of the work is unreadable, not a guess", () => {
  expect(readStatus("  ").status).toBe("empty");
  for (const text of ["Tốt", "xem phụ lục", "Theo Kế hoạch số 79/KH-UBND", "x", "Đã triển khai"])
    expect(readStatus(text).status).toBe("unreadable");
});
