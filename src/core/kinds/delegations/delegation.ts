/**
 * Each delegation of a table as the checks and tallies see it: its direction, planned/supplementary status (and
 * where that was read from), member count, countries and time, read from its row and the sections above it.
 */
import { DelegationStatus, Direction, plannedMark, statusFromText } from "./fields";
import { DelegationRow, DelegationTable } from "./table";
import { foldKey } from "../../sheet/text";
import { parseTimeframe, Timeframe } from "../../timeframe/timeframe";

/** A member count as written: "8", "05 người", "10 - 15"; a range counts its upper bound in the tallies. */
export interface MemberCount {
  kind: "count" | "range" | "empty" | "invalid";
  /** The number used in the tallies, or null. */
  value: number | null;
}

/** Where a delegation's planned/supplementary status was read from. */
export type StatusBasis = "mark" | "note" | "section" | "unmarked" | "default";

export interface Delegation {
  row: DelegationRow;
  direction: Direction;
  status: DelegationStatus;
  statusBasis: StatusBasis;
  members: MemberCount;
  /** Countries or organisations, one delegation may visit several. */
  countries: string[];
  timeframe: Timeframe;
}

const MEMBER_UNIT = /^(?:khoang|du kien|toi da|tu|gom|so luong)?\s*(\d{1,4})\s*(?:nguoi|thanh vien|dong chi|d\/c|can bo|nguoi\/doan)?\.?$/;
const MEMBER_RANGE = /^(?:khoang|du kien|tu)?\s*(\d{1,4})\s*(?:-|–|den|toi)\s*(\d{1,4})\s*(?:nguoi|thanh vien|dong chi)?\.?$/;

export function parseMemberCount(text: string): MemberCount {
  if (text === "") return { kind: "empty", value: null };
  const key = foldKey(text);
  const one = MEMBER_UNIT.exec(key);
  if (one) {
    const n = Number(one[1]);
    return n > 0 ? { kind: "count", value: n } : { kind: "invalid", value: null };
  }
  const range = MEMBER_RANGE.exec(key);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (lo > 0 && hi >= lo) return { kind: "range", value: hi };
  }
  return { kind: "invalid", value: null };
}

function splitCountries(text: string): string[] {
  return text
    .split(/[;\n,]/)
    .map((t) => t.trim().replace(/[.]+$/, ""))
    .filter((t) => t !== "" && !/^[-–—]+$/.test(t));
}

/** The innermost section that says something, walking out. */
function sectionSays<T>(table: DelegationTable, index: number, read: (s: DelegationTable["sections"][number]) => T | null): T | null {
  for (let s = index; s >= 0; s = table.sections[s].parent) {
    const v = read(table.sections[s]);
    if (v !== null) return v;
  }
  return null;
}

/**
 * Each delegation's direction, status, members, countries and time. The "Đoàn trong kế hoạch" mark decides first,
 * then the notes ("Đề nghị bổ sung"), then the section heading; a blank mark in a column where other rows are
 * marked means not in the plan; a table that says nothing at all lists its plan's delegations.
 */
export function analyseDelegations(table: DelegationTable): Delegation[] {
  const rows = table.rows.filter((r) => r.kind === "task");
  const marksUsed = table.header.columns.planned !== undefined && rows.some((r) => plannedMark(r.fields.planned) === "planned");
  const timeCache = new Map<string, Timeframe>();
  return rows.map((row) => {
    let status: DelegationStatus;
    let statusBasis: StatusBasis;
    const mark = plannedMark(row.fields.planned);
    const note = statusFromText(row.fields.note);
    const section = sectionSays(table, row.section, (s) => s.status);
    if (mark) [status, statusBasis] = [mark, "mark"];
    else if (note) [status, statusBasis] = [note, "note"];
    else if (section) [status, statusBasis] = [section, "section"];
    else if (marksUsed) [status, statusBasis] = ["supplementary", "unmarked"];
    else [status, statusBasis] = ["planned", "default"];
    let timeframe = timeCache.get(row.fields.time);
    if (!timeframe) {
      timeframe = parseTimeframe(row.fields.time);
      timeCache.set(row.fields.time, timeframe);
    }
    return {
      row,
      direction: sectionSays(table, row.section, (s) => s.direction) ?? table.direction,
      status,
      statusBasis,
      members: parseMemberCount(row.fields.members),
      countries: splitCountries(row.fields.country),
      timeframe,
    };
  });
}
