/**
 * The smaller workbook actions against the in-memory host: selecting a cell, settings that travel with the workbook,
 * and changing the text of given cells (the legacy-encoding conversion).
 */
import { DirectoryData } from "../../src/core/agencies/directory";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/settings/settings";
import { replaceCellTexts } from "../../src/excel/cells-writer";
import { ExcelFailure, runInExcel } from "../../src/excel/run";
import { selectCell } from "../../src/excel/selection";
import { loadStoredSettings, saveStoredSettings } from "../../src/excel/stored-settings";
import { SETTING_KEYS } from "../../src/excel/workbook-settings";
import { hostPerTest } from "../support/host-per-test";

const useHost = hostPerTest();

describe("selectCell", () => {
  test("activates the sheet and moves the selection to the cell, in one round trip", async () => {
    const host = useHost();
    host.addSheet("Phụ lục", [["STT"]]);
    host.addSheet("Danh sách lỗi", [["x"]], { activate: true });
    host.resetSyncCount();
    await runInExcel((context) => selectCell(context, "Phụ lục", "A43"));
    expect(host.selection).toBe("'Phụ lục'!A43");
    expect(host.activeSheet).toBe("Phụ lục");
    expect(host.syncCount).toBe(1);
  });

  test("a sheet that is gone or an address that is not one is a not-found failure", async () => {
    const host = useHost();
    host.addSheet("S");
    await expect(runInExcel((context) => selectCell(context, "Gone", "A1"))).rejects.toMatchObject({ kind: "not-found" });
    await expect(runInExcel((context) => selectCell(context, "S", "Sheet1!?"))).rejects.toMatchObject({ kind: "not-found" });
  });
});

describe("stored settings", () => {
  const directory: DirectoryData = { version: 1, agencies: [{ name: "Sở Ngoại vụ", aliases: ["SNgV"], kind: "agency" }] };
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    lang: "en",
    rules: { "missing-coordinating": { enabled: false } },
    planStartYear: 2022,
  };

  test("are read back as saved, across Excel.run calls, one round trip each", async () => {
    const host = useHost();
    host.addSheet("S");
    expect(await runInExcel((context) => loadStoredSettings(context))).toEqual({ settings: DEFAULT_SETTINGS, directory: null });
    host.resetSyncCount();
    await runInExcel((context) => saveStoredSettings(context, settings, directory));
    expect(await runInExcel((context) => loadStoredSettings(context))).toEqual({ settings, directory });
    expect(host.syncCount).toBe(2);
    await runInExcel((context) => saveStoredSettings(context, DEFAULT_SETTINGS));
    expect((await runInExcel((context) => loadStoredSettings(context))).directory).toEqual(directory);
    await runInExcel((context) => saveStoredSettings(context, DEFAULT_SETTINGS, null));
    expect(await runInExcel((context) => loadStoredSettings(context))).toEqual({ settings: DEFAULT_SETTINGS, directory: null });
  });

  test("values that do not fit the schemas fall back to the defaults", async () => {
    const host = useHost();
    host.addSheet("S");
    host.setSetting(SETTING_KEYS.settings, { version: 7, rules: "all" });
    host.setSetting(SETTING_KEYS.directory, { agencies: "none" });
    expect(await runInExcel((context) => loadStoredSettings(context))).toEqual({ settings: DEFAULT_SETTINGS, directory: null });
  });
});

describe("replaceCellTexts", () => {
  test("writes the texts as text and returns what the cells held", async () => {
    const host = useHost();
    host.addSheet("S", [["Së Ngo¹i vô", 12, "=1+1"]]);
    host.resetSyncCount();
    const result = await runInExcel((context) =>
      replaceCellTexts(context, "S", [
        { address: "A1", text: "Sở Ngoại vụ" },
        { address: "B1", text: "-Sở Nội vụ" },
        { address: "C1", text: "=SUM(A1)" },
      ]),
    );
    expect(host.syncCount).toBe(2);
    expect(result.previous).toEqual([
      { address: "A1", value: "Së Ngo¹i vô" },
      { address: "B1", value: 12 },
      { address: "C1", value: 2 },
    ]);
    expect(host.sheet("S").values()).toEqual([["Sở Ngoại vụ", "-Sở Nội vụ", "=SUM(A1)"]]);
    expect(host.sheet("S").cell("C1").formula).toBeNull();
  });

  test("a protected sheet fails as “protected” before anything is written", async () => {
    const host = useHost();
    host.addSheet("S", [["a", "b"]]).protect();
    const error = await runInExcel((context) =>
      replaceCellTexts(context, "S", [
        { address: "A1", text: "x" },
        { address: "B1", text: "y" },
      ]),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelFailure);
    expect(error).toMatchObject({ kind: "protected", sheet: "S" });
    expect(host.sheet("S").values()).toEqual([["a", "b"]]);
  });
});
