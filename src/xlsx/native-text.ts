/**
 * Node's native UTF-8 decoding for the XML reader (command line and tests; the pane's bundle never imports this file).
 * V8's decoder, which TextDecoder and Buffer#toString use, reads Vietnamese text at about 90 MB/s; ICU's converter
 * behind `buffer.transcode` reads it four times faster. Only valid UTF-8 goes that way, so that what is read is exactly
 * what TextDecoder reads: anything else is TextDecoder's to replace with U+FFFD.
 */
import { isAscii, isUtf8, transcode } from "buffer";
import type { Utf8Decode } from "./grid-reader";

const fallback = new TextDecoder("utf-8");
// ignoreBOM: the UTF-8 byte order mark is dropped above; a second one is text, as TextDecoder keeps it.
const utf16 = new TextDecoder("utf-16le", { ignoreBOM: true });

export const nativeDecodeUtf8: Utf8Decode = (bytes) => {
  let b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3); // TextDecoder drops the byte order mark
  // ASCII (most sheet XML) V8 reads fast. Buffer#toString would make a large text an external string, which every
  // later slice and scan of it reads more slowly: the UTF-16 goes through TextDecoder into an ordinary string.
  if (!isAscii(b) && isUtf8(b)) return utf16.decode(transcode(b, "utf8", "utf16le"));
  return fallback.decode(bytes);
};
