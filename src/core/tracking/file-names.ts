/**
 * File names made from agency names: what Windows, macOS and Linux all accept, still readable in Vietnamese.
 */

const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_LENGTH = 100;

/** "Sở Kế hoạch và Đầu tư" stays as it is; "Phòng A/B: C?" becomes "Phòng A-B- C"; never empty. */
function safeFileName(name: string, fallback = "co-quan"): string {
  let s = name
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[\\/:*?"<>|]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, "");
  if (s.length > MAX_LENGTH) s = s.slice(0, MAX_LENGTH).replace(/[.\s]+$/g, "");
  if (s === "" || RESERVED.test(s)) s = s === "" ? fallback : `${s}-`;
  return s;
}

/** Names for a list of agencies, unique without regard to case (file systems that ignore case see one file). */
export function uniqueFileNames(names: readonly string[], extension: string): string[] {
  const taken = new Set<string>();
  return names.map((n) => {
    const base = safeFileName(n);
    let name = `${base}${extension}`;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})${extension}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
