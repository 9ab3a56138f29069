/**
 * The forms real lead and coordinating cells take (issue 11): lines broken inside a name, distributive lists,
 * full stops and slashes between bodies, roles in front of a body, contact lines, named provinces, and the national
 * bodies of the default directory. Cells are real text from the corpus (test/fixtures/real, ../shared/fixtures/real)
 * or the real forms issue 11 quotes.
 */
import { splitAgencyCell } from "../../src/core/agencies/split";
import { joinWrappedLines, rewriteAgencyList } from "../../src/core/agencies/lists";
import { isContact } from "../../src/core/agencies/contacts";
import { DEFAULT_DIRECTORY } from "../../src/core/agencies/default-directory";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { PROVINCES_2025 } from "../../src/core/agencies/national-directory";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { corpusGrid, corpusRows } from "../support/corpus";

const dir = defaultDirectory();
const read = (cell: string) => {
  const r = splitAgencyCell(cell, dir);
  return { parts: r.parts.map((p) => `${p.kind === "group" ? "group" : p.known ? "agency" : "unknown"}:${p.name}`), contacts: r.contacts };
};

describe("a line broken inside a name (text as it comes out of PDF or Word)", () => {
  test("QĐ 2629/QĐ-TTg PL I: 'Bộ Khoa học và\\nCông nghệ' is one ministry", () => {
    const rows = corpusRows({ file: "chinhphu_qd2629-2025_pl1_chi-tieu.tsv", origin: "new" });
    const cell = rows.slice(1).find((r) => r[4].includes("\n"))![4];
    expect(cell).toBe("Bộ Khoa học và\nCông nghệ");
    expect(read(cell).parts).toEqual(["agency:Bộ Khoa học và Công nghệ"]);
  });
  test("a new bullet line is not joined", () => {
    expect(joinWrappedLines("- Sở Tài chính,\n- Sở Nội vụ")).toBe("- Sở Tài chính,\n- Sở Nội vụ");
  });
});

describe("national bodies and their abbreviations", () => {
  test("NQ 03/NQ-CP: 'VTV, VOV, TTXVN, các địa phương' is the three national broadcasters and a group", () => {
    expect(read("VTV, VOV, TTXVN, các địa phương").parts).toEqual([
      "agency:Đài Truyền hình Việt Nam",
      "agency:Đài Tiếng nói Việt Nam",
      "agency:Thông tấn xã Việt Nam",
      "group:Các địa phương",
    ]);
  });
  test("NQ 03/NQ-CP PL I: a national plan's 'Ngân hàng Nhà nước' is the State Bank", () => {
    expect(read("Ngân hàng Nhà nước").parts).toEqual(["agency:Ngân hàng Nhà nước Việt Nam"]);
  });
  test("NQ 119/NQ-UBTVQH15: the committees of the National Assembly are known", () => {
    expect(read("Hội đồng Dân tộc, các Ủy ban khác của Quốc hội").parts).toEqual([
      "agency:Hội đồng Dân tộc",
      "group:Các Ủy ban khác của Quốc hội",
    ]);
  });
  test("'Sở KHCN, Tập đoàn Viettel' is two bodies", () => {
    expect(read("Sở KHCN, Tập đoàn Viettel").parts).toEqual([
      "agency:Sở Khoa học và Công nghệ",
      "agency:Tập đoàn Công nghiệp - Viễn thông Quân đội",
    ]);
  });
  test("every entry has a level; the 34 provinces of 2025 each have their People's Committee", () => {
    expect(DEFAULT_DIRECTORY.agencies.filter((a) => a.kind === "agency" && a.level === undefined)).toEqual([]);
    expect(PROVINCES_2025).toHaveLength(34);
    for (const p of PROVINCES_2025) expect(dir.find(`UBND ${p.city ? "thành phố" : "tỉnh"} ${p.name}`)?.name).toMatch(p.name);
    expect(dir.find("UBND cấp xã")).toEqual({ name: "UBND cấp xã", kind: "group" });
    expect(dir.find("UBND các huyện, thị xã, thành phố")?.kind).toBe("group");
  });
});

describe("distributive lists", () => {
  test("'Các Cục: Di sản văn hóa, Bản quyền tác giả; Văn phòng Bộ'", () => {
    expect(read("Các Cục: Di sản văn hóa, Bản quyền tác giả; Văn phòng Bộ").parts).toEqual([
      "agency:Cục Di sản văn hóa",
      "agency:Cục Bản quyền tác giả",
      "agency:Văn phòng Bộ",
    ]);
  });
  test("'UBND thành phố Hà Nội, Thành phố Hồ Chí Minh' is two People's Committees, neither folded into UBND tỉnh", () => {
    expect(read("UBND thành phố Hà Nội, Thành phố Hồ Chí Minh").parts).toEqual([
      "agency:UBND thành phố Hà Nội",
      "agency:UBND thành phố Hồ Chí Minh",
    ]);
  });
  test("'UBND tỉnh, Tỉnh Đoàn Thanh niên' is not a list of provinces", () => {
    expect(read("UBND tỉnh, Tỉnh Đoàn Thanh niên").parts).toEqual(["agency:UBND tỉnh", "agency:Tỉnh đoàn"]);
  });
  test("Nghệ An KH 980: 'Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã' is the provincial board and the commune boards", () => {
    expect(read("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã").parts).toEqual([
      "agency:Ban Chỉ huy Phòng thủ dân sự tỉnh",
      "group:Ban Chỉ huy Phòng thủ dân sự cấp xã",
    ]);
  });
  test("Đồng Nai KH 179: kinds of schools stay a class of bodies", () => {
    expect(rewriteAgencyList("Các Trường: Đại học, Cao đẳng")).toBe("các Trường Đại học; các Trường Cao đẳng");
  });
});

describe("a head word before a list of abbreviations, decided by what the directory knows", () => {
  const ptsc = corpusRows({ file: "ptsc-quangngai_kh-2026_wbs-data-platform.tsv", origin: "new" });
  const coordinating = (code: string) => ptsc.find((r) => r[0] === code)![4];
  test("PTSC Quảng Ngãi 1.4: 'Phòng KHTH, CNTT' is two departments (CNTT names no body without a head word)", () => {
    expect(coordinating("1.4")).toBe("Phòng KHTH, CNTT");
    expect(read(coordinating("1.4")).parts).toEqual(["unknown:Phòng KHTH", "unknown:Phòng CNTT"]);
  });
  test("PTSC Quảng Ngãi 2.2: 'Phòng CNTT, Vendor': a name written in abbreviations is complete at the comma", () => {
    expect(coordinating("2.2")).toBe("Phòng CNTT, Vendor");
    expect(read(coordinating("2.2")).parts).toEqual(["unknown:Phòng CNTT", "unknown:Vendor"]);
  });
  test("the whole work plan: Phòng CNTT coordinates seven work items, and no part glues two bodies", () => {
    const c = checkSheet(corpusGrid({ file: "ptsc-quangngai_kh-2026_wbs-data-platform.tsv", origin: "new" }));
    expect(c.agencies.find((a) => a.name === "Phòng CNTT")).toMatchObject({ lead: 5, coordinating: 7 });
    expect(c.agencies.filter((a) => a.name.includes(","))).toEqual([]);
  });
  test.each([
    // The head word and the abbreviation make a name the directory knows.
    ["Sở TC, KHĐT", ["unknown:Sở TC", "agency:Sở Kế hoạch và Đầu tư"]],
    ["Bộ KH&ĐT, KH&CN", ["agency:Bộ Kế hoạch và Đầu tư", "agency:Bộ Khoa học và Công nghệ"]],
    ["Sở GTVT, Xây dựng", ["agency:Sở Giao thông vận tải", "agency:Sở Xây dựng"]],
    // The abbreviation names a body by itself: a department and a company.
    ["Sở TT&TT, VNPT", ["agency:Sở Thông tin và Truyền thông", "agency:Tập đoàn Bưu chính Viễn thông Việt Nam"]],
    // A provincial name that says "tỉnh" is the province's own body, never "Bộ Công an (tỉnh)".
    ["Bộ NNMT, Công an tỉnh, UBND tỉnh", ["agency:Bộ Nông nghiệp và Môi trường", "agency:Công an tỉnh", "agency:UBND tỉnh"]],
    ["Bộ NNMT, Công an tỉnh Bình Định", ["agency:Bộ Nông nghiệp và Môi trường", "agency:Công an tỉnh"]],
    // Without "tỉnh" the head word reaches it: the list names two ministries.
    ["Bộ NNMT, Công an", ["agency:Bộ Nông nghiệp và Môi trường", "agency:Bộ Công an"]],
    // A name after a comma that begins with the word before it is a body of its own.
    ["Cục Thuế, Thuế tỉnh", ["agency:Cục Thuế", "agency:Thuế tỉnh"]],
    ["Cục Thuế và Thuế tỉnh", ["agency:Cục Thuế", "agency:Thuế tỉnh"]],
    // A line that starts "Tỉnh ủy", "Tỉnh đoàn" is a body, not the level ending the name above ("Công an\nTỉnh").
    ["Bộ Công an\nTỉnh ủy", ["agency:Bộ Công an", "agency:Tỉnh ủy"]],
    ["Bộ Công an\nTỉnh đoàn", ["agency:Bộ Công an", "agency:Tỉnh đoàn"]],
    // … also when the body's word is capitalised like an area's name (a property run found "Tỉnh Đoàn Thanh niên").
    ["Bộ Công an\nTỉnh Đoàn Thanh niên, UBND tỉnh", ["agency:Bộ Công an", "agency:Tỉnh đoàn", "agency:UBND tỉnh"]],
    ["Bộ Công an\nTỉnh Ủy", ["agency:Bộ Công an", "agency:Tỉnh ủy"]],
    ["Công an\nTỉnh Bình Định", ["agency:Công an tỉnh"]],
    ["Công an\nTỉnh, Sở Nội vụ", ["agency:Công an tỉnh", "agency:Sở Nội vụ"]],
    // A name that opens after "và" keeps its own commas: the list of the head word ended at the "và" (a property run).
    [
      "Tập đoàn VNPT, Viettel và Bộ Văn hóa, Thể thao và Du lịch",
      [
        "agency:Tập đoàn Bưu chính Viễn thông Việt Nam",
        "agency:Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "agency:Bộ Văn hóa, Thể thao và Du lịch",
      ],
    ],
    // The directory knows the run as one name.
    ["Sở VH,TT&DL", ["agency:Sở Văn hóa, Thể thao và Du lịch"]],
    // Nothing known of the abbreviation: it may be a department or a company, so the cell stays as written.
    ["Phòng CNTT, FPT", ["unknown:Phòng CNTT, FPT"]],
  ])("%j", (cell, parts) => {
    expect(read(cell).parts).toEqual(parts);
  });
});

describe("separators between bodies", () => {
  test("a full stop: '… Việt Nam. Vụ Kế hoạch, Tài chính'", () => {
    expect(read("Cục Du lịch Quốc gia Việt Nam. Vụ Kế hoạch, Tài chính").parts).toEqual([
      "agency:Cục Du lịch Quốc gia Việt Nam",
      "agency:Vụ Kế hoạch, Tài chính",
    ]);
  });
  test("not the full stop of an abbreviation: 'UBND TP. Hà Nội'", () => {
    expect(rewriteAgencyList("UBND TP. Hà Nội")).toBe("UBND TP. Hà Nội");
  });
  test("a slash: 'Sở Xây dựng/các công ty cấp nước'", () => {
    expect(read("Sở Xây dựng/các công ty cấp nước").parts).toEqual(["agency:Sở Xây dựng", "group:Các công ty cấp nước"]);
  });
});

describe("roles in front of a body", () => {
  test("'Giám đốc, Thủ trưởng các Sở, ban, ngành' is the group of departments", () => {
    expect(read("Giám đốc, Thủ trưởng các Sở, ban, ngành").parts).toEqual(["group:Các sở, ban, ngành"]);
  });
});

describe("contact lines in a lead cell (officers' workbook, Sở Tư pháp An Giang)", () => {
  test.each([
    [
      "- Công an tỉnh, Bộ Chỉ huy quân sự tỉnh, Sở Nội vụ.\n- Thảo.",
      ["agency:Công an tỉnh", "agency:Bộ Chỉ huy Quân sự tỉnh", "agency:Sở Nội vụ"],
      ["Thảo."],
    ],
    [
      "- Sở Tư pháp, Sở Nông nghiệp và Môi trường.\n- Nhung, Trâm.",
      ["agency:Sở Tư pháp", "agency:Sở Nông nghiệp và Môi trường"],
      ["Nhung, Trâm."],
    ],
    ["Nhung - Sở Tư pháp", ["agency:Sở Tư pháp"], ["Nhung"]],
    ["- Thanh Hằng.\n- Sở Công Thương.", ["agency:Sở Công Thương"], ["Thanh Hằng."]],
  ])("%j", (cell, parts, contacts) => {
    expect(read(cell)).toEqual({ parts, contacts });
  });
  test("a phone number or a title makes a contact; bodies and provinces do not", () => {
    expect(isContact("Đ/c Minh, ĐT: 0912 345 678")).toBe(true);
    // No Vietnamese syllable is spelt "Viettel", "Vendor" or "Contact": foreign words name bodies, not people.
    expect(isContact("Viettel")).toBe(false);
    expect(isContact("Vendor")).toBe(false);
    expect(isContact("Nhóm Contact Center")).toBe(false);
    expect(isContact("A. Dương")).toBe(true);
    expect(isContact("Hiếu, Trang, Quy", true)).toBe(true);
    expect(read("Viettel").parts).toEqual(["agency:Tập đoàn Công nghiệp - Viễn thông Quân đội"]);
    expect(isContact("Vũng Tàu")).toBe(false);
    expect(isContact("Sở Du lịch")).toBe(false);
    expect(read("Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu").parts).toEqual(["agency:UBND tỉnh Bà Rịa - Vũng Tàu"]);
  });
});
