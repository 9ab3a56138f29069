/** @jest-environment jsdom */
/**
 * Legacy-encoded (TCVN3) text in the pane: "Chuyển sang Unicode" asks first, saying how many cells change, then
 * writes the Unicode reading into those cells only; "Hoàn tác" puts the previous text back until the next check. The
 * toggle "đọc theo Unicode" checks the sheet as Unicode without changing a cell.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import * as fs from "fs";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import type { Grid } from "../../src/core/sheet/grid";
import { encodeLegacy } from "../../src/core/legacy/encoding";
import { findLegacyCells } from "../../src/core/legacy/grid";
import { loadStoredCheckInputs } from "../../src/excel/stored-settings";
import { readWorkbook } from "../../src/xlsx/read";
import { createHost } from "../excel-host";
import type { ExcelHost } from "../excel-host";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { fixtureOfGrid } from "./host-workbooks";
import { actionable, checkNow, issuesOfKind, panePerTest } from "./pane-harness";
import type { MountedPane } from "./pane-harness";

const panes = panePerTest();

/** The seed appendix as if typed in TCVN3: every text cell encoded, numbers left alone. */
let legacyGrid: Grid;
beforeAll(async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  const seed = wb.sheets[0];
  legacyGrid = {
    ...seed,
    cells: seed.cells.map((r) => r.map((c) => (typeof c?.value === "string" ? { ...c, value: encodeLegacy(c.value, "tcvn3") } : c))),
  };
});

async function legacyPane(): Promise<MountedPane> {
  const host = createHost();
  const f = fixtureOfGrid(legacyGrid);
  host.addSheet(legacyGrid.sheetName, f.rows, { merges: f.merges, origin: f.origin });
  return panes.mount(host);
}

const sheetValues = (host: ExcelHost) => host.sheet(legacyGrid.sheetName).values();

it("converts the legacy cells after saying how many change, and puts them back on “Hoàn tác”", async () => {
  const { host } = await legacyPane();
  const before = sheetValues(host);
  const legacy = findLegacyCells(legacyGrid);
  expect(legacy.length).toBeGreaterThan(100);
  await checkNow();
  // 133 warnings of one kind are one line, with its own "Chuyển tất cả".
  expect(issuesOfKind("legacy-encoding")).toBe(legacy.length);
  expect(screen.getAllByTestId("issue-group").find((g) => g.dataset.code === "legacy-encoding")).toHaveTextContent(`${legacy.length} ô`);
  expect(screen.getByTestId("convert-all-button")).toHaveTextContent("Chuyển tất cả");

  fireEvent.click(screen.getByTestId("convert-legacy-button"));
  const count = await screen.findByTestId("convert-legacy-count");
  expect(count.dataset.cells).toBe(String(legacy.length));
  expect(count).toHaveTextContent(`${legacy.length} ô trên trang “${legacyGrid.sheetName}”`);
  host.resetSyncCount();
  fireEvent.click(screen.getByTestId("convert-legacy-confirm"));
  await screen.findByTestId("convert-legacy-undo");
  expect(screen.getByTestId("notice")).toHaveTextContent(`Đã chuyển ${legacy.length} ô sang Unicode`);
  // One batch: the read of what the cells held and the write.
  expect(host.syncCount).toBeLessThanOrEqual(2);

  const after = sheetValues(host);
  const changed = new Map(legacy.map((c) => [`${c.row - 1}:${c.col - 1}`, c.converted]));
  after.forEach((row, r) => row.forEach((value, c) => expect(value).toBe(changed.get(`${r}:${c}`) ?? before[r]?.[c] ?? "")));
  expect(host.sheet(legacyGrid.sheetName).cell("C7").value).toBe("Sở Ngoại vụ");
  expect(screen.getByTestId("stale")).toHaveTextContent(/Phần bổ trợ đã đổi nội dung ô|Bảng đã thay đổi/);
  expect(screen.queryByTestId("convert-legacy-button")).toBeNull();

  fireEvent.click(screen.getByTestId("convert-legacy-undo"));
  await waitFor(() => expect(screen.queryByTestId("convert-legacy-undo")).toBeNull());
  expect(screen.getByTestId("notice")).toHaveTextContent(`Đã trả lại nội dung cũ cho ${legacy.length} ô.`);
  expect(sheetValues(host)).toEqual(before);
});

it("changes nothing when the confirmation is dismissed", async () => {
  const { host } = await legacyPane();
  const before = sheetValues(host);
  await checkNow();
  host.resetSyncCount();
  fireEvent.click(screen.getByTestId("convert-legacy-button"));
  fireEvent.click(await screen.findByTestId("convert-legacy-dismiss"));
  await waitFor(() => expect(screen.queryByTestId("convert-legacy-confirm")).toBeNull());
  expect(host.syncCount).toBe(0);
  expect(sheetValues(host)).toEqual(before);
});

it("keeps the undo after the next check — the check the pane asks for next — and leaves cells edited since alone", async () => {
  const { host } = await legacyPane();
  const before = sheetValues(host);
  await checkNow();
  expect(screen.getByTestId("result-summary")).not.toHaveTextContent("nhiệm vụ");
  fireEvent.click(screen.getByTestId("convert-legacy-button"));
  fireEvent.click(await screen.findByTestId("convert-legacy-confirm"));
  await screen.findByTestId("convert-legacy-undo");
  await checkNow();
  expect(screen.queryByTestId("convert-legacy-button")).toBeNull();
  expect(screen.getByTestId("result-summary")).toHaveTextContent("25 nhiệm vụ trong 8 mục");
  expect(issuesOfKind("legacy-encoding")).toBe(0);
  expect(host.sheet(legacyGrid.sheetName).cell("C7").value).toBe("Sở Ngoại vụ");
  // The user fixes one converted cell by hand; the undo puts back every other cell and keeps that one.
  host.sheet(legacyGrid.sheetName).setCell("C7", "Sở Ngoại vụ tỉnh");
  expect(screen.getByTestId("convert-legacy-undo")).toBeInTheDocument();
  fireEvent.click(screen.getByTestId("convert-legacy-undo"));
  await waitFor(() => expect(screen.queryByTestId("convert-legacy-undo")).toBeNull());
  const legacy = findLegacyCells(legacyGrid);
  expect(screen.getByTestId("notice")).toHaveTextContent(
    `Đã trả lại nội dung cũ cho ${legacy.length - 1} ô; 1 ô đã được sửa sau đó nên giữ nguyên.`,
  );
  expect(host.sheet(legacyGrid.sheetName).cell("C7").value).toBe("Sở Ngoại vụ tỉnh");
  const now = sheetValues(host);
  now.forEach((row, r) => row.forEach((value, c) => (r === 6 && c === 2 ? undefined : expect(value).toBe(before[r]?.[c] ?? ""))));
  // What the check read is no longer what the sheet holds.
  expect(screen.getByTestId("stale")).toBeInTheDocument();
});

it("reads the sheet as Unicode when asked, without changing a cell, and keeps the choice with the workbook", async () => {
  const { host } = await legacyPane();
  const before = sheetValues(host);
  await checkNow();
  expect(screen.queryByTestId("tally-agencies")).toBeNull();
  await act(async () => {
    fireEvent.click(screen.getByTestId("read-legacy-switch"));
  });
  expect(screen.getByTestId("stale")).toBeInTheDocument();
  await checkNow();
  expect(screen.getByTestId("result-summary")).toHaveTextContent("25 nhiệm vụ trong 8 mục");
  expect(screen.getByTestId("tally-agencies").querySelector("[data-testid=agency-row]")).toHaveAttribute("data-name", "Sở Ngoại vụ");
  // Each legacy cell is still reported, and still convertible.
  expect(issuesOfKind("legacy-encoding")).toBeGreaterThan(100);
  expect(actionable(screen.getByTestId("convert-legacy-button"))).toBe(true);
  expect(sheetValues(host)).toEqual(before);
  await waitFor(async () => expect((await Excel.run((context) => loadStoredCheckInputs(context))).readLegacyAsUnicode).toBe(true));
});
