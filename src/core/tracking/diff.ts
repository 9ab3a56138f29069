/**
 * Plan-to-plan changes: this year's plan against last year's, or a revised draft against the one sent out. Tasks are
 * paired by their content within their section path (the same words first, then the most alike), then across
 * sections; a pair is carried over unchanged or changed in its lead, coordinating agencies, timeframe, wording or
 * section; what pairs with nothing is new or dropped.
 */
import { foldKey } from "../sheet/text";
import { PlanTask, Plan, coordinatingNames, leadNames } from "./plan-tasks";
import { sectionKey } from "./matching";
import { pairSet, similarity } from "./similarity";

export type ChangeField = "lead" | "coordinating" | "timeframe" | "wording" | "section";

export interface TaskPair {
  old: PlanTask;
  new: PlanTask;
  score: number;
  fields: ChangeField[];
}

export interface PlanDiff {
  pairs: TaskPair[];
  added: PlanTask[];
  dropped: PlanTask[];
}

/** Reworded but the same task, within a section; across sections the bar is higher. */
const SAME_SECTION_THRESHOLD = 0.55;
const OTHER_SECTION_THRESHOLD = 0.8;

function sameNames(a: string[], b: string[]): boolean {
  const key = (names: string[]) =>
    names
      .map((n) => foldKey(n))
      .sort()
      .join("\n");
  return key(a) === key(b);
}

/** Two timeframes are one when they read to the same period (or, unread, to the same words). */
function sameTimeframe(a: PlanTask, b: PlanTask): boolean {
  const read = (t: PlanTask) =>
    t.timeframe.period
      ? `${t.timeframe.kind}:${JSON.stringify(t.timeframe.period)}`
      : `${t.timeframe.kind}:${t.timeframe.kind === "unparsed" || t.timeframe.kind === "per-document" ? foldKey(t.timeframeText) : ""}`;
  return read(a) === read(b);
}

function changedFields(a: PlanTask, b: PlanTask): ChangeField[] {
  const out: ChangeField[] = [];
  if (!sameNames(leadNames(a), leadNames(b))) out.push("lead");
  if (!sameNames(coordinatingNames(a), coordinatingNames(b))) out.push("coordinating");
  if (!sameTimeframe(a, b)) out.push("timeframe");
  if (a.contentKey !== b.contentKey) out.push("wording");
  if (sectionKey(a.sectionPath) !== sectionKey(b.sectionPath)) out.push("section");
  return out;
}

export function diffPlans(oldPlan: Plan, newPlan: Plan): PlanDiff {
  const oldFree = new Set(oldPlan.tasks);
  const newFree = new Set(newPlan.tasks);
  const pairs: TaskPair[] = [];
  const pair = (a: PlanTask, b: PlanTask, score: number) => {
    oldFree.delete(a);
    newFree.delete(b);
    pairs.push({ old: a, new: b, score, fields: changedFields(a, b) });
  };
  // 1. The same words in the same section, then the same words anywhere (a task moved to another section).
  for (const sameSection of [true, false]) {
    const byKey = new Map<string, PlanTask[]>();
    for (const b of newFree) {
      const k = sameSection ? `${sectionKey(b.sectionPath)}\n${b.contentKey}` : b.contentKey;
      byKey.set(k, [...(byKey.get(k) ?? []), b]);
    }
    for (const a of [...oldFree]) {
      const list = byKey.get(sameSection ? `${sectionKey(a.sectionPath)}\n${a.contentKey}` : a.contentKey);
      const b = list?.find((t) => newFree.has(t));
      if (b) pair(a, b, 1);
    }
  }
  // 2. The most alike, best pairs first, within a section and then across sections.
  const newPairs = new Map(newPlan.tasks.map((t) => [t, pairSet(t.contentKey)]));
  for (const [sameSection, threshold] of [
    [true, SAME_SECTION_THRESHOLD],
    [false, OTHER_SECTION_THRESHOLD],
  ] as const) {
    const candidates: Array<{ a: PlanTask; b: PlanTask; score: number }> = [];
    for (const a of oldFree) {
      const pa = pairSet(a.contentKey);
      for (const b of newFree) {
        if (sameSection && sectionKey(a.sectionPath) !== sectionKey(b.sectionPath)) continue;
        const score = similarity(pa, newPairs.get(b)!);
        if (score >= threshold) candidates.push({ a, b, score });
      }
    }
    candidates.sort((x, y) => y.score - x.score || x.a.index - y.a.index);
    for (const c of candidates) if (oldFree.has(c.a) && newFree.has(c.b)) pair(c.a, c.b, Math.round(c.score * 100) / 100);
  }
  pairs.sort((x, y) => x.new.index - y.new.index);
  return { pairs, added: [...newFree], dropped: [...oldFree] };
}
