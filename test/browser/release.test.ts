/**
 * The release bundle as a provincial IT unit would deploy it: `npm run package -- --origin https://example.test/addin
 * --office-js local` (built once into test-output/release, rebuilt when the sources are newer), checked offline, then
 * served from a plain static server under /addin/ and used in chromium:
 * - the manifest passes the offline checks for its address and every URL in it lies under that address;
 * - the isolated build's task pane loads office.js from its own origin, and says so when that copy cannot load;
 * - the checker page (no Excel) opens the seed appendix chosen by the user, shows its issues and tallies, shows the
 *   row of an issue in its grid, hands over the summary workbook, the consolidated workbook and the issue report,
 *   and still opens and checks after a reload with the server stopped and the network cut;
 * - no request leaves the page's origin and none carries a body: the chosen file is sent nowhere.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { XMLValidator } from "fast-xml-parser";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { ReportSchema } from "../../src/core/output/report";
import { readWorkbook } from "../../src/xlsx/read";
import { openZip } from "../../src/xlsx/zip";
import { checkManifest } from "../../release/manifest-check";
import { packageRelease, parsePackageArgs, ROOT } from "../../release/package";
import { buildIsFresh, serveDirectory } from "../demo/serve";
import type { StaticServer } from "../demo/serve";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { launchChromium, testId } from "./chromium";

jest.setTimeout(180_000);

const BASE = "https://example.test/addin";
const PREFIX = "/addin";
const OUT = path.join(ROOT, "test-output", "release");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const SEED_NAME = "seed-001-appendix.xlsx";

let folder: string;
let zipFile: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: Array<{ url: string; method: string; body: string | null; page: string }> = [];
/**
 * office.js's own logging (OSF.Logger's ULS endpoint) opens a hidden frame on Microsoft's telemetry service three
 * seconds after it starts, wherever office.js is served from. On an isolated network that GET fails and nothing is
 * lost; it is office.js's request, not the product's, and only pages that load office.js make it (the README says so).
 */
const OFFICE_JS_LOGGER_FRAME = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";
const pageErrors: string[] = [];

beforeAll(async () => {
  const parsed = parsePackageArgs(["--origin", `${BASE}/`, "--office-js", "local", "--out", OUT]);
  if (!parsed.ok) throw new Error(parsed.message);
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  folder = path.join(OUT, `appendix-checker-${version}-isolated`);
  zipFile = `${folder}.zip`;
  if (!buildIsFresh(folder) || !fs.existsSync(zipFile)) packageRelease(parsed.options, (line) => process.stderr.write(`${line}\n`));
  server = await serveDirectory(folder, 0, "127.0.0.1", PREFIX);
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  // Context-wide, so the service worker's own fetches are recorded too.
  context.on("request", (request) =>
    requests.push({ url: request.url(), method: request.method(), body: request.postData(), page: pageOf(request) }),
  );
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The address of the page a request came from ("" for the service worker's own fetches). */
function pageOf(request: Request): string {
  try {
    return request.frame().page().url();
  } catch {
    return "";
  }
}

const at = (file: string) => `${server.url}${PREFIX}/${file}`;

describe("the bundle", () => {
  it("holds a manifest that passes the offline checks for its address, every URL under it", () => {
    const manifest = fs.readFileSync(path.join(folder, "manifest.xml"), "utf8");
    expect(checkManifest(manifest, path.join(folder, "assets"), { base: BASE })).toEqual([]);
    const urls = manifest.match(/https:\/\/[^"<\s]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url === "https://example.test" || url.startsWith(`${BASE}/`)).toBe(true);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE}/taskpane.html"/>`);
    expect(manifest).toContain("<AppDomain>https://example.test</AppDomain>");
    // Each URL names a file of the bundle.
    for (const url of urls.filter((u) => u.startsWith(`${BASE}/`))) {
      const file = new URL(url).pathname.slice(PREFIX.length + 1);
      expect(fs.existsSync(path.join(folder, file))).toBe(true);
    }
  });

  it("is also a zip of the same files", () => {
    const opened = openZip(
      new Uint8Array(fs.readFileSync(zipFile)),
      (data, max) => new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: max })),
    );
    if (!opened.ok) throw new Error(`the release zip does not open: ${opened.failure.kind}`);
    const zip = opened.zip;
    if (!zip) throw new Error("the release zip does not open");
    const listed = (dir: string, prefix = ""): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? listed(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
    const files = listed(folder).sort();
    expect([...zip.entries.keys()].sort()).toEqual(files);
    for (const name of ["manifest.xml", "checker.html", "sw.js", "office-js/office.js"]) {
      expect(Buffer.from(zip.read(name)!).equals(fs.readFileSync(path.join(folder, name)))).toBe(true);
    }
    expect(files.some((f) => f.endsWith(".map"))).toBe(false);
  });

  it("carries IIS and nginx configuration with the types Office and the page need, and no caching of the manifest", () => {
    const webConfig = fs.readFileSync(path.join(folder, "web.config"), "utf8");
    expect(XMLValidator.validate(webConfig)).toBe(true);
    for (const ext of [".json", ".woff2", ".webmanifest", ".js"]) expect(webConfig).toContain(`<mimeMap fileExtension="${ext}"`);
    expect(webConfig).toMatch(/<location path="manifest.xml">[\s\S]*?DisableCache[\s\S]*?<\/location>/);
    expect(webConfig).toMatch(/<location path="checker.html">[\s\S]*?no-store/);
    expect(webConfig).toContain("HTTPS");
    const nginx = fs.readFileSync(path.join(folder, "appendix-checker.nginx.conf"), "utf8");
    expect(nginx).toContain(`location ${PREFIX}/ {`);
    expect(nginx).toContain("font/woff2 woff2;");
    expect(nginx).toContain("application/manifest+json webmanifest;");
    expect(nginx).toMatch(/manifest\\\.xml[^\n]*\$ \{\n\s*expires off;/);
  });
});

describe("the isolated build's task pane", () => {
  it("loads office.js from its own origin, never from Microsoft's CDN", async () => {
    const tab = await context.newPage();
    await tab.goto(at("taskpane.html"));
    // Outside Office the pane settles on the outside-Office page once office.js has answered (or timed out).
    await tab.waitForSelector(testId("outside-office"), { timeout: 60_000 });
    const urls = requests.map((r) => r.url);
    expect(urls).toContain(at("office-js/office.js"));
    expect(urls.filter((u) => u.includes("appsforoffice.microsoft.com"))).toEqual([]);
    await tab.close();
  });

  it("names its own server when that copy of office.js cannot load", async () => {
    const tab = await context.newPage();
    await tab.route("**/office-js/office.js", (route) => route.abort());
    await tab.goto(at("taskpane.html"));
    const missing = await tab.waitForSelector(`${testId("office-js-missing")}[data-source="local"]`, { timeout: 30_000 });
    expect(await missing.textContent()).toContain(`từ chính máy chủ của add-in (${at("office-js/office.js")}`);
    await tab.close();
  });
});

describe("the checker page without Excel", () => {
  async function openSeed(): Promise<void> {
    await page.setInputFiles(testId("checker-files"), [
      { name: SEED_NAME, mimeType: XLSX_TYPE, buffer: fs.readFileSync(SEED_APPENDIX_XLSX) },
    ]);
    await page.waitForSelector(testId("result"), { timeout: 60_000 });
  }

  async function expectSeedResult(): Promise<void> {
    expect(await page.textContent(testId("result-summary"))).toContain("25 nhiệm vụ trong 8 mục");
    expect(
      await page.$$eval(`${testId("issue-item")}[data-code="missing-stt"]`, (els) => els.map((e) => e.getAttribute("data-cell"))),
    ).toEqual(["A43"]);
    const lead = await page.$eval(`${testId("tally-agencies")} ${testId("agency-row")}`, (el) => [
      el.getAttribute("data-name"),
      el.getAttribute("data-lead"),
      el.getAttribute("data-coordinating"),
    ]);
    expect(lead).toEqual(["Sở Ngoại vụ", "18", "7"]);
  }

  async function downloaded(button: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click(testId(button))]);
    const file = await download.path();
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
  }

  it("opens the seed appendix chosen by the user: 25 tasks, one missing-stt, Sở Ngoại vụ 18/7", async () => {
    await page.goto(at("checker.html"));
    await page.waitForSelector(testId("offline-ready"), { timeout: 60_000 });
    expect(await page.textContent("header")).toContain("không cần Excel");
    await openSeed();
    await expectSeedResult();
  });

  it("shows the row of a clicked issue in the read-only grid", async () => {
    await page.click(`${testId("issue-item")}[data-code="missing-stt"]`);
    await page.waitForSelector(
      `${testId("sheet-grid")}[data-chosen-cell="A43"] tr[data-row="43"][data-chosen] td[data-address="A43"][data-chosen]`,
    );
    expect(await page.$$eval(`${testId("sheet-grid")} input, ${testId("sheet-grid")} [contenteditable]`, (els) => els.length)).toBe(0);
  });

  it("downloads the summary workbook, which reads back with the tallies", async () => {
    const { name, bytes } = await downloaded("download-summary");
    expect(name).toBe("seed-001-appendix-tong-hop.xlsx");
    const read = await readWorkbook(new Uint8Array(bytes));
    if (!read.ok) throw new Error(read.message);
    expect(read.sheets.map((g) => g.sheetName)).toEqual(expect.arrayContaining(["Tổng hợp cơ quan", "Danh sách lỗi"]));
    const agencies = read.sheets.find((g) => g.sheetName === "Tổng hợp cơ quan")!;
    const row = agencies.cells.find((r) => r.some((c) => c?.value === "Sở Ngoại vụ"))!;
    const values = row.map((c) => c?.value ?? null);
    const at = values.indexOf("Sở Ngoại vụ");
    expect(values.slice(at + 1, at + 3)).toEqual([18, 7]);
    const issues = read.sheets.find((g) => g.sheetName === "Danh sách lỗi")!;
    expect(issues.cells.some((r) => r.some((c) => c?.value === "missing-stt") || r.some((c) => c?.value === "A43"))).toBe(true);
  });

  it("downloads the consolidated workbook and the issue report", async () => {
    const consolidated = await downloaded("download-consolidated");
    expect(consolidated.name).toBe("hop-nhat.xlsx");
    const read = await readWorkbook(new Uint8Array(consolidated.bytes));
    if (!read.ok) throw new Error(read.message);
    const merged = read.sheets.find((g) => g.sheetName === "Dữ liệu hợp nhất");
    expect(merged).toBeDefined();
    expect(merged!.cells.filter((r) => r.some((c) => c?.value === SEED_NAME))).toHaveLength(25);

    const report = await downloaded("download-report");
    expect(report.name).toBe("seed-001-appendix-bao-cao-loi.json");
    const parsed = ReportSchema.parse(JSON.parse(report.bytes.toString("utf8")));
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0].counts.tasks).toBe(25);
    expect(parsed.files[0].issues.filter((i) => i.code === "missing-stt").map((i) => i.cell)).toEqual(["A43"]);
  });

  it("still opens and checks after a reload with the server stopped and the network cut", async () => {
    const before = requests.length;
    void server.close();
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector(testId("open-files-button"), { timeout: 60_000 });
    await openSeed();
    await expectSeedResult();
    expect(requests.length).toBeGreaterThan(before);
  });
});

it("sent nothing outside its own origin, and no request carried a body", () => {
  const origin = new URL(server.url).origin;
  const outside = requests.filter((r) => !r.url.startsWith("data:") && !r.url.startsWith("blob:") && new URL(r.url).origin !== origin);
  expect(outside.filter((r) => r.url !== OFFICE_JS_LOGGER_FRAME)).toEqual([]);
  // The logger's frame, when the machine is slow enough for office.js to reach it, comes only from the task pane.
  for (const r of outside) expect(r.page).toContain("/taskpane.html");
  expect(requests.filter((r) => r.method !== "GET" || r.body !== null)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
