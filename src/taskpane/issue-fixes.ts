/**
 * One-click fixes: what the engine already knows how to put right, as a change of exactly one cell (or of the
 * directory). Each cell fix names the text the cell held when it was checked, so a cell edited since is left alone.
 */
import type { Cell, Grid } from "../core/sheet/grid";
import { parseAddress } from "../core/sheet/grid";
import type { Issue } from "../core/issues/catalogue";

export type IssueFix =
  /** Write `text` into `cell` (replacing an unknown agency, the parsed STT, the Unicode reading, a lead above). */
  | { kind: "write"; why: "agency" | "stt" | "legacy" | "lead"; cell: string; text: string; expected?: string; shows: string }
  /** Add the unknown agency to the workbook's directory. */
  | { kind: "add-agency"; name: string };

export function cellText(cell: Cell | undefined | null): string {
  if (!cell || cell.value === null) return "";
  return String(cell.value);
}

function gridCell(grid: Grid, row: number, col: number): Cell | undefined {
  return grid.cells[row - grid.originRow]?.[col - grid.originCol];
}

/** The grid with one cell's text replaced (the pane's copy of what it wrote, so the next check need not read again). */
export function withCellText(grid: Grid, address: string, text: string): Grid {
  const at = parseAddress(address);
  if (!at) return grid;
  const r = at.row - grid.originRow;
  const c = at.col - grid.originCol;
  if (r < 0 || c < 0) return grid;
  const cells = grid.cells.slice();
  while (cells.length <= r) cells.push([]);
  const row = cells[r].slice();
  while (row.length < c) row.push({ value: null });
  row[c] = { value: text };
  cells[r] = row;
  return { ...grid, cells };
}

function textAt(grid: Grid, address: string): string | null {
  const at = parseAddress(address);
  const cell = at ? gridCell(grid, at.row, at.col) : undefined;
  // Only plain values are rewritten: a formula, an error or a date is not text the pane should replace.
  if (cell && (cell.formula !== undefined || cell.error !== undefined || cell.isDate)) return null;
  return cellText(cell);
}

/** The fixes the pane offers for one issue of a check made from `grid`; `taskRows` are the table's task rows. */
export function fixesFor(issue: Issue, grid: Grid, issues: readonly Issue[], taskRows: ReadonlySet<number>): IssueFix[] {
  if (!issue.cell) return [];
  const held = textAt(grid, issue.cell);
  if (held === null) return issue.code === "missing-stt" ? sttTypedAsDate(issue, grid) : [];
  const write = (why: Extract<IssueFix, { kind: "write" }>["why"], text: string, shows = text): IssueFix[] =>
    text !== held ? [{ kind: "write", why, cell: issue.cell!, text, expected: held, shows }] : [];
  switch (issue.code) {
    case "unknown-agency": {
      const agency = String(issue.params.agency ?? "");
      const out: IssueFix[] = [];
      if (issue.suggestion && agency !== "" && held.includes(agency))
        out.push(...write("agency", held.replace(agency, issue.suggestion), issue.suggestion));
      if (/\p{L}/u.test(agency) && agency.length <= 200) out.push({ kind: "add-agency", name: agency.trim() });
      return out;
    }
    case "missing-stt":
      return issue.suggestion ? write("stt", issue.suggestion) : [];
    case "legacy-encoding":
      return issue.suggestion ? write("legacy", issue.suggestion) : [];
    case "missing-lead": {
      const lead = leadAbove(issue, grid, issues, taskRows);
      return lead ? write("lead", lead) : [];
    }
    default:
      return [];
  }
}

/**
 * A lead agency written once for several rows (a merged cell that was unmerged, or typed only on the first row):
 * the nearest lead above, when every row between also lacks its lead.
 */
function leadAbove(issue: Issue, grid: Grid, issues: readonly Issue[], taskRows: ReadonlySet<number>): string | null {
  const at = parseAddress(issue.cell!);
  if (!at) return null;
  const missing = new Set(issues.filter((i) => i.code === "missing-lead" && i.row !== null).map((i) => i.row!));
  for (let row = at.row - 1; row >= grid.originRow && row >= at.row - 20; row--) {
    if (!taskRows.has(row)) return null;
    const text = cellText(gridCell(grid, row, at.col)).trim();
    if (text !== "") return text;
    if (!missing.has(row)) return null;
  }
  return null;
}

/**
 * An STT Excel took for a date ("1/2" became 1 February): the parsed STT goes back in as text. Excel reads a date
 * cell as its serial number, not as the text the check saw, so this write cannot be guarded by what the cell held.
 */
function sttTypedAsDate(issue: Issue, grid: Grid): IssueFix[] {
  const at = parseAddress(issue.cell!);
  const cell = at ? gridCell(grid, at.row, at.col) : undefined;
  if (!cell?.isDate || typeof issue.params.typed !== "string" || issue.params.typed === "") return [];
  return [{ kind: "write", why: "stt", cell: issue.cell!, text: issue.params.typed, shows: issue.params.typed }];
}
