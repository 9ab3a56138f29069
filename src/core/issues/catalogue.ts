/**
 * The issue catalogue (SPEC 4): codes, default severities, and what each issue carries. An issue is a union by
 * code: each code has its own typed fields (`params`), and one module per language turns them into a sentence
 * (vi.ts, en.ts; text.ts picks one).
 */
import type { SheetHint } from "../sheet/describe";

export type Severity = "error" | "warning" | "info";
export type Lang = "vi" | "en";

/** Outbound: đoàn ra; inbound: đoàn vào (kinds/delegations/fields.ts). */
type Direction = "outbound" | "inbound";
type Figure = "total" | "planned" | "supplementary";

/** A code that carries nothing but its place and value. */
type None = Record<never, never>;

/** The fields of each code. */
export interface IssueParams {
  "no-table": {
    /** The header wordings looked for, as a person reads them. */
    looked: string;
    /** What the sheet looks like instead: empty, a work schedule, legacy-encoded text. */
    hint: SheetHint | "legacy";
  };
  "missing-column": None;
  "missing-stt": {
    /** The STT cell holds text that is not a number. */
    notNumber?: string;
    /** …a date that Excel made of this typed number ("1.1" → 1 January). */
    typed?: string;
    /** The row's cells slid one column left and were read back into place. */
    shifted?: boolean;
  };
  "missing-content": None;
  "missing-lead": None;
  "missing-timeframe": None;
  "missing-coordinating": None;
  "duplicate-stt": { stt: string; section: string; otherRow: number };
  "stt-sequence": { prev: string; stt: string };
  "unparsed-timeframe": None;
  "timeframe-order": { start: string; end: string };
  "timeframe-outside-plan": { plan: string };
  "unknown-agency": { agency: string; /** The nearest known names, "; "-separated. */ suggestions?: string };
  "lead-also-coordinating": { agency: string };
  "duplicate-agency": { agency: string };
  "duplicate-task": { otherRow: number };
  "error-value": None;
  "formula-cell": { formula: string; /** The file stores no result for the formula. */ unsaved?: boolean };
  "legacy-encoding": { encoding: "TCVN3" | "VNI"; converted: string };
  "repeated-header": { count: number; rows: string };
  "blank-rows": { count: number };
  "delegation-total-mismatch": {
    direction: Direction;
    /** Every differing figure, ","-separated ("total,planned"), each with its three numbers below. */
    figures: string;
    /** The first differing figure. */
    figure: Figure;
    counted: number;
    stated: number;
    diff: number;
  } & Partial<Record<`${Figure}${"Counted" | "Stated" | "Diff"}`, number>>;
  "missing-delegation-field": None;
  "invalid-member-count": None;
}

export type IssueCode = keyof IssueParams;

export const ISSUE_CODES = [
  "no-table",
  "missing-column",
  "missing-stt",
  "missing-content",
  "missing-lead",
  "missing-timeframe",
  "missing-coordinating",
  "duplicate-stt",
  "stt-sequence",
  "unparsed-timeframe",
  "timeframe-order",
  "timeframe-outside-plan",
  "unknown-agency",
  "lead-also-coordinating",
  "duplicate-agency",
  "duplicate-task",
  "error-value",
  "formula-cell",
  "legacy-encoding",
  "repeated-header",
  "blank-rows",
  "delegation-total-mismatch",
  "missing-delegation-field",
  "invalid-member-count",
] as const satisfies readonly IssueCode[];

interface IssueBase {
  severity: Severity;
  /** A1 address of the cell, or null for table-level issues. */
  cell: string | null;
  row: number | null;
  /** The field ("lead", "timeframe", …, or an extra column's header) or null. */
  field: string | null;
  /** The cell's text as read. */
  value: string;
  /** A suggested fix, as text to put in the cell, when there is one. */
  suggestion?: string;
}

type ParamKey = { [C in IssueCode]: keyof IssueParams[C] }[IssueCode];

/**
 * A code's params, with every other code's keys absent: reading `issue.params.agency` is allowed on any issue (it
 * is `undefined` where the code has no agency), writing a key the code does not have is not.
 */
type Exclusive<P> = P & { readonly [K in Exclude<ParamKey, keyof P>]?: undefined };

/** One issue of the given code. */
export type IssueOf<C extends IssueCode> = C extends IssueCode ? IssueBase & { code: C; params: Exclusive<IssueParams[C]> } : never;

/** Any issue: a union by code. */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

export const DEFAULT_SEVERITY: Record<IssueCode, Severity> = {
  "no-table": "error",
  "missing-column": "warning",
  "missing-stt": "error",
  "missing-content": "error",
  "missing-lead": "error",
  "missing-timeframe": "error",
  "missing-coordinating": "warning",
  "duplicate-stt": "error",
  "stt-sequence": "warning",
  "unparsed-timeframe": "warning",
  "timeframe-order": "error",
  "timeframe-outside-plan": "warning",
  "unknown-agency": "warning",
  "lead-also-coordinating": "warning",
  "duplicate-agency": "info",
  "duplicate-task": "warning",
  "error-value": "error",
  "formula-cell": "info",
  "legacy-encoding": "warning",
  "repeated-header": "info",
  "blank-rows": "info",
  "delegation-total-mismatch": "error",
  "missing-delegation-field": "error",
  "invalid-member-count": "warning",
};

type Where = { cell?: string | null; row?: number | null; field?: string | null; value?: string };

/** The params argument: optional for codes that carry no required field. */
type ParamsArgs<C extends IssueCode> =
  Partial<IssueParams[C]> extends IssueParams[C]
    ? [params?: IssueParams[C], suggestion?: string]
    : [params: IssueParams[C], suggestion?: string];

/** What a check found, before it is placed at a cell: a code with its params (a union by code, like Issue). */
export type Finding = { [C in IssueCode]: { code: C; params: IssueParams[C]; suggestion?: string } }[IssueCode];

/** A finding placed at a cell. */
export function issueAt(finding: Finding, where: Where): Issue {
  return (makeIssue as (c: IssueCode, w: Where, p: object, s?: string) => Issue)(finding.code, where, finding.params, finding.suggestion);
}

export function makeIssue<C extends IssueCode>(code: C, where: Where, ...[params, suggestion]: ParamsArgs<C>): IssueOf<C> {
  const issue = {
    code,
    severity: DEFAULT_SEVERITY[code],
    cell: where.cell ?? null,
    row: where.row ?? null,
    field: where.field ?? null,
    value: where.value ?? "",
    params: params ?? {},
  } as IssueOf<C>;
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return issue;
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else if (i.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
