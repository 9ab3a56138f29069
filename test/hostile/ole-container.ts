/**
 * A minimal OLE compound file (CFB, [MS-CFB] version 3, 512-byte sectors), built byte by byte: the container Excel
 * saves a password-protected workbook in ("EncryptedPackage" beside "EncryptionInfo"), and the one of old .xls
 * files ("Workbook"). Every stream is at least 4,096 bytes, so all of them live in regular sectors and the file
 * needs no mini stream.
 *
 * Layout: header | sector 0: the FAT | sector 1: the directory | each stream's sectors in turn.
 */

const SECTOR = 512;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
const MINI_STREAM_CUTOFF = 4096;
const ENTRY = 128;

export interface OleStream {
  name: string;
  data: Uint8Array;
}

function directoryEntry(name: string, type: 1 | 2 | 5, child: number, right: number, start: number, size: number): Uint8Array {
  const e = new Uint8Array(ENTRY);
  const v = new DataView(e.buffer);
  if (name.length > 31) throw new Error(`"${name}": a directory name has at most 31 characters`);
  for (let i = 0; i < name.length; i++) v.setUint16(i * 2, name.charCodeAt(i), true);
  v.setUint16(64, name.length === 0 ? 0 : (name.length + 1) * 2, true);
  e[66] = type;
  e[67] = 1; // black: a tree whose nodes are all black is a valid red-black tree
  v.setUint32(68, NOSTREAM, true); // left sibling
  v.setUint32(72, right, true);
  v.setUint32(76, child, true);
  v.setUint32(116, start, true);
  v.setUint32(120, size, true); // the high half of the 64-bit size stays 0
  return e;
}

function emptyEntry(): Uint8Array {
  const e = new Uint8Array(ENTRY);
  const v = new DataView(e.buffer);
  v.setUint32(68, NOSTREAM, true);
  v.setUint32(72, NOSTREAM, true);
  v.setUint32(76, NOSTREAM, true);
  return e;
}

/** A compound file holding the given streams under its root storage. */
export function oleContainer(streams: readonly OleStream[]): Uint8Array {
  if (streams.length === 0 || streams.length > 3) throw new Error("one to three streams fit in one directory sector");
  for (const s of streams)
    if (s.data.length < MINI_STREAM_CUTOFF) throw new Error(`${s.name}: streams under 4,096 bytes need a mini stream`);
  const sectorsOf = (n: number) => Math.ceil(n / SECTOR);
  const streamSectors = streams.reduce((n, s) => n + sectorsOf(s.data.length), 0);
  const total = 2 + streamSectors;
  if (total > SECTOR / 4) throw new Error("the streams do not fit in one FAT sector");

  // The FAT: sector 0 is the FAT itself, sector 1 the directory (one sector), then each stream's chain.
  const fat = new Uint32Array(SECTOR / 4).fill(FREESECT);
  fat[0] = FATSECT;
  fat[1] = ENDOFCHAIN;
  const starts: number[] = [];
  let next = 2;
  for (const s of streams) {
    const n = sectorsOf(s.data.length);
    starts.push(next);
    for (let i = 0; i < n; i++) fat[next + i] = i === n - 1 ? ENDOFCHAIN : next + i + 1;
    next += n;
  }

  const header = new Uint8Array(SECTOR);
  const hv = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  hv.setUint16(24, 0x003e, true); // minor version
  hv.setUint16(26, 0x0003, true); // major version 3: 512-byte sectors
  hv.setUint16(28, 0xfffe, true); // byte order: little-endian
  hv.setUint16(30, 9, true); // sector shift: 2^9
  hv.setUint16(32, 6, true); // mini sector shift: 2^6
  hv.setUint32(40, 0, true); // directory sectors (always 0 in version 3)
  hv.setUint32(44, 1, true); // FAT sectors
  hv.setUint32(48, 1, true); // first directory sector
  hv.setUint32(56, MINI_STREAM_CUTOFF, true);
  hv.setUint32(60, ENDOFCHAIN, true); // first mini FAT sector: none
  hv.setUint32(64, 0, true);
  hv.setUint32(68, ENDOFCHAIN, true); // first DIFAT sector: none
  hv.setUint32(72, 0, true);
  for (let i = 0; i < 109; i++) hv.setUint32(76 + i * 4, i === 0 ? 0 : FREESECT, true);

  // The directory: the root, then the streams as a chain of right siblings under it.
  const dir = new Uint8Array(SECTOR);
  dir.set(directoryEntry("Root Entry", 5, 1, NOSTREAM, ENDOFCHAIN, 0), 0);
  streams.forEach((s, i) =>
    dir.set(directoryEntry(s.name, 2, NOSTREAM, i + 1 < streams.length ? i + 2 : NOSTREAM, starts[i], s.data.length), (i + 1) * ENTRY),
  );
  for (let i = streams.length + 1; i < SECTOR / ENTRY; i++) dir.set(emptyEntry(), i * ENTRY);

  const out = new Uint8Array(SECTOR * (1 + total));
  out.set(header, 0);
  out.set(new Uint8Array(fat.buffer), SECTOR);
  out.set(dir, SECTOR * 2);
  streams.forEach((s, i) => out.set(s.data, SECTOR * (1 + starts[i])));
  return out;
}

/** The stream names of a compound file, read back through its FAT and directory chain (to test the builder). */
export function oleStreamNames(bytes: Uint8Array): Array<{ name: string; size: number; first8: number[] }> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sectorAt = (n: number) => SECTOR * (1 + n);
  const fatSector = v.getUint32(76, true);
  const fatEntry = (n: number) => v.getUint32(sectorAt(fatSector) + n * 4, true);
  const out: Array<{ name: string; size: number; first8: number[] }> = [];
  for (let s = v.getUint32(48, true); s !== ENDOFCHAIN; s = fatEntry(s)) {
    for (let i = 0; i < SECTOR / ENTRY; i++) {
      const at = sectorAt(s) + i * ENTRY;
      if (bytes[at + 66] !== 2) continue;
      const length = v.getUint16(at + 64, true) / 2 - 1;
      let name = "";
      for (let c = 0; c < length; c++) name += String.fromCharCode(v.getUint16(at + c * 2, true));
      const start = v.getUint32(at + 116, true);
      out.push({ name, size: v.getUint32(at + 120, true), first8: [...bytes.subarray(sectorAt(start), sectorAt(start) + 8)] });
    }
  }
  return out;
}

/** What Excel saves for a workbook with a password to open: its package encrypted, in a compound file. */
export function encryptedWorkbook(): Uint8Array {
  const info = new Uint8Array(MINI_STREAM_CUTOFF);
  new DataView(info.buffer).setUint32(0, 0x00040004, true); // agile encryption, version 4.4, then its XML descriptor
  info.set(new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption/>'), 8);
  const pkg = new Uint8Array(MINI_STREAM_CUTOFF + SECTOR);
  new DataView(pkg.buffer).setUint32(0, 12_345, true); // the plaintext package's size, then ciphertext
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 167 + 13) & 0xff;
  return oleContainer([
    { name: "EncryptionInfo", data: info },
    { name: "EncryptedPackage", data: pkg },
  ]);
}

/** The container of an old Excel 97-2003 workbook: a "Workbook" stream of BIFF8 records. */
export function legacyXlsWorkbook(): Uint8Array {
  const biff = new Uint8Array(MINI_STREAM_CUTOFF);
  biff.set([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00], 0); // BOF record: BIFF8, workbook globals
  return oleContainer([{ name: "Workbook", data: biff }]);
}
