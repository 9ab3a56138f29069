/**
 * Files on disk for the command line: reading inputs, expanding folders, writing outputs whole or not at all.
 */
import * as fsSync from "fs";
import { promises as fs } from "fs";
import * as path from "path";

/** The largest input read: a reply of 100,000 tasks is about 15 MB; past this it is not a reply. */
export const MAX_INPUT_BYTES = 200 * 2 ** 20;

export type ReadBytes = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

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
    return { ok: false, message: openError(e) };
  }
  try {
    const stat = fsSync.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: "is a folder, not a file" };
    if (!stat.isFile()) return { ok: false, message: `is not a regular file (it is ${kindOf(stat)}); give the path of a saved workbook` };
    if (stat.size > limit) {
      return { ok: false, message: `is ${sizeText(stat.size)}, more than the ${sizeText(limit)} a file read here may have` };
    }
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = fsSync.readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, bytes: at === bytes.length ? bytes : bytes.subarray(0, at) };
  } catch (e) {
    return { ok: false, message: openError(e) };
  } finally {
    fsSync.closeSync(fd);
  }
}

export async function readBytes(file: string): Promise<ReadBytes> {
  return readInputFile(file);
}

function openError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ELOOP") return "is a link that leads to itself";
  return (e as Error).message.split("\n")[0];
}

function kindOf(stat: fsSync.Stats): string {
  if (stat.isFIFO()) return "a pipe (FIFO)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return "not a file";
}

export function sizeText(n: number): string {
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(1)} GB`;
  if (n >= 2 ** 20) return `${Math.round(n / 2 ** 20)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

/** .xlsx files under the given files and folders (folders recursively; Excel's "~$" lock files skipped), sorted. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      out.push(input); // reported as unreadable by the reader, with its reason
      continue;
    }
    if (!stat.isDirectory()) {
      out.push(input);
      continue;
    }
    out.push(...(await walk(input)));
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await walk(p)));
    else if (e.isFile() && e.name.toLowerCase().endsWith(".xlsx") && !e.name.startsWith("~$")) files.push(p);
  }
  return files;
}

/** Writes through a temporary file and a rename, so a reader never sees half a workbook. */
export async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
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
