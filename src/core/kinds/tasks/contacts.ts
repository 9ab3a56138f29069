/**
 * The persons named inside lead and coordinating cells (issue 11): "Nhung - Sở Tư pháp", "TTDL&ĐHS: Huy", "Đ/c Minh,
 * ĐT: 0912 345 678". The splitter keeps them apart from the bodies (agencies/contacts.ts) so no agency is counted
 * for them; here they are listed with the task and the cell they stand in, for the report to show.
 */
import { AgencyDirectory } from "../../agencies/directory";
import { splitRoleLabels } from "../../agencies/roles";
import { splitAgencyCell } from "../../agencies/split";
import { cellAddress } from "../../sheet/grid";
import { TaskAnalysis } from "./checks";
import { TaskTable } from "./table";

export interface TaskContact {
  /** Sheet row of the task. */
  row: number;
  /** The cell the contact is written in ("E12"), or null when the column is not in the table. */
  cell: string | null;
  field: "lead" | "coordinating";
  /** The contact as written: a name, a title and name, a phone number or an e-mail. */
  text: string;
}

/** Every contact of the tasks, in row order, lead cell first. */
export function taskContacts(table: TaskTable, tasks: readonly TaskAnalysis[], directory: AgencyDirectory): TaskContact[] {
  const out: TaskContact[] = [];
  for (const task of tasks) {
    const { fields } = task.row;
    const roles = splitRoleLabels(fields.lead);
    const cells: Array<["lead" | "coordinating", string, number | undefined]> = [
      ["lead", roles ? roles.lead : fields.lead, table.header.columns.lead],
      ["coordinating", fields.coordinating, table.header.columns.coordinating],
    ];
    if (roles) cells.push(["coordinating", roles.coordinating, table.header.columns.lead]);
    for (const [field, text, col] of cells) {
      if (text === "") continue;
      for (const contact of splitAgencyCell(text, directory).contacts)
        out.push({ row: task.row.row, cell: col === undefined ? null : cellAddress(task.row.row, col), field, text: contact });
    }
  }
  return out;
}
