/**
 * `appendix-checker consolidate` — built in the consolidation work; until then it says so.
 */
import { CliIO } from "./io";

export async function runConsolidateCli(_argv: readonly string[], io: CliIO): Promise<number> {
  io.err("appendix-checker: consolidate is not available in this build yet");
  return 2;
}
