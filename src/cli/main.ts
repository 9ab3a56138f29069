/**
 * The command line (SPEC 9): one argument parser and one help for every command registered in commands.ts.
 * Exit status: 0 no errors, 1 errors found, 2 unusable input or usage. Messages are Vietnamese unless --lang en.
 */
import { Lang } from "../core/issues/catalogue";
import { langArg, parseArgs } from "./args";
import { Command, COMMANDS } from "./commands";
import { CliIO, processIO } from "./io";
import { MESSAGES, PROGRAM, problemText } from "./messages";

const isHelp = (a: string) => a === "--help" || a === "-h";

function overview(lang: Lang): string {
  const m = MESSAGES[lang];
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${m.usage}:`,
    ...COMMANDS.map((c) => `  ${PROGRAM} ${c.help[lang].split("\n")[0]}`),
    "",
    `${m.commands}:`,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`),
    "",
    m.exitStatus,
    m.moreHelp,
  ].join("\n");
}

function commandHelp(c: Command, lang: Lang): string {
  return `${MESSAGES[lang].usage}: ${PROGRAM} ${c.help[lang]}\n\n${MESSAGES[lang].exitStatus}`;
}

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const langValue = langArg(argv);
  // Vietnamese by default, as the officers who use it read it; English on request.
  const lang: Lang = langValue === "en" ? "en" : "vi";
  if (langValue !== undefined && langValue !== "vi" && langValue !== "en") {
    // The language asked for is unknown: say it in both.
    io.err(`${PROGRAM}: ${MESSAGES.vi.badLang(langValue)} — ${MESSAGES.en.badLang(langValue)}`);
    return 2;
  }
  const [name, ...rest] = argv;
  if (!name || isHelp(name) || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    (name ? io.out : io.err)(topic ? commandHelp(topic, lang) : overview(lang));
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usageError(MESSAGES[lang].unknownCommand(name), overview(lang), io);
  if (rest.some(isHelp)) {
    io.out(commandHelp(command, lang));
    return 0;
  }
  try {
    const parsed = parseArgs(rest, command.options);
    if (!parsed.ok) return usageError(problemText(parsed.problem, lang), commandHelp(command, lang), io);
    const problem = command.check?.(parsed, lang);
    if (problem) return usageError(problem, commandHelp(command, lang), io);
    return await command.run(parsed, lang, io);
  } catch (e) {
    // Unexpected: still one line a person can act on, and the detail for a bug report.
    io.err(`${PROGRAM}: ${MESSAGES[lang].internal((e as Error).message)}`);
    if (process.env.APPENDIX_CHECKER_DEBUG) io.err(String((e as Error).stack));
    return 2;
  }
}

function usageError(message: string, help: string, io: CliIO): number {
  io.err(`${PROGRAM}: ${message}\n\n${help}`);
  return 2;
}
