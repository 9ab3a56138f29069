/**
 * Keeping the result honest: while a result is shown, a change of the checked sheet is either re-checked at once
 * ("Kiểm tra khi gõ" on: live-check.ts says which changes and how) or marks the result out of date ("Bảng đã thay
 * đổi — Kiểm tra lại"). Where Excel has Worksheet.onChanged (ExcelApi 1.7) the pane listens to it; elsewhere it
 * reads the sheet again when the pane gets the focus back and compares. The pane's own writes (a fix, a conversion)
 * are noted first, so they are not taken for the user's edits; where Excel says who made a change (triggerSource,
 * ExcelApi 1.14) a change the add-in made is not one either.
 */
import { useEffect, useMemo, useRef } from "react";
import type { Dispatch } from "react";
import { parseAddress } from "../core/sheet/grid";
import type { PaneAction, PaneState } from "./session";
import { areaOf, highlightWindow, recheckChange, shiftsCells, touchedArea, watchedArea } from "./live-check";
import { liveRecheckInExcel, readGridInExcel, watchSheetInExcel } from "./workbook-actions";
import type { GridCheckOptions, SheetChange } from "./workbook-actions";

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

/**
 * `checkOptions` gives the options of a check as they are when a change arrives (settings, directory, stated totals).
 */
export function useSheetWatch(state: PaneState, dispatch: Dispatch<PaneAction>, checkOptions: () => GridCheckOptions): OwnWrites {
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
  const stateRef = useRef(state);
  stateRef.current = state;
  const optionsRef = useRef(checkOptions);
  optionsRef.current = checkOptions;

  useEffect(() => {
    if (sheet === null) return;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    let removeFocus: (() => void) | null = null;
    const changed = () => {
      if (live) dispatch({ type: "sheet-changed", sheet });
    };
    /** Re-checks a change of the table's cells; a change elsewhere on the sheet costs nothing. */
    const recheck = async (change: SheetChange) => {
      const now = stateRef.current.session;
      if (now.phase !== "checked" || now.stale !== null || shiftsCells(change.changeType)) return changed();
      const area = areaOf(change.address);
      const watched = watchedArea(now.check, now.grid);
      if (!area || !watched) return changed();
      const hit = touchedArea(area, watched);
      if (!hit) return;
      const id = now.id;
      const done = await liveRecheckInExcel({
        sheetName: sheet,
        area: hit,
        window: highlightWindow(hit, watched),
        date1904: now.grid.date1904 === true,
        recheck: (cells) => {
          // The result as it is once the cells are back: a new check or an out-of-date notice since wins.
          const s = stateRef.current.session;
          if (!live || s.phase !== "checked" || s.id !== id || s.stale !== null) return null;
          const again = recheckChange(s.check, s.grid, hit, cells, optionsRef.current());
          dispatch({ type: "live-rechecked", id, grid: again.grid, check: again.check });
          return again.check.issues;
        },
      });
      if (live && done.highlighted !== null) dispatch({ type: "highlighted", on: done.highlighted > 0 });
    };
    // Changes are re-checked one after the other, each on the result the one before left.
    let queue: Promise<void> = Promise.resolve();
    const onChange = (change: SheetChange) => {
      const mine = own.current.get(sheet);
      const cells = cellsOf(change.address);
      if (mine && cells && (cells.every((c) => mine.has(c)) || spansOwnBatch(cells, mine))) {
        for (const c of cells) mine.delete(c);
        return;
      }
      if (change.byThisAddin) return;
      if (!stateRef.current.checkInputs.liveCheck) return changed();
      queue = queue.then(() => recheck(change)).catch(() => changed());
    };
    watchSheetInExcel(sheet, onChange)
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
