/**
 * `npm run bench`: every benchmark, one JSON line per figure ({"name","value","unit"} plus the budget and whether
 * it is within it). Budgets are reported, never asserted: timings belong here, not in tests.
 */
import * as fs from "fs";
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
  const only = process.argv[2];
  const benches: Bench[] = [{ name: "engine", run: benchEngine }];
  for (const [file, fn] of [
    ["./consolidate", "benchConsolidate"],
    ["./taskpane", "benchTaskpane"],
    ["./excel", "benchExcel"],
    ["./track", "benchTrack"],
    ["./live-recheck", "benchLiveRecheck"],
  ] as const) {
    const b = await optional(file, fn);
    if (b) benches.push(b);
  }
  for (const b of benches) {
    if (only && !b.name.includes(only)) continue;
    for (const m of await b.run()) {
      const line: Record<string, unknown> = { name: m.name, value: m.value, unit: m.unit };
      if (m.budget !== undefined) {
        line.budget = m.budget;
        line.withinBudget = m.value <= m.budget;
      }
      console.log(JSON.stringify(line));
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
