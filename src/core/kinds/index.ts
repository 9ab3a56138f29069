/**
 * THE list of table kinds. A sheet's table is the kind whose header stands highest on the sheet; on the same row
 * the kind listed first wins ("Tên đoàn" with "Trưởng đoàn" is more specific than a task table's "Nội dung").
 * Adding a kind: a folder beside these with an index.ts exporting a TableKind (kinds/kind.ts), and one line here.
 */
import { delegationsKind } from "./delegations";
import type { KindCheck, SheetSource, TableKind } from "./kind";
import { pastedPlanSource } from "./paragraphs";
import { reportsKind } from "./reports";
import type { ReportCheck } from "./reports";
import { tasksKind } from "./tasks";
import type { TaskCheck } from "./tasks/check";

export const KINDS = [delegationsKind, reportsKind, tasksKind] as const;

/** Sheets without any kind's header, read otherwise (kinds/kind.ts SheetSource); their checks are of a kind above. */
export const SOURCES: ReadonlyArray<SheetSource<CheckOf<(typeof KINDS)[number]>>> = [pastedPlanSource];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CheckOf<K> = K extends TableKind<infer C, any, any> ? C : never;

/** A checked sheet of any kind. */
export type SheetCheck = CheckOf<(typeof KINDS)[number]>;

/** The kind a check belongs to. */
export function kindOf<C extends KindCheck>(check: C): TableKind<C> {
  return KINDS.find((k) => k.name === check.kind) as unknown as TableKind<C>;
}

/** A check of a table of tasks: the plan's task table, or a progress report (the plan's table plus status columns). */
export type TaskTableCheck = TaskCheck | ReportCheck;

export function isTaskTableCheck(check: KindCheck): check is TaskTableCheck {
  return check.kind === "tasks" || check.kind === "reports";
}
