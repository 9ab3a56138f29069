/**
 * The plan's deadlines as of a day: each task in its bucket (overdue, due this month, this quarter, later, no
 * deadline, completed), and the counts per agency — as lead and as coordinator — and per section.
 */
import { DateParts } from "../timeframe/timeframe";
import { bucketOf, DEADLINE_BUCKETS, DeadlineBucket, dueOn, nextOccurrence, ReportingDate } from "./deadlines";
import { coordinatingNames, leadNames, Plan, PlanTask } from "./plan-tasks";
import { isCompleted, TaskStatus } from "./statuses";
import { compareVietnamese } from "../sheet/vietnamese-order";

export interface DeadlineEntry {
  task: PlanTask;
  due: DateParts | null;
  recurring: boolean;
  bucket: DeadlineBucket;
  status?: TaskStatus;
}

export type BucketCounts = Record<DeadlineBucket, number>;

export interface AgencyDeadlines {
  name: string;
  kind: "agency" | "group";
  lead: BucketCounts;
  coordinating: BucketCounts;
}

export interface SectionDeadlines {
  path: string;
  title: string;
  counts: BucketCounts;
}

export interface DeadlineView {
  asOf: DateParts;
  reporting: ReportingDate;
  entries: DeadlineEntry[];
  totals: BucketCounts;
  agencies: AgencyDeadlines[];
  sections: SectionDeadlines[];
}

function emptyCounts(): BucketCounts {
  return { overdue: 0, "this-month": 0, "this-quarter": 0, later: 0, "no-deadline": 0, completed: 0 };
}

/**
 * Where one task stands. A completed task is done whatever its date; a recurring task reported in progress has
 * made this year's report, so it is judged by its next occurrence.
 */
export function entryOf(
  task: PlanTask,
  asOf: DateParts,
  reporting: ReportingDate,
  planStartYear: number | null,
  status?: TaskStatus,
): DeadlineEntry {
  const recurring = task.deadline.kind === "recurring";
  let due = dueOn(task.deadline, asOf, reporting, planStartYear);
  let bucket: DeadlineBucket = bucketOf(due, asOf);
  if (status && isCompleted(status)) bucket = "completed";
  else if (recurring && due && bucket === "overdue" && status === "in-progress") {
    due = nextOccurrence(due, reporting);
    bucket = bucketOf(due, asOf);
  }
  const entry: DeadlineEntry = { task, due, recurring, bucket };
  if (status) entry.status = status;
  return entry;
}

export function deadlineView(
  plan: Plan,
  asOf: DateParts,
  reporting: ReportingDate,
  statuses?: ReadonlyMap<number, TaskStatus>,
): DeadlineView {
  const entries = plan.tasks.map((t) => entryOf(t, asOf, reporting, plan.planStartYear, statuses?.get(t.index)));
  const totals = emptyCounts();
  const agencies = new Map<string, AgencyDeadlines>();
  const sections = new Map<string, SectionDeadlines>();
  const agency = (name: string, kind: "agency" | "group") => {
    let a = agencies.get(name);
    if (!a) {
      a = { name, kind, lead: emptyCounts(), coordinating: emptyCounts() };
      agencies.set(name, a);
    }
    return a;
  };
  for (const e of entries) {
    totals[e.bucket]++;
    const kindOf = (parts: PlanTask["leads"], name: string) => parts.find((p) => p.name === name)?.kind ?? "agency";
    for (const name of leadNames(e.task)) agency(name, kindOf(e.task.leads, name)).lead[e.bucket]++;
    for (const name of coordinatingNames(e.task)) agency(name, kindOf(e.task.coordinatingParts, name)).coordinating[e.bucket]++;
    const key = e.task.sectionPath;
    let s = sections.get(key);
    if (!s) {
      s = { path: key, title: e.task.sectionTitle, counts: emptyCounts() };
      sections.set(key, s);
    }
    s.counts[e.bucket]++;
  }
  // Who is behind first: most overdue as lead, then due soonest, then by name.
  const sorted = [...agencies.values()].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === "agency" ? -1 : 1) ||
      b.lead.overdue - a.lead.overdue ||
      b.lead["this-month"] - a.lead["this-month"] ||
      b.coordinating.overdue - a.coordinating.overdue ||
      compareVietnamese(a.name, b.name),
  );
  return { asOf, reporting, entries, totals, agencies: sorted, sections: [...sections.values()] };
}

export { DEADLINE_BUCKETS };
