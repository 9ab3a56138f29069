/**
 * The labels that open a task's lines in a plan written as paragraphs ("- Đơn vị chủ trì: …"), and the role each
 * gives to the text after it. Wordings vary from plan to plan and within one plan; they are matched as folded keys
 * (no case, no diacritics), the whole label, so "Thời gian báo cáo:" or "Sở Tài chính:" is no field.
 */
import { foldKey } from "../../sheet/text";

/**
 * `monitoring`: the body that follows and guides the others' work ("Đơn vị theo dõi, hướng dẫn") — neither the lead
 * nor a coordinator, so kept and tallied as a role of its own.
 */
export type PlanRole = "content" | "lead" | "coordinating" | "monitoring" | "timeframe" | "product" | "funding" | "note";

const BODY = ["co quan", "don vi", "co quan, don vi", "don vi, co quan", "co quan/don vi", "don vi/co quan", "co quan, to chuc", "to chuc"];

function withBodies(verbs: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of verbs) {
    out.push(v);
    for (const b of BODY) out.push(`${b} ${v}`);
  }
  return out;
}

const LABELS: ReadonlyArray<{ role: PlanRole; keys: string[] }> = [
  {
    role: "content",
    keys: [
      "noi dung",
      "noi dung thuc hien",
      "noi dung cong viec",
      "noi dung nhiem vu",
      "noi dung chu yeu",
      "noi dung hoat dong",
      "nhiem vu cu the",
    ],
  },
  {
    role: "lead",
    keys: [
      ...withBodies([
        "chu tri",
        "thuc hien",
        "chu tri thuc hien",
        "chu tri, thuc hien",
        "thuc hien chinh",
        "tham muu",
        "chu tri tham muu",
        "chiu trach nhiem",
      ]),
      "trach nhiem thuc hien",
      "phan cong thuc hien",
    ],
  },
  {
    role: "coordinating",
    keys: withBodies(["phoi hop", "phoi hop thuc hien", "phoi hop, huong dan", "tham gia", "phoi hop, ho tro", "ho tro"]),
  },
  {
    role: "monitoring",
    keys: withBodies([
      "theo doi",
      "theo doi, huong dan",
      "huong dan, theo doi",
      "theo doi, don doc",
      "don doc, theo doi",
      "theo doi, huong dan, don doc",
      "huong dan, kiem tra",
      "kiem tra, giam sat",
      "giam sat",
      "theo doi, tong hop",
      "tong hop, theo doi",
    ]),
  },
  {
    role: "timeframe",
    keys: [
      "thoi gian",
      "thoi gian thuc hien",
      "thoi gian hoan thanh",
      "thoi gian trien khai",
      "thoi gian du kien",
      "thoi gian du kien hoan thanh",
      "thoi han",
      "thoi han hoan thanh",
      "thoi han thuc hien",
      "tien do",
      "tien do thuc hien",
      "tien do hoan thanh",
      "moc thoi gian",
    ],
  },
  {
    role: "product",
    keys: ["san pham", "san pham dau ra", "san pham du kien", "ket qua", "ket qua du kien", "ket qua dau ra", "hinh thuc san pham"],
  },
  { role: "funding", keys: ["kinh phi", "kinh phi thuc hien", "nguon kinh phi", "du kien kinh phi"] },
  { role: "note", keys: ["ghi chu"] },
];

const BY_KEY = new Map<string, PlanRole>();
for (const { role, keys } of LABELS) for (const k of keys) BY_KEY.set(k, role);

/** The longest label is a few words: anything longer before the colon is a sentence, not a label. */
const MAX_LABEL = 48;
const LABELLED = /^([-–—+•*●◦▪]\s*)?([^:：]{2,60})[:：]\s*(.*)$/su;

export interface LabelledLine {
  role: PlanRole;
  /** The label as written ("Đơn vị phối hợp, hướng dẫn"). */
  label: string;
  /** The text after the colon. */
  value: string;
  /** The bullet in front of the label, if any ("-", "+"). */
  bullet: string;
}

/** The role a label names, or null: "Cơ quan chủ trì" → lead, "Thời hạn" → timeframe. */
export function labelRole(label: string): PlanRole | null {
  const key = foldKey(label)
    .replace(/\s*\((?:neu co|du kien)\)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
  return BY_KEY.get(key) ?? null;
}

/** The paragraph as a labelled line, or null when it is not one. */
export function labelledLine(text: string): LabelledLine | null {
  const m = LABELLED.exec(text);
  if (!m) return null;
  const label = m[2].trim();
  if (label.length > MAX_LABEL) return null;
  const role = labelRole(label);
  if (!role) return null;
  return { role, label, value: m[3].trim(), bullet: (m[1] ?? "").trim() };
}
