/**
 * The JSON report of the command line (SPEC 9), with its zod schema: other tools read it, so it is a boundary.
 * Only its types reach the command line; the parts it builds are in report-parts.ts, so a check builds no schema.
 */
import * as z from "zod";
import { StatedTotalsSchema } from "../kinds/delegations/stated-totals";
import { ScorecardRowSchema } from "../tracking/json";
import { TASK_STATUSES } from "../tracking/statuses";

const DirectionTotals = z.object({ total: z.number().int(), planned: z.number().int(), supplementary: z.number().int() });
const DelegationTotalsSchema = z.object({ outbound: DirectionTotals, inbound: DirectionTotals });

const ReportIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  cell: z.string().nullable(),
  row: z.number().int().nullable(),
  field: z.string().nullable(),
  value: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
  /** Plans written as paragraphs: the numbered heading and its line (1 = the heading), where `cell` is null. */
  heading: z.string().optional(),
  line: z.number().int().optional(),
  /** In a Word document: the table (1-based, in body order), its row and column ("bảng 2, dòng 14, cột C"). */
  location: z.object({ table: z.number().int(), row: z.number().int().nullable(), column: z.string().nullable() }).optional(),
});

/** What a Word document's own text says (read from a .docx only): title, plan period, number and date, stated totals. */
const DocumentReportSchema = z.object({
  format: z.literal("docx"),
  /** The table checked: 1-based, among all the document's tables in body order. */
  table: z.number().int(),
  title: z.string().nullable(),
  plan: z.object({ startYear: z.number().int(), endYear: z.number().int() }).nullable(),
  number: z.string().nullable(),
  date: z
    .object({ text: z.string(), day: z.number().int().nullable(), month: z.number().int().nullable(), year: z.number().int().nullable() })
    .nullable(),
  stated: StatedTotalsSchema.nullable(),
  revisions: z.boolean(),
});

export const FileReportSchema = z.object({
  file: z.string(),
  sheet: z.string(),
  kind: z.string(),
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
    /** Delegation sheets: the number of delegations (their `tasks` is 0). */
    delegations: z.number().int().optional(),
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
  /** Tasks per monitoring body ("Cơ quan theo dõi, hướng dẫn"), when the table or the plan names that role. */
  monitoring: z.array(z.object({ name: z.string(), kind: z.enum(["agency", "group"]), tasks: z.number().int() })).optional(),
  /** The persons written in lead and coordinating cells (a name, a phone, an e-mail): no agency is counted for them. */
  contacts: z
    .array(z.object({ row: z.number().int(), cell: z.string().nullable(), field: z.enum(["lead", "coordinating"]), text: z.string() }))
    .optional(),
  /** Set when the tasks were read from a plan written as paragraphs (`table` is then null). */
  paragraphs: z.object({ format: z.enum(["txt", "sheet", "docx"]) }).optional(),
  document: DocumentReportSchema.optional(),
  /**
   * Progress report tables (kind "reports"): the day the statuses were judged on, tasks per judged status, and the
   * per-agency scorecard they make.
   */
  progress: z
    .object({
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      statuses: z.record(z.enum(TASK_STATUSES as [string, ...string[]]), z.number().int()),
      scorecard: z.array(ScorecardRowSchema),
    })
    .optional(),
});

const ConsolidationReportSchema = z.object({
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
