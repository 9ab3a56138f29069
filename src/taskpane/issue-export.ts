/**
 * An issue as text to paste into a message or a reply ("Phụ lục!A43 — Lỗi — Thiếu số thứ tự: …"), and the issue
 * list on its own as a sheet (the same "Danh sách lỗi" the summaries write).
 */
import type { Issue, Lang } from "../core/issues/catalogue";
import { issueText } from "../core/issues/text";
import { label } from "../core/output/labels";
import type { SheetModel } from "../core/output/sheet-model";
import { issuesSheet } from "../core/output/summaries";
import type { SheetCheck } from "../core/workbook";
import { RULE_NAMES, strings } from "./strings";

export function issueAsText(issue: Issue, sheet: string, lang: Lang): string {
  const s = strings(lang);
  const where = issue.cell ? `${sheet}!${issue.cell}` : `${sheet} (${s.tableLevel.toLowerCase()})`;
  const lines = [`${where} — ${label(issue.severity, lang)} — ${RULE_NAMES[lang][issue.code]}: ${issueText(issue, lang)}`];
  if (issue.cell && issue.value !== "") lines.push(`${s.fullValue}: ${issue.value}`);
  if (issue.suggestion !== undefined) lines.push(`${s.suggestion} ${issue.suggestion}`);
  return lines.join("\n");
}

/** The check's issue list as one sheet model, for "Ghi danh sách lỗi ra trang mới". */
export function issueListSheet(check: SheetCheck, lang: Lang): SheetModel {
  return issuesSheet([{ sheetName: check.sheetName, issues: check.issues }], lang);
}

/** Puts text on the clipboard; false when the browser refuses (no permission, or an old webview). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection copy
  }
  if (typeof document === "undefined") return false;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
