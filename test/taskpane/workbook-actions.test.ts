/**
 * The pane's workbook actions, step by step against the in-memory host: the steps they report, cancelling between
 * steps (before any write), and settings that travel with the workbook.
 */
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { defaultDirectory } from "../../src/core/directory";
import { Cancelled } from "../../src/taskpane/progress";
import type { Progress, StepKey } from "../../src/taskpane/progress";
import { checkInExcel, loadSettingsFromExcel, saveSettingsToExcel, writeSummariesInExcel } from "../../src/taskpane/workbook-actions";
import { installOfficeGlobals } from "../excel-host";
import type { ExcelHost } from "../excel-host";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
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
