/**
 * Checking and tallying delegation tables (SPEC 2.2, 4, 5): each delegation classified as planned (trong kế hoạch)
 * or supplementary (đề nghị bổ sung / phát sinh) (delegation.ts), its fields checked like a task's (issues.ts), its
 * tallies (tallies.ts), and the totals per direction compared with those the plan states — over the whole workbook,
 * since a plan states both directions at once.
 */
import type { CheckOptions, Counts } from "../kind";
import { planPeriod } from "../tasks/check";
import { byPosition, PlanPeriod } from "../tasks/checks";
import { analyseDelegations, Delegation } from "./delegation";
import { Direction, DIRECTIONS, Figure, FIGURES } from "./fields";
import { delegationIssues } from "./issues";
import { DelegationTable } from "./table";
import { countedTotals, CountedTotals, DelegationTallies, mergeTallies, tallyDelegations } from "./tallies";
import { countBySeverity, Issue, IssueParams, makeIssue } from "../../issues/catalogue";
import { applyRules, DEFAULT_SETTINGS, Settings } from "../../settings/settings";
import { StatedTotals } from "./stated-totals";

export interface DelegationCheck {
  kind: "delegations";
  sheetName: string;
  /** The table's direction (rows under an "A. ĐOÀN VÀO" section of a mixed table carry their own). */
  direction: Direction;
  table: DelegationTable;
  rows: Delegation[];
  issues: Issue[];
  plan: PlanPeriod | null;
  /** Tallies of this sheet's delegations. */
  tallies: DelegationTallies;
  /** Counted over every delegation table of the workbook, and what the plan (or the user) states. */
  workbook: { counted: CountedTotals; stated: StatedTotals | null };
  counts: Counts;
}

/** One delegation table, checked on its own; `reconcileDelegations` then adds what the workbook as a whole says. */
export function checkDelegationTable(table: DelegationTable, options: CheckOptions = {}): DelegationCheck {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const plan = planPeriod(table.titleText, settings);
  const rows = analyseDelegations(table);
  const issues = applyRules(delegationIssues(table, rows, plan), settings.rules);
  const tallies = tallyDelegations(rows);
  return {
    kind: "delegations",
    sheetName: table.sheetName,
    direction: table.direction,
    table,
    rows,
    issues,
    plan,
    tallies,
    workbook: { counted: countedTotals(tallies), stated: null },
    counts: { sections: table.sections.length, tasks: 0, delegations: rows.length, ...countBySeverity(issues) },
  };
}

/**
 * The workbook's delegation tables together: the counted totals over all of them, compared with the stated ones.
 * A difference is one delegation-total-mismatch per direction, naming every figure that differs, on the first
 * sheet of that direction (or the first delegation sheet when the direction has no table of its own).
 */
export function reconcileDelegations(
  checks: readonly DelegationCheck[],
  stated: StatedTotals | null,
  settings: Settings = DEFAULT_SETTINGS,
): DelegationCheck[] {
  if (checks.length === 0) return [];
  const counted = countedTotals(mergeTallies(checks.map((c) => c.tallies)));
  const extra = new Map<number, Issue[]>();
  for (const direction of DIRECTIONS) {
    const issue = mismatchIssue(direction, counted[direction], stated?.[direction]);
    if (!issue) continue;
    const at = Math.max(
      0,
      checks.findIndex((c) => c.direction === direction),
    );
    extra.set(at, [...(extra.get(at) ?? []), ...applyRules([issue], settings.rules)]);
  }
  return checks.map((c, i) => {
    const added = extra.get(i) ?? [];
    const issues = added.length ? [...added, ...c.issues].sort(byPosition) : c.issues;
    return { ...c, issues, workbook: { counted, stated }, counts: { ...c.counts, ...countBySeverity(issues) } };
  });
}

/**
 * One issue for a direction whose counted figures differ from the stated ones. The params carry the first differing
 * figure under the catalogue's names ({figure}, {counted}, {stated}, {diff}) and every differing figure as
 * `figures` ("total,planned") with `<figure>Counted` / `<figure>Stated` / `<figure>Diff` each.
 */
export function mismatchIssue(
  direction: Direction,
  counted: Record<Figure, number>,
  stated: Partial<Record<Figure, number>> | undefined,
): Issue | null {
  if (!stated) return null;
  const differing = FIGURES.filter((f) => stated[f] !== undefined && stated[f] !== counted[f]);
  if (differing.length === 0) return null;
  const first = differing[0];
  const params: IssueParams["delegation-total-mismatch"] = {
    direction,
    figures: differing.join(","),
    figure: first,
    counted: counted[first],
    stated: stated[first]!,
    diff: Math.abs(counted[first] - stated[first]!),
  };
  for (const f of differing) {
    params[`${f}Counted`] = counted[f];
    params[`${f}Stated`] = stated[f]!;
    params[`${f}Diff`] = Math.abs(counted[f] - stated[f]!);
  }
  return makeIssue("delegation-total-mismatch", {}, params);
}
