/**
 * Highlighting issue cells and clearing them (src/excel/highlights.ts) against the in-memory host: colours by
 * severity, the user's own fills put back exactly, protected sheets refused before anything is written, and the
 * round trips it costs.
 */
import { generateTable, loadVocabulary } from "../../bench/vocabulary";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { Issue, makeIssue } from "../../src/core/issues/catalogue";
import { clearHighlights, HIGHLIGHT_FILLS, highlightIssues } from "../../src/excel/highlights";
import { ExcelFailure, runInExcel } from "../../src/excel/run";
import { SETTING_KEYS } from "../../src/excel/workbook-settings";
import { createHost, ExcelHost, HostOptions, installOfficeGlobals } from "../excel-host";
import { addGridSheet } from "./grid-in-host";

let uninstall: (() => void) | null = null;

function useHost(options?: HostOptions): ExcelHost {
  const host = createHost(options);
  uninstall = installOfficeGlobals(host);
  return host;
}

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const highlight = (sheet: string, issues: Issue[], payloadBudget?: number) =>
  runInExcel((context) => highlightIssues(context, sheet, issues, { payloadBudget }));
const clear = (payloadBudget?: number) => runInExcel((context) => clearHighlights(context, { payloadBudget }));

const at = (cell: string, code: Issue["code"] = "missing-lead") => makeIssue(code, { cell, row: Number(cell.slice(1)) });

const table = [
  ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
  [1, "Việc một", null, "Sở Nội vụ", "Quý IV/2022"],
  [null, "Việc hai", "Sở Ngoại vụ", null, "2023"],
  [3, "Việc ba", "Sở Tài chính", "Sở Tài chính", "abc"],
];

function fills(host: ExcelHost, sheet: string, cells: string[]): Array<string | null> {
  return cells.map((c) => host.sheet(sheet).cell(c).fill);
}

describe("highlight and clear", () => {
  test("cells are filled by their most severe issue, and clearing restores the user's own fills exactly", async () => {
    const host = useHost();
    const s = host.addSheet("Phụ lục", table);
    s.format("C2", { fill: "#00B050" }); // the user's own green
    s.format("E4", { fill: "#FFFFFF" }); // a white fill is a fill, not "no fill"
    const issues = [
      at("C2"),
      at("A3", "missing-stt"),
      at("D3", "missing-coordinating"),
      at("E4", "unparsed-timeframe"),
      at("D4", "lead-also-coordinating"),
      at("D4", "missing-content"), // an error on the same cell wins
      at("B4", "formula-cell"),
    ];
    host.resetSyncCount();
    expect(await highlight("Phụ lục", issues)).toEqual({ cells: 6 });
    expect(host.syncCount).toBe(2);
    const cells = ["C2", "A3", "D3", "E4", "D4", "B4", "B2"];
    expect(fills(host, "Phụ lục", cells)).toEqual([
      HIGHLIGHT_FILLS.error,
      HIGHLIGHT_FILLS.error,
      HIGHLIGHT_FILLS.warning,
      HIGHLIGHT_FILLS.warning,
      HIGHLIGHT_FILLS.error,
      HIGHLIGHT_FILLS.info,
      null,
    ]);
    expect(host.settings.get(SETTING_KEYS.highlights)).toBeDefined();

    host.resetSyncCount();
    expect(await clear()).toEqual({ cells: 6 });
    expect(host.syncCount).toBe(2);
    expect(fills(host, "Phụ lục", cells)).toEqual(["#00B050", null, null, "#FFFFFF", null, null, null]);
    expect(host.settings.has(SETTING_KEYS.highlights)).toBe(false);
    expect(await clear()).toEqual({ cells: 0 });
  });

  test("highlighting again keeps the first remembered fills; cells without issues now get theirs back", async () => {
    const host = useHost();
    const s = host.addSheet("Phụ lục", table);
    s.format("C2", { fill: "#00B050" });
    s.format("A3", { fill: "#FFFF00" });
    await highlight("Phụ lục", [at("C2"), at("A3", "missing-stt")]);
    // The user fixed A3; the next check has only C2, now a warning, and a new cell D3.
    await highlight("Phụ lục", [at("C2", "missing-coordinating"), at("D3", "missing-coordinating")]);
    expect(fills(host, "Phụ lục", ["C2", "A3", "D3"])).toEqual([HIGHLIGHT_FILLS.warning, "#FFFF00", HIGHLIGHT_FILLS.warning]);
    await clear();
    expect(fills(host, "Phụ lục", ["C2", "A3", "D3"])).toEqual(["#00B050", "#FFFF00", null]);
  });

  test("a cell the user refilled after the highlight keeps the user's new fill as its own", async () => {
    const host = useHost();
    host.addSheet("Phụ lục", table);
    await highlight("Phụ lục", [at("C2")]);
    host.sheet("Phụ lục").format("C2", { fill: "#7030A0" });
    await highlight("Phụ lục", [at("C2")]);
    await clear();
    expect(host.sheet("Phụ lục").cell("C2").fill).toBe("#7030A0");
  });

  test("highlights on two sheets are cleared together; a deleted sheet is skipped", async () => {
    const host = useHost();
    host.addSheet("A", table);
    host.addSheet("B", table);
    host.addSheet("C", table);
    await highlight("A", [at("C2")]);
    await highlight("B", [at("D3")]);
    await highlight("C", [at("E4")]);
    await host.run(async (context) => context.workbook.worksheets.getItem("C").delete());
    expect(await clear()).toEqual({ cells: 2 });
    expect([host.sheet("A").cell("C2").fill, host.sheet("B").cell("D3").fill]).toEqual([null, null]);
  });

  test("with ExcelApi 1.8 (no getCellProperties, no RangeAreas) highlights and clears the same way", async () => {
    const host = useHost({ requirementSets: { ExcelApi: "1.8" } });
    host.addSheet("Phụ lục", table).format("C2", { fill: "#00B050" });
    await highlight("Phụ lục", [at("C2"), at("D3", "missing-coordinating")]);
    expect(fills(host, "Phụ lục", ["C2", "D3"])).toEqual([HIGHLIGHT_FILLS.error, HIGHLIGHT_FILLS.warning]);
    await clear();
    expect(fills(host, "Phụ lục", ["C2", "D3"])).toEqual(["#00B050", null]);
  });
});

describe("protected sheets", () => {
  test("highlighting a protected sheet fails as “protected” with nothing written", async () => {
    const host = useHost();
    host.addSheet("Phụ lục", table).protect();
    const error = await highlight("Phụ lục", [at("C2")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelFailure);
    expect(error).toMatchObject({ kind: "protected", sheet: "Phụ lục" });
    expect(host.sheet("Phụ lục").cell("C2").fill).toBeNull();
    expect(host.settings.has(SETTING_KEYS.highlights)).toBe(false);
  });

  test("clearing when a highlighted sheet was protected since fails before restoring any sheet", async () => {
    const host = useHost();
    host.addSheet("A", table);
    host.addSheet("B", table);
    await highlight("A", [at("C2")]);
    await highlight("B", [at("C2")]);
    host.sheet("B").protect();
    await expect(clear()).rejects.toMatchObject({ kind: "protected", sheet: "B" });
    expect(host.sheet("A").cell("C2").fill).toBe(HIGHLIGHT_FILLS.error);
    host.sheet("B").unprotect();
    expect(await clear()).toEqual({ cells: 2 });
  });
});

describe("20,000 rows", () => {
  const generated = generateTable(20_000, loadVocabulary(), 5);
  const issues = checkSheet(generated).issues;

  test("highlighting costs two round trips and clearing two", async () => {
    const host = useHost();
    addGridSheet(host, generated);
    host.resetSyncCount();
    const { cells } = await highlight("Phụ lục", issues);
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect(cells).toBeGreaterThan(1000);
    const first = issues.find(
      (i) => i.cell && i.severity === "warning" && !issues.some((j) => j.cell === i.cell && j.severity === "error"),
    )!;
    expect(host.sheet("Phụ lục").cell(first.cell!).fill).toBe(HIGHLIGHT_FILLS.warning);
    host.resetSyncCount();
    expect(await clear()).toEqual({ cells });
    expect(host.syncCount).toBeLessThanOrEqual(2);
    expect(host.sheet("Phụ lục").cell(first.cell!).fill).toBeNull();
  });

  test("on the web with a small payload limit the work is cut to fit, with the same result", async () => {
    const host = useHost({ platform: "web", payloadLimitBytes: 30_000 });
    addGridSheet(host, generated);
    host.sheet("Phụ lục").format("C5", { fill: "#00B050" });
    const marked = issues.filter((i) => i.cell);
    host.resetSyncCount();
    const { cells } = await highlight("Phụ lục", marked, 25_000);
    expect(host.syncCount).toBeGreaterThan(2);
    expect(Math.max(...host.requestBytes)).toBeLessThanOrEqual(30_000);
    expect(cells).toBe(new Set(marked.map((i) => i.cell)).size);
    host.resetSyncCount();
    await clear(10_000);
    expect(host.syncCount).toBeGreaterThan(2);
    expect(Math.max(...host.requestBytes)).toBeLessThanOrEqual(30_000);
    expect(host.sheet("Phụ lục").cell("C5").fill).toBe("#00B050");
    expect(host.sheet("Phụ lục").usedAddress()).toBe(host.sheet("Phụ lục").usedAddress(true));
  });
});
