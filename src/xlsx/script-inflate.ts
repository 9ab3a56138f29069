/**
 * Raw inflate in plain JavaScript (pako), for the pane and the checker page where Node's zlib is not: held to the
 * size an entry may have, as zlib's maxOutputLength holds it on the command line, so a zip bomb costs its limit and
 * never what it would inflate to. With the zip reader's own CRC-32, every entry is checked there as on Node.
 */
import { Inflate } from "pako";
import { crc32, RawInflate } from "./zip";
import type { ReadOptions } from "./read";

/** Inflated more than it may: the zip reader names the entry as not inflating to the size it declares. */
class OverLimit extends Error {}

export const scriptInflateRaw: RawInflate = (data, maxOutput = Infinity) => {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const inflater = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  inflater.onData = (chunk) => {
    length += chunk.length;
    // Stopped as the limit is passed: the rest of the stream is never inflated.
    if (length > maxOutput) throw new OverLimit(`more than ${maxOutput} bytes`);
    chunks.push(chunk);
  };
  inflater.push(data, true);
  if (inflater.err) throw new Error(inflater.msg || "invalid deflate data");
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** What `readWorkbook` is given in the browser: the XML reader, every entry held to its size, limit and checksum. */
export const SCRIPT_READ: ReadOptions = { inflateRaw: scriptInflateRaw, crc32 };
