/**
 * The task pane (SPEC 8): Check (sheet, selection or a picked table) → issues → tallies → write summary sheets →
 * highlight / clear, delegation totals compared with those the plan states, legacy-encoded cells converted (and put
 * back); Consolidate (reply files merged into the open workbook); Settings (language, rules, agency directory) saved
 * with the workbook. Every action that touches the workbook shows progress, can be cancelled between steps and ends
 * in a message a person can act on.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Consolidation } from "../core/consolidate/consolidate";
import { buildDirectory } from "../core/agencies/directory";
import { defaultDirectory } from "../core/agencies/default-directory";
import type { DirectoryData } from "../core/agencies/directory";
import type { Grid } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import { findLegacyCells } from "../core/legacy/grid";
import { DEFAULT_SETTINGS, resolveLang } from "../core/settings/settings";
import type { Settings } from "../core/settings/settings";
import type { StatedTotals } from "../core/kinds/delegations/stated-totals";
import type { SheetCheck } from "../core/workbook";
import { DEFAULT_CHECK_INPUTS } from "../excel/stored-settings";
import { CheckView } from "./check-view";
import type { Scope, Stale } from "./check-view";
import { failureText } from "./failure-text";
import type { FailureContext } from "./failure-text";
import { Cancelled, isCancelled, nextPaint } from "./progress";
import type { Progress, StepKey } from "./progress";
import { SettingsView } from "./settings-view";
import { strings } from "./strings";
import type { Strings } from "./strings";
import {
  checkGrid,
  clearHighlightsInExcel,
  convertCellsInExcel,
  highlightInExcel,
  loadCheckInputsFromExcel,
  loadSettingsFromExcel,
  readAndCheckInExcel,
  restoreCellsInExcel,
  saveCheckInputsToExcel,
  saveSettingsToExcel,
  selectInExcel,
  writeConsolidationInExcel,
  writeSummariesInExcel,
} from "./workbook-actions";
import type { CellsBefore, CheckInputs } from "./workbook-actions";

export interface PaneEnvironment {
  /** Office.context.displayLanguage, e.g. "vi-VN"; the language the pane follows unless the user picks one. */
  displayLanguage: string;
  /** Requirement sets this Excel lacks, named for people (shown once as a warning). */
  missingFeatures?: (lang: Lang) => string[];
}

export interface Busy {
  step: StepKey;
  index: number;
  of: number;
  cancellable: boolean;
  cancelling: boolean;
  retry?: number;
}

/** A message in whatever language the pane shows when it is read: switching language re-renders it. */
export interface Notice {
  intent: "success" | "info" | "warning";
  text(s: Strings): string;
}

interface Failure {
  text(lang: Lang): string;
}

/** The pane's views. */
type PaneTab = "check" | "consolidate" | "settings";

/**
 * The consolidation view reads .xlsx files with ExcelJS, which must stay out of the initial bundle: it is loaded on
 * first use. When its chunk cannot be loaded (the add-in's server is unreachable), the tab says so and the rest of
 * the pane goes on working.
 */
const ConsolidateView = lazy(() =>
  import("./consolidate-view").then(
    (m) => ({ default: m.ConsolidateView }),
    (error: unknown) => ({
      default: function ConsolidateUnavailable({ lang }: { lang: Lang }) {
        return (
          <MessageBar intent="error" data-testid="failure">
            <MessageBarBody>{failureText(error, lang)}</MessageBarBody>
          </MessageBar>
        );
      },
    }),
  ),
);

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  language: { minWidth: "7.5rem", maxWidth: "8.5rem" },
  tabs: { padding: `0 ${tokens.spacingHorizontalS}`, backgroundColor: tokens.colorNeutralBackground1 },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hidden: { display: "none" },
});

export function Pane({ environment }: { environment: PaneEnvironment }) {
  const styles = useStyles();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [directoryData, setDirectoryData] = useState<DirectoryData | null>(null);
  const [loaded, setLoaded] = useState(false);
  const lang = resolveLang(settings.lang, environment.displayLanguage);
  const s = strings(lang);

  const [tab, setTab] = useState<PaneTab>("check");
  const [scope, setScope] = useState<Scope>({ kind: "sheet" });
  const [check, setCheck] = useState<SheetCheck | null>(null);
  /** The grid the check was made from: compared again on new stated totals, and the cells to convert. */
  const [grid, setGrid] = useState<Grid | null>(null);
  const [checkId, setCheckId] = useState(0);
  const [stale, setStale] = useState<Stale | null>(null);
  const [checkInputs, setCheckInputs] = useState<CheckInputs>(DEFAULT_CHECK_INPUTS);
  /** What converted cells held, until the next check. */
  const [cellsBefore, setCellsBefore] = useState<CellsBefore | null>(null);
  /** The consolidation view stays mounted once opened, so switching tabs loses no file read. */
  const [consolidateOpened, setConsolidateOpened] = useState(false);
  const [selectedIssue, setSelectedIssue] = useState<number | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const controller = useRef<AbortController | null>(null);

  const directory = useMemo(() => (directoryData ? buildDirectory(directoryData) : defaultDirectory()), [directoryData]);
  const missingFeatures = useMemo(() => environment.missingFeatures?.(lang) ?? [], [environment, lang]);

  useEffect(() => {
    let live = true;
    Promise.all([loadSettingsFromExcel(), loadCheckInputsFromExcel()])
      .then(([stored, inputs]) => {
        if (!live) return;
        setSettings(stored.settings);
        setDirectoryData(stored.directory);
        setCheckInputs(inputs);
      })
      .catch((error: unknown) => {
        // The pane still works with the defaults; say why the workbook's own settings are not in use.
        if (live) setFailure({ text: (l) => failureText(error, l) });
      })
      .finally(() => {
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [environment]);

  /** Runs one piece of work with progress, cancel and failure handling; undefined when it did not finish. */
  const work = useCallback(
    async <T,>(task: (progress: Progress) => Promise<T>, context: FailureContext, cancelled: Notice["text"]): Promise<T | undefined> => {
      const abort = new AbortController();
      controller.current = abort;
      setFailure(null);
      setNotice(null);
      const progress: Progress = {
        signal: abort.signal,
        step: async (step, index, of, options) => {
          if (abort.signal.aborted) throw new Cancelled();
          setBusy({ step, index, of, cancellable: options?.cancellable ?? true, cancelling: false });
          await nextPaint();
          if (abort.signal.aborted) throw new Cancelled();
        },
        retrying: (attempt) => setBusy((b) => (b ? { ...b, retry: attempt } : b)),
      };
      try {
        return await task(progress);
      } catch (error) {
        if (isCancelled(error)) setNotice({ intent: "info", text: cancelled });
        else setFailure({ text: (l) => failureText(error, l, context) });
        return undefined;
      } finally {
        controller.current = null;
        setBusy(null);
      }
    },
    [],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setBusy((b) => (b ? { ...b, cancelling: true } : b));
  }, []);

  const runCheck = useCallback(async () => {
    const readScope = scope.kind === "table" ? { kind: "table" as const, name: scope.name } : { kind: scope.kind };
    const options = { settings, directory, stated: checkInputs.stated, convertLegacy: checkInputs.readLegacyAsUnicode };
    const result = await work(
      (p) => readAndCheckInExcel(readScope, options, p),
      {},
      (t) => t.cancelledCheck,
    );
    if (!result) return;
    setCheck(result.check);
    setGrid(result.grid);
    setCheckId((n) => n + 1);
    setSelectedIssue(null);
    setStale(null);
    // The workbook was read again: what the pane held to undo a conversion no longer describes it.
    setCellsBefore(null);
  }, [scope, settings, directory, checkInputs, work]);

  const writeSummaries = useCallback(async () => {
    if (!check) return;
    const written = await work(
      (p) => writeSummariesInExcel(check, lang, p),
      { addsSheets: true },
      (t) => t.cancelledWrite,
    );
    if (written) setNotice({ intent: "success", text: (t) => t.wroteSheets(written) });
  }, [check, lang, work]);

  const highlight = useCallback(async () => {
    if (!check) return;
    const cells = await work(
      (p) => highlightInExcel(check, p),
      { sheet: check.sheetName },
      (t) => t.cancelledWrite,
    );
    if (cells !== undefined) setNotice({ intent: "success", text: (t) => t.highlighted(cells) });
  }, [check, work]);

  const clear = useCallback(async () => {
    const cells = await work(
      (p) => clearHighlightsInExcel(p),
      // The fills come back wherever they were recorded, which need not be the sheet checked last.
      {},
      (t) => t.cancelledWrite,
    );
    if (cells !== undefined) setNotice({ intent: "success", text: (t) => t.cleared(cells) });
  }, [work]);

  const selectIssue = useCallback(
    async (index: number) => {
      const issue = check?.issues[index];
      if (!check || !issue?.cell) return;
      setSelectedIssue(index);
      setFailure(null);
      try {
        await selectInExcel(check.sheetName, issue.cell);
      } catch (error) {
        setFailure({ text: (l) => failureText(error, l, { sheet: check.sheetName }) });
      }
    },
    [check],
  );

  /** The totals the plan states, as the user typed them: compared at once with the grid checked, saved with the workbook. */
  const submitStated = useCallback(
    (stated: StatedTotals | null) => {
      setCheckInputs((inputs) => ({ ...inputs, stated }));
      setFailure(null);
      setNotice(null);
      if (grid) {
        setCheck(checkGrid(grid, { settings, directory, stated, convertLegacy: checkInputs.readLegacyAsUnicode }));
        setCheckId((n) => n + 1);
        setSelectedIssue(null);
        setStale((was) => (was === "settings" ? null : was));
      }
      saveCheckInputsToExcel({ stated }).catch((error: unknown) =>
        setFailure({ text: (l) => strings(l).failSettings(failureText(error, l)) }),
      );
    },
    [grid, settings, directory, checkInputs],
  );

  const setReadLegacyAsUnicode = useCallback(
    (on: boolean) => {
      setCheckInputs((inputs) => ({ ...inputs, readLegacyAsUnicode: on }));
      if (check) setStale((was) => was ?? "settings");
      saveCheckInputsToExcel({ readLegacyAsUnicode: on }).catch((error: unknown) =>
        setFailure({ text: (l) => strings(l).failSettings(failureText(error, l)) }),
      );
    },
    [check],
  );

  const hasLegacyIssues = check?.issues.some((i) => i.code === "legacy-encoding") ?? false;
  const legacyCells = useMemo(() => (grid && hasLegacyIssues ? findLegacyCells(grid) : []), [grid, hasLegacyIssues]);

  const convertLegacy = useCallback(async () => {
    if (!check || legacyCells.length === 0) return;
    const changes = legacyCells.map((c) => ({ address: c.address, text: c.converted }));
    const before = await work(
      (p) => convertCellsInExcel(check.sheetName, changes, p),
      { sheet: check.sheetName },
      (t) => t.cancelledWrite,
    );
    if (!before) return;
    setCellsBefore(before);
    setStale("cells");
    setNotice({ intent: "success", text: (t) => t.converted(before.previous.length) });
  }, [check, legacyCells, work]);

  const undoConvert = useCallback(async () => {
    if (!cellsBefore) return;
    const cells = await work(
      (p) => restoreCellsInExcel(cellsBefore, p),
      { sheet: cellsBefore.sheet },
      (t) => t.cancelledWrite,
    );
    if (cells === undefined) return;
    setCellsBefore(null);
    // The cells hold again what the check read.
    setStale((was) => (was === "cells" ? null : was));
    setNotice({ intent: "success", text: (t) => t.restored(cells) });
  }, [cellsBefore, work]);

  const writeConsolidation = useCallback(
    async (consolidation: Consolidation) => {
      const written = await work(
        (p) => writeConsolidationInExcel(consolidation, lang, p),
        { addsSheets: true },
        (t) => t.cancelledWrite,
      );
      if (written) setNotice({ intent: "success", text: (t) => t.wroteSheets(written) });
    },
    [lang, work],
  );

  const showNotice = useCallback((text: Notice["text"]) => {
    setFailure(null);
    setNotice({ intent: "info", text });
  }, []);

  /** Settings travel with the workbook: every change is saved at once. */
  const saveSettings = useCallback(
    async (nextSettings: Settings, nextDirectory: DirectoryData | null) => {
      setSettings(nextSettings);
      setDirectoryData(nextDirectory);
      if (check) setStale((was) => was ?? "settings");
      try {
        await saveSettingsToExcel(nextSettings, nextDirectory);
      } catch (error) {
        setFailure({ text: (l) => strings(l).failSettings(failureText(error, l)) });
      }
    },
    [check],
  );

  const setLang = useCallback(
    (next: Lang | undefined) => {
      // The language changes no result: messages are rendered in the chosen language from the same issues.
      const nextSettings: Settings = { ...settings };
      if (next) nextSettings.lang = next;
      else delete nextSettings.lang;
      setSettings(nextSettings);
      saveSettingsToExcel(nextSettings, directoryData).catch((error: unknown) =>
        setFailure({ text: (l) => strings(l).failSettings(failureText(error, l)) }),
      );
    },
    [settings, directoryData],
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.root}>
        <header className={styles.header}>
          <span className={styles.title}>{s.appTitle}</span>
          <Select
            className={styles.language}
            size="small"
            aria-label={s.settingsLanguage}
            data-testid="language-switch"
            value={lang}
            onChange={(_, data) => setLang(data.value as Lang)}
          >
            <option value="vi">{s.langVi}</option>
            <option value="en">{s.langEn}</option>
          </Select>
        </header>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, data) => {
            const next = data.value as PaneTab;
            if (next === "consolidate") setConsolidateOpened(true);
            setTab(next);
          }}
        >
          <Tab value="check" data-testid="tab-check">
            {s.tabCheck}
          </Tab>
          <Tab value="consolidate" data-testid="consolidate-tab">
            {s.tabConsolidate}
          </Tab>
          <Tab value="settings" data-testid="tab-settings">
            {s.tabSettings}
          </Tab>
        </TabList>
        <main className={styles.body}>
          {missingFeatures.length > 0 && (
            <MessageBar intent="warning" data-testid="missing-features">
              <MessageBarBody>{s.missingFeatures(missingFeatures)}</MessageBarBody>
            </MessageBar>
          )}
          {failure && (
            <MessageBar intent="error" data-testid="failure" politeness="assertive">
              <MessageBarBody>
                <MessageBarTitle>{s.failureTitle}</MessageBarTitle>
                {failure.text(lang)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="transparent" onClick={() => setFailure(null)}>
                  {s.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {notice && (
            <MessageBar intent={notice.intent} data-testid="notice">
              <MessageBarBody>{notice.text(s)}</MessageBarBody>
            </MessageBar>
          )}
          {tab === "check" ? (
            <CheckView
              lang={lang}
              ready={loaded}
              scope={scope}
              onScope={setScope}
              check={check}
              checkId={checkId}
              stale={stale}
              busy={busy}
              selectedIssue={selectedIssue}
              onCheck={runCheck}
              onCancel={cancel}
              onSelectIssue={selectIssue}
              onWriteSummaries={writeSummaries}
              onHighlight={highlight}
              onClearHighlights={clear}
              readLegacyAsUnicode={checkInputs.readLegacyAsUnicode}
              onReadLegacyAsUnicode={setReadLegacyAsUnicode}
              legacyCells={cellsBefore || stale === "cells" ? 0 : legacyCells.length}
              canUndoConvert={cellsBefore !== null}
              onConvertLegacy={convertLegacy}
              onUndoConvert={undoConvert}
              stated={checkInputs.stated}
              onStated={submitStated}
            />
          ) : tab === "settings" ? (
            <SettingsView
              lang={lang}
              displayLanguage={environment.displayLanguage}
              settings={settings}
              directory={directoryData}
              onLang={setLang}
              onChange={saveSettings}
            />
          ) : null}
          {consolidateOpened && (
            <div className={tab === "consolidate" ? styles.view : styles.hidden}>
              <Suspense fallback={<Spinner size="small" label={s.loading} />}>
                <ConsolidateView
                  lang={lang}
                  settings={settings}
                  directory={directory}
                  busy={busy}
                  onWrite={writeConsolidation}
                  onCancel={cancel}
                  onNotice={showNotice}
                />
              </Suspense>
            </div>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}

/** Shown between loading the page and Office.onReady. */
export function PaneLoading({ lang }: { lang: Lang }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <Text role="status" style={{ display: "block", padding: 16 }}>
        {strings(lang).loading}
      </Text>
    </FluentProvider>
  );
}
