"use strict";
/**
 * Loaded with `node --require` into a benchmarked process: at exit it writes the process's own CPU time and peak
 * memory (process.resourceUsage, start-up included) to the file named by BENCH_USAGE_FILE, as JSON.
 */
const fs = require("fs");
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeFileSync(file, JSON.stringify({ userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }));
  });
}
