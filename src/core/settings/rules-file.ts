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

const RulesFileSchema = z.strictObject({
  version: z.literal(1),
  rules: z.partialRecord(z.enum(ISSUE_CODES), RuleSettingSchema.strict()),
});
export type RulesFile = z.infer<typeof RulesFileSchema>;

/** One thing wrong with a file: the path to it and zod's code for what is wrong. */
export interface FileProblem {
  path: ReadonlyArray<string | number>;
  code: string;
}

export type RulesFileRead =
  { ok: true; rules: Settings["rules"] } | { ok: false; notJson: true } | { ok: false; notJson: false; problems: FileProblem[] };

export function rulesToJson(rules: Settings["rules"]): string {
  const file: RulesFile = { version: 1, rules };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function parseRulesFile(text: string): RulesFileRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, notJson: true };
  }
  const parsed = RulesFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, notJson: false, problems: problemsOf(parsed.error) };
  return { ok: true, rules: parsed.data.rules };
}

/** zod's issues as data: the path (keys and indexes) and the code ("invalid_type", "too_small", …). */
export function problemsOf(error: z.ZodError): FileProblem[] {
  return error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p === "string" || typeof p === "number"),
    code: i.code,
  }));
}
