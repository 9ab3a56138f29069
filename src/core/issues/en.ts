/**
 * Every issue in English: one sentence per code, and the names of the fields they speak of.
 */
import type { IssueCode, IssueOf, IssueParams } from "./catalogue";
import { mismatches } from "./vi";

export const FIELD_NAMES: Record<string, string> = {
  stt: "number (STT)",
  content: "task content",
  lead: "lead agency",
  coordinating: "coordinating agencies",
  timeframe: "timeframe",
  // Delegation tables (đoàn ra / đoàn vào).
  name: "delegation name",
  leader: "head of delegation",
  members: "number of members",
  country: "destination (country or organisation)",
  purpose: "purpose",
  time: "time",
  days: "duration in days",
  funding: "funding",
  report: "report",
  planned: "in-plan mark",
  note: "notes",
};

const DIRECTIONS = { outbound: "Outbound", inbound: "Inbound" };
const FIGURES = { total: "total", planned: "planned", supplementary: "supplementary" };

const HINTS: Record<IssueParams["no-table"]["hint"], string> = {
  empty: " The sheet is empty.",
  legacy: " The sheet's text looks typed in a legacy encoding (TCVN3/VNI): convert it to Unicode and check again.",
  schedule: " The sheet looks like a work schedule, not a task appendix.",
  "no-header": "",
};

function sttDetail(p: IssueParams["missing-stt"]): string {
  if (p.shifted)
    return " The row's cells seem shifted one column to the left (merged cells lost?); they were read back into their columns.";
  if (p.typed)
    return ` The cell holds the date ${p.notNumber}: Excel probably turned “${p.typed}” into a date; type it again as text ('${p.typed}).`;
  if (p.notNumber) return ` “${p.notNumber}” is not a row number.`;
  return "";
}

type Say = { [C in IssueCode]: (issue: IssueOf<C>, fieldName: string) => string };

export const EN: Say = {
  "no-table": ({ params: p }) => `No task table header row found (looked for: ${p.looked}).${HINTS[p.hint] ?? ""}`,
  "missing-column": (_, field) => `The table has no ${field} column.`,
  "missing-stt": ({ params }) => `The task has no number (STT).${sttDetail(params)}`,
  "missing-content": () => "The task has no content.",
  "missing-lead": () => "The task has no lead agency.",
  "missing-timeframe": () => "The task has no timeframe.",
  "missing-coordinating": () => "The task has no coordinating agencies.",
  "duplicate-stt": ({ params: p }) => `Number ${p.stt} is used twice in section ${p.section} (also at row ${p.otherRow}).`,
  "stt-sequence": ({ params: p }) => `Numbering is out of sequence: ${p.stt} follows ${p.prev}.`,
  "unparsed-timeframe": ({ value }) => `The timeframe “${value}” could not be read.`,
  "timeframe-order": ({ params: p }) => `The period ends (${p.end}) before it starts (${p.start}).`,
  "timeframe-outside-plan": ({ value, params: p }) => `The timeframe “${value}” ends before the plan period (${p.plan}).`,
  "unknown-agency": ({ params: p }) =>
    `The agency “${p.agency}” is not in the directory.${p.suggestions ? ` Did you mean: ${p.suggestions}?` : ""}`,
  "lead-also-coordinating": ({ params: p }) => `“${p.agency}” is both lead and coordinator of the same task.`,
  "duplicate-agency": ({ params: p }) => `“${p.agency}” is listed twice in one cell.`,
  "duplicate-task": ({ params: p }) => `The task content repeats row ${p.otherRow}.`,
  "error-value": ({ value }) => `The cell holds the error value ${value}.`,
  "formula-cell": ({ value, params: p }) =>
    `The cell holds a formula; its value “${value}” is used.${
      p.unsaved ? " The file holds no result for it (written by another program?): open it in Excel, save it, and check again." : ""
    }`,
  "legacy-encoding": ({ params: p }) => `The text looks typed in the legacy ${p.encoding} encoding; Unicode reading: “${p.converted}”.`,
  "repeated-header": ({ params: p }) => `The header row is repeated (${p.count} times; ignored).`,
  "blank-rows": ({ params: p }) => `${p.count} blank rows in a row inside the table.`,
  "delegation-total-mismatch": ({ params: p }) =>
    mismatches(p)
      .map(
        (m) =>
          `${DIRECTIONS[p.direction]} delegations, ${FIGURES[m.figure]}: ${m.counted} counted, the plan states ${m.stated} (off by ${m.diff}).`,
      )
      .join(" "),
  "missing-delegation-field": (_, field) => `The delegation has no ${field}.`,
  "invalid-member-count": ({ value }) => `The member count “${value}” is not a positive number.`,
};
