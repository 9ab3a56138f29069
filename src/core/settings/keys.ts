/**
 * The names the add-in stores its data under in a workbook's document settings: the pane writes them
 * (src/excel/workbook-settings.ts), the command line reads them from the file (src/xlsx/stored-settings.ts).
 */
export const SETTING_KEYS = {
  /** Names of the sheets the add-in wrote (JSON array of strings). */
  ownedSheets: "appendixChecker.ownedSheets",
  /** What highlightIssues filled and the fills it replaced. */
  highlights: "appendixChecker.highlights",
  /** The user's Settings (rules, severities, language, plan years). */
  settings: "appendixChecker.settings",
  /** The agency directory the workbook is checked against. */
  directory: "appendixChecker.directory",
} as const;
