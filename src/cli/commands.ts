/**
 * The commands of the command line, each registered once: its options, its help in both languages, and what it
 * runs. Adding a command (split, track, diff, extract …) is one entry in COMMANDS.
 */
import { Lang } from "../core/issues/catalogue";
import { OptionSpec, Parsed } from "./args";
import { CliIO } from "./io";

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
    settings: { value: true },
    "ignore-workbook-settings": { value: false },
  },
  summary: {
    vi: "kiểm tra bảng phụ lục nhiệm vụ (và bảng đoàn ra/đoàn vào) của từng tệp",
    en: "check the appendix task tables (and delegation tables) of each file",
  },
  help: {
    vi: `check <tệp.xlsx>... [--sheet TÊN] [--json] [--summary RA.xlsx] [--lang vi|en] [--directory co-quan.json]
      [--convert-legacy] [--stated JSON|tệp.json] [--settings quy-tac.json | --ignore-workbook-settings]
  --sheet TÊN                  chỉ kiểm tra trang tính này
  --json                       in một tài liệu JSON (SPEC 9) thay cho văn bản
  --summary RA.xlsx            ghi các trang tổng hợp vào tệp mới
  --directory co-quan.json     danh mục cơ quan thay cho danh mục có sẵn (và danh mục lưu trong tệp)
  --convert-legacy             đọc văn bản TCVN3/VNI theo Unicode trong báo cáo
  --stated JSON|tệp.json       số đoàn kế hoạch ghi, ví dụ {"outbound":{"total":13}}
  --settings quy-tac.json      áp dụng tệp quy tắc dùng chung thay cho cài đặt lưu trong tệp
  --ignore-workbook-settings   kiểm tra với cài đặt mặc định, bỏ qua cài đặt lưu trong tệp
  --lang vi|en                 ngôn ngữ (mặc định: vi)`,
    en: `check <file.xlsx>... [--sheet NAME] [--json] [--summary OUT.xlsx] [--lang vi|en] [--directory agencies.json]
      [--convert-legacy] [--stated JSON|file.json] [--settings rules.json | --ignore-workbook-settings]
  --sheet NAME                 check this sheet only
  --json                       print one JSON document (SPEC 9) instead of text
  --summary OUT.xlsx           write the summary sheets to a new file
  --directory agencies.json    agency directory instead of the built-in one (and the one saved in the file)
  --convert-legacy             read TCVN3/VNI text in its Unicode reading in the reports
  --stated JSON|file.json      delegation totals the plan states, e.g. {"outbound":{"total":13}}
  --settings rules.json        apply a shared rules file instead of the settings saved in the file
  --ignore-workbook-settings   check with the default settings, whatever the file saved
  --lang vi|en                 language (default: vi)`,
  },
  check: (a, lang) =>
    a.positional.length === 0 ? (lang === "vi" ? "check cần ít nhất một tệp .xlsx" : "check needs at least one .xlsx file") : null,
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
        settings: str(o.settings),
        ignoreWorkbookSettings: o["ignore-workbook-settings"] === true,
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
    json: { value: false },
    lang: { value: true },
    directory: { value: true },
  },
  summary: {
    vi: "hợp nhất bảng của nhiều cơ quan vào một tệp",
    en: "merge many agencies' tables into one workbook",
  },
  help: {
    vi: `consolidate <tệp.xlsx|thư-mục>... -o RA.xlsx [--expected co-quan.txt] [--json] [--lang vi|en] [--directory co-quan.json]
  -o, --output RA.xlsx         tệp hợp nhất sẽ ghi
  --expected co-quan.txt       danh sách cơ quan phải gửi (mỗi dòng một cơ quan): ai chưa gửi
  --json                       in một tài liệu JSON (SPEC 9)
  --directory co-quan.json     danh mục cơ quan thay cho danh mục có sẵn
  --lang vi|en                 ngôn ngữ (mặc định: vi)`,
    en: `consolidate <file.xlsx|folder>... -o OUT.xlsx [--expected agencies.txt] [--json] [--lang vi|en] [--directory agencies.json]
  -o, --output OUT.xlsx        the consolidated workbook to write
  --expected agencies.txt      agencies expected to reply (one per line): who has not
  --json                       print one JSON document (SPEC 9)
  --directory agencies.json    agency directory instead of the built-in one
  --lang vi|en                 language (default: vi)`,
  },
  check: (a, lang) => {
    const vi = lang === "vi";
    if (a.positional.length === 0)
      return vi ? "consolidate cần ít nhất một tệp .xlsx hoặc thư mục" : "consolidate needs at least one .xlsx file or folder";
    if (typeof a.options.output !== "string" || a.options.output === "")
      return vi ? "consolidate cần -o RA.xlsx (nơi ghi kết quả)" : "consolidate needs -o OUT.xlsx (where to write the result)";
    return null;
  },
  run: async (a, lang, io) => {
    const { runConsolidate } = await import("./consolidate-command");
    const o = a.options;
    return runConsolidate(
      {
        inputs: a.positional,
        output: o.output as string,
        expected: str(o.expected),
        json: o.json === true,
        lang,
        directory: str(o.directory),
      },
      io,
    );
  },
};

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [check, consolidate];
