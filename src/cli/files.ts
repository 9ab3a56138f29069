/**
 * Files on disk for the command line: reading inputs, expanding folders, writing outputs whole or not at all.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { isInputName } from "./read-input";

export async function readBytes(file: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, message: "is a folder, not a file" };
    return { ok: true, bytes: new Uint8Array(await fs.readFile(file)) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { ok: false, message: "no such file" };
    if (code === "EACCES" || code === "EPERM") return { ok: false, message: "permission denied" };
    return { ok: false, message: (e as Error).message };
  }
}

/**
 * .xlsx and .docx (and old .doc, to be named with their reason) files under the given files and folders: folders
 * recursively, the "~$" lock files of Excel and Word skipped, sorted.
 */
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
    else if (e.isFile() && isInputName(e.name)) files.push(p);
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
