/** @jest-environment jsdom */
/**
 * Issue 13, beyond the Check tab: each numbered defect asserted fixed (3 consolidation, 9 directory editor, 10
 * notices, 11 delegation sheets, 14 wording, 15 visuals) and the rules exported and imported as JSON.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import * as fs from "fs";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { tokens, webLightTheme } from "@fluentui/react-components";
import { rulesToJson } from "../../src/core/settings/rules-file";
import { officeThemeIsDark } from "../../src/excel/office-theme";
import { loadStoredSettings } from "../../src/excel/stored-settings";
import { VI } from "../../src/taskpane/strings-vi";
import { createHost } from "../excel-host";
import { SEED_APPENDIX_XLSX, SEED_DELEGATIONS_XLSX } from "../support/fixtures";
import { hostFromXlsx, panePerTest } from "./pane-harness";
import type { MountedPane } from "./pane-harness";

const panes = panePerTest();

async function openTab(id: string): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId(id));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
}

async function consolidatePane(): Promise<MountedPane> {
  const host = createHost();
  host.addSheet("Kế hoạch", [["Sổ tổng hợp"]]);
  const pane = await panes.mount(host);
  await openTab("consolidate-tab");
  await screen.findByTestId("consolidate-files");
  return pane;
}

const seedBytes = () => new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)) as Uint8Array<ArrayBuffer>;
const pick = (files: File[]) => fireEvent.change(screen.getByTestId("consolidate-files"), { target: { files } });
const statuses = () => screen.queryAllByTestId("consolidate-file-status");

async function allRead(n: number): Promise<void> {
  await waitFor(() => {
    expect(statuses()).toHaveLength(n);
    for (const el of statuses()) expect(["waiting", "reading"]).not.toContain(el.dataset.status);
  });
}

describe("3. consolidation", () => {
  it("counts a CSV named .xlsx and a zero-byte file as not received", async () => {
    await consolidatePane();
    fireEvent.change(screen.getByTestId("consolidate-expected"), { target: { value: "Sở Tài chính\nSở Y tế\nSở Ngoại vụ" } });
    pick([
      new File([seedBytes()], "so-ngoai-vu.xlsx"),
      new File(["STT;Nội dung\n1;văn bản\n"], "so-tai-chinh.xlsx"),
      new File([], "so-y-te.xlsx"),
    ]);
    await allRead(3);
    const summary = await screen.findByTestId("consolidate-summary");
    expect(summary.dataset.missing).toBe("Sở Tài chính\nSở Y tế");
    expect(within(summary).getByTestId("consolidate-missing")).toHaveTextContent("Chưa gửi (2/3): Sở Tài chính, Sở Y tế");
  });

  it("removes one file, and leaves out duplicated tasks when asked", async () => {
    const { host } = await consolidatePane();
    pick([new File([seedBytes()], "so-ngoai-vu.xlsx"), new File([seedBytes()], "so-ngoai-vu-ban-2.xlsx"), new File([], "rong.xlsx")]);
    await allRead(3);
    fireEvent.click(within(statuses().find((el) => el.dataset.file === "rong.xlsx")!).getByTestId("consolidate-file-remove"));
    expect(statuses().map((el) => el.dataset.file)).toEqual(["so-ngoai-vu.xlsx", "so-ngoai-vu-ban-2.xlsx"]);
    const summary = await screen.findByTestId("consolidate-summary");
    const duplicates = Number(summary.dataset.duplicates);
    expect(duplicates).toBe(25);
    const keeps = within(screen.getByTestId("consolidate-duplicates")).getAllByTestId("consolidate-duplicate-keep");
    expect(keeps).toHaveLength(25);
    for (const box of keeps.slice(0, 3)) fireEvent.click(box.tagName === "INPUT" ? box : box.querySelector("input")!);
    expect(screen.getByTestId("consolidate-left-out")).toHaveTextContent("3 dòng trùng sẽ không được ghi");
    fireEvent.click(screen.getByTestId("consolidate-write-button"));
    await waitFor(() => expect(host.sheetNames()).toContain("Dữ liệu hợp nhất"));
    const rows = host
      .sheet("Dữ liệu hợp nhất")
      .values()
      .filter((r) => r.some((v) => v !== ""));
    const written = rows.filter((r) => r.includes("so-ngoai-vu.xlsx") || r.includes("so-ngoai-vu-ban-2.xlsx")).length;
    expect(written).toBe(50 - 3);
  });

  it("assigns a file's agency from the directory", async () => {
    await consolidatePane();
    fireEvent.change(screen.getByTestId("consolidate-expected"), { target: { value: "Sở Y tế" } });
    pick([new File([seedBytes()], "bao-cao.xlsx")]);
    await allRead(1);
    await waitFor(() => expect(screen.getByTestId("consolidate-summary").dataset.missing).toBe("Sở Y tế"));
    fireEvent.change(screen.getByTestId("consolidate-file-agency"), { target: { value: "Sở Y tế" } });
    await waitFor(() => expect(screen.getByTestId("consolidate-summary").dataset.missing).toBe(""));
  });
});

describe("9. directory editor", () => {
  it("reaches every entry, asks before deleting, undoes, and adds with an empty official name", async () => {
    await panes.mount(await hostFromXlsx(SEED_APPENDIX_XLSX));
    await openTab("tab-settings");
    const total = screen.getAllByTestId("directory-entry").length;
    expect(screen.getByTestId("directory-count")).toHaveTextContent(`Đang hiện ${total} trong`);
    while (screen.queryByTestId("directory-more")) fireEvent.click(screen.getByTestId("directory-more"));
    const all = screen.getAllByTestId("directory-entry").length;
    expect(all).toBeGreaterThan(total);
    expect(screen.getByTestId("directory-count")).toHaveTextContent(`${all} cơ quan`);

    const last = screen.getAllByTestId("directory-entry")[all - 1];
    const name = last.querySelector(".fui-Text")!.textContent!.replace(/ \(nhóm cơ quan\)$/, "");
    fireEvent.click(within(last).getByTestId("directory-remove"));
    expect(await screen.findByText(`Xóa “${name}” khỏi danh mục?`)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("directory-remove-dismiss"));
    expect(screen.getAllByTestId("directory-entry")).toHaveLength(all);
    fireEvent.click(within(last).getByTestId("directory-remove"));
    fireEvent.click(await screen.findByTestId("directory-remove-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("directory-entry")).toHaveLength(all - 1));
    fireEvent.click(screen.getByTestId("directory-undo"));
    await waitFor(() => expect(screen.getByTestId("directory-source")).toHaveTextContent("Đang dùng danh mục mặc định."));

    fireEvent.change(screen.getByTestId("directory-search"), { target: { value: "so ngoai vu" } });
    fireEvent.click(screen.getByTestId("directory-add"));
    expect(screen.getByTestId("entry-name")).toHaveValue("");
  });
});

describe("10. notices", () => {
  it("close with a button, and stay on their own tab", async () => {
    await consolidatePane();
    pick([new File([], "rong.xlsx")]);
    await allRead(1);
    fireEvent.click(screen.getByTestId("consolidate-clear-button"));
    fireEvent.click(await screen.findByTestId("consolidate-clear-confirm"));
    expect(await screen.findByTestId("notice")).toHaveTextContent("Đã bỏ các tệp đã chọn");
    await openTab("tab-settings");
    expect(screen.queryByTestId("notice")).toBeNull();
    await openTab("consolidate-tab");
    fireEvent.click(screen.getByTestId("notice-dismiss"));
    expect(screen.queryByTestId("notice")).toBeNull();
  });
});

describe("11. delegation sheets", () => {
  it("speaks of delegations, labels the figures by year, and keeps a wrong figure's message out of the table", async () => {
    const host = await hostFromXlsx(SEED_DELEGATIONS_XLSX);
    host.activeSheet = "Phụ lục I - Đoàn ra";
    await panes.mount(host);
    fireEvent.click(screen.getByTestId("check-button"));
    await screen.findByTestId("stated-totals-form");
    expect(VI.noIssuesDelegationsBody).toContain("đoàn");
    expect(VI.noIssuesDelegationsBody).not.toMatch(/nhiệm vụ|chủ trì/);
    const years = screen.getByTestId("delegation-years-outbound");
    expect(years).toHaveTextContent(/^Số đoàn theo năm: \d{4}: \d+ đoàn/);
    fireEvent.change(screen.getByTestId("stated-outbound-total"), { target: { value: "mười ba" } });
    const invalid = screen.getByTestId("stated-invalid");
    expect(invalid.closest("td")).toBeNull();
    expect(screen.getByTestId("stated-outbound-total")).toHaveAttribute("aria-describedby", "stated-invalid");
  });
});

describe("14. wording", () => {
  it("uses Office's Vietnamese (Hủy, Xóa, phần bổ trợ), never “Thôi”, and “mục” only for sections", () => {
    // Every text, with each sentence-making function called on sample arguments of the kinds it takes.
    const samples: unknown[][] = [
      [2, 3, 4],
      ["Đoàn ra", "A1", "B2"],
      [["Sở Y tế", "Sở Nội vụ"], 3],
    ];
    const said = (f: (...a: unknown[]) => unknown) =>
      samples.flatMap((args) => {
        try {
          return [String(f(...args))];
        } catch {
          return [];
        }
      });
    const texts = Object.values(VI).flatMap((v) =>
      typeof v === "string" ? [v] : typeof v === "function" ? said(v as (...a: unknown[]) => unknown) : Object.values(v),
    );
    for (const t of texts) {
      expect(t).not.toMatch(/Thôi|[Hh]uỷ|[Xx]oá|tiện ích/);
    }
    // "Mục" is a section of the appendix only: counts of issues and of directory entries say what they count.
    const noMuc = (t: string) => expect(t.replace(/danh mục/gi, "")).not.toMatch(/mục/);
    for (const t of [
      VI.showing(3, 5),
      VI.showing(5, 5),
      VI.noneMatch,
      VI.directoryCount(3, 5),
      VI.directoryCustom(5),
      VI.directoryImported(5),
    ])
      noMuc(t);
    expect(VI.cancel).toBe("Hủy");
    expect(VI.directoryRemove).toBe("Xóa");
    expect(VI.directoryCount(3, 3)).toBe("3 cơ quan");
    expect(VI.showing(3, 3)).toBe("3 lỗi, cảnh báo");
    expect(VI.expectedLabel).not.toContain("không bắt buộc");
  });
});

describe("15. visuals", () => {
  it("keeps the coordinating bar 3:1 against its track", () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const track = webLightTheme.colorNeutralBackground3;
    expect(tokens.colorPaletteTealForeground2).toContain("colorPaletteTealForeground2");
    expect(ratio(webLightTheme.colorPaletteTealForeground2, track)).toBeGreaterThanOrEqual(3);
    expect(ratio(webLightTheme.colorBrandBackground, track)).toBeGreaterThanOrEqual(3);
    expect(ratio(webLightTheme.colorNeutralForeground3, track)).toBeGreaterThanOrEqual(3);
  });

  it("follows a dark Office theme", () => {
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    try {
      g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
      expect(officeThemeIsDark()).toBe(true);
      g.Office = { context: { officeTheme: { bodyBackgroundColor: "#FFFFFF" } } };
      expect(officeThemeIsDark()).toBe(false);
      g.Office = { context: {} };
      expect(officeThemeIsDark()).toBe(false);
    } finally {
      g.Office = before;
    }
  });
});

describe("rules as JSON, like the directory", () => {
  it("imports a rules file into the workbook's settings, and says in Vietnamese why a bad one cannot be used", async () => {
    const { host } = await panes.mount(await hostFromXlsx(SEED_APPENDIX_XLSX));
    await openTab("tab-settings");
    const input = screen.getByTestId("rules-file") as HTMLInputElement;
    const bad = new File(['{"version":1,"rules":{"missing-stt":{"enabled":"no"},"not-a-rule":{}}}'], "bad.json");
    await act(async () => {
      fireEvent.change(input, { target: { files: [bad] } });
    });
    await waitFor(() => expect(screen.getByTestId("rules-message")).toHaveTextContent("Tệp quy tắc không dùng được"));
    expect(screen.getByTestId("rules-message").textContent).not.toMatch(/Invalid|expected|received/i);
    const good = new File([rulesToJson({ "missing-stt": { enabled: false }, "unknown-agency": { severity: "error" } })], "rules.json");
    await act(async () => {
      fireEvent.change(input, { target: { files: [good] } });
    });
    await waitFor(() => expect(screen.getByTestId("rules-message")).toHaveTextContent("Đã nhập 2 quy tắc khác mặc định."));
    await waitFor(async () =>
      expect((await host.run((context) => loadStoredSettings(context as unknown as Excel.RequestContext))).settings.rules).toEqual({
        "missing-stt": { enabled: false },
        "unknown-agency": { severity: "error" },
      }),
    );
    // No rule code on the Settings tab.
    expect(screen.getByTestId("rules").textContent).not.toMatch(/missing-stt|unknown-agency/);
  });
});
