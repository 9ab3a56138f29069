/**
 * THE list of table kinds. A sheet's table is the kind whose header stands highest on the sheet; on the same row
 * the kind listed first wins ("Tên đoàn" with "Trưởng đoàn" is more specific than a task table's "Nội dung").
 * Adding a kind: a folder beside these with an index.ts exporting a TableKind (kinds/kind.ts), and one line here.
 */
import { delegationsKind } from "./delegations";
import type { KindCheck, TableKind } from "./kind";
import { tasksKind } from "./tasks";

export const KINDS = [delegationsKind, tasksKind] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CheckOf<K> = K extends TableKind<infer C, any, any> ? C : never;

/** A checked sheet of any kind. */
export type SheetCheck = CheckOf<(typeof KINDS)[number]>;

/** The kind a check belongs to. */
export function kindOf<C extends KindCheck>(check: C): TableKind<C> {
  return KINDS.find((k) => k.name === check.kind) as unknown as TableKind<C>;
}
