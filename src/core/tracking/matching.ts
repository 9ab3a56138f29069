/**
 * Matching a reported row to the plan's task: by the task identifier when the row carries a known one, otherwise by
 * its content within its section path, with a similarity score. A match below certainty is never applied silently:
 * it is returned as uncertain, for a person to confirm.
 */
import { wordKey } from "../sheet/text";
import { PlanTask } from "./plan-tasks";
import { PairSet, pairSet, similarity } from "./similarity";

/** At or above: the same task, reworded at most a little. */
const MATCH_THRESHOLD = 0.8;
/** At or above (and below MATCH_THRESHOLD, or in another section): perhaps the same task; a person decides. */
const UNCERTAIN_THRESHOLD = 0.5;

export type MatchResult =
  | { kind: "id"; task: PlanTask }
  | { kind: "content"; task: PlanTask; score: number }
  | { kind: "uncertain"; task: PlanTask; score: number }
  | { kind: "none"; nearest: { task: PlanTask; score: number } | null };

export interface TaskIndex {
  byId: Map<string, PlanTask>;
  byKey: Map<string, PlanTask[]>;
  bySection: Map<string, PlanTask[]>;
  pairs: PairSet[];
  tasks: readonly PlanTask[];
}

function idKey(id: string): string {
  return id.trim().toUpperCase().replace(/\s+/g, "");
}

/** Section paths compare without spaces or case ("II › 1" = "ii›1"). */
export function sectionKey(path: string): string {
  return path.replace(/\s+/g, "").replace(/\./g, "›").toLowerCase();
}

export function indexTasks(tasks: readonly PlanTask[]): TaskIndex {
  const byId = new Map<string, PlanTask>();
  const byKey = new Map<string, PlanTask[]>();
  const bySection = new Map<string, PlanTask[]>();
  for (const t of tasks) {
    byId.set(idKey(t.id), t);
    const k = byKey.get(t.contentKey);
    if (k) k.push(t);
    else byKey.set(t.contentKey, [t]);
    const s = sectionKey(t.sectionPath);
    const list = bySection.get(s);
    if (list) list.push(t);
    else bySection.set(s, [t]);
  }
  return { byId, byKey, bySection, pairs: tasks.map((t) => pairSet(t.contentKey)), tasks };
}

function best(index: TaskIndex, among: readonly PlanTask[], pairs: PairSet): { task: PlanTask; score: number } | null {
  let top: { task: PlanTask; score: number } | null = null;
  for (const t of among) {
    const score = similarity(pairs, index.pairs[t.index]);
    if (!top || score > top.score) top = { task: t, score };
  }
  return top;
}

export function matchRow(index: TaskIndex, row: { id: string; section: string; content: string }): MatchResult {
  if (row.id !== "") {
    const byId = index.byId.get(idKey(row.id));
    if (byId) return { kind: "id", task: byId };
  }
  const key = wordKey(row.content);
  if (key === "") return { kind: "none", nearest: null };
  const same = index.byKey.get(key);
  const inSection = index.bySection.get(sectionKey(row.section)) ?? [];
  // The very same words: certain when one task has them (or one in the row's section does).
  if (same) {
    const here = same.filter((t) => inSection.includes(t));
    if (same.length === 1) return { kind: "content", task: same[0], score: 1 };
    if (here.length === 1) return { kind: "content", task: here[0], score: 1 };
  }
  const pairs = pairSet(key);
  const local = best(index, inSection, pairs);
  if (local && local.score >= MATCH_THRESHOLD) return { kind: "content", task: local.task, score: round(local.score) };
  const anywhere = best(index, index.tasks, pairs);
  const nearest = anywhere && local && local.score >= anywhere.score ? local : anywhere;
  if (nearest && nearest.score >= UNCERTAIN_THRESHOLD) return { kind: "uncertain", task: nearest.task, score: round(nearest.score) };
  return { kind: "none", nearest: nearest ? { task: nearest.task, score: round(nearest.score) } : null };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
