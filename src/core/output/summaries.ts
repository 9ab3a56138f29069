/**
 * The summary sheets of SPEC 6 as sheet models.
 */
import { delegationsSheet } from "../kinds/delegations/sheet";
import { DelegationCheck } from "../kinds/delegations/check";
import { Issue, Lang } from "../issues/catalogue";
import { issueFieldName, issueText } from "../issues/text";
import { label, periodLabel } from "./labels";
import { ModelCell, SheetModel } from "./sheet-model";
import { sheetName } from "./sheet-names";
import { AgencyTally, PeriodTally, SectionTally, tallyAgencies, tallyPeriods } from "../kinds/tasks/tallies";
import { TaskCheck } from "../kinds/tasks/check";
import { SheetCheck } from "../workbook";

/** One checked sheet, as the summaries see it. */
export interface SummarySource {
  /** The workbook file, when the summaries are written to another file than the source. */
  file?: string;
  /** Path of the source workbook relative to the written one, for links; defaults to `file`. */
  linkFile?: string;
  sheetName: string;
  issues: readonly Issue[];
  sections: readonly SectionTally[];
}

const text = (value: string | number | null, style?: ModelCell["style"]): ModelCell => (style ? { value, style } : { value });
const int = (n: number): ModelCell => ({ value: n, style: "integer" });

function header(labels: string[]): ModelCell[] {
  return labels.map((l) => text(l, "header"));
}

export function agencySheet(agencies: readonly AgencyTally[], taskCount: number, lang: Lang, subtitle: string): SheetModel {
  const rows: ModelCell[][] = [
    [text(label("agenciesTitle", lang), "title")],
    [text(`${subtitle} — ${label("tasksCount", lang)}: ${taskCount}`, "subtitle")],
    header([
      label("no", lang),
      label("agency", lang),
      label("lead", lang),
      label("coordinating", lang),
      label("total", lang),
      label("share", lang),
    ]),
  ];
  const headerRow = rows.length;
  const bodies = agencies.filter((a) => a.kind === "agency");
  const groups = agencies.filter((a) => a.kind === "group");
  const line = (a: AgencyTally, i: number): ModelCell[] => [
    int(i + 1),
    text(a.name),
    int(a.lead),
    int(a.coordinating),
    int(a.total),
    { value: a.share, style: "percent" },
  ];
  bodies.forEach((a, i) => rows.push(line(a, i)));
  const lastAgencyRow = rows.length;
  if (groups.length) {
    rows.push([
      text(label("group", lang), "group-header"),
      text("", "group-header"),
      text("", "group-header"),
      text("", "group-header"),
      text("", "group-header"),
      text("", "group-header"),
    ]);
    groups.forEach((a, i) => rows.push(line(a, i)));
  }
  const chartLast = Math.min(lastAgencyRow, headerRow + 15);
  return {
    kind: "agencies",
    name: sheetName("agencies", lang),
    rows,
    columnWidths: [6, 48, 10, 10, 10, 14],
    headerRow,
    autoFilter: false,
    chart:
      bodies.length > 0
        ? {
            kind: "bar",
            title: label("agenciesTitle", lang),
            headerRow,
            firstRow: headerRow + 1,
            lastRow: chartLast,
            categoryCol: 2,
            valueCols: [3, 4],
          }
        : undefined,
  };
}

export function issuesSheet(sources: readonly SummarySource[], lang: Lang): SheetModel {
  const withFile = sources.some((s) => s.file !== undefined);
  const labels = [
    label("no", lang),
    ...(withFile ? [label("file", lang)] : []),
    label("sheet", lang),
    label("cell", lang),
    label("row", lang),
    label("severity", lang),
    label("code", lang),
    label("field", lang),
    label("value", lang),
    label("message", lang),
    label("suggestion", lang),
  ];
  const rows: ModelCell[][] = [[text(label("issuesTitle", lang), "title")], [], header(labels)];
  const headerRow = rows.length;
  let n = 0;
  for (const s of sources) {
    for (const i of s.issues) {
      n++;
      const severityStyle = i.severity;
      rows.push([
        int(n),
        ...(withFile ? [text(s.file ?? "")] : []),
        text(s.sheetName),
        i.cell ? { value: i.cell, link: { file: s.linkFile ?? s.file, sheet: s.sheetName, cell: i.cell } } : text(""),
        i.row === null ? text("") : int(i.row),
        text(label(i.severity, lang), severityStyle),
        text(i.code),
        text(i.field ? issueFieldName(i.field, lang) : ""),
        text(i.value),
        text(issueText(i, lang)),
        text(i.suggestion ?? ""),
      ]);
    }
  }
  if (n === 0) rows.push([text(""), text(label("noIssues", lang))]);
  rows[1] = [text(`${label("total", lang)}: ${n}`, "subtitle")];
  return {
    kind: "issues",
    name: sheetName("issues", lang),
    rows,
    columnWidths: [6, ...(withFile ? [28] : []), 18, 8, 7, 11, 22, 20, 36, 60, 36],
    headerRow,
    autoFilter: n > 0,
  };
}

export function periodsSheet(periods: readonly PeriodTally[], lang: Lang, subtitle: string): SheetModel {
  const rows: ModelCell[][] = [
    [text(label("periodsTitle", lang), "title")],
    [text(subtitle, "subtitle")],
    header([
      label("period", lang),
      label("tasks", lang),
      label("q1", lang),
      label("q2", lang),
      label("q3", lang),
      label("q4", lang),
      label("noQuarter", lang),
    ]),
  ];
  const headerRow = rows.length;
  for (const p of periods) {
    rows.push([text(periodLabel(p.bucket, lang)), int(p.tasks), ...(p.quarters ? [...p.quarters.map(int), int(p.noQuarter ?? 0)] : [])]);
  }
  rows.push([text(label("total", lang), "group-header"), { value: periods.reduce((s, p) => s + p.tasks, 0), style: "group-header" }]);
  return { kind: "periods", name: sheetName("periods", lang), rows, columnWidths: [30, 12, 9, 9, 9, 9, 22], headerRow, autoFilter: false };
}

export function sectionsSheet(sources: readonly SummarySource[], lang: Lang): SheetModel {
  const withFile = sources.some((s) => s.file !== undefined);
  const rows: ModelCell[][] = [
    [text(label("sectionsTitle", lang), "title")],
    [],
    header([
      ...(withFile ? [label("file", lang)] : []),
      label("sheet", lang),
      label("section", lang),
      label("title", lang),
      label("tasks", lang),
      label("tasksWithIssues", lang),
    ]),
  ];
  const headerRow = rows.length;
  for (const s of sources) {
    for (const sec of s.sections) {
      rows.push([
        ...(withFile ? [text(s.file ?? "")] : []),
        text(s.sheetName),
        { value: sec.path, link: { file: s.linkFile ?? s.file, sheet: s.sheetName, cell: `A${sec.row}` } },
        text(sec.title),
        int(sec.tasks),
        int(sec.tasksWithIssues),
      ]);
    }
  }
  return {
    kind: "sections",
    name: sheetName("sections", lang),
    rows,
    columnWidths: [...(withFile ? [28] : []), 18, 18, 60, 12, 16],
    headerRow,
    autoFilter: rows.length > headerRow,
  };
}

/**
 * Every summary sheet over one or more checked tables. Task tallies are recomputed over all task tables together;
 * the issues of every table are listed; "Tổng hợp đoàn" is added when delegation tables were checked. A batch of
 * delegation tables only gets no empty agency, period and section sheets.
 */
export function summarySheets(checks: ReadonlyArray<{ file?: string; linkFile?: string; check: SheetCheck }>, lang: Lang): SheetModel[] {
  const taskChecks = checks.filter((c): c is { file?: string; linkFile?: string; check: TaskCheck } => c.check.kind === "tasks");
  const delegationChecks = checks.filter(
    (c): c is { file?: string; linkFile?: string; check: DelegationCheck } => c.check.kind === "delegations",
  );
  const tasks = taskChecks.flatMap((c) => c.check.tasks);
  const sources: SummarySource[] = checks.map((c) => ({
    file: c.file,
    linkFile: c.linkFile,
    sheetName: c.check.sheetName,
    issues: c.check.issues,
    sections: c.check.kind === "tasks" ? c.check.sections : [],
  }));
  const subtitle =
    taskChecks.length === 1
      ? [taskChecks[0].file, taskChecks[0].check.sheetName].filter(Boolean).join(" › ")
      : `${taskChecks.length} ${lang === "vi" ? "bảng" : "tables"}`;
  const withTasks = taskChecks.length > 0 || delegationChecks.length === 0;
  return [
    ...(withTasks ? [agencySheet(tallyAgencies(tasks), tasks.length, lang, subtitle)] : []),
    issuesSheet(sources, lang),
    ...(withTasks ? [periodsSheet(tallyPeriods(tasks), lang, subtitle), sectionsSheet(sources, lang)] : []),
    ...(delegationChecks.length
      ? [
          delegationsSheet(
            delegationChecks.map((c) => ({ file: c.file, check: c.check })),
            lang,
          ),
        ]
      : []),
  ];
}
