/**
 * Character tables for the two legacy Vietnamese font encodings (SPEC 3.1), written letter by letter
 * in the order the standards list them: base, huyền (grave), hỏi (hook), ngã (tilde), sắc (acute),
 * nặng (dot below).
 *
 * Cells never hold the legacy bytes themselves: once the .VnTime / VNI-Times font is lost, Excel shows
 * each byte as its Windows-1252 character. The tables therefore map letters to bytes, and
 * `cellCharOfByte` / `byteOfCellChar` translate between a byte and what the cell shows.
 */

/** Tone order used by every table row below. */
export const TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"] as const;

/** The twelve Vietnamese vowels plus đ, lower case; each vowel takes the six tones. */
export const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;

/** A vowel with the tone at that index of TONES, as one NFC letter. */
export function letterOf(vowel: string, tone: number): string {
  return (vowel + TONES[tone]).normalize("NFC");
}

/**
 * TCVN 5712:1993. VN3 (the ".VnTime" ABC fonts) defines the lower-case rows, the untoned capitals
 * Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7) and five combining tone marks (0xB0–0xB4). Toned capitals exist only in
 * VN1, which places them in 0x01–0x17, 0x80–0x9F and the gaps of the lower-case block; glibc's
 * TCVN5712-1 is VN1. Real VN3 documents instead typed capitals with the lower-case codes in the
 * ".VnTimeH" capital font, so the same byte may stand for either case (see tcvn3.ts).
 */
export const TCVN3_LOWER: Readonly<Record<(typeof VOWELS)[number], readonly number[]>> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};

/** Capitals, keyed by the lower-case vowel. Only the first column (untoned) is VN3; the rest is VN1. */
export const TCVN3_UPPER: Readonly<Record<(typeof VOWELS)[number], readonly number[]>> = {
  a: [0x41, 0x80, 0x81, 0x82, 0x83, 0x84],
  ă: [0xa1, 0xaf, 0xba, 0xbf, 0xc0, 0x85],
  â: [0xa2, 0xc1, 0xc2, 0xc3, 0xc4, 0x86],
  e: [0x45, 0x87, 0x88, 0x89, 0x8a, 0x8b],
  ê: [0xa3, 0xc5, 0xcd, 0xd9, 0xda, 0x8c],
  i: [0x49, 0x8d, 0x8e, 0x8f, 0x90, 0x91],
  o: [0x4f, 0x92, 0x93, 0x94, 0x95, 0x96],
  ô: [0xa4, 0xdb, 0xe0, 0xf0, 0xff, 0x97],
  ơ: [0xa5, 0x98, 0x99, 0x9a, 0x9b, 0x9c],
  u: [0x55, 0x9d, 0x9e, 0x9f, 0x01, 0x02],
  ư: [0xa6, 0x04, 0x05, 0x06, 0x11, 0x12],
  y: [0x59, 0x13, 0x14, 0x15, 0x16, 0x17],
};

export const TCVN3_D = { lower: 0xae, upper: 0xa7 } as const;

/** 0xB0–0xB4: tone marks that follow their vowel (TONES order without the untoned slot). */
export const TCVN3_COMBINING: Readonly<Record<number, string>> = {
  0xb0: "\u0300",
  0xb1: "\u0309",
  0xb2: "\u0303",
  0xb3: "\u0301",
  0xb4: "\u0323",
};

/**
 * VNI (VNI-Win fonts): a base letter followed by a mark character, except for i, ỵ, ơ, ư and đ,
 * which have characters of their own. Marks are given as they show in a cell (Windows-1252).
 */
export const VNI_TONE_MARKS = { lower: ["", "ø", "û", "õ", "ù", "ï"], upper: ["", "Ø", "Û", "Õ", "Ù", "Ï"] } as const;
/** â/ê/ô with each tone: the mark carries both the circumflex and the tone. */
export const VNI_CIRCUMFLEX_MARKS = { lower: ["â", "à", "å", "ã", "á", "ä"], upper: ["Â", "À", "Å", "Ã", "Á", "Ä"] } as const;
/** ă with each tone. */
export const VNI_BREVE_MARKS = { lower: ["ê", "è", "ú", "ü", "é", "ë"], upper: ["Ê", "È", "Ú", "Ü", "É", "Ë"] } as const;
/** i in each tone, one character each. */
export const VNI_I = { lower: ["i", "ì", "æ", "ó", "í", "ò"], upper: ["I", "Ì", "Æ", "Ó", "Í", "Ò"] } as const;
/** Characters standing alone: ơ and ư are bases that still take a tone mark after them. */
export const VNI_SINGLE = {
  ơ: { lower: "ô", upper: "Ô" },
  ư: { lower: "ö", upper: "Ö" },
  đ: { lower: "ñ", upper: "Ñ" },
  ỵ: { lower: "î", upper: "Î" },
} as const;

/** Windows-1252 0x80–0x9F; the five undefined bytes show as the C1 control of the same number. */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** What a cell shows for a legacy byte when the font is lost. */
export function cellCharOfByte(byte: number): string {
  if (byte >= 0x80 && byte <= 0x9f) return String.fromCharCode(CP1252_HIGH[byte - 0x80]);
  return String.fromCharCode(byte);
}

const BYTE_OF_CP1252_HIGH = new Map<number, number>();
CP1252_HIGH.forEach((code, i) => {
  BYTE_OF_CP1252_HIGH.set(code, 0x80 + i);
  // A C1 control always stands for its own byte, whether or not cp1252 defines that byte.
  BYTE_OF_CP1252_HIGH.set(0x80 + i, 0x80 + i);
});

/** The legacy byte a cell character stands for, or -1 when it cannot come from a single byte. */
export function byteOfCellChar(code: number): number {
  if (code < 0x80) return code;
  if (code <= 0xff) return BYTE_OF_CP1252_HIGH.get(code) ?? code;
  return BYTE_OF_CP1252_HIGH.get(code) ?? -1;
}

/**
 * Frequent syllables of administrative Vietnamese. When a cell reads as syllables in both encodings
 * ("Cô quan chuû trì" is VNI "Cơ quan chủ trì" but also TCVN3 "Cụ quan chuỷ trỡ"), the reading made of
 * familiar words wins.
 */
export const COMMON_SYLLABLES: readonly string[] = (
  "của và các có được trong cho với là những một này đã theo về tại từ người không năm nước tỉnh " +
  "huyện xã thành phố quận phường thị trấn sở ban ngành ủy uỷ nhân dân hội đồng đảng bộ chính phủ nhà " +
  "quốc gia việt nam trung ương địa phương cơ quan đơn vị tổ chức thực hiện kế hoạch nhiệm vụ công tác " +
  "quản lý lí phát triển kinh tế văn hóa hoá xã giáo dục đào tạo y khoa học nghệ thông tin truyền tài " +
  "đầu tư nông nghiệp môi trường giao vận tải xây dựng lao động thương binh pháp nội ngoại du lịch thể " +
  "thao an ninh quân sự biên phòng hợp đối nhập khai báo cáo kết quả đánh giá tình hình hoạt chương " +
  "trình dự án nguồn vốn phí ngân sách chủ trì phối liên thời gian quý tháng ngày đến trước sau cuối " +
  "thường xuyên hằng hàng tiếp tục tăng cường đẩy mạnh nâng cao chất lượng hiệu đề nghị xuất kiến " +
  "quyết định tư chỉ luật bản quy chế hướng dẫn tuyên phổ biến số ký kí lưu nơi nhận kính gửi giám đốc " +
  "phó tịch thủ trưởng cán chức viên đoàn ra vào đại biểu khách làm việc gặp mặt thăm hữu quan hệ " +
  "doanh trận hòa hoà nghĩa độc lập tự do hạnh phúc cần vì để đó khi nếu nhưng hoặc cũng như đây sẽ " +
  "đang đều rất nhiều mới cùng mọi bên trên dưới giữa ngoài toàn cấp điều kiện năng lực bảo đảm sản " +
  "lĩnh vực cá nhân vấn đề cụ thể khu công an sinh tiêu chí mục đích yêu cầu giải pháp trách tham mưu " +
  "dõi đôn kiểm tra giám sát tổng hợp trợ hỗ đầy đủ kịp chỉ đạo điều hành ý kiến nội dung hình thức " +
  "tiến độ phân công cụm vùng miền dịch vụ hàng hóa hoá thị trường xúc tiến đầu tư cộng đồng"
).split(" ");
