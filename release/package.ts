/**
 * `npm run package -- --origin https://host.example/path [--office-js cdn|local] [--out DIR]`: the release bundle a
 * provincial IT unit deploys — a folder and a zip of it holding the production task pane, the checker page without
 * Excel, manifest.xml rewritten for the address it will be served from (refused unless it passes the offline
 * manifest checks for that address), IIS web.config and an nginx snippet, and DEPLOY.txt with the steps.
 *
 * --office-js local is the build for isolated networks: office.js is served from the bundle (office-js/) instead of
 * Microsoft's CDN. Microsoft supports only the CDN copy (README, "Isolated networks").
 *
 * Exit status: 0 written; 2 bad arguments or a failed build/check (message on stderr, no zip written).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { writeZip } from "../src/xlsx/zip";
import { checkManifest, problemLines } from "./manifest-check";
import { iisWebConfig, nginxSnippet } from "./server-config";

export const ROOT = path.resolve(__dirname, "..");

export interface PackageOptions {
  /** The https address the bundle is served from, without a trailing slash. */
  base: string;
  officeJs: "cdn" | "local";
  outDir: string;
}

export interface PackageResult {
  folder: string;
  zip: string;
  /** Paths inside the folder (and the zip), "/"-separated. */
  files: string[];
}

const USAGE =
  "usage: npm run package -- --origin https://host.example/path [--office-js cdn|local] [--out DIR]\n" +
  "  --origin     the https address the add-in will be served from (an origin, or one with a path)\n" +
  "  --office-js  cdn (default): office.js from Microsoft's CDN; local: from the bundle, for isolated networks\n" +
  "  --out        where the folder and the zip are written (default out/release)";

// webpack.config.js is plain CommonJS; its address rule is the one the build applies.
const { addinOrigin } = require("../webpack.config.js") as { addinOrigin: (value: string) => string };

export function parsePackageArgs(argv: readonly string[]): { ok: true; options: PackageOptions } | { ok: false; message: string } {
  let origin: string | undefined;
  let officeJs: string = "cdn";
  let outDir = path.join(ROOT, "out", "release");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--origin") origin = value();
    else if (flag === "--office-js") officeJs = value() ?? "";
    else if (flag === "--out") outDir = path.resolve(value() ?? "");
    else if (flag === "--help" || flag === "-h") return { ok: false, message: USAGE };
    else return { ok: false, message: `unknown argument "${arg}"\n${USAGE}` };
  }
  if (!origin) return { ok: false, message: `--origin is required\n${USAGE}` };
  if (officeJs !== "cdn" && officeJs !== "local") return { ok: false, message: `--office-js must be cdn or local, got "${officeJs}"` };
  try {
    return { ok: true, options: { base: addinOrigin(origin), officeJs, outDir } };
  } catch (error) {
    return { ok: false, message: (error as Error).message.replace(/^ADDIN_ORIGIN/, "--origin") };
  }
}

function filesUnder(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

function deployText(options: PackageOptions): string {
  const isolated = options.officeJs === "local";
  return [
    `Kiểm tra Phụ lục nhiệm vụ / Appendix Checker — ${options.base}/`,
    "",
    `1. Đặt các tệp này lên máy chủ HTTPS sao cho ${options.base}/taskpane.html mở được (IIS: web.config đã kèm; nginx: appendix-checker.nginx.conf).`,
    `   Put these files on an HTTPS server so that ${options.base}/taskpane.html opens (IIS: web.config is included; nginx: appendix-checker.nginx.conf).`,
    "2. Triển khai manifest.xml: Trung tâm quản trị Microsoft 365 › Ứng dụng tích hợp, hoặc thư mục chia sẻ (Danh mục phần bổ trợ tin cậy), hoặc tải lên trên Excel web.",
    "   Deploy manifest.xml: Microsoft 365 admin center › Integrated apps, a network-share catalog (Trusted Add-in Catalogs), or upload in Excel on the web.",
    `3. Máy không có Excel (WPS Office, LibreOffice): mở ${options.base}/checker.html.`,
    `   Without Excel (WPS Office, LibreOffice): open ${options.base}/checker.html.`,
    "",
    isolated
      ? "office.js: bản sao trong office-js/ (mạng nội bộ). Microsoft chỉ hỗ trợ office.js từ CDN; bản sao này cần cập nhật theo từng phiên bản.\noffice.js: the copy in office-js/ (isolated networks). Microsoft supports only the CDN office.js; this copy must be refreshed with each release."
      : "office.js: từ CDN của Microsoft (appsforoffice.microsoft.com) — máy trạm cần truy cập được địa chỉ này.\noffice.js: from Microsoft's CDN (appsforoffice.microsoft.com) — workstations must reach it.",
    "",
    "README.md của dự án có hướng dẫn chi tiết từng bước. / The project's README.md has the steps in detail.",
    "",
  ].join("\n");
}

/** Builds, checks and writes the bundle; throws with a message a person can act on when any step fails. */
export function packageRelease(options: PackageOptions, log: (line: string) => void = console.log): PackageResult {
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const name = `appendix-checker-${version}${options.officeJs === "local" ? "-isolated" : ""}`;
  const folder = path.join(options.outDir, name);
  const zip = `${folder}.zip`;
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(zip, { force: true });

  log(`Building ${name} for ${options.base}/ (office.js: ${options.officeJs === "local" ? "local copy" : "Microsoft CDN"})…`);
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const env = { ...process.env, DEMO: "", RELEASE: "1", ADDIN_ORIGIN: options.base, OFFICE_JS: options.officeJs, OUTPUT_DIR: folder };
  const built = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (built.status !== 0) throw new Error(`webpack failed (exit ${built.status ?? built.signal}); nothing was packaged`);

  const manifest = fs.readFileSync(path.join(folder, "manifest.xml"), "utf8");
  const problems = checkManifest(manifest, path.join(folder, "assets"), { base: options.base });
  if (problems.length > 0) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw new Error(`the rewritten manifest fails the offline checks:\n${problemLines(problems).join("\n")}`);
  }
  fs.rmSync(path.join(folder, "initial-js.json"), { force: true });
  fs.writeFileSync(path.join(folder, "web.config"), iisWebConfig(options.base));
  fs.writeFileSync(path.join(folder, "appendix-checker.nginx.conf"), nginxSnippet(options.base));
  fs.writeFileSync(path.join(folder, "DEPLOY.txt"), deployText(options));

  const files = filesUnder(folder);
  const codec = { deflateRaw: (data: Uint8Array) => new Uint8Array(zlib.deflateRawSync(data, { level: 9 })) };
  fs.writeFileSync(
    zip,
    writeZip(
      files.map((f) => ({ name: f, data: new Uint8Array(fs.readFileSync(path.join(folder, f))) })),
      codec,
    ),
  );
  log(`Wrote ${path.relative(process.cwd(), folder) || folder}/ (${files.length} files) and ${path.relative(process.cwd(), zip) || zip}`);
  return { folder, zip, files };
}

if (require.main === module) {
  const parsed = parsePackageArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(2);
  }
  try {
    packageRelease(parsed.options);
  } catch (error) {
    console.error(`package: ${(error as Error).message}`);
    process.exit(2);
  }
}
