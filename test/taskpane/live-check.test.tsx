/** @jest-environment jsdom */
/**
 * "Kiểm tra khi gõ" (issue 16) in the real pane against the in-memory host: an edit of the checked table re-checks
 * its rows within the one change event, with the round trips counted; an edit elsewhere costs none; a pasted block
 * is one change; the switch is kept with the workbook and, off, brings back the out-of-date notice.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { HIGHLIGHT_FILLS } from "../../src/excel/highlights";
import { loadStoredCheckInputs } from "../../src/excel/stored-settings";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { hostFromXlsx, panePerTest } from "./pane-harness";
import type { MountedPane } from "./pane-harness";

const SEED = "Phụ lục";
const panes = panePerTest();

async function checkedSeed(): Promise<MountedPane> {
  const pane = await panes.mount(await hostFromXlsx(SEED_APPENDIX_XLSX));
  fireEvent.click(screen.getByTestId("check-button"));
  await screen.findByTestId("result");
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
  return pane;
}

async function highlightNow(): Promise<void> {
  fireEvent.click(screen.getByTestId("highlight-button"));
  await waitFor(() => expect(screen.getByTestId("notice")).toBeInTheDocument());
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
}

const cards = (code: string, cell?: string) =>
  screen.queryAllByTestId("issue-item").filter((el) => el.dataset.code === code && (cell === undefined || el.dataset.cell === cell));

/** Lets the host's event (a macrotask) and the pane's answer to it run; no time is measured. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

it("is on by default; A43 typed as 6 clears missing-stt, its red fill and the count, in one event and ≤ 2 round trips", async () => {
  const { host } = await checkedSeed();
  expect(screen.getByTestId("live-check-switch")).toBeChecked();
  await highlightNow();
  const sheet = host.sheet(SEED);
  expect(sheet.cell("A43").fill).toBe(HIGHLIGHT_FILLS.error);
  expect(cards("missing-stt", "A43")).toHaveLength(1);
  const summary = screen.getByTestId("result-summary").textContent;
  expect(summary).toContain("1 lỗi");
  host.resetSyncCount();

  sheet.setCell("A43", "6");
  await waitFor(() => expect(cards("missing-stt", "A43")).toHaveLength(0));
  await waitFor(() => expect(sheet.cell("A43").fill).not.toBe(HIGHLIGHT_FILLS.error));
  expect(host.syncCount).toBeLessThanOrEqual(2);
  // The first task under VIII numbered 6 after VII's 1–2: out of sequence, a warning, coloured as one.
  expect(cards("stt-sequence", "A43")).toHaveLength(1);
  expect(sheet.cell("A43").fill).toBe(HIGHLIGHT_FILLS.warning);
  expect(screen.getByTestId("result-summary")).not.toHaveTextContent("1 lỗi");
  expect(screen.queryByTestId("stale")).toBeNull();

  // Numbered 1 it has no issue left: the cell gets back the fill it had before the highlight (none).
  host.resetSyncCount();
  sheet.setCell("A43", 1);
  await waitFor(() => expect(cards("stt-sequence", "A43")).toHaveLength(0));
  await waitFor(() => expect(sheet.cell("A43").fill).toBeNull());
  expect(host.syncCount).toBeLessThanOrEqual(2);
});

it("without highlights a change costs one round trip; a change outside the table costs none", async () => {
  const { host } = await checkedSeed();
  host.resetSyncCount();
  host.sheet(SEED).setCell("A43", "1");
  await waitFor(() => expect(cards("missing-stt", "A43")).toHaveLength(0));
  expect(host.syncCount).toBe(1);

  host.resetSyncCount();
  const before = screen.getByTestId("result-summary").textContent;
  host.sheet(SEED).setCell("H20", "ghi chú bên cạnh");
  host.sheet(SEED).setCell("B60", "dưới bảng, xa");
  await settle();
  await settle();
  expect(host.syncCount).toBe(0);
  expect(screen.queryByTestId("stale")).toBeNull();
  expect(screen.getByTestId("result-summary").textContent).toBe(before);
});

it("a block of 5,000 tasks pasted under the table is one change: read in one round trip and counted", async () => {
  const { host } = await checkedSeed();
  expect(screen.getByTestId("result-summary")).toHaveTextContent("25 nhiệm vụ");
  const rows = Array.from({ length: 5000 }, (_, i) => [
    i + 3,
    `Nhiệm vụ bổ sung số ${i + 1} về thanh tra chuyên ngành`,
    "Thanh tra tỉnh",
    "Sở Nội vụ",
    "Năm 2026",
  ]);
  host.resetSyncCount();
  host.sheet(SEED).paste("A44", rows);
  await waitFor(() => expect(screen.getByTestId("result-summary")).toHaveTextContent("5025 nhiệm vụ"));
  expect(host.syncCount).toBe(1);
  expect(screen.queryByTestId("stale")).toBeNull();
});

it("switched off, an edit marks the result out of date; the choice is kept with the workbook", async () => {
  const { host } = await checkedSeed();
  await act(async () => {
    fireEvent.click(screen.getByTestId("live-check-switch"));
  });
  expect(screen.getByTestId("live-check-switch")).not.toBeChecked();
  await waitFor(async () => expect((await Excel.run((c) => loadStoredCheckInputs(c))).liveCheck).toBe(false));
  host.resetSyncCount();
  host.sheet(SEED).setCell("A43", "1");
  await screen.findByTestId("stale");
  expect(host.syncCount).toBe(0);
  expect(cards("missing-stt", "A43")).toHaveLength(1);
});

it("does not take the pane's own fix for an edit", async () => {
  const { host } = await checkedSeed();
  const fix = cards("unknown-agency", "D15")[0]?.parentElement?.querySelector('[data-testid="issue-fix"]') as HTMLElement | null;
  if (!fix) return expect(cards("unknown-agency", "D15")).toHaveLength(1);
  host.resetSyncCount();
  fireEvent.click(fix);
  await waitFor(() => expect(cards("unknown-agency", "D15")).toHaveLength(0));
  await settle();
  await settle();
  // The fix's own two round trips (read the cell, write it), and no read-back of its change as a user's edit.
  expect(host.syncCount).toBe(2);
  expect(screen.queryByTestId("stale")).toBeNull();
});
