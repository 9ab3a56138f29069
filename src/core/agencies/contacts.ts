/**
 * Contact lines inside a lead or coordinating cell (issue 11): officers write the person in charge next to the
 * body — "- Công an tỉnh, Bộ Chỉ huy quân sự tỉnh, Sở Nội vụ.\n- Thảo.", "Nhung - Sở Tư pháp", "Đ/c Minh,
 * ĐT: 0912 345 678". A person is not an agency: the line is kept as a contact and counted for no one.
 */

import { isProvinceName } from "./national-directory";
import { foldKey } from "../sheet/text";

const PHONE = /(?:\+?84|0)(?:[\s.-]?\d){8,10}/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.]+/;
/** A person's title or a contact label in front of a name. */
const TITLE = /^(?:ông|bà|anh|chị|đ\/c|đồng chí|mr\.?|ms\.?|mrs\.?|đt|sđt|điện thoại|email|liên hệ|người liên hệ|chuyên viên)\b[\s.:]/iu;
/** Words that begin the name of a body: a part with one of them is not a person. */
const BODY_WORD =
  /^(?:sở|ban|bộ|cục|chi|vụ|viện|trường|trung|văn|phòng|công|ủy|uỷ|ubnd|hđnd|hội|liên|đài|báo|tỉnh|thành|huyện|xã|phường|các|cơ|đơn|tổng|tập|ngân|kho|bảo|thuế|tòa|toà|quốc|chính|đảng|mặt|đoàn|học|đại|doanh|hiệp|quỹ|nhà|dự|khu|cảng|bệnh)$/iu;
const INITIAL = /^\p{Lu}\.\s*/u;
/** A word of a Vietnamese personal name: one syllable, capitalised, no digits. */
const NAME_WORD = /^\p{Lu}[\p{Ll}]{0,6}$/u;
/**
 * The shape of a Vietnamese syllable, folded: an initial consonant, vowels, and one of the final consonants the
 * language has. "Vendor", "Agent", "Data" are not names of people but foreign words for bodies.
 */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]+(?:ch|ng|nh|[cmnpt])?$/;

function isNameWord(word: string): boolean {
  return NAME_WORD.test(word) && SYLLABLE.test(foldKey(word));
}

/**
 * True when the text (a line or a part of a cell) names a person to contact rather than a body. After a unit's
 * colon (`afterUnit`) a head word alone is a person ("NCTT: Trường"); elsewhere "Viện, Trường" are bodies.
 */
export function isContact(raw: string, afterUnit = false): boolean {
  const text = raw
    .replace(/^[\s\-–—+•·*]+/u, "")
    .replace(/[\s.;,:]+$/u, "")
    .trim();
  // Province names ("Vũng Tàu" of "Bà Rịa - Vũng Tàu") look like a person's name but are not one.
  if (text === "" || isProvinceName(text)) return false;
  if (PHONE.test(text) || EMAIL.test(text)) return true;
  if (TITLE.test(text)) return true;
  // "Thảo", "Nhung, Trâm", "Đỗ Hằng": one to four names of one to three syllables, no word of a body.
  const names = text.split(/\s*,\s*/);
  if (names.length > 4) return false;
  for (const name of names) {
    // "A. Trường": an initial (Anh, Chị …) before the name.
    const words = name.replace(INITIAL, "").split(/\s+/);
    if (words.length > 3) return false;
    for (const w of words) if (!isNameWord(w) || ((words.length > 1 || !afterUnit) && BODY_WORD.test(w))) return false;
  }
  return true;
}

const DASH_ASIDE = /\s+[-–]\s+/;
const BULLETS = /^[\s\-–—+•·*]+/u;

/** "Nhung - Sở Tư pháp": the line without a contact written on one side of a spaced dash; the contact goes to `contacts`. */
export function contactAside(line: string, contacts: string[]): string {
  const m = DASH_ASIDE.exec(line);
  if (!m || m.index === 0) return line;
  const left = line.slice(0, m.index);
  const right = line.slice(m.index + m[0].length);
  if (isContact(left) && !isContact(right)) {
    contacts.push(left.replace(BULLETS, "").trim());
    return right;
  }
  if (isContact(right) && !isContact(left)) {
    contacts.push(right.trim());
    return left;
  }
  return line;
}

/** "TTDL&ĐHS: Hiếu, Trang", "P.TT: Chị Yến": a unit, a colon, the persons of it who do the work. */
const UNIT_COLON = /^([^:]{2,60}?)\s*:\s+(.+)$/su;

/** The line without the persons named after a unit's colon; the persons go to `contacts`. */
export function contactsAfterColon(line: string, contacts: string[]): string {
  const m = UNIT_COLON.exec(line);
  if (!m || !isContact(m[2], true) || isContact(m[1])) return line;
  contacts.push(m[2].trim());
  return m[1];
}
