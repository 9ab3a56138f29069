/**
 * `npm run demo`: builds the demo (DEMO=1 webpack: the task pane plus the in-memory Excel preloaded with the seed
 * appendix) when dist-demo is missing or older than its sources, then serves it on http://localhost:3000 (or PORT).
 *
 * Also used by the browser test and the task pane benchmark: `ensureDemoBuild()` and `serveDirectory(dir, port)`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DEMO_DIR = path.join(ROOT, "dist-demo");
export const DIST_DIR = path.join(ROOT, "dist");

/** What a build reads: when any of it is newer than the built page, the build is stale. */
const SOURCES = ["src", "test/excel-host", "test/demo", "test/fixtures", "assets", "webpack.config.js", "manifest.xml", "package.json"];

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
};

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when `outDir` has a built taskpane.html at least as new as every source. */
export function buildIsFresh(outDir: string): boolean {
  const page = path.join(outDir, "taskpane.html");
  if (!fs.existsSync(page)) return false;
  const built = fs.statSync(page).mtimeMs;
  return SOURCES.every((rel) => newestMtime(path.join(ROOT, rel)) <= built);
}

/** Runs the production webpack build (the demo one when `demo`), printing webpack's output; throws when it fails. */
export function build(options: { demo: boolean }): void {
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  const env = { ...process.env, DEMO: options.demo ? "1" : "" };
  const result = spawnSync(process.execPath, [cli, "--mode", "production"], { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0)
    throw new Error(`webpack ${options.demo ? "(DEMO=1) " : ""}failed with exit code ${result.status ?? result.signal}`);
}

/** Held while one process builds the demo: browser test files run in parallel workers and share dist-demo. */
const BUILD_LOCK = path.join(ROOT, ".dist-demo.lock");
/** A lock older than this was left by a build that died; the next one takes it over. */
const STALE_LOCK_MS = 10 * 60 * 1000;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist-demo unless it is already up to date with the sources (another process's build is waited for). */
export function ensureDemoBuild(log: (line: string) => void = console.log): void {
  if (buildIsFresh(DEMO_DIR)) return;
  for (;;) {
    try {
      fs.mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let age = 0;
      try {
        age = Date.now() - fs.statSync(BUILD_LOCK).mtimeMs;
      } catch {
        continue; // released between the two calls
      }
      if (age > STALE_LOCK_MS) fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
      else sleepSync(500);
    }
  }
  try {
    if (buildIsFresh(DEMO_DIR)) return;
    log("Building the demo (DEMO=1 webpack --mode production)…");
    build({ demo: true });
  } finally {
    fs.rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the files of `dir` (GET and HEAD only, nothing outside `dir`) on localhost; port 0 picks a free one. With a
 * `base` path ("/addin"), the files are served under it, as a release deployed below a server's root is.
 */
export function serveDirectory(dir: string, port: number, host = "127.0.0.1", base = ""): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    if (pathname === "/" || pathname === `${base}/`) {
      res.writeHead(302, { Location: `${base}/taskpane.html` }).end();
      return;
    }
    if (base && !pathname.startsWith(`${base}/`)) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}`);
      return;
    }
    const file = path.resolve(root, `.${pathname.slice(base.length)}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end("Forbidden");
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${pathname}`);
        return;
      }
      res.writeHead(200, {
        "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-cache",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host.includes(":") ? `[${host}]` : host}:${actual}`,
        port: actual,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * A command that builds `dir` when needed and serves it on PORT (3000 by default), printing where: `npm run demo`
 * and `npm run web` (release/serve-web.ts).
 */
export function serveCommand(options: { command: string; dir: string; prepare(): void; banner(port: number): string }): void {
  const run = async () => {
    const port = process.env.PORT ? Number(process.env.PORT) : 3000;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
    options.prepare();
    const server = await serveDirectory(options.dir, port);
    console.log(options.banner(server.port));
  };
  run().catch((error: unknown) => {
    const e = error as NodeJS.ErrnoException;
    if (e.code === "EADDRINUSE")
      console.error(`Port ${process.env.PORT ?? 3000} is in use: set PORT to another one, e.g. PORT=3001 npm run ${options.command}`);
    else console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

if (require.main === module) {
  serveCommand({
    command: "demo",
    dir: DEMO_DIR,
    prepare: () => ensureDemoBuild(),
    banner: (port) => `Demo: http://localhost:${port}/taskpane.html  (in-memory sample workbook, not Excel — Ctrl+C to stop)`,
  });
}
