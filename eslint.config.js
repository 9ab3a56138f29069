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
  { ignores: ["dist/**", "dist-cli/**", "dist-demo/**", "node_modules/**", "coverage/**", "out/**", "**/*.js"] },
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}", "test/**/*.{ts,tsx}", "bench/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
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
        { patterns: ["fs", "path", "os", "child_process", "exceljs", "react", "../excel/*", "../xlsx/*", "../cli/*", "../taskpane/*"] },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window", "process", "require"],
    },
  },
);
