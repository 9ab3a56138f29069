/**
 * Files on disk for the command line: reading inputs, expanding folders, writing outputs whole or not at all.
 */
import * as fsSync from "fs";
import { promises as fs } from "fs";
import * as path from "path";
import { randomBytes } from "crypto";

/** The largest input read: a reply of 100,000 tasks is about 15 MB; past this it is not a reply. */
const MAX_INPUT_BYTES = 200 * 2 ** 20;

/** What a path that is not a regular file is (said by INPUT_TEXT in messages.ts). */
export type NotAFile = "fifo" | "device" | "socket" | "other";

/** Why an input was not read (said by INPUT_TEXT in messages.ts). */
export type InputRefusal =
  | { kind: "missing" }
  | { kind: "folder" }
  | { kind: "denied" }
  | { kind: "loop" }
  | { kind: "not-regular"; is: NotAFile }
  | { kind: "too-large"; size: number; limit: number }
  /** Another error of the system's, by its code, with its (English) message for --lang en. */
  | { kind: "system"; code?: string; message: string };

/** Why nothing is written at an output path that exists and is not a regular file. */
export type OutputRefusal = { kind: "link" } | { kind: "folder" } | { kind: "not-regular"; is: NotAFile };

/** Thrown by writeWhole and writeInPieces for an output path they refuse. */
export class OutputRefused extends Error {
  constructor(readonly why: OutputRefusal) {
    super(`output refused: ${why.kind}`);
    this.name = "OutputRefused";
  }
}

export type ReadBytes = { ok: true; bytes: Uint8Array } | { ok: false; why: InputRefusal };

/**
 * A file's bytes, read only when it is a regular file (after following links) within MAX_INPUT_BYTES: /dev/zero
 * would fill memory and a FIFO would wait for ever. Opened without blocking and measured on the open descriptor, so
 * what is checked is what is read.
 */
export function readInputFile(file: string, limit = MAX_INPUT_BYTES): ReadBytes {
  let fd: number;
  try {
    fd = fsSync.openSync(file, fsSync.constants.O_RDONLY | (fsSync.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, why: openError(e) };
  }
  try {
    const stat = fsSync.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, why: { kind: "folder" } };
    if (!stat.isFile()) return { ok: false, why: { kind: "not-regular", is: kindOf(stat) } };
    if (stat.size > limit) return { ok: false, why: { kind: "too-large", size: stat.size, limit } };
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = fsSync.readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, bytes: at === bytes.length ? bytes : bytes.subarray(0, at) };
  } catch (e) {
    return { ok: false, why: openError(e) };
  } finally {
    fsSync.closeSync(fd);
  }
}

export async function readBytes(file: string): Promise<ReadBytes> {
  return readInputFile(file);
}

function openError(e: unknown): InputRefusal {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return { kind: "missing" };
  if (code === "EISDIR") return { kind: "folder" };
  if (code === "EACCES" || code === "EPERM") return { kind: "denied" };
  if (code === "ELOOP") return { kind: "loop" };
  return { kind: "system", code, message: (e as Error).message.split("\n")[0] };
}

function kindOf(stat: fsSync.Stats): NotAFile {
  if (stat.isFIFO()) return "fifo";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "device";
  if (stat.isSocket()) return "socket";
  return "other";
}

/** Why a file of a folder is not read (said by INPUT_TEXT in messages.ts). */
export type SkipReason = "link-to-nothing" | "xls" | "xlsb" | "ods" | "not-workbook";

export interface SkippedFile {
  file: string;
  why: SkipReason;
}

// Workbooks and Word documents are read (an old binary .doc too, to be named with its reason).
const WORKBOOK = /\.(xlsx|xlsm|docx|doc)$/i;

/** Why a file in a folder is not read; null for a workbook, undefined for what is not worth a word. */
function skipReason(name: string): SkipReason | null | undefined {
  // Excel's "~$" lock files and macOS's "._" metadata files are not replies.
  if (name.startsWith("~$") || name.startsWith("._") || name === ".DS_Store") return undefined;
  if (WORKBOOK.test(name)) return null;
  if (/\.xls$/i.test(name)) return "xls";
  if (/\.xlsb$/i.test(name)) return "xlsb";
  if (/\.ods$/i.test(name)) return "ods";
  if (/\.(csv|pdf|txt)$/i.test(name)) return "not-workbook";
  return undefined;
}

/**
 * .xlsx, .xlsm, .docx and .doc files under the given files and folders (folders recursively, links followed, macOS __MACOSX
 * folders left out), sorted; the other files of the folders that look like replies are named with their reason.
 */
export async function expandInputs(inputs: readonly string[]): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      files.push(input); // reported as unreadable by the reader, with its reason
      continue;
    }
    if (!stat.isDirectory()) files.push(input);
    else await walk(input, files, skipped, new Set());
  }
  return { files, skipped };
}

async function walk(dir: string, files: string[], skipped: SkippedFile[], visited: Set<string>): Promise<void> {
  // A link back up the tree would walk for ever.
  const real = await fs.realpath(dir);
  if (visited.has(real)) return;
  visited.add(real);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === "__MACOSX") continue;
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = await fs.stat(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        skipped.push({ file: p, why: "link-to-nothing" });
        continue;
      }
    }
    if (isDir) await walk(p, files, skipped, visited);
    else if (isFile) {
      const why = skipReason(e.name);
      if (why === null) files.push(p);
      else if (why !== undefined) skipped.push({ file: p, why });
    }
  }
}

/** Temporary files being written, removed if the process is interrupted before their rename. */
const pending = new Set<string>();
let signalsHandled = false;

function removePendingOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const tmp of pending) fsSync.rmSync(tmp, { force: true });
      // Ended as the signal would have ended it, so the shell sees an interrupted run.
      process.kill(process.pid, signal);
    });
  }
}

/** Why nothing may be written at this path (it exists and is not a regular file), or null. */
async function unwritableOutput(file: string): Promise<OutputRefusal | null> {
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch {
    return null; // nothing there yet
  }
  if (stat.isFile()) return null;
  if (stat.isSymbolicLink()) return { kind: "link" };
  if (stat.isDirectory()) return { kind: "folder" };
  return { kind: "not-regular", is: kindOf(stat) };
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a workbook. The temporary file has a
 * random name in the output's folder and is created exclusively, never through a link planted there; what stands at
 * the output path must be a regular file (a FIFO, a device, a link or a folder is refused, -o /dev/null as root too);
 * an interrupted run removes its temporary file.
 */
export async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  await writeInPieces(file, (write) => write(bytes));
}

/**
 * Like writeWhole, for output made while it is written: `produce` calls `write` with each piece in order (written
 * synchronously, so nothing waits in memory), and the file appears at its name only once all of it is written.
 */
export async function writeInPieces(file: string, produce: (write: (bytes: Uint8Array) => void) => void): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const refused = await unwritableOutput(target);
  if (refused) throw new OutputRefused(refused);
  removePendingOnSignals();
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString("hex")}.tmp`);
  const flags = fsSync.constants.O_WRONLY | fsSync.constants.O_CREAT | fsSync.constants.O_EXCL | (fsSync.constants.O_NOFOLLOW ?? 0);
  // Opened before the try: a name that exists (which only a planted file could) is an error, never removed.
  const fd = fsSync.openSync(tmp, flags, 0o644);
  pending.add(tmp);
  try {
    try {
      produce((bytes) => {
        for (let at = 0; at < bytes.length;) at += fsSync.writeSync(fd, bytes, at, bytes.length - at);
      });
    } finally {
      fsSync.closeSync(fd);
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

export async function sameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}
