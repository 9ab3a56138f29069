// ESLint flat config: typescript-eslint plus the Office add-in rules of eslint-plugin-office-addins
// (sync discipline, load-before-read, isNullObject); Prettier formats and is checked separately.
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

const officeRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["office-addins"]).rules).filter(([k]) =>
    k.startsWith("office-addins/"),
  ),
);

module.exports = tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "dist-demo/**", "node_modules/**", "coverage/**", "out/**", "test-output/**", "**/*.js"] },
  ...tseslint.configs.recommended,
  {
    // The Office.js rules apply where Office.js is used; ExcelJS code (command line, tests) has no load() and
    // would be flagged wrongly.
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "test/excel/**/*.ts", "test/excel-host/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "bench/**/*.ts", "release/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The engine stays pure: no Office.js, DOM or Node imports.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["fs", "path", "os", "child_process", "exceljs", "react", "**/excel/*", "**/xlsx/*", "**/cli/*", "**/taskpane/*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window", "process", "require"],
    },
  },
  // Every layer to its arrows (test/architecture/imports.test.ts checks the same over the import graph): file
  // formats and Office.js never see each other, file formats never reach into the command line.
  {
    files: ["src/excel/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/xlsx/*", "**/word/*", "**/cli/*", "**/taskpane/*", "exceljs"] }] },
  },
  {
    files: ["src/xlsx/**/*.ts", "src/word/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/excel/*", "**/cli/*", "**/taskpane/*"] }] },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/excel/*", "**/taskpane/*"] }] },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/cli/*"] }] },
  },
  {
    // The checker page without Excel: the pane's views on files read in the browser, never Office.js.
    files: ["src/standalone/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/excel/*", "**/cli/*"] }] },
  },
);
