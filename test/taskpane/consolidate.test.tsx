/** @jest-environment jsdom */
/**
 * The Consolidate tab against the in-memory host: reply files picked and read in the pane (the seed appendix and a
 * real plan's table turned into .xlsx), a status per file, the expected agencies, rows in = rows out, then the
 * consolidated sheets written into the open workbook — and nothing written when cancelled.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import * as fs from "fs";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { checkWorkbook } from "../../src/core/workbook";
import type { TaskCheck } from "../../src/core/kinds/tasks/check";
import { readWorkbook } from "../../src/xlsx/read";
import { createHost } from "../excel-host";
import type { ExcelHost } from "../excel-host";
import { SEED_APPENDIX_XLSX, tsvGrid, tsvRows } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";
import { panePerTest, switchLanguage } from "./pane-harness";

const TSV = "dongthap_kh617-2025_cds-doanh-nghiep.tsv";
/** File names that name their senders, as replies usually do. */
const SEED_FILE = "so-ngoai-vu.xlsx";
const TSV_FILE = "so-khoa-hoc-va-cong-nghe.xlsx";
const CONSOLIDATED = "Dữ liệu hợp nhất";

const panes = panePerTest();

let seedBytes: Uint8Array;
let tsvBytes: Uint8Array;
beforeAll(async () => {
  seedBytes = new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX));
  tsvBytes = await xlsxFromRows([{ name: "Phụ lục", rows: tsvRows(TSV) }]);
});

function hostWithOneSheet(): ExcelHost {
  const host = createHost();
  host.addSheet("Kế hoạch", [["Sổ tổng hợp của Sở Ngoại vụ"]]);
  return host;
}

/** Opens the Consolidate tab and waits for its lazily loaded view. */
async function openConsolidate(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId("consolidate-tab"));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  await screen.findByTestId("consolidate-files");
}

function pick(files: File[]): void {
  fireEvent.change(screen.getByTestId("consolidate-files"), { target: { files } });
}

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as Uint8Array<ArrayBuffer>], name);
const statuses = () => screen.queryAllByTestId("consolidate-file-status");

async function allRead(): Promise<void> {
  await waitFor(() => {
    const list = statuses();
    expect(list.length).toBeGreaterThan(0);
    for (const el of list) expect(["waiting", "reading"]).not.toContain(el.dataset.status);
  });
}

/** Task rows the engine finds in a TSV fixture (the number the consolidation must carry over). */
function tasksOfTsv(): TaskCheck {
  const result = checkWorkbook([tsvGrid(TSV)]);
  if (!result.ok || result.checks[0].kind !== "tasks") throw new Error(`${TSV}: no task table`);
  return result.checks[0];
}

async function seedCheck(): Promise<TaskCheck> {
  const wb = await readWorkbook(seedBytes);
  if (!wb.ok) throw new Error(wb.message);
  const result = checkWorkbook(wb.sheets);
  if (!result.ok || result.checks[0].kind !== "tasks") throw new Error("seed: no task table");
  return result.checks[0];
}

it("reads two reply files with a status each, then writes the consolidated table with provenance", async () => {
  const { host } = await panes.mount(hostWithOneSheet());
  await openConsolidate();
  const tsv = tasksOfTsv();
  const seed = await seedCheck();
  expect(seed.counts.tasks).toBe(25);

  pick([fileOf(seedBytes, SEED_FILE), fileOf(tsvBytes, TSV_FILE)]);
  await allRead();
  const [first, second] = statuses();
  expect(first.dataset.file).toBe(SEED_FILE);
  expect(first.dataset.status).toBe("tables");
  expect(first).toHaveTextContent("1 bảng, 25 dòng nhiệm vụ");
  expect(second.dataset.status).toBe("tables");
  expect(second).toHaveTextContent(`1 bảng, ${tsv.counts.tasks} dòng nhiệm vụ`);

  // Nothing is written before "Ghi vào sổ".
  expect(host.sheetNames()).toEqual(["Kế hoạch"]);
  const summary = await screen.findByTestId("consolidate-summary");
  const total = 25 + tsv.counts.tasks;
  expect(summary.dataset.rowsIn).toBe(String(total));
  expect(summary.dataset.rowsOut).toBe(String(total));
  expect(summary).toHaveTextContent(`Dòng vào ${total} = dòng ra ${total}`);

  fireEvent.click(screen.getByTestId("consolidate-write-button"));
  const notice = await screen.findByTestId("notice");
  expect(notice).toHaveTextContent(CONSOLIDATED);
  expect(host.sheetNames()).toEqual(expect.arrayContaining(["Kế hoạch", CONSOLIDATED, "Báo cáo tệp", "Tổng hợp cơ quan"]));

  const values = host.sheet(CONSOLIDATED).values();
  const header = values[2];
  expect(header.slice(0, 4)).toEqual(["TT", "Tệp nguồn", "Trang tính", "Dòng gốc"]);
  const rows = values.slice(3).filter((r) => r[0] !== "");
  expect(rows).toHaveLength(total);
  // Every row says where it came from: the file, the sheet and the row of the task there, in input order.
  expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
    ...seed.tasks.map((t) => [SEED_FILE, seed.sheetName, t.row.row]),
    ...tsv.tasks.map((t) => [TSV_FILE, "Phụ lục", t.row.row]),
  ]);
  expect(rows[0][6]).toBe(seed.tasks[0].row.fields.content);
  expect(rows[0][4]).toBe("Sở Ngoại vụ");

  const report = host.sheet("Báo cáo tệp").values();
  expect(report.slice(3).map((r) => r[1])).toEqual([SEED_FILE, TSV_FILE]);
});

it("says why a file cannot be read, and which expected agencies sent nothing", async () => {
  await panes.mount(hostWithOneSheet());
  await openConsolidate();
  fireEvent.change(screen.getByTestId("consolidate-expected"), {
    target: { value: "Sở Ngoại vụ\n- Sở Khoa học và Công nghệ\n# không tính dòng này\nSở Tài chính" },
  });
  const text = new TextEncoder().encode("STT\tNội dung\n1\tkhông phải sổ làm việc\n");
  pick([fileOf(seedBytes, SEED_FILE), fileOf(text, "so-tai-chinh.xlsx"), fileOf(tsvBytes, TSV_FILE)]);
  await allRead();

  const bad = statuses().find((el) => el.dataset.file === "so-tai-chinh.xlsx")!;
  expect(bad.dataset.status).toBe("unreadable");
  expect(bad).toHaveTextContent("Không đọc được: không phải sổ làm việc .xlsx");

  expect(bad).toHaveTextContent("Chưa tính là đã gửi");
  const summary = await screen.findByTestId("consolidate-summary");
  // The unreadable file came from Sở Tài chính (its name says so), but a file nobody can read is not a reply.
  expect(summary.dataset.missing).toBe("Sở Tài chính");
  expect(within(summary).getByTestId("consolidate-missing")).toHaveTextContent("Chưa gửi (1/3): Sở Tài chính");

  fireEvent.change(screen.getByTestId("consolidate-expected"), { target: { value: "Sở Ngoại vụ\nSở Nội vụ\nSở Y tế" } });
  await waitFor(() => expect(screen.getByTestId("consolidate-summary").dataset.missing).toBe("Sở Nội vụ\nSở Y tế"));
  expect(screen.getByTestId("consolidate-missing")).toHaveTextContent("Chưa gửi (2/3): Sở Nội vụ, Sở Y tế");

  switchLanguage("en");
  expect(bad).toHaveTextContent("Unreadable: not an .xlsx workbook");
  expect(screen.getByTestId("consolidate-missing")).toHaveTextContent("Not received (2 of 3)");
});

it("writes nothing when cancelled while the files are read", async () => {
  const { host } = await panes.mount(hostWithOneSheet());
  await openConsolidate();
  host.resetSyncCount();
  const settingsBefore = new Map(host.settings);
  pick([fileOf(seedBytes, SEED_FILE), fileOf(tsvBytes, TSV_FILE)]);
  expect(screen.getByTestId("progress-label")).toHaveTextContent("Đang đọc tệp 1/2");
  fireEvent.click(screen.getByTestId("consolidate-cancel-button"));
  expect(await screen.findByTestId("notice")).toHaveTextContent("Đã hủy hợp nhất — sổ làm việc không thay đổi.");
  expect(statuses()).toHaveLength(0);
  // The read that was under way ends without bringing its file back.
  await act(() => new Promise((resolve) => setTimeout(resolve, 800)));
  expect(statuses()).toHaveLength(0);
  expect(screen.queryByTestId("consolidate-write-button")).toBeNull();
  expect(host.syncCount).toBe(0);
  expect(host.sheetNames()).toEqual(["Kế hoạch"]);
  expect(host.settings).toEqual(settingsBefore);
});

it("writes nothing when the files are removed after reading, before “Ghi vào sổ”", async () => {
  const { host } = await panes.mount(hostWithOneSheet());
  await openConsolidate();
  host.resetSyncCount();
  pick([fileOf(seedBytes, SEED_FILE)]);
  await allRead();
  await screen.findByTestId("consolidate-summary");
  // Removing every file asks first; dismissing keeps them.
  fireEvent.click(screen.getByTestId("consolidate-clear-button"));
  fireEvent.click(await screen.findByTestId("consolidate-clear-dismiss"));
  expect(statuses()).toHaveLength(1);
  fireEvent.click(screen.getByTestId("consolidate-clear-button"));
  fireEvent.click(await screen.findByTestId("consolidate-clear-confirm"));
  expect(await screen.findByTestId("notice")).toHaveTextContent("Đã bỏ các tệp đã chọn");
  expect(screen.queryByTestId("consolidate-summary")).toBeNull();
  expect(host.syncCount).toBe(0);
  expect(host.sheetNames()).toEqual(["Kế hoạch"]);
});

it("writes nothing when cancelled after “Ghi vào sổ”, before the write itself", async () => {
  const { host } = await panes.mount(hostWithOneSheet());
  await openConsolidate();
  pick([fileOf(seedBytes, SEED_FILE)]);
  await allRead();
  host.resetSyncCount();
  fireEvent.click(screen.getByTestId("consolidate-write-button"));
  expect(screen.getByTestId("progress-label")).toHaveTextContent("Đang lập các trang tổng hợp");
  fireEvent.click(screen.getByTestId("consolidate-cancel-button"));
  expect(await screen.findByTestId("notice")).toHaveTextContent("Đã hủy — sổ làm việc không thay đổi.");
  expect(host.syncCount).toBe(0);
  expect(host.sheetNames()).toEqual(["Kế hoạch"]);
  // The files stay, so the consolidation can still be written.
  expect(statuses().map((el) => el.dataset.file)).toEqual([SEED_FILE]);
  expect(screen.getByTestId("consolidate-write-button")).toBeEnabled();
});

it("keeps the files read when the user looks at another tab and comes back", async () => {
  await panes.mount(hostWithOneSheet());
  await openConsolidate();
  pick([fileOf(tsvBytes, TSV_FILE)]);
  await allRead();
  await act(async () => {
    fireEvent.click(screen.getByTestId("tab-check"));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  expect(screen.getByTestId("check-button")).toBeVisible();
  await openConsolidate();
  expect(statuses().map((el) => el.dataset.file)).toEqual([TSV_FILE]);
  expect(screen.getByTestId("consolidate-write-button")).toBeEnabled();
});
