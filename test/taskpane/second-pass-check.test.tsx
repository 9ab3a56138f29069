/** @jest-environment jsdom */
/**
 * Issue 13, the Check tab: each numbered defect asserted fixed (1 stale results, 2 "Có lỗi", 4 screen readers,
 * 5 layout, 6 order, 7 English in Vietnamese mode, 13 hover-only truncation), and what was added — one-click fixes
 * with their undo, previous/next issue, the issue list on its own sheet, one issue copied as text.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ISSUE_CODES } from "../../src/core/issues/catalogue";
import { createHost } from "../excel-host";

import { actionable, checkNow, panePerTest } from "./pane-harness";
import type { MountedPane } from "./pane-harness";

const SEED = "Phụ lục";
const panes = panePerTest();

const seedPane = panes.seed;

const items = () => screen.queryAllByTestId("issue-item");
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 30)));

/** A small task table whose issues all have one-click fixes. */
const FIXABLE = [
  ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
  ["I", "KINH TẾ ĐỐI NGOẠI", "", "", ""],
  ["1", "Tổ chức hội nghị xúc tiến đầu tư", "Sở Tài chín", "Sở Ngoại vụ", "Quý IV/2025"],
  ["2", "Xây dựng kế hoạch hợp tác quốc tế", "Sở Công Thương", "Sở Ngoại vụ", "Năm 2025"],
  ["3", "Rà soát các thỏa thuận quốc tế", "", "Sở Ngoại vụ", "Năm 2025"],
  ["4", "Hợp tác với Hội đồng Doanh nghiệp Ba Lan", "Sở Công Thương", "Hội Doanh nhân Ba Lan", "Năm 2025"],
];

async function fixablePane(): Promise<MountedPane> {
  const host = createHost();
  host.addSheet("KH", FIXABLE);
  return panes.mount(host);
}

describe("1. stale results", () => {
  it("says the table changed when the user edits the checked sheet (Worksheet.onChanged), “Kiểm tra khi gõ” off", async () => {
    const { host } = await seedPane();
    await checkNow();
    await act(async () => {
      fireEvent.click(screen.getByTestId("live-check-switch"));
    });
    expect(screen.queryByTestId("stale")).toBeNull();
    host.sheet("Phụ lục").setCell("A43", "25");
    const stale = await screen.findByTestId("stale");
    expect(stale).toHaveTextContent("Bảng đã thay đổi — Kiểm tra lại");
    expect(screen.getByTestId("check-button")).toHaveTextContent("Kiểm tra lại");
    fireEvent.click(within(stale).getByTestId("stale-recheck"));
    await waitFor(() => expect(screen.queryByTestId("stale")).toBeNull());
    expect(items().some((el) => el.dataset.code === "missing-stt")).toBe(false);
  });

  it("is not fooled by the pane's own one-cell fix", async () => {
    const { host } = await fixablePane();
    await checkNow();
    const card = items().find((el) => el.dataset.code === "unknown-agency" && el.dataset.cell === "C3")!.parentElement!;
    fireEvent.click(within(card).getAllByTestId("issue-fix")[0]);
    await waitFor(() => expect(host.sheet("KH").cell("C3").value).toBe("Sở Tài chính"));
    await settle();
    expect(screen.queryByTestId("stale")).toBeNull();
  });

  it("compares on focus where Excel has no onChanged (below ExcelApi 1.7)", async () => {
    const { host } = await seedPane({ requirementSets: { ExcelApi: "1.6" } });
    await checkNow();
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await settle();
    expect(screen.queryByTestId("stale")).toBeNull();
    host.sheet(SEED).setCell("A43", "25");
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    await screen.findByTestId("stale");
  });
});

describe("2. what “Có lỗi” counts", () => {
  it("counts tasks with errors and with warnings apart, per section", async () => {
    await seedPane();
    await checkNow();
    const rows = within(screen.getByTestId("tally-sections")).getAllByTestId("section-row");
    const byPath = new Map(rows.map((r) => [r.textContent!.split(".")[0], r]));
    // Section II's only finding is a warning; the one error (no STT) is in section VIII.
    expect(byPath.get("II")!.dataset).toMatchObject({ errors: "0", warnings: "1" });
    expect(byPath.get("VIII")!.dataset).toMatchObject({ errors: "1", warnings: "0" });
    expect(screen.getByTestId("tally-sections")).toHaveTextContent("Có lỗiCó cảnh báo");
  });

  it("colours errors and warnings only, and says so", async () => {
    const { host } = await seedPane();
    await checkNow();
    expect(screen.getByTestId("highlight-button")).toHaveTextContent("Tô màu ô có lỗi, cảnh báo");
    fireEvent.click(screen.getByTestId("highlight-button"));
    await screen.findByTestId("notice");
    expect(host.sheet(SEED).cell("A43").fill).not.toBeNull();
    expect(host.sheet(SEED).cell("D15").fill).not.toBeNull();
    // A10 holds only a note (a repeated header row).
    expect(host.sheet(SEED).cell("A10").fill).toBeNull();
  });
});

describe("4. screen readers", () => {
  it("announces the finished check through the live region, with real headings", async () => {
    await seedPane();
    // Fluent's announcer puts each message in a span of its aria-live region (innerText, which jsdom only stores).
    const heard: string[] = [];
    const listen = new MutationObserver(() => {
      for (const region of document.querySelectorAll("[aria-live]"))
        for (const span of region.querySelectorAll("span")) heard.push((span as HTMLElement).innerText ?? "");
    });
    listen.observe(document.body, { childList: true, subtree: true });
    await checkNow();
    await waitFor(() => expect(heard.join(" ")).toContain("Đã kiểm tra trang “Phụ lục”: 1 lỗi · 1 cảnh báo · 1 thông tin."));
    listen.disconnect();
    const headings = screen.getAllByRole("heading").map((h) => `${h.tagName}:${h.textContent}`);
    expect(headings).toEqual(
      expect.arrayContaining(["H1:Kiểm tra Phụ lục nhiệm vụ", "H2:Lỗi và cảnh báo", "H2:Tổng hợp", "H3:Theo cơ quan"]),
    );
  });

  it("keeps the focus on “Kiểm tra” while it runs", async () => {
    const { host } = await seedPane();
    host.latencyMs = 100;
    const button = screen.getByTestId("check-button");
    button.focus();
    fireEvent.click(button);
    await screen.findByTestId("progress");
    expect(document.activeElement).toBe(button);
    expect(actionable(button)).toBe(false);
    await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it("reads the agency bars in words, and names issue buttons without rule codes or the whole cell", async () => {
    await seedPane();
    await checkNow();
    const first = within(screen.getByTestId("tally-agencies")).getAllByTestId("agency-row")[0];
    expect(within(first).getByLabelText("chủ trì 18, phối hợp 7")).toHaveTextContent("18 / 7");
    // The name is what the button shows (WCAG 2.5.3): severity, cell and kind.
    for (const el of items()) {
      const name = el.textContent!;
      expect(name).not.toMatch(new RegExp(ISSUE_CODES.join("|")));
      expect(name.length).toBeLessThan(80);
    }
    expect(items().find((el) => el.dataset.cell === "D15")).toHaveAccessibleName("Cảnh báo Ô D15 Cơ quan ngoài danh mục");
  });
});

describe("5. layout", () => {
  it("shows the pane's name once (for screen readers), one language choice, and “Bỏ tô màu” only after highlighting", async () => {
    await seedPane();
    expect(screen.getAllByText("Kiểm tra Phụ lục nhiệm vụ")).toHaveLength(1);
    expect(screen.queryByTestId("language-switch")).toBeNull();
    expect(screen.queryByTestId("clear-highlights-button")).toBeNull();
    await checkNow();
    expect(screen.queryByTestId("clear-highlights-button")).toBeNull();
    fireEvent.click(screen.getByTestId("highlight-button"));
    await screen.findByTestId("clear-highlights-button");
  });

  it("puts the one-line summary in the Check card and the issues right after it", async () => {
    await seedPane();
    await checkNow();
    const card = screen.getByTestId("check-button").closest("section")!;
    expect(within(card).getByTestId("result-summary")).toHaveTextContent(
      "25 nhiệm vụ trong 8 mục · bảng A5:E43 · 1 lỗi · 1 cảnh báo · 1 thông tin",
    );
    expect(card.nextElementSibling).toHaveAttribute("aria-labelledby", "issues-heading");
  });
});

describe("6. order and volume", () => {
  it("lists the error first, then the warning, then the note", async () => {
    await seedPane();
    await checkNow();
    expect(items().map((el) => el.dataset.severity)).toEqual(["error", "warning", "info"]);
  });
});

describe("7. no rule code or English in Vietnamese mode", () => {
  it("says “Chèn › Bảng” when the workbook has no Excel table", async () => {
    await seedPane();
    fireEvent.change(screen.getByTestId("scope-select"), { target: { value: "table" } });
    await waitFor(() => expect(document.body).toHaveTextContent("Sổ làm việc chưa có bảng Excel nào (tạo bằng Chèn › Bảng)."));
  });

  it("does not show Excel's English “An internal error has occurred.”", async () => {
    const { host } = await seedPane();
    await checkNow();
    host.failNextSync("GeneralException");
    fireEvent.click(screen.getByTestId("write-summary-button"));
    const failure = await screen.findByTestId("failure");
    expect(failure).toHaveTextContent("Excel báo một lỗi không mong muốn");
    expect(failure).not.toHaveTextContent("internal");
  });
});

describe("13. no hover-only truncation", () => {
  it("shows the unknown agency's cell text in full and needs no tooltip anywhere", async () => {
    const { container } = await seedPane();
    await checkNow();
    const d15 = items().find((el) => el.dataset.cell === "D15")!.parentElement!;
    expect(d15).toHaveTextContent("Phòng Thương mại và Công nghiệp Đức tại Việt Nam");
    expect(d15).toHaveTextContent("Ban Quản lý Khu kinh tế tỉnh và các sở, ban, ngành liên quan");
    expect(container.querySelectorAll("[title]")).toHaveLength(0);
  });
});

describe("one-click fixes", () => {
  async function fixIn(cell: string, code: string, fixKind: string): Promise<void> {
    const card = items().find((el) => el.dataset.code === code && el.dataset.cell === cell)!.parentElement!;
    const button = within(card)
      .getAllByTestId("issue-fix")
      .find((b) => b.dataset.fix === fixKind)!;
    fireEvent.click(button);
  }

  it("replaces an unknown agency by the suggestion, writing that cell only, in one batch, with an undo", async () => {
    const { host } = await fixablePane();
    await checkNow();
    const before = host.sheet("KH").values();
    const card = items().find((el) => el.dataset.cell === "C3")!.parentElement!;
    expect(within(card).getAllByTestId("issue-fix")[0]).toHaveTextContent("Thay bằng “Sở Tài chính”");
    host.resetSyncCount();
    await fixIn("C3", "unknown-agency", "agency");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("Đã sửa ô C3"));
    expect(host.syncCount).toBeLessThanOrEqual(2);
    const after = host.sheet("KH").values();
    after.forEach((row, r) => row.forEach((v, c) => expect(v).toBe(r === 2 && c === 2 ? "Sở Tài chính" : before[r][c])));
    // The result follows at once: that issue is gone, the others stay.
    expect(items().some((el) => el.dataset.cell === "C3")).toBe(false);
    fireEvent.click(screen.getByTestId("notice-undo"));
    await waitFor(() => expect(host.sheet("KH").cell("C3").value).toBe("Sở Tài chín"));
    await waitFor(() => expect(items().some((el) => el.dataset.cell === "C3")).toBe(true));
  });

  it("fills a lead written once above, and adds an unknown agency to the directory", async () => {
    const { host } = await fixablePane();
    await checkNow();
    await fixIn("C5", "missing-lead", "lead");
    await waitFor(() => expect(host.sheet("KH").cell("C5").value).toBe("Sở Công Thương"));
    await fixIn("D6", "unknown-agency", "add-agency");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("Đã thêm “Hội Doanh nhân Ba Lan” vào danh mục"));
    // The directory changed: the result says so until the next check, which no longer flags it.
    expect(screen.getByTestId("stale")).toBeInTheDocument();
    await checkNow();
    expect(items().some((el) => el.dataset.cell === "D6")).toBe(false);
  });

  it("leaves a cell edited since the check alone", async () => {
    const { host } = await fixablePane();
    await checkNow();
    host.sheet("KH").setCell("C3", "Sở Tài chính tỉnh");
    await fixIn("C3", "unknown-agency", "agency");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("Ô C3 đã khác với lúc kiểm tra nên chưa sửa"));
    expect(host.sheet("KH").cell("C3").value).toBe("Sở Tài chính tỉnh");
  });
});

describe("moving through the issues, exporting and copying", () => {
  it("moves the sheet's selection with Lỗi sau / Lỗi trước and with Alt+↓ / Alt+↑", async () => {
    const { host } = await seedPane();
    await checkNow();
    fireEvent.click(screen.getByTestId("next-issue"));
    await waitFor(() => expect(host.selection).toBe(`'${SEED}'!A43`));
    fireEvent.keyDown(document, { key: "ArrowDown", altKey: true });
    await waitFor(() => expect(host.selection).toBe(`'${SEED}'!D15`));
    fireEvent.keyDown(document, { key: "ArrowUp", altKey: true });
    await waitFor(() => expect(host.selection).toBe(`'${SEED}'!A43`));
    fireEvent.click(screen.getByTestId("previous-issue"));
    await waitFor(() => expect(host.selection).toBe(`'${SEED}'!A10`));
  });

  it("writes the issue list alone to a sheet, and copies one issue as text", async () => {
    const { host } = await seedPane();
    await checkNow();
    fireEvent.click(screen.getByTestId("export-issues-button"));
    await waitFor(() => expect(host.sheetNames()).toEqual([SEED, "Danh sách lỗi"]));
    expect(JSON.stringify(host.sheet("Danh sách lỗi").values())).toContain("A43");

    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void copied.push(t) }, configurable: true });
    const card = items().find((el) => el.dataset.cell === "A43")!.parentElement!;
    fireEvent.click(within(card).getByTestId("issue-copy"));
    await waitFor(() => expect(copied).toHaveLength(1));
    expect(copied[0]).toBe("Phụ lục!A43 — Lỗi — Thiếu số thứ tự: Nhiệm vụ chưa có số thứ tự (STT).");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("Đã sao chép nội dung lỗi."));
  });
});
