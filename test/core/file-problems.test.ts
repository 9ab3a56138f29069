/**
 * zod's issues said from our catalogue (issue 10): where (in words for the pane, by JSON path for the command line)
 * and what was expected, in Vietnamese or English; zod's own English never comes through.
 */
import { z } from "zod";
import { readDirectoryJson } from "../../src/core/agencies/directory-file";
import { DirectorySchema } from "../../src/core/agencies/directory";
import { fileRefusalText, problemsOf, problemsText, readJsonFile } from "../../src/core/settings/file-problems";
import { parseSettings } from "../../src/core/settings/settings";
import { parseRulesFile } from "../../src/core/settings/rules-file";
import { parseStatedTotals } from "../../src/core/kinds/delegations/stated-totals";

/** Words of zod's own messages ("Invalid input: expected number, received string", "Too small: …"). */
const ZOD_ENGLISH = /invalid|expected|received|too small|too big|unrecognized|option/i;

function refusal(text: string, schema: z.ZodType<unknown>) {
  const read = readJsonFile(text, schema);
  if (read.ok) throw new Error(`expected ${text} to be refused`);
  return read.refusal;
}

const SCHEMA = z.strictObject({
  version: z.literal(1),
  year: z.number().int().min(1900).max(2100).optional(),
  lang: z.enum(["vi", "en"]).optional(),
  name: z.string().trim().min(1).optional(),
  list: z.array(z.string()).optional(),
});

describe.each([
  ['{"version": 2}', "version: phải là 1", "version: must be 1"],
  ['{"version": 1, "year": "2022"}', "year: phải là một số", "year: must be a number"],
  ['{"version": 1, "year": 2022.5}', "year: phải là một số nguyên", "year: must be a whole number"],
  ['{"version": 1, "year": 1800}', "year: phải từ 1900 trở lên", "year: must be 1900 or more"],
  ['{"version": 1, "year": 3000}', "year: phải từ 2100 trở xuống", "year: must be 2100 or less"],
  ['{"version": 1, "lang": "fr"}', "lang: phải là một trong các giá trị “vi”, “en”", "lang: must be one of “vi”, “en”"],
  ['{"version": 1, "name": "  "}', "name: không được để trống", "name: must not be empty"],
  ['{"version": 1, "list": "a"}', "list: phải là một danh sách […]", "list: must be a list […]"],
  ['{"version": 1, "list": ["a", 3]}', "list[1]: phải là một chuỗi chữ", "list[1]: must be a text"],
  ['{"version": 1, "extra": true}', "cả tệp: có mục không nhận ra: “extra”", "the whole file: holds keys that are not known: “extra”"],
  ["[]", "cả tệp: phải là một đối tượng {…}", "the whole file: must be an object {…}"],
  ['{"version": 2, "year": "x"}', "version: phải là 1 (và 1 chỗ khác)", "version: must be 1 (and 1 more)"],
])("%s", (text, vi, en) => {
  test("by JSON path, in Vietnamese and in English", () => {
    const r = refusal(text, SCHEMA);
    expect(fileRefusalText(r, "vi", "json")).toBe(vi);
    expect(fileRefusalText(r, "vi", "json")).not.toMatch(ZOD_ENGLISH);
    expect(fileRefusalText(r, "en", "json")).toBe(en);
  });
});

test("not JSON at all", () => {
  const r = refusal("{version: 1", SCHEMA);
  expect(fileRefusalText(r, "vi")).toBe("không phải JSON hợp lệ");
  expect(fileRefusalText(r, "en")).toBe("not valid JSON");
});

test("in words for the pane: the agency by its number, the field by its name", () => {
  const r = readDirectoryJson(JSON.stringify({ version: 1, agencies: [{ name: "Sở A" }, { name: "" }] }));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(fileRefusalText(r.refusal, "vi")).toBe("cơ quan thứ 2, tên chuẩn: không được để trống");
  expect(fileRefusalText(r.refusal, "en")).toBe("agency 2, name: must not be empty");
  expect(fileRefusalText(r.refusal, "vi", "json")).toBe("agencies[1].name: không được để trống");
});

test("a directory whose other name already names another agency: both named, in both languages", () => {
  const r = readDirectoryJson(
    JSON.stringify({ version: 1, agencies: [{ name: "Sở Kế hoạch và Đầu tư" }, { name: "Sở Tài chính", aliases: ["Sở KH&ĐT"] }] }),
  );
  if (r.ok) throw new Error("expected a clash");
  expect(fileRefusalText(r.refusal, "vi", "json")).toBe("agencies[1].aliases[0]: tên “Sở KH&ĐT” đã dùng cho “Sở Kế hoạch và Đầu tư”");
  expect(fileRefusalText(r.refusal, "en", "json")).toBe(
    "agencies[1].aliases[0]: the name “Sở KH&ĐT” already names “Sở Kế hoạch và Đầu tư”",
  );
});

test("the settings, rules and stated-totals files are refused the same way", () => {
  const settings = parseSettings('{"version": 1, "rules": {"missing-stt": {"severity": "fatal"}}}');
  if (settings.ok) throw new Error("expected a refusal");
  expect(fileRefusalText(settings.refusal, "vi", "json")).toBe(
    "rules.missing-stt.severity: phải là một trong các giá trị “error”, “warning”, “info”",
  );
  const rules = parseRulesFile('{"version": 1, "rules": {"missing-stt": {"enabled": "no"}}}');
  if (rules.ok) throw new Error("expected a refusal");
  expect(fileRefusalText(rules.refusal, "vi")).toBe("quy tắc, “missing-stt”, bật/tắt: phải là true hoặc false");
  const stated = parseStatedTotals('{"outbond": {"total": 13}}');
  if (stated.ok) throw new Error("expected a refusal");
  expect(fileRefusalText(stated.refusal, "vi", "json")).toBe("cả tệp: có mục không nhận ra: “outbond”");
  expect(fileRefusalText(stated.refusal, "en", "json")).toBe("the whole file: holds keys that are not known: “outbond”");
});

test("whatever zod says, the Vietnamese text holds none of its English", () => {
  const samples = [
    '{"version": 1, "agencies": [{"name": "A", "kind": "office"}]}',
    '{"version": 1, "agencies": [{"name": "A", "aliases": "B"}]}',
    '{"version": 1, "agencies": [{"name": "A", "level": 3}]}',
    '{"version": 1, "agencies": {}}',
    '{"agencies": []}',
    "null",
  ];
  for (const text of samples) {
    const parsed = DirectorySchema.safeParse(JSON.parse(text));
    expect(parsed.success).toBe(false);
    if (parsed.success) continue;
    const vi = problemsText(problemsOf(parsed.error), "vi");
    expect(vi).not.toMatch(ZOD_ENGLISH);
    expect(vi).not.toContain(parsed.error.issues[0].message);
  }
});
