import fc from "fast-check";
import { DEFAULT_DIRECTORY, defaultDirectory } from "../../src/core/agencies/default-directory";
import {
  agencyKey,
  boundedDistance,
  buildDirectory,
  DirectoryData,
  DirectorySchema,
  directoryToJson,
} from "../../src/core/agencies/directory";
import { parseDirectoryJson } from "../../src/core/agencies/directory-file";

const dir = defaultDirectory();

describe("default directory", () => {
  test("is valid against the schema and survives a JSON round trip", () => {
    const parsed = DirectorySchema.safeParse(DEFAULT_DIRECTORY);
    expect(parsed.success).toBe(true);
    const back = parseDirectoryJson(directoryToJson(DEFAULT_DIRECTORY));
    expect(back).toEqual({ ok: true, data: DEFAULT_DIRECTORY });
  });

  test("holds the provincial bodies, the ministries cited and the 2025 mergers", () => {
    const names = new Set(DEFAULT_DIRECTORY.agencies.map((a) => a.name));
    for (const name of [
      "UBND tỉnh",
      "Văn phòng UBND tỉnh",
      "Sở Ngoại vụ",
      "Sở Kế hoạch và Đầu tư",
      "Sở Nông nghiệp và Môi trường",
      "Sở Văn hóa, Thể thao và Du lịch",
      "Sở Lao động - Thương binh và Xã hội",
      "Sở Dân tộc và Tôn giáo",
      "Công an tỉnh",
      "Bộ Chỉ huy Quân sự tỉnh",
      "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
      "Ban Quản lý Khu kinh tế tỉnh",
      "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
      "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
      "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
      "Cục Lãnh sự",
      "Học viện Ngoại giao",
      "Bộ Văn hóa, Thể thao và Du lịch",
      "Văn phòng Chính phủ",
    ]) {
      expect(names).toContain(name);
    }
    const merged = DEFAULT_DIRECTORY.agencies.find((a) => a.name === "Sở Kế hoạch và Đầu tư");
    expect(merged?.note).toMatch(/Sở Tài chính/);
  });

  test("lists the common groups as groups", () => {
    const groups = DEFAULT_DIRECTORY.agencies.filter((a) => a.kind === "group").map((a) => a.name);
    expect(groups).toEqual(
      expect.arrayContaining([
        "Các sở, ban, ngành liên quan",
        "UBND các huyện, thị xã, thành phố",
        "UBND các xã, phường",
        "Các cơ quan, đơn vị liên quan",
        "Cơ quan, địa phương liên quan",
      ]),
    );
  });

  test("is memoised", () => {
    expect(defaultDirectory()).toBe(dir);
  });
});

describe("find", () => {
  test.each([
    ["sở kế hoạch và đầu tư", "Sở Kế hoạch và Đầu tư"],
    ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "Sở Kế hoạch và Đầu tư"],
    ["So Ke hoach va Dau tu", "Sở Kế hoạch và Đầu tư"],
    ["Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"],
    ["Sở KHĐT", "Sở Kế hoạch và Đầu tư"],
    ["Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở Văn hóa Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"],
    ["Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"],
    ["Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"],
    ["Sở NN&PTNT", "Sở Nông nghiệp và Phát triển nông thôn"],
    ["Sở TN&MT", "Sở Tài nguyên và Môi trường"],
    ["Sở TT&TT", "Sở Thông tin và Truyền thông"],
    ["Sở GD&ĐT", "Sở Giáo dục và Đào tạo"],
    ["Sở KH&CN", "Sở Khoa học và Công nghệ"],
    ["KH&CN", "Sở Khoa học và Công nghệ"],
    ["BCH BĐBP tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
    ["Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"],
    ["Ủy ban nhân dân tỉnh", "UBND tỉnh"],
    ["Uỷ ban nhân dân tỉnh", "UBND tỉnh"],
    ["Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"],
    ["Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
    ["UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
    ["Công an Tỉnh", "Công an tỉnh"],
    ["Công an Thành phố", "Công an tỉnh"],
    ["Công an tỉnh Bình Định", "Công an tỉnh"],
    ["Ban Quản lý khu Kinh tế", "Ban Quản lý Khu kinh tế tỉnh"],
    ["Ban Quản lý khu Kinh tế tỉnh Đồng Tháp", "Ban Quản lý Khu kinh tế tỉnh"],
    ["Báo và Phát thanh, Truyền hình Đồng Nai", "Báo và Phát thanh, Truyền hình tỉnh"],
    ["Đài Phát thanh và Truyền hình Bình Định", "Đài Phát thanh và Truyền hình tỉnh"],
    ["Trung tâm Chuyển đổi số Thành phố", "Trung tâm Chuyển đổi số"],
    ["Học Viện Ngoại giao", "Học viện Ngoại giao"],
    ["Sở Sở Công thương", "Sở Công Thương"],
    ["  Sở   Ngoại\u00a0vụ ", "Sở Ngoại vụ"],
  ])("%s → %s", (written, canonical) => {
    expect(dir.find(written)?.name).toBe(canonical);
  });

  test("gives the kind of the entry", () => {
    expect(dir.find("Sở Ngoại vụ")?.kind).toBe("agency");
    expect(dir.find("Các sở, ban, ngành có liên quan")).toEqual({ name: "Các sở, ban, ngành liên quan", kind: "group" });
    expect(dir.find("UBND các phường, xã")).toEqual({ name: "UBND các xã, phường", kind: "group" });
  });

  test.each(["Sở Du lịch và Thể thao", "Công an xã", "Phòng Thương mại và Công nghiệp Đức tại Việt Nam", "", "  ", "…"])(
    "does not guess: %j",
    (written) => {
      expect(dir.find(written)).toBeUndefined();
    },
  );

  test("expands UBND and MTTQ in any directory, not only in listed aliases", () => {
    const custom = buildDirectory({
      version: 1,
      agencies: [
        { name: "Ủy ban nhân dân huyện Tuy Phước", aliases: [], kind: "agency" },
        { name: "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tuy Phước", aliases: [], kind: "agency" },
      ],
    });
    expect(custom.find("UBND huyện Tuy Phước")?.name).toBe("Ủy ban nhân dân huyện Tuy Phước");
    expect(custom.find("Ủy ban MTTQ Việt Nam huyện Tuy Phước")?.name).toBe("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tuy Phước");
    expect(custom.find("UBND huyện Phù Cát")).toBeUndefined();
  });

  test("keeps the first entry when a shared directory repeats a name", () => {
    const custom = buildDirectory({
      version: 1,
      agencies: [
        { name: "Sở Ngoại vụ", aliases: [], kind: "agency" },
        { name: "Sở Ngoại Vụ", aliases: ["SNV"], kind: "agency" },
      ],
    });
    expect(custom.find("sở ngoại vụ")?.name).toBe("Sở Ngoại vụ");
    expect(custom.find("SNV")?.name).toBe("Sở Ngoại Vụ");
  });

  test("finds every name and alias of the default directory, under any case and without diacritics", () => {
    for (const entry of DEFAULT_DIRECTORY.agencies) {
      for (const written of [entry.name, ...entry.aliases]) {
        const plain = written
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .replace(/[đĐ]/g, "d");
        expect(dir.find(written)?.name).toBe(entry.name);
        expect(dir.find(written.toUpperCase())?.name).toBe(entry.name);
        expect(dir.find(plain)?.name).toBe(entry.name);
      }
    }
  });
});

describe("agencyKey", () => {
  test("folds case, diacritics, tone placement, 'và', punctuation and abbreviations", () => {
    expect(agencyKey("Sở Văn hoá, Thể thao và Du lịch")).toBe("so van hoa the thao du lich");
    expect(agencyKey("Sở VH-TT&DL")).toBe("so van hoa the thao du lich");
    expect(agencyKey("UBND các huyện, thị xã, thành phố")).toBe("uy ban nhan dan cac huyen thi xa thanh pho");
    expect(agencyKey("Cơ quan có liên quan")).toBe("co quan lien quan");
    expect(agencyKey("Chính trị-xã hội")).toBe("chinh tri xa hoi");
  });
});

describe("suggest", () => {
  test("a misspelt word gives the intended name first", () => {
    expect(dir.suggest("Sở Văn hóa, Thể thoa và Du lịch")[0]).toBe("Sở Văn hóa, Thể thao và Du lịch");
    expect(dir.suggest("Sở Ngaoi vụ")[0]).toBe("Sở Ngoại vụ");
    expect(dir.suggest("Sở Tài chín")[0]).toBe("Sở Tài chính");
  });

  test("a name cut short suggests the names it begins", () => {
    expect(dir.suggest("Sở Văn hóa", 5)).toEqual(expect.arrayContaining(["Sở Văn hóa và Thể thao", "Sở Văn hóa, Thể thao và Du lịch"]));
  });

  test("an unlisted abbreviation is read as initials", () => {
    expect(dir.suggest("Sở TC")[0]).toBe("Sở Tài chính");
  });

  test("respects max, suggests agencies only, and nothing for a far-off name", () => {
    expect(dir.suggest("Sở Văn hóa", 1)).toHaveLength(1);
    expect(dir.suggest("Sở Văn hóa", 0)).toEqual([]);
    const groupNames = new Set(DEFAULT_DIRECTORY.agencies.filter((a) => a.kind === "group").map((a) => a.name));
    for (const s of dir.suggest("Các cơ quan liên quan khác", 10)) expect(groupNames.has(s)).toBe(false);
    expect(dir.suggest("xyz")).toEqual([]);
    expect(dir.suggest("")).toEqual([]);
  });

  test("returns a fresh array each time (the memo is not shared with callers)", () => {
    const first = dir.suggest("Sở Tài chín");
    first.push("changed");
    expect(dir.suggest("Sở Tài chín")).not.toContain("changed");
  });
});

describe("boundedDistance", () => {
  test("is the edit distance within the bound and bound + 1 beyond it", () => {
    expect(boundedDistance("thao", "thoa", 5)).toBe(2);
    expect(boundedDistance("kitten", "sitting", 5)).toBe(3);
    expect(boundedDistance("", "abc", 5)).toBe(3);
    expect(boundedDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  test("agrees with a plain edit distance whenever the distance is within the bound", () => {
    const plain = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
      for (let j = 1; j <= b.length; j++) d[0][j] = j;
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      return d[a.length][b.length];
    };
    // A small alphabet makes near strings, where the band and the early exit matter.
    const small = fc.string({ unit: fc.constantFrom("a", "b", "c", " "), maxLength: 16 });
    fc.assert(
      fc.property(small, small, fc.nat(12), (a, b, bound) => {
        const exact = plain(a, b);
        const got = boundedDistance(a, b, bound);
        if (exact <= bound) expect(got).toBe(exact);
        else expect(got).toBe(bound + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseDirectoryJson", () => {
  const sample: DirectoryData = {
    version: 1,
    name: "Danh mục tỉnh Bình Định",
    agencies: [
      { name: "Sở Ngoại vụ", aliases: ["SNgV"], kind: "agency" },
      { name: "Sở Kế hoạch và Đầu tư", aliases: [], kind: "agency", note: "Hợp nhất vào Sở Tài chính (2025)" },
      { name: "Các sở, ban, ngành liên quan", aliases: [], kind: "group" },
    ],
  };

  test("round-trips a directory", () => {
    const json = directoryToJson(sample);
    expect(JSON.parse(json)).toEqual(sample);
    expect(parseDirectoryJson(json)).toEqual({ ok: true, data: sample });
  });

  test("fills in defaults for aliases and kind", () => {
    const r = parseDirectoryJson('{"version":1,"agencies":[{"name":"Sở A"}]}');
    expect(r).toEqual({ ok: true, data: { version: 1, agencies: [{ name: "Sở A", aliases: [], kind: "agency" }] } });
  });

  test("accepts a byte order mark", () => {
    expect(parseDirectoryJson(`\uFEFF${directoryToJson(sample)}`).ok).toBe(true);
  });

  const errorOf = (text: string): string => {
    const r = parseDirectoryJson(text);
    if (r.ok) throw new Error(`expected an error for ${text}`);
    return r.error;
  };

  test("bad JSON says so", () => {
    expect(errorOf("{ version: 1")).toMatch(/^Not valid JSON: /);
    expect(errorOf("")).toMatch(/^Not valid JSON/);
  });

  test("a bad field is named by its path", () => {
    expect(errorOf('{"version":2,"agencies":[]}')).toMatch(/^version: /);
    expect(errorOf('{"version":1}')).toMatch(/^agencies: /);
    expect(errorOf('{"version":1,"agencies":[{"name":"Sở A"},{"name":""}]}')).toMatch(/^agencies\[1\]\.name: .*empty/);
    expect(errorOf('{"version":1,"agencies":[{"name":"   "}]}')).toMatch(/^agencies\[0\]\.name: /);
    expect(errorOf('{"version":1,"agencies":[{"name":"Sở A","kind":"office"}]}')).toMatch(/^agencies\[0\]\.kind: /);
    expect(errorOf('{"version":1,"agencies":[{"name":"Sở A","aliases":"Sở B"}]}')).toMatch(/^agencies\[0\]\.aliases: /);
    expect(errorOf('{"version":1,"agencies":[{"name":"Sở A","aliases":["x", 3]}]}')).toMatch(/^agencies\[0\]\.aliases\[1\]: /);
    expect(errorOf("[]")).toMatch(/^\(the whole file\): /);
  });

  test("counts the further problems", () => {
    expect(errorOf('{"version":2,"agencies":[{"name":""}]}')).toMatch(/and 1 more problem/);
  });

  test("an alias that already names another entry is an error naming both", () => {
    const text = JSON.stringify({
      version: 1,
      agencies: [{ name: "Sở Kế hoạch và Đầu tư" }, { name: "Sở Tài chính", aliases: ["Sở KH&ĐT"] }],
    });
    const error = errorOf(text);
    expect(error).toMatch(/^agencies\[1\]\.aliases\[0\]: /);
    expect(error).toContain("Sở Kế hoạch và Đầu tư");
  });

  test("never throws", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ version: 1, agencies: [v] })),
        ),
        (text) => {
          const r = parseDirectoryJson(text);
          expect(typeof r.ok).toBe("boolean");
          if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
