/**
 * The columns of an appendix task table and the header wordings seen for each (SPEC 2.1).
 * Variants are folded keys (see text.foldKey); a header cell matches a variant when it starts with it.
 */
import { FieldVariants } from "../../sheet/header-match";

export type TaskField = "stt" | "content" | "lead" | "coordinating" | "timeframe";
export const TASK_FIELDS: readonly TaskField[] = ["stt", "content", "lead", "coordinating", "timeframe"];

export const TASK_HEADER_VARIANTS: FieldVariants<TaskField>[] = [
  {
    field: "stt",
    // Work plans number their rows with a code column: "Mã WBS" (1.1, 1.2 …), "Mã nhiệm vụ" (NV1, NV2 …).
    // English Gantt and tracker templates: "WBS NUMBER", "Task No.".
    variants: [
      "stt",
      "tt",
      "so tt",
      "so thu tu",
      "no",
      "#",
      "ma wbs",
      "ma nhiem vu",
      "ma cong viec",
      "ma so",
      "wbs number",
      "wbs",
      "task no",
    ],
  },
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
      // Task registers: "Mô tả Nhiệm vụ" beside a code column "Mã Nhiệm vụ (NV)".
      "mo ta nhiem vu",
      "mo ta cong viec",
      "noi dung chi tiet",
      "chi tiet",
      // Programmes of legal documents (chương trình xây dựng văn bản): the row is the document to draft.
      "ten goi van ban",
      "ten van ban",
      "nhom nhiem vu uu tien",
      "task",
      "tasks",
      "task title",
      "task name",
      "activity",
      "activities",
      "content",
      "indicator",
      "indicators",
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
      // "Phân công nhiệm vụ": one cell holding "Chủ trì: …" then "Phối hợp: …" (see agencies/roles.ts).
      "phan cong nhiem vu",
      "phan cong thuc hien",
      "lead agency",
      "lead agencies",
      "lead",
      "responsible agency",
      "task owner",
      "owner",
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
      "moc hoan thanh",
      "moc tien do",
      "han hoan thanh",
      "ngay du kien",
      "thoi gian du kien",
      "thoi han trinh",
      "thoi gian trinh",
      // Registers with a start and an end date: the planned end date is the deadline ("Ngày Bắt Đầu" is not read).
      // Not "Ngày hoàn thành": in a tracking sheet that is the date the work was reported done.
      "ngay ket thuc",
      "timeline",
      "timeframe",
      "time frame",
      "deadline",
      "completion date",
      "due date",
      "end date",
      "finish date",
    ],
  },
];
