/**
 * Whole-process figures for `check` (issue 17): the compiled command line run as its own process, start-up
 * included, next to the same work done inside this process, the floor measured in the same run on the same files,
 * and ExcelJS and SheetJS merely reading them. Every time is the median of several runs (the minimum beside it) and
 * is reported as a ratio to the floor; the inputs are written before anything is timed (bench/inputs.ts).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { defaultDirectory } from "../src/core/agencies/default-directory";
import { DEFAULT_SETTINGS } from "../src/core/settings/settings";
import { checkInput, inputReport } from "../src/cli/read-input";
import { benchInput, BENCH_DIR, InputKind } from "./inputs";
import { Measurement } from "./measurement";
import { floorScan } from "./child/floor-scan";

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "src", "cli", "bin.js");
const USAGE_HOOK = path.join(__dirname, "child", "process-usage.js");
const FLOOR = path.join(__dirname, "child", "floor-scan.js");
const PEER = path.join(__dirname, "child", "peer-read.js");
const SEED = path.join(ROOT, "test", "fixtures", "seed-001-appendix.xlsx");
/** `BENCH_RUNS=n` repeats every figure n times instead (at least 1). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 0);
const runs = (n: number) => (RUNS > 1 || process.env.BENCH_RUNS ? RUNS : n);

interface ProcessRun {
  cpuMs: number;
  wallMs: number;
  rssMb: number;
  /** Modules in require.cache at exit, this hook among them. */
  modules: number;
}

interface Summary {
  median: number;
  min: number;
  n: number;
}

function summary(values: number[]): Summary {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], n: s.length };
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The command line bundled from the sources of this checkout (bin.js runs dist-cli): rebuilt when older than src. */
export function ensureCliBuilt(): void {
  const bundle = path.join(ROOT, "dist-cli", "appendix-checker.js");
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  const src = ["core", "xlsx", "word", "cli"].reduce((m, d) => Math.max(m, newest(path.join(ROOT, "src", d))), 0);
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= src) return;
  const built = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) throw new Error("npm run build:cli failed");
}

/** One run of `node ARGS` as its own process: its CPU (user + system, start-up included), wall time and peak RSS. */
function runProcess(args: string[], expectStatus: readonly number[] = [0]): ProcessRun {
  const usageFile = path.join(BENCH_DIR, `usage-${process.pid}.json`);
  fs.rmSync(usageFile, { force: true });
  const sink = fs.openSync(os.devNull, "w");
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", USAGE_HOOK, ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    stdio: ["ignore", sink, "pipe"],
    maxBuffer: 64 * 2 ** 20,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  fs.closeSync(sink);
  if (r.status === null || !expectStatus.includes(r.status))
    throw new Error(`node ${args.join(" ")} exited with ${r.status ?? r.signal}: ${String(r.stderr).slice(0, 500)}`);
  const u = JSON.parse(fs.readFileSync(usageFile, "utf8")) as { userMs: number; systemMs: number; maxRssKb: number; modules: number };
  fs.rmSync(usageFile, { force: true });
  return { cpuMs: u.userMs + u.systemMs, wallMs, rssMb: u.maxRssKb / 1024, modules: u.modules };
}

function repeatProcess(
  n: number,
  args: string[],
  expectStatus?: readonly number[],
): { cpu: Summary; wall: Summary; rss: Summary; modules: number } {
  const all: ProcessRun[] = [];
  for (let i = 0; i < n; i++) all.push(runProcess(args, expectStatus));
  return {
    cpu: summary(all.map((r) => r.cpuMs)),
    wall: summary(all.map((r) => r.wallMs)),
    rss: summary(all.map((r) => r.rssMb)),
    modules: Math.max(...all.map((r) => r.modules)),
  };
}

/** CPU (this process, all its threads) and wall of `fn`, in ms. */
function timed<T>(fn: () => T): { cpuMs: number; wallMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, wallMs, value };
}

async function timedAsync<T>(fn: () => Promise<T>): Promise<{ cpuMs: number; wallMs: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000, wallMs, value };
}

/** The floor of one file, inside this process (warm) and as its own process (node's start-up included). */
function floorOf(file: string, n: number): { inProcess: Summary; process: Summary } {
  const inside: number[] = [];
  for (let i = 0; i < n; i++) inside.push(timed(() => floorScan(file)).cpuMs);
  return { inProcess: summary(inside), process: repeatProcess(n, [FLOOR, file]).cpu };
}

/** Read, check and build the JSON report inside this process, as `check --json` does, in CPU ms. */
async function inProcessCheck(file: string, n: number): Promise<{ read: Summary; check: Summary; total: Summary; tasks: number }> {
  const directory = defaultDirectory();
  const bytes = new Uint8Array(fs.readFileSync(file));
  const reads: number[] = [];
  const totals: number[] = [];
  const checks: number[] = [];
  let tasks = 0;
  for (let i = 0; i < n; i++) {
    const timings: Record<string, number> = {};
    const t = await timedAsync(async () => {
      const input = await checkInput(bytes, { directory, settings: DEFAULT_SETTINGS, lang: "vi", file }, timings);
      if (!input.ok) throw new Error(`${file}: ${input.message}`);
      if (!input.result.ok) throw new Error(`${file}: no task table`);
      const reports = input.result.checks.map((c) => inputReport(path.basename(file), input, c, "vi"));
      JSON.stringify({ version: 1, files: reports, consolidation: null }, null, 2);
      return reports.reduce((s, r) => s + r.counts.tasks, 0);
    });
    tasks = t.value;
    totals.push(t.cpuMs);
    reads.push(timings.read ?? 0);
    checks.push(timings.check ?? 0);
  }
  return { read: summary(reads), check: summary(checks), total: summary(totals), tasks };
}

/** The exponent k of t ≈ c·n^k over the sizes measured: the least-squares slope of log t against log n. */
export function exponent(points: ReadonlyArray<{ n: number; t: number }>): number {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.t));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

function hasModule(name: string): boolean {
  try {
    require.resolve(name, { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

export async function benchProcess(): Promise<Measurement[]> {
  ensureCliBuilt();
  const out: Measurement[] = [];
  const cpu = (name: string, s: Summary, extra: Partial<Measurement> = {}): Measurement => ({
    name,
    value: round(s.median),
    min: round(s.min),
    runs: s.n,
    unit: "ms CPU (median)",
    ...extra,
  });

  // The seed appendix: what a check costs before any work (start-up), against SPEC's 0.3 s.
  const seed = repeatProcess(runs(7), [CLI, "check", SEED, "--json"], [0, 1]);
  out.push(cpu("process.check.seed.cpu", seed.cpu, { budget: 300 }));
  out.push({
    name: "process.check.seed.wall",
    value: round(seed.wall.median),
    min: round(seed.wall.min),
    runs: seed.wall.n,
    unit: "ms wall (median)",
  });
  out.push({
    name: "process.check.seed.modules",
    value: seed.modules,
    unit: "modules loaded",
    note: "require.cache at exit: the usage hook and bin.js, which compiles the bundle itself; ExcelJS or pako would add hundreds",
  });
  const bare = repeatProcess(runs(7), ["-e", ""]).cpu;
  out.push(cpu("process.node-itself.cpu", bare, { note: "node -e '' : the part of every process figure no code of ours can save" }));

  const sizes = [10_000, 100_000, 300_000];
  const inputs: Array<{ tasks: number; kind: InputKind; n: number }> = [
    { tasks: 10_000, kind: "clean", n: runs(5) },
    { tasks: 100_000, kind: "clean", n: runs(3) },
    { tasks: 100_000, kind: "issue-heavy", n: runs(3) },
    { tasks: 300_000, kind: "clean", n: runs(2) },
  ];
  // Written before anything is timed.
  for (const i of inputs) benchInput(i.tasks, i.kind);
  const linear: Record<"process" | "inProcess", Array<{ n: number; t: number }>> = { process: [], inProcess: [] };
  let floor100k: Summary | null = null;
  for (const { tasks, kind, n } of inputs) {
    const file = benchInput(tasks, kind);
    const label = `${tasks / 1000}k.${kind}`;
    process.stderr.write(`bench process: ${label} (${n} runs)\n`);
    const floor = floorOf(file, n);
    const whole = repeatProcess(n, [CLI, "check", file, "--json"], [0, 1]);
    const inside = await inProcessCheck(file, n);
    if (inside.tasks !== tasks) throw new Error(`${file}: expected ${tasks} tasks, the check read ${inside.tasks}`);
    const budget = tasks === 100_000 ? (kind === "clean" ? 3 : 4) : undefined;
    out.push(
      cpu(`floor.${label}.process.cpu`, floor.process, { note: "node + inflate the sheet and shared strings + walk every <c>…</c>" }),
    );
    out.push(cpu(`floor.${label}.in-process.cpu`, floor.inProcess));
    out.push(
      cpu(`process.check.${label}.cpu`, whole.cpu, {
        ratio: round(whole.cpu.median / floor.process.median, 2),
        ratioTo: `floor.${label}.process.cpu`,
        budgetRatio: budget,
      }),
    );
    out.push({
      name: `process.check.${label}.wall`,
      value: round(whole.wall.median),
      min: round(whole.wall.min),
      runs: n,
      unit: "ms wall (median)",
    });
    out.push({ name: `process.check.${label}.rss`, value: round(whole.rss.median), runs: n, unit: "MB peak RSS (median)" });
    out.push(
      cpu(`in-process.check.${label}.cpu`, inside.total, {
        ratio: round(inside.total.median / floor.inProcess.median, 2),
        ratioTo: `floor.${label}.in-process.cpu`,
        note: "read + check + JSON report, warm, in the bench process",
      }),
    );
    out.push({
      name: `in-process.check.${label}.read`,
      value: round(inside.read.median),
      min: round(inside.read.min),
      runs: n,
      unit: "ms wall (median)",
    });
    out.push({
      name: `in-process.check.${label}.check`,
      value: round(inside.check.median),
      min: round(inside.check.min),
      runs: n,
      unit: "ms wall (median)",
    });
    if (kind === "clean" && sizes.includes(tasks)) {
      linear.process.push({ n: tasks, t: whole.cpu.median });
      linear.inProcess.push({ n: tasks, t: inside.total.median });
    }
    if (tasks === 100_000 && kind === "clean") {
      floor100k = floor.process;
      // The peers merely reading the same file, each as its own process.
      const exceljs = repeatProcess(runs(2), [PEER, "exceljs", file]).cpu;
      out.push(
        cpu(`peer.exceljs.read.${label}.cpu`, exceljs, {
          ratio: round(exceljs.median / floor100k.median, 2),
          ratioTo: `floor.${label}.process.cpu`,
        }),
      );
      if (hasModule("xlsx")) {
        const sheetjs = repeatProcess(runs(2), [PEER, "sheetjs", file]).cpu;
        out.push(
          cpu(`peer.sheetjs.read.${label}.cpu`, sheetjs, {
            ratio: round(sheetjs.median / floor100k.median, 2),
            ratioTo: `floor.${label}.process.cpu`,
          }),
        );
      } else {
        out.push({
          name: `peer.sheetjs.read.${label}.cpu`,
          value: null,
          unit: "ms CPU",
          note: "SheetJS (npm package xlsx) is not installed here",
        });
      }
    }
  }
  // An exponent near 1 is linear; start-up makes the whole-process one read low, so the in-process one is the test.
  out.push({
    name: "linearity.in-process.exponent",
    value: round(exponent(linear.inProcess), 3),
    unit: "log-log slope over 10k/100k/300k",
    budget: 1.1,
  });
  out.push({
    name: "linearity.process.exponent",
    value: round(exponent(linear.process), 3),
    unit: "log-log slope over 10k/100k/300k (start-up included)",
  });
  return out;
}
