/**
 * The rules file: which checks are switched off and which severities differ from the catalogue, as JSON a province
 * shares between officers (exported and imported in the pane's settings, like the agency directory).
 *
 *   { "version": 1, "rules": { "missing-coordinating": { "enabled": false }, "unknown-agency": { "severity": "error" } } }
 *
 * Validated with zod where it crosses the boundary; problems come back as data (where, what kind) so each reader says
 * them in its own language.
 */
import * as z from "zod";
import { RuleSettingSchema } from "./settings";
import type { Settings } from "./settings";
import { ISSUE_CODES } from "../issues/catalogue";
import { readJsonFile } from "./file-problems";
import type { FileRefusal } from "./file-problems";

const RulesFileSchema = z.strictObject({
  version: z.literal(1),
  rules: z.partialRecord(z.enum(ISSUE_CODES), RuleSettingSchema.strict()),
});
export type RulesFile = z.infer<typeof RulesFileSchema>;

export type RulesFileRead = { ok: true; rules: Settings["rules"] } | { ok: false; refusal: FileRefusal };

export function rulesToJson(rules: Settings["rules"]): string {
  const file: RulesFile = { version: 1, rules };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function parseRulesFile(text: string): RulesFileRead {
  const read = readJsonFile(text, RulesFileSchema);
  return read.ok ? { ok: true, rules: read.data.rules } : read;
}
