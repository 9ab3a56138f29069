/**
 * What the consolidator decides before writing: duplicated tasks can be left out (each group then keeps its first
 * row). Leaving rows out is the consolidator's choice, so the written table says rows in and rows written apart.
 */
import type { Consolidation } from "../core/consolidate/consolidate";

/** The consolidation without the later rows of the duplicate groups in `leftOut` (indexes into c.duplicates). */
export function withoutDuplicates(c: Consolidation, leftOut: ReadonlySet<number>): Consolidation {
  if (leftOut.size === 0) return c;
  const drop = new Set<number>();
  for (const g of leftOut) for (const r of c.duplicates[g]?.rows.slice(1) ?? []) drop.add(r);
  const newIndex = new Map<number, number>();
  const rows = c.rows.filter((_, i) => {
    if (drop.has(i)) return false;
    newIndex.set(i, newIndex.size);
    return true;
  });
  const remap = (list: number[]) => list.flatMap((r) => (newIndex.has(r) ? [newIndex.get(r)!] : []));
  // Each table's share of the written rows, counted from the rows kept: "Báo cáo tệp" says where each file's rows
  // went from these counts, and counted from the rows read it pointed past the rows left out.
  let at = 0;
  const tables = c.tables.map((t) => {
    let kept = 0;
    for (let i = at; i < at + t.rows; i++) if (!drop.has(i)) kept++;
    at += t.rows;
    return { ...t, rows: kept };
  });
  return {
    ...c,
    rows,
    tables,
    rowsOut: rows.length,
    duplicates: c.duplicates.map((d) => ({ ...d, rows: remap(d.rows) })),
    conflicts: c.conflicts.map((k) => ({ ...k, rows: remap(k.rows), variants: k.variants.map((v) => ({ ...v, rows: remap(v.rows) })) })),
  };
}

/** Rows a choice leaves out. */
export function rowsLeftOut(c: Consolidation, leftOut: ReadonlySet<number>): number {
  let n = 0;
  for (const g of leftOut) n += Math.max(0, (c.duplicates[g]?.rows.length ?? 0) - 1);
  return n;
}
