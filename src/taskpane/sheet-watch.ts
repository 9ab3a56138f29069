/**
 * Keeping the result honest: while a result is shown, a change of the checked sheet marks it out of date ("Bảng đã
 * thay đổi — Kiểm tra lại"). Where Excel has Worksheet.onChanged (ExcelApi 1.7) the pane listens to it; elsewhere it
 * reads the sheet again when the pane gets the focus back and compares. The pane's own writes (a fix, a conversion)
 * are noted first, so they are not taken for the user's edits.
 */
import { useEffect, useMemo, useRef } from "react";
import type { Dispatch } from "react";
import { parseAddress } from "../core/sheet/grid";
import type { PaneAction, PaneState } from "./session";
import { readGridInExcel, watchSheetInExcel } from "./workbook-actions";

export interface OwnWrites {
  note(sheet: string, address: string): void;
  clear(): void;
}

/** The cells of an event's address ("B3" or "B3:C5"), or null when it is too large to list. */
function cellsOf(address: string): string[] | null {
  const [a, b = a] = address.replace(/\$/g, "").split("!").pop()!.split(":");
  const from = parseAddress(a);
  const to = parseAddress(b);
  if (!from || !to) return null;
  if ((to.row - from.row + 1) * (to.col - from.col + 1) > 1000) return null;
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push(`${r}:${c}`);
  return out;
}

/**
 * A batch of the pane's writes (a normalisation, an undo) answered in one round trip is reported as the rectangle
 * around it: the event is the pane's when the cells it noted inside span that rectangle exactly.
 */
function spansOwnBatch(cells: string[], mine: ReadonlySet<string>): boolean {
  const own = cells.filter((c) => mine.has(c)).map((c) => c.split(":").map(Number));
  if (own.length < 2) return false;
  const [first, last] = [cells[0].split(":").map(Number), cells[cells.length - 1].split(":").map(Number)];
  const rows = own.map((c) => c[0]);
  const cols = own.map((c) => c[1]);
  return Math.min(...rows) === first[0] && Math.max(...rows) === last[0] && Math.min(...cols) === first[1] && Math.max(...cols) === last[1];
}

const keyOf = (address: string) => {
  const at = parseAddress(address);
  return at ? `${at.row}:${at.col}` : address;
};

export function useSheetWatch(state: PaneState, dispatch: Dispatch<PaneAction>): OwnWrites {
  const own = useRef(new Map<string, Set<string>>());
  const ownWrites = useMemo<OwnWrites>(
    () => ({
      note: (sheet, address) => {
        const set = own.current.get(sheet) ?? new Set<string>();
        set.add(keyOf(address));
        own.current.set(sheet, set);
      },
      clear: () => own.current.clear(),
    }),
    [],
  );

  const session = state.session;
  const sheet = session.phase === "checked" ? session.check.sheetName : null;
  const checkId = session.phase === "checked" ? session.id : null;
  const gridRef = useRef(session.phase === "checked" ? session.grid : null);
  gridRef.current = session.phase === "checked" ? session.grid : null;
  const scopeRef = useRef(state.scope);
  scopeRef.current = state.scope;

  useEffect(() => {
    if (sheet === null) return;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    let removeFocus: (() => void) | null = null;
    const changed = () => {
      if (live) dispatch({ type: "sheet-changed", sheet });
    };
    const onChange = (address: string) => {
      const mine = own.current.get(sheet);
      const cells = cellsOf(address);
      if (mine && cells && (cells.every((c) => mine.has(c)) || spansOwnBatch(cells, mine))) {
        for (const c of cells) mine.delete(c);
        return;
      }
      changed();
    };
    watchSheetInExcel(sheet, (change) => onChange(change.address))
      .then((watch) => {
        if (watch) {
          if (live) stop = () => watch.stop();
          else void watch.stop().catch(() => undefined);
          return;
        }
        // No onChanged in this Excel: compare the sheet with the checked grid whenever the pane gets the focus back.
        const onFocus = () => {
          const grid = gridRef.current;
          if (!grid || typeof window === "undefined") return;
          const scope = scopeRef.current;
          // A selection moves as the user works: only a sheet or a named table can be read again as it was.
          if (scope.kind === "selection") return;
          const readScope = scope.kind === "table" ? { kind: "table" as const, name: scope.name } : { kind: scope.kind };
          readGridInExcel(readScope)
            .then((now) => {
              if (gridRef.current === grid && JSON.stringify(now.cells) !== JSON.stringify(grid.cells)) changed();
            })
            .catch(() => undefined);
        };
        if (typeof window !== "undefined" && live) {
          window.addEventListener("focus", onFocus);
          removeFocus = () => window.removeEventListener("focus", onFocus);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
      removeFocus?.();
      void stop?.().catch(() => undefined);
    };
  }, [sheet, checkId, dispatch]);

  return ownWrites;
}
