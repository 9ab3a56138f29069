/**
 * The command line's own words, in both languages: usage and help, usage problems, counts with their plurals.
 * Issue texts come from the engine (src/core/issues/); this is only what the command line says about itself.
 */
import { Lang } from "../core/issues/catalogue";
import { ArgsProblem } from "./args";
import type { InputRefusal, NotAFile, OutputRefusal, SkipReason } from "./files";
import { byteSize } from "../xlsx/read-failure-text";

export const PROGRAM = "appendix-checker";

export function problemText(p: ArgsProblem, lang: Lang): string {
  return MESSAGES[lang][p.kind](p.option);
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
    "unknown-option": (option: string) => `không có tùy chọn ${option}`,
    "takes-no-value": (option: string) => `${option} không nhận giá trị`,
    "needs-value": (option: string) => `${option} cần một giá trị`,
  },
  en: {
    usage: "Usage",
    commands: "Commands",
    exitStatus: "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 unusable input or usage.",
    moreHelp: `Help on a command: ${PROGRAM} <command> --help. Vietnamese: --lang vi.`,
    unknownCommand: (c: string) => `unknown command "${c}"`,
    badLang: (v: string) => `--lang must be vi or en, not "${v}"`,
    internal: (m: string) => `internal error: ${m}`,
    "unknown-option": (option: string) => `unknown option ${option}`,
    "takes-no-value": (option: string) => `${option} takes no value`,
    "needs-value": (option: string) => `${option} needs a value`,
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
    notAFile: { fifo: "một ống (FIFO)", device: "một thiết bị", socket: "một socket", other: "không phải tệp" } satisfies Record<
      NotAFile,
      string
    >,
    refused: (why: InputRefusal): string => {
      switch (why.kind) {
        case "missing":
          return "không có tệp này";
        case "folder":
          return "là một thư mục, không phải tệp";
        case "denied":
          return "không có quyền đọc tệp này";
        case "loop":
          return "là một liên kết trỏ vòng về chính nó";
        case "not-regular":
          return `không phải tệp thông thường (đó là ${INPUT_TEXT.vi.notAFile[why.is]}); hãy cho đường dẫn của một sổ làm việc đã lưu`;
        case "too-large":
          return `có cỡ ${byteSize(why.size, "vi")}, quá ${byteSize(why.limit, "vi")} là cỡ lớn nhất của một tệp đọc ở đây`;
        case "system":
          return `hệ điều hành không cho đọc (${why.code ?? "lỗi không rõ"})`;
      }
    },
    outputRefused: (why: OutputRefusal): string =>
      why.kind === "link"
        ? "là một liên kết; hãy ghi tên chính tệp đó, hoặc một tệp mới"
        : why.kind === "folder"
          ? "là một thư mục"
          : `không phải tệp thông thường (đó là ${INPUT_TEXT.vi.notAFile[why.is]}); hãy đặt tên một tệp .xlsx mới`,
    writeSystem: (code: string | undefined, _message: string): string =>
      ({
        EACCES: "không có quyền ghi vào đó",
        EPERM: "không có quyền ghi vào đó",
        EROFS: "ổ đĩa chỉ cho đọc",
        ENOSPC: "ổ đĩa đã đầy",
        ENOTDIR: "một phần của đường dẫn không phải thư mục",
        EEXIST: "một phần của đường dẫn không phải thư mục",
        EISDIR: "là một thư mục",
        ENAMETOOLONG: "tên tệp quá dài",
      })[code ?? ""] ?? `hệ điều hành không cho ghi (${code ?? "lỗi không rõ"})`,
    cannotWrite: (file: string, why: string) => `${file}: không ghi được: ${why}`,
    unexpected: (_detail: string) => "không đọc được do một lỗi không mong muốn khi đọc tệp",
    ownWorkbook: "do appendix-checker ghi ra (một bản tổng hợp hoặc hợp nhất trước đây); bỏ qua",
    planNotUtf8: "không phải văn bản UTF-8; hãy lưu kế hoạch dạng văn bản UTF-8 (hoặc Unicode) rồi thử lại",
    notDirectory: (file: string, why: string) => `${file}: không phải danh mục cơ quan dùng được: ${why}`,
    statedExample: ` — ví dụ {"outbound": {"total": 13, "planned": 9, "supplementary": 4}, "inbound": {"total": 12}}`,
    badAsOf: (v: string) => `--as-of cần một ngày như 2022-12-31 hoặc 31/12/2022, không phải “${v}”`,
    badReportingDate: (v: string) => `--reporting-date cần một ngày trong năm như 31/12 hoặc 15/12, không phải “${v}”`,
    outputIsTheInput: (output: string) => `-o ${output} là tệp đầu vào; hãy chọn tên tệp khác`,
    outputNotFolder: (dir: string) => `-o ${dir} là một tệp, không phải thư mục`,
    wouldOverwritePlan: (out: string) => `${out} sẽ ghi đè lên kế hoạch; hãy chọn thư mục -o khác`,
    alreadyTable: (sheet: string) => `trang tính “${sheet}” đã có bảng phụ lục; hãy kiểm tra bằng appendix-checker check`,
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

    notAFile: { fifo: "a pipe (FIFO)", device: "a device", socket: "a socket", other: "not a file" } satisfies Record<NotAFile, string>,
    refused: (why: InputRefusal): string => {
      switch (why.kind) {
        case "missing":
          return "no such file";
        case "folder":
          return "is a folder, not a file";
        case "denied":
          return "permission denied";
        case "loop":
          return "is a link that leads to itself";
        case "not-regular":
          return `is not a regular file (it is ${INPUT_TEXT.en.notAFile[why.is]}); give the path of a saved workbook`;
        case "too-large":
          return `is ${byteSize(why.size)}, more than the ${byteSize(why.limit)} a file read here may have`;
        case "system":
          return why.message;
      }
    },
    outputRefused: (why: OutputRefusal): string =>
      why.kind === "link"
        ? "is a link; name the file itself, or a new file"
        : why.kind === "folder"
          ? "is a folder"
          : `is not a regular file (it is ${INPUT_TEXT.en.notAFile[why.is]}); name a new .xlsx file`,
    writeSystem: (_code: string | undefined, message: string): string => message,
    cannotWrite: (file: string, why: string) => `${file}: cannot write: ${why}`,
    unexpected: (detail: string) => `cannot be read (${detail})`,
    ownWorkbook: "written by appendix-checker (an earlier summary or consolidation); skipped",
    planNotUtf8: "not UTF-8 text; save the plan as UTF-8 (or Unicode) text and try again",
    notDirectory: (file: string, why: string) => `${file}: not a valid agency directory: ${why}`,
    statedExample: ` — expected e.g. {"outbound": {"total": 13, "planned": 9, "supplementary": 4}, "inbound": {"total": 12}}`,
    badAsOf: (v: string) => `--as-of must be a day such as 2022-12-31 or 31/12/2022, not "${v}"`,
    badReportingDate: (v: string) => `--reporting-date must be a day of the year such as 31/12 or 15/12, not "${v}"`,
    outputIsTheInput: (output: string) => `-o ${output} is the input; choose another file name`,
    outputNotFolder: (dir: string) => `-o ${dir} is a file, not a folder`,
    wouldOverwritePlan: (out: string) => `${out} would overwrite the plan; choose another -o folder`,
    alreadyTable: (sheet: string) => `the sheet "${sheet}" already holds an appendix table; check it with appendix-checker check`,
  },
} satisfies Record<Lang, Record<string, string | Record<string, string> | ((...a: never[]) => string)>>;

/** Why an output could not be written, in the user's language: a refused path, a system error by its code. */
export function writeFailureText(file: string, e: unknown, lang: Lang): string {
  const t = INPUT_TEXT[lang];
  const why =
    (e as { why?: OutputRefusal }).why && (e as Error).name === "OutputRefused"
      ? t.outputRefused((e as { why: OutputRefusal }).why)
      : t.writeSystem((e as NodeJS.ErrnoException).code, (e as Error).message);
  return t.cannotWrite(file, why);
}
