/**
 * The task pane (SPEC 8): Check (sheet, selection or a picked table) → issues → tallies → write summary sheets →
 * highlight / clear, delegation totals compared with those the plan states, legacy-encoded cells converted (and put
 * back), one-click fixes; Consolidate (reply files merged into the open workbook); Settings (language, rules, agency
 * directory) saved with the workbook.
 *
 * The state lives in one reducer (session.ts); the commands that change it in pane-commands.ts; this file lays the
 * views out and tells screen readers what happened (Fluent's AriaLiveAnnouncer around the whole pane).
 */
import { lazy, Suspense, useEffect, useMemo, useReducer, useRef } from "react";
import type { Dispatch } from "react";
import {
  AriaLiveAnnouncer,
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  useAnnounce,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../core/issues/catalogue";
import { resolveLang } from "../core/settings/settings";
import { officeThemeIsDark } from "../excel/office-theme";
import { visuallyHidden } from "./card-style";
import { CheckView, summaryCounts } from "./check-view";
import { failureText } from "./failure-text";
import { PaneCommandsContext, useDirectory, usePaneCommands } from "./pane-commands";
import { initialState, paneReducer, visibleMessages } from "./session";
import type { PaneAction, PaneState, PaneTab } from "./session";
import { AppendixFromText } from "./appendix-from-text";
import { WordImport } from "./word-import";
import { selectInExcel } from "./workbook-actions";
import { strings } from "./strings";
import { isTaskTableCheck } from "../core/kinds";

export type { Busy, Notice } from "./session";

export interface PaneEnvironment {
  /** Office.context.displayLanguage, e.g. "vi-VN"; the language the pane follows unless the user picks one. */
  displayLanguage: string;
  /** Requirement sets this Excel lacks, named for people (shown once as a warning). */
  missingFeatures?: (lang: Lang) => string[];
}

/**
 * Views the first screen does not show — Settings (with the directory editor) and the plan tracking that appears
 * after a check — come in their own chunks, fetched once the pane has rendered, so they are there when asked for
 * without delaying the Check button.
 */
let settingsModule: Promise<typeof import("./settings-view")> | null = null;
let trackingModule: Promise<typeof import("./tracking-view")> | null = null;
/** The views once their chunk is in: rendered directly then, with no Suspense fallback flashing in between. */
let loaded: { settings?: typeof import("./settings-view"); tracking?: typeof import("./tracking-view") } = {};
const loadSettings = () => (settingsModule ??= import("./settings-view").then((m) => (loaded = { ...loaded, settings: m }).settings!));
const loadTracking = () => (trackingModule ??= import("./tracking-view").then((m) => (loaded = { ...loaded, tracking: m }).tracking!));
const LazySettingsView = lazy(() => loadSettings().then((m) => ({ default: m.SettingsView })));
const LazyTrackingView = lazy(() => loadTracking().then((m) => ({ default: m.TrackingView })));

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
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    // Never wider than the pane: at 200 % zoom everything wraps instead of scrolling sideways.
    maxWidth: "100vw",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}`, backgroundColor: tokens.colorNeutralBackground1, flexWrap: "wrap" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS, minWidth: 0 },
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hidden: { display: "none" },
  title: visuallyHidden,
});

export function Pane({ environment }: { environment: PaneEnvironment }) {
  const [state, dispatch] = useReducer(paneReducer, undefined, initialState);
  const lang = resolveLang(state.settings.lang, environment.displayLanguage);
  const dark = useMemo(() => officeThemeIsDark(), []);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} lang={lang}>
      <AriaLiveAnnouncer>
        <PaneBody state={state} dispatch={dispatch} lang={lang} environment={environment} />
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}

function PaneBody({
  state,
  dispatch,
  lang,
  environment,
}: {
  state: PaneState;
  dispatch: Dispatch<PaneAction>;
  lang: Lang;
  environment: PaneEnvironment;
}) {
  const styles = useStyles();
  const s = strings(lang);
  const directory = useDirectory(state);
  const commands = usePaneCommands(state, dispatch, directory, lang);
  const missingFeatures = useMemo(() => environment.missingFeatures?.(lang) ?? [], [environment, lang]);
  const { notice, failure } = visibleMessages(state);
  useAnnouncements(state, lang);
  const SettingsView = loaded.settings?.SettingsView ?? LazySettingsView;
  const TrackingView = loaded.tracking?.TrackingView ?? LazyTrackingView;
  useEffect(() => {
    // After the first render: the other views' chunks load while the person reads the first screen.
    const timer = setTimeout(() => {
      loadSettings().catch(() => (settingsModule = null));
      loadTracking().catch(() => (trackingModule = null));
    }, 0);
    return () => clearTimeout(timer);
  }, []);

  return (
    <PaneCommandsContext.Provider value={commands}>
      <div className={styles.root}>
        <h1 className={styles.title}>{s.appTitle}</h1>
        <TabList
          className={styles.tabs}
          aria-label={s.tabsLabel}
          selectedValue={state.tab}
          onTabSelect={(_, data) => commands.setTab(data.value as PaneTab)}
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
            <MessageBar intent="warning" layout="multiline" data-testid="missing-features">
              <MessageBarBody>{s.missingFeatures(missingFeatures)}</MessageBarBody>
            </MessageBar>
          )}
          {failure && (
            <MessageBar intent="error" layout="multiline" data-testid="failure">
              <MessageBarBody>
                <MessageBarTitle>{s.failureTitle}</MessageBarTitle>
                {failure.text(lang)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={commands.dismissFailure} data-testid="failure-dismiss">
                  {s.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {notice && (
            <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
              <MessageBarBody>{notice.text(s)}</MessageBarBody>
              <MessageBarActions>
                {notice.undoId !== undefined && state.undo.some((u) => u.id === notice.undoId) && (
                  <Button
                    size="small"
                    data-testid="notice-undo"
                    disabledFocusable={state.busy !== null}
                    onClick={() => commands.undo(notice.undoId!)}
                  >
                    {s.undoConvert}
                  </Button>
                )}
                <Button
                  size="small"
                  appearance="transparent"
                  aria-label={s.dismissNotice}
                  onClick={commands.dismissNotice}
                  data-testid="notice-dismiss"
                >
                  {s.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {state.tab === "check" ? (
            <>
              <CheckView lang={lang} state={state} />
              {state.session.phase === "checked" && isTaskTableCheck(state.session.check) && state.session.check.table && (
                <Suspense fallback={null}>
                  <TrackingView
                    lang={lang}
                    table={state.session.check.table}
                    directory={directory}
                    onSelect={(sheet, address) => void selectInExcel(sheet, address).catch(() => undefined)}
                    onSplit={(lists) => void loadTracking().then((m) => m.downloadTaskLists(lists))}
                    readReplies={async (files) =>
                      // Loaded on first use, as the consolidation view is: it brings the workbook readers.
                      (await import("./reply-files")).repliesForTracking(files, {
                        directory,
                        settings: state.settings,
                        lang,
                        strings: strings(lang),
                      })
                    }
                  />
                </Suspense>
              )}
              <WordImport
                lang={lang}
                directory={directory}
                settings={state.settings}
                busy={state.busy !== null}
                onWritten={(text) => commands.notice(() => text)}
              />
              <AppendixFromText lang={lang} disabled={state.busy !== null} />
            </>
          ) : state.tab === "settings" ? (
            <Suspense fallback={<Spinner size="small" label={s.loading} />}>
              <SettingsView
                lang={lang}
                displayLanguage={environment.displayLanguage}
                settings={state.settings}
                directory={state.directory}
              />
            </Suspense>
          ) : null}
          {state.consolidateOpened && (
            <div className={state.tab === "consolidate" ? styles.view : styles.hidden}>
              <Suspense fallback={<Spinner size="small" label={s.loading} />}>
                <ConsolidateView lang={lang} settings={state.settings} directory={directory} busy={state.busy} />
              </Suspense>
            </div>
          )}
        </main>
      </div>
    </PaneCommandsContext.Provider>
  );
}

/** Says aloud what finished: a check (with its counts), a notice, a failure. */
function useAnnouncements(state: PaneState, lang: Lang): void {
  const { announce } = useAnnounce();
  const s = strings(lang);
  const session = state.session;
  const checkId = session.phase === "checked" ? session.id : null;
  const said = useRef<{ check: number | null; notice: unknown; failure: unknown }>({ check: null, notice: null, failure: null });
  useEffect(() => {
    if (session.phase === "checked" && checkId !== said.current.check) {
      said.current.check = checkId;
      announce(s.checkedAnnouncement(session.check.sheetName, summaryCounts(session.check, s)), { polite: true });
    }
    if (state.notice && state.notice !== said.current.notice) {
      said.current.notice = state.notice;
      announce(state.notice.text(s), { polite: true });
    }
    if (state.failure && state.failure !== said.current.failure) {
      said.current.failure = state.failure;
      announce(`${s.failureTitle}: ${state.failure.text(lang)}`, { alert: true });
    }
  });
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
