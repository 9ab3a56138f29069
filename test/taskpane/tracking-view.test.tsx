/** @jest-environment jsdom */
/**
 * The pane's tracking views on the seed appendix: the deadlines as of 2022-12-31 (a click selects the task's row),
 * the scorecard, and "Tách theo cơ quan".
 */
import "@testing-library/jest-dom";
import * as fs from "fs";
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { TaskTable } from "../../src/core/kinds/tasks/table";
import { AgencyTaskList } from "../../src/core/tracking/split";
import { taskTableOf } from "../../src/core/tracking/task-table";
import { TrackingView } from "../../src/taskpane/tracking-view";
import type { RepliesRead } from "../../src/taskpane/tracking-view";
import { gridFromRows } from "../../src/core/sheet/grid";
import { planTasks } from "../../src/core/tracking/plan-tasks";
import { splitPlan } from "../../src/core/tracking/split";
import { ReplyTable } from "../../src/core/tracking/track";
import { TextDecoder, TextEncoder } from "util";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

let table: TaskTable;
beforeAll(async () => {
  // jsdom has no TextDecoder; the xlsx reader (loaded here only) needs it.
  Object.assign(globalThis, { TextDecoder, TextEncoder });
  const { readWorkbook } = await import("../../src/xlsx/read");
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  table = taskTableOf(wb.sheets[0])!;
});

function mount(lang: "vi" | "en" = "vi", readReplies?: (files: File[]) => Promise<RepliesRead>) {
  const onSelect = jest.fn();
  const onSplit = jest.fn<void, [AgencyTaskList[]]>();
  render(
    <FluentProvider theme={webLightTheme}>
      <TrackingView
        lang={lang}
        table={table}
        directory={defaultDirectory()}
        asOf={{ year: 2022, month: 12, day: 31 }}
        onSelect={onSelect}
        onSplit={onSplit}
        readReplies={readReplies}
      />
    </FluentProvider>,
  );
  return { onSelect, onSplit };
}

test("the deadline view lists the overdue tasks; a click selects the task's row", () => {
  const { onSelect } = mount();
  const items = screen.getAllByTestId("deadline-item");
  expect(items).toHaveLength(15);
  expect(items[0]).toHaveTextContent(/^I\.1-\w+ · 31\/12\/2022 · Quá hạn — Tổ chức Hội nghị tổng kết/);
  fireEvent.click(items[0]);
  expect(onSelect).toHaveBeenCalledWith("Phụ lục", "B7");
});

test("the scorecard lists every lead agency, who is behind first", () => {
  mount("en");
  const rows = screen.getAllByTestId("scorecard-row");
  expect(rows[0]).toHaveTextContent(/^Sở Ngoại vụ18/);
  expect(rows.length).toBeGreaterThan(8);
  expect(screen.getByText(/Deadlines \(Overdue: 15\)/)).toBeInTheDocument();
});

test("Tách theo cơ quan hands over one task list per lead agency", () => {
  const { onSplit } = mount();
  fireEvent.click(screen.getByTestId("split-button"));
  const lists = onSplit.mock.calls[0][0];
  const snv = lists.find((l) => l.agency === "Sở Ngoại vụ")!;
  expect(snv.fileName).toBe("Sở Ngoại vụ.xlsx");
  expect(snv.tasks).toHaveLength(18);
  expect(snv.model.validations?.[0].choices).toContain("Hoàn thành đúng hạn");
});

/** Sở Ngoại vụ's task list as split from the plan, with statuses typed into the rows whose ID starts as given. */
function filledReply(statuses: Record<string, string>, dropIds = false): ReplyTable {
  const list = splitPlan(planTasks(table, defaultDirectory()), {
    lang: "vi",
    asOf: { year: 2022, month: 12, day: 31 },
    reporting: { day: 31, month: 12 },
    planName: "Phụ lục",
  }).find((l) => l.agency === "Sở Ngoại vụ")!;
  const rows = list.model.rows.map((r) => r.map((c) => (c.value === null ? "" : c.value)));
  const header = list.model.headerRow - 1;
  const idCol = rows[header].indexOf("Mã nhiệm vụ");
  const statusCol = rows[header].indexOf("Tình trạng");
  for (const row of rows.slice(header + 1)) {
    const key = String(row[idCol] ?? "").split("-")[0];
    if (statuses[key]) row[statusCol] = statuses[key];
    if (dropIds) row[idCol] = "";
  }
  const reply = taskTableOf(gridFromRows(rows, "Nhiệm vụ"));
  if (!reply) throw new Error("the split list reads as no table");
  return { file: list.fileName, table: reply };
}

test("agencies' reports picked in the view are matched to their tasks by ID, the scorecard follows, nothing is lost", async () => {
  const reply = filledReply({ "I.1": "Hoàn thành đúng hạn", "II.1": "Đang thực hiện" });
  const readReplies = jest.fn(async () => ({ replies: [reply], unusable: [{ file: "ghi-chu.txt", why: "Không có bảng nhiệm vụ" }] }));
  mount("vi", readReplies);
  const before = screen.getAllByTestId("scorecard-row")[0].textContent;
  const input = screen.getByTestId("tracking-reply-files") as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File(["x"], "Sở Ngoại vụ.xlsx"), new File(["y"], "ghi-chu.txt")] } });
  const summary = await screen.findByTestId("tracking-replies-summary");
  expect(readReplies).toHaveBeenCalledTimes(1);
  expect(summary).toHaveTextContent("18 dòng báo cáo: 18 khớp theo mã nhiệm vụ, 0 khớp theo nội dung, 0 cần xác nhận, 0 không khớp");
  expect(summary).toHaveTextContent("dòng vào 18 = dòng ra 18");
  expect(screen.getByTestId("tracking-replies-doubtful")).toHaveTextContent("ghi-chu.txt: Không có bảng nhiệm vụ");
  const snv = screen.getAllByTestId("scorecard-row").find((r) => r.textContent!.startsWith("Sở Ngoại vụ"))!;
  // On time 1 and overdue 1 of 18 led, 16 not reported: the scorecard is the replies', not the plan's own columns.
  expect(snv).toHaveTextContent(/^Sở Ngoại vụ18111650%$/);
  expect(snv.textContent).not.toBe(before);
});

test("a report typed without the IDs is matched by content, and rows it cannot place are listed, not applied", async () => {
  const reply = filledReply({ "I.1": "Đã hoàn thành" }, true);
  const extra = taskTableOf(
    gridFromRows(
      [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Tình trạng"],
        ["1", "Một việc không có trong kế hoạch", "Sở Ngoại vụ", "", "Năm 2022", "Đang thực hiện"],
      ],
      "Thêm",
    ),
  )!;
  mount("en", async () => ({ replies: [reply, { file: "them.xlsx", table: extra }], unusable: [] }));
  fireEvent.change(screen.getByTestId("tracking-reply-files"), { target: { files: [new File(["x"], "a.xlsx")] } });
  const summary = await screen.findByTestId("tracking-replies-summary");
  expect(summary).toHaveTextContent(
    "19 reported rows: 0 matched by task ID, 18 by content, 0 to confirm, 1 matching no task — rows in 19 = rows out 19",
  );
  expect(screen.getByTestId("tracking-replies-doubtful")).toHaveTextContent("them.xlsx › Thêm, row 2: matches no task (kept for review)");
});
