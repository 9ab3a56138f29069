/**
 * The checks of SPEC 4 over one task table.
 */
import { AgencyPart, splitAgencies } from "../../agencies/split";
import { splitRoleLabels } from "../../agencies/roles";
import { AgencyDirectory } from "../../agencies/directory";
import { TaskField } from "./fields";
import { cellAddress } from "../../sheet/grid";
import { layoutIssues, numberingIssues } from "./numbering";
import { Finding, Issue, issueAt, makeIssue } from "../../issues/catalogue";
import { errorFields, TableRow, TaskTable } from "./table";
import { parseTimeframe, periodProblems, Timeframe } from "../../timeframe/timeframe";
import { wordKey, wordKeyHalves } from "../../sheet/text";
import { inheritSectionLead, sectionLeads } from "./section-leads";
import { keepProvincesApart } from "./provinces";
import { compareVietnamese } from "../../sheet/vietnamese-order";

/** One task with its agencies and timeframe read. */
export interface TaskAnalysis {
  row: TableRow;
  leads: AgencyPart[];
  coordinating: AgencyPart[];
  timeframe: Timeframe;
  /** The task names no lead of its own; its lead is the body the heading of this section (index) names. */
  leadFromSection?: number;
}

export interface PlanPeriod {
  startYear: number;
  endYear: number;
}

/**
 * Reads each task's agencies and timeframe. Tables repeat the same cells thousands of times, so every distinct
 * text is split or parsed once.
 */
export function analyseTasks(table: TaskTable, directory: AgencyDirectory, only?: (row: TableRow) => boolean): TaskAnalysis[] {
  const agencyCache = new Map<string, AgencyPart[]>();
  const timeCache = new Map<string, Timeframe>();
  const agencies = (text: string): AgencyPart[] => {
    if (text === "") return [];
    let parts = agencyCache.get(text);
    if (!parts) {
      parts = splitAgencies(text, directory);
      agencyCache.set(text, parts);
    }
    return parts;
  };
  const out: TaskAnalysis[] = [];
  const headingLeads = table.sections.length > 0 ? sectionLeads(table, directory) : [];
  for (const row of table.rows) {
    if (row.kind !== "task" || (only && !only(row))) continue;
    const errors = errorFields(row);
    const t = errors.has("timeframe") ? "" : row.fields.timeframe;
    let timeframe = timeCache.get(t);
    if (!timeframe) {
      timeframe = parseTimeframe(t);
      timeCache.set(t, timeframe);
    }
    // "Chủ trì: … Phối hợp: …" in the lead cell: each role read from its own part.
    const roles = errors.has("lead") ? null : splitRoleLabels(row.fields.lead);
    const coordinating = errors.has("coordinating") ? [] : agencies(row.fields.coordinating);
    const task: TaskAnalysis = {
      row,
      leads: errors.has("lead") ? [] : agencies(roles ? roles.lead : row.fields.lead),
      coordinating: roles ? [...coordinating, ...agencies(roles.coordinating)] : coordinating,
      timeframe,
    };
    if (row.fields.lead === "" && !errors.has("lead")) inheritSectionLead(task, table, headingLeads);
    out.push(task);
  }
  keepProvincesApart(out);
  return out;
}

function addressOf(table: TaskTable, field: TaskField, row: number): string | null {
  const col = table.header.columns[field];
  return col === undefined ? null : cellAddress(row, col);
}

/**
 * Every issue of the table: those of each row on its own (rowIssues) and those that compare a row with its neighbours
 * (neighbourIssues), in the order of their cells.
 */
export function checkTable(table: TaskTable, tasks: readonly TaskAnalysis[], plan: PlanPeriod | null): Issue[] {
  const issues = rowIssues(table, tasks, table.rows, plan);
  for (const i of neighbourIssues(table, tasks)) issues.push(i);
  return issues.sort(byPosition);
}

/**
 * Issue codes whose verdict on a row depends on other rows: numbering runs through a section, a duplicate is the
 * later of two rows, a blank run and a repeated header are told once for the table, a missing column for the header.
 * A live re-check (recheck.ts) works them out again over the whole table; every other code depends on its row alone.
 */
export const NEIGHBOUR_CODES: ReadonlySet<string> = new Set([
  "missing-column",
  "duplicate-task",
  "duplicate-stt",
  "stt-sequence",
  "repeated-header",
  "blank-rows",
]);

/**
 * The issues each of `rows` has on its own: missing cells, agencies, timeframe, error values and formulas. `tasks`
 * holds at least the analyses of the task rows among `rows`; the result is not sorted.
 */
export function rowIssues(table: TaskTable, tasks: readonly TaskAnalysis[], rows: readonly TableRow[], plan: PlanPeriod | null): Issue[] {
  const issues: Issue[] = [];
  const at = (field: TaskField, row: TableRow) => ({
    cell: addressOf(table, field, row.row),
    row: row.row,
    field,
    value: row.fields[field],
  });
  const place = (findings: readonly Finding[], field: TaskField, row: TableRow) => {
    for (const f of findings) issues.push(issueAt(f, at(field, row)));
  };
  const has = (f: TaskField) => table.header.columns[f] !== undefined;
  const wanted = rows === table.rows ? null : new Set(rows.map((r) => r.row));

  // Tables repeat the same agency and timeframe cells many times: their findings are worked out once per text.
  const agencyFindings = new Map<string, { findings: Finding[]; names: Set<string> }>();
  const agencyCell = (text: string, parts: AgencyPart[]) => {
    let f = agencyFindings.get(text);
    if (!f) {
      f = cellAgencyFindings(text, parts);
      agencyFindings.set(text, f);
    }
    return f;
  };
  const timeFindings = new Map<string, Finding[]>();

  for (const task of tasks) {
    const row = task.row;
    if (wanted && !wanted.has(row.row)) continue;
    const fields = row.fields;
    const errors = errorFields(row);
    if (has("stt") && !errors.has("stt")) {
      if (row.shifted) issues.push(makeIssue("missing-stt", { ...at("stt", row), value: "" }, { shifted: true }));
      else if (row.stt.kind === "empty") issues.push(makeIssue("missing-stt", at("stt", row)));
      else if (row.stt.kind === "other") {
        const typed = sttTypedAsDate(fields.stt);
        if (typed) issues.push(makeIssue("missing-stt", at("stt", row), { notNumber: fields.stt, typed }, typed));
        else issues.push(makeIssue("missing-stt", at("stt", row), { notNumber: fields.stt }));
      }
    }
    if (fields.content === "") issues.push(makeIssue("missing-content", at("content", row)));
    if (has("lead") && fields.lead === "" && task.leadFromSection === undefined) issues.push(makeIssue("missing-lead", at("lead", row)));
    if (has("coordinating") && fields.coordinating === "") issues.push(makeIssue("missing-coordinating", at("coordinating", row)));
    if (has("timeframe") && !errors.has("timeframe")) {
      if (fields.timeframe === "") issues.push(makeIssue("missing-timeframe", at("timeframe", row)));
      else {
        let found = timeFindings.get(fields.timeframe);
        if (!found) {
          found = timeframeFindings(task.timeframe, plan);
          timeFindings.set(fields.timeframe, found);
        }
        place(found, "timeframe", row);
      }
    }
    const lead = fields.lead === "" || errors.has("lead") ? null : agencyCell(fields.lead, task.leads);
    const coord = fields.coordinating === "" || errors.has("coordinating") ? null : agencyCell(fields.coordinating, task.coordinating);
    if (lead) place(lead.findings, "lead", row);
    if (coord) place(coord.findings, "coordinating", row);
    if (lead && coord) {
      for (const p of task.coordinating) {
        if (p.kind === "agency" && lead.names.has(p.name)) {
          issues.push(makeIssue("lead-also-coordinating", at("coordinating", row), { agency: p.name }));
          break;
        }
      }
    }
  }

  for (const row of rows) {
    for (const f of row.flagged ?? []) {
      const where = { cell: cellAddress(row.row, f.col), row: row.row, field: f.field };
      if (f.cell.error) issues.push(makeIssue("error-value", { ...where, value: f.cell.error }));
      else if (f.cell.formula) {
        // A formula saved without its result (files written by scripts) reads as empty: say why, or "no content" puzzles.
        const unsaved = f.cell.value === null || f.cell.value === "";
        issues.push(
          makeIssue(
            "formula-cell",
            { ...where, value: cellDisplay(f.cell.value) },
            unsaved ? { formula: f.cell.formula, unsaved } : { formula: f.cell.formula },
          ),
        );
      }
    }
  }
  return issues;
}

/** The issues of NEIGHBOUR_CODES over the whole table; not sorted. */
export function neighbourIssues(table: TaskTable, tasks: readonly TaskAnalysis[]): Issue[] {
  const issues: Issue[] = [];
  for (const f of table.missingColumns) issues.push(makeIssue("missing-column", { field: f }));
  const duplicates = duplicateFinder();
  for (const task of tasks) {
    const row = task.row;
    const content = row.fields.content;
    if (content === "" || errorFields(row).has("content")) continue;
    const first = duplicates.firstOf(content, row.row);
    if (first !== null) {
      const cell = addressOf(table, "content", row.row);
      issues.push(makeIssue("duplicate-task", { cell, row: row.row, field: "content", value: content }, { otherRow: first }));
    }
  }
  // Loops, not push(...list): a table of 100,000 tasks gives more issues than a call may take arguments.
  if (table.header.columns.stt !== undefined) for (const i of numberingIssues(table)) issues.push(i);
  for (const i of layoutIssues(table)) issues.push(i);
  return issues;
}

/**
 * The hierarchical number Excel turned into a date when it was typed: in a day-first locale "1.2" becomes 1 February
 * and shows as 1/2/2025. Null when the text is not such a date.
 */
export function sttTypedAsDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/\d{4}$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? `${day}.${month}` : null;
}

function cellDisplay(v: string | number | boolean | null): string {
  return v === null ? "" : String(v);
}

/**
 * Remembers contents by the hash of their key and answers, for each new one, the row where the same content was
 * first seen; keys are built only when hashes meet, so a 100,000-task table costs one hash per task. The map is keyed
 * by 30 bits of the hash, which V8 keeps as small integers (a 52-bit key is a heap number per task); contents whose
 * bits meet are told apart by their keys all the same.
 */
export function duplicateFinder(): { firstOf(content: string, row: number): number | null } {
  const byHash = new Map<number, Array<{ content: string; row: number; key?: string }>>();
  const halves = new Uint32Array(2);
  return {
    firstOf(content, row) {
      if (!wordKeyHalves(content, halves)) return null;
      const h = halves[0] >>> 2;
      const list = byHash.get(h);
      if (!list) {
        byHash.set(h, [{ content, row }]);
        return null;
      }
      const key = contentKey(content);
      for (const seen of list) {
        seen.key ??= contentKey(seen.content);
        if (seen.key === key) return seen.row;
      }
      list.push({ content, row, key });
      return null;
    },
  };
}

/** Content compared after normalisation: case, diacritics, punctuation and spacing do not make a new task. */
export function contentKey(content: string): string {
  return wordKey(content);
}

/** What is wrong with a timeframe against the plan's period; delegation times are checked the same way. */
export function timeframeFindings(tf: Timeframe, plan: PlanPeriod | null): Finding[] {
  if (tf.kind === "unparsed") return [{ code: "unparsed-timeframe", params: {} }];
  const out: Finding[] = [];
  for (const p of periodProblems(tf, plan ?? undefined)) {
    if (p === "order" && tf.period?.end) {
      const s = tf.period.start;
      const e = tf.period.end;
      out.push({ code: "timeframe-order", params: { start: `${s.day}/${s.month}/${s.year}`, end: `${e.day}/${e.month}/${e.year}` } });
    } else if (p === "outside-plan" && plan) {
      const planText = plan.startYear === plan.endYear ? String(plan.startYear) : `${plan.startYear}–${plan.endYear}`;
      out.push({ code: "timeframe-outside-plan", params: { plan: planText } });
    }
  }
  return out;
}

/**
 * Unknown agencies and agencies named twice (each once, however often it repeats), in one lead or coordinating cell.
 * A cell that names no agency at all — a date or a number where agencies belong — is an unknown agency too, or the
 * task would silently count for nobody.
 */
function cellAgencyFindings(text: string, parts: readonly AgencyPart[]): { findings: Finding[]; names: Set<string> } {
  const findings: Finding[] = [];
  const names = new Set<string>();
  if (parts.length === 0 && /[\p{L}\p{N}]/u.test(text)) {
    findings.push({ code: "unknown-agency", params: { agency: text } });
    return { findings, names };
  }
  const repeated = new Set<string>();
  for (const p of parts) {
    if (names.has(p.name) && !repeated.has(p.name)) {
      findings.push({ code: "duplicate-agency", params: { agency: p.name } });
      repeated.add(p.name);
    }
    names.add(p.name);
    if (!p.known && p.kind === "agency") {
      const suggestions = p.suggestions.slice(0, 3);
      findings.push({
        code: "unknown-agency",
        params: { agency: p.text, suggestions: suggestions.join("; ") },
        suggestion: suggestions[0],
      });
    }
  }
  return { findings, names };
}

export function byPosition(a: Issue, b: Issue): number {
  return (a.row ?? 0) - (b.row ?? 0) || compareVietnamese(a.cell ?? "", b.cell ?? "");
}
