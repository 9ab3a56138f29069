/*
 * Builds the task pane (taskpane.html) and the ribbon's function file (commands.html).
 *
 *   npm run build          production build into dist/ (manifest copied with ADDIN_ORIGIN when set)
 *   npm run package        the release bundle (release/package.ts runs this build with the variables below)
 *   ADDIN_ORIGIN=https://host/path   the base URL every manifest URL is rewritten to (an origin, or one with a path)
 *   OFFICE_JS=local        isolated networks: office.js served from the product's own origin (office-js/), copied
 *                          from @microsoft/office-js, instead of Microsoft's CDN (unsupported by Microsoft; see README)
 *   OUTPUT_DIR=dir         build into dir instead of dist/; RELEASE=1 leaves source maps out
 *   npm run dev-server     https://localhost:3000 with office-addin-dev-certs (http if certs cannot be made)
 *   DEMO=1 webpack ...     offline demo build into dist-demo/: local office.js, plus the demo host entry
 *                          (test/excel-host/demo.ts) loaded before the task pane when that file exists
 *
 * The pane must start small (SPEC §10: initial JS under 400 KB gzipped), so heavy modules such as ExcelJS
 * are only reached through import() and land in their own async chunks; InitialJsBudget reports the
 * gzipped size of what taskpane.html loads up front and warns when it passes the budget.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_PORT = 3000;
/** The origin manifest.xml is written against; production builds can swap it through ADDIN_ORIGIN. */
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
/**
 * What the demo copies from @microsoft/office-js: outside an Office client, office.js fetches the mapping
 * table next to itself and Office.onReady never settles without it.
 */
const OFFICE_JS_DEMO_FILES = ["office.js", "o15apptofilemappingtable.js"];
const DEMO_HOST_ENTRY = path.join(__dirname, "test", "excel-host", "demo.ts");
/** The demo host imports the seed workbook; this loader reads it with ExcelJS at build time (not in the browser). */
const DEMO_XLSX_LOADER = path.join(__dirname, "test", "demo", "xlsx-fixture-loader.js");
const INITIAL_JS_BUDGET_BYTES = 400 * 1024;

/**
 * The base URL the add-in is served from: an https origin, optionally with a path (https://host/addin), returned
 * without a trailing slash. Every manifest URL is built from it, so anything else (http, a query, a fragment, user
 * names) is refused.
 */
function addinOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  const textual = typeof value === "string" && /^https:\/\/[^/?#]+(\/[^?#]*)?$/i.test(value.trim());
  if (!url || !textual || url.protocol !== "https:" || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `ADDIN_ORIGIN must be an https address such as https://addin.example.gov.vn or https://so.example.gov.vn/phuluc (no query or fragment); got "${value}".`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/**
 * manifest.xml with every dev-server URL moved under `base`. AppDomain names an origin, never a path, so it gets the
 * base's origin.
 */
function withOrigin(manifestXml, base) {
  const target = addinOrigin(base);
  const origin = new URL(target).origin;
  return manifestXml
    .split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`)
    .split(DEV_ORIGIN)
    .join(target);
}

/** Where the isolated build puts its copy of office.js (and the files office.js loads next to itself). */
const LOCAL_OFFICE_JS_DIR = "office-js";

/**
 * The part of @microsoft/office-js that Excel needs from a local copy: office.js, its host/platform mapping table,
 * the Excel scripts of every platform and each locale's strings (debug builds, other hosts and telemetry left out).
 */
function localOfficeJsFiles() {
  const keep = (name) =>
    !name.includes(".debug.") &&
    name.endsWith(".js") &&
    (name === "office.js" || name === "o15apptofilemappingtable.js" || name === "es6-promise.js" || /^excel/.test(name));
  const files = fs
    .readdirSync(OFFICE_JS_DIST, { withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => ({ from: path.join(OFFICE_JS_DIST, entry.name), to: `${LOCAL_OFFICE_JS_DIR}/${entry.name}` }));
  for (const entry of fs.readdirSync(OFFICE_JS_DIST, { withFileTypes: true })) {
    const strings = path.join(OFFICE_JS_DIST, entry.name, "office_strings.js");
    if (entry.isDirectory() && fs.existsSync(strings)) {
      files.push({ from: strings, to: `${LOCAL_OFFICE_JS_DIR}/${entry.name}/office_strings.js` });
    }
  }
  return files;
}

/**
 * Copies files that are not modules (icons, the manifest, office.js for the demo) into the output, through
 * an optional transform. It stands in for copy-webpack-plugin, whose option validation cannot load in the
 * installed tree (ajv-keywords@5 resolves the hoisted ajv@6 instead of the ajv@8 it needs).
 */
class StaticFiles {
  /** @param {{ from: string, to: string, transform?: (content: Buffer) => string | Buffer }[]} files */
  constructor(files) {
    this.files = files;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("StaticFiles", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "StaticFiles", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const file of this.files) {
          compilation.fileDependencies.add(file.from);
          try {
            const content = fs.readFileSync(file.from);
            const output = new sources.RawSource(file.transform ? file.transform(content) : content);
            // Copied as is: office.js ships minified and must not be rewritten by the minimizer.
            compilation.emitAsset(file.to, output, { copied: true, minimized: true });
          } catch (error) {
            compilation.errors.push(new WebpackError(`Could not copy ${file.from} to ${file.to}: ${error.message}`));
          }
        }
      });
    });
  }
}

/** Every file directly in `dir` (no dot files, no scripts such as assets/make-icons.js), as StaticFiles entries under `to`. */
function filesIn(dir, to) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith(".") && !entry.name.endsWith(".js"))
    .map((entry) => ({ from: path.join(dir, entry.name), to: `${to}/${entry.name}` }));
}

/** Measures what taskpane.html loads before first render and keeps the number next to the build. */
class InitialJsBudget {
  constructor(entry, budgetBytes) {
    this.entry = entry;
    this.budgetBytes = budgetBytes;
  }

  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("InitialJsBudget", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "InitialJsBudget", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const entrypoint = compilation.entrypoints.get(this.entry);
        if (!entrypoint) return;
        const files = entrypoint.getFiles().filter((file) => file.endsWith(".js"));
        let bytes = 0;
        let gzipBytes = 0;
        for (const file of files) {
          const buffer = compilation.getAsset(file).source.buffer();
          bytes += buffer.length;
          gzipBytes += zlib.gzipSync(buffer, { level: 9 }).length;
        }
        const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
        compilation
          .getLogger("InitialJsBudget")
          .info(`${this.entry}: initial JS ${kb(bytes)}, ${kb(gzipBytes)} gzipped (budget ${kb(this.budgetBytes)}) in ${files.join(", ")}`);
        if (gzipBytes > this.budgetBytes) {
          compilation.warnings.push(
            new WebpackError(
              `${this.entry} loads ${kb(gzipBytes)} of JavaScript gzipped before first render, over the ${kb(this.budgetBytes)} budget (SPEC §10). Move heavy imports behind import().`,
            ),
          );
        }
        const report = { entry: this.entry, files, bytes, gzipBytes, budgetBytes: this.budgetBytes };
        compilation.emitAsset("initial-js.json", new sources.RawSource(JSON.stringify(report, null, 2) + "\n"));
      });
    });
  }
}

/**
 * Writes the checker page's service worker (src/standalone/sw.js with the list of files to keep): every file the
 * build emits except source maps, the manifest and server configuration, so the page opens and checks with the network
 * cut once it has been opened. The cache is named after the build's hash: a new build replaces the old cache.
 */
class OfflineCache {
  constructor(page, workerFile) {
    this.page = page;
    this.workerFile = workerFile;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("OfflineCache", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "OfflineCache", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT + 1 }, () => {
        const skip = (name) =>
          name.endsWith(".map") ||
          name === this.workerFile ||
          name === "manifest.xml" ||
          name === "initial-js.json" ||
          name.startsWith("office-js/") ||
          /^(taskpane|commands)\./.test(name) ||
          name.endsWith(".LICENSE.txt");
        const files = compilation
          .getAssets()
          .map((asset) => asset.name)
          .filter((name) => !skip(name))
          .sort();
        const version = require("crypto").createHash("sha256").update(files.join("\n")).digest("hex").slice(0, 16);
        const template = fs.readFileSync(path.join(__dirname, "src", "standalone", "sw.js"), "utf8");
        const worker = template
          .replace("__CACHE_VERSION__", JSON.stringify(`appendix-checker-${version}`))
          .replace("__FILES__", JSON.stringify(files, null, 2))
          .replace("__PAGE__", JSON.stringify(this.page));
        compilation.emitAsset(this.workerFile, new sources.RawSource(worker));
      });
    });
  }
}

/** Dev-server TLS from office-addin-dev-certs, or null (plain http) when certificates cannot be made or trusted. */
async function devServerHttpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const reason = String((error && error.message) || error).split("\n")[0];
    console.warn(
      `[appendix-checker] Could not create or trust the localhost certificates (${reason}).\n` +
        `[appendix-checker] Serving on http://localhost:${DEV_PORT} instead: fine for a local demo in a browser, ` +
        `but Excel only loads the add-in from ${DEV_ORIGIN}. Run \`npx office-addin-dev-certs install\` to fix.`,
    );
    return null;
  }
}

module.exports = async (env = {}, argv = {}) => {
  const development = argv.mode === "development";
  const demo = process.env.DEMO === "1";
  const serving = Boolean(env.WEBPACK_SERVE);
  const origin = process.env.ADDIN_ORIGIN ? addinOrigin(process.env.ADDIN_ORIGIN) : DEV_ORIGIN;
  const localOfficeJs = process.env.OFFICE_JS === "local";
  if (process.env.OFFICE_JS && !["local", "cdn"].includes(process.env.OFFICE_JS)) {
    throw new Error(`OFFICE_JS must be "cdn" (Microsoft's CDN, the default) or "local" (isolated networks); got "${process.env.OFFICE_JS}".`);
  }
  const release = process.env.RELEASE === "1";
  const outputDir = process.env.OUTPUT_DIR ? path.resolve(process.env.OUTPUT_DIR) : path.join(__dirname, demo ? "dist-demo" : "dist");

  const withDemoHost = demo && fs.existsSync(DEMO_HOST_ENTRY);
  if (demo && !withDemoHost) {
    console.warn(
      `[appendix-checker] DEMO=1 but ${path.relative(__dirname, DEMO_HOST_ENTRY)} does not exist; building the demo without a host.`,
    );
  }
  const missingOfficeJs = OFFICE_JS_DEMO_FILES.filter((name) => !fs.existsSync(path.join(OFFICE_JS_DIST, name)));
  if (demo && missingOfficeJs.length > 0) {
    throw new Error(
      `DEMO=1 needs a local office.js: ${missingOfficeJs.join(", ")} missing from ${OFFICE_JS_DIST}; install the @microsoft/office-js dev dependency.`,
    );
  }
  const officeJsUrl = demo ? "office.js" : localOfficeJs ? `${LOCAL_OFFICE_JS_DIR}/office.js` : OFFICE_JS_CDN;
  /** What the pane says when office.js cannot load: from where it was meant to come. */
  const officeJsSource = demo || localOfficeJs ? "local" : "cdn";
  // With the demo host the pane gets Office and Excel from the in-memory workbook; the real office.js would only
  // fight it for the Office global and, outside Office, open a telemetry frame to Microsoft.
  const paneOfficeJsUrl = withDemoHost ? "" : officeJsUrl;
  const paneChunks = withDemoHost ? ["demo-host", "taskpane"] : ["taskpane"];

  const staticFiles = [
    ...filesIn(path.join(__dirname, "assets"), "assets"),
    {
      from: path.join(__dirname, "manifest.xml"),
      to: "manifest.xml",
      transform: (content) => withOrigin(content.toString("utf8"), origin),
    },
  ];
  if (demo) staticFiles.push(...OFFICE_JS_DEMO_FILES.map((name) => ({ from: path.join(OFFICE_JS_DIST, name), to: name })));
  if (localOfficeJs && !demo) staticFiles.push(...localOfficeJsFiles());
  staticFiles.push({ from: path.join(__dirname, "src", "standalone", "checker.webmanifest"), to: "checker.webmanifest" });

  const httpsOptions = serving ? await devServerHttpsOptions() : null;

  return {
    mode: development ? "development" : "production",
    devtool: release ? false : "source-map",
    entry: {
      ...(withDemoHost ? { "demo-host": DEMO_HOST_ENTRY } : {}),
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands.ts",
      checker: "./src/standalone/index.tsx",
    },
    output: {
      path: outputDir,
      // The dev server's hot reload cannot work with content hashes in file names.
      filename: development ? "[name].js" : "[name].[contenthash].js",
      chunkFilename: development ? "[name].js" : "[name].[contenthash].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`'s job; ES modules let webpack tree-shake Fluent UI.
              transpileOnly: true,
              compilerOptions: { module: "esnext", sourceMap: true },
            },
          },
        },
        ...(withDemoHost
          ? [{ test: /\.xlsx$/, include: path.join(__dirname, "test", "fixtures"), type: "javascript/auto", use: DEMO_XLSX_LOADER }]
          : []),
      ],
    },
    optimization: {
      // One runtime per page: the demo host and the pane share module instances instead of each getting a copy.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          defaultVendors: { test: /[\\/]node_modules[\\/]/, priority: -10, reuseExistingChunk: true },
          default: { minChunks: 2, priority: -20, reuseExistingChunk: true },
        },
      },
    },
    // Raw-size hints would only repeat InitialJsBudget, which measures the number that matters (gzipped).
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: paneChunks,
        chunksSortMode: "manual",
        officeJsUrl: paneOfficeJsUrl,
        officeJsSource,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands.html",
        chunks: ["commands"],
        officeJsUrl,
        officeJsSource,
      }),
      // The checker page without Excel: no office.js at all, and a service worker that keeps it working offline.
      new HtmlWebpackPlugin({
        filename: "checker.html",
        template: "./src/standalone/checker.html",
        chunks: ["checker"],
      }),
      new OfflineCache("checker.html", "sw.js"),
      new StaticFiles(staticFiles),
      new InitialJsBudget("taskpane", INITIAL_JS_BUDGET_BYTES),
    ],
    devServer: {
      port: DEV_PORT,
      server: httpsOptions ? { type: "https", options: httpsOptions } : { type: "http" },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
    },
  };
};

module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.addinOrigin = addinOrigin;
module.exports.withOrigin = withOrigin;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.LOCAL_OFFICE_JS_DIR = LOCAL_OFFICE_JS_DIR;
