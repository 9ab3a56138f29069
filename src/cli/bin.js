#!/usr/bin/env node
"use strict";
// Entry of `npx appendix-checker`: runs the command line that `npm run build:cli` (run by `npm ci`) bundles into one
// file. One file because resolving and compiling the engine's ~200 modules one by one was half of the start-up; the
// bundle still loads ExcelJS, pako and the parts only some commands use (summaries, Word reader) when they are needed.
// The build also saves V8's code cache of the bundle after a check of the seed appendix (release/cli-code-cache.js),
// so a check starts with the functions it runs already compiled. V8 refuses a cache that does not match the bundle,
// this Node or its flags, and then the bundle is simply compiled as it would have been without one.
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const Module = require("module");

const root = path.join(__dirname, "..", "..");
const BUNDLE = path.join(root, "dist-cli", "appendix-checker.js");
const CODE_CACHE = path.join(root, "dist-cli", "appendix-checker.code-cache");

/** The bundle's exports, and its compiled script (to save a code cache from). */
function loadCommandLine() {
  const source = fs.readFileSync(BUNDLE, "utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(CODE_CACHE);
  } catch {
    cachedData = undefined; // not built with one: compiled as usual
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { loadCommandLine, BUNDLE, CODE_CACHE };

if (require.main === module) {
  if (!fs.existsSync(BUNDLE)) {
    process.stderr.write("appendix-checker: not built yet; run `npm ci` (or `npm run build:cli`) in " + root + "\n");
    process.exit(2);
  }
  loadCommandLine()
    .exports.main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
