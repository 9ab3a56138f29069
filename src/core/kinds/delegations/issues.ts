/**
 * The checks of SPEC 4 on a delegation table: each delegation's fields like a task's, its numbering within each
 * section, and the table-level ones (missing columns, formulas and error values, repeated headers).
 */
import { byPosition, PlanPeriod, timeframeFindings } from "../tasks/checks";
import type { Delegation } from "./delegation";
import { DelegationField } from "./fields";
import { DelegationRow, DelegationTable } from "./table";
import { cellAddress } from "../../sheet/grid";
import { Issue, issueAt, makeIssue } from "../../issues/catalogue";
import { followsWithoutGap, Stt, sttKey } from "../../sheet/stt";

/** The row checks of SPEC 4 for delegations, plus the table-level ones (missing columns, repeated headers). */
export function delegationIssues(table: DelegationTable, delegations: readonly Delegation[], plan: PlanPeriod | null): Issue[] {
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
      else for (const f of timeframeFindings(d.timeframe, plan)) issues.push(issueAt(f, at("time", row)));
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
