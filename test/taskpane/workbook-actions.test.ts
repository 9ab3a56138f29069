/**
 * The pane's workbook actions, step by step against the in-memory host: the steps they report, cancelling between
 * steps (before any write), and settings that travel with the workbook.
 */
import * as fs from "fs";
import { consolidate } from "../../src/core/consolidate/consolidate";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { checkWorkbook } from "../../src/core/workbook";
import { CHECK_INPUT_KEYS } from "../../src/excel/stored-settings";
import { readWorkbook } from "../../src/xlsx/read";
import { Cancelled } from "../../src/taskpane/progress";
import type { Progress, StepKey } from "../../src/taskpane/progress";
import {
  checkGrid,
  checkInExcel,
  loadCheckInputsFromExcel,
  loadSettingsFromExcel,
  saveCheckInputsToExcel,
  saveSettingsToExcel,
  writeConsolidationInExcel,
  writeSummariesInExcel,
} from "../../src/taskpane/workbook-actions";
import { installOfficeGlobals } from "../excel-host";
import type { ExcelHost } from "../excel-host";
import { SEED_APPENDIX_XLSX, SEED_DELEGATIONS_XLSX } from "../support/fixtures";
import { hostFromXlsx } from "./host-workbooks";

let host: ExcelHost;
let restore: () => void;
beforeEach(async () => {
  host = await hostFromXlsx(SEED_APPENDIX_XLSX);
  restore = installOfficeGlobals(host);
});
afterEach(() => restore());

/** A progress that records the steps and cancels when `cancelAt` is reached (after it is shown). */
function recorder(cancelAt?: StepKey): { progress: Progress; steps: string[] } {
  const abort = new AbortController();
  const steps: string[] = [];
  return {
    steps,
    progress: {
      signal: abort.signal,
      step: async (key, index, of) => {
        if (abort.signal.aborted) throw new Cancelled();
        steps.push(`${key} ${index}/${of}`);
        if (key === cancelAt) abort.abort();
        await Promise.resolve();
        if (abort.signal.aborted) throw new Cancelled();
      },
      retrying: () => undefined,
    },
  };
}

const options = { settings: DEFAULT_SETTINGS, directory: defaultDirectory() };

it("reads then checks, in at most 3 round trips", async () => {
  const { progress, steps } = recorder();
  host.resetSyncCount();
  const check = await checkInExcel({ kind: "sheet" }, options, progress);
  expect(steps).toEqual(["reading 1/2", "checking 2/2"]);
  expect(check.kind).toBe("tasks");
  expect(check.counts.tasks).toBe(25);
  expect(host.syncCount).toBeLessThanOrEqual(3);
});

it("writes the summary sheets in at most 3 round trips", async () => {
  const check = await checkInExcel({ kind: "sheet" }, options, recorder().progress);
  const { progress, steps } = recorder();
  host.resetSyncCount();
  const written = await writeSummariesInExcel(check, "en", progress);
  expect(steps).toEqual(["summaries 1/2", "writing 2/2"]);
  expect(written).toEqual(expect.arrayContaining(["Agency summary", "Issues"]));
  expect(host.sheetNames()).toEqual(expect.arrayContaining(written));
  expect(host.syncCount).toBeLessThanOrEqual(3);
});

it("leaves the workbook unchanged when cancelled before writing", async () => {
  const check = await checkInExcel({ kind: "sheet" }, options, recorder().progress);
  const before = host.sheetNames();
  const settingsBefore = host.settings;
  const { progress } = recorder("summaries");
  host.resetSyncCount();
  await expect(writeSummariesInExcel(check, "vi", progress)).rejects.toBeInstanceOf(Cancelled);
  expect(host.syncCount).toBe(0);
  expect(host.sheetNames()).toEqual(before);
  expect(host.settings).toEqual(settingsBefore);
});

it("stops a check before anything is read when cancelled as it starts", async () => {
  const { progress } = recorder("reading");
  await expect(checkInExcel({ kind: "sheet" }, options, progress)).rejects.toBeInstanceOf(Cancelled);
});

it("saves settings and the directory with the workbook and reads them back", async () => {
  const directory = { version: 1 as const, agencies: [{ name: "Sở Ngoại vụ", aliases: ["SNV"], kind: "agency" as const }] };
  await saveSettingsToExcel({ ...DEFAULT_SETTINGS, lang: "en", rules: { "blank-rows": { enabled: false } } }, directory);
  const back = await loadSettingsFromExcel();
  expect(back.settings.lang).toBe("en");
  expect(back.settings.rules["blank-rows"]).toEqual({ enabled: false });
  expect(back.directory).toEqual(directory);
});

it("keeps the stated totals and the legacy reading with the workbook; a hand-edited value loads as none", async () => {
  expect(await loadCheckInputsFromExcel()).toEqual({ stated: null, readLegacyAsUnicode: false, liveCheck: true });
  const stated = { outbound: { total: 13, planned: 9 }, inbound: { supplementary: 3 } };
  await saveCheckInputsToExcel({ stated, readLegacyAsUnicode: true });
  expect(await loadCheckInputsFromExcel()).toEqual({ stated, readLegacyAsUnicode: true, liveCheck: true });
  // Saving one part leaves the other as stored.
  await saveCheckInputsToExcel({ readLegacyAsUnicode: false });
  expect(await loadCheckInputsFromExcel()).toEqual({ stated, readLegacyAsUnicode: false, liveCheck: true });

  host.setSetting(CHECK_INPUT_KEYS.statedTotals, { outbond: { total: 3 } });
  host.setSetting(CHECK_INPUT_KEYS.readLegacyAsUnicode, "yes");
  expect(await loadCheckInputsFromExcel()).toEqual({ stated: null, readLegacyAsUnicode: false, liveCheck: true });
});

it("refuses to store stated totals that are not whole numbers", async () => {
  const bad = { outbound: { total: -1 } };
  await expect(saveCheckInputsToExcel({ stated: bad })).rejects.toThrow();
  expect(host.settings.has(CHECK_INPUT_KEYS.statedTotals)).toBe(false);
});

describe("delegation totals of one sheet", () => {
  it("compares only the directions the sheet holds", async () => {
    const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_DELEGATIONS_XLSX)));
    if (!wb.ok) throw new Error(wb.message);
    const outboundSheet = wb.sheets.find((g) => /Đoàn ra/.test(g.sheetName))!;
    const plain = checkGrid(outboundSheet, options);
    if (plain.kind !== "delegations") throw new Error("not a delegation sheet");
    const counted = plain.workbook.counted;
    const mismatches = (stated: Parameters<typeof checkGrid>[1]["stated"]) =>
      checkGrid(outboundSheet, { ...options, stated }).issues.filter((i) => i.code === "delegation-total-mismatch");

    expect(mismatches({ inbound: { total: counted.inbound.total + 12 } })).toEqual([]);
    const found = mismatches({ outbound: { total: counted.outbound.total + 1 }, inbound: { total: 12 } });
    expect(found.map((i) => i.params.direction)).toEqual(["outbound"]);
    expect(found[0].params).toMatchObject({ figure: "total", counted: counted.outbound.total, stated: counted.outbound.total + 1 });
  });
});

describe("writing a consolidation", () => {
  async function aConsolidation() {
    const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
    if (!wb.ok) throw new Error(wb.message);
    const result = checkWorkbook(wb.sheets);
    if (!result.ok) throw new Error("seed: no table");
    return consolidate(
      result.checks.map((check) => ({ file: "so-ngoai-vu.xlsx", check })),
      { directory: defaultDirectory(), lang: "vi" },
    );
  }

  it("writes the consolidated sheets in at most 3 round trips", async () => {
    const c = await aConsolidation();
    const { progress, steps } = recorder();
    host.resetSyncCount();
    const written = await writeConsolidationInExcel(c, "vi", progress);
    expect(steps).toEqual(["summaries 1/2", "writing 2/2"]);
    expect(written[0]).toBe("Dữ liệu hợp nhất");
    expect(written[written.length - 1]).toBe("Báo cáo tệp");
    expect(host.sheet("Dữ liệu hợp nhất").values().slice(3)).toHaveLength(c.rowsOut);
    expect(host.syncCount).toBeLessThanOrEqual(3);
  });

  it("leaves the workbook unchanged when cancelled before writing", async () => {
    const c = await aConsolidation();
    const before = host.sheetNames();
    const { progress } = recorder("summaries");
    host.resetSyncCount();
    await expect(writeConsolidationInExcel(c, "vi", progress)).rejects.toBeInstanceOf(Cancelled);
    expect(host.syncCount).toBe(0);
    expect(host.sheetNames()).toEqual(before);
  });
});
