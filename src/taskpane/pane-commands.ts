/**
 * What the pane's buttons do: each command runs its work against the workbook (workbook-actions.ts) through the
 * command runner (command-runner.ts: progress, cancel and failure handling) and reports every outcome to the reducer
 * (session.ts); the commands that write into the user's cells are in cell-edit-commands.ts. Views reach the commands
 * through PaneCommandsContext, so they take only the data they show as props.
 */
import { createContext, useContext, useEffect, useMemo, useRef } from "react";
import type { Dispatch } from "react";
import type { Consolidation } from "../core/consolidate/consolidate";
import { buildDirectory } from "../core/agencies/directory";
import { defaultDirectory } from "../core/agencies/default-directory";
import type { AgencyDirectory, DirectoryData } from "../core/agencies/directory";
import type { Lang } from "../core/issues/catalogue";
import type { Settings } from "../core/settings/settings";
import type { StatedTotals } from "../core/kinds/delegations/stated-totals";
import { cellEditCommands } from "./cell-edit-commands";
import type { CellEditCommands } from "./cell-edit-commands";
import { commandRunner } from "./command-runner";
import { failureText } from "./failure-text";
import { copyText, issueAsText, issueListSheet } from "./issue-export";
import type { Notice, PaneAction, PaneState, PaneTab, Scope } from "./session";
import { useSheetWatch } from "./sheet-watch";
import {
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
  writeConsolidationInExcel,
  writeIssueListInExcel,
  writeSummariesInExcel,
} from "./workbook-actions";
import type { GridCheckOptions } from "./workbook-actions";

export interface PaneCommands extends CellEditCommands {
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
    const run = commandRunner(dispatch, stateRef, controller, checkOptions);
    const { work, fail, say, failSettings, tabNow, checked } = run;

    const saveSettings = (settings: Settings, nextDirectory: DirectoryData | null) => {
      dispatch({ type: "settings", settings, directory: nextDirectory });
      saveSettingsToExcel(settings, nextDirectory).catch(failSettings);
    };

    const commands: PaneCommands = {
      ...cellEditCommands(run, ownWrites, saveSettings),
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

      saveSettings,

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
