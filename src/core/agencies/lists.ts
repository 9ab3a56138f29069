/**
 * How real cells write a list of bodies, rewritten into the plain form the splitter reads (one body per part,
 * parts separated by ";" or line breaks), before it reads them (issue 11):
 *
 * - a line broken inside a name, as text comes out of PDF or Word ("Bộ Khoa học và\nCông nghệ", "Sở\nThông\ntin và …"):
 *   joined again;
 * - distributive lists: "Các Cục: Di sản văn hóa, Bản quyền tác giả; Văn phòng Bộ" (the head word shared),
 *   "UBND thành phố Hà Nội, Thành phố Hồ Chí Minh" (two People's Committees), "Ban Chỉ huy … cấp tỉnh, cấp xã";
 * - a full stop between two bodies ("… Việt Nam. Vụ Kế hoạch, Tài chính") and a slash ("Sở Xây dựng/các công ty");
 * - roles in front of a body ("Giám đốc, Thủ trưởng các Sở, ban, ngành" is the group of departments).
 *
 * Each rule looks for a mark it needs (":", "/", ". ", "cấp", a line break) before any regex runs, so the common
 * cell costs a few indexOf calls.
 */

import { isProvinceName } from "./national-directory";

/** Words that end a line in the middle of a name: the name goes on on the next line. */
const OPEN_LINE_END = /(?:\s(?:và|của|thuộc|về)|[,&\-–])$/iu;
/** A line that starts with a lower-case letter continues the line above. */
const STARTS_LOWER = /^\p{Ll}/u;
/** A line that starts a new item: a bullet or a list number. */
const STARTS_ITEM = /^(?:[-–—+•·*●○▪◦►]|\d{1,2}[.)]\s|[a-zđ][.)]\s)/u;
/**
 * A line that is only the head word of a name ("Sở", "Văn phòng", "Ủy ban"), as a narrow PDF column wraps
 * "Sở\nThông\ntin và\nTruyền\nthông": no body is called that alone, so the name goes on on the next line.
 */
const BARE_HEAD =
  /^(?:(?:các\s+)?(?:sở|bộ|ban|cục|chi cục|tổng cục|vụ|phòng|văn phòng|ủy ban|uỷ ban|ubnd|trung tâm|viện|trường|đài|hội|tập đoàn|tổng công ty|công ty|ngân hàng|kho bạc)|văn phòng ủy ban|văn phòng uỷ ban)$/iu;

/**
 * A line that starts with the level of a People's Committee's area ("Thành phố", "Tỉnh", "TP") after a line that
 * ends with a body of that area ("Văn phòng UBND\nThành phố", "Công an\nTỉnh"): the level ends the name above — but
 * "Bộ Công an\nTỉnh ủy" is two bodies.
 */
const AREA_BODY_END = /(?:^|\s)(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hội đồng nhân dân|công an|văn phòng)$/iu;
// The level alone, or before the area's name or a separator; "Tỉnh ủy", "Tỉnh đoàn", "Thành ủy" are bodies of their own.
const AREA_LEVEL = /^(?:thành phố|tỉnh|tp\.?)/iu;
// Without the "i" flag: under it \p{Lu} would match the lower-case "ủy" too.
const AFTER_AREA_LEVEL = /^(?:\s+[\p{Lu}\d]|\s*[,;.]|\s*$)/u;

/** The words that make the level a body of its own when written capitalised too ("Tỉnh Đoàn Thanh niên", "Thành Ủy"). */
const LEVEL_BODY = /^\s+(?:đoàn|ủy|uỷ|hội|đảng bộ)(?=$|[\s,;.])/iu;

function startsWithAreaLevel(line: string): boolean {
  const level = AREA_LEVEL.exec(line);
  if (level === null) return false;
  const rest = line.slice(level[0].length);
  return AFTER_AREA_LEVEL.test(rest) && !LEVEL_BODY.test(rest);
}

export function joinWrappedLines(text: string): string {
  if (text.indexOf("\n") < 0) return text;
  const lines = text.split("\n");
  const out: string[] = [lines[0]];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const prev = out[out.length - 1];
    if (
      line !== "" &&
      prev !== "" &&
      !STARTS_ITEM.test(line) &&
      (OPEN_LINE_END.test(prev) ||
        STARTS_LOWER.test(line) ||
        BARE_HEAD.test(prev) ||
        (AREA_BODY_END.test(prev) && startsWithAreaLevel(line)))
    ) {
      out[out.length - 1] = `${prev} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out.join("\n");
}

/** "Các Cục: A, B; …" — a plural head word, a colon, then the names that share it. */
const SHARED_HEAD = /(^|[;\n]\s*)Các\s+(Cục|Vụ|Sở|Bộ|Ban|Viện|Trường|Trung tâm|Tổng cục|Chi cục|Phòng|Hội|Đài|Báo)\s*:\s*([^;\n]+)/giu;

const KIND_HEADS = new Set(["trường", "phòng", "hội", "đài", "báo"]);

/** "UBND thành phố Hà Nội, Thành phố Hồ Chí Minh": further provinces after a People's Committee of one. */
const LEVEL = String.raw`(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)`;
const SHARED_COMMITTEE = new RegExp(
  String.raw`((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\s+)(${LEVEL}\s+\p{Lu}[^,;\n]*?)((?:\s*(?:,|và)\s*${LEVEL}\s+\p{Lu}[^,;\n]*?)+)(?=$|[;\n]|\s*,\s*(?!${LEVEL}\s+\p{Lu}))`,
  "gu",
);
const COMMITTEE_ITEM = new RegExp(String.raw`\s*(?:,|và)\s*(${LEVEL}\s+\p{Lu}[^,;\n]*?)(?=\s*(?:,|và)\s*${LEVEL}\s|$)`, "gu");
const LEVEL_WORDS = new RegExp(String.raw`^${LEVEL}\s+`, "u");

/** "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã": one body per level. */
const SHARED_LEVELS = /([^,;\n]*?\S)\s+cấp\s+(tỉnh|huyện|xã|cơ sở)((?:\s*(?:,|và)\s*cấp\s+(?:tỉnh|huyện|xã|cơ sở))+)/giu;

/**
 * A full stop that ends a body ("Việt Nam. Vụ …", "Sở KH&CN. Tổng công ty …") — after a word or an abbreviation
 * of three capitals or more, not after the abbreviation of a word ("TP. Hà Nội").
 */
const FULL_STOP = /(\p{Ll}{2,}|\p{Lu}[\p{Lu}&]{2,})\.\s+(?=\p{Lu})/gu;

const HTML_BREAK = /<br\s*\/?>/giu;

/** A slash between two bodies: what follows starts a body or a group. */
const SLASH =
  /(\p{L}{2,})\s*\/\s*(?=(?:các|Các|Sở|Bộ|Ban|UBND|Ủy ban|Cục|Chi cục|Công an|Trung tâm|Văn phòng|Viện|Trường|Đài|Báo|Hội|Tập đoàn|Tổng công ty|Công ty|Ngân hàng|Kho bạc)\s)/gu;

/**
 * Roles in front of a body, at the start of any part: "Giám đốc, Thủ trưởng các Sở, ban, ngành" → "các Sở, ban,
 * ngành"; "Giám đốc Sở Tư pháp" → "Sở Tư pháp"; the chief of an office or an inspectorate heads that body,
 * "Chánh Văn phòng UBND tỉnh" → "Văn phòng UBND tỉnh".
 */
const ROLES =
  /(^|[;,\n]\s*)(?:(?:Giám đốc|Thủ trưởng|Chủ tịch|Trưởng ban|Lãnh đạo|Người đứng đầu|Bí thư)(?:\s*,\s*|\s+và\s+|\s+))+(?=(?:các|Các|Sở|Ban|Bộ|UBND|Ủy ban|Công an|Cục|Trung tâm)\s)|(^|[;,\n]\s*)Chánh\s+(?=(?:Văn phòng|Thanh tra)\s)/giu;

/** The cell rewritten so each body stands in its own part. Pure; the splitter memoises per cell. */
export function rewriteAgencyList(cell: string): string {
  let text = cell;
  // "<br>" of a table rendered to HTML or markdown is a line break of the cell.
  if (text.indexOf("<") >= 0) text = text.replace(HTML_BREAK, "\n");
  text = joinWrappedLines(text);
  if (text.indexOf(":") >= 0) {
    text = text.replace(SHARED_HEAD, (_m, before: string, head: string, list: string) => {
      const items = list
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
      // "Các Trường: Đại học, Cao đẳng" lists kinds of schools (classes of bodies); "Các Cục: Di sản văn hóa, …" names bodies.
      const kinds = KIND_HEADS.has(head.toLowerCase()) ? "các " : "";
      return before + items.map((item) => `${kinds}${head} ${item}`).join("; ");
    });
  }
  if (/ubnd|ủy ban|uỷ ban|hđnd|hội đồng/i.test(text) && /,|\svà\s/.test(text)) {
    text = text.replace(SHARED_COMMITTEE, (whole: string, committee: string, first: string, rest: string) => {
      const items = [first.trim()];
      for (const m of rest.matchAll(COMMITTEE_ITEM)) items.push(m[1].trim());
      // Only named provinces share the committee: "UBND tỉnh, Tỉnh Đoàn Thanh niên" is two other bodies.
      if (!items.every((item) => isProvinceName(item.replace(LEVEL_WORDS, "")))) return whole;
      return items.map((item) => `${committee}${item}`).join("; ");
    });
  }
  if (text.indexOf("cấp") >= 0) {
    text = text.replace(SHARED_LEVELS, (_m, body: string, first: string, rest: string) => {
      const levels = [first, ...[...rest.matchAll(/cấp\s+(tỉnh|huyện|xã|cơ sở)/giu)].map((m) => m[1])];
      return levels.map((level) => (level.toLowerCase() === "tỉnh" ? `${body} tỉnh` : `${body} cấp ${level}`)).join("; ");
    });
  }
  if (text.indexOf(". ") >= 0) text = text.replace(FULL_STOP, "$1; ");
  if (text.indexOf("/") >= 0) text = text.replace(SLASH, "$1; ");
  if (/giám đốc|thủ trưởng|chủ tịch|trưởng ban|lãnh đạo|người đứng đầu|chánh|bí thư/i.test(text))
    text = text.replace(ROLES, (_m, before?: string, chief?: string) => before ?? chief ?? "");
  return text;
}
