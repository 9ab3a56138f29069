/**
 * The pieces the hostile corpus is made of: a small, clean appendix table (two sections, four tasks, no issue) and
 * an ExcelJS workbook builder that can hide, filter, merge and format what the corpus needs.
 */
import ExcelJS from "exceljs";

export type Value = ExcelJS.CellValue;

export const TITLE: Value[][] = [["PHỤ LỤC"], ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh)"]];

export const HEADER: Value[] = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];

/** Two sections of two tasks each; every agency is in the default directory, every timeframe parses. */
export const BODY: Value[][] = [
  ["I", "Hợp tác quốc tế"],
  [1, "Tổ chức hội nghị xúc tiến đầu tư với đối tác Hàn Quốc", "Sở Ngoại vụ", "Sở Tài chính; Sở Công Thương", "Quý IV/2025"],
  [2, "Xây dựng kế hoạch đón đoàn doanh nghiệp Nhật Bản", "Sở Tài chính", "Sở Ngoại vụ", "Tháng 6/2025"],
  ["II", "Thông tin đối ngoại"],
  [1, "Biên soạn tài liệu giới thiệu tiềm năng của tỉnh", "Sở Văn hóa, Thể thao và Du lịch", "Các sở, ban, ngành liên quan", "Năm 2025"],
  [2, "Tập huấn công tác thông tin đối ngoại cho cán bộ cấp huyện", "Sở Ngoại vụ", "Công an tỉnh", "Thường xuyên"],
];

/** Title, header (row 3) and body (rows 4–9). */
export const APPENDIX: Value[][] = [...TITLE, HEADER, ...BODY];

export interface SheetSpec {
  name: string;
  rows?: Value[][];
  /** Sheet row of rows[0] (default 1). */
  firstRow?: number;
  merges?: string[];
  hiddenRows?: number[];
  /** 1-based column numbers. */
  hiddenColumns?: number[];
  autoFilter?: string;
  state?: "visible" | "hidden" | "veryHidden";
  /** Number formats by cell address. */
  formats?: Record<string, string>;
  /** An Excel table (ListObject) over the rows, from `ref`. */
  table?: { name: string; ref: string; totalsRow?: boolean };
}

/** A workbook of the given sheets, as ExcelJS writes it. */
export async function workbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? "visible" });
    if (s.table) {
      const [head, ...data] = s.rows ?? [];
      ws.addTable({
        name: s.table.name,
        ref: s.table.ref,
        headerRow: true,
        totalsRow: s.table.totalsRow ?? false,
        columns: head.map((h, i) => ({
          name: String(h),
          totalsRowLabel: i === 0 ? "Tổng" : undefined,
          totalsRowFunction: i === 0 ? "none" : i === 1 ? "count" : "none",
        })),
        rows: data.map((r) => head.map((_, i) => r[i] ?? null)),
      });
    } else {
      const first = s.firstRow ?? 1;
      (s.rows ?? []).forEach((r, i) => {
        const row = ws.getRow(first + i);
        r.forEach((v, j) => {
          if (v !== null && v !== undefined && v !== "") row.getCell(j + 1).value = v;
        });
      });
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
    for (const [address, format] of Object.entries(s.formats ?? {})) ws.getCell(address).numFmt = format;
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The clean appendix on one sheet. */
export const appendixSheet = (name = "Phụ lục", extra: Partial<SheetSpec> = {}): SheetSpec => ({ name, rows: APPENDIX, ...extra });
