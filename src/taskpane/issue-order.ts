/**
 * The order the pane lists issues in: errors first, then warnings, then notes, each by row; and many issues of one
 * kind folded into one line ("133 ô: Bảng mã cũ" with "Chuyển tất cả") so one sheet typed in TCVN3 does not bury
 * the only error under a hundred warnings.
 */
import type { Issue, IssueCode, Severity } from "../core/issues/catalogue";

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** From this many issues of one kind and severity, they are listed as one group line. */
const GROUP_FROM = 6;

export type ListEntry = { kind: "issue"; index: number } | { kind: "group"; code: IssueCode; severity: Severity; indexes: number[] };

/** Indexes into `issues`, most severe first, then by row (table-level issues first within a severity). */
export function issueOrder(issues: readonly Issue[], indexes: readonly number[] = issues.map((_, i) => i)): number[] {
  return [...indexes].sort((a, b) => {
    const x = issues[a];
    const y = issues[b];
    return RANK[x.severity] - RANK[y.severity] || (x.row ?? 0) - (y.row ?? 0) || a - b;
  });
}

/** The list as shown: issues in order, with kinds that occur GROUP_FROM times or more folded into one entry. */
export function listEntries(issues: readonly Issue[], indexes: readonly number[]): ListEntry[] {
  const ordered = issueOrder(issues, indexes);
  const byKind = new Map<string, number[]>();
  for (const i of ordered) {
    const key = `${issues[i].severity}|${issues[i].code}`;
    byKind.set(key, [...(byKind.get(key) ?? []), i]);
  }
  const out: ListEntry[] = [];
  const placed = new Set<string>();
  for (const i of ordered) {
    const key = `${issues[i].severity}|${issues[i].code}`;
    const same = byKind.get(key)!;
    if (same.length < GROUP_FROM) {
      out.push({ kind: "issue", index: i });
      continue;
    }
    if (placed.has(key)) continue;
    placed.add(key);
    out.push({ kind: "group", code: issues[i].code, severity: issues[i].severity, indexes: same });
  }
  return out;
}

/** The issue after (step 1) or before (step -1) `current` among those with a cell, in list order; wraps around. */
export function neighbourIssue(issues: readonly Issue[], indexes: readonly number[], current: number | null, step: 1 | -1): number | null {
  const withCell = issueOrder(issues, indexes).filter((i) => issues[i].cell !== null);
  if (withCell.length === 0) return null;
  const at = current === null ? -1 : withCell.indexOf(current);
  if (at < 0) return step === 1 ? withCell[0] : withCell[withCell.length - 1];
  return withCell[(at + step + withCell.length) % withCell.length];
}

/** Issues by severity, counted: the summary line under the Check button. */
export function severityCounts(issues: readonly Issue[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const i of issues) out[i.severity]++;
  return out;
}
