/**
 * The checks of SPEC 4 over one task table.
 */
import { AgencyPart, splitAgencies } from "./agencies";
import { AgencyDirectory } from "./directory";
import { TaskField } from "./fields";
import { cellAddress, columnLetter } from "./grid";
import { Issue, makeIssue } from "./issues";
import { followsWithoutGap, isSectionNumeral, Stt, sttKey } from "./stt";
import { TableRow, TaskTable } from "./table";
import { parseTimeframe, periodProblems, Timeframe } from "./timeframe";
import { wordKey } from "./text";

/** One task with its agencies and timeframe read. */
export interface TaskAnalysis {
  row: TableRow;
  leads: AgencyPart[];
  coordinating: AgencyPart[];
  timeframe: Timeframe;
}

export interface PlanPeriod {
  startYear: number;
  endYear: number;
}

/**
 * Reads each task's agencies and timeframe. Tables repeat the same cells thousands of times, so every distinct
 * text is split or parsed once.
 */
export function analyseTasks(table: TaskTable, directory: AgencyDirectory): TaskAnalysis[] {
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
  for (const row of table.rows) {
    if (row.kind !== "task") continue;
    const t = row.fields.timeframe;
    let timeframe = timeCache.get(t);
    if (!timeframe) {
      timeframe = parseTimeframe(t);
      timeCache.set(t, timeframe);
    }
    out.push({ row, leads: agencies(row.fields.lead), coordinating: agencies(row.fields.coordinating), timeframe });
  }
  return out;
}

function addressOf(table: TaskTable, field: TaskField, row: number): string | null {
  const col = table.header.columns[field];
  return col === undefined ? null : cellAddress(row, col);
}

export function checkTable(table: TaskTable, tasks: readonly TaskAnalysis[], plan: PlanPeriod | null): Issue[] {
  const issues: Issue[] = [];
  const at = (field: TaskField, row: TableRow) => ({
    cell: addressOf(table, field, row.row),
    row: row.row,
    field,
    value: row.fields[field],
  });

  for (const f of table.missingColumns) issues.push(makeIssue("missing-column", { field: f }));
  const has = (f: TaskField) => table.header.columns[f] !== undefined;

  const contentSeen = new Map<string, number>();
  const unknownSeen = new Map<string, number>();
  for (const task of tasks) {
    const row = task.row;
    if (has("stt")) {
      if (row.shifted) issues.push(makeIssue("missing-stt", { ...at("stt", row), value: "" }, { shifted: 1 }));
      else if (row.stt.kind === "empty") issues.push(makeIssue("missing-stt", at("stt", row)));
      else if (row.stt.kind === "other") issues.push(makeIssue("missing-stt", at("stt", row), { notNumber: row.fields.stt }));
    }
    if (row.fields.content === "") issues.push(makeIssue("missing-content", at("content", row)));
    if (has("lead") && row.fields.lead === "") issues.push(makeIssue("missing-lead", at("lead", row)));
    if (has("coordinating") && row.fields.coordinating === "") issues.push(makeIssue("missing-coordinating", at("coordinating", row)));
    if (has("timeframe")) {
      if (row.fields.timeframe === "") issues.push(makeIssue("missing-timeframe", at("timeframe", row)));
      else issues.push(...timeframeIssues(task.timeframe, at("timeframe", row), plan));
    }
    issues.push(...agencyIssues(task, at("lead", row), at("coordinating", row), unknownSeen));

    const key = contentKey(row.fields.content);
    if (key !== "") {
      const first = contentSeen.get(key);
      if (first === undefined) contentSeen.set(key, row.row);
      else issues.push(makeIssue("duplicate-task", at("content", row), { otherRow: first }));
    }
  }

  for (const row of table.rows) {
    for (const f of row.flagged ?? []) {
      const where = { cell: cellAddress(row.row, f.col), row: row.row, field: f.field };
      if (f.cell.error) issues.push(makeIssue("error-value", { ...where, value: f.cell.error }));
      else if (f.cell.formula)
        issues.push(makeIssue("formula-cell", { ...where, value: cellDisplay(f.cell.value) }, { formula: f.cell.formula }));
    }
  }

  if (has("stt")) issues.push(...numberingIssues(table));
  issues.push(...layoutIssues(table));
  return issues.sort(byPosition);
}

function cellDisplay(v: string | number | boolean | null): string {
  return v === null ? "" : String(v);
}

/** Content compared after normalisation: case, diacritics, punctuation and spacing do not make a new task. */
export function contentKey(content: string): string {
  return wordKey(content);
}

function timeframeIssues(
  tf: Timeframe,
  where: { cell: string | null; row: number; field: string; value: string },
  plan: PlanPeriod | null,
): Issue[] {
  if (tf.kind === "unparsed") return [makeIssue("unparsed-timeframe", where)];
  const out: Issue[] = [];
  for (const p of periodProblems(tf, plan ?? undefined)) {
    if (p === "order" && tf.period) {
      const s = tf.period.start;
      const e = tf.period.end!;
      out.push(makeIssue("timeframe-order", where, { start: `${s.day}/${s.month}/${s.year}`, end: `${e.day}/${e.month}/${e.year}` }));
    } else if (p === "outside-plan" && plan) {
      const planText = plan.startYear === plan.endYear ? String(plan.startYear) : `${plan.startYear}–${plan.endYear}`;
      out.push(makeIssue("timeframe-outside-plan", where, { plan: planText }));
    }
  }
  return out;
}

function agencyIssues(
  task: TaskAnalysis,
  leadAt: { cell: string | null; row: number; field: string; value: string },
  coordAt: { cell: string | null; row: number; field: string; value: string },
  unknownSeen: Map<string, number>,
): Issue[] {
  const out: Issue[] = [];
  const perCell = (parts: AgencyPart[], where: typeof leadAt) => {
    const names = new Set<string>();
    for (const p of parts) {
      if (names.has(p.name)) out.push(makeIssue("duplicate-agency", where, { agency: p.name }));
      names.add(p.name);
      if (!p.known && p.kind === "agency") {
        unknownSeen.set(p.name, (unknownSeen.get(p.name) ?? 0) + 1);
        const suggestions = p.suggestions.slice(0, 3);
        out.push(makeIssue("unknown-agency", where, { agency: p.text, suggestions: suggestions.join("; ") }, suggestions[0]));
      }
    }
    return names;
  };
  const leads = perCell(task.leads, leadAt);
  const coords = perCell(task.coordinating, coordAt);
  for (const p of task.coordinating) {
    if (p.kind === "agency" && leads.has(p.name) && coords.has(p.name)) {
      out.push(makeIssue("lead-also-coordinating", coordAt, { agency: p.name }));
      coords.delete(p.name);
    }
  }
  return out;
}

/** duplicate-stt and stt-sequence, per section (SPEC 4). */
function numberingIssues(table: TaskTable): Issue[] {
  const out: Issue[] = [];
  const col = table.header.columns.stt!;
  const where = (row: TableRow) => ({ cell: cellAddress(row.row, col), row: row.row, field: "stt", value: row.fields.stt });

  // Section numerals among siblings: I, II, IV is a gap; IV, IV a repeat.
  const lastChildNumeral = new Map<number, { stt: Stt; style: string; segment: number }>();
  for (const s of table.sections) {
    if (!isSectionNumeral(s.stt)) continue;
    const prev = lastChildNumeral.get(s.parent);
    if (prev && prev.style === s.stt.kind && prev.segment === s.segment) {
      const expected = prev.stt.parts[0] + 1;
      if (s.stt.parts[0] !== expected) {
        const row = table.rows.find((r) => r.row === s.row)!;
        out.push(makeIssue("stt-sequence", where(row), { prev: prev.stt.text, stt: s.stt.text }));
      }
    }
    // A repeated numeral (IV, IV) was most likely meant as the next one: compare what follows with that.
    const repeated = prev && prev.style === s.stt.kind && prev.stt.parts[0] === s.stt.parts[0];
    const stt = repeated ? { ...s.stt, parts: [s.stt.parts[0] + 1] } : s.stt;
    lastChildNumeral.set(s.parent, { stt, style: s.stt.kind, segment: s.segment });
  }

  // Task numbers within each innermost section.
  const bySection = new Map<string, TableRow[]>();
  for (const r of table.rows) {
    if (r.kind !== "task") continue;
    const key = `${r.section}/${r.segment}`;
    const list = bySection.get(key);
    if (list) list.push(r);
    else bySection.set(key, [r]);
  }
  let runningLast = 0; // numbering that runs on across sections (I: 1–3, II: 4–7)
  let runningSegment = 0;
  for (const rows of [...bySection.values()].sort((a, b) => a[0].row - b[0].row)) {
    const section = rows[0].section;
    if (rows[0].segment !== runningSegment) {
      runningSegment = rows[0].segment;
      runningLast = -1; // after an elision any number may come next
    }
    const sectionNumber = section >= 0 ? table.sections[section].stt.parts[0] : undefined;
    const seen = new Map<string, number>();
    const lastAtDepth = new Map<number, Stt>();
    let lastSub: Stt | undefined;
    let first = true;
    for (const row of rows) {
      const stt = row.stt;
      if (stt.kind === "number" || stt.kind === "hierarchical" || stt.kind === "subletter") {
        const key = `${sttKey(stt)}@${stt.kind === "subletter" ? (lastAtDepth.get(1)?.text ?? "") : ""}`;
        const other = seen.get(key);
        if (other !== undefined) {
          const sectionName = section >= 0 ? table.sections[section].path : "—";
          out.push(makeIssue("duplicate-stt", where(row), { stt: stt.text, section: sectionName, otherRow: other }));
          continue;
        }
        seen.set(key, row.row);
      }
      if (stt.kind === "subletter") {
        if (lastSub && !followsWithoutGap(lastSub, stt))
          out.push(makeIssue("stt-sequence", where(row), { prev: lastSub.text, stt: stt.text }));
        else if (!lastSub && stt.parts[0] !== 1) out.push(makeIssue("stt-sequence", where(row), { prev: "—", stt: stt.text }));
        lastSub = stt;
        continue;
      }
      if (stt.kind !== "number" && stt.kind !== "hierarchical") continue;
      lastSub = undefined;
      const depth = stt.parts.length;
      const prev = lastAtDepth.get(depth);
      if (prev) {
        if (!followsWithoutGap(prev, stt)) out.push(makeIssue("stt-sequence", where(row), { prev: prev.text, stt: stt.text }));
      } else if (depth === 1 && first) {
        const n = stt.parts[0];
        if (runningLast >= 0 && n !== 1 && n !== runningLast + 1 && n !== sectionNumber)
          out.push(makeIssue("stt-sequence", where(row), { prev: runningLast ? String(runningLast) : "—", stt: stt.text }));
      } else if (depth > 1 && stt.parts[depth - 1] !== 1) {
        out.push(makeIssue("stt-sequence", where(row), { prev: "—", stt: stt.text }));
      }
      lastAtDepth.set(depth, stt);
      for (const d of [...lastAtDepth.keys()]) if (d > depth) lastAtDepth.delete(d);
      if (depth === 1) runningLast = stt.parts[0];
      first = false;
    }
  }
  return out;
}

/** Repeated headers (once, as info) and runs of blank rows inside the table. */
function layoutIssues(table: TaskTable): Issue[] {
  const out: Issue[] = [];
  const repeats = table.rows.filter((r) => r.kind === "repeated-header");
  if (repeats.length) {
    const first = repeats[0];
    out.push(
      makeIssue(
        "repeated-header",
        { cell: cellAddress(first.row, table.header.firstCol), row: first.row },
        { count: repeats.length, rows: repeats.map((r) => r.row).join(", ") },
      ),
    );
  }
  let run: TableRow[] = [];
  const flush = () => {
    if (run.length >= 2 && run[run.length - 1].row < table.lastRow) {
      out.push(
        makeIssue("blank-rows", { cell: `${columnLetter(table.header.firstCol)}${run[0].row}`, row: run[0].row }, { count: run.length }),
      );
    }
    run = [];
  };
  for (const r of table.rows) {
    if (r.kind === "blank") run.push(r);
    else flush();
  }
  flush();
  return out;
}

function byPosition(a: Issue, b: Issue): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.cell ?? "").localeCompare(b.cell ?? "");
}
