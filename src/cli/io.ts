import { collectBetweenFiles } from "./batch-heap";
import { terminalSafe } from "./terminal-safe";

/** Where the command line writes: injectable so tests can run it in-process. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Text as it is, no newline added: a long report written in pieces (json-stream.ts). Without it, `out` takes it whole. */
  write?(text: string): void;
  stderr: NodeJS.WriteStream;
  /**
   * Before a command walks many files: the process's collector told to keep garbage from gathering between them
   * (batch-heap.ts). Only the process's own IO does; a test running commands in its process keeps its own collector.
   */
  beforeBatch?(fileCount: number): Promise<void>;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(terminalSafe(t.endsWith("\n") ? t : t + "\n")),
  err: (t) => process.stderr.write(terminalSafe(t.endsWith("\n") ? t : t + "\n")),
  // stdout is written synchronously when it is a file or, on Linux, a pipe: pieces do not pile up in memory.
  write: (t) => process.stdout.write(terminalSafe(t)),
  stderr: process.stderr,
  beforeBatch: collectBetweenFiles,
};
