/**
 * The task pane's state and every way it changes, as one pure reducer: React only renders it and the commands
 * (pane-commands.ts) only dispatch to it, so each change of state is tested without React or Excel.
 *
 * The check session is a discriminated union: before the first check nothing about a result exists; after it the
 * result, the grid it was made from, whether it went out of date and which issue is selected travel together.
 */
import type { DirectoryData } from "../core/agencies/directory";
import type { Grid } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import type { Settings } from "../core/settings/settings";
import { DEFAULT_SETTINGS } from "../core/settings/settings";
import type { StatedTotals } from "../core/kinds/delegations/stated-totals";
import type { SheetCheck } from "../core/workbook";
import type { CheckInputs } from "../excel/stored-settings";
import type { StepKey } from "./progress";
import type { Strings } from "./strings";

export type PaneTab = "check" | "consolidate" | "settings";

export type Scope = { kind: "sheet" } | { kind: "selection" } | { kind: "table"; name: string };

/** Why a result no longer matches the workbook: settings changed, the pane changed cells, or someone edited the sheet. */
export type Stale = "settings" | "cells" | "sheet";

export interface Busy {
  step: StepKey;
  index: number;
  of: number;
  cancellable: boolean;
  cancelling: boolean;
  retry?: number;
}

/** A message in whatever language the pane shows when it is read; shown only on the tab it belongs to. */
export interface Notice {
  intent: "success" | "info" | "warning";
  text(s: Strings): string;
  tab: PaneTab;
  /** The undo the notice offers (a cell fix or a conversion), by its id in `undo`. */
  undoId?: number;
}

export interface Failure {
  text(lang: Lang): string;
  /** The tab it happened on; null for failures that concern the whole pane (settings that did not load). */
  tab: PaneTab | null;
}

/** Cells the pane wrote, with what they held before and what it wrote: undoable while they still hold it. */
export interface CellUndo {
  id: number;
  kind: "convert" | "fix";
  sheet: string;
  cells: Array<{ address: string; before: string | number | boolean; after: string }>;
}

export type CheckSession =
  | { phase: "unchecked" }
  | {
      phase: "checked";
      /** Changes with every new check (not with a one-click fix), so filters start afresh. */
      id: number;
      check: SheetCheck;
      /** The grid the check was made from: compared again on new stated totals, and the cells to fix. */
      grid: Grid;
      stale: Stale | null;
      /** Index in check.issues of the issue whose cell was last selected. */
      selected: number | null;
    };

export interface PaneState {
  /** The workbook's settings are loaded (checking before that would ignore them). */
  loaded: boolean;
  settings: Settings;
  /** The workbook's own directory, or null for the default one. */
  directory: DirectoryData | null;
  checkInputs: CheckInputs;
  tab: PaneTab;
  /** The consolidation view stays mounted once opened, so switching tabs loses no file read. */
  consolidateOpened: boolean;
  scope: Scope;
  session: CheckSession;
  busy: Busy | null;
  failure: Failure | null;
  notice: Notice | null;
  /** Cells the pane changed, newest last; kept across checks (the next check is what the pane asks for next). */
  undo: CellUndo[];
  /** The pane has coloured cells that "Bỏ tô màu" can clear. */
  highlighted: boolean;
  nextId: number;
}

export type PaneAction =
  | { type: "loaded"; settings: Settings; directory: DirectoryData | null; checkInputs: CheckInputs; highlighted: boolean }
  | { type: "load-failed"; failure: Failure }
  | { type: "tab"; tab: PaneTab }
  | { type: "scope"; scope: Scope }
  | { type: "work-started" }
  | { type: "step"; busy: Omit<Busy, "cancelling"> }
  | { type: "retrying"; attempt: number }
  | { type: "cancelling" }
  | { type: "work-ended" }
  | { type: "failed"; failure: Failure }
  | { type: "notice"; notice: Notice }
  | { type: "dismiss-notice" }
  | { type: "dismiss-failure" }
  | { type: "checked"; check: SheetCheck; grid: Grid }
  /** The same grid checked again (stated totals typed in): the result is current again for settings. */
  | { type: "rechecked"; check: SheetCheck }
  | { type: "stated"; stated: StatedTotals | null }
  | { type: "read-legacy"; on: boolean }
  | { type: "settings"; settings: Settings; directory: DirectoryData | null }
  | { type: "lang"; lang: Lang | undefined }
  | { type: "sheet-changed"; sheet: string }
  | { type: "select"; index: number | null }
  | { type: "highlighted"; on: boolean }
  /** Cells written by a conversion: the result no longer matches the sheet until the next check. */
  | { type: "converted"; undo: Omit<CellUndo, "id">; notice: Omit<Notice, "undoId"> }
  /** One cell fixed: the grid and the result are updated in place, so the list stays where it was. */
  | { type: "fixed"; undo: Omit<CellUndo, "id">; grid: Grid; check: SheetCheck; notice: Omit<Notice, "undoId"> }
  | { type: "undone"; id: number; grid?: Grid; check?: SheetCheck }
  /** Cells written outside the checked sheet (the agency picker on another sheet, or before any check): undoable. */
  | { type: "cells-written"; undo: Omit<CellUndo, "id">; notice: Omit<Notice, "undoId"> }
  /** "Kiểm tra khi gõ" switched on or off. */
  | { type: "live-check"; on: boolean }
  /** Rows of the checked table edited and re-checked live (check `id`): grid and result updated, filters kept. */
  | { type: "live-rechecked"; id: number; grid: Grid; check: SheetCheck };

export function initialState(): PaneState {
  return {
    loaded: false,
    settings: DEFAULT_SETTINGS,
    directory: null,
    checkInputs: { stated: null, readLegacyAsUnicode: false, liveCheck: true },
    tab: "check",
    consolidateOpened: false,
    scope: { kind: "sheet" },
    session: { phase: "unchecked" },
    busy: null,
    failure: null,
    notice: null,
    undo: [],
    highlighted: false,
    nextId: 1,
  };
}

/** How many undo entries the pane keeps: enough for a session's fixes, bounded so a long session stays small. */
const UNDO_LIMIT = 50;

const staleWith = (state: PaneState, why: Stale): CheckSession =>
  state.session.phase === "checked" ? { ...state.session, stale: state.session.stale ?? why } : state.session;

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "loaded":
      return {
        ...state,
        loaded: true,
        settings: action.settings,
        directory: action.directory,
        checkInputs: action.checkInputs,
        highlighted: action.highlighted,
      };
    case "load-failed":
      return { ...state, loaded: true, failure: action.failure };
    case "tab":
      return { ...state, tab: action.tab, consolidateOpened: state.consolidateOpened || action.tab === "consolidate" };
    case "scope":
      return { ...state, scope: action.scope };
    case "work-started":
      return { ...state, failure: null, notice: null };
    case "step":
      return { ...state, busy: { ...action.busy, cancelling: false } };
    case "retrying":
      return state.busy ? { ...state, busy: { ...state.busy, retry: action.attempt } } : state;
    case "cancelling":
      return state.busy ? { ...state, busy: { ...state.busy, cancelling: true } } : state;
    case "work-ended":
      return { ...state, busy: null };
    case "failed":
      return { ...state, failure: action.failure, notice: null };
    case "notice":
      return { ...state, notice: action.notice, failure: null };
    case "dismiss-notice":
      return { ...state, notice: null };
    case "dismiss-failure":
      return { ...state, failure: null };
    case "checked": {
      const id = state.nextId;
      return {
        ...state,
        nextId: id + 1,
        session: { phase: "checked", id, check: action.check, grid: action.grid, stale: null, selected: null },
      };
    }
    case "rechecked": {
      if (state.session.phase !== "checked") return state;
      const id = state.nextId;
      const stale = state.session.stale === "settings" ? null : state.session.stale;
      return { ...state, nextId: id + 1, session: { ...state.session, id, check: action.check, stale, selected: null } };
    }
    case "stated":
      return { ...state, checkInputs: { ...state.checkInputs, stated: action.stated }, failure: null, notice: null };
    case "read-legacy":
      return { ...state, checkInputs: { ...state.checkInputs, readLegacyAsUnicode: action.on }, session: staleWith(state, "settings") };
    case "settings":
      return { ...state, settings: action.settings, directory: action.directory, session: staleWith(state, "settings") };
    case "lang": {
      // The language changes no result: messages are rendered in the chosen language from the same issues.
      const settings: Settings = { ...state.settings };
      if (action.lang) settings.lang = action.lang;
      else delete settings.lang;
      return { ...state, settings };
    }
    case "sheet-changed":
      if (state.session.phase !== "checked" || state.session.check.sheetName !== action.sheet) return state;
      return { ...state, session: staleWith(state, "sheet") };
    case "select":
      return state.session.phase === "checked" ? { ...state, session: { ...state.session, selected: action.index } } : state;
    case "highlighted":
      return { ...state, highlighted: action.on };
    case "converted": {
      const id = state.nextId;
      return {
        ...state,
        nextId: id + 1,
        undo: [...state.undo, { ...action.undo, id }].slice(-UNDO_LIMIT),
        session: staleWith(state, "cells"),
        notice: { ...action.notice, undoId: id },
        failure: null,
      };
    }
    case "fixed": {
      if (state.session.phase !== "checked") return state;
      const id = state.nextId;
      return {
        ...state,
        nextId: id + 1,
        undo: [...state.undo, { ...action.undo, id }].slice(-UNDO_LIMIT),
        session: { ...state.session, grid: action.grid, check: action.check, selected: null },
        notice: { ...action.notice, undoId: id },
        failure: null,
      };
    }
    case "cells-written": {
      const id = state.nextId;
      const undo = [...state.undo, { ...action.undo, id }].slice(-UNDO_LIMIT);
      return { ...state, nextId: id + 1, undo, notice: { ...action.notice, undoId: id }, failure: null };
    }
    case "undone": {
      const undone = state.undo.find((u) => u.id === action.id);
      const undo = state.undo.filter((u) => u.id !== action.id);
      let session = state.session;
      if (session.phase === "checked" && action.grid && action.check) {
        session = { ...session, grid: action.grid, check: action.check, selected: null };
      } else if (session.phase === "checked" && undone?.kind === "convert") {
        const checkedAt = session.id;
        // Ids come from one counter: a conversion older than the check was read by it, so undoing it changes what
        // the check saw; undoing a newer one puts back what the check read, unless another newer one remains.
        if (undone.id < checkedAt) session = { ...session, stale: session.stale ?? "cells" };
        else if (session.stale === "cells" && !undo.some((u) => u.kind === "convert" && u.id > checkedAt)) {
          session = { ...session, stale: null };
        }
      }
      const notice = state.notice?.undoId === action.id ? null : state.notice;
      return { ...state, undo, session, notice };
    }
    case "live-check":
      return { ...state, checkInputs: { ...state.checkInputs, liveCheck: action.on } };
    case "live-rechecked": {
      // A result already out of date (settings changed, cells moved) is not patched: only "Kiểm tra lại" mends it.
      const s = state.session;
      if (s.phase !== "checked" || s.id !== action.id || s.stale !== null) return state;
      return { ...state, session: { ...s, grid: action.grid, check: action.check, selected: null } };
    }
  }
}

/** The undo entry of the newest conversion still in place, if any. */
export function lastConversion(state: PaneState): CellUndo | undefined {
  for (let i = state.undo.length - 1; i >= 0; i--) if (state.undo[i].kind === "convert") return state.undo[i];
  return undefined;
}

/** The notice and failure to show on the tab on screen. */
export function visibleMessages(state: PaneState): { notice: Notice | null; failure: Failure | null } {
  return {
    notice: state.notice && state.notice.tab === state.tab ? state.notice : null,
    failure: state.failure && (state.failure.tab === null || state.failure.tab === state.tab) ? state.failure : null,
  };
}
