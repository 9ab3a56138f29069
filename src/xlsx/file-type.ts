/**
 * What kind of file some bytes are, whatever the file is named: officers send .xlsb, .ods, Word documents and old
 * .xls files named .xlsx, and each deserves its own reason, not "damaged". Readers dispatch on it (an .xlsx workbook,
 * a .docx document); the rest are refused by name. Only the container's directory is looked at, never inflated.
 */
import { openZip } from "./zip";

export type FileType =
  | "empty"
  /** An Office Open XML workbook (.xlsx, .xlsm, .xltx). */
  | "xlsx"
  /** An Excel binary workbook (.xlsb): a zip, but its sheets are not XML. */
  | "xlsb"
  /** An OpenDocument spreadsheet (.ods). */
  | "ods"
  /** An OpenDocument text (.odt). */
  | "odt"
  /** A Word document (.docx, .docm). */
  | "docx"
  /** A PowerPoint presentation (.pptx). */
  | "pptx"
  /** Any other zip archive. */
  | "zip"
  /** An Office file encrypted with a password (an OLE container holding an EncryptedPackage). */
  | "encrypted"
  /** An Excel 97-2003 workbook (.xls). */
  | "xls"
  /** A Word 97-2003 document (.doc). */
  | "doc"
  /** Another OLE compound file (.ppt, .msg …). */
  | "ole"
  /** Anything else: text, CSV, HTML, a picture. */
  | "other";

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05);
const isOle = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export function detectFileType(bytes: Uint8Array): FileType {
  if (bytes.length === 0) return "empty";
  if (isOle(bytes)) {
    // Stream names are UTF-16 in the OLE directory.
    if (containsUtf16(bytes, "EncryptedPackage")) return "encrypted";
    if (containsUtf16(bytes, "WordDocument")) return "doc";
    if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) return "xls";
    return "ole";
  }
  if (!isZip(bytes)) return "other";
  const opened = openZip(bytes, () => new Uint8Array(0));
  // A zip whose directory cannot be read (a download that stopped) is a damaged workbook more often than not.
  if (!opened.ok) return "xlsx";
  const names = [...opened.zip.entries.keys()];
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (has("xl/workbook.bin")) return "xlsb";
  if (has("xl/")) return "xlsx";
  if (has("word/")) return "docx";
  if (has("ppt/")) return "pptx";
  const mimetype = opened.zip.entries.get("mimetype");
  if (mimetype && mimetype.method === 0) {
    const h = mimetype.localOffset;
    const start = h + 30 + (bytes[h + 26] | (bytes[h + 27] << 8)) + (bytes[h + 28] | (bytes[h + 29] << 8));
    const text = new TextDecoder().decode(bytes.subarray(start, start + Math.min(mimetype.size, 100)));
    if (text.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
    if (text.startsWith("application/vnd.oasis.opendocument.text")) return "odt";
  }
  if (names.includes("content.xml") && names.includes("META-INF/manifest.xml")) return "ods";
  return "zip";
}

function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i + word.length * 2 <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 0; j < word.length; j++) if (bytes[i + j * 2] !== word.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/**
 * Whether the workbook is one this product wrote (a summary or a consolidation: its docProps/app.xml names the
 * product as Company). Re-consolidating a folder that holds an earlier output would merge its rows again.
 */
export function isProductWorkbook(bytes: Uint8Array, inflateRaw: (data: Uint8Array, maxOutput?: number) => Uint8Array): boolean {
  const opened = openZip(bytes, inflateRaw);
  if (!opened.ok) return false;
  try {
    const app = opened.zip.read("docProps/app.xml");
    return app !== null && new TextDecoder().decode(app).includes("<Company>appendix-checker</Company>");
  } catch {
    return false;
  }
}
