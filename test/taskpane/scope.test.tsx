/** @jest-environment jsdom */
/**
 * What the pane checks — the current sheet, the selection or a picked Excel Table — and what it shows for other
 * kinds of result: suggested fixes, a sheet without a table, a delegation table's tallies.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { checkWorkbook } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";
import { createHost } from "../excel-host";
import { SEED_APPENDIX_XLSX, SEED_DELEGATIONS_XLSX } from "../support/fixtures";
import { issueOrder } from "../../src/taskpane/issue-order";
import { checkNow, hostFromXlsx, panePerTest } from "./pane-harness";
import * as fs from "fs";

const panes = panePerTest();

const TABLE_ROWS = [
  ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
  ["1", "Tổ chức hội nghị xúc tiến đầu tư", "Sở Tài chín", "Sở Ngoại vụ", "Quý IV/2025"],
  ["2", "Xây dựng kế hoạch hợp tác quốc tế", "Sở Công Thương", "", "Năm 2025"],
];

it("checks only the selection when asked", async () => {
  const host = await hostFromXlsx(SEED_APPENDIX_XLSX);
  host.selection = "'Phụ lục'!A5:E19";
  await panes.mount(host);
  fireEvent.change(screen.getByTestId("scope-select"), { target: { value: "selection" } });
  await checkNow();
  const expected = checkSheet(await gridOfSelection());
  expect(expected.counts.tasks).toBeLessThan(25);
  expect(screen.getByTestId("result-summary")).toHaveTextContent(`${expected.counts.tasks} nhiệm vụ`);
  expect(screen.getAllByTestId("issue-item").map((el) => el.dataset.cell)).toEqual(
    issueOrder(expected.issues).map((i) => expected.issues[i].cell ?? ""),
  );
});

it("lists the workbook's Excel tables and checks the one picked, wherever it is", async () => {
  const host = createHost();
  host.addSheet("Ghi chú", [["Sổ theo dõi"]]);
  host.addSheet("Kế hoạch", TABLE_ROWS, { origin: "B3" });
  await host.run(async (context) => {
    const table = context.workbook.tables.add("'Kế hoạch'!B3:F5", true);
    table.name = "BangNhiemVu";
    await context.sync();
  });
  host.activeSheet = "Ghi chú";
  await panes.mount(host);
  fireEvent.change(screen.getByTestId("scope-select"), { target: { value: "table" } });
  const picker = await screen.findByTestId("table-select");
  await waitFor(() => expect(picker).toHaveValue("BangNhiemVu"));
  expect(picker).toHaveTextContent("BangNhiemVu (Kế hoạch!B3:F5)");
  await checkNow();
  expect(screen.getByTestId("result-title")).toHaveTextContent("Kế hoạch");
  expect(screen.getByTestId("result-summary")).toHaveTextContent("2 nhiệm vụ");
});

it("shows the suggested fix of an unknown agency", async () => {
  const expected = checkSheet(gridFromRows(TABLE_ROWS, "Kế hoạch")).issues.find((i) => i.code === "unknown-agency");
  expect(expected?.suggestion).toBeDefined();
  const host = createHost();
  host.addSheet("Kế hoạch", TABLE_ROWS);
  await panes.mount(host);
  await checkNow();
  const item = screen.getAllByTestId("issue-item").find((el) => el.dataset.code === "unknown-agency")!;
  expect(within(item.parentElement!).getByTestId("issue-suggestion")).toHaveTextContent(`Gợi ý sửa: ${expected!.suggestion}`);
  expect(item.dataset.cell).toBe(expected!.cell);
});

it("says which headers it looked for when the sheet holds no table, and offers no summaries", async () => {
  const host = createHost();
  host.addSheet("Trống", [["Danh sách cán bộ"], ["Nguyễn Văn A", "Phòng Tổng hợp"]]);
  await panes.mount(host);
  await checkNow();
  const items = screen.getAllByTestId("issue-item");
  expect(items.map((el) => el.dataset.code)).toEqual(["no-table"]);
  expect(items[0]).toBeDisabled();
  expect(items[0].parentElement).toHaveTextContent("Không tìm thấy dòng tiêu đề");
  expect(screen.queryByTestId("write-summary-button")).toBeNull();
});

it("tallies a delegation table: outbound planned and supplementary against the plan's stated totals", async () => {
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_DELEGATIONS_XLSX)));
  if (!read.ok) throw new Error(read.message);
  const host = await hostFromXlsx(SEED_DELEGATIONS_XLSX);
  const outbound = host.sheetNames().find((n) => /Đoàn ra/i.test(n))!;
  host.activeSheet = outbound;
  const single = checkWorkbook(
    read.sheets.filter((g) => g.sheetName === outbound),
    {},
  );
  if (!single.ok) throw new Error("the seed's outbound sheet holds no table");
  const expected = single.checks[0];
  if (expected.kind !== "delegations") throw new Error("expected a delegation table");

  await panes.mount(host);
  await checkNow();
  const block = screen.getByTestId("delegations-outbound");
  const cells = [...block.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
  const counted = expected.workbook.counted.outbound;
  expect(cells[0].slice(1, 2)).toEqual([String(counted.total)]);
  expect(cells[1].slice(1, 2)).toEqual([String(counted.planned)]);
  expect(cells[2].slice(1, 2)).toEqual([String(counted.supplementary)]);
  expect(screen.getByTestId("result-summary")).toHaveTextContent(`${expected.rows.length} đoàn`);
  expect(screen.queryByTestId("tally-agencies")).toBeNull();
});

/** The selection as the add-in reads it (the pane has installed the host as Excel). */
async function gridOfSelection() {
  const { readGrid } = await import("../../src/excel/grid-reader");
  return Excel.run((context) => readGrid(context, { kind: "selection" }));
}

it("tallies a progress report's statuses above its agencies", async () => {
  const rows = [
    ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện", "Tình trạng", "Kết quả thực hiện"],
    ["1", "Tổ chức hội nghị xúc tiến đầu tư", "Sở Tài chính", "Sở Ngoại vụ", "Quý IV/2025", "Hoàn thành đúng hạn", "Đã tổ chức"],
    ["2", "Xây dựng kế hoạch hợp tác quốc tế", "Sở Công Thương", "", "Năm 2025", "Hoàn thành quá hạn", "Đã ban hành"],
    ["3", "Tập huấn kỹ năng đối ngoại", "Sở Ngoại vụ", "", "Quý I/2025", "", ""],
  ];
  const host = createHost();
  host.addSheet("Báo cáo", rows);
  await panes.mount(host);
  await checkNow();
  const tally = screen.getByTestId("tally-progress");
  expect(tally).toHaveTextContent(/Tình trạng thực hiện \(tính đến hết ngày \d{2}\/\d{2}\/\d{4}\)/);
  expect(within(tally).getByText(/Hoàn thành đúng hạn: 1/)).toBeInTheDocument();
  expect(within(tally).getByText(/Hoàn thành quá hạn: 1/)).toBeInTheDocument();
  expect(within(tally).getByText(/Chưa báo cáo: 1/)).toBeInTheDocument();
  expect(screen.getByTestId("tally-agencies")).toHaveTextContent("Sở Tài chính");
});
