"use strict";
/**
 * Loaded with `node --require` into a benchmarked process: at exit it writes the process's own CPU time and peak
 * memory (process.resourceUsage, start-up included) and how many modules it loaded (require.cache: the bundled command
 * line is one, ExcelJS alone ~650) to the file named by BENCH_USAGE_FILE, as JSON.
 */
const fs = require("fs");
const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    fs.writeFileSync(
      file,
      JSON.stringify({
        userMs: u.userCPUTime / 1000,
        systemMs: u.systemCPUTime / 1000,
        maxRssKb: u.maxRSS,
        modules: Object.keys(require.cache).length,
      }),
    );
  });
}
