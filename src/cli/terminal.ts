/**
 * What the command line prints for a person: issues grouped by row, tallies as a table, a progress bar.
 */
import { DIRECTIONS, FIGURES } from "../core/kinds/delegations/fields";
import { delegationLabel } from "../core/kinds/delegations/sheet";
import { DelegationCheck } from "../core/kinds/delegations/check";
import { Issue, Lang } from "../core/issues/catalogue";
import { issueText } from "../core/issues/text";
import { count, NOUNS } from "./messages";
import { label } from "../core/output/labels";
import { rangeAddress } from "../core/sheet/grid";
import { SheetCheck } from "../core/workbook";
import { DocumentFacts } from "../word/plan-facts";
import { wordLocationText } from "../word/word-check";
import { terminalSafe } from "./terminal-safe";
import type { Progress } from "../core/kinds/reports/check";
import { formatDay } from "../core/tracking/deadlines";
import { STATUS_LABELS, TASK_STATUSES } from "../core/tracking/statuses";
import { REPORT_TEXT } from "./report-text";

const MARK: Record<Issue["severity"], string> = { error: "✖", warning: "▲", info: "·" };

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function padLeft(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

/** `wordTable`: the issues are in that table of a Word document, and say so ("bảng 2, dòng 14, cột C"). */
function issueLines(issues: readonly Issue[], lang: Lang, wordTable?: number): string[] {
  const lines: string[] = [];
  let lastGroup: string | undefined;
  for (const i of issues) {
    // A plan written as paragraphs is read by heading ("Mục 5.2"), a table by row (a Word table's: "bảng 2, dòng 14").
    const group = i.place
      ? REPORT_TEXT[lang].heading(i.place.heading)
      : wordTable !== undefined
        ? wordLocationText(wordTable, i.row, null, lang)
        : i.row === null
          ? ""
          : `${label("row", lang)} ${i.row}`;
    if (group !== lastGroup) {
      lines.push(`  ${group === "" ? REPORT_TEXT[lang].wholeTable : group}`);
      lastGroup = group;
    }
    const suggestion = i.suggestion ? `  → ${i.suggestion}` : "";
    const where = i.place
      ? `${REPORT_TEXT[lang].line(i.place.line)}${i.row === null ? "" : ` (${i.cell ?? REPORT_TEXT[lang].line(i.row)})`}`
      : wordTable !== undefined && i.cell
        ? wordColumnText(i.cell, lang)
        : (i.cell ?? "");
    lines.push(`    ${MARK[i.severity]} ${pad(where, 5)} ${pad(i.code, 22)} ${issueText(i, lang)}${suggestion}`);
  }
  return lines;
}

function wordColumnText(cell: string, lang: Lang): string {
  const column = /^[A-Z]+/.exec(cell)?.[0] ?? cell;
  return REPORT_TEXT[lang].column(column);
}

/** `workbookTotals`: for a delegation sheet, also print the workbook's totals (once per workbook is enough). */
export function renderCheck(
  file: string,
  check: SheetCheck,
  lang: Lang,
  options: { workbookTotals?: boolean; wordTable?: number } = {},
): string {
  if (check.kind === "delegations") return renderDelegations(file, check, lang, options.workbookTotals ?? true, options.wordTable);
  const lines: string[] = [];
  const t = check.table;
  const where = check.paragraphs
    ? ` (${REPORT_TEXT[lang].asParagraphs})`
    : t
      ? ` (${rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol)})`
      : "";
  lines.push(`${file} › ${check.sheetName}${where}`);
  const c = check.counts;
  lines.push(`  ${[count(c.sections, NOUNS.sections, lang), count(c.tasks, NOUNS.tasks, lang)].join(", ")} — ${tally(c, lang)}`);
  if (check.kind === "reports") lines.push(`  ${progressLine(check.progress, lang)}`);
  // Loops, not push(...list): 60,000 issues are more arguments than a call may take.
  for (const l of issueLines(check.issues, lang, options.wordTable)) lines.push(l);
  if (check.agencies.length) {
    const nameWidth = Math.min(
      60,
      check.agencies.reduce((w, a) => Math.max(w, a.name.length), 10),
    );
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
  if (check.monitoring.length) {
    lines.push("");
    lines.push(`  ${REPORT_TEXT[lang].monitoring}`);
    for (const m of check.monitoring) lines.push(`  ${pad(m.name, 60)}  ${padLeft(String(m.tasks), 6)}`);
  }
  return lines.join("\n");
}

/** A progress report's statuses as judged on its day: "Tính đến hết ngày 31/12/2022: 2 Hoàn thành đúng hạn, 1 Quá hạn". */
function progressLine(progress: Progress, lang: Lang): string {
  const parts = TASK_STATUSES.filter((s) => progress.statuses[s] > 0).map((s) => `${progress.statuses[s]} ${STATUS_LABELS[s][lang]}`);
  const head =
    lang === "vi"
      ? `Báo cáo kết quả thực hiện, tính đến hết ngày ${formatDay(progress.asOf)}`
      : `Progress report, as of the end of ${formatDay(progress.asOf)}`;
  return `${head}: ${parts.join(", ")}`;
}

/**
 * A delegation sheet: its counts and issues, then the workbook's totals per direction beside those the plan states
 * ("13 = 9 + 4", stated "13 = 9 + 4").
 */
function renderDelegations(file: string, check: DelegationCheck, lang: Lang, workbookTotals: boolean, wordTable?: number): string {
  const t = check.table;
  const lines: string[] = [];
  lines.push(`${file} › ${check.sheetName} (${rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol)})`);
  const c = check.counts;
  const direction = delegationLabel(check.direction, lang);
  lines.push(
    `  ${direction}: ${[count(c.sections, NOUNS.sections, lang), count(c.delegations ?? 0, NOUNS.delegations, lang)].join(", ")} — ${tally(c, lang)}`,
  );
  for (const l of issueLines(check.issues, lang, wordTable)) lines.push(l);
  if (!workbookTotals) return lines.join("\n");
  const { counted, stated } = check.workbook;
  const width = Math.max(...DIRECTIONS.map((d) => delegationLabel(d, lang).length), 10);
  lines.push("");
  lines.push(`  ${pad(REPORT_TEXT[lang].workbook, width)}  ${FIGURES.map((f) => padLeft(delegationLabel(f, lang), 16)).join("  ")}`);
  for (const d of DIRECTIONS) {
    const cells = FIGURES.map((f) => {
      const s = stated?.[d]?.[f];
      const text = s === undefined || s === counted[d][f] ? String(counted[d][f]) : `${counted[d][f]} (${REPORT_TEXT[lang].stated(s)})`;
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
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${n}/${total} ${pad(terminalSafe(short), 40)}`);
    },
    done() {
      if (active) stream.write("\r" + " ".repeat(80) + "\r");
    },
  };
}

/** What a Word plan's own text says, one line under the file's name: title, number, date, period, stated totals. */
export function renderDocumentFacts(file: string, facts: DocumentFacts, lang: Lang): string {
  const t = REPORT_TEXT[lang];
  const parts: string[] = [];
  if (facts.title) parts.push(facts.title);
  if (facts.number) parts.push(t.docNumber(facts.number));
  if (facts.date) parts.push(facts.date.text);
  if (facts.plan)
    parts.push(t.planPeriod(`${facts.plan.startYear}${facts.plan.endYear !== facts.plan.startYear ? `–${facts.plan.endYear}` : ""}`));
  const lines = [`${file}: ${parts.length ? parts.join(" · ") : t.noTitle}`];
  if (facts.stated) {
    const stated = DIRECTIONS.filter((d) => facts.stated?.[d])
      .map((d) => `${delegationLabel(d, lang)} ${FIGURES.map((f) => facts.stated?.[d]?.[f] ?? "?").join("/")}`)
      .join("; ");
    lines.push(`  ${t.statedInText}: ${stated}`);
  }
  if (facts.revisions) lines.push(`  ${t.revisions}`);
  return lines.join("\n");
}

/** "1 error, 2 warnings, 0 infos" / "1 lỗi, 2 cảnh báo, 0 thông tin". */
function tally(c: { errors: number; warnings: number; infos: number }, lang: Lang): string {
  return [count(c.errors, NOUNS.errors, lang), count(c.warnings, NOUNS.warnings, lang), count(c.infos, NOUNS.infos, lang)].join(", ");
}
