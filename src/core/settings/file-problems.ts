/**
 * Why a JSON file a person gives (an agency directory, a rules file, a settings file) cannot be used: zod's issues
 * kept as data (where, what kind, what was expected) and said from one catalogue in Vietnamese or English, so zod's
 * own English never reaches an officer. The pane and the command line both say them from here.
 */
import type { z } from "zod";
import type { Lang } from "../issues/catalogue";

/** One thing wrong with a file: the path to it, zod's code for what is wrong, and what was expected there. */
export interface FileProblem {
  path: ReadonlyArray<string | number>;
  code: string;
  /** invalid_type: the kind of value expected ("string", "number", "boolean", "array", "object", "int"). */
  expected?: string;
  /** invalid_value: the values allowed. */
  values?: ReadonlyArray<string | number | boolean | null>;
  /** too_small / too_big: the bound, and what it bounds ("string" is a length, "array" a count). */
  minimum?: number;
  maximum?: number;
  origin?: string;
  /** unrecognized_keys: the keys not known. */
  keys?: readonly string[];
}

/** Why a file was refused: not JSON at all, not of the expected shape, or (a directory) two entries one name would match. */
export type FileRefusal =
  | { kind: "not-json" }
  | { kind: "invalid"; problems: FileProblem[] }
  /** The agency at index `agency` (0-based) writes `name` (its name, or its other name `alias`), which already names `other`. */
  | { kind: "clash"; agency: number; alias: number | null; name: string; other: string }
  /** The agency at index `agency` has an other name (index `alias`) with no letters. */
  | { kind: "no-letters"; agency: number; alias: number };

/**
 * How a place in the file is named: in words ("cơ quan thứ 2, tên chuẩn"), for the pane, or by its JSON path
 * ("agencies[1].name"), for the command line, whose user edits the file by hand and finds it by its keys.
 */
export type PathStyle = "words" | "json";

const scalar = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** zod's issues as data: the path (keys and indexes), the code and what was expected. */
export function problemsOf(error: z.ZodError): FileProblem[] {
  return error.issues.map((issue) => {
    const i = issue as unknown as Record<string, unknown>;
    const p: FileProblem = {
      path: issue.path.filter((x): x is string | number => typeof x === "string" || typeof x === "number"),
      code: issue.code,
    };
    if (typeof i.expected === "string") p.expected = i.expected;
    if (Array.isArray(i.values)) p.values = i.values.filter(scalar);
    if (typeof i.minimum === "number" || typeof i.minimum === "bigint") p.minimum = Number(i.minimum);
    if (typeof i.maximum === "number" || typeof i.maximum === "bigint") p.maximum = Number(i.maximum);
    if (typeof i.origin === "string") p.origin = i.origin;
    if (Array.isArray(i.keys)) p.keys = i.keys.filter((k): k is string => typeof k === "string");
    return p;
  });
}

const FILE_PROBLEM_TEXT = {
  vi: {
    notJson: "không phải JSON hợp lệ",
    at: (where: string, what: string) => `${where}: ${what}`,
    whole: "cả tệp",
    agency: (n: number) => `cơ quan thứ ${n}`,
    item: (n: number) => `mục thứ ${n}`,
    field: {
      name: "tên chuẩn",
      aliases: "tên gọi khác",
      kind: "loại",
      level: "cấp",
      note: "ghi chú",
      version: "phiên bản",
      agencies: "danh sách cơ quan",
      rules: "quy tắc",
      enabled: "bật/tắt",
      severity: "mức độ",
      lang: "ngôn ngữ",
      planStartYear: "năm bắt đầu kế hoạch",
      planEndYear: "năm kết thúc kế hoạch",
      outbound: "đoàn ra",
      inbound: "đoàn vào",
      total: "tổng số",
      planned: "theo kế hoạch",
      supplementary: "bổ sung",
    } as Record<string, string>,
    key: (k: string) => `“${k}”`,
    kind: {
      string: "một chuỗi chữ",
      number: "một số",
      int: "một số nguyên",
      boolean: "true hoặc false",
      array: "một danh sách […]",
      object: "một đối tượng {…}",
    } as Record<string, string>,
    expected: (what: string) => `phải là ${what}`,
    oneOf: (values: string) => `phải là một trong các giá trị ${values}`,
    atLeast: (n: number, origin?: string) =>
      origin === "string"
        ? n <= 1
          ? "không được để trống"
          : `phải có ít nhất ${n} ký tự`
        : origin === "array"
          ? `phải có ít nhất ${n} mục`
          : `phải từ ${n} trở lên`,
    atMost: (n: number, origin?: string) =>
      origin === "string" ? `có nhiều nhất ${n} ký tự` : origin === "array" ? `có nhiều nhất ${n} mục` : `phải từ ${n} trở xuống`,
    unknownKeys: (keys: string) => `có mục không nhận ra: ${keys}`,
    other: "không hợp lệ",
    more: (n: number) => ` (và ${n} chỗ khác)`,
    clash: (name: string, other: string) => `tên “${name}” đã dùng cho “${other}”`,
    noLetters: "tên gọi không có chữ nào",
  },
  en: {
    notJson: "not valid JSON",
    at: (where: string, what: string) => `${where}: ${what}`,
    whole: "the whole file",
    agency: (n: number) => `agency ${n}`,
    item: (n: number) => `item ${n}`,
    field: {
      name: "name",
      aliases: "other names",
      kind: "kind",
      level: "level",
      note: "note",
      version: "version",
      agencies: "agency list",
      rules: "checks",
      enabled: "on/off",
      severity: "severity",
      lang: "language",
      planStartYear: "plan's first year",
      planEndYear: "plan's last year",
      outbound: "outbound delegations",
      inbound: "inbound delegations",
      total: "total",
      planned: "planned",
      supplementary: "supplementary",
    } as Record<string, string>,
    key: (k: string) => `“${k}”`,
    kind: {
      string: "a text",
      number: "a number",
      int: "a whole number",
      boolean: "true or false",
      array: "a list […]",
      object: "an object {…}",
    } as Record<string, string>,
    expected: (what: string) => `must be ${what}`,
    oneOf: (values: string) => `must be one of ${values}`,
    atLeast: (n: number, origin?: string) =>
      origin === "string"
        ? n <= 1
          ? "must not be empty"
          : `must have at least ${n} characters`
        : origin === "array"
          ? `must have at least ${n} items`
          : `must be ${n} or more`,
    atMost: (n: number, origin?: string) =>
      origin === "string"
        ? `may have at most ${n} characters`
        : origin === "array"
          ? `may have at most ${n} items`
          : `must be ${n} or less`,
    unknownKeys: (keys: string) => `holds keys that are not known: ${keys}`,
    other: "is not valid",
    more: (n: number) => ` (and ${n} more)`,
    clash: (name: string, other: string) => `the name “${name}” already names “${other}”`,
    noLetters: "an other name has no letters",
  },
} satisfies Record<Lang, unknown>;

/** Where in the file: "cơ quan thứ 2, tên chuẩn" / "agency 2, name", or "agencies[1].name". */
function where(path: FileProblem["path"], lang: Lang, style: PathStyle): string {
  const t = FILE_PROBLEM_TEXT[lang];
  if (path.length === 0) return t.whole;
  if (style === "json") return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (typeof p === "number") {
      if (path[i - 1] === "agencies") parts[parts.length - 1] = t.agency(p + 1);
      else parts.push(t.item(p + 1));
    } else parts.push(t.field[p] ?? t.key(p));
  }
  return parts.join(", ");
}

/** What is wrong there, with what was expected. */
function what(p: FileProblem, lang: Lang): string {
  const t = FILE_PROBLEM_TEXT[lang];
  const shown = (v: string | number | boolean | null) => (typeof v === "string" ? `“${v}”` : String(v));
  switch (p.code) {
    case "invalid_type":
      return p.expected && t.kind[p.expected] ? t.expected(t.kind[p.expected]) : t.other;
    case "invalid_value":
      if (!p.values || p.values.length === 0) return t.other;
      return p.values.length === 1 ? t.expected(shown(p.values[0])) : t.oneOf(p.values.map(shown).join(", "));
    case "too_small":
      return p.minimum === undefined ? t.other : t.atLeast(p.minimum, p.origin);
    case "too_big":
      return p.maximum === undefined ? t.other : t.atMost(p.maximum, p.origin);
    case "unrecognized_keys":
      return t.unknownKeys((p.keys ?? []).map((k) => t.key(k)).join(", "));
    default:
      return t.other;
  }
}

/** The first problem of a file, where and what, with how many more there are: one line. */
export function problemsText(problems: readonly FileProblem[], lang: Lang, style: PathStyle = "words"): string {
  const t = FILE_PROBLEM_TEXT[lang];
  if (problems.length === 0) return t.other;
  const first = t.at(where(problems[0].path, lang, style), what(problems[0], lang));
  return problems.length > 1 ? `${first}${t.more(problems.length - 1)}` : first;
}

/** Why the file was refused, in `lang`: one line. */
export function fileRefusalText(refusal: FileRefusal, lang: Lang, style: PathStyle = "words"): string {
  const t = FILE_PROBLEM_TEXT[lang];
  const agency = (r: { agency: number; alias: number | null }) =>
    where(r.alias === null ? ["agencies", r.agency, "name"] : ["agencies", r.agency, "aliases", r.alias], lang, style);
  switch (refusal.kind) {
    case "not-json":
      return t.notJson;
    case "invalid":
      return problemsText(refusal.problems, lang, style);
    case "clash":
      return t.at(agency(refusal), t.clash(refusal.name, refusal.other));
    case "no-letters":
      return t.at(agency(refusal), t.noLetters);
  }
}

/** JSON text (a byte-order mark allowed) validated by `schema`, or why not. */
export function readJsonFile<T>(text: string, schema: z.ZodType<T>): { ok: true; data: T } | { ok: false; refusal: FileRefusal } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, refusal: { kind: "not-json" } };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, refusal: { kind: "invalid", problems: problemsOf(parsed.error) } };
  return { ok: true, data: parsed.data };
}
