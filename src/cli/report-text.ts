/**
 * What the commands print when they have done their work (stdout), in both languages: one text per language for
 * each line, with its counts and their plurals, so no command words its own summary inline.
 */
import type { Lang } from "../core/issues/catalogue";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const REPORT_TEXT = {
  vi: {
    written: (file: string) => `Đã ghi: ${file}`,
    // check's terminal text
    heading: (h: string) => `Mục ${h}`,
    wholeTable: "Toàn bảng",
    line: (n: number | string) => `dòng ${n}`,
    column: (c: string) => `cột ${c}`,
    asParagraphs: "nhiệm vụ viết thành đoạn văn",
    monitoring: "Cơ quan theo dõi, hướng dẫn",
    workbook: "Cả tệp",
    stated: (n: number) => `ghi ${n}`,
    docNumber: (n: string) => `Số ${n}`,
    planPeriod: (years: string) => `kỳ kế hoạch ${years}`,
    noTitle: "(không thấy tiêu đề văn bản)",
    statedInText: "Văn bản ghi (tổng/trong kế hoạch/bổ sung)",
    revisions: "Văn bản còn thay đổi chưa chấp nhận (Track Changes); đã đọc như khi chấp nhận tất cả",
    // consolidate
    files: (n: number) => `${n} tệp`,
    merged: (n: number, tables: number) => `${n} đã hợp nhất (${tables} bảng)`,
    delegationsOnly: (n: number) => `${n} chỉ có bảng đoàn ra/vào`,
    noTable: (n: number) => `${n} không có bảng nhiệm vụ`,
    unreadable: (n: number) => `${n} không đọc được`,
    rowsBalance: (rowsIn: number, rowsOut: number) => `Dòng vào ${rowsIn} = dòng ra ${rowsOut}`,
    rowsMismatch: (rowsIn: number, rowsOut: number) => `CẢNH BÁO: dòng vào ${rowsIn} ≠ dòng ra ${rowsOut}`,
    repeats: (duplicates: number, conflicts: number) => `Trùng lặp: ${duplicates} nhiệm vụ; mâu thuẫn: ${conflicts} nhiệm vụ`,
    allReceived: (n: number) => `Đã nhận đủ ${n} cơ quan`,
    notReceived: (missing: number, expected: number, names: string) => `Chưa gửi (${missing}/${expected}): ${names}`,
    // extract, split
    extracted: (output: string, tasks: number, sections: number, from: string) =>
      `Đã ghi ${output}: ${tasks} nhiệm vụ trong ${sections} mục, từ ${from}`,
    splitFile: (file: string, tasks: number) => `${file}: ${tasks} nhiệm vụ`,
    splitWritten: (files: number, dir: string, tasks: number) => `Đã ghi ${files} tệp vào ${dir} (${tasks} nhiệm vụ):`,
    // deadlines, track, diff
    asOf: (day: string) => `Tính đến hết ngày ${day}`,
    reportedOn: (day: string, reported: number, tasks: number) => `Tính đến hết ngày ${day}: ${reported}/${tasks} nhiệm vụ có báo cáo`,
    matching: (matched: number, uncertain: number, unmatched: number) =>
      `Đã khớp ${matched}, cần xác nhận ${uncertain}, không khớp ${unmatched}`,
    behind: "Cần đôn đốc:",
    agencyBehind: (agency: string, overdue: number, notReported: number, tasks: number) =>
      `${agency}: quá hạn ${overdue}, chưa báo cáo ${notReported}/${tasks}`,
    diffCounts: (carried: number, changed: number, added: number, dropped: number) =>
      `${carried} giữ nguyên, ${changed} thay đổi, ${added} mới, ${dropped} bỏ`,
  },
  en: {
    written: (file: string) => `Written: ${file}`,
    heading: (h: string) => `Heading ${h}`,
    wholeTable: "Table",
    line: (n: number | string) => `line ${n}`,
    column: (c: string) => `column ${c}`,
    asParagraphs: "tasks written as paragraphs",
    monitoring: "Monitoring bodies",
    workbook: "Workbook",
    stated: (n: number) => `stated ${n}`,
    docNumber: (n: string) => `No. ${n}`,
    planPeriod: (years: string) => `plan period ${years}`,
    noTitle: "(no document title found)",
    statedInText: "Stated in the text (total/planned/supplementary)",
    revisions: "The document has unaccepted tracked changes; read as if all were accepted",
    files: (n: number) => plural(n, "file", "files"),
    merged: (n: number, tables: number) => `${n} merged (${plural(tables, "table", "tables")})`,
    delegationsOnly: (n: number) => `${n} with delegation tables only`,
    noTable: (n: number) => `${n} without a task table`,
    unreadable: (n: number) => `${n} unreadable`,
    rowsBalance: (rowsIn: number, rowsOut: number) => `Rows in ${rowsIn} = rows out ${rowsOut}`,
    rowsMismatch: (rowsIn: number, rowsOut: number) => `WARNING: rows in ${rowsIn} ≠ rows out ${rowsOut}`,
    repeats: (duplicates: number, conflicts: number) =>
      `Duplicates: ${plural(duplicates, "task", "tasks")}; conflicts: ${plural(conflicts, "task", "tasks")}`,
    allReceived: (n: number) => (n === 1 ? "The expected agency replied" : `All ${n} expected agencies replied`),
    notReceived: (missing: number, expected: number, names: string) => `Not received (${missing}/${expected}): ${names}`,
    extracted: (output: string, tasks: number, sections: number, from: string) =>
      `Written ${output}: ${plural(tasks, "task", "tasks")} in ${plural(sections, "section", "sections")}, from ${from}`,
    splitFile: (file: string, tasks: number) => `${file}: ${plural(tasks, "task", "tasks")}`,
    splitWritten: (files: number, dir: string, tasks: number) =>
      `Written ${plural(files, "file", "files")} to ${dir} (${plural(tasks, "task", "tasks")}):`,
    asOf: (day: string) => `As of the end of ${day}`,
    reportedOn: (day: string, reported: number, tasks: number) =>
      `As of the end of ${day}: ${reported}/${plural(tasks, "task", "tasks")} reported on`,
    matching: (matched: number, uncertain: number, unmatched: number) =>
      `Matched ${matched}, to confirm ${uncertain}, no match ${unmatched}`,
    behind: "Behind:",
    agencyBehind: (agency: string, overdue: number, notReported: number, tasks: number) =>
      `${agency}: overdue ${overdue}, not reported ${notReported}/${tasks}`,
    diffCounts: (carried: number, changed: number, added: number, dropped: number) =>
      `${carried} carried over, ${changed} changed, ${added} new, ${dropped} dropped`,
  },
} satisfies Record<Lang, Record<string, string | ((...a: never[]) => string)>>;
