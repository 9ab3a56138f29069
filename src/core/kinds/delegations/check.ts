/**
 * Checking and tallying delegation tables (SPEC 2.2, 4, 5): each delegation classified as planned (trong kế hoạch)
 * or supplementary (đề nghị bổ sung / phát sinh), its fields checked like a task's, and the totals per direction
 * compared with those the plan states — over the whole workbook, since a plan states both directions at once.
 */
import type { CheckOptions, Counts } from "../kind";
import { planPeriod } from "../tasks/check";
import type { PlanPeriod } from "../tasks/checks";
import { DelegationField, DelegationStatus, Direction, DIRECTIONS, Figure, FIGURES, plannedMark, statusFromText } from "./fields";
import { DelegationRow, DelegationTable } from "./table";
import { cellAddress } from "../../sheet/grid";
import { countBySeverity, Issue, IssueParams, makeIssue } from "../../issues/catalogue";
import { applyRules, DEFAULT_SETTINGS, Settings } from "../../settings/settings";
import { StatedTotals } from "./stated-totals";
import { followsWithoutGap, Stt, sttKey } from "../../sheet/stt";
import { foldKey } from "../../sheet/text";
import { parseTimeframe, periodBucket, periodProblems, startQuarter, Timeframe } from "../../timeframe/timeframe";

/** A member count as written: "8", "05 người", "10 - 15"; a range counts its upper bound in the tallies. */
export interface MemberCount {
  kind: "count" | "range" | "empty" | "invalid";
  /** The number used in the tallies, or null. */
  value: number | null;
}

/** Where a delegation's planned/supplementary status was read from. */
export type StatusBasis = "mark" | "note" | "section" | "unmarked" | "default";

export interface Delegation {
  row: DelegationRow;
  direction: Direction;
  status: DelegationStatus;
  statusBasis: StatusBasis;
  members: MemberCount;
  /** Countries or organisations, one delegation may visit several. */
  countries: string[];
  timeframe: Timeframe;
}

export interface CountryTally {
  name: string;
  total: number;
  planned: number;
  supplementary: number;
  members: number;
}

export interface DelegationPeriodTally {
  /** A start year ("2025") or an undated kind ("ongoing", "unparsed", "empty" …), as in the task period tally. */
  bucket: string;
  delegations: number;
  /** By quarter of start (index 0..3), and those whose quarter is not known; for year buckets only. */
  quarters?: [number, number, number, number];
  noQuarter?: number;
}

export interface DirectionTally {
  direction: Direction;
  total: number;
  planned: number;
  supplementary: number;
  /** Members over the delegations whose count could be read. */
  members: number;
  /** Delegations whose member count is blank or unreadable. */
  membersUnknown: number;
  countries: CountryTally[];
  periods: DelegationPeriodTally[];
}

export type DelegationTallies = Record<Direction, DirectionTally>;

/** Totals per direction, every figure present: the `delegations` object of the JSON report. */
export type CountedTotals = Record<Direction, Record<Figure, number>>;

export interface DelegationCheck {
  kind: "delegations";
  sheetName: string;
  /** The table's direction (rows under an "A. ĐOÀN VÀO" section of a mixed table carry their own). */
  direction: Direction;
  table: DelegationTable;
  rows: Delegation[];
  issues: Issue[];
  plan: PlanPeriod | null;
  /** Tallies of this sheet's delegations. */
  tallies: DelegationTallies;
  /** Counted over every delegation table of the workbook, and what the plan (or the user) states. */
  workbook: { counted: CountedTotals; stated: StatedTotals | null };
  counts: Counts;
}

const MEMBER_UNIT = /^(?:khoang|du kien|toi da|tu|gom|so luong)?\s*(\d{1,4})\s*(?:nguoi|thanh vien|dong chi|d\/c|can bo|nguoi\/doan)?\.?$/;
const MEMBER_RANGE = /^(?:khoang|du kien|tu)?\s*(\d{1,4})\s*(?:-|–|den|toi)\s*(\d{1,4})\s*(?:nguoi|thanh vien|dong chi)?\.?$/;

export function parseMemberCount(text: string): MemberCount {
  if (text === "") return { kind: "empty", value: null };
  const key = foldKey(text);
  const one = MEMBER_UNIT.exec(key);
  if (one) {
    const n = Number(one[1]);
    return n > 0 ? { kind: "count", value: n } : { kind: "invalid", value: null };
  }
  const range = MEMBER_RANGE.exec(key);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (lo > 0 && hi >= lo) return { kind: "range", value: hi };
  }
  return { kind: "invalid", value: null };
}

function splitCountries(text: string): string[] {
  return text
    .split(/[;\n,]/)
    .map((t) => t.trim().replace(/[.]+$/, ""))
    .filter((t) => t !== "" && !/^[-–—]+$/.test(t));
}

/** The innermost section that says something, walking out. */
function sectionSays<T>(table: DelegationTable, index: number, read: (s: DelegationTable["sections"][number]) => T | null): T | null {
  for (let s = index; s >= 0; s = table.sections[s].parent) {
    const v = read(table.sections[s]);
    if (v !== null) return v;
  }
  return null;
}

/**
 * Each delegation's direction, status, members, countries and time. The "Đoàn trong kế hoạch" mark decides first,
 * then the notes ("Đề nghị bổ sung"), then the section heading; a blank mark in a column where other rows are
 * marked means not in the plan; a table that says nothing at all lists its plan's delegations.
 */
function analyseDelegations(table: DelegationTable): Delegation[] {
  const rows = table.rows.filter((r) => r.kind === "task");
  const marksUsed = table.header.columns.planned !== undefined && rows.some((r) => plannedMark(r.fields.planned) === "planned");
  const timeCache = new Map<string, Timeframe>();
  return rows.map((row) => {
    let status: DelegationStatus;
    let statusBasis: StatusBasis;
    const mark = plannedMark(row.fields.planned);
    const note = statusFromText(row.fields.note);
    const section = sectionSays(table, row.section, (s) => s.status);
    if (mark) [status, statusBasis] = [mark, "mark"];
    else if (note) [status, statusBasis] = [note, "note"];
    else if (section) [status, statusBasis] = [section, "section"];
    else if (marksUsed) [status, statusBasis] = ["supplementary", "unmarked"];
    else [status, statusBasis] = ["planned", "default"];
    let timeframe = timeCache.get(row.fields.time);
    if (!timeframe) {
      timeframe = parseTimeframe(row.fields.time);
      timeCache.set(row.fields.time, timeframe);
    }
    return {
      row,
      direction: sectionSays(table, row.section, (s) => s.direction) ?? table.direction,
      status,
      statusBasis,
      members: parseMemberCount(row.fields.members),
      countries: splitCountries(row.fields.country),
      timeframe,
    };
  });
}

/** The row checks of SPEC 4 for delegations, plus the table-level ones (missing columns, repeated headers). */
function delegationIssues(table: DelegationTable, delegations: readonly Delegation[], plan: PlanPeriod | null): Issue[] {
  const issues: Issue[] = [];
  const has = (f: DelegationField) => table.header.columns[f] !== undefined;
  const at = (field: DelegationField, row: DelegationRow) => {
    const col = table.header.columns[field];
    return { cell: col === undefined ? null : cellAddress(row.row, col), row: row.row, field, value: row.fields[field] };
  };
  for (const f of table.missingColumns) issues.push(makeIssue("missing-column", { field: f }));

  for (const d of delegations) {
    const row = d.row;
    if (has("stt") && row.stt.kind === "empty") issues.push(makeIssue("missing-delegation-field", at("stt", row)));
    if (row.fields.name === "") issues.push(makeIssue("missing-delegation-field", at("name", row)));
    if (has("country") && row.fields.country === "") issues.push(makeIssue("missing-delegation-field", at("country", row)));
    if (has("members")) {
      if (d.members.kind === "empty") issues.push(makeIssue("missing-delegation-field", at("members", row)));
      else if (d.members.kind === "invalid") issues.push(makeIssue("invalid-member-count", at("members", row)));
    }
    if (has("time")) {
      if (row.fields.time === "") issues.push(makeIssue("missing-delegation-field", at("time", row)));
      else for (const i of timeIssues(d.timeframe, at("time", row), plan)) issues.push(i);
    }
  }

  for (const row of table.rows) {
    for (const f of row.flagged ?? []) {
      const where = { cell: cellAddress(row.row, f.col), row: row.row, field: f.field };
      if (f.cell.error) issues.push(makeIssue("error-value", { ...where, value: f.cell.error }));
      else if (f.cell.formula)
        issues.push(
          makeIssue("formula-cell", { ...where, value: f.cell.value === null ? "" : String(f.cell.value) }, { formula: f.cell.formula }),
        );
    }
  }
  if (has("stt")) for (const i of numberingIssues(table, delegations)) issues.push(i); // a loop: unbounded

  const repeats = table.rows.filter((r) => r.kind === "repeated-header");
  if (repeats.length)
    issues.push(
      makeIssue(
        "repeated-header",
        { cell: cellAddress(repeats[0].row, table.header.firstCol), row: repeats[0].row },
        { count: repeats.length, rows: repeats.map((r) => r.row).join(", ") },
      ),
    );
  return issues.sort(byPosition);
}

function timeIssues(
  tf: Timeframe,
  where: { cell: string | null; row: number; field: string; value: string },
  plan: PlanPeriod | null,
): Issue[] {
  if (tf.kind === "unparsed") return [makeIssue("unparsed-timeframe", where)];
  const out: Issue[] = [];
  for (const p of periodProblems(tf, plan ?? undefined)) {
    if (p === "order" && tf.period?.end) {
      const s = tf.period.start;
      const e = tf.period.end;
      out.push(makeIssue("timeframe-order", where, { start: `${s.day}/${s.month}/${s.year}`, end: `${e.day}/${e.month}/${e.year}` }));
    } else if (p === "outside-plan" && plan) {
      out.push(
        makeIssue("timeframe-outside-plan", where, {
          plan: plan.startYear === plan.endYear ? String(plan.startYear) : `${plan.startYear}–${plan.endYear}`,
        }),
      );
    }
  }
  return out;
}

/** Numbers within each section run 1, 2, 3 … (or run on from the section before); a number used twice is an error. */
function numberingIssues(table: DelegationTable, delegations: readonly Delegation[]): Issue[] {
  const out: Issue[] = [];
  const col = table.header.columns.stt!;
  const where = (row: DelegationRow) => ({ cell: cellAddress(row.row, col), row: row.row, field: "stt", value: row.fields.stt });
  const seen = new Map<string, number>();
  let section = -2;
  let prev = null as Stt | null;
  let runningLast = 0;
  for (const { row } of delegations) {
    if (row.stt.kind !== "number" && row.stt.kind !== "hierarchical") continue;
    if (row.section !== section) {
      section = row.section;
      seen.clear();
      prev = null;
    }
    const key = sttKey(row.stt);
    const other = seen.get(key);
    if (other !== undefined) {
      const name = section >= 0 ? table.sections[section].path : "—";
      out.push(makeIssue("duplicate-stt", where(row), { stt: row.stt.text, section: name, otherRow: other }));
      // A repeated number was most likely meant as the next one: what follows is compared with that.
      if (prev?.kind === "number") prev = { kind: "number", text: String(prev.parts[0] + 1), parts: [prev.parts[0] + 1] };
      continue;
    }
    seen.set(key, row.row);
    if (prev) {
      if (!followsWithoutGap(prev, row.stt)) out.push(makeIssue("stt-sequence", where(row), { prev: prev.text, stt: row.stt.text }));
    } else if (row.stt.kind === "number") {
      const n = row.stt.parts[0];
      if (n !== 1 && n !== runningLast + 1)
        out.push(makeIssue("stt-sequence", where(row), { prev: runningLast ? String(runningLast) : "—", stt: row.stt.text }));
    }
    if (row.stt.kind === "number") runningLast = row.stt.parts[0];
    prev = row.stt;
  }
  return out;
}

function byPosition(a: Issue, b: Issue): number {
  return (a.row ?? 0) - (b.row ?? 0) || (a.cell ?? "").localeCompare(b.cell ?? "");
}

const vi = new Intl.Collator("vi");
const UNDATED_ORDER = ["ongoing", "annual", "on-demand", "per-document", "undated", "unparsed", "empty"];

function emptyTally(direction: Direction): DirectionTally {
  return { direction, total: 0, planned: 0, supplementary: 0, members: 0, membersUnknown: 0, countries: [], periods: [] };
}

/** Per direction: totals, members, by country or organisation, by period of start (year and quarter). */
function tallyDelegations(delegations: readonly Delegation[]): DelegationTallies {
  const out = { outbound: emptyTally("outbound"), inbound: emptyTally("inbound") };
  const countries = { outbound: new Map<string, CountryTally>(), inbound: new Map<string, CountryTally>() };
  const periods = { outbound: new Map<string, DelegationPeriodTally>(), inbound: new Map<string, DelegationPeriodTally>() };
  for (const d of delegations) {
    const t = out[d.direction];
    t.total++;
    t[d.status]++;
    if (d.members.value !== null) t.members += d.members.value;
    else t.membersUnknown++;
    const names = d.countries.length ? d.countries : [""];
    const seen = new Set<string>();
    for (const name of names) {
      const key = foldKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      let c = countries[d.direction].get(key);
      if (!c) {
        c = { name, total: 0, planned: 0, supplementary: 0, members: 0 };
        countries[d.direction].set(key, c);
      }
      c.total++;
      c[d.status]++;
      c.members += d.members.value ?? 0;
    }
    const bucket = periodBucket(d.timeframe);
    let p = periods[d.direction].get(bucket);
    if (!p) {
      p = /^\d{4}$/.test(bucket) ? { bucket, delegations: 0, quarters: [0, 0, 0, 0], noQuarter: 0 } : { bucket, delegations: 0 };
      periods[d.direction].set(bucket, p);
    }
    p.delegations++;
    if (p.quarters) {
      const q = startQuarter(d.timeframe);
      if (q === null) p.noQuarter!++;
      else p.quarters[q - 1]++;
    }
  }
  const rank = (b: string) => (/^\d{4}$/.test(b) ? Number(b) : 10_000 + Math.max(0, UNDATED_ORDER.indexOf(b)));
  for (const dir of DIRECTIONS) {
    out[dir].countries = [...countries[dir].values()].sort(
      (a, b) => (a.name === "" ? 1 : 0) - (b.name === "" ? 1 : 0) || b.total - a.total || vi.compare(a.name, b.name),
    );
    out[dir].periods = [...periods[dir].values()].sort((a, b) => rank(a.bucket) - rank(b.bucket) || a.bucket.localeCompare(b.bucket));
  }
  return out;
}

/** Adds tallies of several tables (the sheets of a workbook, the files of a batch) direction by direction. */
export function mergeTallies(list: readonly DelegationTallies[]): DelegationTallies {
  const out = { outbound: emptyTally("outbound"), inbound: emptyTally("inbound") };
  for (const dir of DIRECTIONS) {
    const countries = new Map<string, CountryTally>();
    const periods = new Map<string, DelegationPeriodTally>();
    for (const t of list) {
      const s = t[dir];
      const o = out[dir];
      o.total += s.total;
      o.planned += s.planned;
      o.supplementary += s.supplementary;
      o.members += s.members;
      o.membersUnknown += s.membersUnknown;
      for (const c of s.countries) {
        const key = foldKey(c.name);
        const e = countries.get(key);
        if (!e) countries.set(key, { ...c });
        else {
          e.total += c.total;
          e.planned += c.planned;
          e.supplementary += c.supplementary;
          e.members += c.members;
        }
      }
      for (const p of s.periods) {
        const e = periods.get(p.bucket);
        if (!e) periods.set(p.bucket, { ...p, quarters: p.quarters ? [...p.quarters] : undefined });
        else {
          e.delegations += p.delegations;
          if (e.quarters && p.quarters) for (let q = 0; q < 4; q++) e.quarters[q] += p.quarters[q];
          if (e.noQuarter !== undefined) e.noQuarter += p.noQuarter ?? 0;
        }
      }
    }
    const rank = (b: string) => (/^\d{4}$/.test(b) ? Number(b) : 10_000 + Math.max(0, UNDATED_ORDER.indexOf(b)));
    out[dir].countries = [...countries.values()].sort(
      (a, b) => (a.name === "" ? 1 : 0) - (b.name === "" ? 1 : 0) || b.total - a.total || vi.compare(a.name, b.name),
    );
    out[dir].periods = [...periods.values()].sort((a, b) => rank(a.bucket) - rank(b.bucket) || a.bucket.localeCompare(b.bucket));
  }
  return out;
}

function countedTotals(tallies: DelegationTallies): CountedTotals {
  const pick = (t: DirectionTally) => ({ total: t.total, planned: t.planned, supplementary: t.supplementary });
  return { outbound: pick(tallies.outbound), inbound: pick(tallies.inbound) };
}

/** One delegation table, checked on its own; `reconcileDelegations` then adds what the workbook as a whole says. */
export function checkDelegationTable(table: DelegationTable, options: CheckOptions = {}): DelegationCheck {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const plan = planPeriod(table.titleText, settings);
  const rows = analyseDelegations(table);
  const issues = applyRules(delegationIssues(table, rows, plan), settings.rules);
  const tallies = tallyDelegations(rows);
  return {
    kind: "delegations",
    sheetName: table.sheetName,
    direction: table.direction,
    table,
    rows,
    issues,
    plan,
    tallies,
    workbook: { counted: countedTotals(tallies), stated: null },
    counts: { sections: table.sections.length, tasks: 0, delegations: rows.length, ...countBySeverity(issues) },
  };
}

/**
 * The workbook's delegation tables together: the counted totals over all of them, compared with the stated ones.
 * A difference is one delegation-total-mismatch per direction, naming every figure that differs, on the first
 * sheet of that direction (or the first delegation sheet when the direction has no table of its own).
 */
export function reconcileDelegations(
  checks: readonly DelegationCheck[],
  stated: StatedTotals | null,
  settings: Settings = DEFAULT_SETTINGS,
): DelegationCheck[] {
  if (checks.length === 0) return [];
  const counted = countedTotals(mergeTallies(checks.map((c) => c.tallies)));
  const extra = new Map<number, Issue[]>();
  for (const direction of DIRECTIONS) {
    const issue = mismatchIssue(direction, counted[direction], stated?.[direction]);
    if (!issue) continue;
    const at = Math.max(
      0,
      checks.findIndex((c) => c.direction === direction),
    );
    extra.set(at, [...(extra.get(at) ?? []), ...applyRules([issue], settings.rules)]);
  }
  return checks.map((c, i) => {
    const added = extra.get(i) ?? [];
    const issues = added.length ? [...added, ...c.issues].sort(byPosition) : c.issues;
    return { ...c, issues, workbook: { counted, stated }, counts: { ...c.counts, ...countBySeverity(issues) } };
  });
}

/**
 * One issue for a direction whose counted figures differ from the stated ones. The params carry the first differing
 * figure under the catalogue's names ({figure}, {counted}, {stated}, {diff}) and every differing figure as
 * `figures` ("total,planned") with `<figure>Counted` / `<figure>Stated` / `<figure>Diff` each.
 */
export function mismatchIssue(
  direction: Direction,
  counted: Record<Figure, number>,
  stated: Partial<Record<Figure, number>> | undefined,
): Issue | null {
  if (!stated) return null;
  const differing = FIGURES.filter((f) => stated[f] !== undefined && stated[f] !== counted[f]);
  if (differing.length === 0) return null;
  const first = differing[0];
  const params: IssueParams["delegation-total-mismatch"] = {
    direction,
    figures: differing.join(","),
    figure: first,
    counted: counted[first],
    stated: stated[first]!,
    diff: Math.abs(counted[first] - stated[first]!),
  };
  for (const f of differing) {
    params[`${f}Counted`] = counted[f];
    params[`${f}Stated`] = stated[f]!;
    params[`${f}Diff`] = Math.abs(counted[f] - stated[f]!);
  }
  return makeIssue("delegation-total-mismatch", {}, params);
}
