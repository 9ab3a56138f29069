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

export type SettingKey = (typeof SETTING_KEYS)[keyof typeof SETTING_KEYS];

/**
 * The worksheet custom property (ExcelApi 1.12; a `customPr` of the sheet in the file) that marks a sheet as written
 * by the product: the add-in sets it, and the file readers see it, so both know the sheet is the product's own.
 */
export const OWNED_SHEET_MARK = "appendixChecker.owned";
