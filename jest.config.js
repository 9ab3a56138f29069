/** Two projects: the fast unit suite (node + jsdom for the pane) and the browser suite (real chromium). */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/test/**/*.test.tsx"],
      testPathIgnorePatterns: ["<rootDir>/test/browser/"],
      moduleFileExtensions: ["ts", "tsx", "js", "json"],
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      testMatch: ["<rootDir>/test/browser/**/*.test.ts"],
      moduleFileExtensions: ["ts", "tsx", "js", "json"],
    },
  ],
};
