/**
 * A head word before a list of abbreviations (issue 11): "Phòng KHTH, CNTT" is the Phòng KHTH and the Phòng CNTT,
 * "Sở TC, KHĐT" the Sở TC and the Sở KHĐT — but "Sở TT&TT, VNPT" is a department and a company. Only the directory
 * can tell the two apart, so each item after the comma is decided by what it knows:
 *
 * - the head word and the item make a name it knows ("Sở KHĐT", "Sở Xây dựng" after "Sở GTVT,"): the item takes
 *   the head word;
 * - the item names a body by itself (VNPT, EVN, "Công an tỉnh"): it stands alone — and a name the directory knows
 *   that says "tỉnh" stands alone even when the head word would make a name of it: "Bộ NNMT, Công an tỉnh" is the
 *   ministry and the province's police, never the Bộ Công an (the directory reads "Bộ Công an tỉnh" as "Bộ Công an"
 *   by dropping the "tỉnh" that a provincial name may carry);
 * - the item is the abbreviation of the words of a name (CNTT, TT&TT), which names nobody without a head word:
 *   it takes the head word;
 * - the item is written in full words ("Phòng CNTT, Vendor"): a name written in abbreviations is complete, so the
 *   comma ends it and the words are a body of their own;
 * - an abbreviation the directory knows nothing of ("Sở LĐ, TB&XH", "Phòng CNTT, FPT") could be either: the cell
 *   is left as written.
 *
 * Like lists.ts, this rewrites the cell into parts separated by ";" before the splitter reads it.
 */
import { AgencyDirectory, isWordAbbreviation } from "./directory";

/** Head words that name one body with the words after them. */
const HEADS = String.raw`(?:Sở|Phòng|Ban|Cục|Vụ|Chi cục|Tổng cục|Trung tâm|Văn phòng|Viện|Trường|Đài|Báo|Hội|Bộ|Công ty|Tổng công ty|Tập đoàn|Ngân hàng|Kho bạc)`;

/** An abbreviation: capitals and digits, glued by "&" or "-" ("KHTH", "TT&TT", "LĐ-TB&XH"). */
const ABBREVIATION = String.raw`\p{Lu}[\p{Lu}\d&\-]*[\p{Lu}\d]`;

/** The end of an item: a head word and abbreviations only, after the start of the item or a "và". */
const ABBREVIATED_NAME = new RegExp(String.raw`(?:^|\svà\s+)(${HEADS})\s+${ABBREVIATION}(?:\s+${ABBREVIATION})*$`, "u");
const AND = /\s+và\s+/u;
const AND_BEFORE = /^\s*và\s+/u;
const LONE_ABBREVIATION = new RegExp(String.raw`^${ABBREVIATION}$`, "u");
const FULL_WORDS = /^\p{Lu}.*\p{Ll}/u;
/** The word "tỉnh" (any case, either tone placement is the same letter here): a provincial body's own name. */
const SAYS_TINH = /(?:^|\s)tỉnh(?:\s|$)/iu;
/** What the splitter already reads as the start of a new part. */
const OPENS_PART = new RegExp(String.raw`^(?:${HEADS}|Các|các|UBND|Ủy ban|Uỷ ban)\s`, "u");

/** The cell with the items that share a head word of abbreviations written as parts of their own. */
export function distributeAbbreviatedHeads(text: string, directory: AgencyDirectory): string {
  if (text.indexOf(",") < 0) return text;
  return text
    .split("\n")
    .map((line) =>
      line
        .split(";")
        .map((segment) => distributeSegment(segment, directory))
        .join(";"),
    )
    .join("\n");
}

function distributeSegment(segment: string, directory: AgencyDirectory): string {
  if (segment.indexOf(",") < 0) return segment;
  const items = segment.split(",");
  const seps: string[] = items.map(() => ",");
  let changed = false;
  for (let i = 0; i < items.length - 1; i++) {
    const name = ABBREVIATED_NAME.exec(items[i].trim());
    if (!name) continue;
    const head = name[1];
    let written = name[0].replace(AND_BEFORE, "");
    let j = i + 1;
    for (; j < items.length; j++) {
      // "CNTT và Vendor": the item ends at "và"; what follows it is the splitter's.
      const [item, ...afterAnd] = items[j].trim().split(AND);
      // "Viettel và Bộ Văn hóa, Thể thao và Du lịch": a name that opens after the "và" owns the commas that follow.
      const opensNameAfterAnd = afterAnd.length > 0 && OPENS_PART.test(afterAnd.join(" và "));
      written = `${written},${items[j]}`;
      // The run is itself a name of the directory ("Sở VH,TT&DL"): nothing to split.
      if (directory.find(written.split(AND)[0])) break;
      const reading = itemReading(head, item, directory);
      if (reading === "alone") break;
      seps[j] = ";";
      if (reading === "shares-head") items[j] = ` ${head} ${items[j].trim()}`;
      changed = true;
      if (reading === "own-body" || opensNameAfterAnd) break;
    }
    i = j - 1;
  }
  if (!changed) return segment;
  return items.map((item, k) => (k === 0 ? item : `${seps[k]}${item}`)).join("");
}

/** What one item after "Head ABBR," is: a name that shares the head word, a body of its own, or as written. */
function itemReading(head: string, item: string, directory: AgencyDirectory): "shares-head" | "own-body" | "alone" {
  if (item === "" || OPENS_PART.test(item)) return "alone";
  if (LONE_ABBREVIATION.test(item)) {
    if (directory.find(`${head} ${item}`)?.kind === "agency") return "shares-head";
    if (directory.find(item)) return "alone";
    return isWordAbbreviation(item) ? "shares-head" : "alone";
  }
  if (!FULL_WORDS.test(item)) return "alone";
  if (SAYS_TINH.test(item) && directory.find(item)) return "alone";
  if (directory.find(`${head} ${item}`)?.kind === "agency") return "shares-head";
  if (directory.find(item)) return "alone";
  return "own-body";
}
