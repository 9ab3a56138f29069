/**
 * The task tables' summary sheets (SPEC 6): Tổng hợp cơ quan, Tổng hợp thời gian, Tổng hợp theo mục. Task tallies
 * are recomputed over all task tables together.
 */
import { Lang } from "../../issues/catalogue";
import { label, periodLabel } from "../../output/labels";
import { ModelCell, SheetModel } from "../../output/sheet-model";
import { sheetName } from "../../output/sheet-names";
import type { Sourced } from "../kind";
import type { TaskCheck } from "./check";
import { AgencyTallier, AgencyTally, PeriodTallier, PeriodTally, SectionTally } from "./tallies";
import type { TaskContact } from "./contacts";

/** One checked sheet, as the sections sheet sees it. */
interface TaskSource {
  file?: string;
  linkFile?: string;
  sheetName: string;
  sections: readonly SectionTally[];
}

const text = (value: string | number | null, style?: ModelCell["style"]): ModelCell => (style ? { value, style } : { value });
const int = (n: number): ModelCell => ({ value: n, style: "integer" });

function header(labels: string[]): ModelCell[] {
  return labels.map((l) => text(l, "header"));
}

/** The three task sheets over every task table of the batch. */
export function taskSheets(
  checks: ReadonlyArray<Sourced<TaskCheck>>,
  lang: Lang,
): { agencies: SheetModel; periods: SheetModel; sections: SheetModel } {
  const fold = new TaskSheetsFold();
  for (const c of checks) fold.add(c);
  return fold.sheets(lang);
}

/**
 * The task sheets folded table by table: what they need of each check (its tallies, sections and contacts) is taken
 * as it comes, and the check itself is not kept (a consolidation of thousands of replies).
 */
export class TaskSheetsFold {
  private readonly agencies = new AgencyTallier();
  private readonly periods = new PeriodTallier();
  private readonly sources: TaskSource[] = [];
  private readonly contacts: Array<TaskContact & { sheetName: string }> = [];
  private tasks = 0;
  private first: string | null = null;

  add(c: Sourced<TaskCheck>): void {
    for (const t of c.check.tasks) {
      this.agencies.add(t);
      this.periods.add(t);
    }
    this.tasks += c.check.tasks.length;
    if (this.sources.length === 0) this.first = [c.file, c.check.sheetName].filter(Boolean).join(" › ");
    // Detached: the titles are slices of the reply's XML, which they would keep alive (see summaries.ts).
    this.sources.push({
      file: c.file,
      linkFile: c.linkFile,
      sheetName: c.check.sheetName,
      sections: JSON.parse(JSON.stringify(c.check.sections)),
    });
    for (const k of c.check.contacts) this.contacts.push(JSON.parse(JSON.stringify({ ...k, sheetName: c.check.sheetName })));
  }

  sheets(lang: Lang): { agencies: SheetModel; periods: SheetModel; sections: SheetModel } {
    const many = this.sources.length > 1;
    const subtitle = many ? `${this.sources.length} ${lang === "vi" ? "bảng" : "tables"}` : this.first!;
    const contacts = this.contacts.map(({ sheetName, ...k }) => ({
      ...k,
      place: many ? `${sheetName}!${k.cell ?? k.row}` : (k.cell ?? String(k.row)),
    }));
    return {
      agencies: agencySheet(this.agencies.result(), this.tasks, lang, subtitle, contacts),
      periods: periodsSheet(this.periods.result(), lang, subtitle),
      sections: sectionsSheet(this.sources, lang),
    };
  }
}

/** The contacts of every table, each with its cell — after the sheet's name when the batch has several tables. */
export function agencySheet(
  agencies: readonly AgencyTally[],
  taskCount: number,
  lang: Lang,
  subtitle: string,
  contacts: ReadonlyArray<TaskContact & { place: string }> = [],
): SheetModel {
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
  // The persons written beside the bodies: shown, with the cell they stand in and their role, counted for no one.
  if (contacts.length) {
    rows.push([text(label("contactsInCells", lang), "group-header"), ...Array.from({ length: 5 }, () => text("", "group-header"))]);
    contacts.forEach((k, i) => rows.push([int(i + 1), text(k.text), text(k.place), text(label(k.field, lang)), text(""), text("")]));
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

export function sectionsSheet(sources: readonly TaskSource[], lang: Lang): SheetModel {
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
