/**
 * Add-in budgets (SPEC 10): round trips (context.sync) to check, write the summaries of, and highlight a table of
 * 20,000 rows, counted by the in-memory Excel host. Counts, not timings: the host answers instantly, Excel does not,
 * and it is the round trips that cost in Excel on the web. Reading 100,000 rows (issue 17: at most 8 round trips on
 * the web, 2 on the desktop) is counted too, with the largest request and answer in UTF-8 bytes against the web's
 * 5 MB limit.
 */
import { checkSheet } from "../src/core/kinds/tasks/check";
import { summarySheets } from "../src/core/output/summaries";
import { readGrid } from "../src/excel/grid-reader";
import { clearHighlights, highlightIssues } from "../src/excel/highlights";
import { runInExcel } from "../src/excel/run";
import { writeSheetModels } from "../src/excel/sheet-writer";
import { createHost, DEFAULT_PAYLOAD_LIMIT, ExcelHost, HostOptions, installOfficeGlobals } from "../test/excel-host";
import { addGridSheet, withMergedSections } from "../test/excel/grid-in-host";
import { Grid } from "../src/core/sheet/grid";
import { Measurement } from "./measurement";
import { generateTable, loadVocabulary } from "./vocabulary";

const ROWS = 20_000;
const LARGE_ROWS = 100_000;

/** Round trips and payload sizes of reading 100,000 rows of Vietnamese task text with merged sections. */
async function largeRead(options: HostOptions, grid: Grid): Promise<{ syncs: number; request: number; response: number }> {
  const host = createHost(options);
  const uninstall = installOfficeGlobals(host);
  try {
    addGridSheet(host, grid);
    const syncs = await syncsOf(host, () => runInExcel((context) => readGrid(context, { kind: "sheet" })));
    return { syncs, request: Math.max(0, ...host.requestBytes), response: Math.max(0, ...host.responseBytes) };
  } finally {
    uninstall();
  }
}

async function syncsOf(host: ExcelHost, work: () => Promise<unknown>): Promise<number> {
  host.resetSyncCount();
  await work();
  return host.syncCount;
}

/** Check, write the summaries twice (the second replaces the first), highlight and clear, on one host. */
async function roundTrips(options: HostOptions): Promise<Record<string, number>> {
  const host = createHost(options);
  const uninstall = installOfficeGlobals(host);
  try {
    const generated = generateTable(ROWS, loadVocabulary(), 3);
    addGridSheet(host, generated);
    let grid = generated;
    const read = await syncsOf(host, async () => {
      grid = await runInExcel((context) => readGrid(context, { kind: "sheet" }));
    });
    const check = checkSheet(grid);
    if (check.counts.tasks !== ROWS) throw new Error(`expected ${ROWS} tasks, read ${check.counts.tasks}`);
    const models = summarySheets([{ check }], "vi");
    const write = await syncsOf(host, () => runInExcel((context) => writeSheetModels(context, models)));
    const rewrite = await syncsOf(host, () => runInExcel((context) => writeSheetModels(context, models)));
    const highlight = await syncsOf(host, () => runInExcel((context) => highlightIssues(context, grid.sheetName, check.issues)));
    const clear = await syncsOf(host, () => runInExcel((context) => clearHighlights(context)));
    return { read, write, rewrite, highlight, clear };
  } finally {
    uninstall();
  }
}

export async function benchExcel(): Promise<Measurement[]> {
  const desktop = await roundTrips({ platform: "windows" });
  const web = await roundTrips({ platform: "web" });
  const large = withMergedSections(generateTable(LARGE_ROWS, loadVocabulary(), 3));
  const largeDesktop = await largeRead({ platform: "windows" }, large);
  const largeWeb = await largeRead({ platform: "web" }, large);
  const unit = "context.sync() round trips (20,000 rows)";
  const largeUnit = "context.sync() round trips (100,000 rows, merged sections)";
  const limit = DEFAULT_PAYLOAD_LIMIT;
  return [
    { name: "excel.read.syncs", value: desktop.read, unit, budget: 3 },
    { name: "excel.write.syncs", value: Math.max(desktop.write, desktop.rewrite), unit, budget: 3 },
    { name: "excel.highlight.syncs", value: desktop.highlight, unit, budget: 2 },
    { name: "excel.clear.syncs", value: desktop.clear, unit, budget: 2 },
    // Excel on the web with its 5 MB limit: more round trips only where a payload must be split.
    { name: "excel.web.read.syncs", value: web.read, unit },
    { name: "excel.web.write.syncs", value: Math.max(web.write, web.rewrite), unit },
    { name: "excel.web.highlight.syncs", value: web.highlight, unit },
    { name: "excel.read.100k.syncs", value: largeDesktop.syncs, unit: largeUnit, budget: 2 },
    { name: "excel.web.read.100k.syncs", value: largeWeb.syncs, unit: largeUnit, budget: 8 },
    { name: "excel.web.read.100k.max-request-bytes", value: largeWeb.request, unit: "bytes of UTF-8 JSON", budget: limit },
    { name: "excel.web.read.100k.max-response-bytes", value: largeWeb.response, unit: "bytes of UTF-8 JSON", budget: limit },
  ];
}
