/**
 * The command line's own words, in both languages: usage and help, usage problems, counts with their plurals.
 * Issue texts come from the engine (src/core/issues/); this is only what the command line says about itself.
 */
import { Lang } from "../core/issues/catalogue";
import { ArgsProblem } from "./args";
import type { SkipReason } from "./files";

export const PROGRAM = "appendix-checker";

export function problemText(p: ArgsProblem, lang: Lang): string {
  const vi = lang === "vi";
  switch (p.kind) {
    case "unknown-option":
      return vi ? `không có tùy chọn ${p.option}` : `unknown option ${p.option}`;
    case "takes-no-value":
      return vi ? `${p.option} không nhận giá trị` : `${p.option} takes no value`;
    case "needs-value":
      return vi ? `${p.option} cần một giá trị` : `${p.option} needs a value`;
  }
}

export const MESSAGES = {
  vi: {
    usage: "Cách dùng",
    commands: "Lệnh",
    exitStatus: "Mã thoát: 0 không có lỗi (có thể có cảnh báo), 1 có lỗi, 2 dữ liệu vào không dùng được hoặc dùng sai lệnh.",
    moreHelp: `Xem trợ giúp của từng lệnh: ${PROGRAM} <lệnh> --help. Tiếng Anh: --lang en.`,
    unknownCommand: (c: string) => `không có lệnh “${c}”`,
    badLang: (v: string) => `--lang phải là vi hoặc en, không phải “${v}”`,
    internal: (m: string) => `lỗi nội bộ: ${m}`,
  },
  en: {
    usage: "Usage",
    commands: "Commands",
    exitStatus: "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 unusable input or usage.",
    moreHelp: `Help on a command: ${PROGRAM} <command> --help. Vietnamese: --lang vi.`,
    unknownCommand: (c: string) => `unknown command "${c}"`,
    badLang: (v: string) => `--lang must be vi or en, not "${v}"`,
    internal: (m: string) => `internal error: ${m}`,
  },
};

/** "1 error", "2 errors" / "1 lỗi", "2 lỗi": a count with its noun. */
export function count(n: number, noun: { vi: string; en: [string, string] }, lang: Lang): string {
  return lang === "vi" ? `${n} ${noun.vi}` : `${n} ${n === 1 ? noun.en[0] : noun.en[1]}`;
}

export const NOUNS = {
  sections: { vi: "mục", en: ["section", "sections"] as [string, string] },
  tasks: { vi: "nhiệm vụ", en: ["task", "tasks"] as [string, string] },
  delegations: { vi: "đoàn", en: ["delegation", "delegations"] as [string, string] },
  errors: { vi: "lỗi", en: ["error", "errors"] as [string, string] },
  warnings: { vi: "cảnh báo", en: ["warning", "warnings"] as [string, string] },
  infos: { vi: "thông tin", en: ["info", "infos"] as [string, string] },
};

/**
 * What the command line says of its inputs and outputs when it cannot use them, in both languages: each a function of
 * what it names, so every command says the same thing the same way.
 */
export const INPUT_TEXT = {
  vi: {
    skipped: (why: SkipReason) =>
      `bỏ qua: ${
        {
          "link-to-nothing": "liên kết không trỏ tới tệp nào",
          xls: "tệp Excel 97-2003 (.xls) cũ; hãy mở trong Excel và lưu thành .xlsx",
          xlsb: "sổ làm việc nhị phân Excel (.xlsb); hãy lưu thành .xlsx",
          ods: "bảng tính OpenDocument (.ods); hãy lưu thành .xlsx",
          "not-workbook": "không phải sổ làm việc hay văn bản Word",
        }[why]
      }`,
    listedTwice: "được nêu nhiều lần; chỉ đọc một lần",
    sameFileAs: (first: string) => `là cùng một tệp với ${first}; chỉ đọc một lần`,
    noFilesIn: (where: string) => `không tìm thấy tệp .xlsx hay .docx nào trong ${where}`,
    noRepliesIn: (where: string) => `không tìm thấy tệp báo cáo .xlsx nào trong ${where}`,
    outputIsInput: (output: string, f: string) =>
      `-o ${output} là một trong các tệp đầu vào (${f}); hãy chọn tên tệp khác, ngoài các thư mục đầu vào`,
    noTaskTable: "không tìm thấy bảng nhiệm vụ (đã tìm dòng tiêu đề có STT, Nội dung, Cơ quan chủ trì …)",
    noTableOnSheets: (sheets: string) =>
      `không tìm thấy bảng nhiệm vụ (đã tìm trên ${sheets || "không trang tính nào"} dòng tiêu đề có STT, Nội dung, Cơ quan chủ trì … hoặc bảng đoàn có Tên đoàn, Trưởng đoàn …)`,
    noneReadable: (output: string, n: number) => `chưa ghi ${output}: không đọc được tệp nào trong ${n} tệp`,
    noneUsable: (output: string, n: number) => `chưa ghi ${output}: không dùng được tệp báo cáo nào trong ${n} tệp`,
    expectedNotUtf8: (file: string) => `--expected ${file}: không phải văn bản UTF-8; hãy lưu danh sách dạng UTF-8, mỗi dòng một cơ quan`,
    expectedEmpty: (file: string) => `--expected ${file}: không có tên cơ quan nào (mỗi dòng một cơ quan)`,
    summaryIsInput: (summary: string) => `--summary ${summary} là một trong các tệp đầu vào; hãy chọn tên tệp khác`,
    noSheet: (sheet: string, available: string) => `không có trang tính “${sheet}” (các trang: ${available})`,
    statedUnused: "--stated không dùng đến: sổ làm việc không có bảng đoàn ra/đoàn vào",
    summaryNotWritten: (summary: string, n: number) => `chưa ghi ${summary}: ${n} tệp đầu vào không dùng được`,
    pickersOneWorkbook: (n: number) => `--add-pickers nhận đúng một sổ làm việc (đã cho ${n})`,
    pickersIsInput: (out: string) => `--add-pickers ${out} là tệp đầu vào; tệp đầu vào không bao giờ bị sửa, hãy chọn tên tệp khác`,
    pickersNeedTable: (out: string) => `chưa ghi --add-pickers ${out}: cần một sổ làm việc .xlsx có bảng nhiệm vụ`,
  },
  en: {
    skipped: (why: SkipReason) =>
      `skipped: ${
        {
          "link-to-nothing": "a link to nothing",
          xls: "an old Excel 97-2003 (.xls) file; open it in Excel and save it as .xlsx",
          xlsb: "an Excel binary workbook (.xlsb); save it as .xlsx",
          ods: "an OpenDocument spreadsheet (.ods); save it as .xlsx",
          "not-workbook": "not a workbook or a Word document",
        }[why]
      }`,
    listedTwice: "listed more than once; read once",
    sameFileAs: (first: string) => `the same file as ${first}; read once`,
    noFilesIn: (where: string) => `no .xlsx or .docx files found in ${where}`,
    noRepliesIn: (where: string) => `no reply .xlsx files found in ${where}`,
    outputIsInput: (output: string, f: string) =>
      `-o ${output} is one of the inputs (${f}); choose another file name, outside the input folders`,
    noTaskTable: "no task table found (looked for a header row with STT, Nội dung, Cơ quan chủ trì …)",
    noTableOnSheets: (sheets: string) =>
      `no task table found (looked on ${sheets || "no sheets"} for a header row with STT, Nội dung, Cơ quan chủ trì … or a delegation table with Tên đoàn, Trưởng đoàn …)`,
    noneReadable: (output: string, n: number) => `${output} not written: none of the ${n} file(s) could be read`,
    noneUsable: (output: string, n: number) => `${output} not written: none of the ${n} repl${n === 1 ? "y" : "ies"} could be used`,
    expectedNotUtf8: (file: string) => `--expected ${file}: not UTF-8 text; save the list as UTF-8, one agency per line`,
    expectedEmpty: (file: string) => `--expected ${file}: no agency names in it (one per line)`,
    summaryIsInput: (summary: string) => `--summary ${summary} is one of the inputs; choose another file name`,
    noSheet: (sheet: string, available: string) => `no sheet named "${sheet}" (sheets: ${available})`,
    statedUnused: "--stated not used: the workbook holds no delegation table",
    summaryNotWritten: (summary: string, n: number) => `${summary} not written: ${n} input(s) could not be used`,
    pickersOneWorkbook: (n: number) => `--add-pickers takes one workbook (${n} given)`,
    pickersIsInput: (out: string) => `--add-pickers ${out} is the input; the input is never changed, choose another file name`,
    pickersNeedTable: (out: string) => `--add-pickers ${out} not written: it needs an .xlsx workbook with a task table`,
  },
} satisfies Record<Lang, Record<string, string | ((...a: never[]) => string)>>;
