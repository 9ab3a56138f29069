/**
 * Who sent a table: the agency its file name or its title block names (SPEC 7, "source agency when the file or table
 * says it").
 */
import { AgencyDirectory, keyFromWords, keyWordsOfWord } from "../agencies/directory";

const NAME_SEPARATORS = /[\s_\-.,;()+[\]{}]+/;
// No look-behind: the pane runs in the WebViews of older Excel for Mac, whose Safari cannot parse it.
const CAMEL_BOUNDARY = /(\p{Ll})(\p{Lu})/gu;

/**
 * The agency a file path names: "so-ngoai-vu.xlsx", "SoNgoaiVu_PL.xlsx", "Công an tỉnh/phu luc.xlsx". The file's own
 * name is tried first, then its folders from the innermost out. The longest directory name found wins.
 */
export function agencyFromFileName(file: string, directory: AgencyDirectory): string | null {
  const segments = file.split(/[\\/]/).filter((s) => s !== "");
  if (segments.length === 0) return null;
  segments[segments.length - 1] = segments[segments.length - 1].replace(/\.[a-z0-9]{2,5}$/i, "");
  for (let i = segments.length - 1; i >= 0; i--) {
    const found = agencyInWords(wordsOfName(segments[i]), directory);
    if (found) return found;
  }
  return null;
}

function wordsOfName(name: string): string[][] {
  const out: string[][] = [];
  for (const piece of name.normalize("NFC").split(NAME_SEPARATORS)) {
    if (piece === "") continue;
    for (const w of piece.replace(CAMEL_BOUNDARY, "$1 $2").split(" ")) {
      const keys = keyWordsOfWord(w);
      if (keys.length) out.push(keys);
    }
  }
  return out;
}

function agencyInWords(words: string[][], directory: AgencyDirectory): string | null {
  let best: { name: string; length: number } | null = null;
  for (let start = 0; start < words.length; start++) {
    const keys: string[] = [];
    for (let end = start; end < words.length && keys.length <= directory.maxKeyWords; end++) {
      keys.push(...words[end]);
      // One word alone ("so", "ban") names nothing; an abbreviation that expands ("UBND") still needs a second word.
      if (keys.length < 2 || end === start) continue;
      const match = directory.lookupKey(keyFromWords(keys));
      if (match && match.kind === "agency" && (!best || keys.length > best.length)) best = { name: match.name, length: keys.length };
    }
  }
  return best?.name ?? null;
}

/**
 * The agency a table's title block names on a line of its own ("SỞ NGOẠI VỤ" under "UBND TỈNH BÌNH ĐỊNH"): the last
 * such line, because the issuing body is written under its parent.
 */
export function agencyFromTitle(titleText: string, directory: AgencyDirectory): string | null {
  let found: string | null = null;
  for (const line of titleText.split("\n")) {
    const t = line.trim();
    if (t === "" || t.length > 90) continue;
    const match = directory.find(t);
    if (match && match.kind === "agency") found = match.name;
  }
  return found;
}
