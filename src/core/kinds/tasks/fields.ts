/**
 * The columns of an appendix task table and the header wordings seen for each (SPEC 2.1).
 * Variants are folded keys (see text.foldKey); a header cell matches a variant when it starts with it.
 */
import { FieldVariants } from "../../sheet/header-match";

export type TaskField = "stt" | "content" | "lead" | "coordinating" | "timeframe";
export const TASK_FIELDS: readonly TaskField[] = ["stt", "content", "lead", "coordinating", "timeframe"];

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
