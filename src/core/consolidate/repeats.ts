/**
 * Repeats across tables (SPEC 7): rows of one content in several tables are a duplicate when they agree on the lead
 * and the timeframe, a conflict when they do not. Flagged, never removed.
 */
import type { ConflictGroup, DuplicateGroup, GroupOfRow } from "./consolidation";
import type { RowLedger } from "./row-ledger";

/** Each row's group, in one integer a row (a file sent a thousand times flags every row), made on the first flag. */
class RowGroups implements GroupOfRow {
  private groups: Int32Array | null = null;
  constructor(private readonly rows: number) {}
  set(row: number, group: number): void {
    this.groups ??= new Int32Array(this.rows).fill(-1);
    this.groups[row] = group;
  }
  get(row: number): number | undefined {
    const g = this.groups ? this.groups[row] : -1;
    return g === -1 ? undefined : g;
  }
}

/** Groups rows by content across tables and marks duplicates and conflicts (see the module comment). */
export function flagRepeats(ledger: RowLedger): {
  duplicates: DuplicateGroup[];
  conflicts: ConflictGroup[];
  duplicateOf: GroupOfRow;
  conflictOf: GroupOfRow;
} {
  const duplicates: DuplicateGroup[] = [];
  const conflicts: ConflictGroup[] = [];
  const duplicateOf = new RowGroups(ledger.size);
  const conflictOf = new RowGroups(ledger.size);
  const { texts, next } = ledger;
  const table = (m: number) => ledger.table.get(m);
  for (let h = 0; h < ledger.heads.length; h++) {
    const head = ledger.heads.get(h);
    if (next.get(head) === -1) continue;
    const firstTable = table(head);
    let across = false;
    for (let m = head; m !== -1 && !across; m = next.get(m)) across = table(m) !== firstTable;
    if (!across) continue;
    const members: number[] = [];
    for (let m = head; m !== -1; m = next.get(m)) members.push(m);

    const variants = new Map<string, { lead: string; time: string; rows: number[]; tables: Set<number> }>();
    for (const m of members) {
      const lead = ledger.leadKey.get(m);
      const time = ledger.timeKey.get(m);
      const key = `${lead}:${time}`;
      let v = variants.get(key);
      if (!v) {
        v = { lead: texts[lead], time: texts[time], rows: [], tables: new Set() };
        variants.set(key, v);
      }
      v.rows.push(m);
      v.tables.add(table(m));
    }
    const list = [...variants.values()];

    for (const v of list) {
      if (v.tables.size < 2) continue;
      const g = duplicates.length;
      duplicates.push({ rows: v.rows });
      for (const m of v.rows) duplicateOf.set(m, g);
    }

    if (list.length < 2) continue;
    // A row conflicts when another variant has a row in another table. Variants found in one table only are the
    // ones that cannot: count them per table, so each row is decided without walking the other variants.
    const soleIn = list.map((v) => (v.tables.size === 1 ? v.tables.values().next().value! : -1));
    const soleCount = new Map<number, number>();
    for (const t of soleIn) if (t >= 0) soleCount.set(t, (soleCount.get(t) ?? 0) + 1);
    const conflicting: number[] = [];
    list.forEach((v, vi) => {
      for (const m of v.rows) {
        const t = table(m);
        const blind = (soleCount.get(t) ?? 0) - (soleIn[vi] === t ? 1 : 0);
        if (list.length - 1 - blind > 0) conflicting.push(m);
      }
    });
    if (conflicting.length === 0) continue;
    const differs = new Set<"lead" | "timeframe">();
    for (let a = 0; a < list.length && differs.size < 2; a++) {
      for (let b = a + 1; b < list.length; b++) {
        if (soleIn[a] >= 0 && soleIn[a] === soleIn[b]) continue;
        if (list[a].lead !== list[b].lead) differs.add("lead");
        if (list[a].time !== list[b].time) differs.add("timeframe");
      }
    }
    const g = conflicts.length;
    conflicts.push({
      rows: [...members],
      variants: list.map((v) => ({ lead: v.lead, timeframe: v.time, rows: v.rows })),
      differs: (["lead", "timeframe"] as const).filter((d) => differs.has(d)),
    });
    for (const m of conflicting) conflictOf.set(m, g);
  }
  return { duplicates, conflicts, duplicateOf, conflictOf };
}
