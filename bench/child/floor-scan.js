"use strict";
/**
 * The physical floor of reading a workbook's table: find the sheet and shared-string parts in the zip directory,
 * inflate them with zlib, and walk every cell (`<c` … `</c>`) and shared string once, decoding nothing. No reader can
 * do less; the benchmarks report every reading and checking time as a multiple of it. Plain JavaScript so that it
 * runs as its own process (`node floor-scan.js FILE`) as cheaply as it runs inside the bench.
 */
const fs = require("fs");
const zlib = require("zlib");

/** The entries of the zip's central directory: name → [local header offset, compressed size, method, size]. */
function directory(buf) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const inflatedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    entries.set(buf.toString("latin1", p + 46, p + 46 + nameLength), [offset, size, method, inflatedSize]);
    p += 46 + nameLength + extra + comment;
  }
  return entries;
}

function inflate(buf, entry) {
  const [offset, size, method, inflatedSize] = entry;
  const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  const data = buf.subarray(start, start + size);
  // Into one buffer of the declared size, as the product's reader inflates (src/xlsx/native-zlib.ts).
  return method === 0 ? data : zlib.inflateRawSync(data, { chunkSize: Math.max(64, inflatedSize + 1) });
}

/** Counts of what was walked, so the caller can see the floor read the whole table. */
function floorScan(file) {
  const buf = fs.readFileSync(file);
  const entries = directory(buf);
  let cells = 0;
  let strings = 0;
  for (const [name, entry] of entries) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = inflate(buf, entry);
      for (let at = xml.indexOf("<c "); at !== -1; at = xml.indexOf("<c ", at)) {
        // The start tag's end says whether the cell is empty (<c …/>) or runs to its </c>.
        const gt = xml.indexOf(">", at);
        if (gt === -1) break;
        at = xml[gt - 1] === 0x2f ? gt + 1 : xml.indexOf("</c>", gt) + 4;
        cells++;
        if (at < 4) break;
      }
    } else if (name === "xl/sharedStrings.xml") {
      const xml = inflate(buf, entry);
      for (let at = xml.indexOf("<si>"); at !== -1; at = xml.indexOf("<si>", at + 4)) strings++;
    }
  }
  return { cells, strings };
}

module.exports = { floorScan };

if (require.main === module) process.stdout.write(`${JSON.stringify(floorScan(process.argv[2]))}\n`);
