/**
 * The add-in's data stored in the workbook's settings (Excel.SettingCollection, ExcelApi 1.4): JSON values that are
 * saved with the file, so they travel with the workbook to the next officer who opens it.
 */

import { SettingKey } from "../core/settings/keys";

export { SETTING_KEYS } from "../core/settings/keys";

/** Queues the read of a setting; after the sync, the returned function gives its value (undefined when absent). */
export function loadSetting(context: Excel.RequestContext, key: SettingKey): () => unknown {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  return () => valueOf(item);
}

/** A loaded setting's value (called after the sync that loaded it). */
function valueOf(loaded: Excel.Setting): unknown {
  return loaded.isNullObject ? undefined : loaded.value;
}

/** Queues writing a setting (added, or replaced when it exists). */
export function saveSetting(context: Excel.RequestContext, key: SettingKey, value: unknown): void {
  context.workbook.settings.add(key, value);
}

/** Queues removing a setting known to exist (read in an earlier sync). */
export function removeSetting(context: Excel.RequestContext, key: SettingKey): void {
  context.workbook.settings.getItem(key).delete();
}
