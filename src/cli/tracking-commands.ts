/**
 * The tracking commands, loaded only when one of them runs: split, deadlines, track, diff.
 */
import { CliIO } from "./io";

export const TRACKING_USAGE = `  appendix-checker split <plan.xlsx> -o DIR [--coordinating] [--as-of DAY] [--json] [--lang vi|en]
  appendix-checker deadlines <plan.xlsx> [--as-of DAY] [--reporting-date DD/MM] [-o OUT.xlsx] [--json] [--lang vi|en]
  appendix-checker track <plan.xlsx> <reply.xlsx|folder>... -o OUT.xlsx [--as-of DAY] [--json] [--lang vi|en]
  appendix-checker diff <old.xlsx> <new.xlsx> [-o OUT.xlsx] [--json] [--lang vi|en]`;

const COMMANDS = ["split", "deadlines", "track", "diff"] as const;

export function isTrackingCommand(command: string): command is (typeof COMMANDS)[number] {
  return (COMMANDS as readonly string[]).includes(command);
}

export async function runTrackingCommand(command: (typeof COMMANDS)[number], argv: readonly string[], io: CliIO): Promise<number> {
  switch (command) {
    case "split":
      return (await import("./split-command")).runSplitCli(argv, io);
    case "deadlines":
      return (await import("./deadlines-command")).runDeadlinesCli(argv, io);
    case "track":
      return (await import("./track-command")).runTrackCli(argv, io);
    case "diff":
      return (await import("./diff-command")).runDiffCli(argv, io);
  }
}
