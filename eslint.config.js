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
);
