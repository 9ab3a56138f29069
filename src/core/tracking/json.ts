/**
 * The JSON documents of the tracking commands (split, deadlines, track, diff), with their zod schemas: other tools
 * read them, so they are a boundary. Days are ISO (2022-12-31).
 */
import * as z from "zod";
import { TASK_STATUSES } from "./statuses";

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Bucket = z.enum(["completed", "overdue", "this-month", "this-quarter", "later", "no-deadline"]);
const Counts = z.record(Bucket, z.number().int());
const Status = z.enum(TASK_STATUSES as [string, ...string[]]);

export const SplitReportSchema = z.object({
  version: z.literal(1),
  command: z.literal("split"),
  plan: z.string(),
  asOf: Day,
  directory: z.string(),
  files: z.array(
    z.object({
      agency: z.string(),
      kind: z.enum(["agency", "group"]),
      role: z.enum(["lead", "coordinating"]),
      file: z.string(),
      tasks: z.number().int(),
    }),
  ),
});

const DeadlineTask = z.object({
  id: z.string(),
  row: z.number().int(),
  section: z.string(),
  content: z.string(),
  lead: z.string(),
  timeframe: z.string(),
  due: Day.nullable(),
  recurring: z.boolean(),
  bucket: Bucket,
  status: Status.optional(),
});

export const DeadlinesReportSchema = z.object({
  version: z.literal(1),
  command: z.literal("deadlines"),
  plan: z.string(),
  asOf: Day,
  reportingDate: z.string().regex(/^\d{2}\/\d{2}$/),
  totals: Counts,
  agencies: z.array(z.object({ name: z.string(), kind: z.enum(["agency", "group"]), lead: Counts, coordinating: Counts })),
  sections: z.array(z.object({ path: z.string(), title: z.string(), counts: Counts })),
  tasks: z.array(DeadlineTask),
});

export const ScorecardRowSchema = z.object({
  agency: z.string(),
  kind: z.enum(["agency", "group"]),
  tasks: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  notReported: z.number().int(),
  other: z.number().int(),
  /** Completed on time over the tasks that are done or past due; null when there are none. */
  onTimeRate: z.number().min(0).max(1).nullable(),
});

const ReplyRef = z.object({ file: z.string(), sheet: z.string(), row: z.number().int(), content: z.string() });

export const TrackReportSchema = z.object({
  version: z.literal(1),
  command: z.literal("track"),
  plan: z.string(),
  asOf: Day,
  rowsIn: z.number().int(),
  rowsOut: z.number().int(),
  reported: z.number().int(),
  tasks: z.array(
    z.object({
      id: z.string(),
      row: z.number().int(),
      lead: z.string(),
      due: Day.nullable(),
      bucket: Bucket,
      status: Status,
      statusText: z.string(),
      completionDate: Day.nullable(),
      percent: z.number().nullable(),
      result: z.string(),
      reporter: z.string().nullable(),
      file: z.string().nullable(),
      fileRow: z.number().int().nullable(),
      matchedBy: z.enum(["id", "content"]).nullable(),
      score: z.number().nullable(),
    }),
  ),
  notReported: z.array(z.string()),
  uncertain: z.array(ReplyRef.extend({ candidate: z.string(), score: z.number() })),
  unmatched: z.array(ReplyRef),
  unreadable: z.array(z.object({ file: z.string(), message: z.string() })),
  scorecard: z.array(ScorecardRowSchema),
  issues: z.array(
    z.object({
      file: z.string(),
      code: z.string(),
      severity: z.enum(["error", "warning", "info"]),
      cell: z.string().nullable(),
      row: z.number().int().nullable(),
      message: z.string(),
      suggestion: z.string().optional(),
    }),
  ),
});

const DiffTask = z.object({
  row: z.number().int(),
  stt: z.string(),
  content: z.string(),
  lead: z.string(),
  coordinating: z.string(),
  timeframe: z.string(),
});

export const DiffReportSchema = z.object({
  version: z.literal(1),
  command: z.literal("diff"),
  old: z.string(),
  new: z.string(),
  counts: z.object({ carried: z.number().int(), changed: z.number().int(), added: z.number().int(), dropped: z.number().int() }),
  changes: z.array(
    z.object({
      kind: z.enum(["changed", "new", "dropped"]),
      section: z.string(),
      fields: z.array(z.enum(["lead", "coordinating", "timeframe", "wording", "section"])),
      score: z.number().nullable(),
      old: DiffTask.nullable(),
      new: DiffTask.nullable(),
    }),
  ),
});

export type SplitReport = z.infer<typeof SplitReportSchema>;
export type DeadlinesReport = z.infer<typeof DeadlinesReportSchema>;
export type TrackReport = z.infer<typeof TrackReportSchema>;
export type DiffReport = z.infer<typeof DiffReportSchema>;
export type ScorecardRow = z.infer<typeof ScorecardRowSchema>;
