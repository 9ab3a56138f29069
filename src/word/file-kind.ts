/**
 * What a file is, from its bytes and never its name: officers rename .doc files to .docx and save workbooks with the
 * wrong extension. The command line and the pane use it to send a file to the Word reader or the workbook reader.
 */
import { openZip } from "../xlsx/zip";

export type FileKind =
  | "empty"
  | "docx"
  | "xlsx"
  /** A zip that is neither (or one whose directory is missing: a truncated download). */
  | "zip"
  | "legacy-doc"
  | "legacy-xls"
  /** An OLE container holding an encrypted Office Open XML package (a password-protected .docx or .xlsx). */
  | "encrypted"
  | "ole"
  | "other";

const NO_INFLATE = (): Uint8Array => {
  throw new Error("not needed to list entries");
};

export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)) {
    const opened = openZip(bytes, NO_INFLATE);
    // Without its directory (a truncated download) a zip still names its parts in the local headers.
    const names = opened.ok ? [...opened.zip.entries.keys()] : localNames(bytes);
    let word = false;
    let excel = false;
    for (const name of names) {
      const n = name.toLowerCase();
      if (n.startsWith("word/") && n.endsWith(".xml")) word = true;
      else if (n.startsWith("xl/") && n.endsWith(".xml")) excel = true;
    }
    return word && !excel ? "docx" : excel ? "xlsx" : "zip";
  }
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    if (containsUtf16(bytes, "EncryptedPackage")) return "encrypted";
    if (containsUtf16(bytes, "WordDocument")) return "legacy-doc";
    if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) return "legacy-xls";
    return "ole";
  }
  return "other";
}

/** Entry names from the local file headers, in order: what a zip without its central directory still says. */
function localNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8");
  for (let i = 0; i + 30 <= bytes.length && names.length < 64; i++) {
    if (bytes[i] !== 0x50 || bytes[i + 1] !== 0x4b || bytes[i + 2] !== 0x03 || bytes[i + 3] !== 0x04) continue;
    const length = bytes[i + 26] | (bytes[i + 27] << 8);
    if (length === 0 || i + 30 + length > bytes.length) continue;
    names.push(decoder.decode(bytes.subarray(i + 30, i + 30 + length)));
  }
  return names;
}

/** An OLE stream name (UTF-16LE) somewhere in the container's directory sectors. */
function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  const limit = bytes.length - word.length * 2;
  outer: for (let i = 0; i <= limit; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < word.length; j++) if (bytes[i + 2 * j] !== word.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    return true;
  }
  return false;
}
