/**
 * Why an imported JSON file (a directory, a rules file) cannot be used, in the pane's language: zod's English
 * messages never reach a Vietnamese screen; the path and kind of each problem are said in words.
 */
import { DirectorySchema, parseDirectoryJson } from "../core/agencies/directory";
import type { DirectoryData } from "../core/agencies/directory";
import type { Lang } from "../core/issues/catalogue";
import { problemsOf } from "../core/settings/rules-file";
import type { FileProblem } from "../core/settings/rules-file";
import { strings } from "./strings";

function where(path: FileProblem["path"], lang: Lang): string {
  const s = strings(lang);
  if (path.length === 0) return s.importWhole;
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const p = path[i];
    if (typeof p === "number") {
      if (path[i - 1] === "agencies") parts[parts.length - 1] = s.importAgency(p + 1);
      else parts.push(`#${p + 1}`);
    } else {
      parts.push(s.importField[p] ?? `“${p}”`);
    }
  }
  return parts.join(", ");
}

function what(problem: FileProblem, lang: Lang): string {
  const t = strings(lang).importProblem;
  const last = problem.path[problem.path.length - 1];
  switch (problem.code) {
    case "invalid_type":
      return t.type;
    case "too_small":
      return t.empty;
    case "invalid_value":
    case "invalid_literal":
    case "invalid_enum_value":
      return last === "version" ? t.version : t.value;
    case "unrecognized_keys":
    case "invalid_key":
      return t.unknownKey;
    default:
      return t.other;
  }
}

export function problemsText(problems: readonly FileProblem[], lang: Lang): string {
  const s = strings(lang);
  if (problems.length === 0) return s.importProblem.other;
  const first = s.importAt(where(problems[0].path, lang), what(problems[0], lang));
  return problems.length > 1 ? `${first}${s.importMore(problems.length - 1)}` : first;
}

/** A directory file read and validated, or why not, in `lang`. */
export function readDirectoryFile(text: string, lang: Lang): { ok: true; data: DirectoryData } | { ok: false; error: string } {
  const s = strings(lang);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { ok: false, error: s.importNotJson };
  }
  const checked = DirectorySchema.safeParse(raw);
  if (!checked.success) return { ok: false, error: problemsText(problemsOf(checked.error), lang) };
  const parsed = parseDirectoryJson(text);
  if (parsed.ok) return parsed;
  return { ok: false, error: clashText(parsed.error, lang) };
}

/** The directory's own clash messages ("agencies[3].aliases[0]: “X” already names “Y” (agencies[1])"), said again. */
function clashText(error: string, lang: Lang): string {
  const s = strings(lang);
  const m = /^agencies\[(\d+)\]\.(name|aliases\[\d+\]): “(.*)” already names “(.*)”/.exec(error);
  if (m) return s.importAt(s.importAgency(Number(m[1]) + 1), s.importClash(m[3], m[4]));
  const n = /^agencies\[(\d+)\]/.exec(error);
  if (n && /no letters/.test(error)) return s.importAt(s.importAgency(Number(n[1]) + 1), s.importNoLetters);
  return lang === "en" ? error : s.importProblem.other;
}
