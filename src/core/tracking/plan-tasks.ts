/**
 * A plan's tasks as the tracking cycle follows them: each with its section path, its agencies, its deadline and a
 * stable identifier that travels to the agencies in split workbooks and comes back with their replies.
 */
import { AgencyPart } from "../agencies/split";
import { analyseTasks, TaskAnalysis } from "../kinds/tasks/checks";
import { AgencyDirectory } from "../agencies/directory";
import { TableRow, TaskTable } from "../kinds/tasks/table";
import { planPeriodFromTitle, Timeframe } from "../timeframe/timeframe";
import { wordKey, wordKeyHash } from "../sheet/text";
import { Deadline, deadlineOf } from "./deadlines";

export interface PlanTask {
  /** Position among the plan's tasks (0-based). */
  index: number;
  /** Stable identifier: the numbering path and a hash of the content ("II.2-K7QX"). */
  id: string;
  row: TableRow;
  /** Sheet row of the task in the plan. */
  sheetRow: number;
  /** Numerals of the sections it sits in ("II", "A › I"), or "" outside any section. */
  sectionPath: string;
  sectionTitle: string;
  stt: string;
  content: string;
  /** Words-only key of the content, for matching. */
  contentKey: string;
  lead: string;
  coordinating: string;
  timeframeText: string;
  leads: AgencyPart[];
  coordinatingParts: AgencyPart[];
  timeframe: Timeframe;
  deadline: Deadline;
}

export interface Plan {
  sheetName: string;
  table: TaskTable;
  tasks: PlanTask[];
  planStartYear: number | null;
}

const ID_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

function hashCode(text: string): string {
  let h = wordKeyHash(text);
  if (h < 0) h = 0;
  let out = "";
  for (let i = 0; i < 4; i++) {
    out += ID_ALPHABET[h % ID_ALPHABET.length];
    h = Math.floor(h / ID_ALPHABET.length);
  }
  return out;
}

/** The numbering part of an identifier: section numerals and the task's own STT, joined with dots. */
function numberingOf(sectionPath: string, stt: string): string {
  const parts = sectionPath
    .split(" › ")
    .map((p) => p.trim())
    .filter((p) => /^[A-Z]{1,2}$|^[IVXL]+$|^\d+(?:\.\d+)*$/.test(p));
  const own = stt.trim().replace(/[.)]+$/, "");
  if (own !== "" && /^[\w.]{1,12}$/u.test(own)) parts.push(own);
  return parts.join(".");
}

export function planTasks(table: TaskTable, directory: AgencyDirectory, analyses?: readonly TaskAnalysis[]): Plan {
  const read = analyses ?? analyseTasks(table, directory);
  const taken = new Set<string>();
  const tasks = read.map((a, index): PlanTask => {
    const section = a.row.section >= 0 ? table.sections[a.row.section] : undefined;
    const sectionPath = section?.path ?? "";
    const f = a.row.fields;
    const base = `${numberingOf(sectionPath, f.stt) || "NV"}-${hashCode(`${sectionPath}\n${f.content}`)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return {
      index,
      id,
      row: a.row,
      sheetRow: a.row.row,
      sectionPath,
      sectionTitle: section?.title ?? "",
      stt: f.stt,
      content: f.content,
      contentKey: wordKey(f.content),
      lead: f.lead,
      coordinating: f.coordinating,
      timeframeText: f.timeframe,
      leads: a.leads,
      coordinatingParts: a.coordinating,
      timeframe: a.timeframe,
      deadline: deadlineOf(a.timeframe),
    };
  });
  return { sheetName: table.sheetName, table, tasks, planStartYear: planPeriodFromTitle(table.titleText)?.startYear ?? null };
}

/** Names of the lead agencies (not groups) of a task, as the directory spells them. */
export function leadNames(task: PlanTask): string[] {
  return unique(task.leads.map((p) => p.name));
}

export function coordinatingNames(task: PlanTask): string[] {
  return unique(task.coordinatingParts.map((p) => p.name));
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
