/**
 * The files an officer picks to merge agencies' reports into the plan in the pane: each task table of each readable
 * file becomes a reply; a file that gives none is named with why, in the pane's language — no file dropped unsaid.
 */
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { repliesForTracking } from "../../src/taskpane/reply-files";
import { strings } from "../../src/taskpane/strings";
import { xlsxFromRows } from "../support/xlsx";

const REPORT = [
  ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Tình trạng"],
  ["1", "Tổ chức hội nghị xúc tiến đầu tư", "Sở Tài chính", "", "Quý IV/2025", "Đang thực hiện"],
];

test("task tables become replies; a text file and a sheet without a table are named with why", async () => {
  const good = await xlsxFromRows([{ name: "Báo cáo", rows: REPORT }]);
  const empty = await xlsxFromRows([{ name: "Ghi chú", rows: [["Kính gửi Sở Ngoại vụ"]] }]);
  const files = [
    new File([good as BlobPart], "so-tai-chinh.xlsx"),
    new File(["STT;Nội dung"], "bao-cao.csv"),
    new File([empty as BlobPart], "cong-van.xlsx"),
  ];
  for (const lang of ["vi", "en"] as const) {
    const read = await repliesForTracking(files, {
      directory: defaultDirectory(),
      settings: DEFAULT_SETTINGS,
      lang,
      strings: strings(lang),
    });
    expect(read.replies.map((r) => [r.file, r.table.sheetName, r.table.rows.filter((x) => x.kind === "task").length])).toEqual([
      ["so-tai-chinh.xlsx", "Báo cáo", 1],
    ]);
    expect(read.unusable.map((u) => u.file)).toEqual(["bao-cao.csv", "cong-van.xlsx"]);
    expect(read.unusable[0].why).toBe(strings(lang).readFailure["not-xlsx"]);
    expect(read.unusable[1].why).toBe(strings(lang).fileNoTable);
  }
});
