/**
 * Node's native zlib for the zip reader and writer (command line and tests; the pane's bundle never imports this
 * file): inflate that stops at the size an entry may have, deflate, and the native CRC-32.
 */
import * as zlib from "zlib";
import { ReadOptions } from "./read";
import { ZipCodec } from "./zip";
import { nativeDecodeUtf8 } from "./native-text";

/**
 * With the size known, the output is inflated into one buffer a byte larger than it (so zlib never asks for a second):
 * in 16 KB chunks a 25 MB part cost as much again in copying the chunks together as in inflating, and left them all to
 * the collector. The zip reader passes only sizes it has checked against its limits.
 */
export const nativeInflateRaw = (data: Uint8Array, maxOutput?: number): Uint8Array =>
  zlib.inflateRawSync(data, maxOutput === undefined ? {} : { maxOutputLength: maxOutput, chunkSize: Math.max(64, maxOutput + 1) });

export const nativeCrc32 = (data: Uint8Array): number => zlib.crc32(data);

/**
 * What `readWorkbook` is given on Node: the XML reader, every entry held to its size, limit and checksum, its text
 * decoded natively.
 */
export const NATIVE_READ: ReadOptions = { inflateRaw: nativeInflateRaw, crc32: nativeCrc32, decodeUtf8: nativeDecodeUtf8 };

/**
 * What `xlsxOfModels` is given on Node. Level 1: a written workbook compresses to about a fifth at any level, and the
 * fastest level saves a second on a large consolidation.
 */
export const NATIVE_WRITE: ZipCodec = {
  deflateRaw: (data: Uint8Array): Uint8Array => zlib.deflateRawSync(data, { level: 1 }),
  crc32: nativeCrc32,
};
