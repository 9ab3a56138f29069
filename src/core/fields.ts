/**
 * The columns of an appendix task table and the header wordings seen for each (SPEC 2.1).
 * Variants are folded keys (see text.foldKey); a header cell matches a variant when it starts with it.
 */

export type TaskField = "stt" | "content" | "lead" | "coordinating" | "timeframe";
export const TASK_FIELDS: readonly TaskField[] = ["stt", "content", "lead", "coordinating", "timeframe"];

/** Extra columns that are kept and carried through (products, results, funding, notes). */
/** `monitoring`: the body that follows and guides the task ("Cơ quan theo dõi, hướng dẫn"), tallied apart. */
export type ExtraRole = "product" | "result" | "funding" | "note" | "monitoring" | "other";

export interface FieldVariants<F extends string> {
  field: F;
  variants: string[];
}

export const TASK_HEADER_VARIANTS: FieldVariants<TaskField>[] = [
  { field: "stt", variants: ["stt", "tt", "so tt", "so thu tu"] },
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
    ],
  },
  {
    field: "coordinating",
    variants: ["co quan phoi hop", "don vi phoi hop", "phoi hop", "co quan tham gia", "don vi tham gia", "co quan, don vi phoi hop"],
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
    ],
  },
];

export const EXTRA_HEADER_VARIANTS: FieldVariants<ExtraRole>[] = [
  { field: "product", variants: ["san pham"] },
  { field: "result", variants: ["ket qua"] },
  { field: "funding", variants: ["nguon kinh phi", "kinh phi"] },
  { field: "note", variants: ["ghi chu"] },
  { field: "monitoring", variants: ["co quan theo doi", "don vi theo doi", "co quan huong dan, theo doi", "don vi huong dan, theo doi"] },
];

/** A header cell's key: folded, punctuation that decorates headers dropped ("(*)", ":" and numbering). */
export function headerKey(folded: string): string {
  return folded
    .replace(/\(\*+\)/g, " ")
    .replace(/[:*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Index of variants sorted longest first, so "thoi gian du kien hoan thanh" wins over "thoi gian". */
export function compileVariants<F extends string>(list: FieldVariants<F>[]): Array<{ field: F; variant: string }> {
  const flat: Array<{ field: F; variant: string }> = [];
  for (const { field, variants } of list) for (const variant of variants) flat.push({ field, variant });
  return flat.sort((a, b) => b.variant.length - a.variant.length);
}

/** The field whose variant the header starts with (at a word boundary), or null. */
export function matchHeader<F extends string>(key: string, compiled: Array<{ field: F; variant: string }>): F | null {
  for (const { field, variant } of compiled) {
    if (key === variant) return field;
    if (key.startsWith(variant)) {
      const next = key.charAt(variant.length);
      if (next === " " || next === "/" || next === "," || next === "(" || next === "-" || next === ".") return field;
    }
  }
  return null;
}
