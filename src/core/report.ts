/**
 * The JSON report of the command line (SPEC 9), with its zod schema: other tools read it, so it is a boundary.
 */
import { z } from "zod";
import { TaskCheck } from "./check";
import { TASK_FIELDS } from "./fields";
import { columnLetter, rangeAddress } from "./grid";
import { issueMessage, Lang } from "./issues";

const DirectionTotals = z.object({ total: z.number().int(), planned: z.number().int(), supplementary: z.number().int() });
export const DelegationTotalsSchema = z.object({ outbound: DirectionTotals, inbound: DirectionTotals });

export const ReportIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  cell: z.string().nullable(),
  row: z.number().int().nullable(),
  field: z.string().nullable(),
  value: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
});

export const FileReportSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  kind: z.enum(["tasks", "delegations"]),
  table: z
    .object({
      range: z.string(),
      headerRow: z.number().int(),
      columns: z.record(z.string(), z.string()),
    })
    .nullable(),
  counts: z.object({
    sections: z.number().int(),
    tasks: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
  }),
  issues: z.array(ReportIssueSchema),
  agencies: z.array(
    z.object({ name: z.string(), kind: z.enum(["agency", "group"]), lead: z.number().int(), coordinating: z.number().int() }),
  ),
  periods: z.array(z.object({ bucket: z.string(), tasks: z.number().int() })),
  delegations: DelegationTotalsSchema.nullable(),
});

export const ConsolidationReportSchema = z.object({
  rowsIn: z.number().int(),
  rowsOut: z.number().int(),
  duplicates: z.number().int(),
  conflicts: z.number().int(),
  missingAgencies: z.array(z.string()),
});

export const ReportSchema = z.object({
  version: z.literal(1),
  files: z.array(FileReportSchema),
  consolidation: ConsolidationReportSchema.nullable(),
});

export type FileReport = z.infer<typeof FileReportSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type DelegationTotals = z.infer<typeof DelegationTotalsSchema>;

export function taskFileReport(file: string, check: TaskCheck, lang: Lang): FileReport {
  const t = check.table;
  const columns: Record<string, string> = {};
  if (t) for (const f of TASK_FIELDS) if (t.header.columns[f] !== undefined) columns[f] = columnLetter(t.header.columns[f]!);
  return {
    file,
    sheet: check.sheetName,
    kind: "tasks",
    table: t ? { range: rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol), headerRow: t.header.row, columns } : null,
    counts: check.counts,
    issues: check.issues.map((i) => {
      const out: FileReport["issues"][number] = {
        code: i.code,
        severity: i.severity,
        cell: i.cell,
        row: i.row,
        field: i.field,
        value: i.value,
        message: issueMessage(i, lang),
      };
      if (i.suggestion !== undefined) out.suggestion = i.suggestion;
      return out;
    }),
    agencies: check.agencies.map((a) => ({ name: a.name, kind: a.kind, lead: a.lead, coordinating: a.coordinating })),
    periods: check.periods.map((p) => ({ bucket: p.bucket, tasks: p.tasks })),
    delegations: null,
  };
}
