/**
 * The per-agency scorecard: for each lead agency, its tasks completed on time, completed late, in progress, overdue,
 * not reported and other, and its on-time rate — sorted so that who is behind comes first.
 */
import { ScorecardRow } from "./json";
import { leadNames, PlanTask } from "./plan-tasks";
import { TaskStatus } from "./statuses";
import { Tracking } from "./track";
import { compareVietnamese } from "../sheet/vietnamese-order";

export function scorecard(tracking: Tracking): ScorecardRow[] {
  return scorecardOf(tracking.tasks);
}

/** The scorecard over tasks with their statuses as judged: of a tracking cycle, or of one progress report's own rows. */
export function scorecardOf(tasks: ReadonlyArray<{ task: PlanTask; status: TaskStatus }>): ScorecardRow[] {
  const rows = new Map<string, ScorecardRow>();
  for (const t of tasks) {
    for (const name of leadNames(t.task)) {
      let r = rows.get(name);
      if (!r) {
        const kind = t.task.leads.find((p) => p.name === name)?.kind ?? "agency";
        r = {
          agency: name,
          kind,
          tasks: 0,
          completedOnTime: 0,
          completedLate: 0,
          inProgress: 0,
          overdue: 0,
          notReported: 0,
          other: 0,
          onTimeRate: null,
        };
        rows.set(name, r);
      }
      r.tasks++;
      switch (t.status) {
        case "completed-on-time":
          r.completedOnTime++;
          break;
        case "completed-late":
          r.completedLate++;
          break;
        case "in-progress":
        case "not-started":
          r.inProgress++;
          break;
        case "overdue":
          r.overdue++;
          break;
        case "empty":
          r.notReported++;
          break;
        default:
          r.other++;
      }
    }
  }
  return ranked([...rows.values()]);
}

/** Scorecards of several reports as one: per agency, the sums, and the rate over the sums. */
export function mergeScorecards(cards: ReadonlyArray<readonly ScorecardRow[]>): ScorecardRow[] {
  const rows = new Map<string, ScorecardRow>();
  const FIGURES = ["tasks", "completedOnTime", "completedLate", "inProgress", "overdue", "notReported", "other"] as const;
  for (const card of cards)
    for (const r of card) {
      const into = rows.get(r.agency);
      if (!into) rows.set(r.agency, { ...r });
      else for (const f of FIGURES) into[f] += r[f];
    }
  return ranked([...rows.values()]);
}

/** Rates set and rows sorted so that who is behind comes first. */
function ranked(rows: ScorecardRow[]): ScorecardRow[] {
  for (const r of rows) {
    // The Government Office's measure: done on time among the tasks that are done or past due.
    const judged = r.completedOnTime + r.completedLate + r.overdue;
    r.onTimeRate = judged === 0 ? null : Math.round((r.completedOnTime / judged) * 1000) / 1000;
  }
  return rows.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === "agency" ? -1 : 1) ||
      b.overdue - a.overdue ||
      b.notReported - a.notReported ||
      (a.onTimeRate ?? 2) - (b.onTimeRate ?? 2) ||
      compareVietnamese(a.agency, b.agency),
  );
}
