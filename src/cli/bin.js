#!/usr/bin/env node
"use strict";
// Entry of `npx appendix-checker`: runs the command line compiled by `npm run build:cli` (run by `npm ci`).
const path = require("path");
const fs = require("fs");
const root = path.join(__dirname, "..", "..");
const entry = path.join(root, "dist-cli", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("appendix-checker: not built yet; run `npm ci` (or `npm run build:cli`) in " + root + "\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
