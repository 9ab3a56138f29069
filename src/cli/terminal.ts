/**
 * What the command line prints for a person: issues grouped by row, tallies as a table, a progress bar.
 */
import { DIRECTIONS, FIGURES } from "../core/kinds/delegations/fields";
import { delegationLabel } from "../core/kinds/delegations/sheet";
import { DelegationCheck } from "../core/kinds/delegations/check";
import { Issue, Lang } from "../core/issues/catalogue";
import { issueText } from "../core/issues/text";
import { label } from "../core/output/labels";
import { rangeAddress } from "../core/sheet/grid";
import { SheetCheck } from "../core/workbook";

const MARK: Record<Issue["severity"], string> = { error: "✖", warning: "▲", info: "·" };

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function padLeft(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

function issueLines(issues: readonly Issue[], lang: Lang): string[] {
  const lines: string[] = [];
  let lastRow: number | null | undefined;
  for (const i of issues) {
    if (i.row !== lastRow) {
      lines.push(i.row === null ? `  ${lang === "vi" ? "Toàn bảng" : "Table"}` : `  ${label("row", lang)} ${i.row}`);
      lastRow = i.row;
    }
    const suggestion = i.suggestion ? `  → ${i.suggestion}` : "";
    lines.push(`    ${MARK[i.severity]} ${pad(i.cell ?? "", 5)} ${pad(i.code, 22)} ${issueText(i, lang)}${suggestion}`);
  }
  return lines;
}

/** `workbookTotals`: for a delegation sheet, also print the workbook's totals (once per workbook is enough). */
export function renderCheck(file: string, check: SheetCheck, lang: Lang, options: { workbookTotals?: boolean } = {}): string {
  if (check.kind === "delegations") return renderDelegations(file, check, lang, options.workbookTotals ?? true);
  const lines: string[] = [];
  const t = check.table;
  const where = t ? ` (${rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol)})` : "";
  lines.push(`${file} › ${check.sheetName}${where}`);
  const c = check.counts;
  lines.push(
    lang === "vi"
      ? `  ${c.sections} mục, ${c.tasks} nhiệm vụ — ${c.errors} lỗi, ${c.warnings} cảnh báo, ${c.infos} thông tin`
      : `  ${c.sections} sections, ${c.tasks} tasks — ${c.errors} errors, ${c.warnings} warnings, ${c.infos} infos`,
  );
  lines.push(...issueLines(check.issues, lang));
  if (check.agencies.length) {
    const nameWidth = Math.min(60, Math.max(...check.agencies.map((a) => a.name.length), 10));
    lines.push("");
    lines.push(
      `  ${pad(label("agency", lang), nameWidth)}  ${padLeft(label("lead", lang), 8)}  ${padLeft(label("coordinating", lang), 12)}  ${padLeft(label("total", lang), 6)}`,
    );
    let groupsShown = false;
    for (const a of check.agencies) {
      if (a.kind === "group" && !groupsShown) {
        lines.push(`  — ${label("group", lang)} —`);
        groupsShown = true;
      }
      const name = a.name.length > nameWidth ? a.name.slice(0, nameWidth - 1) + "…" : a.name;
      lines.push(
        `  ${pad(name, nameWidth)}  ${padLeft(String(a.lead), 8)}  ${padLeft(String(a.coordinating), 12)}  ${padLeft(String(a.total), 6)}`,
      );
    }
  }
  return lines.join("\n");
}

/**
 * A delegation sheet: its counts and issues, then the workbook's totals per direction beside those the plan states
 * ("13 = 9 + 4", stated "13 = 9 + 4").
 */
function renderDelegations(file: string, check: DelegationCheck, lang: Lang, workbookTotals: boolean): string {
  const t = check.table;
  const lines: string[] = [];
  lines.push(`${file} › ${check.sheetName} (${rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol)})`);
  const c = check.counts;
  const direction = delegationLabel(check.direction, lang);
  lines.push(
    lang === "vi"
      ? `  ${direction}: ${c.sections} mục, ${c.delegations ?? 0} đoàn — ${c.errors} lỗi, ${c.warnings} cảnh báo, ${c.infos} thông tin`
      : `  ${direction}: ${c.sections} sections, ${c.delegations ?? 0} delegations — ${c.errors} errors, ${c.warnings} warnings, ${c.infos} infos`,
  );
  lines.push(...issueLines(check.issues, lang));
  if (!workbookTotals) return lines.join("\n");
  const { counted, stated } = check.workbook;
  const width = Math.max(...DIRECTIONS.map((d) => delegationLabel(d, lang).length), 10);
  lines.push("");
  lines.push(
    `  ${pad(lang === "vi" ? "Cả tệp" : "Workbook", width)}  ${FIGURES.map((f) => padLeft(delegationLabel(f, lang), 16)).join("  ")}`,
  );
  for (const d of DIRECTIONS) {
    const cells = FIGURES.map((f) => {
      const s = stated?.[d]?.[f];
      const text =
        s === undefined || s === counted[d][f] ? String(counted[d][f]) : `${counted[d][f]} (${lang === "vi" ? "ghi" : "stated"} ${s})`;
      return padLeft(text, 16);
    });
    lines.push(`  ${pad(delegationLabel(d, lang), width)}  ${cells.join("  ")}`);
  }
  return lines.join("\n");
}

/** A progress bar on stderr when it is a terminal; silent when piped. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): { tick(label: string): void; done(): void } {
  const active = Boolean(stream.isTTY) && total > 1;
  let n = 0;
  return {
    tick(name: string) {
      n++;
      if (!active) return;
      const width = 24;
      const filled = Math.round((n / total) * width);
      const short = name.length > 40 ? "…" + name.slice(-39) : name;
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${n}/${total} ${pad(short, 40)}`);
    },
    done() {
      if (active) stream.write("\r" + " ".repeat(80) + "\r");
    },
  };
}
