/**
 * The command line: `appendix-checker check …` and `appendix-checker consolidate …` (SPEC 9).
 * Exit status: 0 no errors, 1 errors found, 2 unusable input or usage.
 */
import { parseArgs } from "./args";
import { runCheck } from "./check-command";
import { CliIO, processIO } from "./io";
import { Lang } from "../core/issues/catalogue";

const USAGE = `Usage:
  appendix-checker check <file.xlsx>... [--sheet NAME] [--json] [--summary OUT.xlsx] [--lang vi|en] [--directory agencies.json] [--convert-legacy]
                          [--stated '{"outbound":{"total":13,"planned":9,"supplementary":4},"inbound":{...}}' | stated.json]
  appendix-checker consolidate <file.xlsx|folder>... -o OUT.xlsx [--expected agencies.txt] [--json] [--lang vi|en]

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 unusable input or usage.`;

function langOf(value: string | true | undefined, io: CliIO): Lang | null {
  // Vietnamese by default, as the officers who use it read it; English on request.
  if (value === undefined) return "vi";
  if (value === "vi" || value === "en") return value;
  io.err(`appendix-checker: --lang must be vi or en, not "${String(value)}"`);
  return null;
}

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (command === "check") {
      const parsed = parseArgs(rest, {
        sheet: { value: true },
        json: { value: false },
        summary: { value: true },
        lang: { value: true },
        directory: { value: true },
        stated: { value: true },
        "convert-legacy": { value: false },
      });
      if (!parsed.ok) return usageError(parsed.error, io);
      if (parsed.positional.length === 0) return usageError("check needs at least one .xlsx file", io);
      const lang = langOf(parsed.options.lang, io);
      if (!lang) return 2;
      const o = parsed.options;
      return await runCheck(
        {
          files: parsed.positional,
          sheet: typeof o.sheet === "string" ? o.sheet : undefined,
          json: o.json === true,
          summary: typeof o.summary === "string" ? o.summary : undefined,
          lang,
          directory: typeof o.directory === "string" ? o.directory : undefined,
          stated: typeof o.stated === "string" ? o.stated : undefined,
          convertLegacy: o["convert-legacy"] === true,
        },
        io,
      );
    }
    if (command === "consolidate") {
      const { runConsolidateCli } = await import("./consolidate-command");
      return await runConsolidateCli(rest, io);
    }
    return usageError(`unknown command "${command}"`, io);
  } catch (e) {
    // Unexpected: still one line a person can act on, and the detail for a bug report.
    io.err(`appendix-checker: internal error: ${(e as Error).message}`);
    if (process.env.APPENDIX_CHECKER_DEBUG) io.err(String((e as Error).stack));
    return 2;
  }
}

function usageError(message: string, io: CliIO): number {
  io.err(`appendix-checker: ${message}\n\n${USAGE}`);
  return 2;
}
