import { terminalSafe } from "./terminal-safe";

/** Where the command line writes: injectable so tests can run it in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  stderr: NodeJS.WriteStream;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(terminalSafe(t.endsWith("\n") ? t : t + "\n")),
  err: (t) => process.stderr.write(terminalSafe(t.endsWith("\n") ? t : t + "\n")),
  stderr: process.stderr,
};
