/** @jest-environment jsdom */
/**
 * The task pane's states, driven through the in-memory Excel host (installOfficeGlobals) with the seed appendix:
 * empty, checking, issues (counts, filters, click to select), no issues, errors, writing summaries, highlights,
 * language, cancel.
 */
import "@testing-library/jest-dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { issueText } from "../../src/core/issues/text";
import { loadStoredSettings } from "../../src/excel/stored-settings";
import { createHost } from "../excel-host";
import type { ExcelHost } from "../excel-host";
import { actionable, checkNow, panePerTest, switchLanguage } from "./pane-harness";

const SEED_SHEET = "Phụ lục";

const panes = panePerTest();

const seedPane = panes.seed;

const items = () => screen.queryAllByTestId("issue-item");

describe("before a check", () => {
  it("shows the empty state and an enabled Check button, in Vietnamese for a vi-VN Office", async () => {
    await seedPane();
    expect(screen.getByTestId("check-button")).toHaveTextContent("Kiểm tra");
    expect(screen.getByTestId("empty-state")).toHaveTextContent("Chưa kiểm tra");
    expect(screen.queryByTestId("issue-list")).toBeNull();
    expect(screen.queryByTestId("write-summary-button")).toBeNull();
  });

  it("follows Office's display language when the workbook does not choose one", async () => {
    await seedPane({ displayLanguage: "en-US" });
    expect(screen.getByTestId("check-button")).toHaveTextContent("Check");
    expect(screen.getByTestId("empty-state")).toHaveTextContent("Not checked yet");
    fireEvent.click(screen.getByTestId("tab-settings"));
    expect(screen.getByTestId("language-setting").querySelector('input[value="office"]')).toBeChecked();
    expect(screen.getByTestId("language-setting")).toHaveTextContent("Follow Office (en-US)");
  });
});

describe("checking the seed appendix", () => {
  it("shows progress while Excel answers, then the result", async () => {
    const { host } = await seedPane();
    host.latencyMs = 150;
    fireEvent.click(screen.getByTestId("check-button"));
    const progress = await screen.findByTestId("progress");
    expect(within(progress).getByTestId("progress-label")).toHaveTextContent("Đang đọc bảng từ Excel");
    expect(actionable(screen.getByTestId("check-button"))).toBe(false);
    // Still focusable while it cannot be pressed: Enter on it keeps the focus where it was.
    expect(screen.getByTestId("check-button")).not.toHaveAttribute("disabled");
    await screen.findByTestId("result");
    await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
    expect(screen.getByTestId("result-summary")).toHaveTextContent("25 nhiệm vụ trong 8 mục");
  });

  it("lists the engine's issues with counts by severity, and filters by severity and by kind", async () => {
    const { host } = await seedPane();
    await checkNow();
    const expected = checkSheet(await readSheetGrid(host, SEED_SHEET)).issues;
    expect(expected.length).toBeGreaterThan(0);

    // Errors first, then warnings, then notes; by row within each.
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const ordered = [...expected].sort((a, b) => rank[a.severity] - rank[b.severity] || (a.row ?? 0) - (b.row ?? 0));
    expect(items().map((el) => `${el.dataset.code}@${el.dataset.cell}`)).toEqual(ordered.map((i) => `${i.code}@${i.cell ?? ""}`));
    const errors = expected.filter((i) => i.severity === "error").length;
    const warnings = expected.filter((i) => i.severity === "warning").length;
    expect(screen.getByTestId("severity-error")).toHaveTextContent(`Lỗi (${errors})`);
    expect(screen.getByTestId("severity-warning")).toHaveTextContent(`Cảnh báo (${warnings})`);

    fireEvent.click(screen.getByTestId("severity-error"));
    expect(items().map((el) => el.dataset.code)).toEqual(expected.filter((i) => i.severity === "error").map((i) => i.code));
    expect(items()[0].parentElement).toHaveTextContent(
      issueText(
        expected.find((i) => i.code === "missing-stt")!,
        "vi",
      ),
    );

    fireEvent.click(screen.getByTestId("severity-all"));
    expect(items()).toHaveLength(expected.length);
    fireEvent.change(screen.getByTestId("code-filter"), { target: { value: "unknown-agency" } });
    expect(items().map((el) => el.dataset.code)).toEqual(expected.filter((i) => i.code === "unknown-agency").map(() => "unknown-agency"));
  });

  it("selects the issue's cell in Excel when the issue is clicked", async () => {
    const { host } = await seedPane();
    host.selection = `'${SEED_SHEET}'!B2`;
    await checkNow();
    const missing = items().find((el) => el.dataset.code === "missing-stt")!;
    expect(missing.dataset.cell).toBe("A43");
    fireEvent.click(missing);
    await waitFor(() => expect(host.selection).toBe(`'${SEED_SHEET}'!A43`));
    expect(missing).toHaveAttribute("aria-current", "true");
  });

  it("shows the tallies: Sở Ngoại vụ leads 18 tasks and coordinates 7", async () => {
    await seedPane();
    await checkNow();
    const agencies = screen.getByTestId("tally-agencies");
    const first = within(agencies).getAllByTestId("agency-row")[0];
    expect(first.dataset.name).toBe("Sở Ngoại vụ");
    expect(first).toHaveTextContent("18 / 7");
    expect(screen.getByTestId("tally-sections").querySelectorAll("tbody tr")).toHaveLength(8);
    expect(screen.getByTestId("tally-periods")).toHaveTextContent("2022");
  });

  it("writes the summary sheets into the workbook", async () => {
    const { host } = await seedPane();
    await checkNow();
    fireEvent.click(screen.getByTestId("write-summary-button"));
    const notice = await screen.findByTestId("notice");
    expect(notice).toHaveTextContent("Tổng hợp cơ quan");
    expect(host.sheetNames()).toEqual(
      expect.arrayContaining([SEED_SHEET, "Tổng hợp cơ quan", "Danh sách lỗi", "Tổng hợp thời gian", "Tổng hợp theo mục"]),
    );
    const rows = host.sheet("Tổng hợp cơ quan").values();
    const row = rows.find((r) => r[1] === "Sở Ngoại vụ")!;
    expect(row.slice(2, 4)).toEqual([18, 7]);
    fireEvent.click(screen.getByTestId("tab-settings"));
    // A notice belongs to the tab it was given on.
    expect(screen.queryByTestId("notice")).toBeNull();
    switchLanguage("en");
    fireEvent.click(screen.getByTestId("tab-check"));
    expect(screen.getByTestId("notice")).toHaveTextContent("Wrote 4 sheets");
  });

  it("highlights the issue cells and clears them back to the user's own fill", async () => {
    const { host } = await seedPane();
    host.sheet(SEED_SHEET).format("A43", { fill: "#00B0F0" });
    await checkNow();
    fireEvent.click(screen.getByTestId("highlight-button"));
    await screen.findByTestId("notice");
    expect(host.sheet(SEED_SHEET).cell("A43").fill).not.toBe("#00B0F0");
    expect(host.sheet(SEED_SHEET).cell("A43").fill).not.toBeNull();
    fireEvent.click(screen.getByTestId("clear-highlights-button"));
    await waitFor(() => expect(host.sheet(SEED_SHEET).cell("A43").fill).toBe("#00B0F0"));
  });

  it("switches to English, keeps the result, and saves the choice with the workbook", async () => {
    await seedPane();
    await checkNow();
    switchLanguage("en");
    expect(screen.getByTestId("check-button")).toHaveTextContent("Check");
    expect(screen.getByTestId("write-summary-button")).toHaveTextContent("Write summary sheets");
    const missing = items().find((el) => el.dataset.code === "missing-stt")!;
    expect(missing.parentElement).toHaveTextContent("The task has no number (STT).");
    await waitFor(async () => expect((await Excel.run((context) => loadStoredSettings(context))).settings.lang).toBe("en"));
  });
});

describe("a table without issues", () => {
  it("says so instead of showing an empty list", async () => {
    const rows = [
      ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
      ["I", "KINH TẾ ĐỐI NGOẠI", "", "", ""],
      ["1", "Tổ chức hội nghị xúc tiến đầu tư", "Sở Ngoại vụ", "Sở Công Thương", "Quý IV/2025"],
      ["2", "Xây dựng kế hoạch hợp tác quốc tế", "Sở Công Thương", "Sở Ngoại vụ", "Năm 2025"],
    ];
    expect(checkSheet(gridFromRows(rows, "Kế hoạch")).issues).toEqual([]);
    const host = createHost();
    host.addSheet("Kế hoạch", rows);
    await panes.mount(host);
    await checkNow();
    expect(screen.getByTestId("no-issues")).toHaveTextContent("Không có lỗi");
    expect(screen.queryByTestId("issue-list")).toBeNull();
    expect(screen.getByTestId("result-summary")).toHaveTextContent("2 nhiệm vụ trong 1 mục");
  });
});

describe("errors a person can act on", () => {
  it("names the protected sheet when highlighting is refused", async () => {
    const { host } = await seedPane();
    await checkNow();
    host.sheet(SEED_SHEET).protect();
    fireEvent.click(screen.getByTestId("highlight-button"));
    const failure = await screen.findByTestId("failure");
    expect(failure).toHaveTextContent(`Trang tính “${SEED_SHEET}” đang được bảo vệ`);
  });

  it("asks to leave cell-edit mode when Excel keeps refusing, after retrying", async () => {
    const { host } = await seedPane();
    host.editing = true;
    fireEvent.click(screen.getByTestId("check-button"));
    await waitFor(() => expect(screen.getByTestId("progress-label")).toHaveTextContent("chế độ sửa ô"));
    const failure = await screen.findByTestId("failure");
    expect(failure).toHaveTextContent("Excel đang ở chế độ sửa ô — nhấn Enter hoặc Esc rồi thử lại");
    expect(screen.queryByTestId("result")).toBeNull();
  });

  it("finishes the check when the user leaves cell-edit mode during the retries", async () => {
    const { host } = await seedPane();
    host.editing = true;
    fireEvent.click(screen.getByTestId("check-button"));
    await waitFor(() => expect(screen.getByTestId("progress-label")).toHaveTextContent("chế độ sửa ô"));
    host.editing = false;
    await screen.findByTestId("result");
    expect(screen.queryByTestId("failure")).toBeNull();
  });
});

describe("cancelling", () => {
  it("stops a check between steps and keeps the pane usable", async () => {
    const { host } = await seedPane();
    host.latencyMs = 300;
    fireEvent.click(screen.getByTestId("check-button"));
    fireEvent.click(await screen.findByTestId("cancel-button"));
    const notice = await screen.findByTestId("notice");
    expect(notice).toHaveTextContent("Đã hủy kiểm tra");
    expect(screen.queryByTestId("result")).toBeNull();
    expect(screen.getByTestId("empty-state")).toBeInTheDocument();
    await waitFor(() => expect(actionable(screen.getByTestId("check-button"))).toBe(true));
  });
});

async function readSheetGrid(host: ExcelHost, sheet: string) {
  const { readGrid } = await import("../../src/excel/grid-reader");
  const active = host.activeSheet;
  host.activeSheet = sheet;
  const grid = await Excel.run((context) => readGrid(context, { kind: "sheet" }));
  host.activeSheet = active;
  return grid;
}
