/**
 * What the shipped command line loads (issue 17, start-up): src/cli/bin.js runs the bundle `npm run build:cli`
 * writes, one file holding the engine and zod, with the code cache the build saved beside it, so a check of a
 * workbook requires no module but bin.js and no package. ExcelJS and pako stay outside the bundle and are loaded only
 * when a command needs them. Structural, not timed: a child process lists require.cache at exit. Needs
 * `npm run build:cli`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { openZip } from "../../src/xlsx/zip";
import { ZipWriter } from "../../src/xlsx/zip-writer";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { PARAGRAPH_PLANS, SEED_004 } from "../support/paragraph-plans";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "src", "cli", "bin.js");
const WORD_PLAN = path.join(__dirname, "..", "fixtures", "word", "dongthap-kh617-2025.docx");

let dir: string;
let hook: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-bundle-"));
  hook = path.join(dir, "list-modules.js");
  fs.writeFileSync(
    hook,
    `process.on("exit", () => require("fs").writeFileSync(process.env.MODULES_FILE, JSON.stringify(Object.keys(require.cache))));\n`,
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the command line as its own process; its status, output and the files it loaded (the hook left out). */
function run(args: string[]): { status: number | null; stdout: string; stderr: string; loaded: string[] } {
  const modulesFile = path.join(dir, "modules.json");
  fs.rmSync(modulesFile, { force: true });
  const r = spawnSync(process.execPath, ["--require", hook, BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, MODULES_FILE: modulesFile },
    timeout: 120_000,
  });
  const loaded = (JSON.parse(fs.readFileSync(modulesFile, "utf8")) as string[]).filter((f) => f !== hook);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

const packageOf = (file: string) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1];
const packages = (loaded: string[]) => [...new Set(loaded.map(packageOf).filter((p) => p !== undefined))].sort();

test("check --json of the seed requires bin.js alone, and no package (zod is in the bundle, ExcelJS and pako not loaded)", () => {
  const r = run(["check", SEED_APPENDIX_XLSX, "--json"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(1); // the seed's one error: the check really ran
  expect(JSON.parse(r.stdout).files[0].counts.tasks).toBe(25);
  expect(packages(r.loaded)).toEqual([]);
  // The bundle is compiled by bin.js itself (vm.Script, to hand V8 the code cache), so require.cache holds bin.js only.
  expect(r.loaded.map((f) => path.relative(ROOT, f))).toEqual([path.join("src", "cli", "bin.js")]);
});

test("V8 accepts the code cache the build saved for this bundle and this Node", () => {
  const r = spawnSync(
    process.execPath,
    ["-e", `process.stdout.write(String(require(${JSON.stringify(BIN)}).loadCommandLine().cacheUsed))`],
    {
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe("true");
});

test("a Word plan loads pako, and still not ExcelJS", () => {
  const r = run(["check", WORD_PLAN, "--json"]);
  expect(r.stderr).not.toMatch(/internal/i);
  expect(JSON.parse(r.stdout).files.length).toBeGreaterThan(0);
  expect(packages(r.loaded)).toEqual(["pako"]);
});

test("extract's appendix writer loads ExcelJS from node_modules (the listing sees a package when there is one)", () => {
  const out = path.join(dir, "phu-luc.xlsx");
  const r = run(["extract", path.join(PARAGRAPH_PLANS, SEED_004), "-o", out]);
  expect(r.stderr).not.toMatch(/internal/i);
  expect(fs.existsSync(out)).toBe(true);
  expect(packages(r.loaded)).toContain("exceljs");
});

// The bundle is compiled by bin.js (vm.Script), which refuses every `import()` not turned into a require at build time:
// the workbook the XML reader leaves to ExcelJS once ended in “lỗi nội bộ: A dynamic import callback was not
// specified”. A sheet whose relationship is missing is such a workbook; ExcelJS then says what it makes of it.
test("a workbook the XML reader leaves to ExcelJS is read by ExcelJS in the shipped command line, not an internal error", () => {
  const opened = openZip(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)), (d) => new Uint8Array(zlib.inflateRawSync(d)));
  if (!opened.ok) throw new Error("the seed is not a zip");
  const parts: Uint8Array[] = [];
  const zip = new ZipWriter((b) => parts.push(b), { deflateRaw: (d) => new Uint8Array(zlib.deflateRawSync(d)) });
  for (const name of opened.zip.entries.keys()) {
    let bytes = opened.zip.read(name)!;
    if (name === "xl/workbook.xml")
      bytes = Buffer.from(
        Buffer.from(bytes)
          .toString("utf8")
          .replace(/ r:id="[^"]*"/g, ' r:id="rId999"'),
      );
    zip.add(name, bytes);
  }
  zip.finish();
  const file = path.join(dir, "quan-he-thieu.xlsx");
  fs.writeFileSync(file, Buffer.concat(parts));
  const r = run(["check", file, "--json"]);
  expect(r.stderr).not.toMatch(/nội bộ|internal|dynamic import/i);
  expect(r.stderr).toContain("quan-he-thieu.xlsx: bảng tính bị hỏng hoặc không đầy đủ");
  expect(packages(r.loaded)).toContain("exceljs");
  expect(JSON.parse(r.stdout).files).toEqual([]);
});
