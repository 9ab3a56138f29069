/**
 * The JSON report of the command line (SPEC 9), with its zod schema: other tools read it, so it is a boundary.
 */
import { z } from "zod";
import { TaskCheck } from "./check";
import { DELEGATION_FIELDS } from "./delegation-fields";
import { DelegationCheck } from "./delegations";
import { TASK_FIELDS } from "./fields";
import { columnLetter, rangeAddress } from "./grid";
import { Issue, Lang } from "./issues";
import { issueText } from "./issue-text";
import { StatedTotals } from "./stated-totals";
import { SheetCheck } from "./workbook";

const DirectionTotals = z.object({ total: z.number().int(), planned: z.number().int(), supplementary: z.number().int() });
export const DelegationTotalsSchema = z.object({ outbound: DirectionTotals, inbound: DirectionTotals });

/**
 * Totals a user states (`--stated`): the report's `delegations` object, any part of it left out — a plan may state
 * only the outbound total. Unknown keys are refused, so a typo ("outbond") is not silently ignored.
 */
const StatedDirection = z
  .object({ total: z.number().int().nonnegative(), planned: z.number().int().nonnegative(), supplementary: z.number().int().nonnegative() })
  .partial()
  .strict();
export const StatedTotalsSchema = z.object({ outbound: StatedDirection, inbound: StatedDirection }).partial().strict();

export function parseStatedTotals(json: string): { ok: true; stated: StatedTotals } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  const r = StatedTotalsSchema.safeParse(data);
  if (!r.success)
    return {
      ok: false,
      error: `${r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")} — expected e.g. {"outbound": {"total": 13, "planned": 9, "supplementary": 4}, "inbound": {"total": 12}}`,
    };
  return { ok: true, stated: r.data };
}

export const ReportIssueSchema = z.object({
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
  /** Tasks per monitoring body ("Cơ quan theo dõi, hướng dẫn"), when the table or the plan names that role. */
  monitoring: z.array(z.object({ name: z.string(), kind: z.enum(["agency", "group"]), tasks: z.number().int() })).optional(),
  /** Set when the tasks were read from a plan written as paragraphs (`table` is then null). */
  paragraphs: z.object({ format: z.enum(["txt", "sheet", "docx"]) }).optional(),
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

function reportIssues(issues: readonly Issue[], lang: Lang): FileReport["issues"] {
  return issues.map((i) => {
    const out: FileReport["issues"][number] = {
      code: i.code,
      severity: i.severity,
      cell: i.cell,
      row: i.row,
      field: i.field,
      value: i.value,
      message: issueText(i, lang),
    };
    if (i.suggestion !== undefined) out.suggestion = i.suggestion;
    if (i.place) {
      out.heading = i.place.heading;
      out.line = i.place.line;
    }
    return out;
  });
}

export function taskFileReport(file: string, check: TaskCheck, lang: Lang): FileReport {
  // A paragraph plan's table is the appendix it was laid out as, not a range of the source.
  const t = check.paragraphs ? null : check.table;
  const columns: Record<string, string> = {};
  if (t) for (const f of TASK_FIELDS) if (t.header.columns[f] !== undefined) columns[f] = columnLetter(t.header.columns[f]!);
  return {
    file,
    sheet: check.sheetName,
    kind: "tasks",
    table: t ? { range: rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol), headerRow: t.header.row, columns } : null,
    counts: check.counts,
    issues: reportIssues(check.issues, lang),
    agencies: check.agencies.map((a) => ({ name: a.name, kind: a.kind, lead: a.lead, coordinating: a.coordinating })),
    periods: check.periods.map((p) => ({ bucket: p.bucket, tasks: p.tasks })),
    delegations: null,
    ...(check.monitoring.length ? { monitoring: check.monitoring.map((m) => ({ name: m.name, kind: m.kind, tasks: m.tasks })) } : {}),
    ...(check.paragraphs ? { paragraphs: { format: check.paragraphs.format } } : {}),
  };
}

/**
 * A delegation sheet: `counts.tasks` is its number of delegations, `periods` counts its delegations by start, and
 * `delegations` holds the counted totals of the whole workbook (the same on each of its delegation sheets).
 */
export function delegationFileReport(file: string, check: DelegationCheck, lang: Lang): FileReport {
  const t = check.table;
  const columns: Record<string, string> = {};
  for (const f of DELEGATION_FIELDS) if (t.header.columns[f] !== undefined) columns[f] = columnLetter(t.header.columns[f]!);
  const periods = new Map<string, number>();
  for (const dir of ["outbound", "inbound"] as const)
    for (const p of check.tallies[dir].periods) periods.set(p.bucket, (periods.get(p.bucket) ?? 0) + p.delegations);
  return {
    file,
    sheet: check.sheetName,
    kind: "delegations",
    table: { range: rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol), headerRow: t.header.row, columns },
    counts: check.counts,
    issues: reportIssues(check.issues, lang),
    agencies: [],
    periods: [...periods].map(([bucket, tasks]) => ({ bucket, tasks })),
    delegations: { outbound: { ...check.workbook.counted.outbound }, inbound: { ...check.workbook.counted.inbound } },
  };
}

export function fileReport(file: string, check: SheetCheck, lang: Lang): FileReport {
  return check.kind === "delegations" ? delegationFileReport(file, check, lang) : taskFileReport(file, check, lang);
}
