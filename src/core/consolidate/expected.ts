/**
 * Submission tracking (SPEC 7): the list of agencies expected to reply, and who of them has sent nothing.
 */
import { AgencyDirectory, buildDirectory, DirectoryData } from "../agencies/directory";
import { foldKey, normalizeText } from "../sheet/text";
import type { Consolidation, ConsolidatedTable, FileSummary } from "./consolidation";

const LIST_MARK = /^(?:[-–—•*+·]|\d{1,3}[.)])\s*/;

/** The agencies of an expected-replies list: one per line; blank lines, "#" comments and list marks ignored. */
export function parseExpectedAgencies(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r\n?|\n/)) {
    const line = normalizeText(raw).replace(LIST_MARK, "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const key = foldKey(line);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}

/**
 * The directory plus the expected agencies it does not know ("UBND huyện An Lão"), so file names and titles can be
 * matched against the expected list with the same folding as any agency name.
 */
export function withExpected(directory: AgencyDirectory, expected: readonly string[]): { directory: AgencyDirectory; names: string[] } {
  const added: DirectoryData["agencies"] = [];
  const names: string[] = [];
  for (const written of expected) {
    const known = directory.find(written);
    if (known) {
      if (!names.includes(known.name)) names.push(known.name);
      continue;
    }
    if (!names.includes(written)) names.push(written);
    added.push({ name: written, aliases: [], kind: "agency" });
  }
  if (added.length === 0) return { directory, names };
  return { directory: buildDirectory({ ...directory.data, agencies: [...directory.data.agencies, ...added] }), names };
}

/** The expected list as matched against the files read (each agency with its files), and who sent nothing. */
export function expectedReplies(
  names: readonly string[],
  tables: readonly ConsolidatedTable[],
  perFile: readonly FileSummary[],
): { expected: NonNullable<Consolidation["expected"]>; missingAgencies: string[] } {
  const filesOf = new Map<string, string[]>();
  const tableAgencies = new Map<string, Set<string>>();
  for (const t of tables) {
    if (!t.sourceAgency) continue;
    let set = tableAgencies.get(t.file);
    if (!set) tableAgencies.set(t.file, (set = new Set()));
    set.add(t.sourceAgency);
  }
  for (const f of perFile) {
    const agencies = new Set<string>();
    if (f.sourceAgency) agencies.add(f.sourceAgency);
    for (const a of tableAgencies.get(f.file) ?? []) agencies.add(a);
    for (const a of agencies) {
      const list = filesOf.get(a);
      if (list) list.push(f.file);
      else filesOf.set(a, [f.file]);
    }
  }
  const expected = names.map((name) => ({ name, files: filesOf.get(name) ?? [] }));
  // A file that could not be read has not been received: its agency is still missing (the file stays listed).
  const unreadable = new Set(perFile.filter((f) => f.status === "unreadable").map((f) => f.file));
  const missingAgencies = expected.filter((e) => e.files.every((f) => unreadable.has(f))).map((e) => e.name);
  return { expected, missingAgencies };
}
