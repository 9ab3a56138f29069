/**
 * Running the command line in-process with captured output.
 */
import { main } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";

export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    out: (t) => (stdout += t.endsWith("\n") ? t : t + "\n"),
    err: (t) => (stderr += t.endsWith("\n") ? t : t + "\n"),
    write: (t) => (stdout += t),
    stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
