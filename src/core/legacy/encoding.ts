/**
 * Legacy Vietnamese encodings (SPEC 3.1). Provincial files typed with the TCVN3 (ABC, ".VnTime") or
 * VNI fonts lose their font when copied, and the cell then shows each legacy byte as its
 * Windows-1252 character: "Sở Ngoại vụ" reads "Së Ngo¹i vô" (TCVN3) or "Sôû Ngoaïi vuï" (VNI).
 * This module converts between such text and Unicode (tcvn3.ts and vni.ts say how each encoding is read);
 * detect.ts recognises it. Nothing converts on its own.
 */
import { decodeTcvn3, encodeTcvn3 } from "./tcvn3";
import { decodeVni, encodeVni } from "./vni";

export type LegacyEncoding = "tcvn3" | "vni";

/** Legacy text as seen in a cell → Unicode NFC. Characters the encoding does not define pass through. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === "tcvn3" ? decodeTcvn3(text) : decodeVni(text);
}

/**
 * Unicode → how the legacy text shows in a cell (Windows-1252 view). TCVN3 toned capitals use the VN1
 * codes, as glibc's TCVN5712-1 does. Characters the encoding cannot hold pass through unchanged.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === "tcvn3" ? encodeTcvn3(text) : encodeVni(text);
}
