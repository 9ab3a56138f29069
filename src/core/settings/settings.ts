/**
 * User settings that travel with the workbook (SPEC 4: rules on/off and severities; SPEC 1: language).
 */
import * as z from "zod";
import { ISSUE_CODES, IssueCode, Issue, Lang, Severity } from "../issues/catalogue";
import { readJsonFile } from "./file-problems";
import type { FileRefusal } from "./file-problems";

export const RuleSettingSchema = z.object({
  enabled: z.boolean().optional(),
  severity: z.enum(["error", "warning", "info"]).optional(),
});

export const SettingsSchema = z.object({
  version: z.literal(1).default(1),
  lang: z.enum(["vi", "en"]).optional(),
  rules: z.partialRecord(z.enum(ISSUE_CODES), RuleSettingSchema).default({}),
  /** The plan's period when the title does not say it. */
  planStartYear: z.number().int().min(1900).max(2100).optional(),
  planEndYear: z.number().int().min(1900).max(2100).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, rules: {} };

/** A settings file (`--settings FILE`): validated, or refused as data said in the user's language (file-problems). */
export function parseSettings(json: string): { ok: true; settings: Settings } | { ok: false; refusal: FileRefusal } {
  const read = readJsonFile(json, SettingsSchema);
  return read.ok ? { ok: true, settings: read.data } : read;
}

/** Drops switched-off rules and applies severity overrides. */
export function applyRules(issues: Issue[], rules: Settings["rules"]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const rule = rules[issue.code as IssueCode];
    if (rule?.enabled === false) continue;
    out.push(rule?.severity ? { ...issue, severity: rule.severity as Severity } : issue);
  }
  return out;
}

export function resolveLang(settingsLang: Lang | undefined, displayLanguage: string | undefined): Lang {
  if (settingsLang) return settingsLang;
  if (displayLanguage && !displayLanguage.toLowerCase().startsWith("vi")) return "en";
  return "vi";
}
