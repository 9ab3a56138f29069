/**
 * The add-in's data stored in the workbook's settings (Excel.SettingCollection, ExcelApi 1.4): JSON values that are
 * saved with the file, so they travel with the workbook to the next officer who opens it. Below ExcelApi 1.4
 * (Office 2016) the same store is reached through Office.context.document.settings, the common API every Office
 * with add-ins has: a local copy read at once and written to the document by saveAsync.
 */
import { excelApi } from "./capabilities";

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

/** Office.context.document.settings where Excel.SettingCollection (ExcelApi 1.4) is missing, else null. */
function documentSettings(): Office.Settings | null {
  return excelApi("1.4") ? null : Office.context.document.settings;
}

/** Writes the document settings' local copy into the document; a failure surfaces with the next read, not here. */
function persist(settings: Office.Settings): void {
  settings.saveAsync(() => undefined);
}

/** Queues the read of a setting; after the sync, the returned function gives its value (undefined when absent). */
export function loadSetting(context: Excel.RequestContext, key: string): () => unknown {
  const fallback = documentSettings();
  if (fallback) return () => fallback.get(key) ?? undefined;
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  return () => valueOf(item);
}

/** A loaded setting's value (called after the sync that loaded it). */
function valueOf(loaded: Excel.Setting): unknown {
  return loaded.isNullObject ? undefined : loaded.value;
}

/** Queues writing a setting (added, or replaced when it exists). */
export function saveSetting(context: Excel.RequestContext, key: string, value: unknown): void {
  const fallback = documentSettings();
  if (!fallback) {
    context.workbook.settings.add(key, value);
    return;
  }
  fallback.set(key, value);
  persist(fallback);
}

/** Queues removing a setting known to exist (read in an earlier sync). */
export function removeSetting(context: Excel.RequestContext, key: string): void {
  const fallback = documentSettings();
  if (!fallback) {
    context.workbook.settings.getItem(key).delete();
    return;
  }
  fallback.remove(key);
  persist(fallback);
}
