/** Two projects: the fast unit suite (node + jsdom for the pane) and the browser suite (real chromium). */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];
// Tests run on a busy 2-core machine, and must also pass with the CPU saturated by another job: a test or hook that
// builds workbooks must not fail for want of time. Ten minutes catches a hang; a test passes as soon as it holds.
const testTimeout = 600_000;
module.exports = {
  testTimeout,
  // On two cores jest would run every suite in its own process, one after another, and that one heap grew past V8's
  // 4 GB limit once the 100k-row web reads and the bigger corpus joined (an abort, not a failure). Two workers, each
  // replaced once it holds more than 1.5 GB after a suite, keep every suite's memory its own.
  maxWorkers: 2,
  workerIdleMemoryLimit: "1536MB",
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      testTimeout,
      setupFilesAfterEnv: ["<rootDir>/test/support/async-timeout.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["<rootDir>/test/browser/"],
      moduleFileExtensions: ["ts", "tsx", "js", "json"],
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      testTimeout,
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      moduleFileExtensions: ["ts", "tsx", "js", "json"],
    },
  ],
};
