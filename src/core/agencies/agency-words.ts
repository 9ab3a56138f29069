/**
 * The classes of words the splitter reads a cell with, as folded key words: head words that begin the name of a
 * body, nouns that name a class of bodies, the local levels after "UBND", and the words that change which body a
 * name means.
 */

const phrases = (list: string[]): string[][] => list.map((p) => p.split(" ")).sort((a, b) => b.length - a.length);

/** Words that begin the name of a body (SPEC 3.2), longest first so "bo chi huy" wins over "bo". */
// prettier-ignore
export const HEAD_WORDS = phrases([
  "so", "ban", "uy ban nhan dan", "uy ban", "cong an", "bo chi huy", "bo", "cuc", "chi cuc", "tong cuc",
  "hoc vien", "vien", "vien kiem sat", "truong", "dai", "bao", "hoi", "hoi dong", "hiep hoi", "lien hiep",
  "lien doan", "lien minh", "trung tam", "phong", "van phong", "thanh tra", "tinh uy", "thanh uy", "huyen uy",
  "dang uy", "tinh doan", "thanh doan", "mat tran", "ngan hang", "kho bac", "bao hiem", "co quan", "toa an",
  "doan", "cac", "tap doan", "tong cong ty", "cong ty", "tong lien doan", "dai hoc", "quy",
]);

/** Nouns naming a class of bodies: lower-case after them, they make a group ("cơ quan liên quan"). */
// prettier-ignore
export const CLASS_NOUNS = phrases([
  "co quan", "don vi", "dia phuong", "doanh nghiep", "to chuc", "nganh", "nha dau tu", "nha cung cap",
  "hop tac xa", "ho kinh doanh", "co so", "thanh vien", "chu dau tu", "ca nhan", "nguoi dan",
  "vien nghien cuu", "truong dai hoc", "truong cao dang",
]);

/** Administrative levels after "UBND" that make it a group ("UBND các huyện", "UBND xã, phường"). */
export const LOCAL_LEVELS = phrases(["cac", "cap", "huyen", "xa", "phuong", "quan", "thi xa", "thi tran", "thanh pho", "dac khu"]);

export const UBND = ["uy", "ban", "nhan", "dan"];

/**
 * After a known name, lower-case words that describe the role ("Sở KH&CN chủ trì hướng dẫn") keep the
 * name; these words instead change which body is meant ("Công an xã", "… chi nhánh khu vực").
 */
// prettier-ignore
export const NOT_A_ROLE = new Set(["va", "cap", "xa", "huyen", "phuong", "quan", "thi", "thanh", "tinh", "khu", "dac", "chi", "cac", "vung"]);

export const GROUP_OPENERS = new Set(["cac", "nhung"]);

/** "… cấp xã", "… cấp huyện", "… cấp cơ sở": the levels below the province, where one name means many bodies. */
export const LEVEL_GROUPS = new Set(["xa", "huyen", "so"]);

/** Words a province adds after a name: "tỉnh", "thành phố" and up to three words of its name. */
export const PROVINCE_WORDS = 5;
