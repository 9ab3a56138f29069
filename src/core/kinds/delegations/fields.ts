/**
 * The columns of a delegation table (đoàn ra / đoàn vào, SPEC 2.2) and the words that tell a delegation's
 * direction and whether it is in the plan. Header variants are folded keys (see text.foldKey), matched as
 * prefixes at a word boundary like the task headers.
 */
import { compileVariants, FieldVariants } from "../../sheet/header-match";
import { foldKey } from "../../sheet/text";

export type DelegationField =
  | "stt"
  | "name" // Tên đoàn ra / vào
  | "leader" // Trưởng đoàn
  | "members" // Số thành viên đoàn
  | "country" // Nước đến, Quốc gia/Tổ chức
  | "purpose" // Mục đích chuyến đi
  | "time" // Thời gian thực hiện
  | "days" // Thời gian (ngày): a duration, not a date
  | "funding" // Kinh phí
  | "report" // Báo cáo
  | "planned" // Đoàn trong kế hoạch: "x" when the delegation is in the plan
  | "note"; // Ghi chú

export const DELEGATION_FIELDS: readonly DelegationField[] = [
  "stt",
  "name",
  "leader",
  "members",
  "country",
  "purpose",
  "time",
  "days",
  "funding",
  "report",
  "planned",
  "note",
];

/** Columns a delegation form should have: their absence is said once, as a table-level warning. */
export const EXPECTED_DELEGATION_FIELDS: readonly DelegationField[] = ["stt", "leader", "members", "country", "time"];

const DELEGATION_HEADER_VARIANTS: FieldVariants<DelegationField>[] = [
  { field: "stt", variants: ["stt", "tt", "so tt", "so thu tu"] },
  { field: "name", variants: ["ten doan", "ten doan cong tac", "doan cong tac", "doan ra", "doan vao"] },
  { field: "leader", variants: ["truong doan", "nguoi dan doan", "lanh dao dan doan", "truong doan, pho doan"] },
  {
    field: "members",
    variants: ["so thanh vien", "so thanh vien doan", "so nguoi", "so nguoi tham gia", "so luong thanh vien", "so luong nguoi", "so luong"],
  },
  { field: "country", variants: ["nuoc den", "nuoc", "quoc gia", "to chuc", "dia diem", "noi den", "doi tac", "quoc gia, to chuc"] },
  { field: "purpose", variants: ["muc dich", "noi dung", "muc dich, noi dung"] },
  { field: "time", variants: ["thoi gian", "thoi diem", "thoi gian thuc hien", "thoi gian du kien"] },
  { field: "days", variants: ["thoi gian (ngay)", "thoi gian (so ngay)", "so ngay"] },
  { field: "funding", variants: ["kinh phi", "nguon kinh phi", "du toan kinh phi"] },
  { field: "report", variants: ["bao cao"] },
  { field: "planned", variants: ["doan trong ke hoach", "trong ke hoach", "thuoc ke hoach", "da co trong ke hoach"] },
  { field: "note", variants: ["ghi chu"] },
];

export const DELEGATION_VARIANTS = compileVariants(DELEGATION_HEADER_VARIANTS);

/** Outbound: đoàn ra (officials travelling abroad); inbound: đoàn vào (foreign delegations received). */
export type Direction = "outbound" | "inbound";
export const DIRECTIONS: readonly Direction[] = ["outbound", "inbound"];

/** planned: trong kế hoạch; supplementary: đề nghị bổ sung / phát sinh. */
export type DelegationStatus = "planned" | "supplementary";

/** The figures a plan states per direction. */
export type Figure = "total" | "planned" | "supplementary";
export const FIGURES: readonly Figure[] = ["total", "planned", "supplementary"];

const OUTBOUND = /\bdoan ra\b|\bra nuoc ngoai\b/;
const INBOUND = /\bdoan vao\b|\bnuoc ngoai vao\b|\bdon (?:cac )?doan\b/;

/** The direction a title, sheet name or header names; null when it names neither or both ("đoàn ra, đoàn vào"). */
export function directionFromText(text: string): Direction | null {
  const key = foldKey(text);
  const out = OUTBOUND.test(key);
  const inb = INBOUND.test(key);
  if (out === inb) return null;
  return out ? "outbound" : "inbound";
}

// Checked in this order: "ngoài kế hoạch" and "chưa có trong kế hoạch" contain "trong kế hoạch".
const SUPPLEMENTARY = /\bbo sung\b|\bphat sinh\b|\bngoai ke hoach\b|\bchua (?:co )?trong ke hoach\b|\bkhong (?:co )?trong ke hoach\b/;
const PLANNED = /\btrong ke hoach\b|\bthuoc ke hoach\b/;

/** "… TRONG KẾ HOẠCH" → planned, "… ĐỀ NGHỊ BỔ SUNG" / "PHÁT SINH" → supplementary, else null. */
export function statusFromText(text: string): DelegationStatus | null {
  if (text === "") return null;
  const key = foldKey(text);
  if (SUPPLEMENTARY.test(key)) return "supplementary";
  if (PLANNED.test(key)) return "planned";
  return null;
}

const MARKS = new Set(["x", "v", "co", "yes", "1", "✓", "✔", "☑", "+", "*"]);
const NO_MARKS = new Set(["khong", "no", "0", "-"]);

/**
 * What the "Đoàn trong kế hoạch" cell says: a mark ("x") → planned, "không" or words of supplement →
 * supplementary, blank → null. Other text written there is taken as a mark.
 */
export function plannedMark(text: string): DelegationStatus | null {
  if (text === "") return null;
  const key = foldKey(text).replace(/[.\s]+$/, "");
  if (MARKS.has(key)) return "planned";
  if (NO_MARKS.has(key)) return "supplementary";
  return statusFromText(text) ?? "planned";
}
