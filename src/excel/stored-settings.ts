/**
 * The user's settings and agency directory, kept in the workbook's settings so they travel with the file. What is
 * stored is checked with the engine's schemas: a setting from another version or edited by hand falls back to the
 * defaults instead of breaking the pane.
 */
import { DirectoryData, DirectorySchema } from "../core/agencies/directory";
import { StatedTotalsSchema } from "../core/kinds/delegations/stated-totals";
import { DEFAULT_SETTINGS, Settings, SettingsSchema } from "../core/settings/settings";
import type { StatedTotals } from "../core/kinds/delegations/stated-totals";
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

/**
 * What the user adds to a check besides the Settings, kept under keys of their own (the Settings schema is the
 * engine's): the delegation totals the plan states, as typed in the pane, and whether legacy-encoded (TCVN3/VNI) text
 * is read as Unicode when checking.
 */
export const CHECK_INPUT_KEYS = {
  /** StatedTotals JSON (src/core/output/report.ts StatedTotalsSchema), or null when the user states none. */
  statedTotals: "appendixChecker.statedTotals",
  /** true: checks read legacy-encoded cells as Unicode (the cells are not changed). */
  readLegacyAsUnicode: "appendixChecker.readLegacyAsUnicode",
} as const;

export interface CheckInputs {
  stated: StatedTotals | null;
  readLegacyAsUnicode: boolean;
}

/** The stored check inputs; a value that does not pass the schema loads as the default. One round trip. */
export async function loadStoredCheckInputs(context: Excel.RequestContext): Promise<CheckInputs> {
  const stated = loadSetting(context, CHECK_INPUT_KEYS.statedTotals);
  const legacy = loadSetting(context, CHECK_INPUT_KEYS.readLegacyAsUnicode);
  await context.sync();
  const s = StatedTotalsSchema.nullable().safeParse(stated() ?? null);
  return {
    stated: s.success ? s.data : null,
    readLegacyAsUnicode: legacy() === true,
  };
}

/** Stores the check inputs given (a part left out stays as stored). One round trip. */
export async function saveStoredCheckInputs(context: Excel.RequestContext, inputs: Partial<CheckInputs>): Promise<void> {
  if (inputs.stated !== undefined) {
    // Refused here rather than stored: a bad value would only load back as "none stated".
    const checked = StatedTotalsSchema.nullable().parse(inputs.stated);
    saveSetting(context, CHECK_INPUT_KEYS.statedTotals, checked);
  }
  if (inputs.readLegacyAsUnicode !== undefined) saveSetting(context, CHECK_INPUT_KEYS.readLegacyAsUnicode, inputs.readLegacyAsUnicode);
  await context.sync();
}
