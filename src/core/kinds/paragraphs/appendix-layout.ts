/**
 * The appendix table a plan written as paragraphs should carry, laid out as officers lay it out: title lines, the
 * header, one row per section (merged across the row) and per task. The same layout is what the paragraph check
 * reads and what `extract` and the pane write, so a written appendix checks to the same figures as its plan.
 */
import { Grid, MergeArea } from "../../sheet/grid";
import { ParagraphPlan, TaskRole } from "./read-plan";

export type AppendixColumn = "stt" | "content" | TaskRole;

/** Header wordings as Vietnamese appendices write them; the table reader knows every one. */
const HEADERS: Record<AppendixColumn, string> = {
  stt: "STT",
  content: "Nội dung nhiệm vụ",
  lead: "Cơ quan chủ trì",
  coordinating: "Cơ quan phối hợp",
  monitoring: "Cơ quan theo dõi, hướng dẫn",
  timeframe: "Thời gian thực hiện",
  product: "Sản phẩm",
  funding: "Kinh phí",
  note: "Ghi chú",
};

const WIDTHS: Record<AppendixColumn, number> = {
  stt: 7,
  content: 60,
  lead: 28,
  coordinating: 34,
  monitoring: 28,
  timeframe: 18,
  product: 24,
  funding: 18,
  note: 18,
};

/** Optional columns appear only when some task fills them. */
const OPTIONAL: readonly TaskRole[] = ["monitoring", "product", "funding", "note"];

export type AppendixRowSource = { kind: "task"; index: number } | { kind: "section"; index: number };

export interface AppendixLayout {
  columns: AppendixColumn[];
  /** Every row from row 1, as text, padded to the width. */
  rows: string[][];
  /** 1-based rows of the title lines, the header, and the first data row. */
  titleRows: number[];
  headerRow: number;
  /** Merged areas: title lines and section rows across the table. */
  merges: MergeArea[];
  /** 1-based sheet row → the plan's task or section it holds. */
  sources: Map<number, AppendixRowSource>;
  widths: number[];
  /** Rows that hold a section heading (bold, filled). */
  sectionRows: number[];
}

/**
 * "Kế hoạch công tác …" from the plan's title block ("KẾ HOẠCH" / "Công tác …", joined with what follows until the
 * preamble's first sentence), for the "(Kèm theo …)" line; "" when the text names no plan.
 */
const PLAN_NAME =
  /(?:^|\s)KẾ HOẠCH\s+(?:SỐ\s*\S+\s+)?(.+?)(?=\s+(?:Thực hiện|Căn cứ|Theo|Xét|Nhằm|Để|Triển khai|Ủy ban|UBND|Chủ tịch)\s|\n|$)/u;

export function planName(plan: ParagraphPlan): string {
  const m = PLAN_NAME.exec(plan.title);
  const rest = (m?.[1] ?? "").trim();
  if (rest === "") return "";
  const sentence = rest === rest.toUpperCase() ? rest : `${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
  return `Kế hoạch ${sentence}`.slice(0, 300);
}

export function appendixLayout(plan: ParagraphPlan): AppendixLayout {
  const used = new Set<TaskRole>();
  for (const t of plan.tasks) for (const r of OPTIONAL) if (t.fields[r] !== "") used.add(r);
  const columns: AppendixColumn[] = [
    "stt",
    "content",
    "lead",
    "coordinating",
    ...(used.has("monitoring") ? ["monitoring" as const] : []),
    "timeframe",
  ];
  for (const r of ["product", "funding", "note"] as const) if (used.has(r)) columns.push(r);
  const width = columns.length;
  const pad = (cells: string[]) => [...cells, ...new Array<string>(Math.max(0, width - cells.length)).fill("")];

  const rows: string[][] = [];
  const merges: MergeArea[] = [];
  const titleRows: number[] = [];
  const addTitle = (text: string) => {
    rows.push(pad([text]));
    titleRows.push(rows.length);
    merges.push({ top: rows.length, left: 1, bottom: rows.length, right: width });
  };
  addTitle("PHỤ LỤC");
  addTitle("DANH MỤC NHIỆM VỤ");
  const name = planName(plan);
  if (name) addTitle(`(Kèm theo ${name})`);
  rows.push(pad([]));
  rows.push(columns.map((c) => HEADERS[c]));
  const headerRow = rows.length;

  const sources = new Map<number, AppendixRowSource>();
  const sectionRows: number[] = [];
  // Sections come before the tasks they hold, in the order of the plan.
  const events: Array<{ at: number; src: AppendixRowSource }> = [
    ...plan.sections.map((s, index) => ({ at: s.at, src: { kind: "section", index } as const })),
    ...plan.tasks.map((t, index) => ({ at: t.lines[0], src: { kind: "task", index } as const })),
  ].sort((a, b) => a.at - b.at);
  for (const e of events) {
    if (e.src.kind === "section") {
      const s = plan.sections[e.src.index];
      rows.push(pad([s.number, s.title]));
      sectionRows.push(rows.length);
      if (width > 2) merges.push({ top: rows.length, left: 2, bottom: rows.length, right: width });
    } else {
      const t = plan.tasks[e.src.index];
      rows.push(columns.map((c) => (c === "stt" ? t.number : c === "content" ? t.content : tidy(t.fields[c]))));
    }
    sources.set(rows.length, e.src);
  }
  return { columns, rows, titleRows, headerRow, merges, sources, widths: columns.map((c) => WIDTHS[c]), sectionRows };
}

/** A field's text without the full stop that ends the plan's sentence ("Trong năm 2022." → "Trong năm 2022"). */
function tidy(text: string): string {
  return text.replace(/\s*[.;]+$/u, "").trim();
}

/** The layout as the grid the table reader reads. */
export function appendixGrid(layout: AppendixLayout, sheetName: string): Grid {
  return {
    sheetName,
    originRow: 1,
    originCol: 1,
    cells: layout.rows.map((r) => r.map((v) => ({ value: v === "" ? null : v }))),
    merges: layout.merges.map((m) => ({ ...m })),
  };
}
