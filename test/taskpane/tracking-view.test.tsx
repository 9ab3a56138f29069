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
import { TextDecoder, TextEncoder } from "util";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";

jest.setTimeout(30_000);

let table: TaskTable;
beforeAll(async () => {
  // jsdom has no TextDecoder; the xlsx reader (loaded here only) needs it.
  Object.assign(globalThis, { TextDecoder, TextEncoder });
  const { readWorkbook } = await import("../../src/xlsx/read");
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  table = taskTableOf(wb.sheets[0])!;
}, 30_000);

function mount(lang: "vi" | "en" = "vi") {
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
