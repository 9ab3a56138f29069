/**
 * The issue catalogue (SPEC 4): codes, default severities and the messages in both languages.
 */

export type Severity = "error" | "warning" | "info";
export type Lang = "vi" | "en";

export const ISSUE_CODES = [
  "no-table",
  "no-tasks",
  "missing-column",
  "missing-stt",
  "missing-content",
  "missing-lead",
  "missing-timeframe",
  "missing-coordinating",
  "duplicate-stt",
  "stt-sequence",
  "unparsed-timeframe",
  "timeframe-order",
  "timeframe-outside-plan",
  "unknown-agency",
  "lead-also-coordinating",
  "duplicate-agency",
  "duplicate-task",
  "error-value",
  "formula-cell",
  "legacy-encoding",
  "repeated-header",
  "blank-rows",
  "delegation-total-mismatch",
  "missing-delegation-field",
  "invalid-member-count",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** A1 address of the cell, or null for table-level issues. */
  cell: string | null;
  row: number | null;
  /** The field ("lead", "timeframe", …) or null. */
  field: string | null;
  /** The cell's text as read. */
  value: string;
  /** Values used by the message ({agency}, {expected} …). */
  params: Record<string, string | number>;
  /** A suggested fix, as text to put in the cell, when there is one. */
  suggestion?: string;
  /** For plans written as paragraphs: the numbered heading and the line under it (1 = the heading itself). */
  place?: { heading: string; line: number };
}

interface CatalogueEntry {
  severity: Severity;
  vi: string;
  en: string;
}

export const ISSUE_CATALOGUE: Record<IssueCode, CatalogueEntry> = {
  "no-table": {
    severity: "error",
    vi: "Không tìm thấy dòng tiêu đề của bảng nhiệm vụ (đã tìm: {looked}).{hint}",
    en: "No task table header row found (looked for: {looked}).{hint}",
  },
  "no-tasks": {
    severity: "error",
    vi: "Không tìm thấy nhiệm vụ nào trong văn bản (đã tìm các đề mục đánh số có các dòng “Đơn vị chủ trì:”, “Cơ quan phối hợp:”, “Thời gian thực hiện:” …; {found}).",
    en: "No tasks found in the text (looked for numbered headings followed by lines such as “Đơn vị chủ trì:”, “Cơ quan phối hợp:”, “Thời gian thực hiện:”; {found}).",
  },
  "missing-column": {
    severity: "warning",
    vi: "Bảng không có cột {fieldName}.",
    en: "The table has no {fieldName} column.",
  },
  "missing-stt": {
    severity: "error",
    vi: "Nhiệm vụ chưa có số thứ tự (STT).{detail}",
    en: "The task has no number (STT).{detail}",
  },
  "missing-content": { severity: "error", vi: "Nhiệm vụ chưa có nội dung.", en: "The task has no content." },
  "missing-lead": { severity: "error", vi: "Nhiệm vụ chưa có cơ quan chủ trì.", en: "The task has no lead agency." },
  "missing-timeframe": {
    severity: "error",
    vi: "Nhiệm vụ chưa có thời gian thực hiện.",
    en: "The task has no timeframe.",
  },
  "missing-coordinating": {
    severity: "warning",
    vi: "Nhiệm vụ chưa có cơ quan phối hợp.",
    en: "The task has no coordinating agencies.",
  },
  "duplicate-stt": {
    severity: "error",
    vi: "Số thứ tự {stt} bị trùng trong mục {section} (đã có ở dòng {otherRow}).",
    en: "Number {stt} is used twice in section {section} (also at row {otherRow}).",
  },
  "stt-sequence": {
    severity: "warning",
    vi: "Số thứ tự không liên tục: sau {prev} là {stt}.",
    en: "Numbering is out of sequence: {stt} follows {prev}.",
  },
  "unparsed-timeframe": {
    severity: "warning",
    vi: "Không hiểu được thời gian thực hiện “{value}”.",
    en: "The timeframe “{value}” could not be read.",
  },
  "timeframe-order": {
    severity: "error",
    vi: "Thời gian kết thúc ({end}) trước thời gian bắt đầu ({start}).",
    en: "The period ends ({end}) before it starts ({start}).",
  },
  "timeframe-outside-plan": {
    severity: "warning",
    vi: "Thời gian “{value}” kết thúc trước kỳ kế hoạch ({plan}).",
    en: "The timeframe “{value}” ends before the plan period ({plan}).",
  },
  "unknown-agency": {
    severity: "warning",
    vi: "Cơ quan “{agency}” không có trong danh mục.{suggest}",
    en: "The agency “{agency}” is not in the directory.{suggest}",
  },
  "lead-also-coordinating": {
    severity: "warning",
    vi: "“{agency}” vừa chủ trì vừa phối hợp cùng một nhiệm vụ.",
    en: "“{agency}” is both lead and coordinator of the same task.",
  },
  "duplicate-agency": {
    severity: "info",
    vi: "“{agency}” được ghi hai lần trong cùng một ô.",
    en: "“{agency}” is listed twice in one cell.",
  },
  "duplicate-task": {
    severity: "warning",
    vi: "Nội dung nhiệm vụ trùng với dòng {otherRow}.",
    en: "The task content repeats row {otherRow}.",
  },
  "error-value": {
    severity: "error",
    vi: "Ô chứa giá trị lỗi {value}.",
    en: "The cell holds the error value {value}.",
  },
  "formula-cell": {
    severity: "info",
    vi: "Ô chứa công thức; dùng giá trị hiển thị “{value}”.{unsaved}",
    en: "The cell holds a formula; its value “{value}” is used.{unsaved}",
  },
  "legacy-encoding": {
    severity: "warning",
    vi: "Văn bản có vẻ gõ bằng bảng mã cũ {encoding}; đọc theo Unicode: “{converted}”.",
    en: "The text looks typed in the legacy {encoding} encoding; Unicode reading: “{converted}”.",
  },
  "repeated-header": {
    severity: "info",
    vi: "Dòng tiêu đề được lặp lại ({count} lần, bỏ qua khi kiểm tra).",
    en: "The header row is repeated ({count} times; ignored).",
  },
  "blank-rows": {
    severity: "info",
    vi: "{count} dòng trống liên tiếp trong bảng.",
    en: "{count} blank rows in a row inside the table.",
  },
  "delegation-total-mismatch": {
    severity: "error",
    vi: "Số đoàn {direction} {figure}: đếm được {counted}, kế hoạch ghi {stated} (chênh {diff}).",
    en: "{direction} delegations, {figure}: {counted} counted, the plan states {stated} (off by {diff}).",
  },
  "missing-delegation-field": {
    severity: "error",
    vi: "Đoàn chưa có {fieldName}.",
    en: "The delegation has no {fieldName}.",
  },
  "invalid-member-count": {
    severity: "warning",
    vi: "Số thành viên “{value}” không phải là số dương.",
    en: "The member count “{value}” is not a positive number.",
  },
};

const FIELD_NAMES: Record<Lang, Record<string, string>> = {
  vi: {
    stt: "số thứ tự (STT)",
    content: "nội dung nhiệm vụ",
    lead: "cơ quan chủ trì",
    coordinating: "cơ quan phối hợp",
    timeframe: "thời gian thực hiện",
  },
  en: {
    stt: "number (STT)",
    content: "task content",
    lead: "lead agency",
    coordinating: "coordinating agencies",
    timeframe: "timeframe",
  },
};

export function fieldName(field: string, lang: Lang): string {
  return FIELD_NAMES[lang][field] ?? field;
}

/** The issue's message in the chosen language. */
export function issueMessage(issue: Pick<Issue, "code" | "params" | "value" | "field">, lang: Lang): string {
  const template = ISSUE_CATALOGUE[issue.code][lang];
  const params: Record<string, string | number> = {
    value: issue.value,
    fieldName: issue.field ? fieldName(issue.field, lang) : "",
    ...issue.params,
    ...derivedParams(issue.params, lang),
  };
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = params[key];
    return v === undefined ? "" : String(v);
  });
}

const DIRECTIONS: Record<Lang, Record<string, string>> = {
  vi: { outbound: "ra", inbound: "vào" },
  en: { outbound: "Outbound", inbound: "Inbound" },
};
const FIGURES: Record<Lang, Record<string, string>> = {
  vi: { total: "tổng số", planned: "trong kế hoạch", supplementary: "đề nghị bổ sung" },
  en: { total: "total", planned: "planned", supplementary: "supplementary" },
};

/** Message fragments that depend on the language: suggestions, details, hints. */
function derivedParams(p: Record<string, string | number>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  const vi = lang === "vi";
  out.suggest = p.suggestions ? (vi ? ` Gợi ý: ${p.suggestions}.` : ` Did you mean: ${p.suggestions}?`) : "";
  out.detail = p.notNumber ? (vi ? ` “${p.notNumber}” không phải là số thứ tự.` : ` “${p.notNumber}” is not a row number.`) : "";
  if (p.typed)
    out.detail = vi
      ? ` Ô chứa ngày ${p.notNumber}: có lẽ Excel đã đổi “${p.typed}” thành ngày; hãy gõ lại dạng văn bản ('${p.typed}).`
      : ` The cell holds the date ${p.notNumber}: Excel probably turned “${p.typed}” into a date; type it again as text ('${p.typed}).`;
  if (p.shifted)
    out.detail = vi
      ? " Các ô của dòng có vẻ bị lệch sang trái một cột (mất ô gộp?); đã đọc lại theo đúng cột."
      : " The row's cells seem shifted one column to the left (merged cells lost?); they were read back into their columns.";
  out.unsaved = p.unsaved
    ? vi
      ? " Tệp không lưu kết quả của công thức (tệp do phần mềm khác tạo?): hãy mở tệp trong Excel, lưu lại rồi kiểm tra lại."
      : " The file holds no result for it (written by another program?): open it in Excel, save it, and check again."
    : "";
  if (p.hint === "empty") out.hint = vi ? " Trang tính trống." : " The sheet is empty.";
  else if (p.hint === "legacy")
    out.hint = vi
      ? " Văn bản trên trang tính có vẻ gõ bằng bảng mã cũ (TCVN3/VNI): hãy chuyển sang Unicode rồi kiểm tra lại."
      : " The sheet's text looks typed in a legacy encoding (TCVN3/VNI): convert it to Unicode and check again.";
  else if (p.hint === "schedule")
    out.hint = vi
      ? " Trang tính có vẻ là lịch công tác, không phải phụ lục nhiệm vụ."
      : " The sheet looks like a work schedule, not a task appendix.";
  else out.hint = "";
  if (typeof p.headings === "number")
    out.found =
      p.paragraphs === 0
        ? vi
          ? "văn bản trống"
          : "the text is empty"
        : vi
          ? `văn bản có ${p.paragraphs} đoạn và ${p.headings} đề mục đánh số, không đề mục nào có các dòng đó`
          : `the text has ${p.paragraphs} paragraphs and ${p.headings} numbered headings, none with such lines`;
  if (typeof p.direction === "string") out.direction = DIRECTIONS[lang][p.direction] ?? p.direction;
  if (typeof p.figure === "string") out.figure = FIGURES[lang][p.figure] ?? p.figure;
  return out;
}

export function makeIssue(
  code: IssueCode,
  where: { cell?: string | null; row?: number | null; field?: string | null; value?: string },
  params: Record<string, string | number> = {},
  suggestion?: string,
): Issue {
  const issue: Issue = {
    code,
    severity: ISSUE_CATALOGUE[code].severity,
    cell: where.cell ?? null,
    row: where.row ?? null,
    field: where.field ?? null,
    value: where.value ?? "",
    params,
  };
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return issue;
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else if (i.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
