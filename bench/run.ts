/**
 * `npm run bench`: every benchmark, one JSON line per figure ({"name","value","unit"} plus the budget and whether
 * it is within it). Budgets are reported, never asserted: timings belong here, not in tests.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { benchEngine } from "./engine";
import { Measurement } from "./measurement";

type Bench = { name: string; run: () => Promise<Measurement[]> | Measurement[] };

/** Benchmarks of parts that may not be built in this checkout are loaded only when their file exists. */
async function optional(file: string, exportName: string): Promise<Bench | null> {
  if (!fs.existsSync(path.join(__dirname, `${file}.ts`))) return null;
  const mod = await import(file);
  const fn = mod[exportName];
  return typeof fn === "function" ? { name: file, run: fn } : null;
}

async function main(): Promise<void> {
  // Heap figures need a real collection before they read the heap: without --expose-gc, global.gc is absent and they
  // would count garbage. The bench runs itself again with the flag (tsx's own flags kept).
  if (typeof global.gc !== "function") {
    const r = spawnSync(process.execPath, ["--expose-gc", ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
    process.exit(r.status ?? 1);
  }
  const only = process.argv[2];
  // Every time below depends on what else the machine runs: the load average is printed first, and again at the end.
  const load = () => ({
    name: "load-average",
    value: os.loadavg().map((l) => Math.round(l * 100) / 100),
    unit: "1/5/15 min",
    cpus: os.cpus().length,
  });
  console.log(JSON.stringify(load()));
  const benches: Bench[] = [{ name: "engine", run: benchEngine }];
  for (const [file, fn] of [
    ["./consolidate", "benchConsolidate"],
    ["./taskpane", "benchTaskpane"],
    ["./excel", "benchExcel"],
    ["./track", "benchTrack"],
    ["./live-recheck", "benchLiveRecheck"],
    ["./process", "benchProcess"],
  ] as const) {
    const b = await optional(file, fn);
    if (b) benches.push(b);
  }
  for (const b of benches) {
    if (only && !b.name.includes(only)) continue;
    for (const m of await b.run()) {
      const line: Record<string, unknown> = { name: m.name, value: m.value, unit: m.unit };
      if (m.min !== undefined) line.min = m.min;
      if (m.runs !== undefined) line.runs = m.runs;
      if (m.budget !== undefined) {
        line.budget = m.budget;
        if (m.value !== null) line.ofBudget = Math.round((m.value / m.budget) * 100) / 100;
        line.withinBudget = m.value !== null && m.value <= m.budget;
      }
      if (m.ratio !== undefined) {
        line.ratio = m.ratio;
        line.ratioTo = m.ratioTo;
      }
      if (m.budgetRatio !== undefined && m.ratio !== undefined) {
        line.budgetRatio = m.budgetRatio;
        line.withinBudget = m.ratio <= m.budgetRatio;
      }
      if (m.note) line.note = m.note;
      console.log(JSON.stringify(line));
    }
  }
  console.log(JSON.stringify(load()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
