/**
 * Command-line arguments: positional inputs and --options, with usage problems as values (worded in
 * messages.ts, in the user's language).
 */

export interface OptionSpec {
  /** Takes a value ("--sheet NAME") or is a flag ("--json"). */
  value: boolean;
  alias?: string;
}

export type ArgsProblem =
  { kind: "unknown-option"; option: string } | { kind: "takes-no-value"; option: string } | { kind: "needs-value"; option: string };

export interface Parsed {
  positional: string[];
  options: Record<string, string | true>;
}

export type ParsedArgs = ({ ok: true } & Parsed) | { ok: false; problem: ArgsProblem };

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
      if (!s) return { ok: false, problem: { kind: "unknown-option", option: arg } };
      if (!s.value) {
        if (eq > 0) return { ok: false, problem: { kind: "takes-no-value", option: `--${rawName}` } };
        options[rawName] = true;
        continue;
      }
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith("--")))
        return { ok: false, problem: { kind: "needs-value", option: `--${rawName}` } };
      options[rawName] = value;
      continue;
    }
    positional.push(arg);
  }
  return { ok: true, positional, options };
}

/** The value of `--lang` wherever it stands, so even a usage error is said in the user's language. */
export function langArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang") return argv[i + 1];
    if (argv[i].startsWith("--lang=")) return argv[i].slice(7);
  }
  return undefined;
}
