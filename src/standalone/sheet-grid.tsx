/**
 * The checker page's stand-in for "select the cell in Excel": a read-only grid of the checked sheet, scrolled to the
 * row of the issue clicked, with that cell marked. Large sheets show a window of rows around it.
 */
import { useEffect, useRef } from "react";
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetter, gridWidth } from "../core/sheet/grid";
import type { Cell, Grid } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import { pageStrings } from "./page-strings";

const WINDOW_ROWS = 200;
const MAX_COLUMNS = 20;

const useStyles = makeStyles({
  wrap: {
    maxHeight: "420px",
    overflow: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  head: { position: "sticky", top: 0, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    maxWidth: "18rem",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    verticalAlign: "top",
  },
  rowHead: { backgroundColor: tokens.colorNeutralBackground3, textAlign: "right", color: tokens.colorNeutralForeground3 },
  chosenRow: { backgroundColor: tokens.colorBrandBackground2 },
  chosenCell: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
});

function shown(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.error) return cell.error;
  return cell.value === null ? "" : String(cell.value);
}

export interface SheetGridProps {
  grid: Grid;
  lang: Lang;
  /** The cell to show ("A43"), or null. */
  cell: { row: number; col: number; address: string } | null;
}

export function SheetGrid({ grid, lang, cell }: SheetGridProps) {
  const styles = useStyles();
  const p = pageStrings(lang);
  const chosen = useRef<HTMLTableRowElement | null>(null);
  const total = grid.cells.length;
  const width = Math.min(gridWidth(grid), MAX_COLUMNS);
  const focusIndex = cell ? cell.row - grid.originRow : 0;
  const first = Math.max(0, Math.min(focusIndex - WINDOW_ROWS / 2, total - WINDOW_ROWS));
  const last = Math.min(total, first + WINDOW_ROWS);

  useEffect(() => {
    chosen.current?.scrollIntoView?.({ block: "center" });
  }, [cell?.address, grid]);

  const rows = [];
  for (let i = first; i < last; i++) {
    const sheetRow = grid.originRow + i;
    const isChosen = cell !== null && sheetRow === cell.row;
    rows.push(
      <tr
        key={sheetRow}
        ref={isChosen ? chosen : undefined}
        className={isChosen ? styles.chosenRow : undefined}
        data-row={sheetRow}
        data-chosen={isChosen || undefined}
      >
        <th className={`${styles.cell} ${styles.rowHead}`}>{sheetRow}</th>
        {Array.from({ length: width }, (_, j) => {
          const col = grid.originCol + j;
          const address = cellAddress(sheetRow, col);
          const mark = isChosen && cell!.col === col;
          return (
            <td
              key={j}
              className={mark ? `${styles.cell} ${styles.chosenCell}` : styles.cell}
              data-address={address}
              data-chosen={mark || undefined}
            >
              {shown(grid.cells[i]?.[j])}
            </td>
          );
        })}
      </tr>,
    );
  }
  return (
    <section data-testid="sheet-grid" data-sheet={grid.sheetName} data-chosen-cell={cell?.address ?? ""}>
      <Subtitle2>{p.gridHeading(grid.sheetName)}</Subtitle2>
      {total > WINDOW_ROWS && <Caption1>{p.gridTruncated(last - first, total)}</Caption1>}
      <div className={styles.wrap}>
        <table className={styles.table}>
          <thead>
            <tr className={styles.head}>
              <th className={styles.cell} />
              {Array.from({ length: width }, (_, j) => (
                <th key={j} className={styles.cell}>
                  {columnLetter(grid.originCol + j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      </div>
    </section>
  );
}
