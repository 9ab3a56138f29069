/**
 * A heading that names the body responsible for its section (issue 11): an upper-case agency name as the section
 * title ("A. | BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"), or a section row that carries a lead. That body is the lead of the
 * tasks beneath that name none — they are not flagged missing-lead, and the analysis says where the lead came from.
 */
import { AgencyPart, splitAgencies } from "../../agencies/split";
import { AgencyDirectory } from "../../agencies/directory";
import { TaskTable } from "./table";

const NUMERAL_PREFIX = /^(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)[.)]\s*/u;

function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/** The lead each section names, by section index (null when it names none). */
export function sectionLeads(table: TaskTable, directory: AgencyDirectory): Array<AgencyPart[] | null> {
  const wanted = new Set(table.sections.map((s) => s.row));
  const byRow = new Map<number, TaskTable["rows"][number]>();
  for (const r of table.rows) if (r.kind === "section" && wanted.has(r.row)) byRow.set(r.row, r);
  return table.sections.map((section) => {
    const row = byRow.get(section.row);
    const leadCell = row && row.fields.lead !== "" && row.fields.lead !== section.title ? row.fields.lead : "";
    const title = section.title.replace(NUMERAL_PREFIX, "").trim();
    const text = leadCell !== "" ? leadCell : isUpperCase(title) ? title : "";
    if (text === "") return null;
    const parts = splitAgencies(text, directory);
    return parts.length > 0 && parts.every((p) => p.known && p.kind === "agency") ? parts : null;
  });
}

/** The nearest enclosing section of `section` (itself included) that names a lead, or -1. */
export function leadingSection(table: TaskTable, leads: ReadonlyArray<AgencyPart[] | null>, section: number): number {
  for (let s = section; s >= 0; s = table.sections[s].parent) if (leads[s]) return s;
  return -1;
}

/** A task without a lead of its own takes the lead its nearest heading names, and remembers which heading. */
export function inheritSectionLead(
  task: { row: { section: number }; leads: AgencyPart[]; leadFromSection?: number },
  table: TaskTable,
  leads: ReadonlyArray<AgencyPart[] | null>,
): void {
  if (task.row.section < 0 || leads.length === 0) return;
  const from = leadingSection(table, leads, task.row.section);
  if (from < 0) return;
  task.leads = leads[from]!;
  task.leadFromSection = from;
}
