/**
 * Command-line arguments: positional inputs and --options, with usage errors as values.
 */

export interface OptionSpec {
  /** Takes a value ("--sheet NAME") or is a flag ("--json"). */
  value: boolean;
  alias?: string;
}

export type ParsedArgs = { ok: true; positional: string[]; options: Record<string, string | true> } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const byAlias = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) if (s.alias) byAlias.set(s.alias, name);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("-") && arg !== "-") {
      const eq = arg.indexOf("=");
      const rawName = arg.startsWith("--") ? arg.slice(2, eq > 0 ? eq : undefined) : (byAlias.get(arg.slice(1)) ?? "");
      const s = spec[rawName];
      if (!s) return { ok: false, error: `unknown option ${arg}` };
      if (!s.value) {
        if (eq > 0) return { ok: false, error: `--${rawName} takes no value` };
        options[rawName] = true;
        continue;
      }
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--"))) return { ok: false, error: `--${rawName} needs a value` };
      options[rawName] = value;
      continue;
    }
    positional.push(arg);
  }
  return { ok: true, positional, options };
}
