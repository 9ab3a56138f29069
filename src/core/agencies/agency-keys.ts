/**
 * The folded key of an agency's name: case, diacritics, tone placement, the connector "và", punctuation inside
 * names and the usual abbreviations (UBND, MTTQ, KH&CN …) ignored, and a provincial body's province folded into
 * "tỉnh", so every way a name is written gives one key.
 */
import { memoize } from "../memo/memo";
import { foldKey } from "../sheet/text";

/**
 * Abbreviations written in plans, by their folded letters with "&", "-" and "." removed.
 * "UBND" = Ủy ban nhân dân, "MTTQ" = Mặt trận Tổ quốc, "Sở KH&ĐT" = Sở Kế hoạch và Đầu tư …
 */
const ABBREVIATIONS = new Map<string, string>(
  Object.entries({
    ubnd: "uy ban nhan dan",
    hdnd: "hoi dong nhan dan",
    ub: "uy ban",
    mttq: "mat tran to quoc",
    mttqvn: "mat tran to quoc viet nam",
    ubmttq: "uy ban mat tran to quoc",
    ubmttqvn: "uy ban mat tran to quoc viet nam",
    vn: "viet nam",
    tp: "thanh pho",
    tphcm: "thanh pho ho chi minh",
    hcm: "ho chi minh",
    tw: "trung uong",
    bch: "bo chi huy",
    chqs: "chi huy quan su",
    bchqs: "bo chi huy quan su",
    bdbp: "bo doi bien phong",
    bql: "ban quan ly",
    kkt: "khu kinh te",
    kcn: "khu cong nghiep",
    kcnc: "khu cong nghe cao",
    ccn: "cum cong nghiep",
    vp: "van phong",
    khdt: "ke hoach dau tu",
    khcn: "khoa hoc cong nghe",
    tttt: "thong tin truyen thong",
    vhttdl: "van hoa the thao du lich",
    vhtt: "van hoa the thao",
    ldtbxh: "lao dong thuong binh xa hoi",
    nnptnt: "nong nghiep phat trien nong thon",
    nnmt: "nong nghiep moi truong",
    tnmt: "tai nguyen moi truong",
    gddt: "giao duc dao tao",
    gtvt: "giao thong van tai",
    dttg: "dan toc ton giao",
    nhnn: "ngan hang nha nuoc",
    kbnn: "kho bac nha nuoc",
    bhxh: "bao hiem xa hoi",
    hlhpn: "hoi lien hiep phu nu",
    lhpn: "lien hiep phu nu",
    ldld: "lien doan lao dong",
    hccb: "hoi cuu chien binh",
    ccb: "cuu chien binh",
    ptth: "phat thanh truyen hinh",
    cds: "chuyen doi so",
    xttm: "xuc tien thuong mai",
    khkt: "khoa hoc ky thuat",
    dbqh: "dai bieu quoc hoi",
    cntt: "cong nghe thong tin",
  }),
);

/** Marks that glue the letters of an abbreviation ("KH&ĐT", "LĐ-TB&XH", "TP.HCM"). */
const ABBREVIATION_GLUE = /[&\-./]/g;
const NOT_ALNUM = /[^a-z0-9]+/;

/** Folded key words of one written word (no spaces): "KH&ĐT" → ke hoach dau tu, "và" → nothing. */
export function keyWordsOfWord(word: string): string[] {
  return wordKeys(word).slice();
}

const wordKeys = memoize((word: string): readonly string[] => Object.freeze(foldWord(word)));

function foldWord(word: string): string[] {
  const folded = foldKey(word);
  if (folded === "va") return [];
  const compact = folded.replace(ABBREVIATION_GLUE, "");
  const whole = ABBREVIATIONS.get(compact);
  if (whole !== undefined) return whole.split(" ");
  const out: string[] = [];
  for (const piece of folded.split(NOT_ALNUM)) {
    if (piece === "" || piece === "va") continue;
    const expanded = ABBREVIATIONS.get(piece);
    if (expanded !== undefined) out.push(...expanded.split(" "));
    else out.push(piece);
  }
  return out;
}

/**
 * True when the written word is the abbreviation of words a name is made of ("CNTT", "KH&ĐT", "TT&TT"), not
 * of a body: it needs a head word ("Phòng CNTT") to name anyone.
 */
export function isWordAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(foldKey(word).replace(ABBREVIATION_GLUE, ""));
}

/**
 * The matching key of a run of key words. A word typed twice ("Sở Sở Công thương") counts once, and
 * "có liên quan" is the same group as "liên quan".
 */
export function keyFromWords(words: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (out.length > 0 && out[out.length - 1] === w) continue;
    if (w === "co" && words[i + 1] === "lien" && words[i + 2] === "quan") continue;
    out.push(w);
  }
  return out.join(" ");
}

export const WORD_SPLIT = /[\s,;()]+/;

/** The matching key of a name: "Sở KH&ĐT" and "sở kế hoạch và đầu tư" both give "so ke hoach dau tu". */
export function agencyKey(name: string): string {
  return keyFromWords(keyWordsOf(name));
}

/** The key words of a written name before repeated ones fold: "Quốc hội và Hội đồng" keeps both "hoi". */
export function keyWordsOf(name: string): string[] {
  const words: string[] = [];
  for (const w of name.split(WORD_SPLIT)) if (w !== "") words.push(...keyWordsOfWord(w));
  return words;
}

/**
 * Provinces and centrally-run cities (before and after the 2025 merger). A provincial body is often written
 * with its province ("Công an tỉnh Bình Định", "Báo và Phát thanh, Truyền hình Đồng Nai"); the directory
 * holds it once, ending in "tỉnh".
 */
// prettier-ignore
const PROVINCES = [
  "An Giang", "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
  "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
  "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh",
  "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
  "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
  "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
  "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang",
  "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
].map((p) => agencyKey(p).split(" "));

/** Province names by their last word, longest first ("thua thien hue" before "hue"). */
const PROVINCES_BY_LAST_WORD = new Map<string, string[][]>();
for (const p of PROVINCES.sort((a, b) => b.length - a.length)) {
  const last = p[p.length - 1];
  PROVINCES_BY_LAST_WORD.set(last, [...(PROVINCES_BY_LAST_WORD.get(last) ?? []), p]);
}

const PROVINCE_LEVEL = new Set(["tinh", "thanh pho"]);

/** "… tỉnh Bình Định", "… Đồng Nai", "… Thành phố" → "… tinh"; undefined when nothing changes. */
export function provinceAsTinh(key: string): string | undefined {
  const words = key.split(" ");
  let end = words.length;
  for (const p of PROVINCES_BY_LAST_WORD.get(words[words.length - 1]) ?? []) {
    if (p.length >= words.length) continue;
    let same = true;
    for (let i = 0; i < p.length; i++) {
      if (words[words.length - p.length + i] !== p[i]) {
        same = false;
        break;
      }
    }
    if (same) {
      end = words.length - p.length;
      break;
    }
  }
  if (end < words.length) {
    if (end >= 2 && PROVINCE_LEVEL.has(`${words[end - 2]} ${words[end - 1]}`)) end -= 2;
    else if (end >= 1 && words[end - 1] === "tinh") end -= 1;
  } else if (words.length > 2 && words[end - 2] === "thanh" && words[end - 1] === "pho") {
    end -= 2;
  } else {
    return undefined;
  }
  if (end === 0) return undefined;
  return `${words.slice(0, end).join(" ")} tinh`;
}
