/**
 * Provincial bodies of different provinces kept apart (issue 11). A provincial plan names its own province's
 * departments, with the province written or not ("Sở Tư pháp", "Sở Tư pháp tỉnh An Giang"): they are one body,
 * read as the directory's "Sở Tư pháp". A national or merged table names departments of several provinces
 * ("Sở Tư pháp tỉnh An Giang", "Sở Tư pháp tỉnh Kiên Giang"): they are as many bodies, each named with its
 * province. The People's Committees of named provinces are bodies of their own already (national-directory.ts).
 */
import { AgencyPart } from "../../agencies/split";
import { isProvinceName } from "../../agencies/national-directory";

/** "… tỉnh An Giang", "… thành phố Hà Nội", "… TP. Hồ Chí Minh" at the end of a part as written. */
const NAMED_PROVINCE = /\s(tỉnh|thành phố|TP\.?)\s+(\p{Lu}[\p{L}\s-]*?)\s*$/u;

/** The province a known body's text names after its name ("tỉnh An Giang"), or null. */
export function namedProvince(part: AgencyPart): string | null {
  if (!part.known || part.kind !== "agency") return null;
  const m = NAMED_PROVINCE.exec(part.text);
  if (!m || !isProvinceName(m[2]) || part.name.includes(m[2])) return null;
  const level = m[1].toLowerCase().startsWith("t") && m[1] !== "tỉnh" ? "thành phố" : m[1].toLowerCase();
  return `${level} ${m[2]}`;
}

/**
 * When the parts of a table name bodies of two provinces or more, each body so named keeps its province in its
 * name; otherwise the parts are left as they are (the tasks' parts are replaced, renamed where needed).
 */
export function keepProvincesApart<T extends { leads: AgencyPart[]; coordinating: AgencyPart[] }>(tasks: T[]): void {
  const provinces = new Set<string>();
  for (const t of tasks)
    for (const p of [...t.leads, ...t.coordinating]) {
      const named = namedProvince(p);
      if (named) provinces.add(named.replace(/^(tỉnh|thành phố) /, ""));
    }
  if (provinces.size < 2) return;
  const rename = (parts: AgencyPart[]) =>
    parts.map((p) => {
      const named = namedProvince(p);
      return named ? { ...p, name: `${p.name.replace(/\s+(tỉnh|thành phố)$/u, "")} ${named}` } : p;
    });
  for (const t of tasks) {
    t.leads = rename(t.leads);
    t.coordinating = rename(t.coordinating);
  }
}
