/**
 * Why an imported directory cannot be used, in the pane's language: zod's English messages never reach a Vietnamese
 * screen; the path and kind of each problem are said in words (core/settings/file-problems).
 */
import { readDirectoryJson } from "../core/agencies/directory-file";
import type { DirectoryData } from "../core/agencies/directory";
import type { Lang } from "../core/issues/catalogue";
import { fileRefusalText } from "../core/settings/file-problems";

/** A directory file read and validated, or why not, in `lang`. */
export function readDirectoryFile(text: string, lang: Lang): { ok: true; data: DirectoryData } | { ok: false; error: string } {
  const read = readDirectoryJson(text);
  return read.ok ? read : { ok: false, error: fileRefusalText(read.refusal, lang) };
}
