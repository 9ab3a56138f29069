/**
 * The settings the pane saved with a workbook, read from the .xlsx file. Excel keeps an add-in's document settings
 * (Excel.SettingCollection, Office.context.document.settings) in the workbook's web extension part,
 * `xl/webextensions/webextension1.xml` ([MS-OWEXML] 2.2.3 CT_OsfWebExtension: its `we:properties` hold one
 * `we:property name="…" value="…"` per setting, the value serialised as JSON); the part is reached from the package
 * through `xl/webextensions/taskpanes.xml`. Every web extension part of the package is read, and the one that holds
 * this add-in's keys (core/settings/keys.ts) is used.
 */
import { DirectoryData, DirectorySchema } from "../core/agencies/directory";
import { SETTING_KEYS } from "../core/settings/keys";
import { Settings, SettingsSchema } from "../core/settings/settings";
import { decodeXml } from "./grid-reader";
import { openZip, RawInflate } from "./zip";

export interface StoredSettings {
  /** The rules, severities and plan years the pane saved; null when none (or unreadable: the defaults apply). */
  settings: Settings | null;
  /** The agency directory the pane saved; null for the built-in one. */
  directory: DirectoryData | null;
}

const PART = /^xl\/webextensions\/webextension\d*\.xml$/i;
const PROPERTY = /<(?:\w+:)?property\b([^>]*?)\/?>/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document settings of every web extension of the workbook, by name (values parsed from their JSON). */
export function documentSettings(bytes: Uint8Array, inflateRaw: RawInflate): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const opened = openZip(bytes, inflateRaw);
  if (!opened.ok) return out;
  const zip = opened.zip;
  for (const name of zip.entries.keys()) {
    if (!PART.test(name)) continue;
    let data: Uint8Array | null;
    try {
      data = zip.read(name);
    } catch {
      continue; // a damaged settings part: the defaults apply, and the reader names the damage if it matters
    }
    if (!data) continue;
    const xml = new TextDecoder("utf-8").decode(data);
    for (const m of xml.matchAll(PROPERTY)) {
      const attrs = new Map<string, string>();
      for (const a of m[1].matchAll(ATTR)) attrs.set(a[1], decodeXml(a[2] ?? a[3] ?? ""));
      const key = attrs.get("name");
      const value = attrs.get("value");
      if (key === undefined || value === undefined) continue;
      try {
        out.set(key, JSON.parse(value));
      } catch {
        out.set(key, value);
      }
    }
  }
  return out;
}

/** This add-in's settings and directory saved with the workbook, each checked with the engine's schema. */
export function storedSettings(bytes: Uint8Array, inflateRaw: RawInflate): StoredSettings {
  const all = documentSettings(bytes, inflateRaw);
  const s = SettingsSchema.safeParse(all.get(SETTING_KEYS.settings));
  const d = DirectorySchema.safeParse(all.get(SETTING_KEYS.directory));
  return { settings: s.success ? s.data : null, directory: d.success ? d.data : null };
}
