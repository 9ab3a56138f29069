/**
 * The appendix task table (SPEC 2.1) as a kind: STT, content, lead, coordinating agencies, timeframe.
 */
import { tableReport } from "../../output/report-parts";
import type { TableKind } from "../kind";
import { checkTaskTable, TaskCheck } from "./check";
import { TASK_FIELDS } from "./fields";
import { TaskHeader, taskHeaderAt } from "./header";
import { taskSheets, TaskSheetsFold } from "./sheets";
import { readTaskTable, TaskTable } from "./table";

export const tasksKind: TableKind<TaskCheck, TaskHeader, TaskTable> = {
  name: "tasks",
  headerAt: taskHeaderAt,
  read: readTaskTable,
  check: checkTaskTable,
  sheets: (checks, lang) => {
    const { agencies, periods, sections } = taskSheets(checks, lang);
    return [agencies, periods, sections];
  },
  fold: () => {
    const fold = new TaskSheetsFold();
    return {
      add: (check) => fold.add(check),
      sheets: (lang) => {
        const { agencies, periods, sections } = fold.sheets(lang);
        return [agencies, periods, sections];
      },
    };
  },
  always: true,
  alsoSummarises: ["reports"],
  report: (check) => ({
    // A paragraph plan's table is the appendix it was laid out as, not a range of the source.
    table: check.table && !check.paragraphs ? tableReport(check.table, TASK_FIELDS) : null,
    counts: check.counts,
    agencies: check.agencies.map((a) => ({ name: a.name, kind: a.kind, lead: a.lead, coordinating: a.coordinating })),
    periods: check.periods.map((p) => ({ bucket: p.bucket, tasks: p.tasks })),
    delegations: null,
    ...(check.monitoring.length ? { monitoring: check.monitoring.map((m) => ({ name: m.name, kind: m.kind, tasks: m.tasks })) } : {}),
    ...(check.paragraphs ? { paragraphs: { format: check.paragraphs.format } } : {}),
    ...(check.contacts.length ? { contacts: check.contacts.map((c) => ({ row: c.row, cell: c.cell, field: c.field, text: c.text })) } : {}),
  }),
};
