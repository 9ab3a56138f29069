/**
 * User settings that travel with the workbook (SPEC 4: rules on/off and severities; SPEC 1: language).
 */
import * as z from "zod";
import { ISSUE_CODES, IssueCode, Issue, Lang, Severity } from "../issues/catalogue";

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

export function parseSettings(json: string): { ok: true; settings: Settings } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  const r = SettingsSchema.safeParse(data);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ") };
  return { ok: true, settings: r.data };
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
