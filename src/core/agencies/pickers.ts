/**
 * Drop-down lists of agency names on the lead (chủ trì) column: what both writers (Office.js in the add-in, the
 * SpreadsheetML writer of `check --add-pickers`) put where. The names stand on a hidden sheet of the product's own,
 * one a row, so the list is not held to the 255 characters Excel allows a list written inline; the validation of the
 * lead cells refers to that column. The alert is a warning, not a stop: a body the directory does not know yet can
 * still be typed, and the check then says so.
 */
import { DirectoryData } from "./directory";
import { Lang } from "../issues/catalogue";
import { MergeArea, columnLetter } from "../sheet/grid";
import { SheetCheck } from "../kinds";
import { isTaskTableCheck } from "../kinds";
import { compareVietnamese } from "../sheet/vietnamese-order";

/** The list sheet's name in each language (a user's own sheet of that name keeps it; ours then takes "… (2)"). */
export const AGENCY_LIST_SHEET: Record<Lang, string> = { vi: "Danh sách cơ quan", en: "Agency list" };

/** The value of the product's sheet mark (sheet-ownership.ts OWNED_MARK) that says "this is the agency list". */
export const AGENCY_LIST_MARK = "agency-list";

/** Whether a sheet name is one of the list sheet's names, with or without a " (2)" suffix. */
export function isAgencyListName(name: string): boolean {
  const base = name.replace(/ \(\d+\)$/, "").toLowerCase();
  return Object.values(AGENCY_LIST_SHEET).some((n) => n.toLowerCase() === base);
}

/** The directory's canonical agency names (groups are not one body to lead a task), in Vietnamese order, once each. */
export function canonicalAgencyNames(directory: DirectoryData): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const a of directory.agencies) {
    if (a.kind === "group") continue;
    const name = a.name.trim();
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names.sort(compareVietnamese);
}

/** Where the drop-downs go: rows of the lead column, 1-based, in runs that no merged area cuts through. */
export interface PickerTarget {
  sheetName: string;
  col: number;
  /** The table's body rows, header excluded. */
  firstRow: number;
  lastRow: number;
  /** Runs of rows to validate; the rows left out are section rows merged across the lead column. */
  areas: Array<{ first: number; last: number }>;
}

/**
 * The lead column of a checked task table, without the cells that lie in a merged area reaching beyond the column
 * (a section title merged across the row): Excel refuses validation on part of a merged cell, and a section row has
 * no lead anyway. A header repeated further down is left out too. Null for a table without a lead column, or another kind of table.
 */
export function pickerTarget(check: SheetCheck, merges: readonly MergeArea[]): PickerTarget | null {
  if (!isTaskTableCheck(check) || !check.table) return null;
  const t = check.table;
  const col = t.header.columns.lead;
  if (col === undefined) return null;
  const firstRow = t.header.row + t.header.rows;
  const lastRow = t.lastRow;
  if (lastRow < firstRow) return null;
  const cut = new Set<number>();
  for (const m of merges) {
    if (m.left > col || m.right < col || (m.left === col && m.right === col)) continue;
    for (let r = Math.max(m.top, firstRow); r <= Math.min(m.bottom, lastRow); r++) cut.add(r);
  }
  // A header repeated on a later page, or the row numbering the columns, holds no agency.
  for (const row of t.rows) if (row.kind === "repeated-header" || row.kind === "column-numbers") cut.add(row.row);
  const areas: PickerTarget["areas"] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    if (cut.has(r)) continue;
    const last = areas[areas.length - 1];
    if (last && last.last === r - 1) last.last = r;
    else areas.push({ first: r, last: r });
  }
  return areas.length ? { sheetName: t.sheetName, col, firstRow, lastRow, areas } : null;
}

/** The areas as A1 addresses ("C7:C12"). */
export function pickerAddresses(target: PickerTarget): string[] {
  const c = columnLetter(target.col);
  return target.areas.map((a) => (a.first === a.last ? `${c}${a.first}` : `${c}${a.first}:${c}${a.last}`));
}

/** The list's reference as the validation's source: `='Danh sách cơ quan'!$A$1:$A$40`. */
export function listSourceFormula(listSheet: string, count: number): string {
  return `='${listSheet.replace(/'/g, "''")}'!$A$1:$A$${Math.max(1, count)}`;
}

/** The input message and the error alert, in the pane's or the command's language (Excel keeps 32 and 255 characters). */
export function pickerTexts(lang: Lang): { promptTitle: string; prompt: string; errorTitle: string; error: string } {
  return lang === "vi"
    ? {
        promptTitle: "Cơ quan chủ trì",
        prompt: "Chọn tên cơ quan trong danh sách (tên chuẩn theo danh mục). Cơ quan chưa có trong danh mục vẫn có thể gõ vào.",
        errorTitle: "Tên chưa có trong danh mục",
        error: "Tên này không có trong danh sách cơ quan. Nếu đây là cơ quan mới, vẫn có thể giữ tên đã gõ.",
      }
    : {
        promptTitle: "Lead agency",
        prompt: "Pick the agency from the list (its name as the directory writes it). A body not in the directory can still be typed.",
        errorTitle: "Not in the directory",
        error: "This name is not on the agency list. If it is a new body, what you typed can still be kept.",
      };
}
