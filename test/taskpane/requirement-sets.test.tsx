/** @jest-environment jsdom */
/**
 * The pane's core flow — check, issues, select, write summaries — with the in-memory Excel at the lowest requirement
 * set manifest.xml declares (1.1, Office 2016), at 1.4 (settings in the workbook's own collection), at 1.7 (Office
 * 2019) and at 1.13 (Office 2021): the host refuses every API above its set
 * the way Office does (ApiNotFound), and each state shows what that set allows. README "Office versions" states the
 * same table.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import * as fs from "fs";
import * as path from "path";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { cellAddress } from "../../src/core/sheet/grid";
import { readWorkbook } from "../../src/xlsx/read";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { hostFromXlsx, panePerTest } from "./pane-harness";
import { issueOrder } from "../../src/taskpane/issue-order";

const SHEET = "Phụ lục";
const ISSUES_SHEET = "Danh sách lỗi";
const AGENCIES_SHEET = "Tổng hợp cơ quan";
const MANIFEST = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
const DECLARED = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(MANIFEST)?.[1] ?? "none";

interface Expected {
  version: string;
  /** Words of the "this Excel lacks" warning, one per missing capability (empty: no warning). */
  missing: string[];
  merges: boolean;
  links: boolean;
  frozen: boolean;
  widths: boolean;
}

const ALL_MISSING = ["ô gộp", "nhiều vùng", "XML tùy chỉnh", "liên kết", "độ rộng cột", "cố định dòng tiêu đề", "thuộc tính trang"];

const STATES: Expected[] = [
  { version: DECLARED, missing: ALL_MISSING, merges: false, links: false, frozen: false, widths: false },
  {
    version: "1.4",
    missing: ["ô gộp", "nhiều vùng", "XML tùy chỉnh", "liên kết", "cố định dòng tiêu đề", "thuộc tính trang"],
    merges: false,
    links: false,
    frozen: false,
    widths: true,
  },
  { version: "1.7", missing: ["ô gộp", "nhiều vùng", "thuộc tính trang"], merges: false, links: true, frozen: true, widths: true },
  { version: "1.13", missing: [], merges: true, links: true, frozen: true, widths: true },
];

const panes = panePerTest();

it("declares ExcelApi 1.1 in the manifest: the lowest set there is, which the core flow runs on", () => {
  expect(DECLARED).toBe("1.1");
});

describe.each(STATES)("with the host at ExcelApi $version", (state) => {
  it("checks, lists the issues, selects a cell and writes the summaries, and says what this Excel lacks", async () => {
    const { host } = await panes.mount(await hostFromXlsx(SEED_APPENDIX_XLSX, { requirementSets: { ExcelApi: state.version } }));
    const warning = screen.queryByTestId("missing-features");
    if (state.missing.length === 0) expect(warning).toBeNull();
    else {
      expect(warning).not.toBeNull();
      for (const word of state.missing) expect(warning).toHaveTextContent(word);
      for (const word of ALL_MISSING.filter((w) => !state.missing.includes(w))) expect(warning).not.toHaveTextContent(word);
    }

    fireEvent.click(screen.getByTestId("check-button"));
    await screen.findByTestId("result");
    await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
    expect(screen.queryByTestId("failure")).toBeNull();
    expect(screen.getByTestId("result-summary")).toHaveTextContent("25 nhiệm vụ trong 8 mục");

    // The issues are the engine's on the grid this Excel can read: with its merged cells only from 1.13 on.
    const read = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
    if (!read.ok) throw new Error(read.message);
    const seed = read.sheets.find((g) => g.sheetName === SHEET)!;
    const expected = checkSheet(state.merges ? seed : { ...seed, merges: [] }).issues;
    const shown = screen.getAllByTestId("issue-item");
    // Listed errors first (issue 13), each severity by row.
    expect(shown.map((el) => `${el.dataset.code}@${el.dataset.cell}`)).toEqual(
      issueOrder(expected).map((i) => `${expected[i].code}@${expected[i].cell ?? ""}`),
    );

    fireEvent.click(shown.find((el) => el.dataset.code === "missing-stt")!);
    await waitFor(() => expect(host.selection).toBe(`'${SHEET}'!A43`));

    fireEvent.click(screen.getByTestId("write-summary-button"));
    await screen.findByTestId("notice");
    expect(screen.queryByTestId("failure")).toBeNull();
    expect(host.sheetNames()).toEqual(expect.arrayContaining([AGENCIES_SHEET, ISSUES_SHEET]));
    const agencyRow = host
      .sheet(AGENCIES_SHEET)
      .values()
      .find((r) => r[1] === "Sở Ngoại vụ");
    expect(agencyRow?.slice(2, 4)).toEqual([18, 7]);
    const issues = host.sheet(ISSUES_SHEET);
    const linked = issues
      .values()
      .flatMap((row, r) => row.map((_, c) => issues.cell(cellAddress(r + 1, c + 1)).hyperlink))
      .filter((link) => link !== null);
    expect(linked.length > 0).toBe(state.links);
    expect(issues.frozen.rows > 0).toBe(state.frozen);
    expect(host.sheet(AGENCIES_SHEET).columnWidth("B") !== host.sheet(AGENCIES_SHEET).columnWidth("T")).toBe(state.widths);
    // The list of the product's sheets is kept with the workbook at every set (document settings below 1.4).
    expect(host.settings.get("appendixChecker.ownedSheets")).toEqual(expect.arrayContaining([AGENCIES_SHEET, ISSUES_SHEET]));
  });
});
