/**
 * The commands of the command line, each registered once: its options, its help in both languages, and what it
 * runs (imported only when the command runs). Every command is parsed by the same parser (args.ts) before it runs, so
 * usage problems and exit code 2 are the same everywhere. Adding a command is one entry in COMMANDS.
 */
import { Lang } from "../core/issues/catalogue";
import { OptionSpec, Parsed } from "./args";
import { CliIO } from "./io";
import { parseDay } from "../core/tracking/deadlines";
import { INPUT_TEXT } from "./messages";

export interface Command {
  name: string;
  options: Record<string, OptionSpec>;
  /** One line for the overview. */
  summary: Record<Lang, string>;
  /** The synopsis and what each option does, for `<command> --help`. */
  help: Record<Lang, string>;
  /** A usage problem the parser cannot see (a missing input), in the user's language, or null. */
  check?(args: Parsed, lang: Lang): string | null;
  run(args: Parsed, lang: Lang, io: CliIO): Promise<number>;
}

const str = (v: string | true | undefined) => (typeof v === "string" ? v : undefined);

const check: Command = {
  name: "check",
  options: {
    sheet: { value: true },
    json: { value: false },
    summary: { value: true },
    lang: { value: true },
    directory: { value: true },
    stated: { value: true },
    "convert-legacy": { value: false },
    "per-agency": { value: true },
    settings: { value: true },
    "ignore-workbook-settings": { value: false },
    "as-of": { value: true },
    "add-pickers": { value: true },
  },
  summary: {
    vi: "kiểm tra bảng phụ lục nhiệm vụ (và bảng đoàn ra/đoàn vào) của từng tệp",
    en: "check the appendix task tables (and delegation tables) of each file",
  },
  help: {
    vi: `check <tệp.xlsx|tệp.docx|ke-hoach.txt>... [--sheet TÊN] [--json] [--summary RA.xlsx] [--lang vi|en] [--directory co-quan.json]
      [--convert-legacy] [--stated JSON|tệp.json] [--settings quy-tac.json | --ignore-workbook-settings] [--add-pickers RA.xlsx]
  --sheet TÊN                  chỉ kiểm tra trang tính này
  --json                       in một tài liệu JSON (SPEC 9) thay cho văn bản
  --summary RA.xlsx            ghi các trang tổng hợp vào tệp mới
  --directory co-quan.json     danh mục cơ quan thay cho danh mục có sẵn (và danh mục lưu trong tệp)
  --convert-legacy             đọc văn bản TCVN3/VNI theo Unicode trong báo cáo
  --stated JSON|tệp.json       số đoàn kế hoạch ghi, ví dụ {"outbound":{"total":13}}
  --per-agency THƯ-MỤC         thêm mỗi cơ quan chủ trì một tệp liệt kê lỗi trong nhiệm vụ của mình
  --settings quy-tac.json      áp dụng tệp quy tắc dùng chung thay cho cài đặt lưu trong tệp
  --ignore-workbook-settings   kiểm tra với cài đặt mặc định, bỏ qua cài đặt lưu trong tệp
  --as-of NGÀY                 báo cáo kết quả thực hiện: xét tình trạng tính đến ngày này (mặc định: hôm nay)
  --add-pickers RA.xlsx        ghi bản sao của tệp (một tệp .xlsx) có danh sách chọn tên cơ quan ở cột chủ trì;
                               tệp gốc không bị thay đổi
  --lang vi|en                 ngôn ngữ (mặc định: vi)`,
    en: `check <file.xlsx|file.docx|plan.txt>... [--sheet NAME] [--json] [--summary OUT.xlsx] [--lang vi|en] [--directory agencies.json]
      [--convert-legacy] [--stated JSON|file.json] [--settings rules.json | --ignore-workbook-settings] [--add-pickers OUT.xlsx]
  --sheet NAME                 check this sheet only
  --json                       print one JSON document (SPEC 9) instead of text
  --summary OUT.xlsx           write the summary sheets to a new file
  --directory agencies.json    agency directory instead of the built-in one (and the one saved in the file)
  --convert-legacy             read TCVN3/VNI text in its Unicode reading in the reports
  --stated JSON|file.json      delegation totals the plan states, e.g. {"outbound":{"total":13}}
  --per-agency DIR             also one workbook per lead agency listing the issues of its tasks
  --settings rules.json        apply a shared rules file instead of the settings saved in the file
  --ignore-workbook-settings   check with the default settings, whatever the file saved
  --as-of DAY                  progress reports: judge the statuses as of this day (default: today)
  --add-pickers OUT.xlsx       write a copy of the (one .xlsx) file with drop-down lists of agency names on the
                               lead column; the input is not changed
  --lang vi|en                 language (default: vi)`,
  },
  check: (a, lang) =>
    a.positional.length === 0
      ? { vi: "check cần ít nhất một tệp .xlsx, .docx hoặc .txt", en: "check needs at least one .xlsx, .docx or .txt file" }[lang]
      : a.options["as-of"] !== undefined && !(typeof a.options["as-of"] === "string" && parseDay(a.options["as-of"]))
        ? INPUT_TEXT[lang].badAsOf(String(a.options["as-of"]))
        : null,
  run: async (a, lang, io) => {
    const { runCheck } = await import("./check-command");
    const o = a.options;
    return runCheck(
      {
        files: a.positional,
        sheet: str(o.sheet),
        json: o.json === true,
        summary: str(o.summary),
        lang,
        directory: str(o.directory),
        stated: str(o.stated),
        convertLegacy: o["convert-legacy"] === true,
        perAgency: str(o["per-agency"]),
        settings: str(o.settings),
        ignoreWorkbookSettings: o["ignore-workbook-settings"] === true,
        asOf: typeof o["as-of"] === "string" ? (parseDay(o["as-of"]) ?? undefined) : undefined,
        addPickers: str(o["add-pickers"]),
      },
      io,
    );
  },
};

const consolidate: Command = {
  name: "consolidate",
  options: {
    output: { value: true, alias: "o" },
    expected: { value: true },
    "per-agency": { value: true },
    json: { value: false },
    lang: { value: true },
    directory: { value: true },
  },
  summary: {
    vi: "hợp nhất bảng của nhiều cơ quan vào một tệp",
    en: "merge many agencies' tables into one workbook",
  },
  help: {
    vi: `consolidate <tệp.xlsx|tệp.docx|thư-mục>... -o RA.xlsx [--expected co-quan.txt] [--json] [--lang vi|en] [--directory co-quan.json]
  -o, --output RA.xlsx         tệp hợp nhất sẽ ghi
  --expected co-quan.txt       danh sách cơ quan phải gửi (mỗi dòng một cơ quan): ai chưa gửi
  --per-agency THƯ-MỤC         thêm mỗi cơ quan chủ trì một tệp liệt kê lỗi trong nhiệm vụ của mình
  --json                       in một tài liệu JSON (SPEC 9)
  --directory co-quan.json     danh mục cơ quan thay cho danh mục có sẵn
  --lang vi|en                 ngôn ngữ (mặc định: vi)`,
    en: `consolidate <file.xlsx|file.docx|folder>... -o OUT.xlsx [--expected agencies.txt] [--json] [--lang vi|en] [--directory agencies.json]
  -o, --output OUT.xlsx        the consolidated workbook to write
  --expected agencies.txt      agencies expected to reply (one per line): who has not
  --per-agency DIR             also one workbook per lead agency listing the issues of its tasks
  --json                       print one JSON document (SPEC 9)
  --directory agencies.json    agency directory instead of the built-in one
  --lang vi|en                 language (default: vi)`,
  },
  check: (a, lang) =>
    inputsProblem(
      a,
      { min: 1, max: Infinity },
      { vi: "consolidate cần ít nhất một tệp .xlsx hoặc thư mục", en: "consolidate needs at least one .xlsx file or folder" },
      lang,
      { vi: "consolidate cần -o RA.xlsx (nơi ghi kết quả)", en: "consolidate needs -o OUT.xlsx (where to write the result)" },
    ),
  run: async (a, lang, io) => {
    const { runConsolidate } = await import("./consolidate-command");
    const o = a.options;
    return runConsolidate(
      {
        inputs: a.positional,
        output: o.output as string,
        expected: str(o.expected),
        perAgency: str(o["per-agency"]),
        json: o.json === true,
        lang,
        directory: str(o.directory),
      },
      io,
    );
  },
};

/** The options every tracking command takes (plan-file.ts reads them), with -o. */
const TRACKING_OPTIONS: Record<string, OptionSpec> = {
  lang: { value: true },
  "as-of": { value: true },
  "reporting-date": { value: true },
  directory: { value: true },
  sheet: { value: true },
  json: { value: false },
  output: { value: true, alias: "o" },
};

const TRACKING_HELP: Record<Lang, string> = {
  vi: `  --as-of NGÀY                 tính đến hết ngày này (mặc định: hôm nay), ví dụ 2022-12-31 hoặc 31/12/2022
  --reporting-date NN/TT       ngày chốt báo cáo trong năm (mặc định: ngày kế hoạch ghi, hoặc 31/12)
  --sheet TÊN                  trang tính của kế hoạch
  --directory co-quan.json     danh mục cơ quan thay cho danh mục có sẵn
  --json                       in một tài liệu JSON (SPEC 9)
  --lang vi|en                 ngôn ngữ (mặc định: vi)`,
  en: `  --as-of DAY                  as of the end of this day (default: today), e.g. 2022-12-31 or 31/12/2022
  --reporting-date DD/MM       the reporting day of the year (default: the one the plan states, or 31/12)
  --sheet NAME                 the plan's sheet
  --directory agencies.json    agency directory instead of the built-in one
  --json                       print one JSON document (SPEC 9)
  --lang vi|en                 language (default: vi)`,
};

/** The usage problem of a command that needs `count` inputs (and -o when `output` names what it is for), or null. */
function inputsProblem(
  a: Parsed,
  count: { min: number; max: number },
  needs: Record<Lang, string>,
  lang: Lang,
  output?: Record<Lang, string>,
) {
  if (a.positional.length < count.min || a.positional.length > count.max) return needs[lang];
  if (output && (typeof a.options.output !== "string" || a.options.output === "")) return output[lang];
  return null;
}

const extract: Command = {
  name: "extract",
  options: { output: { value: true, alias: "o" }, sheet: { value: true }, lang: { value: true } },
  summary: {
    vi: "lập bảng phụ lục từ kế hoạch viết nhiệm vụ thành đoạn văn",
    en: "build the appendix table of a plan that writes its tasks as paragraphs",
  },
  help: {
    vi: `extract <ke-hoach.docx|ke-hoach.txt|ke-hoach.xlsx> -o phu-luc.xlsx [--sheet TÊN] [--lang vi|en]
  -o, --output phu-luc.xlsx    tệp bảng phụ lục sẽ ghi
  --sheet TÊN                  trang tính có văn bản kế hoạch dán vào (với tệp .xlsx)
  --lang vi|en                 ngôn ngữ (mặc định: vi)`,
    en: `extract <plan.docx|plan.txt|plan.xlsx> -o appendix.xlsx [--sheet NAME] [--lang vi|en]
  -o, --output appendix.xlsx   the appendix workbook to write
  --sheet NAME                 the sheet the plan's text is pasted on (for an .xlsx)
  --lang vi|en                 language (default: vi)`,
  },
  check: (a, lang) =>
    inputsProblem(
      a,
      { min: 1, max: 1 },
      { vi: "extract cần đúng một kế hoạch (.docx, .txt hoặc .xlsx)", en: "extract needs exactly one plan (.docx, .txt or .xlsx)" },
      lang,
      { vi: "extract cần -o phu-luc.xlsx (nơi ghi bảng)", en: "extract needs -o appendix.xlsx (where to write the table)" },
    ),
  run: async (a, lang, io) => (await import("./extract-command")).runExtract(a, lang, io),
};

const split: Command = {
  name: "split",
  options: { ...TRACKING_OPTIONS, coordinating: { value: false } },
  summary: { vi: "tách kế hoạch thành mỗi cơ quan một tệp nhiệm vụ", en: "split a plan into one task workbook per agency" },
  help: {
    vi: `split <ke-hoach.xlsx> -o THƯ-MỤC [--coordinating] [--as-of NGÀY] [--reporting-date NN/TT] [--json] [--lang vi|en]
  -o, --output THƯ-MỤC         thư mục ghi mỗi cơ quan một tệp
  --coordinating               thêm tệp cho cơ quan phối hợp
${TRACKING_HELP.vi}`,
    en: `split <plan.xlsx> -o DIR [--coordinating] [--as-of DAY] [--reporting-date DD/MM] [--json] [--lang vi|en]
  -o, --output DIR             the folder to write one workbook per agency to
  --coordinating               also a workbook per coordinating agency
${TRACKING_HELP.en}`,
  },
  check: (a, lang) =>
    inputsProblem(a, { min: 1, max: 1 }, { vi: "split cần đúng một tệp kế hoạch", en: "split needs exactly one plan workbook" }, lang, {
      vi: "split cần -o THƯ-MỤC (nơi ghi các tệp)",
      en: "split needs -o DIR (the folder to write the workbooks to)",
    }),
  run: async (a, _lang, io) => (await import("./split-command")).runSplit(a, io),
};

const deadlines: Command = {
  name: "deadlines",
  options: TRACKING_OPTIONS,
  summary: { vi: "hạn thực hiện: quá hạn, đến hạn tháng/quý này, sau này", en: "deadlines: overdue, due this month/quarter, later" },
  help: {
    vi: `deadlines <ke-hoach.xlsx> [--as-of NGÀY] [--reporting-date NN/TT] [-o RA.xlsx] [--json] [--lang vi|en]
  -o, --output RA.xlsx         ghi trang "Hạn thực hiện" vào tệp mới
${TRACKING_HELP.vi}`,
    en: `deadlines <plan.xlsx> [--as-of DAY] [--reporting-date DD/MM] [-o OUT.xlsx] [--json] [--lang vi|en]
  -o, --output OUT.xlsx        write the deadlines sheet to a new file
${TRACKING_HELP.en}`,
  },
  check: (a, lang) =>
    inputsProblem(
      a,
      { min: 1, max: 1 },
      { vi: "deadlines cần đúng một tệp kế hoạch", en: "deadlines needs exactly one plan workbook" },
      lang,
    ),
  run: async (a, _lang, io) => (await import("./deadlines-command")).runDeadlines(a, io),
};

const track: Command = {
  name: "track",
  options: TRACKING_OPTIONS,
  summary: {
    vi: "ghép báo cáo tiến độ của các cơ quan vào kế hoạch; bảng điểm",
    en: "merge agencies' status reports into the plan; scorecard",
  },
  help: {
    vi: `track <ke-hoach.xlsx> <bao-cao.xlsx|thư-mục>... -o RA.xlsx [--as-of NGÀY] [--reporting-date NN/TT] [--json] [--lang vi|en]
  -o, --output RA.xlsx         tệp theo dõi sẽ ghi
${TRACKING_HELP.vi}`,
    en: `track <plan.xlsx> <reply.xlsx|folder>... -o OUT.xlsx [--as-of DAY] [--reporting-date DD/MM] [--json] [--lang vi|en]
  -o, --output OUT.xlsx        the tracking workbook to write
${TRACKING_HELP.en}`,
  },
  check: (a, lang) =>
    inputsProblem(
      a,
      { min: 2, max: Infinity },
      {
        vi: "track cần kế hoạch và ít nhất một báo cáo (tệp .xlsx hoặc thư mục)",
        en: "track needs the plan and at least one reply (.xlsx file or folder)",
      },
      lang,
      { vi: "track cần -o RA.xlsx (nơi ghi kết quả)", en: "track needs -o OUT.xlsx (where to write the result)" },
    ),
  run: async (a, _lang, io) => (await import("./track-command")).runTrack(a, io),
};

const diff: Command = {
  name: "diff",
  options: TRACKING_OPTIONS,
  summary: { vi: "so sánh hai kế hoạch: nhiệm vụ mới, bỏ, thay đổi", en: "compare two plans: new, dropped and changed tasks" },
  help: {
    vi: `diff <cu.xlsx> <moi.xlsx> [-o RA.xlsx] [--json] [--lang vi|en]
  -o, --output RA.xlsx         ghi trang thay đổi vào tệp mới
${TRACKING_HELP.vi}`,
    en: `diff <old.xlsx> <new.xlsx> [-o OUT.xlsx] [--json] [--lang vi|en]
  -o, --output OUT.xlsx        write the changes sheet to a new file
${TRACKING_HELP.en}`,
  },
  check: (a, lang) =>
    inputsProblem(
      a,
      { min: 2, max: 2 },
      { vi: "diff cần hai tệp kế hoạch: tệp cũ rồi tệp mới", en: "diff needs two plan workbooks: the old one, then the new one" },
      lang,
    ),
  run: async (a, _lang, io) => (await import("./diff-command")).runDiff(a, io),
};

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [check, consolidate, extract, split, deadlines, track, diff];
