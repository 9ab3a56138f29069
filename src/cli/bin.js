#!/usr/bin/env node
"use strict";
// Entry of `npx appendix-checker`: runs the command line that `npm run build:cli` (run by `npm ci`) bundles into one
// file. One file because resolving and compiling the engine's ~200 modules one by one was half of the start-up; the
// bundle still loads ExcelJS, pako and the parts only some commands use (summaries, Word reader) when they are needed.
const path = require("path");
const fs = require("fs");
const root = path.join(__dirname, "..", "..");
const entry = path.join(root, "dist-cli", "appendix-checker.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("appendix-checker: not built yet; run `npm ci` (or `npm run build:cli`) in " + root + "\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
