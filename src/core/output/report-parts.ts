/**
 * The parts of a file's JSON report that every kind builds alike: its issues in the chosen language and where its table
 * stands. Apart from report.ts so that writing a report does not build the report's zod schemas (issue 17, start-up).
 */
import { Issue, Lang } from "../issues/catalogue";
import { issueText } from "../issues/text";
import { columnLetter, rangeAddress } from "../sheet/grid";
import type { FileReport } from "./report";

/** The issues of a file's report, each with its message in the chosen language. */
export function reportIssues(issues: readonly Issue[], lang: Lang): FileReport["issues"] {
  return issues.map((i) => {
    const out: FileReport["issues"][number] = {
      code: i.code,
      severity: i.severity,
      cell: i.cell,
      row: i.row,
      field: i.field,
      value: i.value,
      message: issueText(i, lang),
    };
    if (i.suggestion !== undefined) out.suggestion = i.suggestion;
    if (i.place) {
      out.heading = i.place.heading;
      out.line = i.place.line;
    }
    return out;
  });
}

/** Where a table stands: any kind's table. */
interface TablePlace {
  firstRow: number;
  lastRow: number;
  header: { row: number; firstCol: number; lastCol: number; columns: Partial<Record<string, number>> };
}

/** Where a table stands and which column holds each of its fields, as the report says it. */
export function tableReport(table: TablePlace, fields: readonly string[]): NonNullable<FileReport["table"]> {
  const h = table.header;
  const columns: Record<string, string> = {};
  for (const f of fields) if (h.columns[f] !== undefined) columns[f] = columnLetter(h.columns[f]!);
  return { range: rangeAddress(table.firstRow, h.firstCol, table.lastRow, h.lastCol), headerRow: h.row, columns };
}
