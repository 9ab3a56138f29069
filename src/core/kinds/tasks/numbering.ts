/**
 * The checks of SPEC 4 that compare rows of a task table: numbering per section (duplicate-stt, stt-sequence) and
 * the table's layout (repeated headers, runs of blank rows). checks.ts gathers them with the rest.
 */
import { makeIssue, Issue } from "../../issues/catalogue";
import { cellAddress, columnLetter } from "../../sheet/grid";
import { followsWithoutGap, isSectionNumeral, Stt, sttKey } from "../../sheet/stt";
import { TableRow, TaskTable } from "./table";

/** duplicate-stt and stt-sequence, per section (SPEC 4). */
export function numberingIssues(table: TaskTable): Issue[] {
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
        const row = table.rows[s.row - table.rows[0].row];
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
export function layoutIssues(table: TaskTable): Issue[] {
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
