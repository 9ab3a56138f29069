/**
 * How a table joins several agencies in one coordinating cell, so the agency picker (issue 16) writes a cell that
 * looks like its neighbours: "; " between names, or one name per line (with the list mark the table uses). Commas
 * are never chosen, because they also stand inside names ("Sở Văn hóa, Thể thao và Du lịch").
 */
import type { AgencyDirectory } from "./directory";
import { splitAgencies } from "./split";

export interface AgencyJoin {
  separator: "; " | "\n";
  /** What starts each line when names go one per line ("- ", "+ ", "• " or nothing). */
  bullet: string;
}

export const DEFAULT_AGENCY_JOIN: AgencyJoin = Object.freeze({ separator: "; ", bullet: "" }) as AgencyJoin;

const BULLET = /^([-–+•*])\s*/u;

/**
 * The join the table's own cells use most: cells that hold two or more agencies vote for line breaks when their
 * agencies stand on separate lines, for "; " when a semicolon separates them. A tie, or no such cell, gives "; ".
 */
export function detectAgencyJoin(cells: readonly string[], directory: AgencyDirectory): AgencyJoin {
  let lines = 0;
  let semicolons = 0;
  const bullets = new Map<string, number>();
  for (const cell of cells) {
    const text = cell.trim();
    if (text === "" || (text.indexOf("\n") < 0 && text.indexOf(";") < 0)) continue;
    const rows = text.split(/\r?\n/).filter((l) => l.trim() !== "");
    if (rows.length > 1 && rows.filter((l) => splitAgencies(l, directory).length > 0).length > 1) {
      lines++;
      const mark = BULLET.exec(rows[0].trim())?.[1] ?? "";
      if (rows.every((l) => (BULLET.exec(l.trim())?.[1] ?? "") === mark)) bullets.set(mark, (bullets.get(mark) ?? 0) + 1);
    } else if (text.split(";").filter((p) => splitAgencies(p, directory).length > 0).length > 1) {
      semicolons++;
    }
  }
  if (lines <= semicolons) return DEFAULT_AGENCY_JOIN;
  let bullet = "";
  let most = 0;
  for (const [mark, n] of bullets) {
    if (n > most) {
      most = n;
      bullet = mark === "" ? "" : `${mark} `;
    }
  }
  return { separator: "\n", bullet };
}

/** The chosen names as one cell's text, joined the table's way. */
export function joinAgencyNames(names: readonly string[], join: AgencyJoin = DEFAULT_AGENCY_JOIN): string {
  if (join.separator === "; ") return names.join("; ");
  return names.map((n) => `${join.bullet}${n}`).join("\n");
}
