/**
 * Return reports: from a check or a consolidation, one sheet per lead agency listing the issues of its tasks with
 * their cell references and suggested fixes, to send back for correction. Issues of the table as a whole (a missing
 * column) go to every agency whose tasks the table holds: each of them has to fix its copy.
 */
import { splitAgencies } from "../agencies/split";
import { AgencyDirectory } from "../agencies/directory";
import { Issue, Lang } from "../issues/catalogue";
import { issueText } from "../issues/text";
import { ModelCell, SheetModel } from "../output/sheet-model";
import { uniqueFileNames } from "./file-names";
import { headerCells, int, text, trackingModel } from "./model-cells";
import { tl } from "./tracking-labels";
import type { TaskTableCheck } from "../kinds";
import { compareVietnamese } from "../sheet/vietnamese-order";

export interface CheckedTable {
  /** The workbook file as shown to the user. */
  file: string;
  /** The workbook relative to where the return report is written, for links. */
  linkFile?: string;
  check: TaskTableCheck;
}

export interface AgencyReturn {
  agency: string;
  fileName: string;
  issues: number;
  model: SheetModel;
}

interface Line {
  source: CheckedTable;
  issue: Issue;
  stt: string;
  content: string;
}

const SEVERITY_STYLE = { error: "error", warning: "warning", info: "info" } as const;

export function agencyReturns(sources: readonly CheckedTable[], directory: AgencyDirectory, lang: Lang): AgencyReturn[] {
  const byAgency = new Map<string, Line[]>();
  const add = (agency: string, line: Line) => {
    const list = byAgency.get(agency);
    if (list) list.push(line);
    else byAgency.set(agency, [line]);
  };
  for (const source of sources) {
    const leadsByRow = new Map<number, { names: string[]; stt: string; content: string }>();
    for (const t of source.check.tasks)
      leadsByRow.set(t.row.row, {
        names: [...new Set((t.leads.length ? t.leads : splitAgencies(t.row.fields.lead, directory)).map((p) => p.name))],
        stt: t.row.fields.stt,
        content: t.row.fields.content,
      });
    const everyone = [...new Set([...leadsByRow.values()].flatMap((l) => l.names))];
    for (const issue of source.check.issues) {
      const task = issue.row === null ? undefined : leadsByRow.get(issue.row);
      if (issue.row !== null && !task) continue; // a section, header or note row: no agency to send it to
      for (const agency of task ? task.names : everyone) add(agency, { source, issue, stt: task?.stt ?? "", content: task?.content ?? "" });
    }
  }
  const agencies = [...byAgency.keys()].sort(compareVietnamese);
  const names = uniqueFileNames(agencies, ".xlsx");
  return agencies.map((agency, i) => {
    const lines = byAgency.get(agency)!;
    return { agency, fileName: names[i], issues: lines.length, model: returnSheet(agency, lines, lang) };
  });
}

function returnSheet(agency: string, lines: readonly Line[], lang: Lang): SheetModel {
  const rows: ModelCell[][] = [
    [text(tl("agencyIssuesTitle", lang, { agency }), "title")],
    [text(`${lines.length} ${lang === "vi" ? "lỗi" : "issues"}`, "subtitle")],
    headerCells([
      tl("no", lang),
      tl("file", lang),
      tl("cell", lang),
      tl("stt", lang),
      tl("content", lang),
      tl("issue", lang),
      tl("suggestion", lang),
    ]),
  ];
  lines.forEach((l, i) => {
    const cell = l.issue.cell ?? "";
    const linkFile = l.source.linkFile ?? l.source.file;
    rows.push([
      int(i + 1),
      text(`${l.source.file} › ${l.source.check.sheetName}`),
      cell ? { value: cell, link: { file: linkFile, sheet: l.source.check.sheetName, cell } } : text(""),
      text(l.stt),
      text(l.content),
      text(issueText(l.issue, lang), SEVERITY_STYLE[l.issue.severity]),
      text(l.issue.suggestion ?? ""),
    ]);
  });
  return trackingModel("agency-issues", lang, rows, [6, 36, 8, 6, 56, 60, 40], 3, true);
}
