/**
 * Reading a task's status the way officers write it in a report ("Tình trạng", "Kết quả thực hiện", "Tiến độ"):
 * the words of the Government Office's task tracking ("Đã hoàn thành đúng hạn", "Đang thực hiện quá hạn"), of the
 * provincial systems ("Chưa thực hiện sắp quá hạn", "Tạm hoãn"), and free text ("Đã tổ chức Hội nghị ngày 20/11/2022",
 * "Hoàn thành 80%"). Like timeframes, it is read on the folded key (no case, no diacritics). A text that names no
 * state of the work — "Trong hạn", "Tới hạn", "Chờ xác nhận" — is "unreadable": flagged, never guessed.
 */
import { DateParts } from "../timeframe/timeframe";
import { foldKey } from "../sheet/text";
import { parseDay } from "./deadlines";

export type TaskStatus =
  | "completed-on-time"
  | "completed-late"
  /** Completed, timing not said: on time or late is decided from the completion date and the deadline. */
  | "completed"
  | "in-progress"
  | "not-started"
  /** Not completed and past its deadline, as the report says. */
  | "overdue"
  /** Will not be done: "Không thực hiện", "Từ chối thực hiện", "Hủy". */
  | "not-done"
  | "suspended"
  /** The agency asks to change the task or its deadline: "Đề nghị điều chỉnh", "Đề nghị gia hạn". */
  | "adjustment"
  | "unreadable"
  | "empty";

export const TASK_STATUSES: readonly TaskStatus[] = [
  "completed-on-time",
  "completed-late",
  "completed",
  "in-progress",
  "not-started",
  "overdue",
  "not-done",
  "suspended",
  "adjustment",
  "unreadable",
  "empty",
];

export interface StatusReading {
  status: TaskStatus;
  /** A percentage written in the text ("đạt 80%"). */
  percent?: number;
  /** A day written in the text ("hoàn thành ngày 15/11/2022"). */
  date?: DateParts;
}

export function isCompleted(s: TaskStatus): boolean {
  return s === "completed" || s === "completed-on-time" || s === "completed-late";
}

/** The wordings offered in the drop-down list of a split workbook, one per status an officer reports. */
export const STATUS_CHOICES: Readonly<Record<"vi" | "en", readonly string[]>> = {
  vi: [
    "Hoàn thành đúng hạn",
    "Hoàn thành quá hạn",
    "Đang thực hiện",
    "Chưa thực hiện",
    "Quá hạn",
    "Không thực hiện",
    "Tạm dừng",
    "Đề nghị điều chỉnh",
  ],
  en: ["Completed on time", "Completed late", "In progress", "Not started", "Overdue", "Not done", "Suspended", "Adjustment requested"],
};

export const STATUS_LABELS: Readonly<Record<TaskStatus, Record<"vi" | "en", string>>> = {
  "completed-on-time": { vi: "Hoàn thành đúng hạn", en: "Completed on time" },
  "completed-late": { vi: "Hoàn thành quá hạn", en: "Completed late" },
  completed: { vi: "Đã hoàn thành", en: "Completed" },
  "in-progress": { vi: "Đang thực hiện", en: "In progress" },
  "not-started": { vi: "Chưa thực hiện", en: "Not started" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
  "not-done": { vi: "Không thực hiện", en: "Not done" },
  suspended: { vi: "Tạm dừng", en: "Suspended" },
  adjustment: { vi: "Đề nghị điều chỉnh", en: "Adjustment requested" },
  unreadable: { vi: "Không đọc được", en: "Unreadable" },
  empty: { vi: "Chưa báo cáo", en: "Not reported" },
};

// Each rule reads the folded text; the first that matches wins, so the negated and qualified forms come first.
const LATE = /\b(?:qua han|tre han|tre hen|cham(?! nhat)|sau thoi han|vuot thoi han)\b/;
const ON_TIME = /\b(?:dung han|trong han|truoc han|truoc thoi han|dung tien do|dung thoi han|dung ke hoach|kip thoi|dam bao thoi gian)\b/;

const NOT_DONE =
  /^(?:khong (?:thuc hien|trien khai|to chuc|tham gia|co nhu cau)|tu choi|huy\b|da huy|bi huy|dung thuc hien|dung trien khai|bai bo)/;
const SUSPENDED = /^(?:tam dung|tam hoan|tam ngung|hoan (?:thuc hien|to chuc)|chua the thuc hien)/;
const ADJUSTMENT =
  /^(?:(?:de nghi|de xuat|kien nghi|xin)\s+(?:dieu chinh|gia han|lui|thay doi|dua ra khoi|rut|bo|khong thuc hien|chuyen)|dieu chinh (?:thoi gian|tien do|noi dung)|gia han\b|da gia han)/;
const NOT_STARTED =
  /^(?:chua (?:thuc hien|trien khai|to chuc|bat dau|phan cong|tien hanh|co|ban hanh|xay dung|thuc hien duoc)|(?:da )?phan cong\b|da nhan viec|da giao\b|cho (?:thuc hien|trien khai|phan cong))/;
const NOT_FINISHED = /^(?:chua hoan thanh|chua xong|chua dat|khong hoan thanh|khong dat)/;
const IN_PROGRESS =
  /^(?:(?:hien )?dang (?:\w+ )?(?:thuc hien|trien khai|xay dung|hoan thien|to chuc|thi cong|du thao|soan thao|lay y kien|trinh|tham muu|tiep tuc|chuan bi|hoan chinh|phoi hop|xu ly|giai quyet|rasoat|ra soat)|tiep tuc (?:thuc hien|trien khai|thuc hien|duy tri)|thuc hien lai|duy tri thuc hien|thuc hien thuong xuyen|thuong xuyen thuc hien|vuot tien do|co nguy co (?:tre|cham|qua)|sap (?:qua han|het han)|con han|dat \d|hoan thanh \d{1,2}(?:[.,]\d+)?\s*%|da thuc hien \d{1,2}(?:[.,]\d+)?\s*%|dang)/;
const OVERDUE = /^(?:qua han|tre han|cham tien do|cham\b|da qua han|bi qua han|qua thoi han)/;
const COMPLETED =
  /^(?:(?:da |nhiem vu da |cong viec da )?hoan thanh|da xong|xong\b|hoan tat|da hoan tat|da thuc hien(?! \d)|da thuc hien xong|da trien khai xong|da to chuc\b|da ban hanh|da ky ket|da phe duyet|da nghiem thu|da tiep nhan|da tham muu|da trinh|da cu|da tham gia|da dang tai|da xuat ban|da tong ket|da gui|dat\b|100\s*%|nghiem thu dat)/;

const PERCENT = /(\d{1,3}(?:[.,]\d+)?)\s*%/;
const DAY = /(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})/;

/** Words that only say where the deadline is ("Trong hạn", "Tới hạn", "Không hạn"): not a state of the work. */
const DEADLINE_ONLY = /^(?:trong han|toi han|den han|sap toi han|khong han|khong co han|co han)$/;

function readPercent(key: string): number | undefined {
  const m = PERCENT.exec(key);
  if (!m) return undefined;
  const n = Number(m[1].replace(",", "."));
  return n >= 0 && n <= 100 ? n : undefined;
}

function strip(key: string): string {
  // Leading numbering and bullets ("- Đã hoàn thành", "1. Đang thực hiện") and "Tình trạng:" labels say nothing.
  return key
    .replace(/^[\s\-–—+•*.:)]+/, "")
    .replace(/^(?:tinh trang|trang thai|ket qua(?: thuc hien)?|tien do(?: thuc hien)?)\s*:\s*/, "")
    .replace(/^(?:nhiem vu|cong viec|noi dung nay)\s+/, "")
    .trim();
}

/** Late words, leaving out those that only warn ("sắp quá hạn", "có nguy cơ trễ hạn"). */
function saysLate(key: string): boolean {
  return LATE.test(key.replace(/\b(?:sap (?:qua|het|toi) han|co nguy co (?:tre|cham|qua)(?: han)?)\b/g, ""));
}

// Prose that names its subject first ("Sở Văn hóa … chưa tổ chức vận động viện trợ"): the state starts at the
// first of these words, when what stands before it is short enough to be a subject.
const STATE_WORD = /\b(?:da|dang|chua|khong|tam|de nghi|hoan thanh|tiep tuc)\s/g;
const MAX_SUBJECT_WORDS = 14;

/** Reads one status text. Never throws; blank is "empty", what names no state of the work "unreadable". */
export function readStatus(text: string): StatusReading {
  const key = strip(foldKey(text).replace(/[\u2010-\u2015]/g, "-"));
  if (key === "") return { status: "empty" };
  const direct = readKey(key);
  if (direct.status !== "unreadable") return direct;
  STATE_WORD.lastIndex = 0;
  for (let m = STATE_WORD.exec(key); m !== null; m = STATE_WORD.exec(key)) {
    if (m.index === 0) continue;
    if (key.slice(0, m.index).trim().split(" ").length > MAX_SUBJECT_WORDS) break;
    const later = readKey(key.slice(m.index));
    if (later.status !== "unreadable") return later;
  }
  return direct;
}

function readKey(key: string): StatusReading {
  const out = (status: TaskStatus): StatusReading => {
    const r: StatusReading = { status };
    const percent = readPercent(key);
    if (percent !== undefined) r.percent = percent;
    const day = DAY.exec(key);
    const date = day ? parseDay(day[1]) : null;
    if (date) r.date = date;
    return r;
  };
  if (DEADLINE_ONLY.test(key)) return { status: "unreadable" };
  if (NOT_DONE.test(key)) return out("not-done");
  if (SUSPENDED.test(key)) return out("suspended");
  if (ADJUSTMENT.test(key)) return out("adjustment");
  if (NOT_STARTED.test(key)) return out(saysLate(key) ? "overdue" : "not-started");
  if (NOT_FINISHED.test(key)) return out(saysLate(key) ? "overdue" : "in-progress");
  if (OVERDUE.test(key)) return out("overdue");
  const percent = readPercent(key);
  if (percent === 100 && !/^(?:dang|chua)/.test(key)) return out("completed");
  if (IN_PROGRESS.test(key)) return out(saysLate(key) ? "overdue" : "in-progress");
  if (COMPLETED.test(key)) {
    if (saysLate(key)) return out("completed-late");
    if (ON_TIME.test(key)) return out("completed-on-time");
    return out("completed");
  }
  return { status: "unreadable" };
}
