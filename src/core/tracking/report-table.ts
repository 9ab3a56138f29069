/**
 * Progress report tables (báo cáo kết quả thực hiện): the plan's task table plus the columns an agency fills in —
 * the status (Tình trạng, Trạng thái, Tiến độ thực hiện), the result text (Kết quả thực hiện), the completion date,
 * a percentage, and the task identifier a split workbook carries. The plan's own columns are read by the task table
 * reader; this finds the report columns among its extra columns.
 */
import { foldKey } from "../sheet/text";
import { ExtraColumn, headerKey } from "../sheet/header-match";
import { cellAddress } from "../sheet/grid";
import { TableRow, TaskTable } from "../kinds/tasks/table";
import { DateParts } from "../timeframe/timeframe";
import { parseDay } from "./deadlines";
import { readStatus, StatusReading } from "./statuses";

export type ReportField = "id" | "section" | "status" | "result" | "completionDate" | "percent" | "reporter";

const REPORT_FIELDS: readonly ReportField[] = ["id", "section", "status", "result", "completionDate", "percent", "reporter"];

/** Header wordings per report field, folded; a header matches when it starts with one (longest first). */
const REPORT_HEADERS: ReadonlyArray<[ReportField, string]> = (
  [
    ["id", ["ma nhiem vu", "ma nv", "ma so nhiem vu", "ma so", "ma", "task id"]],
    ["section", ["muc", "thuoc muc", "section"]],
    [
      "status",
      [
        "tinh trang thuc hien",
        "tinh trang",
        "trang thai",
        "tien do thuc hien",
        "tien do",
        "tinh hinh thuc hien",
        "muc do hoan thanh",
        "danh gia muc do hoan thanh",
        "danh gia",
        "status",
      ],
    ],
    ["result", ["ket qua thuc hien", "ket qua trien khai", "noi dung ket qua", "ket qua dat duoc", "ket qua", "result"]],
    [
      "completionDate",
      ["ngay hoan thanh", "thoi gian hoan thanh thuc te", "thoi gian hoan thanh", "ngay thuc hien", "completion date", "completed on"],
    ],
    ["percent", ["ty le hoan thanh", "ti le hoan thanh", "ty le", "ti le", "% hoan thanh", "phan tram", "percent"]],
    ["reporter", ["don vi bao cao", "co quan bao cao", "reported by"]],
  ] as Array<[ReportField, string[]]>
)
  .flatMap(([field, variants]) => variants.map((v): [ReportField, string] => [field, v]))
  .sort((a, b) => b[1].length - a[1].length);

/** Extra headers that look like a report field but belong to the plan ("Kết quả dự kiến" is the expected product). */
const PLAN_WORDS = /\b(?:du kien|dau ra|san pham)\b/;

function reportFieldOf(header: string): ReportField | null {
  const key = headerKey(foldKey(header));
  if (PLAN_WORDS.test(key)) return null;
  for (const [field, variant] of REPORT_HEADERS) {
    if (key === variant) return field;
    if (key.startsWith(variant) && /[\s/(,.-]/.test(key.charAt(variant.length))) return field;
  }
  return null;
}

export interface ReportColumns {
  /** Index into `table.extras` for each report field found. */
  byField: Partial<Record<ReportField, number>>;
}

/** The report fields among a table's (or a header's) extra columns. */
export function reportColumns(table: { extras: readonly ExtraColumn[] }): ReportColumns {
  const byField: Partial<Record<ReportField, number>> = {};
  table.extras.forEach((e, i) => {
    const f = reportFieldOf(e.header);
    if (f && byField[f] === undefined) byField[f] = i;
  });
  return { byField };
}

/** A table is a progress report when it has somewhere to say how the work stands. */
export function isReportTable(columns: ReportColumns): boolean {
  const f = columns.byField;
  return f.status !== undefined || f.completionDate !== undefined || f.percent !== undefined;
}

export interface ReportRow {
  row: TableRow;
  id: string;
  section: string;
  statusText: string;
  status: StatusReading;
  result: string;
  completionDate: DateParts | null;
  /** The completion date cell as written, when it could not be read as a day. */
  completionDateText: string;
  percent: number | null;
  percentText: string;
  reporter: string;
  /** Cell addresses of the report fields, for issues. */
  cells: Partial<Record<ReportField, string>>;
}

/** Excel day serials in the years a plan can name (1982–2118), for date cells stored as numbers. */
function serialDay(text: string): DateParts | null {
  if (!/^\d{5}(?:\.\d+)?$/.test(text)) return null;
  const serial = Math.floor(Number(text));
  if (serial < 30000 || serial > 80000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function readDayCell(text: string): DateParts | null {
  const t = text.trim();
  if (t === "") return null;
  return parseDay(t) ?? serialDay(t) ?? parseDay(t.replace(/^(?:ngay|ngày)\s+/i, ""));
}

function readPercentCell(text: string): number | null {
  const t = text.trim().replace(",", ".").replace(/%$/, "").trim();
  if (t === "" || !/^\d+(?:\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  // A cell formatted as a percentage holds the fraction (0.8 for 80%).
  const value = n <= 1 && text.indexOf("%") < 0 && /\./.test(t) ? n * 100 : n;
  return value >= 0 && value <= 100 ? Math.round(value * 10) / 10 : null;
}

export function reportRows(table: TaskTable, columns: ReportColumns): ReportRow[] {
  const at = (field: ReportField) => columns.byField[field];
  const text = (row: TableRow, field: ReportField) => {
    const i = at(field);
    return i === undefined ? "" : (row.extras[i] ?? "").trim();
  };
  const out: ReportRow[] = [];
  for (const row of table.rows) {
    if (row.kind !== "task") continue;
    const statusText = text(row, "status");
    const dateText = text(row, "completionDate");
    const percentText = text(row, "percent");
    const status = readStatus(statusText);
    const completionDate = readDayCell(dateText) ?? status.date ?? null;
    const cells: Partial<Record<ReportField, string>> = {};
    for (const f of REPORT_FIELDS) {
      const i = at(f);
      if (i !== undefined) cells[f] = cellAddress(row.row, table.extras[i].col);
    }
    out.push({
      row,
      id: text(row, "id"),
      section: text(row, "section"),
      statusText,
      status,
      result: text(row, "result"),
      completionDate,
      completionDateText: completionDate ? "" : dateText,
      percent: readPercentCell(percentText) ?? status.percent ?? null,
      percentText,
      reporter: text(row, "reporter"),
      cells,
    });
  }
  return out;
}
