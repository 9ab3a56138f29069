/**
 * The national part of the default directory (issue 11): national plans name ministries, central bodies, mass
 * organisations, the press, academies, state groups and the provinces themselves. Each entry says its level
 * (national / province / commune). Bodies that the 2025 reorganisation merged away stay, with a note, because
 * documents written before then still name them.
 */
import type { AgencyEntry } from "./directory";
import { foldKey } from "../sheet/text";

type Level = "national" | "province" | "commune";

const at =
  (level: Level) =>
  (name: string, aliases: string[] = [], note?: string): AgencyEntry => {
    const e: AgencyEntry = { name, aliases, kind: "agency", level };
    if (note !== undefined) e.note = note;
    return e;
  };
const national = at("national");

const MERGED_2025 = "Từ 01/3/2025 hợp nhất vào";

/**
 * Ministries, ministry-level bodies and government agencies (after 1 March 2025), then the merged ones. English
 * tables of Vietnamese decisions name them by their official English names, kept as aliases.
 */
const GOVERNMENT: AgencyEntry[] = [
  national("Bộ Ngoại giao", ["Ministry of Foreign Affairs"]),
  national("Bộ Quốc phòng", ["Ministry of National Defence", "Ministry of National Defense"]),
  national("Bộ Công an", ["Ministry of Public Security"]),
  national("Bộ Nội vụ", ["Ministry of Home Affairs"]),
  national("Bộ Tư pháp", ["Ministry of Justice"]),
  national("Bộ Tài chính", ["Ministry of Finance"]),
  national("Bộ Công Thương", ["Ministry of Industry and Trade"]),
  national("Bộ Nông nghiệp và Môi trường", ["Bộ NN&MT", "Bộ NNMT", "Ministry of Agriculture and Environment"]),
  national("Bộ Xây dựng", ["Ministry of Construction"]),
  national("Bộ Văn hóa, Thể thao và Du lịch", [
    "Bộ VHTTDL",
    "Bộ VH-TT&DL",
    "Bộ VH, TT và DL",
    "Bộ VH, TT&DL",
    "Bộ VH,TT&DL",
    "Ministry of Culture, Sports and Tourism",
  ]),
  national("Bộ Khoa học và Công nghệ", ["Bộ KH&CN", "Bộ KHCN", "BKHCN", "Ministry of Science and Technology"]),
  national("Bộ Giáo dục và Đào tạo", ["Bộ GD&ĐT", "Bộ GDĐT", "Ministry of Education and Training"]),
  national("Bộ Y tế", ["Ministry of Health"]),
  national("Bộ Dân tộc và Tôn giáo", ["Ministry of Ethnic and Religious Affairs"]),
  national("Ngân hàng Nhà nước Việt Nam", ["Ngân hàng Nhà nước", "NHNN", "NHNNVN", "State Bank of Vietnam", "State Bank of Viet Nam"]),
  national("Thanh tra Chính phủ", ["TTCP", "Government Inspectorate"]),
  national("Văn phòng Chính phủ", ["VPCP", "Government Office"]),
  national("Chính phủ"),
  national("Thủ tướng Chính phủ"),
  national("Bộ Kế hoạch và Đầu tư", ["Bộ KH&ĐT", "Bộ KHĐT", "Ministry of Planning and Investment"], `${MERGED_2025} Bộ Tài chính.`),
  national(
    "Bộ Thông tin và Truyền thông",
    ["Bộ TT&TT", "Bộ TTTT", "Ministry of Information and Communications"],
    `${MERGED_2025} Bộ Khoa học và Công nghệ.`,
  ),
  national(
    "Bộ Lao động - Thương binh và Xã hội",
    ["Bộ LĐ-TB&XH", "Bộ LĐTBXH", "Ministry of Labour, Invalids and Social Affairs"],
    `${MERGED_2025} Bộ Nội vụ.`,
  ),
  national("Bộ Giao thông vận tải", ["Bộ GTVT", "Ministry of Transport"], `${MERGED_2025} Bộ Xây dựng.`),
  national(
    "Bộ Nông nghiệp và Phát triển nông thôn",
    ["Bộ NN&PTNT", "Bộ Nông nghiệp và PTNT", "Ministry of Agriculture and Rural Development"],
    `${MERGED_2025} Bộ Nông nghiệp và Môi trường.`,
  ),
  national(
    "Bộ Tài nguyên và Môi trường",
    ["Bộ TN&MT", "Ministry of Natural Resources and Environment"],
    `${MERGED_2025} Bộ Nông nghiệp và Môi trường.`,
  ),
  national("Ủy ban Dân tộc", [], `${MERGED_2025} Bộ Dân tộc và Tôn giáo.`),
  national("Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", [], "Chấm dứt hoạt động năm 2025; chức năng chuyển về Bộ Tài chính."),
  national("Ban Cơ yếu Chính phủ"),
  national("Bảo hiểm xã hội Việt Nam", ["BHXH Việt Nam", "BHXHVN"]),
  national("Kho bạc Nhà nước", ["KBNN"]),
  national("Cục Thuế", ["Tổng cục Thuế"], "Từ 01/3/2025 Tổng cục Thuế tổ chức lại thành Cục Thuế thuộc Bộ Tài chính."),
  national("Cục Hải quan", ["Tổng cục Hải quan"]),
  national("Cục Thống kê", ["Tổng cục Thống kê"]),
  national("Trung tâm Dữ liệu quốc gia", [], "Thuộc Bộ Công an."),
  national("Cục Di sản văn hóa"),
  national("Cục Bản quyền tác giả"),
  national("Cục Du lịch Quốc gia Việt Nam"),
  national("Văn phòng Bộ", [], "Văn phòng của bộ ban hành văn bản."),
  national("Vụ Kế hoạch, Tài chính", ["Vụ Kế hoạch - Tài chính"]),
];

/** Central bodies of the Party, the National Assembly, the State President, the courts and the audit. */
const CENTRAL: AgencyEntry[] = [
  national("Văn phòng Trung ương Đảng"),
  national("Ban Tổ chức Trung ương"),
  national("Ban Tuyên giáo Trung ương", [], "Năm 2025 hợp nhất với Ban Dân vận Trung ương thành Ban Tuyên giáo và Dân vận Trung ương."),
  national("Ban Dân vận Trung ương"),
  national("Ban Tuyên giáo và Dân vận Trung ương"),
  national("Ban Nội chính Trung ương"),
  national("Ban Chính sách, chiến lược Trung ương"),
  national("Ban Đối ngoại Trung ương"),
  national("Ủy ban Kiểm tra Trung ương"),
  national("Quốc hội"),
  national("Ủy ban Thường vụ Quốc hội", ["UBTVQH"]),
  national("Văn phòng Quốc hội"),
  national("Hội đồng Dân tộc"),
  national("Ủy ban Pháp luật và Tư pháp"),
  national("Ủy ban Kinh tế và Tài chính"),
  national("Ủy ban Khoa học, Công nghệ và Môi trường"),
  national("Ủy ban Quốc phòng, An ninh và Đối ngoại"),
  national("Ủy ban Văn hóa và Xã hội"),
  national("Văn phòng Chủ tịch nước"),
  national("Tòa án nhân dân tối cao", ["TANDTC"]),
  national("Viện kiểm sát nhân dân tối cao", ["VKSNDTC"]),
  national("Kiểm toán nhà nước", ["KTNN"]),
];

/** Mass organisations at national level, the press and broadcasting, academies and national universities. */
const SOCIETY: AgencyEntry[] = [
  national("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", ["Ủy ban Trung ương MTTQ Việt Nam", "UBTW MTTQVN", "UBTWMTTQVN"]),
  national("Tổng Liên đoàn Lao động Việt Nam", ["TLĐLĐVN"]),
  national("Trung ương Hội Liên hiệp Phụ nữ Việt Nam", ["Hội Liên hiệp Phụ nữ Việt Nam"]),
  national("Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", ["Trung ương Đoàn", "TW Đoàn"]),
  national("Trung ương Hội Nông dân Việt Nam", ["Hội Nông dân Việt Nam"]),
  national("Trung ương Hội Cựu chiến binh Việt Nam", ["Hội Cựu chiến binh Việt Nam"]),
  national("Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam", ["VUSTA"]),
  national("Liên minh Hợp tác xã Việt Nam"),
  national("Phòng Thương mại và Công nghiệp Việt Nam", ["VCCI", "Liên đoàn Thương mại và Công nghiệp Việt Nam"]),
  national("Đài Truyền hình Việt Nam", ["VTV"]),
  national("Đài Tiếng nói Việt Nam", ["VOV"]),
  national("Thông tấn xã Việt Nam", ["TTXVN"]),
  national("Báo Nhân Dân"),
  national("Báo Quân đội nhân dân"),
  national("Tạp chí Cộng sản"),
  national("Báo Điện tử Chính phủ", ["Cổng Thông tin điện tử Chính phủ"]),
  national("Viện Hàn lâm Khoa học và Công nghệ Việt Nam", ["VAST"]),
  national("Viện Hàn lâm Khoa học xã hội Việt Nam", ["VASS"]),
  national("Học viện Chính trị quốc gia Hồ Chí Minh"),
  national("Học viện Hành chính và Quản trị công"),
  national("Đại học Quốc gia Hà Nội", ["ĐHQGHN"]),
  national("Đại học Quốc gia Thành phố Hồ Chí Minh", ["ĐHQG-HCM", "ĐHQG TP.HCM"]),
];

/** State economic groups. */
const STATE_GROUPS: AgencyEntry[] = [
  national("Tập đoàn Điện lực Việt Nam", ["EVN"]),
  national("Tập đoàn Công nghiệp - Viễn thông Quân đội", ["Viettel", "Tập đoàn Viettel"]),
  national("Tập đoàn Bưu chính Viễn thông Việt Nam", ["VNPT", "Tập đoàn VNPT"]),
  national("Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", ["Petrovietnam", "PVN", "Tập đoàn Dầu khí Việt Nam"]),
  national("Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam", ["TKV", "Vinacomin"]),
  national("Tập đoàn Hóa chất Việt Nam", ["Vinachem"]),
  national("Tổng công ty Bưu điện Việt Nam", ["VNPost", "Bưu điện Việt Nam"]),
  national("Tổng công ty Viễn thông MobiFone", ["MobiFone"]),
  national("Tổng công ty Hàng không Việt Nam", ["Vietnam Airlines"]),
];

/**
 * The 34 provinces and centrally-run cities from 1 July 2025, each with the provinces merged into it. Their
 * People's Committees are bodies of their own: a national plan that names "UBND thành phố Hà Nội" and
 * "UBND Thành phố Hồ Chí Minh" names two bodies, never "UBND tỉnh" twice.
 */
export const PROVINCES_2025: ReadonlyArray<{ name: string; city: boolean; merged: string[] }> = [
  { name: "Hà Nội", city: true, merged: [] },
  { name: "Huế", city: true, merged: [] },
  { name: "Hải Phòng", city: true, merged: ["Hải Dương"] },
  { name: "Đà Nẵng", city: true, merged: ["Quảng Nam"] },
  { name: "Hồ Chí Minh", city: true, merged: ["Bình Dương", "Bà Rịa - Vũng Tàu"] },
  { name: "Cần Thơ", city: true, merged: ["Sóc Trăng", "Hậu Giang"] },
  { name: "Lai Châu", city: false, merged: [] },
  { name: "Điện Biên", city: false, merged: [] },
  { name: "Sơn La", city: false, merged: [] },
  { name: "Lạng Sơn", city: false, merged: [] },
  { name: "Quảng Ninh", city: false, merged: [] },
  { name: "Thanh Hóa", city: false, merged: [] },
  { name: "Nghệ An", city: false, merged: [] },
  { name: "Hà Tĩnh", city: false, merged: [] },
  { name: "Cao Bằng", city: false, merged: [] },
  { name: "Tuyên Quang", city: false, merged: ["Hà Giang"] },
  { name: "Lào Cai", city: false, merged: ["Yên Bái"] },
  { name: "Thái Nguyên", city: false, merged: ["Bắc Kạn"] },
  { name: "Phú Thọ", city: false, merged: ["Vĩnh Phúc", "Hòa Bình"] },
  { name: "Bắc Ninh", city: false, merged: ["Bắc Giang"] },
  { name: "Hưng Yên", city: false, merged: ["Thái Bình"] },
  { name: "Ninh Bình", city: false, merged: ["Hà Nam", "Nam Định"] },
  { name: "Quảng Trị", city: false, merged: ["Quảng Bình"] },
  { name: "Quảng Ngãi", city: false, merged: ["Kon Tum"] },
  { name: "Gia Lai", city: false, merged: ["Bình Định"] },
  { name: "Khánh Hòa", city: false, merged: ["Ninh Thuận"] },
  { name: "Lâm Đồng", city: false, merged: ["Đắk Nông", "Bình Thuận"] },
  { name: "Đắk Lắk", city: false, merged: ["Phú Yên"] },
  { name: "Đồng Nai", city: false, merged: ["Bình Phước"] },
  { name: "Tây Ninh", city: false, merged: ["Long An"] },
  { name: "Vĩnh Long", city: false, merged: ["Bến Tre", "Trà Vinh"] },
  { name: "Đồng Tháp", city: false, merged: ["Tiền Giang"] },
  { name: "Cà Mau", city: false, merged: ["Bạc Liêu"] },
  { name: "An Giang", city: false, merged: ["Kiên Giang"] },
];

const PLACES = new Set(
  PROVINCES_2025.flatMap((p) => [p.name, ...p.merged])
    .flatMap((n) => [n, ...n.split(/\s+-\s+/)])
    .map((n) => foldKey(n)),
);

/** True for the name of a province or city, before or after 2025, or a half of a two-part one ("Vũng Tàu"). */
export function isProvinceName(text: string): boolean {
  return PLACES.has(foldKey(text.trim()));
}

function committees(): AgencyEntry[] {
  const province = at("province");
  const out: AgencyEntry[] = [];
  for (const p of PROVINCES_2025) {
    const level = p.city ? "thành phố" : "tỉnh";
    const other = p.city ? "tỉnh" : "thành phố";
    const aliases = [`Ủy ban nhân dân ${level} ${p.name}`, `UBND ${p.name}`, `UBND ${other} ${p.name}`];
    if (p.name === "Hồ Chí Minh") aliases.push("UBND TP.HCM", "UBND TPHCM");
    out.push(province(`UBND ${level} ${p.name}`, aliases));
    for (const m of p.merged) {
      out.push(
        province(
          `UBND tỉnh ${m}`,
          [`Ủy ban nhân dân tỉnh ${m}`, `UBND ${m}`],
          `Từ 01/7/2025 hợp nhất vào ${p.city ? "thành phố" : "tỉnh"} ${p.name}.`,
        ),
      );
    }
  }
  return out;
}

/** Local government below the province, since 1 July 2025 two-level: communes, wards and special zones. */
const COMMUNE_GROUPS: AgencyEntry[] = [
  { name: "UBND cấp xã", aliases: ["Ủy ban nhân dân cấp xã"], kind: "group", level: "commune" },
  {
    name: "UBND các xã, phường",
    aliases: ["Ủy ban nhân dân các xã, phường", "UBND các phường, xã", "UBND xã, phường"],
    kind: "group",
    level: "commune",
  },
  { name: "UBND các đặc khu", aliases: ["UBND đặc khu"], kind: "group", level: "commune" },
  {
    name: "UBND các huyện, thị xã, thành phố",
    aliases: ["Ủy ban nhân dân các huyện, thị xã, thành phố", "UBND cấp huyện", "UBND các quận, huyện"],
    kind: "group",
    level: "commune",
    note: "Không còn cấp huyện từ 01/7/2025 (chính quyền địa phương hai cấp).",
  },
  {
    name: "Phòng Giáo dục và Đào tạo các huyện, thành phố",
    aliases: ["Phòng GD&ĐT các huyện, thành phố", "Phòng Giáo dục và Đào tạo cấp huyện", "Phòng GD&ĐT cấp huyện"],
    kind: "group",
    level: "commune",
    note: "Không còn cấp huyện từ 01/7/2025 (chính quyền địa phương hai cấp).",
  },
];

/** Classes of national bodies: "Line ministries" of an English table are the ministries of the sectors concerned. */
const NATIONAL_GROUPS: AgencyEntry[] = [
  {
    name: "Các bộ quản lý ngành",
    aliases: ["Bộ quản lý ngành", "Các bộ quản lý ngành, lĩnh vực", "Line ministries"],
    kind: "group",
    level: "national",
  },
];

export const NATIONAL_DIRECTORY: AgencyEntry[] = [
  ...GOVERNMENT,
  ...CENTRAL,
  ...SOCIETY,
  ...STATE_GROUPS,
  ...committees(),
  ...COMMUNE_GROUPS,
  ...NATIONAL_GROUPS,
];
