/**
 * The task pane (SPEC 8): Check (sheet, selection or a picked table) → issues → tallies → write summary sheets →
 * highlight / clear; Settings (language, rules, agency directory) saved with the workbook. Every action that
 * touches the workbook shows progress, can be cancelled between steps and ends in a message a person can act on.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { buildDirectory, defaultDirectory } from "../core/directory";
import type { DirectoryData } from "../core/directory";
import type { Lang } from "../core/issues";
import { DEFAULT_SETTINGS, resolveLang } from "../core/settings";
import type { Settings } from "../core/settings";
import type { SheetCheck } from "../core/workbook";
import { CheckView } from "./check-view";
import type { Scope } from "./check-view";
import { failureText } from "./failure-text";
import type { FailureContext } from "./failure-text";
import { Cancelled, isCancelled, nextPaint } from "./progress";
import type { Progress, StepKey } from "./progress";
import { SettingsView } from "./settings-view";
import { strings } from "./strings";
import type { Strings } from "./strings";
import {
  checkInExcel,
  clearHighlightsInExcel,
  highlightInExcel,
  loadSettingsFromExcel,
  saveSettingsToExcel,
  selectInExcel,
  writeSummariesInExcel,
} from "./workbook-actions";

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

/**
 * The pane's views. The consolidation view ("Hợp nhất") joins here as a third tab; it must be loaded with
 * React.lazy(() => import(...)) because it pulls in ExcelJS (src/xlsx/read.ts), which stays out of the initial bundle.
 */
type PaneTab = "check" | "settings";

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
  const [checkId, setCheckId] = useState(0);
  const [stale, setStale] = useState(false);
  const [selectedIssue, setSelectedIssue] = useState<number | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const controller = useRef<AbortController | null>(null);

  const directory = useMemo(() => (directoryData ? buildDirectory(directoryData) : defaultDirectory()), [directoryData]);
  const missingFeatures = useMemo(() => environment.missingFeatures?.(lang) ?? [], [environment, lang]);

  useEffect(() => {
    let live = true;
    loadSettingsFromExcel()
      .then((stored) => {
        if (!live) return;
        setSettings(stored.settings);
        setDirectoryData(stored.directory);
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
    const result = await work(
      (p) => checkInExcel(readScope, { settings, directory }, p),
      {},
      (t) => t.cancelledCheck,
    );
    if (!result) return;
    setCheck(result);
    setCheckId((n) => n + 1);
    setSelectedIssue(null);
    setStale(false);
  }, [scope, settings, directory, work]);

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

  /** Settings travel with the workbook: every change is saved at once. */
  const saveSettings = useCallback(
    async (nextSettings: Settings, nextDirectory: DirectoryData | null) => {
      setSettings(nextSettings);
      setDirectoryData(nextDirectory);
      if (check) setStale(true);
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
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as PaneTab)}>
          <Tab value="check" data-testid="tab-check">
            {s.tabCheck}
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
            />
          ) : (
            <SettingsView
              lang={lang}
              displayLanguage={environment.displayLanguage}
              settings={settings}
              directory={directoryData}
              onLang={setLang}
              onChange={saveSettings}
            />
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
