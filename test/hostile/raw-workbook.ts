/**
 * Workbooks written part by part and byte by byte, for what no library writes: XML with comments, CDATA and
 * single quotes, parts in UTF-16, zip entries that lie about their size or checksum, zip64 archives.
 */
import * as zlib from "zlib";
import { writeZip } from "../../src/xlsx/zip";
import { APPENDIX, Value } from "./workbooks";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const columnLetters = (col: number) => {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** One cell as XML: numbers as <v>, text inline. */
export function cellXml(ref: string, v: Value): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v))}</t></is></c>`;
}

/** Rows as <row> elements from sheet row `first`, with text inline. */
export function rowsXml(rows: readonly Value[][], first = 1): string {
  return rows
    .map((r, i) => `<row r="${first + i}">${r.map((v, j) => cellXml(`${columnLetters(j + 1)}${first + i}`, v)).join("")}</row>`)
    .join("");
}

export const sheetXml = (sheetData: string, after = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;

export interface RawParts {
  /** Sheet XML by sheet name, in order. */
  sheets: Array<{ name: string; xml: string | Uint8Array }>;
  strings?: string | Uint8Array;
  /** The workbook's <sheets> element, when it must list something else than one entry per sheet. */
  sheetList?: string;
}

/** The parts of a minimal workbook; each sheet at xl/worksheets/sheetN.xml. */
export function workbookParts(p: RawParts): Record<string, string | Uint8Array> {
  const sheets = p.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const rels = p.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const parts: Record<string, string | Uint8Array> = {
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${p.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        "",
      )}${p.strings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}</Types>`,
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${p.sheetList ?? sheets}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${
      p.strings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""
    }</Relationships>`,
  };
  p.sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml));
  if (p.strings) parts["xl/sharedStrings.xml"] = p.strings;
  return parts;
}

const codec = { deflateRaw: (d: Uint8Array) => new Uint8Array(zlib.deflateRawSync(d)), crc32: (d: Uint8Array) => zlib.crc32(d) };

/** The parts as a zip, deflated (tiny parts stored). */
export function zipOf(parts: Record<string, string | Uint8Array>): Uint8Array {
  const enc = new TextEncoder();
  return writeZip(
    Object.entries(parts).map(([name, v]) => ({ name, data: typeof v === "string" ? enc.encode(v) : v })),
    codec,
    new Date(2025, 0, 1),
  );
}

/** The clean appendix (header on row 3, four tasks), written raw; `edit` changes the sheet XML. */
export function rawAppendix(edit: (xml: string) => string = (x) => x, name = "Phụ lục"): Uint8Array {
  return zipOf(workbookParts({ sheets: [{ name, xml: edit(sheetXml(rowsXml(APPENDIX))) }] }));
}

export function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

const CENTRAL = 0x02014b50;

/** Where each entry's central and local headers are. */
function headersOf(bytes: Uint8Array, name: string): { central: number; local: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dec = new TextDecoder();
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== CENTRAL) continue;
    const n = view.getUint16(at + 28, true);
    if (dec.decode(bytes.subarray(at + 46, at + 46 + n)) === name) return { central: at, local: view.getUint32(at + 42, true) };
  }
  throw new Error(`no entry ${name}`);
}

/** A copy of the zip with one entry's declared size, CRC or compressed bytes changed in both its headers. */
export function patchEntry(zip: Uint8Array, name: string, patch: { size?: number; crc?: number; flipByte?: number }): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const { central, local } = headersOf(out, name);
  if (patch.size !== undefined) {
    view.setUint32(central + 24, patch.size, true);
    view.setUint32(local + 22, patch.size, true);
  }
  if (patch.crc !== undefined) {
    view.setUint32(central + 16, patch.crc, true);
    view.setUint32(local + 14, patch.crc, true);
  }
  if (patch.flipByte !== undefined) {
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out[start + patch.flipByte] ^= 0x01;
  }
  return out;
}

/**
 * A zip64 archive of the given entries, as writers do it for large files: every size and offset in the directory set
 * to all ones and given in a zip64 extra field, the end record pointing to a zip64 end record. `declare` overrides
 * what an entry claims to inflate to (a bomb's claim).
 */
export function zip64Of(parts: Record<string, string | Uint8Array>, declare: Record<string, number> = {}): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, v] of Object.entries(parts)) {
    const data = typeof v === "string" ? enc.encode(v) : v;
    const body = new Uint8Array(zlib.deflateRawSync(data));
    const nameBytes = enc.encode(name);
    const size = BigInt(declare[name] ?? data.length);
    const local = new DataView(new ArrayBuffer(30 + nameBytes.length + 20));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 45, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, 8, true);
    local.setUint32(14, zlib.crc32(data), true);
    local.setUint32(18, 0xffffffff, true);
    local.setUint32(22, 0xffffffff, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 20, true);
    new Uint8Array(local.buffer).set(nameBytes, 30);
    local.setUint16(30 + nameBytes.length, 1, true);
    local.setUint16(32 + nameBytes.length, 16, true);
    local.setBigUint64(34 + nameBytes.length, size, true);
    local.setBigUint64(42 + nameBytes.length, BigInt(body.length), true);
    const c = new DataView(new ArrayBuffer(46 + nameBytes.length + 28));
    c.setUint32(0, CENTRAL, true);
    c.setUint16(4, 45, true);
    c.setUint16(6, 45, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 8, true);
    c.setUint32(16, zlib.crc32(data), true);
    c.setUint32(20, 0xffffffff, true);
    c.setUint32(24, 0xffffffff, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint16(30, 28, true);
    c.setUint32(42, 0xffffffff, true);
    new Uint8Array(c.buffer).set(nameBytes, 46);
    const x = 46 + nameBytes.length;
    c.setUint16(x, 1, true);
    c.setUint16(x + 2, 24, true);
    c.setBigUint64(x + 4, size, true);
    c.setBigUint64(x + 12, BigInt(body.length), true);
    c.setBigUint64(x + 20, BigInt(offset), true);
    chunks.push(new Uint8Array(local.buffer), body);
    central.push(new Uint8Array(c.buffer));
    offset += local.byteLength + body.length;
  }
  const dirSize = central.reduce((n, e) => n + e.length, 0);
  const end64 = new DataView(new ArrayBuffer(56 + 20 + 22));
  end64.setUint32(0, 0x06064b50, true);
  end64.setBigUint64(4, 44n, true);
  end64.setUint16(12, 45, true);
  end64.setUint16(14, 45, true);
  end64.setBigUint64(24, BigInt(central.length), true);
  end64.setBigUint64(32, BigInt(central.length), true);
  end64.setBigUint64(40, BigInt(dirSize), true);
  end64.setBigUint64(48, BigInt(offset), true);
  end64.setUint32(56, 0x07064b50, true);
  end64.setBigUint64(64, BigInt(offset + dirSize), true);
  end64.setUint32(72, 1, true);
  end64.setUint32(76, 0x06054b50, true);
  end64.setUint16(84, 0xffff, true);
  end64.setUint16(86, 0xffff, true);
  end64.setUint32(88, 0xffffffff, true);
  end64.setUint32(92, 0xffffffff, true);
  const parts2 = [...chunks, ...central, new Uint8Array(end64.buffer)];
  const out = new Uint8Array(parts2.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts2) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A zip of `count` tiny entries besides the workbook's own parts (a directory bomb). */
export function manyEntries(parts: Record<string, string | Uint8Array>, count: number): Uint8Array {
  const all: Record<string, string | Uint8Array> = { ...parts };
  const tiny = new Uint8Array(0);
  for (let i = 0; i < count; i++) all[`xl/media/e${i}.bin`] = tiny;
  return zipOf(all);
}
