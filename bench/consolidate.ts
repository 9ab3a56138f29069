/**
 * Consolidation budgets (SPEC 10, issue 17), measured as whole command-line processes: 200 / 2,000 / 20,000 reply
 * workbooks of 60 tasks each (20,000 × 60 = 1.2 million rows, more than an Excel sheet holds: the table continues on
 * a second consolidated sheet), CPU time (user + system) and peak resident memory (the child's own getrusage
 * maxRSS, i.e. VmHWM) of `appendix-checker consolidate`. Budgets: 2,000 files in under 20 s of CPU, peak memory at
 * 2,000 files within 1.5× of that at 200, and 20,000 files completing. The floor beside it is the plain read of the
 * same files in the same kind of process (unzip the sheet and read its cells, no check, no merge), so the merge and
 * the writing are seen as a ratio to what merely reading the replies costs.
 *
 * The workbooks look like replies from real agencies: a title block naming the sender, the fixtures' contents,
 * agencies, timeframes and section headings (merged across the row), columns in differing orders with extra columns,
 * and a share of tasks repeated across files (some with another lead), so duplicate and conflict detection do real
 * work. They are generated once, outside the timed part, into bench/.inputs/ (git-ignored) and reused.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { defaultDirectory } from "../src/core/agencies/default-directory";
import { writeZip } from "../src/xlsx/zip";
import { Measurement } from "./measurement";
import { loadVocabulary, Vocabulary } from "./vocabulary";
import { ensureCliBuilt } from "./process";

const TASKS = 60;
const SIZES = [200, 2_000, 20_000];
const ROOT = path.resolve(__dirname, "..");
const INPUTS = path.join(__dirname, ".inputs");
const SHARED = path.resolve(ROOT, "..", "shared", "fixtures", "real");

/** Section headings of the real fixtures ("Hoàn thiện thể chế", "Phát triển hạ tầng" …). */
function sectionTitles(): string[] {
  const out: string[] = [];
  for (const f of fs.readdirSync(SHARED)) {
    if (!f.endsWith(".tsv")) continue;
    for (const line of fs.readFileSync(path.join(SHARED, f), "utf8").split("\n").slice(1)) {
      const c = line.split("\t");
      if (/^[IVX]+\.?$/.test(c[0] ?? "") && c[1] && c.slice(2).every((t) => t.trim() === "")) out.push(c[1].trim());
    }
  }
  return out.length ? out : ["Nhiệm vụ chung"];
}

type Column = "stt" | "content" | "lead" | "coordinating" | "timeframe" | "product" | "note";
const HEADER: Record<Column, string> = {
  stt: "STT",
  content: "Nội dung nhiệm vụ",
  lead: "Cơ quan chủ trì",
  coordinating: "Cơ quan phối hợp",
  timeframe: "Thời gian thực hiện",
  product: "Sản phẩm dự kiến",
  note: "Ghi chú",
};
const LAYOUTS: Column[][] = [
  ["stt", "content", "lead", "coordinating", "timeframe"],
  ["stt", "content", "lead", "coordinating", "timeframe", "product"],
  ["stt", "content", "timeframe", "lead", "coordinating", "note"],
  ["stt", "content", "lead", "coordinating", "product", "timeframe", "note"],
];
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const col = (c: number) => String.fromCharCode(64 + c);

/** One reply as a minimal workbook of inline strings (written here, not by the product, so it is not skipped as ours). */
function replyWorkbook(index: number, sender: string, vocab: Vocabulary, sections: string[]): Uint8Array {
  let x = index * 7919 + 17;
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const layout = LAYOUTS[index % LAYOUTS.length];
  const rows: string[] = [];
  const merges: string[] = [];
  const addRow = (values: Array<string | number>) => {
    const r = rows.length + 1;
    const cells = values.map((v, i) =>
      typeof v === "number"
        ? `<c r="${col(i + 1)}${r}"><v>${v}</v></c>`
        : v === ""
          ? ""
          : `<c r="${col(i + 1)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`,
    );
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
    return r;
  };
  addRow(["UBND TỈNH BÌNH ĐỊNH"]);
  addRow([sender.toUpperCase()]);
  addRow(["PHỤ LỤC"]);
  addRow([`Các nhiệm vụ triển khai năm 2026 (Kèm theo Kế hoạch số ${index + 1}/KH-UBND)`]);
  addRow(layout.map((c) => HEADER[c]));
  let task = 0;
  for (let s = 0; task < TASKS; s++) {
    const r = addRow([ROMAN[s % ROMAN.length], sections[rand(sections.length)]]);
    merges.push(`B${r}:${col(layout.length)}${r}`);
    for (let i = 1; i <= 30 && task < TASKS; i++, task++) {
      // One task in ten is a shared one that other agencies also report; the rest are this agency's own.
      const shared = rand(10) === 0;
      const c = shared ? rand(40) : rand(vocab.contents.length);
      const values: Record<Column, string | number> = {
        stt: i,
        content: shared ? vocab.contents[c] : `${vocab.contents[c]} (${sender}, ${index + 1}.${task + 1})`,
        lead: shared && rand(4) > 0 ? vocab.leads[c % vocab.leads.length] : vocab.leads[rand(vocab.leads.length)],
        coordinating: vocab.coordinating[rand(vocab.coordinating.length)],
        timeframe: vocab.timeframes[rand(vocab.timeframes.length)],
        product: "Báo cáo kết quả thực hiện",
        note: rand(3) === 0 ? "Đang triển khai" : "",
      };
      addRow(layout.map((c) => values[c]));
    }
  }
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData>${
    merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : ""
  }</worksheet>`;
  const enc = new TextEncoder();
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files = [
    {
      name: "[Content_Types].xml",
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: "xl/worksheets/sheet1.xml", text: sheet },
  ];
  return writeZip(
    files.map((f) => ({ name: f.name, data: enc.encode(f.text) })),
    { deflateRaw: (d) => zlib.deflateRawSync(d, { level: 6 }), crc32: (d) => zlib.crc32(d) },
  );
}

function slug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** The reply folder of `files` workbooks (one per agency of the default directory, cycling), made once and kept. */
export function replyFolder(files: number): string {
  const dir = path.join(INPUTS, `replies-${files}x${TASKS}`);
  const done = path.join(dir, ".complete");
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const vocab = loadVocabulary();
  const sections = sectionTitles();
  const agencies = defaultDirectory()
    .data.agencies.filter((a) => a.kind === "agency")
    .map((a) => a.name);
  for (let i = 0; i < files; i++) {
    const sender = agencies[i % agencies.length];
    fs.writeFileSync(path.join(dir, `${String(i + 1).padStart(5, "0")}-${slug(sender)}.xlsx`), replyWorkbook(i, sender, vocab, sections));
  }
  fs.writeFileSync(done, "");
  return dir;
}

/**
 * The sources compiled once per bench run, outside the timed part, for the floor's reader (tsconfig.cli.json only
 * type-checks: the command line itself is the bundle `npm run build:cli` makes, which the consolidation runs).
 */
function compiledCli(): string {
  const out = path.join(INPUTS, "cli");
  execFileSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.cli.json"), "--noEmit", "false", "--outDir", out],
    { stdio: "inherit" },
  );
  const main = path.join(out, "cli", "main.js");
  if (!fs.existsSync(main)) throw new Error(`tsc wrote no ${main}`);
  return main;
}

/** What `npx appendix-checker` runs: bin.js and the bundle it loads, rebuilt when the sources are newer. */
const BIN = path.join(ROOT, "src", "cli", "bin.js");

interface ChildUsage {
  cpuMs: number;
  maxRssMb: number;
  wallMs: number;
  code: number | null;
}

/** Runs `node -e` in a child and reads its own resource usage, written to a file as it exits. */
function runChild(script: string, args: string[]): ChildUsage {
  const usageFile = path.join(os.tmpdir(), `ac-bench-usage-${process.pid}-${Date.now()}.json`);
  const reporter = `process.on("exit",()=>{const u=process.resourceUsage();require("fs").writeFileSync(${JSON.stringify(usageFile)},JSON.stringify(u))});`;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", "-e", reporter + script, "--", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 2 ** 20,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!fs.existsSync(usageFile)) throw new Error(`bench child failed (${r.status}): ${r.stderr.toString().slice(-2000)}`);
  const u = JSON.parse(fs.readFileSync(usageFile, "utf8"));
  fs.rmSync(usageFile, { force: true });
  return { cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMb: u.maxRSS / 1024, wallMs, code: r.status };
}

function consolidateRun(folder: string): ChildUsage {
  const output = path.join(INPUTS, "consolidated.xlsx");
  fs.rmSync(output, { force: true });
  const script = `require(${JSON.stringify(BIN)}).loadCommandLine().exports.main(process.argv.slice(1)).then((c)=>{process.exitCode=c})`;
  const u = runChild(script, ["consolidate", folder, "-o", output]);
  if (u.code === 2 || !fs.existsSync(output)) throw new Error(`the benchmark's consolidation failed (exit ${u.code})`);
  return u;
}

/** The floor: each file unzipped and its sheet read into cells by the product's reader, nothing else. */
function readRun(cli: string, folder: string): ChildUsage {
  const reader = path.join(path.dirname(path.dirname(cli)), "xlsx", "grid-reader.js");
  const script = `const fs=require("fs"),path=require("path"),zlib=require("zlib");const r=require(${JSON.stringify(reader)});
const dir=process.argv[1];let cells=0;for(const f of fs.readdirSync(dir)){if(!f.endsWith(".xlsx"))continue;const b=fs.readFileSync(path.join(dir,f));
const g=r.gridsFromXlsx(new Uint8Array(b.buffer,b.byteOffset,b.length),(d,m)=>zlib.inflateRawSync(d,m?{maxOutputLength:m}:{}));
if(g)for(const s of g)cells+=s.cells.length;}if(cells===0)process.exitCode=3;`;
  return runChild(script, [folder]);
}

function best(runs: ChildUsage[]): ChildUsage {
  return runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
}

/** The run of median CPU time (the machine is shared: the median says more than the best of a loaded run). */
function median(runs: ChildUsage[]): ChildUsage {
  return [...runs].sort((a, b) => a.cpuMs - b.cpuMs)[Math.floor((runs.length - 1) / 2)];
}

export async function benchConsolidate(): Promise<Measurement[]> {
  const sizes = (process.env.BENCH_CONSOLIDATE_SIZES ?? SIZES.join(",")).split(",").map(Number);
  const folders = sizes.map((n) => replyFolder(n));
  const cli = compiledCli();
  ensureCliBuilt();
  const out: Measurement[] = [{ name: "consolidate.loadavg", value: Math.round(os.loadavg()[0] * 100) / 100, unit: "1-min load average" }];
  const figures = new Map<number, ChildUsage>();
  sizes.forEach((n, i) => {
    const repeat = n >= 20_000 ? 1 : n >= 2_000 ? 2 : 3;
    const runs = Array.from({ length: repeat }, () => consolidateRun(folders[i]));
    const run = median(runs);
    const floor = best(Array.from({ length: repeat }, () => readRun(cli, folders[i])));
    figures.set(n, run);
    out.push(
      {
        name: `consolidate.${n}x${TASKS}.cpu`,
        value: Math.round(run.cpuMs),
        min: Math.round(best(runs).cpuMs),
        runs: runs.length,
        unit: "ms CPU (median)",
        ...(n === 2_000 ? { budget: 20_000 } : {}),
      },
      { name: `consolidate.${n}x${TASKS}.wall`, value: Math.round(run.wallMs), unit: "ms" },
      { name: `consolidate.${n}x${TASKS}.peak-rss`, value: Math.round(run.maxRssMb), unit: "MiB" },
      { name: `consolidate.${n}x${TASKS}.read-floor.cpu`, value: Math.round(floor.cpuMs), unit: "ms CPU (unzip + read cells only)" },
      {
        name: `consolidate.${n}x${TASKS}.vs-read`,
        value: Math.round((run.cpuMs / floor.cpuMs) * 100) / 100,
        unit: "ratio to the plain read",
      },
    );
  });
  const small = figures.get(200);
  const large = figures.get(2_000);
  if (small && large) {
    out.push({
      name: "consolidate.peak-rss.2000-vs-200",
      value: Math.round((large.maxRssMb / small.maxRssMb) * 100) / 100,
      unit: "ratio",
      budget: 1.5,
    });
  }
  return out;
}

if (require.main === module) {
  benchConsolidate().then((ms) => ms.forEach((m) => console.log(JSON.stringify(m))));
}
