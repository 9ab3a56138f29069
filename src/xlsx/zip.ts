/**
 * The zip container of .xlsx files, just as far as workbooks need it: reading the entries of an archive (zip64
 * included, encrypted entries refused) within limits, and writing one. Compression is passed in, so the same code runs
 * on Node's native zlib on the command line and stays free of Node imports for the browser bundle.
 *
 * Reading is hostile-proof by construction: the directory is checked against the file before any entry is inflated,
 * no entry may declare or inflate to more than a part may hold, the parts read together may not exceed a total, and
 * an entry that inflates to another size or checksum than it declares is damage, not data.
 */

/**
 * Raw DEFLATE (no zlib header), as zip entries hold it. `maxOutput` is the most it may produce: an inflater that can
 * stop there (zlib's maxOutputLength) must, so a bomb costs the limit, never the bomb.
 */
export type RawInflate = (data: Uint8Array, maxOutput?: number) => Uint8Array;
export type RawDeflate = (data: Uint8Array) => Uint8Array;

/** How entries are compressed when written: deflate, and a native CRC-32 when there is one. */
export interface ZipCodec {
  deflateRaw: RawDeflate;
  /** CRC-32 of `data`, continuing from `previous` (the checksum of what came before) when given. */
  crc32?: (data: Uint8Array, previous?: number) => number;
  /**
   * One piece of a streamed entry as raw deflate: flushed to a byte boundary, not final, and independent of the pieces
   * before it (a fresh compressor, Z_FULL_FLUSH); the last piece ends the stream (Z_FINISH).
   */
  deflateRawPiece?: (data: Uint8Array, last: boolean) => Uint8Array;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** What an archive may hold before it is refused: far above any real workbook, far below what exhausts memory. */
export interface ZipLimits {
  /** Entries in the directory (a workbook of 200 sheets has about 450). */
  entries: number;
  /** Bytes one entry may inflate to (a 100,000-task sheet is about 40 MB). */
  part: number;
  /** Bytes all entries together may inflate to. */
  total: number;
}

export const ZIP_LIMITS: ZipLimits = { entries: 20_000, part: 160 * 2 ** 20, total: 320 * 2 ** 20 };

/** Why an archive cannot be read; `detail` names the entry and the figures. */
export type ZipFailure =
  { kind: "not-zip" } | { kind: "encrypted" } | { kind: "too-large"; detail: string } | { kind: "damaged"; detail: string };

/** An entry could not be read: damaged, over a limit, or compressed in a way this reader does not handle. */
export class ZipEntryError extends Error {
  constructor(readonly failure: Extract<ZipFailure, { kind: "too-large" | "damaged" }>) {
    super(failure.detail);
  }
}

export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /**
   * The entry's bytes, or null when it is absent. Throws ZipEntryError when it is damaged (size or CRC-32 not as
   * declared), over a limit, or stored with a method other than store/deflate.
   */
  read(name: string): Uint8Array | null;
}

export type ZipOpen = { ok: true; zip: ZipArchive } | { ok: false; failure: ZipFailure };

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
/** A 64-bit little-endian figure; anything past 2^53 is beyond every limit anyway, and reads as Infinity. */
function u64(b: Uint8Array, at: number): number {
  const high = u32(b, at + 4);
  return high >= 0x200000 ? Infinity : high * 2 ** 32 + u32(b, at);
}

const utf8 = new TextDecoder("utf-8");

/** A size for a person: "5.0 GB", "740 KB". */
export function byteSize(n: number): string {
  if (!Number.isFinite(n)) return "more than 9 PB";
  if (n >= 2 ** 30) return `${(n / 2 ** 30).toFixed(1)} GB`;
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(1)} MB`;
  return `${Math.ceil(n / 1024)} KB`;
}

function findEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) if (u32(bytes, i) === EOCD) return i;
  return -1;
}

/** The directory's place and size, from the end record or, when it says so, the zip64 end record. */
function directoryBounds(bytes: Uint8Array, eocd: number): { count: number; size: number; offset: number } | ZipFailure {
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== EOCD64_LOCATOR) return { kind: "damaged", detail: "its zip64 end record is missing" };
    const at = u64(bytes, locator + 8);
    if (!(at + 56 <= locator) || u32(bytes, at) !== EOCD64) return { kind: "damaged", detail: "its zip64 end record is damaged" };
    count = u64(bytes, at + 32);
    size = u64(bytes, at + 40);
    offset = u64(bytes, at + 48);
  }
  return { count, size, offset };
}

/** Sizes and offset an entry gives as all-ones are in its zip64 extra field, in this order, each only when so marked. */
function zip64Figures(bytes: Uint8Array, extra: number, extraLength: number, e: ZipEntry): boolean {
  const needs = [e.size === 0xffffffff, e.compressedSize === 0xffffffff, e.localOffset === 0xffffffff];
  if (!needs.some(Boolean)) return true;
  for (let at = extra; at + 4 <= extra + extraLength;) {
    const id = u16(bytes, at);
    const len = u16(bytes, at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const take = (): number => {
        if (p + 8 > at + 4 + len) return NaN;
        const v = u64(bytes, p);
        p += 8;
        return v;
      };
      if (needs[0]) e.size = take();
      if (needs[1]) e.compressedSize = take();
      if (needs[2]) e.localOffset = take();
      return !Number.isNaN(e.size) && !Number.isNaN(e.compressedSize) && !Number.isNaN(e.localOffset);
    }
    at += 4 + len;
  }
  return false;
}

/**
 * The archive's directory, checked against the file and the limits before anything is inflated. `crc32`, when given,
 * checks every entry read against its declared checksum.
 */
export function openZip(
  bytes: Uint8Array,
  inflateRaw: RawInflate,
  options: { limits?: ZipLimits; crc32?: (data: Uint8Array) => number } = {},
): ZipOpen {
  const limits = options.limits ?? ZIP_LIMITS;
  const eocd = findEnd(bytes);
  if (eocd < 0) return { ok: false, failure: { kind: "not-zip" } };
  const bounds = directoryBounds(bytes, eocd);
  if ("kind" in bounds) return { ok: false, failure: bounds };
  const { count, size: dirSize, offset: dirOffset } = bounds;
  if (count > limits.entries) {
    return {
      ok: false,
      failure: {
        kind: "too-large",
        detail: `it lists ${count.toLocaleString("en")} entries; a workbook has at most ${limits.entries.toLocaleString("en")}`,
      },
    };
  }
  if (!(dirOffset + dirSize <= bytes.length) || dirSize < count * 46) {
    return { ok: false, failure: { kind: "damaged", detail: "its directory lies outside the file" } };
  }

  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dirOffset + dirSize || u32(bytes, at) !== CENTRAL)
      return { ok: false, failure: { kind: "damaged", detail: "its directory is damaged" } };
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/\\/g, "/"),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    if (entry.flags & 1) return { ok: false, failure: { kind: "encrypted" } };
    if (!zip64Figures(bytes, at + 46 + nameLength, extraLength, entry)) {
      return { ok: false, failure: { kind: "damaged", detail: `the entry ${shownName(entry.name)} lacks its zip64 sizes` } };
    }
    if (entry.size > limits.part) {
      return {
        ok: false,
        failure: {
          kind: "too-large",
          detail: `${shownName(entry.name)} would inflate to ${byteSize(entry.size)}; a part may hold at most ${byteSize(limits.part)}`,
        },
      };
    }
    if (!(entry.localOffset + 30 + entry.compressedSize <= bytes.length)) {
      return { ok: false, failure: { kind: "damaged", detail: `the entry ${shownName(entry.name)} runs past the end of the file` } };
    }
    declared += entry.size;
    // The first of two entries with one name is the one a reader finds; a second one is never read.
    if (!entries.has(entry.name)) entries.set(entry.name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (declared > limits.total) {
    return {
      ok: false,
      failure: {
        kind: "too-large",
        detail: `its entries would inflate to ${byteSize(declared)}; a workbook may hold at most ${byteSize(limits.total)}`,
      },
    };
  }

  let inflated = 0;
  const damaged = (name: string, what: string) => new ZipEntryError({ kind: "damaged", detail: `the entry ${shownName(name)} ${what}` });
  const read = (name: string): Uint8Array | null => {
    const e = entries.get(name);
    if (!e) return null;
    const h = e.localOffset;
    if (h + 30 > bytes.length || u32(bytes, h) !== LOCAL) throw damaged(name, "has no header");
    const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw damaged(name, "runs past the end of the file");
    const data = bytes.subarray(start, end);
    // Declared sizes were checked against the limits; what inflates is held to them too.
    if (inflated + e.size > limits.total) {
      throw new ZipEntryError({ kind: "too-large", detail: `its parts inflate to more than ${byteSize(limits.total)}` });
    }
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        out = inflateRaw(data, Math.max(1, e.size));
      } catch {
        throw damaged(name, `does not inflate to the ${byteSize(e.size)} it declares`);
      }
    } else throw damaged(name, `is compressed with method ${e.method}, which workbooks do not use`);
    if (out.length !== e.size) throw damaged(name, `inflates to ${out.length} bytes, not the ${e.size} it declares`);
    if (options.crc32 && options.crc32(out) !== e.crc) throw damaged(name, "fails its CRC-32 check");
    inflated += out.length;
    return out;
  };
  return { ok: true, zip: { entries, read } };
}

/** A damaged directory can hold any bytes as a name: a reason stays one short line whatever it names. */
export function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = name.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, "?");
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
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

export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** Parts are compressed in pieces of this size when streamed: large enough that deflate loses nothing to the cuts. */
const STREAM_PIECE = 1 << 20;

/**
 * A zip written as it goes, to whatever `sink` does with the bytes (a file, a list of chunks): whole entries, and
 * entries streamed in pieces (a consolidated sheet of a million rows is never one string or one buffer). A streamed
 * entry is deflated piece by piece, each piece flushed to a byte boundary with no reference to the ones before, which
 * concatenate into one valid deflate stream; its checksum and sizes follow it in a data descriptor, as zip allows.
 * No zip64: an entry or an archive past 4 GB is refused rather than written damaged.
 */
export class ZipWriter {
  private readonly central: Uint8Array[] = [];
  private offset = 0;
  private count = 0;
  private open = false;
  private readonly dosTime: number;
  private readonly dosDate: number;
  private readonly checksum: (data: Uint8Array, previous?: number) => number;

  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    private readonly codec: ZipCodec,
    date = new Date(),
  ) {
    this.dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2);
    this.dosDate = ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
    this.checksum = codec.crc32 ?? crc32;
  }

  private emit(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.sink(bytes);
    this.offset += bytes.length;
    if (this.offset > 0xffffffff) throw new Error("the workbook would pass 4 GB, more than a zip without zip64 holds");
  }

  private header(name: Uint8Array, flags: number, method: number, crc: number, compressed: number, size: number): Uint8Array {
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, this.dosTime, true);
    lv.setUint16(12, this.dosDate, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, compressed, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    return local;
  }

  private directoryEntry(name: Uint8Array, flags: number, method: number, crc: number, compressed: number, size: number, at: number): void {
    const entry = new Uint8Array(46 + name.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, CENTRAL, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, this.dosTime, true);
    cv.setUint16(14, this.dosDate, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, at, true);
    entry.set(name, 46);
    this.central.push(entry);
    this.count++;
  }

  /** A whole entry: deflated, or stored when deflating would make it larger (tiny parts). */
  add(name: string, data: Uint8Array): void {
    if (this.open) throw new Error(`zip: ${name} added while a streamed entry is open`);
    const encoded = new TextEncoder().encode(name);
    const deflated = this.codec.deflateRaw(data);
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = this.checksum(data);
    const at = this.offset;
    // Names are UTF-8 (flag bit 11).
    this.emit(this.header(encoded, 0x0800, stored ? 0 : 8, crc, body.length, data.length));
    this.emit(body);
    this.directoryEntry(encoded, 0x0800, stored ? 0 : 8, crc, body.length, data.length, at);
  }

  /**
   * An entry written in pieces: `write` as often as wanted, then `close`. Needs the codec's `deflateRawPiece`; without
   * it the pieces are gathered and the entry is added whole.
   */
  stream(name: string): { write(bytes: Uint8Array): void; close(): void } {
    if (this.open) throw new Error(`zip: ${name} opened while another streamed entry is open`);
    const piece = this.codec.deflateRawPiece;
    if (!piece) {
      const parts: Uint8Array[] = [];
      return { write: (b) => parts.push(b.slice()), close: () => this.add(name, concat(parts)) };
    }
    this.open = true;
    const encoded = new TextEncoder().encode(name);
    const flags = 0x0808; // UTF-8 names; sizes and checksum in a data descriptor after the data
    const at = this.offset;
    this.emit(this.header(encoded, flags, 8, 0, 0, 0));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    let pending = new Uint8Array(STREAM_PIECE);
    let used = 0;
    const flush = (last: boolean) => {
      const data = pending.subarray(0, used);
      crc = this.checksum(data, crc);
      size += used;
      const out = piece(data, last);
      compressed += out.length;
      this.emit(out);
      used = 0;
    };
    return {
      write: (bytes) => {
        let from = 0;
        while (from < bytes.length) {
          const n = Math.min(bytes.length - from, pending.length - used);
          pending.set(bytes.subarray(from, from + n), used);
          used += n;
          from += n;
          if (used === pending.length) flush(false);
        }
      },
      close: () => {
        flush(true);
        pending = new Uint8Array(0);
        if (size > 0xffffffff) throw new Error(`zip: ${name} would pass 4 GB, more than a zip without zip64 holds`);
        const descriptor = new Uint8Array(16);
        const dv = new DataView(descriptor.buffer);
        dv.setUint32(0, 0x08074b50, true);
        dv.setUint32(4, crc, true);
        dv.setUint32(8, compressed, true);
        dv.setUint32(12, size, true);
        this.emit(descriptor);
        this.directoryEntry(encoded, flags, 8, crc, compressed, size, at);
        this.open = false;
      },
    };
  }

  /** The directory and the end record; nothing may be added after. */
  finish(): void {
    if (this.open) throw new Error("zip: finished while a streamed entry is open");
    const start = this.offset;
    for (const e of this.central) this.emit(e);
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, EOCD, true);
    ev.setUint16(8, this.count, true);
    ev.setUint16(10, this.count, true);
    ev.setUint32(12, this.offset - start, true);
    ev.setUint32(16, start, true);
    this.emit(end);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A zip of the given files, deflated, with UTF-8 names, in the given order. */
export function writeZip(files: ReadonlyArray<{ name: string; data: Uint8Array }>, codec: ZipCodec, date = new Date()): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new ZipWriter((b) => parts.push(b), codec, date);
  for (const f of files) zip.add(f.name, f.data);
  zip.finish();
  return concat(parts);
}
