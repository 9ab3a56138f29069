/**
 * The zip container of .xlsx files, just as far as workbooks need it: reading the entries of an archive (zip64
 * included, encrypted entries refused) within limits, and writing one. Compression is passed in, so the same code runs
 * on Node's native zlib on the command line and stays free of Node imports for the browser bundle.
 *
 * Reading is hostile-proof by construction: the directory is checked against the file before any entry is inflated,
 * no entry may declare or inflate to more than a part may hold, the parts read together may not exceed a total, and
 * an entry that inflates to another size or checksum than it declares is damage, not data.
 */

export { crc32, writeZip, ZipWriter } from "./zip-writer";
export type { RawDeflate, ZipCodec } from "./zip-writer";
import { byteSize, ReadDetail, readDetailText } from "./read-failure-text";
import type { EntryProblem } from "./read-failure-text";

/**
 * Raw DEFLATE (no zlib header), as zip entries hold it. `maxOutput` is the most it may produce: an inflater that can
 * stop there (zlib's maxOutputLength) must, so a bomb costs the limit, never the bomb.
 */

export type RawInflate = (data: Uint8Array, maxOutput?: number) => Uint8Array;

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

/** Why an archive cannot be read; `detail` names the entry and the figures (read-failure-text.ts says it). */
export type ZipFailure =
  { kind: "not-zip" } | { kind: "encrypted" } | { kind: "too-large"; detail: ReadDetail } | { kind: "damaged"; detail: ReadDetail };

/** An entry could not be read: damaged, over a limit, or compressed in a way this reader does not handle. */
export class ZipEntryError extends Error {
  constructor(readonly failure: Extract<ZipFailure, { kind: "too-large" | "damaged" }>) {
    super(readDetailText(failure.detail, "en"));
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

export { byteSize };

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
    if (locator < 0 || u32(bytes, locator) !== EOCD64_LOCATOR) return { kind: "damaged", detail: { kind: "zip64-end-missing" } };
    const at = u64(bytes, locator + 8);
    if (!(at + 56 <= locator) || u32(bytes, at) !== EOCD64) return { kind: "damaged", detail: { kind: "zip64-end-damaged" } };
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
        detail: { kind: "too-many-entries", count, limit: limits.entries },
      },
    };
  }
  if (!(dirOffset + dirSize <= bytes.length) || dirSize < count * 46) {
    return { ok: false, failure: { kind: "damaged", detail: { kind: "directory-outside" } } };
  }

  const entries = new Map<string, ZipEntry>();
  let declared = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dirOffset + dirSize || u32(bytes, at) !== CENTRAL)
      return { ok: false, failure: { kind: "damaged", detail: { kind: "directory-damaged" } } };
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
      return {
        ok: false,
        failure: { kind: "damaged", detail: { kind: "entry", entry: shownName(entry.name), problem: { kind: "no-zip64-sizes" } } },
      };
    }
    if (entry.size > limits.part) {
      return {
        ok: false,
        failure: {
          kind: "too-large",
          detail: { kind: "part-too-large", entry: shownName(entry.name), size: entry.size, limit: limits.part },
        },
      };
    }
    if (!(entry.localOffset + 30 + entry.compressedSize <= bytes.length)) {
      return {
        ok: false,
        failure: { kind: "damaged", detail: { kind: "entry", entry: shownName(entry.name), problem: { kind: "past-end" } } },
      };
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
        detail: { kind: "total-too-large", size: declared, limit: limits.total },
      },
    };
  }

  let inflated = 0;
  const damaged = (name: string, problem: EntryProblem) =>
    new ZipEntryError({ kind: "damaged", detail: { kind: "entry", entry: shownName(name), problem } });
  const read = (name: string): Uint8Array | null => {
    const e = entries.get(name);
    if (!e) return null;
    const h = e.localOffset;
    if (h + 30 > bytes.length || u32(bytes, h) !== LOCAL) throw damaged(name, { kind: "no-header" });
    const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
    const end = start + e.compressedSize;
    if (end > bytes.length) throw damaged(name, { kind: "past-end" });
    const data = bytes.subarray(start, end);
    // Declared sizes were checked against the limits; what inflates is held to them too.
    if (inflated + e.size > limits.total) {
      throw new ZipEntryError({ kind: "too-large", detail: { kind: "inflated-over-total", limit: limits.total } });
    }
    let out: Uint8Array;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        out = inflateRaw(data, Math.max(1, e.size));
      } catch {
        throw damaged(name, { kind: "bad-deflate", declared: e.size });
      }
    } else throw damaged(name, { kind: "method", method: e.method });
    if (out.length !== e.size) throw damaged(name, { kind: "size-mismatch", declared: e.size, actual: out.length });
    if (options.crc32 && options.crc32(out) !== e.crc) throw damaged(name, { kind: "crc" });
    inflated += out.length;
    return out;
  };
  return { ok: true, zip: { entries, read } };
}

/** A damaged directory can hold any bytes as a name: a reason stays one short line whatever it names. */
export function shownName(name: string): string {
  const flat = name.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, "?");
  return flat.length > 80 ? `${flat.slice(0, 77)}…` : flat;
}

// ---------------------------------------------------------------------------------------------------------
// Writing
