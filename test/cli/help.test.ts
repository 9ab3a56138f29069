/**
 * Help and usage problems: Vietnamese by default, English with --lang en, one help per command, SPEC 9's exit code 2
 * for every usage problem, and English counts with their plurals.
 */
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";


test("check --help and consolidate --help give each command's own help, in Vietnamese unless --lang en", async () => {
  const vi = await runCli(["check", "--help"]);
  expect(vi.code).toBe(0);
  expect(vi.stdout).toContain("Cách dùng: appendix-checker check <tệp.xlsx|tệp.docx|ke-hoach.txt>");
  expect(vi.stdout).toContain("--ignore-workbook-settings");
  expect(vi.stdout).not.toMatch(/unknown option|Usage/);
  const en = await runCli(["consolidate", "--help", "--lang", "en"]);
  expect(en.code).toBe(0);
  expect(en.stdout).toContain("Usage: appendix-checker consolidate <file.xlsx|file.docx|folder>");
  expect(en.stdout).not.toContain("check <file.xlsx>");
  const all = await runCli(["--help"]);
  expect(all.stdout).toContain("check");
  expect(all.stdout).toContain("consolidate");
  expect(all.stdout).toContain("Mã thoát");
});

test("usage problems are said in the user's language and exit 2", async () => {
  const vi = await runCli(["check", SEED_APPENDIX_XLSX, "--bogus"]);
  expect([vi.code, vi.stderr.split("\n")[0]]).toEqual([2, "appendix-checker: không có tùy chọn --bogus"]);
  const none = await runCli(["consolidate", "-o"]);
  expect([none.code, none.stderr.split("\n")[0]]).toEqual([2, "appendix-checker: -o cần một giá trị".replace("-o", "--output")]);
  const unknown = await runCli(["chek", "--lang", "en"]);
  expect([unknown.code, unknown.stderr.split("\n")[0]]).toEqual([2, 'appendix-checker: unknown command "chek"']);
  expect((await runCli(["check", "--lang", "fr", SEED_APPENDIX_XLSX])).code).toBe(2);
});

test("English counts take their plurals: 1 error, not 1 errors", async () => {
  const en = await runCli(["check", SEED_APPENDIX_XLSX, "--lang", "en"]);
  expect(en.stdout).toMatch(/8 sections, 25 tasks — 1 error, \d+ warnings?, \d+ infos?/);
  expect(en.stdout).not.toContain("1 errors");
  const vi = await runCli(["check", SEED_APPENDIX_XLSX]);
  expect(vi.stdout).toContain("8 mục, 25 nhiệm vụ — 1 lỗi");
});

test("extract, split, deadlines, track and diff are parsed by the registry: own help in both languages, usage problems in the user's language", async () => {
  for (const [command, vi, en] of [
    ["extract", "extract <ke-hoach.docx", "extract <plan.docx"],
    ["split", "--coordinating               thêm tệp", "--coordinating               also a workbook"],
    ["deadlines", "--as-of NGÀY", "--as-of DAY"],
    ["track", "track <ke-hoach.xlsx> <bao-cao.xlsx", "track <plan.xlsx> <reply.xlsx"],
    ["diff", "diff <cu.xlsx> <moi.xlsx>", "diff <old.xlsx> <new.xlsx>"],
  ]) {
    const viHelp = await runCli([command, "--help"]);
    expect([viHelp.code, viHelp.stdout]).toEqual([0, expect.stringContaining(vi)]);
    const enHelp = await runCli([command, "--help", "--lang", "en"]);
    expect([enHelp.code, enHelp.stdout]).toEqual([0, expect.stringContaining(en)]);
  }
  const bogus = await runCli(["split", SEED_APPENDIX_XLSX, "--bogus"]);
  expect([bogus.code, bogus.stderr.split("\n")[0]]).toEqual([2, "appendix-checker: không có tùy chọn --bogus"]);
  const noOutput = await runCli(["track", SEED_APPENDIX_XLSX, SEED_APPENDIX_XLSX]);
  expect([noOutput.code, noOutput.stderr.split("\n")[0]]).toEqual([2, "appendix-checker: track cần -o RA.xlsx (nơi ghi kết quả)"]);
  const oneOnly = await runCli(["diff", SEED_APPENDIX_XLSX, "--lang", "en"]);
  expect([oneOnly.code, oneOnly.stderr.split("\n")[0]]).toEqual([
    2,
    "appendix-checker: diff needs two plan workbooks: the old one, then the new one",
  ]);
});
