/**
 * The command line's own words, in both languages: usage and help, usage problems, counts with their plurals.
 * Issue texts come from the engine (src/core/issues/); this is only what the command line says about itself.
 */
import { Lang } from "../core/issues/catalogue";
import { ArgsProblem } from "./args";

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
