/**
 * Editing a workbook's parts directly, for the broken files ExcelJS will not write: merges to the sheet's end,
 * a million formatted rows, a dimension that lies, XML no reader should trust.
 */
import JSZip from "jszip";

/** A part's new text, or null to take the part out of the archive. */
export type PartEdit = (xml: string) => string | null;

export interface RewriteOptions {
  /** Parts to write stored, not deflated: tens of megabytes of XML deflate slowly in JavaScript. */
  stored?: string[];
}

/** The workbook with the named parts rewritten; every other part kept as it was. */
export async function rewriteParts(bytes: Uint8Array, edits: Record<string, PartEdit>, options: RewriteOptions = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, edit] of Object.entries(edits)) {
    const part = zip.file(name);
    if (!part) throw new Error(`no part ${name} in the workbook (parts: ${Object.keys(zip.files).join(", ")})`);
    const next = edit(await part.async("string"));
    if (next === null) zip.remove(name);
    else zip.file(name, next, options.stored?.includes(name) ? { compression: "STORE" } : {});
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** The text of one part, for tests that look at what a writer put in a file. */
export async function partText(bytes: Uint8Array, name: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(name);
  return part ? part.async("string") : null;
}

/** Every worksheet part of a workbook with its XML. */
export async function worksheetParts(bytes: Uint8Array): Promise<Array<{ name: string; xml: string }>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files)
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
    .sort();
  return Promise.all(names.map(async (name) => ({ name, xml: await zip.file(name)!.async("string") })));
}

/** Sheet XML with `text` put just before the closing </sheetData> (rows beyond the written ones). */
export function beforeSheetDataEnd(xml: string, text: string): string {
  const at = xml.lastIndexOf("</sheetData>");
  if (at < 0) throw new Error("no </sheetData> in the sheet");
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Sheet XML with its <dimension> claiming `ref`. */
export function withDimension(xml: string, ref: string): string {
  if (!/<dimension\b[^>]*\/>/.test(xml)) throw new Error("no <dimension> in the sheet");
  return xml.replace(/<dimension\b[^>]*\/>/, `<dimension ref="${ref}"/>`);
}

/** Sheet XML with each merged area `from` (as ExcelJS wrote it) grown to `to`. */
export function withMergeRefs(xml: string, refs: Record<string, string>): string {
  let out = xml;
  for (const [from, to] of Object.entries(refs)) {
    const tag = `<mergeCell ref="${from}"/>`;
    if (!out.includes(tag)) throw new Error(`no merged area ${from} in the sheet`);
    out = out.replace(tag, `<mergeCell ref="${to}"/>`);
  }
  return out;
}
