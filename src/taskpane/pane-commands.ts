/**
 * What the pane's buttons do: each command runs its work against the workbook (workbook-actions.ts) with progress,
 * cancel and failure handling, and reports every outcome to the reducer (session.ts). Views reach the commands
 * through PaneCommandsContext, so they take only the data they show as props.
 */
import { createContext, useContext, useEffect, useMemo, useRef } from "react";
import type { Dispatch } from "react";
import type { Consolidation } from "../core/consolidate/consolidate";
import { buildDirectory } from "../core/agencies/directory";
import { defaultDirectory } from "../core/agencies/default-directory";
import type { AgencyDirectory, DirectoryData } from "../core/agencies/directory";
import type { NormalisationPlan } from "../core/agencies/normalise";
import type { Lang } from "../core/issues/catalogue";
import { findLegacyCells } from "../core/legacy/grid";
import type { Settings } from "../core/settings/settings";
import type { StatedTotals } from "../core/kinds/delegations/stated-totals";
import { failureText } from "./failure-text";
import type { FailureContext } from "./failure-text";
import { copyText, issueAsText, issueListSheet } from "./issue-export";
import type { IssueFix } from "./issue-fixes";
import { withCellText } from "./issue-fixes";
import { Cancelled, isCancelled, nextPaint } from "./progress";
import type { Progress } from "./progress";
import type { CellUndo, Notice, PaneAction, PaneState, PaneTab, Scope } from "./session";
import { strings } from "./strings";
import type { Strings } from "./strings";
import { useSheetWatch } from "./sheet-watch";
import {
  activeCellInExcel,
  addPickersInExcel,
  checkGrid,
  clearHighlightsInExcel,
  hasHighlightsInExcel,
  highlightInExcel,
  loadCheckInputsFromExcel,
  loadSettingsFromExcel,
  readAndCheckInExcel,
  saveCheckInputsToExcel,
  saveSettingsToExcel,
  selectInExcel,
  writeCellsInExcel,
  writeConsolidationInExcel,
  writeIssueListInExcel,
  writeSummariesInExcel,
} from "./workbook-actions";
import type { CellWrite, GridCheckOptions } from "./workbook-actions";

export interface PaneCommands {
  setTab(tab: PaneTab): void;
  setScope(scope: Scope): void;
  check(): void;
  cancel(): void;
  writeSummaries(): void;
  highlight(): void;
  clearHighlights(): void;
  /** "Gắn danh sách chọn": drop-downs of the directory's agency names on the lead column. */
  addPickers(): void;
  selectIssue(index: number): void;
  submitStated(stated: StatedTotals | null): void;
  setReadLegacy(on: boolean): void;
  setLiveCheck(on: boolean): void;
  convertLegacy(): void;
  undo(id: number): void;
  applyFix(fix: IssueFix): void;
  /** Writes the agency picker's names into the cell the user stands on (issue 16). */
  writeSelectedCell(text: string): void;
  /** Writes the planned rewrites of "Chuẩn hóa tên cơ quan" in one batch, with an undo. */
  normaliseAgencies(plan: NormalisationPlan): void;
  exportIssues(): void;
  copyIssue(index: number): void;
  writeConsolidation(consolidation: Consolidation): void;
  notice(text: Notice["text"], tab?: PaneTab): void;
  saveSettings(settings: Settings, directory: DirectoryData | null): void;
  setLang(lang: Lang | undefined): void;
  dismissNotice(): void;
  dismissFailure(): void;
}

export const PaneCommandsContext = createContext<PaneCommands | null>(null);

/** The pane's commands, or null outside the pane (the standalone checker page shows the same views). */
export function useOptionalPaneCommands(): PaneCommands | null {
  return useContext(PaneCommandsContext);
}

export function usePaneCommandsContext(): PaneCommands {
  const commands = useContext(PaneCommandsContext);
  if (!commands) throw new Error("PaneCommandsContext is missing");
  return commands;
}

export function useDirectory(state: PaneState): AgencyDirectory {
  return useMemo(() => (state.directory ? buildDirectory(state.directory) : defaultDirectory()), [state.directory]);
}

/** The commands over the current state; `stateRef` lets async work read the state as it is when it resumes. */
export function usePaneCommands(state: PaneState, dispatch: Dispatch<PaneAction>, directory: AgencyDirectory, lang: Lang): PaneCommands {
  const stateRef = useRef(state);
  stateRef.current = state;
  const controller = useRef<AbortController | null>(null);
  /** The options of a check, read from the state as it is when the work resumes. */
  const checkOptions = (): GridCheckOptions => {
    const s = stateRef.current;
    return { settings: s.settings, directory, stated: s.checkInputs.stated, convertLegacy: s.checkInputs.readLegacyAsUnicode };
  };
  const ownWrites = useSheetWatch(state, dispatch, checkOptions);

  useEffect(() => {
    let live = true;
    Promise.all([loadSettingsFromExcel(), loadCheckInputsFromExcel(), hasHighlightsInExcel().catch(() => false)])
      .then(([stored, checkInputs, highlighted]) => {
        if (live) dispatch({ type: "loaded", settings: stored.settings, directory: stored.directory, checkInputs, highlighted });
      })
      .catch((error: unknown) => {
        // The pane still works with the defaults; say why the workbook's own settings are not in use.
        if (live) dispatch({ type: "load-failed", failure: { text: (l) => failureText(error, l), tab: null } });
      });
    return () => {
      live = false;
    };
  }, [dispatch]);

  return useMemo(() => {
    const tabNow = () => stateRef.current.tab;
    const fail = (error: unknown, context: FailureContext = {}) =>
      dispatch({ type: "failed", failure: { text: (l) => failureText(error, l, context), tab: tabNow() } });
    const say = (intent: Notice["intent"], text: Notice["text"]) => dispatch({ type: "notice", notice: { intent, text, tab: tabNow() } });
    const failSettings = (error: unknown) =>
      dispatch({ type: "failed", failure: { text: (l) => strings(l).failSettings(failureText(error, l)), tab: tabNow() } });

    /** Runs one piece of work with progress, cancel and failure handling; undefined when it did not finish. */
    async function work<T>(task: (progress: Progress) => Promise<T>, context: FailureContext, cancelled: (s: Strings) => string) {
      const abort = new AbortController();
      controller.current = abort;
      dispatch({ type: "work-started" });
      const progress: Progress = {
        signal: abort.signal,
        step: async (step, index, of, options) => {
          if (abort.signal.aborted) throw new Cancelled();
          dispatch({ type: "step", busy: { step, index, of, cancellable: options?.cancellable ?? true } });
          await nextPaint();
          if (abort.signal.aborted) throw new Cancelled();
        },
        retrying: (attempt) => dispatch({ type: "retrying", attempt }),
      };
      try {
        return await task(progress);
      } catch (error) {
        if (isCancelled(error)) say("info", cancelled);
        else fail(error, context);
        return undefined;
      } finally {
        controller.current = null;
        dispatch({ type: "work-ended" });
      }
    }

    /** Writes cells through the pane (noted as its own writes, so the sheet watch does not call them a user's edit). */
    const writeCells = (sheet: string, changes: CellWrite[], step: "converting" | "restoring" | "fixing") =>
      work(
        (p) => {
          for (const c of changes) ownWrites.note(sheet, c.address);
          return writeCellsInExcel(sheet, changes, step, p);
        },
        { sheet },
        (t) => t.cancelledWrite,
      );

    const checked = () => {
      const s = stateRef.current.session;
      return s.phase === "checked" ? s : null;
    };

    /** Writes cells the user asked for and keeps their undo; the checked sheet's result follows at once. */
    const writeWithUndo = async (sheet: string, changes: CellWrite[], text: (t: Strings, written: number, skipped: number) => string) => {
      const done = await writeCells(sheet, changes, "fixing");
      if (!done) return;
      const s = checked();
      if (done.cells.length === 0) {
        if (s?.check.sheetName === sheet) dispatch({ type: "sheet-changed", sheet });
        say("warning", (t) => t.fixStale(done.skipped.join(", ")));
        return;
      }
      const [written, skipped] = [done.cells.length, done.skipped.length];
      const notice = { intent: "success" as const, text: (t: Strings) => text(t, written, skipped), tab: tabNow() };
      const undo = { kind: "fix" as const, sheet: done.sheet, cells: done.cells };
      if (s && s.check.sheetName === sheet) {
        let grid = s.grid;
        for (const c of done.cells) grid = withCellText(grid, c.address, c.after);
        dispatch({ type: "fixed", undo, grid, check: checkGrid(grid, checkOptions()), notice });
        if (skipped > 0) dispatch({ type: "sheet-changed", sheet });
      } else {
        dispatch({ type: "cells-written", undo, notice });
      }
    };

    const commands: PaneCommands = {
      setTab: (tab) => dispatch({ type: "tab", tab }),
      setScope: (scope) => dispatch({ type: "scope", scope }),
      dismissNotice: () => dispatch({ type: "dismiss-notice" }),
      dismissFailure: () => dispatch({ type: "dismiss-failure" }),
      notice: (text, tab) => dispatch({ type: "notice", notice: { intent: "info", text, tab: tab ?? tabNow() } }),

      check: async () => {
        const scope = stateRef.current.scope;
        const readScope = scope.kind === "table" ? { kind: "table" as const, name: scope.name } : { kind: scope.kind };
        const result = await work(
          (p) => readAndCheckInExcel(readScope, checkOptions(), p),
          {},
          (t) => t.cancelledCheck,
        );
        if (!result) return;
        ownWrites.clear();
        dispatch({ type: "checked", check: result.check, grid: result.grid });
      },

      cancel: () => {
        controller.current?.abort();
        dispatch({ type: "cancelling" });
      },

      writeSummaries: async () => {
        const s = checked();
        if (!s) return;
        const written = await work(
          (p) => writeSummariesInExcel(s.check, lang, p),
          { addsSheets: true },
          (t) => t.cancelledWrite,
        );
        if (written) say("success", (t) => t.wroteSheets(written));
      },

      highlight: async () => {
        const s = checked();
        if (!s) return;
        const cells = await work(
          (p) => highlightInExcel(s.check, p),
          { sheet: s.check.sheetName },
          (t) => t.cancelledWrite,
        );
        if (cells === undefined) return;
        dispatch({ type: "highlighted", on: cells > 0 });
        say("success", (t) => t.highlighted(cells));
      },

      clearHighlights: async () => {
        // The fills come back wherever they were recorded, which need not be the sheet checked last.
        const cells = await work(
          (p) => clearHighlightsInExcel(p),
          {},
          (t) => t.cancelledWrite,
        );
        if (cells === undefined) return;
        dispatch({ type: "highlighted", on: false });
        say("success", (t) => t.cleared(cells));
      },

      addPickers: async () => {
        const s = checked();
        if (!s) return;
        const written = await work(
          (p) => addPickersInExcel(s.check, s.grid, directory, lang, p),
          { sheet: s.check.sheetName },
          (t) => t.cancelledWrite,
        );
        if (written === undefined) return;
        if (written === null) say("info", (t) => t.noPickerColumn);
        else say("success", (t) => t.addedPickers(written.areas, written.names, written.listSheet, written.updated));
      },

      selectIssue: async (index) => {
        const s = checked();
        const issue = s?.check.issues[index];
        if (!s || !issue?.cell) return;
        dispatch({ type: "select", index });
        dispatch({ type: "dismiss-failure" });
        try {
          await selectInExcel(s.check.sheetName, issue.cell);
        } catch (error) {
          fail(error, { sheet: s.check.sheetName });
        }
      },

      submitStated: (stated) => {
        dispatch({ type: "stated", stated });
        const s = checked();
        if (s) dispatch({ type: "rechecked", check: checkGrid(s.grid, { ...checkOptions(), stated }) });
        saveCheckInputsToExcel({ stated }).catch(failSettings);
      },

      setReadLegacy: (on) => {
        dispatch({ type: "read-legacy", on });
        saveCheckInputsToExcel({ readLegacyAsUnicode: on }).catch(failSettings);
      },

      setLiveCheck: (on) => {
        dispatch({ type: "live-check", on });
        saveCheckInputsToExcel({ liveCheck: on }).catch(failSettings);
      },

      convertLegacy: async () => {
        const s = checked();
        if (!s) return;
        const changes = findLegacyCells(s.grid).map((c) => ({ address: c.address, text: c.converted }));
        if (changes.length === 0) return;
        const done = await writeCells(s.check.sheetName, changes, "converting");
        if (!done) return;
        const count = done.cells.length;
        dispatch({
          type: "converted",
          undo: { kind: "convert", sheet: done.sheet, cells: done.cells },
          notice: { intent: "success", text: (t) => t.converted(count), tab: tabNow() },
        });
      },

      undo: async (id) => {
        const entry: CellUndo | undefined = stateRef.current.undo.find((u) => u.id === id);
        if (!entry) return;
        // Only cells that still hold what the pane wrote go back: a cell edited since keeps the user's text.
        const changes = entry.cells.map((c) => ({ address: c.address, text: String(c.before), expected: c.after }));
        const done = await writeCells(entry.sheet, changes, "restoring");
        if (!done) return;
        const s = checked();
        if (entry.kind === "fix" && s && s.check.sheetName === entry.sheet && done.cells.length > 0) {
          let grid = s.grid;
          for (const c of done.cells) grid = withCellText(grid, c.address, c.after);
          dispatch({ type: "undone", id, grid, check: checkGrid(grid, checkOptions()) });
        } else {
          dispatch({ type: "undone", id });
        }
        const restored = done.cells.length;
        const skipped = done.skipped.length;
        say("success", (t) => (skipped > 0 ? t.restoredSome(restored, skipped) : t.restored(restored)));
      },

      applyFix: async (fix) => {
        const s = checked();
        if (!s) return;
        if (fix.kind === "add-agency") {
          const state = stateRef.current;
          const data = state.directory ?? defaultDirectory().data;
          if (data.agencies.some((a) => a.name === fix.name)) return;
          commands.saveSettings(state.settings, { ...data, agencies: [{ name: fix.name, aliases: [], kind: "agency" }, ...data.agencies] });
          say("success", (t) => t.addedAgency(fix.name));
          return;
        }
        await writeWithUndo(s.check.sheetName, [{ address: fix.cell, text: fix.text, expected: fix.expected }], (t) => t.fixed(fix.cell));
      },

      writeSelectedCell: async (text) => {
        let cell;
        try {
          cell = await activeCellInExcel();
        } catch (error) {
          fail(error);
          return;
        }
        const { sheet, address } = cell;
        if (cell.formula) return say("warning", (t) => t.pickerFormula(address));
        await writeWithUndo(sheet, [{ address, text, expected: cell.text }], (t) => t.pickerWrote(address));
      },

      normaliseAgencies: async (plan) => {
        const s = checked();
        if (!s || plan.rewrites.length === 0) return;
        const changes = plan.rewrites.map((r) => ({ address: r.address, text: r.after, expected: r.before }));
        await writeWithUndo(s.check.sheetName, changes, (t, written, skipped) => t.normalised(written, skipped));
      },

      exportIssues: async () => {
        const s = checked();
        if (!s) return;
        const written = await work(
          (p) => writeIssueListInExcel(issueListSheet(s.check, lang), p),
          { addsSheets: true },
          (t) => t.cancelledWrite,
        );
        if (written) say("success", (t) => t.wroteSheets(written));
      },

      copyIssue: async (index) => {
        const s = checked();
        const issue = s?.check.issues[index];
        if (!s || !issue) return;
        const ok = await copyText(issueAsText(issue, s.check.sheetName, lang));
        say(ok ? "success" : "warning", (t) => (ok ? t.copied : t.copyFailed));
      },

      writeConsolidation: async (consolidation) => {
        const written = await work(
          (p) => writeConsolidationInExcel(consolidation, lang, p),
          { addsSheets: true },
          (t) => t.cancelledWrite,
        );
        if (written) say("success", (t) => t.wroteSheets(written));
      },

      saveSettings: (settings, nextDirectory) => {
        dispatch({ type: "settings", settings, directory: nextDirectory });
        saveSettingsToExcel(settings, nextDirectory).catch(failSettings);
      },

      setLang: (next) => {
        dispatch({ type: "lang", lang: next });
        const settings: Settings = { ...stateRef.current.settings };
        if (next) settings.lang = next;
        else delete settings.lang;
        saveSettingsToExcel(settings, stateRef.current.directory).catch(failSettings);
      },
    };
    return commands;
  }, [dispatch, directory, lang, ownWrites]);
}
