/**
 * Writing the zip container of .xlsx files: whole entries, and entries streamed in pieces (see ZipWriter). Kept
 * apart from the reader in zip.ts, which re-exports what is written here.
 */

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

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;

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

/** The parts as one array, in order. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
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
