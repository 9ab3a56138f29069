/**
 * Every command with inputs and outputs it cannot use, through the built command line in a child process (issues 10
 * and 12): without --lang it says why in Vietnamese, and no English sentence reaches the user; with --lang en it says
 * it in English. Needs `npm run build:cli`.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { zipOf } from "../hostile/raw-workbook";

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = path.join(ROOT, "src", "cli", "bin.js");
const WORD_PLAN = path.join(__dirname, "..", "fixtures", "word", "dongthap-kh617-2025.docx");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile("node", [BIN, ...args], { cwd, encoding: "utf8", timeout: 300_000, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The lines the command line says of the inputs (the usage text after a usage error is the help, checked in help.test). */
const said = (stderr: string) =>
  stderr
    .split("\n")
    .filter((l) => l.startsWith("appendix-checker:"))
    .join("\n");

/** English words that a Vietnamese sentence never holds (file names in these cases hold none of them). */
const ENGLISH =
  /\b(the|not|no such|cannot|can't|invalid|expected|must|file|files|folder|is a|written|skipped|found|permission|denied|error|input|inputs|unknown|needs?)\b/i;

let dir: string;
beforeAll(async () => {
  // A folder name with no English word in it: it is part of every message.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-ngonngu-"));
  const at = (f: string) => path.join(dir, f);
  fs.copyFileSync(SEED_APPENDIX_XLSX, at("ke-hoach.xlsx"));
  fs.mkdirSync(at("thu-muc"));
  fs.writeFileSync(at("rong.xlsx"), "");
  fs.writeFileSync(at("van-ban.xlsx"), "STT;Nội dung\n1;Hội nghị\n");
  fs.writeFileSync(at("cat-cut.xlsx"), fs.readFileSync(WORD_PLAN).subarray(0, 3000));
  const word = zipOf({
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "word/document.xml":
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>',
  });
  fs.writeFileSync(at("hong.docx"), word);
  fs.writeFileSync(at("ke-hoach.txt"), new Uint8Array([0x49, 0x2e, 0x20, 0xff, 0xfe, 0xc3, 0x28]));
  fs.writeFileSync(at("hong.json"), "{version: 1");
  fs.writeFileSync(at("quy-tac.json"), JSON.stringify({ version: 1, rules: { "missing-stt": { enabled: "no" } } }));
  fs.writeFileSync(at("danh-muc.json"), JSON.stringify({ version: 1, agencies: [{ name: "" }] }));
  fs.writeFileSync(at("so-lieu.json"), JSON.stringify({ outbound: { total: "13" } }));
  // The product's own output, which a later consolidation skips.
  const first = await cli(["consolidate", "ke-hoach.xlsx", "-o", "tong-hop.xlsx"], dir);
  expect(first.code).toBe(1); // the seed's one error
  expect(fs.existsSync(path.join(dir, "tong-hop.xlsx"))).toBe(true);
}, 300_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Case {
  name: string;
  args: string[];
  vi: RegExp;
  en: RegExp;
  /** Exit status (default 2: unusable input or usage). */
  code?: number;
}

const CASES: Case[] = [
  { name: "check, a missing file", args: ["check", "thieu.xlsx"], vi: /thieu\.xlsx: không có tệp này/, en: /thieu\.xlsx: no such file/ },
  { name: "check, a folder", args: ["check", "thu-muc"], vi: /thu-muc: là một thư mục, không phải tệp/, en: /is a folder, not a file/ },
  { name: "check, an empty file", args: ["check", "rong.xlsx"], vi: /rong\.xlsx: tệp rỗng \(0 byte\)/, en: /the file is empty/ },
  { name: "check, not a workbook", args: ["check", "van-ban.xlsx"], vi: /không phải bảng tính \.xlsx/, en: /not an \.xlsx workbook/ },
  {
    name: "check, a cut .docx named .xlsx",
    args: ["check", "cat-cut.xlsx"],
    vi: /tệp \.docx bị hỏng.*\(thiếu phần thư mục ở cuối tệp zip\)/,
    en: /\.docx is damaged or truncated.*\(the zip directory is missing\)/,
  },
  {
    name: "check, a Word document whose XML is cut",
    args: ["check", "hong.docx"],
    vi: /hong\.docx: tệp \.docx bị hỏng.*\(phần word\/document\.xml không phải XML hợp lệ\)/,
    en: /hong\.docx: the \.docx is damaged.*\(word\/document\.xml: unclosed/,
  },
  { name: "check, a plan text not in UTF-8", args: ["check", "ke-hoach.txt"], vi: /không phải văn bản UTF-8/, en: /not UTF-8 text/ },
  {
    name: "check --settings, not JSON",
    args: ["check", "ke-hoach.xlsx", "--settings", "hong.json"],
    vi: /--settings hong\.json: không phải JSON hợp lệ/,
    en: /--settings hong\.json: not valid JSON/,
  },
  {
    name: "check --settings, a value of the wrong type",
    args: ["check", "ke-hoach.xlsx", "--settings", "quy-tac.json"],
    vi: /quy-tac\.json: rules\.missing-stt\.enabled: phải là true hoặc false/,
    en: /quy-tac\.json: rules\.missing-stt\.enabled: must be true or false/,
  },
  {
    name: "check --directory, an empty name",
    args: ["check", "ke-hoach.xlsx", "--directory", "danh-muc.json"],
    vi: /danh-muc\.json: không phải danh mục cơ quan dùng được: agencies\[0\]\.name: không được để trống/,
    en: /danh-muc\.json: not a valid agency directory: agencies\[0\]\.name: must not be empty/,
  },
  {
    name: "check --stated, a figure as text",
    args: ["check", "ke-hoach.xlsx", "--stated", "so-lieu.json"],
    vi: /--stated so-lieu\.json: outbound\.total: phải là một số — ví dụ/,
    en: /--stated so-lieu\.json: outbound\.total: must be a number — expected e\.g\./,
  },
  {
    name: "check --as-of, not a day",
    args: ["check", "ke-hoach.xlsx", "--as-of", "sớm"],
    vi: /--as-of cần một ngày/,
    en: /--as-of must be a day/,
  },
  {
    name: "check --summary where nothing can be written",
    args: ["check", "ke-hoach.xlsx", "--summary", "ke-hoach.xlsx/tong-hop.xlsx"],
    vi: /ke-hoach\.xlsx\/tong-hop\.xlsx: không ghi được: một phần của đường dẫn không phải thư mục/,
    en: /ke-hoach\.xlsx\/tong-hop\.xlsx: cannot write/,
    code: 2,
  },
  {
    name: "check, an unknown option",
    args: ["check", "ke-hoach.xlsx", "--bogus"],
    vi: /không có tùy chọn --bogus/,
    en: /unknown option --bogus/,
  },
  {
    name: "consolidate -o a device",
    args: ["consolidate", "ke-hoach.xlsx", "-o", "/dev/null"],
    vi: /\/dev\/null: không ghi được: không phải tệp thông thường \(đó là một thiết bị\)/,
    en: /\/dev\/null: cannot write: is not a regular file \(it is a device\)/,
  },
  {
    name: "consolidate -o the input",
    args: ["consolidate", "ke-hoach.xlsx", "-o", "ke-hoach.xlsx"],
    vi: /-o ke-hoach\.xlsx là một trong các tệp đầu vào/,
    en: /-o ke-hoach\.xlsx is one of the inputs/,
  },
  {
    name: "consolidate, its own earlier output among the replies",
    args: ["consolidate", "ke-hoach.xlsx", "tong-hop.xlsx", "-o", "tong-hop-2.xlsx"],
    vi: /tong-hop\.xlsx: do appendix-checker ghi ra .*; bỏ qua/,
    en: /tong-hop\.xlsx: written by appendix-checker .*; skipped/,
    code: 1,
  },
  {
    name: "consolidate, an empty folder",
    args: ["consolidate", "thu-muc", "-o", "ra.xlsx"],
    vi: /không tìm thấy tệp \.xlsx hay \.docx nào trong thu-muc/,
    en: /no \.xlsx or \.docx files found in thu-muc/,
  },
  {
    name: "extract -o the input",
    args: ["extract", "ke-hoach.xlsx", "-o", "ke-hoach.xlsx"],
    vi: /-o ke-hoach\.xlsx là tệp đầu vào/,
    en: /is the input/,
  },
  {
    name: "extract of a workbook that holds its table",
    args: ["extract", "ke-hoach.xlsx", "-o", "phu-luc.xlsx"],
    vi: /đã có bảng phụ lục; hãy kiểm tra bằng appendix-checker check/,
    en: /already holds an appendix table/,
  },
  {
    name: "split -o a file",
    args: ["split", "ke-hoach.xlsx", "-o", "rong.xlsx"],
    vi: /-o rong\.xlsx là một tệp, không phải thư mục/,
    en: /-o rong\.xlsx is a file, not a folder/,
  },
  {
    name: "split --reporting-date, not a day of the year",
    args: ["split", "ke-hoach.xlsx", "-o", "tach", "--reporting-date", "99/99"],
    vi: /--reporting-date cần một ngày trong năm/,
    en: /--reporting-date must be a day of the year/,
  },
  { name: "deadlines -o the plan", args: ["deadlines", "ke-hoach.xlsx", "-o", "ke-hoach.xlsx"], vi: /là tệp đầu vào/, en: /is the input/ },
  {
    name: "deadlines --sheet that is not there",
    args: ["deadlines", "ke-hoach.xlsx", "--sheet", "Khác"],
    vi: /không có trang tính “Khác” \(các trang: /,
    en: /no sheet named "Khác" \(sheets: /,
  },
  { name: "deadlines of a text", args: ["deadlines", "van-ban.xlsx"], vi: /không phải bảng tính \.xlsx/, en: /not an \.xlsx workbook/ },
  { name: "diff, a missing plan", args: ["diff", "ke-hoach.xlsx", "thieu.xlsx"], vi: /thieu\.xlsx: không có tệp này/, en: /no such file/ },
  {
    name: "diff -o an input",
    args: ["diff", "ke-hoach.xlsx", "ke-hoach.xlsx", "-o", "ke-hoach.xlsx"],
    vi: /là một trong các tệp đầu vào/,
    en: /is one of the inputs/,
  },
  {
    name: "track, no usable reply",
    args: ["track", "ke-hoach.xlsx", "van-ban.xlsx", "-o", "theo-doi.xlsx"],
    vi: /chưa ghi theo-doi\.xlsx: không dùng được tệp báo cáo nào trong 1 tệp/,
    en: /theo-doi\.xlsx not written: none of the 1 reply could be used/,
  },
  {
    name: "track, an empty folder of replies",
    args: ["track", "ke-hoach.xlsx", "thu-muc", "-o", "theo-doi.xlsx"],
    vi: /không tìm thấy tệp báo cáo/,
    en: /no reply \.xlsx files found/,
  },
];

describe.each(CASES)("$name", ({ args, vi, en, code = 2 }) => {
  test("Vietnamese by default, with no English sentence", async () => {
    const r = await cli(args, dir);
    expect(r.code).toBe(code);
    expect(said(r.stderr)).toMatch(vi);
    expect(said(r.stderr)).not.toMatch(ENGLISH);
  });

  test("English with --lang en", async () => {
    const r = await cli([...args, "--lang", "en"], dir);
    expect(r.code).toBe(code);
    expect(said(r.stderr)).toMatch(en);
  });
});

test("a FIFO as input is refused at once, in the user's language", async () => {
  const fifo = path.join(dir, "ong.xlsx");
  const { spawnSync } = await import("child_process");
  spawnSync("mkfifo", [fifo]);
  const vi = await cli(["check", "ong.xlsx"], dir);
  expect(vi.code).toBe(2);
  expect(said(vi.stderr)).toMatch(/ong\.xlsx: không phải tệp thông thường \(đó là một ống \(FIFO\)\)/);
  expect(said(vi.stderr)).not.toMatch(ENGLISH);
  const en = await cli(["check", "ong.xlsx", "--lang", "en"], dir);
  expect(said(en.stderr)).toMatch(/is not a regular file \(it is a pipe \(FIFO\)\)/);
});

test("the English-word check can fail: it finds the English of --lang en", async () => {
  const en = await cli(["check", "thieu.xlsx", "--lang", "en"], dir);
  expect(said(en.stderr)).toMatch(ENGLISH);
});
