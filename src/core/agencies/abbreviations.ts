/**
 * Abbreviations defined by use (issue 11): when one table writes "Cục Du lịch Quốc gia Việt Nam" and, elsewhere,
 * "Cục DLQGVN", the two are one body — the abbreviation is the initials of the words after the shared head word.
 * The abbreviation then takes the full name and is not an unknown agency.
 */
import { agencyKey } from "./directory";
import { foldKey } from "../sheet/text";
import { AgencyPart } from "./split";

const CAPS_TOKEN = /^\p{Lu}{3,}$/u;

interface Named {
  name: string;
  known: boolean;
}

/** "Cục DLQGVN" → { head: "cuc", initials: "dlqgvn" }; null for a part with no all-capital token at its end. */
function abbreviated(part: AgencyPart): { head: string; initials: string } | null {
  const words = part.text.split(/\s+/);
  const last = words[words.length - 1];
  if (words.length < 2 || !CAPS_TOKEN.test(last)) return null;
  // The letters as written: the key would spell out an abbreviation it knows ("CNTT" → "cong nghe thong tin").
  return { head: agencyKey(words.slice(0, -1).join(" ")), initials: foldKey(last) };
}

/** Replaces, in every task, the abbreviations whose full name the same table writes out. */
export function resolveAbbreviations(tasks: ReadonlyArray<{ leads: AgencyPart[]; coordinating: AgencyPart[] }>): void {
  // Most tables have no abbreviation to resolve: find one before collecting every name.
  const unknown = new Map<string, AgencyPart>();
  for (const t of tasks) {
    for (const p of t.leads) if (!p.known && p.kind === "agency" && abbreviated(p)) unknown.set(p.text, p);
    for (const p of t.coordinating) if (!p.known && p.kind === "agency" && abbreviated(p)) unknown.set(p.text, p);
  }
  if (unknown.size === 0) return;
  const names = new Map<string, Named>();
  for (const t of tasks) {
    for (const p of t.leads) if (p.kind === "agency") names.set(p.name, { name: p.name, known: p.known });
    for (const p of t.coordinating) if (p.kind === "agency") names.set(p.name, { name: p.name, known: p.known });
  }
  const resolved = new Map<string, AgencyPart>();
  for (const [text, part] of unknown) {
    const abbr = abbreviated(part);
    if (!abbr) continue;
    for (const other of names.values()) {
      // Only a name written out in full defines an abbreviation: not the abbreviation itself, whose key may spell
      // out the letters ("Phòng CNTT" → "phong cong nghe thong tin").
      if (CAPS_TOKEN.test(other.name.slice(other.name.lastIndexOf(" ") + 1))) continue;
      const words = agencyKey(other.name).split(" ");
      const head = abbr.head.split(" ");
      if (words.length <= head.length || !head.every((w, i) => words[i] === w)) continue;
      const initials = words
        .slice(head.length)
        .map((w) => w[0])
        .join("");
      if (initials !== abbr.initials) continue;
      resolved.set(text, { ...part, name: other.name, known: true, suggestions: [] });
      break;
    }
  }
  if (resolved.size === 0) return;
  const swap = (parts: AgencyPart[]) => (parts.some((p) => resolved.has(p.text)) ? parts.map((p) => resolved.get(p.text) ?? p) : parts);
  for (const t of tasks) {
    t.leads = swap(t.leads);
    t.coordinating = swap(t.coordinating);
  }
}
