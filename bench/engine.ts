/**
 * Engine budget (SPEC 10): a 100,000-task table checked and tallied in under 1 s and 300 MB, growing linearly.
 */
import { checkSheet } from "../src/core/kinds/tasks/check";
import { defaultDirectory } from "../src/core/agencies/default-directory";
import { generateTable, loadVocabulary } from "./vocabulary";
import { Measurement } from "./measurement";

function timeCheck(tasks: number, repeat: number): { ms: number; heapMb: number } {
  const vocab = loadVocabulary();
  defaultDirectory(); // built once per process, like in the pane and the command line
  let best = Infinity;
  let heap = 0;
  for (let i = 0; i < repeat; i++) {
    const grid = generateTable(tasks, vocab, i + 1);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const c = checkSheet(grid);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const after = process.memoryUsage().heapUsed;
    if (c.counts.tasks !== tasks) throw new Error(`expected ${tasks} tasks, read ${c.counts.tasks}`);
    best = Math.min(best, ms);
    heap = Math.max(heap, (after - before) / 1e6);
  }
  return { ms: best, heapMb: heap };
}

export function benchEngine(): Measurement[] {
  const small = timeCheck(10_000, 5);
  const large = timeCheck(100_000, 3);
  const rss = process.memoryUsage().rss / 1e6;
  return [
    { name: "engine.check.10k", value: round(small.ms), unit: "ms" },
    { name: "engine.check.100k", value: round(large.ms), unit: "ms", budget: 1000 },
    { name: "engine.check.100k.heap", value: round(large.heapMb), unit: "MB", budget: 300 },
    // The whole bench process: node itself, the fixtures' vocabulary, the generated 10k and 100k inputs, and the checks.
    { name: "engine.process.rss", value: round(rss), unit: "MB (whole bench process, inputs included)" },
    // Linear growth means ten times the rows cost about ten times the time: a ratio near 1.
    { name: "engine.linearity", value: round(large.ms / (small.ms * 10)), unit: "ratio (t100k / 10·t10k)", budget: 1.5 },
  ];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
