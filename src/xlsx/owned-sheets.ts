/**
 * The product's own sheets inside a user's workbook, as the file carries them: a worksheet custom property
 * (ECMA-376 18.3.1.22 `customPr`: a name in the sheet's XML, the value in a binary part the sheet's relationships
 * point at). Excel saves the add-in's Worksheet.customProperties this way, and `check --add-pickers` writes the same,
 * so the readers pass the agency list by (it is a column of names, no table to check or merge).
 */
import { AGENCY_LIST_MARK } from "../core/agencies/pickers";
import { OWNED_SHEET_MARK } from "../core/settings/keys";
import { decodeXml } from "./xml-scanner";
import { ZipArchive } from "./zip";

export const CUSTOM_PROPERTY_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customProperty";
export const CUSTOM_PROPERTY_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.customProperty";

const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*)>/g;
const CUSTOM_PR = /<(?:\w+:)?customPr\b([^>]*)>/g;

export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** The relationships part of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"). */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target as a part path, relative to the folder of the part that holds it. */
export function resolveTarget(part: string, target: string): string {
  const parts = target.startsWith("/") ? [] : part.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

/** The relationships of a part: id → type and resolved target (external ones left out). */
export function partRelationships(zip: ZipArchive, part: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  const bytes = zip.read(relsPathOf(part));
  if (!bytes) return out;
  for (const m of new TextDecoder().decode(bytes).matchAll(RELATIONSHIP)) {
    const a = attributes(m[1]);
    const id = a.get("Id");
    const target = a.get("Target");
    if (id === undefined || target === undefined || a.get("TargetMode") === "External") continue;
    out.set(id, { type: a.get("Type") ?? "", target: resolveTarget(part, target) });
  }
  return out;
}

/** A custom property's value: Excel writes the text as UTF-16LE; UTF-8 is read too. */
export function propertyText(bytes: Uint8Array): string {
  const utf16 = bytes.length >= 2 && bytes.length % 2 === 0 && bytes[1] === 0;
  return new TextDecoder(utf16 ? "utf-16le" : "utf-8")
    .decode(bytes)
    .replace(/\u0000/g, "")
    .trim();
}

/**
 * Whether the worksheet part is the product's agency list. Only a sheet whose relationships include a custom property
 * has its XML looked at, so an ordinary workbook costs one small read per sheet.
 */
export function isAgencyListPart(zip: ZipArchive, part: string, sheetXml?: string): boolean {
  const rels = partRelationships(zip, part);
  if (![...rels.values()].some((r) => r.type === CUSTOM_PROPERTY_TYPE)) return false;
  const xml = sheetXml ?? new TextDecoder().decode(zip.read(part) ?? new Uint8Array(0));
  for (const m of xml.matchAll(CUSTOM_PR)) {
    const a = attributes(m[1]);
    if (a.get("name") !== OWNED_SHEET_MARK) continue;
    const id = [...a.entries()].find(([k]) => k.endsWith(":id"))?.[1];
    const rel = id === undefined ? undefined : rels.get(id);
    const value = rel ? zip.read(rel.target) : null;
    if (value && propertyText(value) === AGENCY_LIST_MARK) return true;
  }
  return false;
}
