/**
 * What a corpus case's expected outcome means, asserted the same way for every layer that reads it.
 */
import { fileReport } from "../../src/core/output/file-report";
import { TaskCheck } from "../../src/core/kinds/tasks/check";
import { checkWorkbook, WorkbookCheck } from "../../src/core/workbook";
import { WorkbookRead } from "../../src/xlsx/read";
import { Expected, ExpectedTable } from "./corpus";

/**
 * How long one hostile case may take before it counts as a hang. The failures this corpus guards against took many
 * minutes or never ended; a case that holds takes well under a second idle, and the suite must also pass with the CPU
 * saturated by another job (issue 12), where 60 s was once too little.
 */
export const HOSTILE_TIME_BOUND = 600_000;

/** A short name of the outcome, for test titles. */
export function outcomeTitle(e: Expected): string {
  if (e.kind === "unusable") return `refused as ${e.reason}`;
  if (e.kind === "no-table")
    return `no table (${Object.entries(e.hints)
      .map(([s, h]) => `${s}: ${h || "no hint"}`)
      .join("; ")})`;
  return e.tables.map((t) => `${t.sheet} ${t.range}: ${t.tasks} tasks, ${t.errors.length} errors`).join("; ");
}

/** A message a person reads: one line, no stack frame, no "undefined". */
export function expectOneLine(message: string): void {
  expect(message).not.toMatch(/\n|\bat .+:\d+:\d+|undefined|\[object /);
  expect(message.length).toBeGreaterThan(10);
}

export function expectRead(read: WorkbookRead, expected: Expected): void {
  if (expected.kind === "unusable") {
    expect(read).toMatchObject({ ok: false, reason: expected.reason });
    if (read.ok) return;
    expect(read.message).toMatch(expected.says);
    expectOneLine(read.message);
    return;
  }
  if (!read.ok) throw new Error(`expected the workbook to be read, but: ${read.message}`);
  expectChecks(checkWorkbook(read.sheets), expected);
}

export function expectChecks(result: WorkbookCheck, expected: Expected): void {
  if (expected.kind === "unusable") throw new Error("an unusable file has no checks");
  if (expected.kind === "no-table") {
    expect(result).toMatchObject({ ok: false, reason: "no-table" });
    if (result.ok || result.reason !== "no-table") return;
    expect(
      Object.fromEntries(result.checks.map((c) => [c.sheetName, c.issues.find((i) => i.code === "no-table")?.params.hint ?? null])),
    ).toEqual(Object.fromEntries(Object.entries(expected.hints).map(([s, h]) => [s, h === "" ? null : h])));
    for (const c of result.checks) {
      expect(c.table).toBeNull();
      const message = fileReport("f", c, "en").issues.find((i) => i.code === "no-table")!.message;
      expect(message).toContain("looked for: STT, Nội dung nhiệm vụ, Cơ quan chủ trì");
      expectOneLine(message);
    }
    return;
  }
  if (!result.ok) {
    const why = result.reason === "no-sheet" ? `no sheet ${result.sheet}` : result.checks.map((c) => c.issues[0]?.params.hint).join(", ");
    throw new Error(`expected tables, found none (${why})`);
  }
  expect(result.checks.map((c) => c.sheetName)).toEqual(expected.tables.map((t) => t.sheet));
  expected.tables.forEach((t, i) => expectTable(result.checks[i] as TaskCheck, t));
}

export function expectTable(check: TaskCheck, t: ExpectedTable): void {
  expect(check.kind).toBe("tasks");
  const report = fileReport("f", check, "en");
  expect(report.table).toEqual({ range: t.range, headerRow: t.headerRow, columns: t.columns });
  expect({ sections: report.counts.sections, tasks: report.counts.tasks }).toEqual({ sections: t.sections, tasks: t.tasks });
  expect(report.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell])).toEqual(t.errors);
  const others = report.issues.filter((i) => i.severity !== "error").map((i) => [i.code, i.cell]);
  for (const note of t.notes ?? []) expect(others).toContainEqual(note);
  for (const [row, field, text] of t.reads ?? []) {
    const read = check.table!.rows.find((r) => r.row === row);
    if (!read) throw new Error(`row ${row} is not in the table`);
    if (typeof text === "string") expect(read.fields[field]).toBe(text);
    else expect(read.fields[field]).toMatch(text);
  }
  for (const [cell, suggestion] of Object.entries(t.suggests ?? {})) {
    expect(report.issues.filter((i) => i.cell === cell).map((i) => i.suggestion)).toContain(suggestion);
  }
  for (const [cell, says] of Object.entries(t.says ?? {})) {
    expect(report.issues.filter((i) => i.cell === cell).map((i) => i.message)).toContainEqual(expect.stringMatching(says));
  }
  for (const i of report.issues) expect(i.message).not.toMatch(/undefined|\{\w+\}|\[object /);
}
