/**
 * A grid's task table, for the tracking cycle: plans and replies are read as task tables (a reply's status columns
 * are among the table's extra columns, see report-table.ts).
 */
import { findHeader } from "../kinds/tasks/header";
import { readTaskTable, TableRow, TaskTable } from "../kinds/tasks/table";
import { Grid } from "../sheet/grid";
import { sheetView } from "../sheet/view";

export function taskTableOf(grid: Grid): TaskTable | null {
  const view = sheetView(grid);
  const header = findHeader(view);
  return header ? readTaskTable(view, header) : null;
}

export function tasksOf(table: TaskTable): TableRow[] {
  return table.rows.filter((r) => r.kind === "task");
}
