/**
 * The directory that ships with the product: the bodies a provincial plan names as lead or coordinating
 * agencies, the ministries and central bodies provincial plans cite, and the usual groups (a class of
 * bodies, e.g. "Các sở, ban, ngành liên quan"). Names ending in "tỉnh" also match "… Thành phố" and
 * "… tỉnh Bình Định"; the key folding handles case, diacritics and the common abbreviations, so aliases
 * here only list what folding cannot guess.
 *
 * Bodies that the 2025 reorganisation merged away stay as their own entries, because plans written before
 * then still name them; their `note` says where they went.
 */
import { AgencyDirectory, AgencyEntry, buildDirectory, DirectoryData } from "./directory";
import { NATIONAL_DIRECTORY } from "./national-directory";

const agency = (name: string, aliases: string[] = [], note?: string): AgencyEntry =>
  note === undefined ? { name, aliases, kind: "agency", level: "province" } : { name, aliases, kind: "agency", level: "province", note };

const group = (name: string, aliases: string[] = []): AgencyEntry => ({ name, aliases, kind: "group" });

const MERGED_2025 = "Từ 01/3/2025 hợp nhất vào";

export const DEFAULT_DIRECTORY: DirectoryData = {
  version: 1,
  name: "Danh mục cơ quan (mặc định): cấp tỉnh, trung ương và 34 tỉnh, thành phố",
  agencies: [
    // Chính quyền tỉnh — the provincial government and its office
    agency("UBND tỉnh", ["Ủy ban nhân dân tỉnh", "UBND Thành phố"]),
    agency("Văn phòng UBND tỉnh", ["Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh"]),
    agency("HĐND tỉnh", ["Hội đồng nhân dân tỉnh"]),
    agency("Văn phòng Đoàn ĐBQH và HĐND tỉnh", ["Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"]),

    // Sở — departments of the provincial government
    agency("Sở Ngoại vụ"),
    agency("Sở Nội vụ"),
    agency("Sở Tư pháp"),
    agency("Sở Tài chính"),
    agency("Sở Kế hoạch và Đầu tư", ["Sở KH&ĐT", "Sở KHĐT"], `${MERGED_2025} Sở Tài chính.`),
    agency("Sở Công Thương"),
    agency("Sở Xây dựng"),
    agency("Sở Giao thông vận tải", ["Sở GTVT"], `${MERGED_2025} Sở Xây dựng.`),
    agency(
      "Sở Nông nghiệp và Phát triển nông thôn",
      ["Sở NN&PTNT", "Sở NNPTNT", "Sở Nông nghiệp và PTNT"],
      `${MERGED_2025} Sở Nông nghiệp và Môi trường.`,
    ),
    agency("Sở Tài nguyên và Môi trường", ["Sở TN&MT", "Sở TNMT"], `${MERGED_2025} Sở Nông nghiệp và Môi trường.`),
    agency("Sở Nông nghiệp và Môi trường", ["Sở NN&MT"], "Thành lập năm 2025 (Sở NN&PTNT và Sở TN&MT hợp nhất)."),
    agency("Sở Khoa học và Công nghệ", ["Sở KH&CN", "KH&CN", "Sở KHCN"]),
    agency("Sở Thông tin và Truyền thông", ["Sở TT&TT", "Sở TTTT"], `${MERGED_2025} Sở Khoa học và Công nghệ.`),
    agency("Sở Văn hóa, Thể thao và Du lịch", ["Sở VHTTDL", "Sở VH-TT&DL", "Sở VHTT&DL", "Sở VH,TT&DL", "Sở VH, TT và DL", "Sở VH, TT&DL"]),
    agency("Sở Văn hóa và Thể thao", ["Sở VH&TT"]),
    agency("Sở Du lịch"),
    agency("Sở Giáo dục và Đào tạo", ["Sở GD&ĐT", "Sở GDĐT"]),
    agency("Sở Y tế"),
    agency(
      "Sở Lao động - Thương binh và Xã hội",
      ["Sở LĐ-TB&XH", "Sở LĐTBXH"],
      `${MERGED_2025} Sở Nội vụ (mảng bảo trợ xã hội sang Sở Y tế).`,
    ),
    agency("Sở Dân tộc và Tôn giáo", [], "Thành lập năm 2025 từ Ban Dân tộc tỉnh."),
    agency("Ban Dân tộc tỉnh", [], `${MERGED_2025} Sở Dân tộc và Tôn giáo.`),
    agency("Thanh tra tỉnh"),

    // Lực lượng vũ trang — police and army
    agency("Công an tỉnh"),
    agency("Bộ Chỉ huy Quân sự tỉnh", ["Bộ CHQS tỉnh", "BCH Quân sự tỉnh"]),
    agency("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", ["BCH BĐBP tỉnh", "Bộ CH BĐBP tỉnh", "Bộ đội Biên phòng tỉnh"]),
    agency("Ban Chỉ huy Phòng thủ dân sự tỉnh", ["Ban Chỉ huy PTDS tỉnh"]),

    // Ban quản lý — management boards of economic zones and industrial parks
    agency("Ban Quản lý Khu kinh tế tỉnh", ["BQL KKT tỉnh"]),
    agency("Ban Quản lý các khu công nghiệp tỉnh", ["BQL các KCN tỉnh"]),
    agency("Ban Quản lý các khu công nghệ cao và khu công nghiệp"),

    // Mặt trận và đoàn thể — the Fatherland Front and mass organisations
    agency("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", [
      "Ủy ban MTTQ Việt Nam tỉnh",
      "Ủy ban MTTQ tỉnh",
      "UBMTTQ tỉnh",
      "UBMTTQVN tỉnh",
      "Mặt trận Tổ quốc tỉnh",
    ]),
    agency("Tỉnh đoàn", ["Tỉnh Đoàn Thanh niên", "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh"]),
    agency("Hội Liên hiệp Phụ nữ tỉnh", ["Hội LHPN tỉnh"]),
    agency("Liên đoàn Lao động tỉnh", ["LĐLĐ tỉnh"]),
    agency("Hội Nông dân tỉnh"),
    agency("Hội Cựu chiến binh tỉnh"),
    agency("Liên hiệp các tổ chức hữu nghị tỉnh"),
    agency("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", ["Liên hiệp các Hội KH&KT tỉnh"]),
    agency("Liên minh Hợp tác xã tỉnh"),

    // Cơ quan Đảng — the provincial Party committee
    agency("Tỉnh ủy"),
    agency("Văn phòng Tỉnh ủy"),
    agency("Ban Tổ chức Tỉnh ủy"),
    agency("Ban Tuyên giáo Tỉnh ủy", [], "Năm 2025 hợp nhất với Ban Dân vận thành Ban Tuyên giáo và Dân vận Tỉnh ủy."),
    agency("Ban Dân vận Tỉnh ủy", [], "Năm 2025 hợp nhất với Ban Tuyên giáo thành Ban Tuyên giáo và Dân vận Tỉnh ủy."),
    agency("Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    agency("Ban Nội chính Tỉnh ủy"),
    agency("Ủy ban Kiểm tra Tỉnh ủy"),

    // Báo chí — provincial press
    agency("Đài Phát thanh và Truyền hình tỉnh", ["Đài PT-TH tỉnh", "Đài PTTH tỉnh"], "Năm 2025 hợp nhất với Báo tỉnh."),
    agency("Báo tỉnh", [], "Năm 2025 hợp nhất với Đài Phát thanh và Truyền hình tỉnh."),
    agency("Báo và Phát thanh, Truyền hình tỉnh", [], "Thành lập năm 2025 (Báo tỉnh và Đài PT-TH tỉnh hợp nhất)."),

    // Cơ quan Trung ương đóng tại tỉnh — central bodies located in the province
    agency(
      "Ngân hàng Nhà nước chi nhánh tỉnh",
      ["Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh", "NHNN chi nhánh tỉnh", "NHNN tỉnh"],
      "Từ 01/3/2025 tổ chức lại thành chi nhánh khu vực.",
    ),
    agency("Kho bạc Nhà nước tỉnh", ["KBNN tỉnh"]),
    agency("Bảo hiểm xã hội tỉnh", ["BHXH tỉnh"]),
    agency("Cục Thuế tỉnh", [], "Từ 01/3/2025 tổ chức lại thành Thuế tỉnh."),
    agency("Thuế tỉnh"),
    agency("Cục Hải quan tỉnh"),
    // From 2025 the provincial statistics office is "Thống kê tỉnh", under the Cục Thống kê.
    agency("Cục Thống kê tỉnh", ["Thống kê tỉnh"]),
    agency("Tòa án nhân dân tỉnh"),
    agency("Viện Kiểm sát nhân dân tỉnh"),

    // Đơn vị sự nghiệp — public service units
    agency("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", ["Trung tâm XTĐT, TM&DL tỉnh"]),
    agency("Trung tâm Chuyển đổi số"),

    // Trung ương — central bodies named by provincial plans; the national directory holds the rest.
    { name: "Cục Ngoại vụ", aliases: [], kind: "agency", level: "national", note: "Cục thuộc Bộ Ngoại giao." },
    { name: "Cục Lãnh sự", aliases: [], kind: "agency", level: "national", note: "Cục thuộc Bộ Ngoại giao." },
    { name: "Học viện Ngoại giao", aliases: [], kind: "agency", level: "national" },
    ...NATIONAL_DIRECTORY,

    // Nhóm — classes of bodies, tallied apart and never flagged unknown
    group("Các sở, ban, ngành liên quan", ["Sở, ban, ngành liên quan", "Các sở, ban, ngành có liên quan"]),
    group("Các sở, ban, ngành"),
    group("Các sở, ban, ngành và địa phương liên quan"),
    group("Các cơ quan, đơn vị liên quan", ["Các cơ quan, đơn vị có liên quan"]),
    group("Các cơ quan liên quan"),
    group("Cơ quan, địa phương liên quan", ["Các cơ quan, địa phương liên quan"]),
    group("Các bộ, ngành, địa phương", ["Các bộ, ngành, địa phương liên quan"]),
  ],
};

let memoDefault: AgencyDirectory | undefined;

/** The directory that ships with the product (provincial bodies, including the 2025 mergers). */
export function defaultDirectory(): AgencyDirectory {
  if (!memoDefault) memoDefault = buildDirectory(DEFAULT_DIRECTORY);
  return memoDefault;
}
