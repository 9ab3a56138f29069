/** @jest-environment jsdom */
/**
 * The Settings tab against the in-memory host: rules on/off and severities, the agency directory (search, add,
 * remove, import with validation, export), all saved with the workbook and used by the next check.
 */
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { directoryToJson } from "../../src/core/agencies/directory";
import { parseDirectoryJson } from "../../src/core/agencies/directory-file";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import type { DirectoryData } from "../../src/core/agencies/directory";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { loadStoredSettings, saveStoredSettings } from "../../src/excel/stored-settings";
import { installOfficeGlobals } from "../excel-host";
import type { ExcelHost } from "../excel-host";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { hostFromXlsx, issuesOfKind, panePerTest } from "./pane-harness";
import type { MountedPane } from "./pane-harness";

/** The seed's one agency that the default directory does not know (SPEC 3.2's worked example). */
const UNKNOWN = "Phòng Thương mại và Công nghiệp Đức tại Việt Nam";

const panes = panePerTest();

async function seedPane(prepare?: (host: ExcelHost) => Promise<void>): Promise<MountedPane> {
  const host = await hostFromXlsx(SEED_APPENDIX_XLSX);
  if (prepare) await prepare(host);
  return panes.mount(host);
}

async function checkNow(): Promise<void> {
  await openTab("tab-check");
  fireEvent.click(screen.getByTestId("check-button"));
  await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
  await screen.findByTestId("result");
}

/** Opens a tab and lets its selection indicator settle (it animates over a frame). */
async function openTab(id: "tab-check" | "tab-settings"): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId(id));
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
}

const codes = () => screen.queryAllByTestId("issue-item").map((el) => el.dataset.code);
/** What the workbook holds now, read through the add-in's own settings code. */
const stored = (_host: ExcelHost) => Excel.run((context) => loadStoredSettings(context));

it("uses the settings and directory saved in the workbook", async () => {
  const directory: DirectoryData = {
    ...defaultDirectory().data,
    agencies: [...defaultDirectory().data.agencies, { name: UNKNOWN, aliases: [], kind: "agency" }],
  };
  await seedPane(async (host) => {
    const restore = installOfficeGlobals(host);
    await Excel.run((context) => saveStoredSettings(context, { ...DEFAULT_SETTINGS, lang: "en" }, directory));
    restore();
  });
  expect(screen.getByTestId("check-button")).toHaveTextContent("Check");
  await checkNow();
  expect(codes()).not.toContain("unknown-agency");
  expect(codes()).toContain("missing-stt");
});

it("switches a rule off and changes a severity; the next check follows and the workbook keeps both", async () => {
  const { host } = await seedPane();
  await checkNow();
  expect(codes()).toContain("repeated-header");

  await openTab("tab-settings");
  const repeated = screen.getByTestId("rule-repeated-header");
  fireEvent.click(within(repeated).getByRole("switch"));
  const missing = screen.getByTestId("rule-missing-stt");
  fireEvent.change(within(missing).getByRole("combobox"), { target: { value: "warning" } });
  await waitFor(async () => {
    const { settings } = await stored(host);
    expect(settings.rules["repeated-header"]).toEqual({ enabled: false });
    expect(settings.rules["missing-stt"]).toEqual({ severity: "warning" });
  });

  await openTab("tab-check");
  expect(screen.getByTestId("stale")).toBeInTheDocument();
  await checkNow();
  expect(codes()).not.toContain("repeated-header");
  const stt = screen.getAllByTestId("issue-item").find((el) => el.dataset.code === "missing-stt")!;
  expect(stt.dataset.severity).toBe("warning");
  expect(screen.queryByTestId("stale")).toBeNull();
});

it("adds an agency to the directory, so it is no longer unknown", async () => {
  const { host } = await seedPane();
  await openTab("tab-settings");
  expect(screen.getByTestId("directory-source")).toHaveTextContent("mặc định");

  fireEvent.change(screen.getByTestId("directory-search"), { target: { value: "ngoai vu" } });
  const found = screen.getAllByTestId("directory-entry").map((el) => el.textContent);
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((t) => /ngoại vụ/i.test(t ?? ""))).toBe(true);

  fireEvent.change(screen.getByTestId("directory-search"), { target: { value: "" } });
  fireEvent.click(screen.getByTestId("directory-add"));
  fireEvent.change(screen.getByTestId("entry-name"), { target: { value: UNKNOWN } });
  fireEvent.change(screen.getByTestId("entry-aliases"), { target: { value: "AHK Việt Nam\n" } });
  fireEvent.click(screen.getByTestId("entry-save"));
  await waitFor(async () => {
    const { directory } = await stored(host);
    expect(directory?.agencies.find((a) => a.name === UNKNOWN)?.aliases).toEqual(["AHK Việt Nam"]);
  });
  expect(screen.getByTestId("directory-source")).toHaveTextContent(String(defaultDirectory().data.agencies.length + 1));

  await checkNow();
  expect(codes()).not.toContain("unknown-agency");
});

it("edits an entry's aliases", async () => {
  const { host } = await seedPane();
  await openTab("tab-settings");
  fireEvent.change(screen.getByTestId("directory-search"), { target: { value: "Sở Ngoại vụ" } });
  const entry = screen.getAllByTestId("directory-entry").find((el) => el.textContent?.startsWith("Sở Ngoại vụ"))!;
  fireEvent.click(within(entry).getByRole("button", { name: /Sửa/ }));
  const aliases = screen.getByTestId("entry-aliases") as HTMLTextAreaElement;
  fireEvent.change(aliases, { target: { value: `${aliases.value}\nSNV` } });
  fireEvent.click(screen.getByTestId("entry-save"));
  await waitFor(async () => {
    const { directory } = await stored(host);
    expect(directory?.agencies.find((a) => a.name === "Sở Ngoại vụ")?.aliases).toContain("SNV");
  });
  expect(screen.queryByTestId("directory-form")).toBeNull();
});

it("refuses an entry whose name another entry already has, and says why", async () => {
  await seedPane();
  await openTab("tab-settings");
  fireEvent.click(screen.getByTestId("directory-add"));
  fireEvent.change(screen.getByTestId("entry-name"), { target: { value: "Sở Ngoại vụ" } });
  fireEvent.click(screen.getByTestId("entry-save"));
  expect(screen.getByTestId("directory-problem")).toHaveTextContent("Sở Ngoại vụ");
  expect(screen.getByTestId("directory-form")).toBeInTheDocument();
  expect(screen.getByTestId("directory-source")).toHaveTextContent("mặc định");
});

it("removes an entry, and can go back to the default directory", async () => {
  const { host } = await seedPane();
  await openTab("tab-settings");
  fireEvent.change(screen.getByTestId("directory-search"), { target: { value: "Sở Ngoại vụ" } });
  const entry = screen.getAllByTestId("directory-entry").find((el) => el.textContent?.startsWith("Sở Ngoại vụ"))!;
  fireEvent.click(within(entry).getByRole("button", { name: /Xóa/ }));
  fireEvent.click(await screen.findByTestId("directory-remove-confirm"));
  await waitFor(async () => expect((await stored(host)).directory?.agencies.some((a) => a.name === "Sở Ngoại vụ")).toBe(false));

  await checkNow();
  expect(issuesOfKind("unknown-agency")).toBeGreaterThan(1);

  await openTab("tab-settings");
  fireEvent.click(screen.getByTestId("directory-reset"));
  await waitFor(async () => expect((await stored(host)).directory).toBeNull());
  expect(screen.getByTestId("directory-source")).toHaveTextContent("mặc định");
});

it("imports a directory from JSON, and shows why a bad file cannot be used", async () => {
  const { host } = await seedPane();
  await openTab("tab-settings");
  const input = screen.getByTestId("directory-file") as HTMLInputElement;

  const bad = new File(['{"version":1,"agencies":[{"name":"","aliases":[]}]}'], "bad.json", { type: "application/json" });
  await act(async () => {
    fireEvent.change(input, { target: { files: [bad] } });
  });
  await waitFor(() => expect(screen.getByTestId("directory-problem")).toHaveTextContent("cơ quan thứ 1, tên chuẩn: không được để trống"));
  expect((await stored(host)).directory).toBeNull();

  const shared: DirectoryData = { version: 1, name: "Tỉnh mẫu", agencies: [{ name: "Sở Ngoại vụ", aliases: ["SNV"], kind: "agency" }] };
  const good = new File([directoryToJson(shared)], "shared.json", { type: "application/json" });
  await act(async () => {
    fireEvent.change(input, { target: { files: [good] } });
  });
  await waitFor(() => expect(screen.getByTestId("directory-message")).toHaveTextContent("1"));
  expect(screen.queryByTestId("directory-problem")).toBeNull();
  await waitFor(async () => expect((await stored(host)).directory).toEqual(shared));
});

it("exports the directory as a JSON download that imports back", async () => {
  await seedPane();
  await openTab("tab-settings");
  const blobs: Blob[] = [];
  const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
  const saved = { create: url.createObjectURL, revoke: url.revokeObjectURL };
  url.createObjectURL = (b: Blob) => {
    blobs.push(b);
    return "blob:directory";
  };
  url.revokeObjectURL = () => undefined;
  const clicks: string[] = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this.download);
  });
  try {
    await act(async () => {
      fireEvent.click(screen.getByTestId("directory-export"));
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(clicks).toEqual(["danh-muc-co-quan.json"]);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    const parsed = parseDirectoryJson(text);
    expect(parsed.ok && parsed.data.agencies.length).toBe(defaultDirectory().data.agencies.length);
  } finally {
    click.mockRestore();
    url.createObjectURL = saved.create;
    url.revokeObjectURL = saved.revoke;
  }
});
