/**
 * The columns of an appendix task table and the header wordings seen for each (SPEC 2.1).
 * Variants are folded keys (see text.foldKey); a header cell matches a variant when it starts with it.
 */

export type TaskField = "stt" | "content" | "lead" | "coordinating" | "timeframe";
export const TASK_FIELDS: readonly TaskField[] = ["stt", "content", "lead", "coordinating", "timeframe"];

/** Extra columns that are kept and carried through (products, results, funding, notes, the person to contact). */
export type ExtraRole = "product" | "result" | "funding" | "note" | "contact" | "other";

export interface FieldVariants<F extends string> {
  field: F;
  variants: string[];
}

export const TASK_HEADER_VARIANTS: FieldVariants<TaskField>[] = [
  { field: "stt", variants: ["stt", "tt", "so tt", "so thu tu", "no", "#"] },
  {
    field: "content",
    variants: [
      "noi dung nhiem vu",
      "noi dung thuc hien",
      "noi dung cong viec",
      "noi dung",
      "nhiem vu",
      "ten nhiem vu",
      "ten du an",
      "ten de an",
      "chi tieu",
      "cong viec",
      "hoat dong",
      "ten nhom nhiem vu",
      "noi dung chi tiet",
      "chi tiet",
      // Programmes of legal documents (chương trình xây dựng văn bản): the row is the document to draft.
      "ten goi van ban",
      "ten van ban",
      "task",
      "tasks",
      "activity",
      "activities",
    ],
  },
  {
    field: "lead",
    variants: [
      "co quan chu tri",
      "don vi chu tri",
      "don vi thuc hien",
      "co quan thuc hien",
      "chu tri",
      "co quan, don vi chu tri",
      "don vi, co quan chu tri",
      "don vi dau moi",
      "co quan dau moi",
      "co quan soan thao",
      "don vi soan thao",
      "lead agency",
      "lead agencies",
      "lead",
      "responsible agency",
    ],
  },
  {
    field: "coordinating",
    variants: [
      "co quan phoi hop",
      "don vi phoi hop",
      "phoi hop",
      "co quan tham gia",
      "don vi tham gia",
      "co quan, don vi phoi hop",
      "coordinating agencies",
      "coordinating agency",
      "supporting agencies",
      "coordination",
    ],
  },
  {
    field: "timeframe",
    variants: [
      "thoi gian thuc hien",
      "thoi gian hoan thanh",
      "thoi gian du kien hoan thanh",
      "thoi gian",
      "tien do",
      "thoi han",
      "moc thoi gian",
      "ngay du kien",
      "thoi gian du kien",
      "thoi han trinh",
      "thoi gian trinh",
      "timeline",
      "timeframe",
      "time frame",
      "deadline",
      "completion date",
    ],
  },
];

export const EXTRA_HEADER_VARIANTS: FieldVariants<ExtraRole>[] = [
  { field: "product", variants: ["san pham", "output", "outputs", "expected output"] },
  { field: "result", variants: ["ket qua", "chi tieu dat duoc"] },
  {
    field: "contact",
    variants: [
      "nguoi xu ly",
      "nguoi phu trach",
      "chuyen vien phu trach",
      "nguoi lien he",
      "dau moi lien he",
      "so dien thoai",
      "dien thoai",
      "email",
    ],
  },
  { field: "funding", variants: ["nguon kinh phi", "kinh phi"] },
  { field: "note", variants: ["ghi chu"] },
];

/**
 * A header cell's key: folded, with what decorates headers dropped — "(*)", "*", a trailing colon, footnote marks
 * ("[1]", "(2)" or superscript digits at the end) — so one mark does not lose the whole column.
 */
export function headerKey(folded: string): string {
  return folded
    .replace(FOOTNOTE_MARKS, " ")
    .replace(/\(\*+\)/g, " ")
    .replace(/[:*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const FOOTNOTE_MARKS = /\[\d{1,2}\]|\(\d{1,2}\)\s*$|[\u00b9\u00b2\u00b3\u2070-\u2079]+/g;

/** Index of variants sorted longest first, so "thoi gian du kien hoan thanh" wins over "thoi gian". */
export function compileVariants<F extends string>(list: FieldVariants<F>[]): Array<{ field: F; variant: string }> {
  const flat: Array<{ field: F; variant: string }> = [];
  for (const { field, variants } of list) for (const variant of variants) flat.push({ field, variant });
  return flat.sort((a, b) => b.variant.length - a.variant.length);
}

/** The field whose variant the header starts with (at a word boundary), or null. */
export function matchHeader<F extends string>(key: string, compiled: Array<{ field: F; variant: string }>): F | null {
  return matchVariant(key, compiled)?.field ?? null;
}

/** The longest variant the header starts with (at a word boundary), with its field. */
export function matchVariant<F extends string>(
  key: string,
  compiled: Array<{ field: F; variant: string }>,
): { field: F; variant: string } | null {
  for (const v of compiled) {
    const { variant } = v;
    if (key === variant) return v;
    if (key.startsWith(variant)) {
      const next = key.charAt(variant.length);
      if (next === " " || next === "/" || next === "," || next === "(" || next === "-" || next === ".") return v;
    }
  }
  return null;
}
