/**
 * The zip container of .xlsx files, just as far as workbooks need it: reading the entries of a (non-zip64,
 * unencrypted) archive and writing one. Compression is passed in, so the same code runs on Node's native zlib on the
 * command line and stays free of Node imports for the browser bundle.
 */

/** Raw DEFLATE (no zlib header), as zip entries hold it. */
export type RawInflate = (data: Uint8Array) => Uint8Array;
export type RawDeflate = (data: Uint8Array) => Uint8Array;

/** How entries are compressed when written: deflate, and a native CRC-32 when there is one. */
export interface ZipCodec {
  deflateRaw: RawDeflate;
  crc32?: (data: Uint8Array) => number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** The entry's bytes, or null when it is absent or stored in a way this reader does not handle. */
  read(name: string): Uint8Array | null;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

const utf8 = new TextDecoder("utf-8");

/** The archive's directory; null when the bytes are not a zip this reader handles (the caller then falls back). */
export function openZip(bytes: Uint8Array, inflateRaw: RawInflate): ZipArchive | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  const dirSize = u32(bytes, eocd + 12);
  const dirOffset = u32(bytes, eocd + 16);
  // Zip64 archives mark their real figures with all-ones; workbooks that large are left to the fallback reader.
  if (count === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > bytes.length) return null;

  const entries = new Map<string, ZipEntry>();
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return null;
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    if (flags & 1) return null; // encrypted entry
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name.replace(/\\/g, "/"), { name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }

  const read = (name: string): Uint8Array | null => {
    const e = entries.get(name);
    if (!e) return null;
    const h = e.localOffset;
    if (h + 30 > bytes.length || u32(bytes, h) !== LOCAL) return null;
    const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) return null;
    const data = bytes.subarray(start, end);
    if (e.method === 0) return data;
    if (e.method === 8) return inflateRaw(data);
    return null;
  };
  return { entries, read };
}

// ---------------------------------------------------------------------------------------------------------
// Writing

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A zip of the given files, deflated, with UTF-8 names, in the given order. */
export function writeZip(files: ReadonlyArray<{ name: string; data: Uint8Array }>, codec: ZipCodec, date = new Date()): Uint8Array {
  const checksum = codec.crc32 ?? crc32;
  const dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
  const dosDate = ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = encoder.encode(f.name);
    const deflated = codec.deflateRaw(f.data);
    // Tiny parts can grow when deflated; store those as they are.
    const stored = deflated.length >= f.data.length;
    const body = stored ? f.data : deflated;
    const crc = checksum(f.data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // names are UTF-8
    lv.setUint16(8, stored ? 0 : 8, true);
    lv.setUint16(10, dosTime, true);
    lv.setUint16(12, dosDate, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, f.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    parts.push(local, body);

    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, stored ? 0 : 8, true);
    cv.setUint16(12, dosTime, true);
    cv.setUint16(14, dosDate, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, f.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    entry.set(name, 46);
    central.push(entry);
    offset += local.length + body.length;
  }
  const dirSize = central.reduce((n, e) => n + e.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, EOCD, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);

  const out = new Uint8Array(offset + dirSize + 22);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
