/**
 * Tallies (SPEC 5): per agency, per section, per period.
 */
import { TaskAnalysis } from "./checks";
import { Issue } from "../../issues/catalogue";
import { TaskTable } from "./table";
import { periodBucket, startQuarter } from "../../timeframe/timeframe";
import { compareVietnamese } from "../../sheet/vietnamese-order";

export interface AgencyTally {
  name: string;
  kind: "agency" | "group";
  lead: number;
  coordinating: number;
  /** lead + coordinating. */
  total: number;
  /** Tasks the agency takes part in, as a share of all tasks (0..1). */
  share: number;
}

export interface SectionTally {
  row: number;
  path: string;
  title: string;
  level: number;
  /** Tasks in the section and its sub-sections. */
  tasks: number;
  tasksWithIssues: number;
}

export interface PeriodTally {
  /** A start year ("2022") or an undated kind ("ongoing", "annual", "on-demand", "per-document", "unparsed", "empty"). */
  bucket: string;
  tasks: number;
  /** Tasks by quarter of start (index 0..3), and those whose start quarter is not known. */
  quarters?: [number, number, number, number];
  noQuarter?: number;
}

/** Joint leads each count once for the task; an agency named twice in one cell counts once. */
/** Agency tallies counted task by task, so a batch of thousands of tables never holds their tasks together. */
export class AgencyTallier {
  private readonly map = new Map<string, { kind: "agency" | "group"; lead: number; coordinating: number; involved: number }>();
  private tasks = 0;
  private entry(name: string, kind: "agency" | "group") {
    let e = this.map.get(name);
    if (!e) {
      e = { kind, lead: 0, coordinating: 0, involved: 0 };
      this.map.set(name, e);
    }
    return e;
  }
  add(t: TaskAnalysis): void {
    this.tasks++;
    const involved = new Set<string>();
    const leads = new Set<string>();
    for (const p of t.leads) {
      if (leads.has(p.name)) continue;
      leads.add(p.name);
      this.entry(p.name, p.kind).lead++;
      involved.add(p.name);
    }
    const coords = new Set<string>();
    for (const p of t.coordinating) {
      if (coords.has(p.name)) continue;
      coords.add(p.name);
      this.entry(p.name, p.kind).coordinating++;
      involved.add(p.name);
    }
    for (const name of involved) this.map.get(name)!.involved++;
  }
  result(): AgencyTally[] {
    const n = this.tasks;
    return [...this.map]
      .map(([name, e]) => ({
        name,
        kind: e.kind,
        lead: e.lead,
        coordinating: e.coordinating,
        total: e.lead + e.coordinating,
        share: n ? e.involved / n : 0,
      }))
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "agency" ? -1 : 1) || b.total - a.total || compareVietnamese(a.name, b.name));
  }
}

export function tallyAgencies(tasks: readonly TaskAnalysis[]): AgencyTally[] {
  const tallier = new AgencyTallier();
  for (const t of tasks) tallier.add(t);
  return tallier.result();
}

export function tallySections(table: TaskTable, issues: readonly Issue[]): SectionTally[] {
  const rowsWithIssues = new Set<number>();
  for (const i of issues) if (i.row !== null) rowsWithIssues.add(i.row);
  const tallies: SectionTally[] = table.sections.map((s) => ({
    row: s.row,
    path: s.path,
    title: s.title,
    level: s.level,
    tasks: 0,
    tasksWithIssues: 0,
  }));
  for (const r of table.rows) {
    if (r.kind !== "task") continue;
    // Count the task in its section and every section above it.
    for (let s = r.section; s >= 0; s = table.sections[s].parent) {
      tallies[s].tasks++;
      if (rowsWithIssues.has(r.row)) tallies[s].tasksWithIssues++;
    }
  }
  return tallies;
}

const UNDATED_ORDER = ["ongoing", "annual", "on-demand", "per-document", "unparsed", "empty"];

/** Period tallies counted task by task (see AgencyTallier). */
export class PeriodTallier {
  private readonly map = new Map<string, PeriodTally>();
  add(t: TaskAnalysis): void {
    const bucket = periodBucket(t.timeframe);
    let e = this.map.get(bucket);
    if (!e) {
      e = /^\d{4}$/.test(bucket) ? { bucket, tasks: 0, quarters: [0, 0, 0, 0], noQuarter: 0 } : { bucket, tasks: 0 };
      this.map.set(bucket, e);
    }
    e.tasks++;
    if (e.quarters) {
      const q = startQuarter(t.timeframe);
      if (q === null) e.noQuarter!++;
      else e.quarters[q - 1]++;
    }
  }
  result(): PeriodTally[] {
    const rank = (b: string) => (/^\d{4}$/.test(b) ? Number(b) : 10_000 + Math.max(0, UNDATED_ORDER.indexOf(b)));
    return [...this.map.values()].sort((a, b) => rank(a.bucket) - rank(b.bucket) || compareVietnamese(a.bucket, b.bucket));
  }
}

export function tallyPeriods(tasks: readonly TaskAnalysis[]): PeriodTally[] {
  const tallier = new PeriodTallier();
  for (const t of tasks) tallier.add(t);
  return tallier.result();
}
