/**
 * A directory file a person gives (imported in the pane, `--directory FILE` on the command line): validated, and
 * when refused, refused as data (settings/file-problems) that each reader says in its user's language.
 */
import { agencyKey, DirectoryData, DirectorySchema } from "./directory";
import { readJsonFile } from "../settings/file-problems";
import type { FileRefusal } from "../settings/file-problems";

export function readDirectoryJson(text: string): { ok: true; data: DirectoryData } | { ok: false; refusal: FileRefusal } {
  const read = readJsonFile(text, DirectorySchema);
  if (!read.ok) return read;
  const clash = directoryClash(read.data);
  return clash ? { ok: false, refusal: clash } : read;
}

function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out === "" ? "(the whole file)" : out;
}

/** Reads a directory shared as JSON. Never throws: a bad file gives a message naming the bad field. */
export function parseDirectoryJson(text: string): { ok: true; data: DirectoryData } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = DirectorySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : "";
    return { ok: false, error: `${pathText(issue.path)}: ${issue.message}${more}` };
  }
  const clash = directoryClash(parsed.data);
  if (clash) return { ok: false, error: clashMessage(clash) };
  return { ok: true, data: parsed.data };
}

/** Two entries that one written name would both match make lookups ambiguous: the second one, as data. */
export type DirectoryClash =
  | { kind: "clash"; agency: number; alias: number | null; name: string; other: string; otherAgency: number }
  | { kind: "no-letters"; agency: number; alias: number };

export function directoryClash(data: DirectoryData): DirectoryClash | undefined {
  const owner = new Map<string, number>();
  for (let i = 0; i < data.agencies.length; i++) {
    const entry = data.agencies[i];
    const written = [entry.name, ...entry.aliases];
    for (let j = 0; j < written.length; j++) {
      const key = agencyKey(written[j]);
      if (key === "") {
        if (j > 0) return { kind: "no-letters", agency: i, alias: j - 1 };
        continue;
      }
      const first = owner.get(key);
      if (first !== undefined && first !== i)
        return {
          kind: "clash",
          agency: i,
          alias: j === 0 ? null : j - 1,
          name: written[j],
          other: data.agencies[first].name,
          otherAgency: first,
        };
      owner.set(key, i);
    }
  }
  return undefined;
}

/** The clash as a developer reads it, by the JSON path (the CLI and the pane say it in words: settings/file-problems). */
function clashMessage(c: DirectoryClash): string {
  if (c.kind === "no-letters") return `agencies[${c.agency}].aliases[${c.alias}]: the alias has no letters`;
  const field = c.alias === null ? "name" : `aliases[${c.alias}]`;
  return `agencies[${c.agency}].${field}: “${c.name}” already names “${c.other}” (agencies[${c.otherAgency}])`;
}
