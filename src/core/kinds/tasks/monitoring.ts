/**
 * The monitoring role ("Cơ quan theo dõi, hướng dẫn"): the body that follows and guides a task without leading or
 * coordinating it. Plans written as paragraphs name it for some tasks; appendices made from them carry it as a
 * column. It is tallied apart, so it never changes the lead and coordinating figures.
 */
import { splitAgencies } from "../../agencies/split";
import { AgencyDirectory } from "../../agencies/directory";
import { TaskTable } from "./table";
import { compareVietnamese } from "../../sheet/vietnamese-order";

export interface MonitoringTally {
  name: string;
  kind: "agency" | "group";
  /** Tasks the body monitors (once per task, however often it is named). */
  tasks: number;
}

/** Per body, the tasks of the table's monitoring column that name it; [] when the table has no such column. */
export function tallyMonitoring(table: TaskTable, directory: AgencyDirectory): MonitoringTally[] {
  const at = table.extras.findIndex((e) => e.role === "monitoring");
  if (at < 0) return [];
  const map = new Map<string, MonitoringTally>();
  for (const row of table.rows) {
    if (row.kind !== "task") continue;
    const text = row.extras[at] ?? "";
    if (text === "") continue;
    const seen = new Set<string>();
    for (const p of splitAgencies(text, directory)) {
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      const e = map.get(p.name) ?? { name: p.name, kind: p.kind, tasks: 0 };
      e.tasks++;
      map.set(p.name, e);
    }
  }
  return [...map.values()].sort(
    (a, b) => (a.kind === b.kind ? 0 : a.kind === "agency" ? -1 : 1) || b.tasks - a.tasks || compareVietnamese(a.name, b.name),
  );
}
