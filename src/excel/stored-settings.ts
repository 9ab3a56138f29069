/**
 * The user's settings and agency directory, kept in the workbook's settings so they travel with the file. What is
 * stored is checked with the engine's schemas: a setting from another version or edited by hand falls back to the
 * defaults instead of breaking the pane.
 */
import { DirectoryData, DirectorySchema } from "../core/directory";
import { DEFAULT_SETTINGS, Settings, SettingsSchema } from "../core/settings";
import { loadSetting, saveSetting, SETTING_KEYS } from "./workbook-settings";

/** The stored settings (defaults when none or unreadable) and directory (null: the built-in one). One round trip. */
export async function loadStoredSettings(context: Excel.RequestContext): Promise<{ settings: Settings; directory: DirectoryData | null }> {
  const settings = loadSetting(context, SETTING_KEYS.settings);
  const directory = loadSetting(context, SETTING_KEYS.directory);
  await context.sync();
  const s = SettingsSchema.safeParse(settings());
  const d = DirectorySchema.safeParse(directory());
  return { settings: s.success ? s.data : DEFAULT_SETTINGS, directory: d.success ? d.data : null };
}

/**
 * Stores the settings and, when given, the directory (null goes back to the built-in directory; undefined leaves
 * the stored one as it is). One round trip.
 */
export async function saveStoredSettings(
  context: Excel.RequestContext,
  settings: Settings,
  directory?: DirectoryData | null,
): Promise<void> {
  saveSetting(context, SETTING_KEYS.settings, settings);
  // Stored as null rather than deleted: deleting needs to know it exists, which costs a round trip.
  if (directory !== undefined) saveSetting(context, SETTING_KEYS.directory, directory);
  await context.sync();
}
