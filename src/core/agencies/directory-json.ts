/**
 * Directories shared as JSON: read with a message that names the bad field, never a throw, and refused when two
 * entries claim one written name; written back pretty-printed.
 */
import { agencyKey } from "./agency-keys";
import { DirectoryData, DirectorySchema } from "./directory-schema";

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
  const clash = firstClash(parsed.data);
  if (clash) return { ok: false, error: clash };
  return { ok: true, data: parsed.data };
}

/** Two entries that one written name would both match make lookups ambiguous: name the second one. */
function firstClash(data: DirectoryData): string | undefined {
  const owner = new Map<string, number>();
  for (let i = 0; i < data.agencies.length; i++) {
    const entry = data.agencies[i];
    const written = [entry.name, ...entry.aliases];
    for (let j = 0; j < written.length; j++) {
      const key = agencyKey(written[j]);
      if (key === "") {
        if (j > 0) return `agencies[${i}].aliases[${j - 1}]: the alias has no letters`;
        continue;
      }
      const first = owner.get(key);
      if (first !== undefined && first !== i) {
        const field = j === 0 ? "name" : `aliases[${j - 1}]`;
        return `agencies[${i}].${field}: “${written[j]}” already names “${data.agencies[first].name}” (agencies[${first}])`;
      }
      owner.set(key, i);
    }
  }
  return undefined;
}

export function directoryToJson(data: DirectoryData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
