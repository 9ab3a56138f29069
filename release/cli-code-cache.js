"use strict";
/**
 * The last step of `npm run build:cli`: runs the bundled command line once on the seed appendix (as `check --json` and
 * as terminal text, output discarded) and saves V8's code cache of the bundle beside it. The cache then holds the
 * bytecode of every function a check runs, which src/cli/bin.js hands to V8 instead of compiling them again at each
 * start (issue 17, start-up). Only the check is warmed: a larger cache costs more to read than it saves.
 */
const fs = require("fs");
const path = require("path");

const { loadCommandLine, CODE_CACHE } = require("../src/cli/bin.js");

const SEED = path.join(__dirname, "..", "test", "fixtures", "seed-001-appendix.xlsx");
const quiet = { out: () => {}, err: () => {}, write: () => {}, stderr: { isTTY: false, write: () => true } };

async function writeCodeCache() {
  fs.rmSync(CODE_CACHE, { force: true }); // a stale cache would be refused anyway; start from the bundle alone
  const cli = loadCommandLine();
  for (const args of [
    ["check", SEED, "--json"],
    ["check", SEED],
  ]) {
    const code = await cli.exports.main(args, quiet);
    // The seed has one error (exit 1); anything else means the bundle is broken, and the build should say so.
    if (code !== 1) throw new Error(`appendix-checker ${args.join(" ")} exited with ${code} while warming the code cache`);
  }
  fs.writeFileSync(CODE_CACHE, cli.script.createCachedData());
}

writeCodeCache().catch((e) => {
  process.stderr.write(`cli-code-cache: ${e.message}\n`);
  process.exitCode = 1;
});
