/**
 * Task lists per agency, the inverse of consolidation: one sheet per lead agency (and, if asked, per coordinating
 * agency) holding its tasks under their plan sections, with the status columns ready to fill and each task's
 * identifier, so that the replies come back to the right task.
 */
import { Lang } from "../issues/catalogue";
import { ModelCell, SheetModel } from "../output/sheet-model";
import { sheetName } from "../output/sheet-names";
import { Section } from "../kinds/tasks/table";
import { DateParts } from "../timeframe/timeframe";
import { DEFAULT_REPORTING_DATE, dueOn, formatDay, ReportingDate } from "./deadlines";
import { uniqueFileNames } from "./file-names";
import { coordinatingNames, leadNames, Plan, PlanTask } from "./plan-tasks";
import { STATUS_CHOICES } from "./statuses";
import { tl } from "./tracking-labels";
import { compareVietnamese } from "../sheet/vietnamese-order";

export type SplitRole = "lead" | "coordinating";

export interface AgencyTaskList {
  agency: string;
  kind: "agency" | "group";
  role: SplitRole;
  tasks: PlanTask[];
  /** A file name made from the agency's name, unique among the lists. */
  fileName: string;
  model: SheetModel;
}

export interface SplitOptions {
  lang: Lang;
  /** Also one list per coordinating agency. */
  coordinating?: boolean;
  /** The plan's name as the hint line gives it (its file name). */
  planName?: string;
  /** The day the due dates of recurring tasks are worked out for. */
  asOf: DateParts;
  reporting?: ReportingDate;
}

/** The columns of a split sheet; the reply is read back by header, so their order is only for the reader. */
const COLUMNS = [
  "stt",
  "content",
  "lead",
  "coordinating",
  "timeframe",
  "due",
  "status",
  "completionDate",
  "percent",
  "result",
  "section",
  "id",
] as const;
const WIDTHS = [6, 60, 28, 28, 18, 14, 20, 14, 12, 48, 14, 16];
const HEADER_ROW = 4;

function groupBy(plan: Plan, role: SplitRole): Map<string, { kind: "agency" | "group"; tasks: PlanTask[] }> {
  const out = new Map<string, { kind: "agency" | "group"; tasks: PlanTask[] }>();
  for (const task of plan.tasks) {
    const names = role === "lead" ? leadNames(task) : coordinatingNames(task);
    const parts = role === "lead" ? task.leads : task.coordinatingParts;
    for (const name of names) {
      let g = out.get(name);
      if (!g) {
        g = { kind: parts.find((p) => p.name === name)?.kind ?? "agency", tasks: [] };
        out.set(name, g);
      }
      g.tasks.push(task);
    }
  }
  return out;
}

/** Section rows above a task: those of its chain not written yet, outermost first. */
function sectionChain(sections: readonly Section[], index: number): number[] {
  const chain: number[] = [];
  for (let i = index; i >= 0; i = sections[i].parent) chain.unshift(i);
  return chain;
}

function taskSheet(plan: Plan, agency: string, role: SplitRole, tasks: readonly PlanTask[], options: SplitOptions): SheetModel {
  const { lang } = options;
  const reporting = options.reporting ?? DEFAULT_REPORTING_DATE;
  const text = (value: string | number | null, style?: ModelCell["style"]): ModelCell => (style ? { value, style } : { value });
  const rows: ModelCell[][] = [
    [text(tl(role === "lead" ? "splitTitle" : "splitTitleCoordinating", lang, { agency }), "title")],
    [text(tl("splitHint", lang, { plan: options.planName ?? plan.sheetName, count: tasks.length }), "subtitle")],
    [text(tl("reporterLine", lang, { agency }), "subtitle")],
    COLUMNS.map((c) => text(tl(c, lang), "header")),
  ];
  const written = new Set<number>();
  for (const task of tasks) {
    if (task.row.section >= 0) {
      for (const s of sectionChain(plan.table.sections, task.row.section)) {
        if (written.has(s)) continue;
        written.add(s);
        const section = plan.table.sections[s];
        rows.push([text(section.stt.text, "group-header"), text(section.title, "group-header")]);
      }
    }
    const due = dueOn(task.deadline, options.asOf, reporting, plan.planStartYear);
    const dueText = due ? (task.deadline.kind === "recurring" ? `${formatDay(due)} (${tl("recurring", lang)})` : formatDay(due)) : "";
    const values: Record<(typeof COLUMNS)[number], string> = {
      stt: task.stt,
      content: task.content,
      lead: task.lead,
      coordinating: task.coordinating,
      timeframe: task.timeframeText,
      due: dueText,
      status: "",
      completionDate: "",
      percent: "",
      result: "",
      section: task.sectionPath,
      id: task.id,
    };
    rows.push(COLUMNS.map((c) => text(values[c])));
  }
  const statusCol = COLUMNS.indexOf("status") + 1;
  return {
    kind: "agency-tasks",
    name: sheetName("agency-tasks", lang),
    rows,
    columnWidths: WIDTHS,
    headerRow: HEADER_ROW,
    autoFilter: false,
    validations:
      rows.length > HEADER_ROW ? [{ firstRow: HEADER_ROW + 1, lastRow: rows.length, col: statusCol, choices: STATUS_CHOICES[lang] }] : [],
  };
}

/** One list per lead agency (then per coordinating agency when asked), agencies before groups, by name. */
export function splitPlan(plan: Plan, options: SplitOptions): AgencyTaskList[] {
  const roles: SplitRole[] = options.coordinating ? ["lead", "coordinating"] : ["lead"];
  const lists: Array<Omit<AgencyTaskList, "fileName">> = [];
  for (const role of roles) {
    const groups = [...groupBy(plan, role)].sort(
      ([a, ga], [b, gb]) => (ga.kind === gb.kind ? 0 : ga.kind === "agency" ? -1 : 1) || compareVietnamese(a, b),
    );
    for (const [agency, g] of groups)
      lists.push({ agency, kind: g.kind, role, tasks: g.tasks, model: taskSheet(plan, agency, role, g.tasks, options) });
  }
  const suffix = options.lang === "vi" ? " - phối hợp" : " - coordinating";
  const names = uniqueFileNames(
    lists.map((l) => (l.role === "lead" ? l.agency : `${l.agency}${suffix}`)),
    ".xlsx",
  );
  return lists.map((l, i) => ({ ...l, fileName: names[i] }));
}

/** "Cơ quan báo cáo: Sở Ngoại vụ" above a split sheet's header: who a reply comes from. */
export function reporterFromTitle(titleText: string): string | null {
  const m = /(?:^|\n)\s*(?:Cơ quan báo cáo|Đơn vị báo cáo|Reported by)\s*:\s*(.+)/iu.exec(titleText.normalize("NFC"));
  return m ? m[1].trim() : null;
}
