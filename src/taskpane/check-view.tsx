/**
 * The Check tab, laid out for a 350 px pane: what to check and the Check button on one line, the one-line summary
 * and the issues right under it, then the actions that write to the workbook, the tallies and the check options.
 */
import { useMemo } from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { rangeAddress } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import { findLegacyCells } from "../core/legacy/grid";
import type { SheetCheck } from "../core/workbook";
import { cardStyle, visuallyHidden } from "./card-style";
import { IssueList } from "./issue-list";
import { severityCounts } from "./issue-order";
import { ConvertLegacyButton, UndoConvertButton } from "./legacy-actions";
import { usePaneCommandsContext } from "./pane-commands";
import { ProgressPanel } from "./progress-panel";
import { ScopePicker } from "./scope-picker";
import { lastConversion } from "./session";
import type { CheckSession, PaneState, Stale } from "./session";
import { StatedTotalsForm } from "./stated-totals-form";
import { strings } from "./strings";
import type { Strings } from "./strings";
import { DelegationTallies, TaskTallies } from "./tallies-view";
import { isTaskTableCheck } from "../core/kinds";
import { TypingHelp } from "./typing-help";

const useStyles = makeStyles({
  card: cardStyle,
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
  hidden: visuallyHidden,
});

export function summaryCounts(check: SheetCheck, s: Strings): string {
  const n = severityCounts(check.issues);
  return s.summaryCounts(n.error, n.warning, n.info);
}

/** Tasks and sections (or delegations) and the table's range — also the standalone checker page's result line. */
export function resultSummary(check: SheetCheck, s: Strings): string {
  const parts: string[] = [];
  if (isTaskTableCheck(check)) {
    if (check.table) parts.push(s.resultTasks(check.counts.tasks, check.counts.sections));
  } else {
    parts.push(s.resultDelegations(check.rows.length));
  }
  const t = check.table;
  if (t) parts.push(s.tableRange(rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol)));
  return parts.join(" · ");
}

function staleText(stale: Stale, s: Strings): string {
  return stale === "sheet" ? s.staleSheet : stale === "cells" ? s.staleCells : s.staleResult;
}

export function CheckView({ lang, state }: { lang: Lang; state: PaneState }) {
  const s = strings(lang);
  const styles = useStyles();
  const commands = usePaneCommandsContext();
  const { session, busy } = state;
  const working = busy !== null;
  return (
    <>
      <section className={styles.card} aria-labelledby="check-heading">
        <h2 id="check-heading" className={styles.hidden}>
          {s.scopeLabel}
        </h2>
        <div className={styles.row}>
          <ScopePicker lang={lang} scope={state.scope} disabled={working} />
          <Button
            appearance="primary"
            data-testid="check-button"
            // Focusable while disabled, so Enter on it does not drop the focus to the page while the check runs.
            disabledFocusable={working || !state.loaded || (state.scope.kind === "table" && state.scope.name === "")}
            onClick={commands.check}
          >
            {session.phase === "checked" && session.stale ? s.recheckButton : s.checkButton}
          </Button>
        </div>
        {busy && <ProgressPanel busy={busy} s={s} onCancel={commands.cancel} />}
        {session.phase === "checked" && <ResultSummary session={session} s={s} />}
      </section>

      {session.phase === "unchecked" && !busy && (
        <section className={styles.card} data-testid="empty-state" aria-labelledby="empty-heading">
          <Subtitle2 as="h2" id="empty-heading" className={styles.heading}>
            {s.emptyTitle}
          </Subtitle2>
          <Text>{s.emptyBody}</Text>
        </section>
      )}

      {session.phase === "checked" && <CheckedViews lang={lang} state={state} session={session} />}

      {(session.phase === "checked" || state.highlighted || state.undo.length > 0) && <WorkbookActions lang={lang} state={state} />}

      <TypingHelp lang={lang} state={state} />

      <section className={styles.card} aria-labelledby="options-heading">
        <Subtitle2 as="h2" id="options-heading" className={styles.heading}>
          {s.optionsLabel}
        </Subtitle2>
        <Switch
          data-testid="read-legacy-switch"
          checked={state.checkInputs.readLegacyAsUnicode}
          disabled={working}
          label={s.readLegacyAsUnicode}
          onChange={(_, data) => commands.setReadLegacy(data.checked)}
        />
        <Switch
          data-testid="live-check-switch"
          checked={state.checkInputs.liveCheck}
          label={s.liveCheck}
          aria-describedby="live-check-hint"
          onChange={(_, data) => commands.setLiveCheck(data.checked)}
        />
        <Caption1 id="live-check-hint" className={styles.muted}>
          {s.liveCheckHint}
        </Caption1>
      </section>
    </>
  );
}

function ResultSummary({ session, s }: { session: Extract<CheckSession, { phase: "checked" }>; s: Strings }) {
  const styles = useStyles();
  const commands = usePaneCommandsContext();
  const { check, stale } = session;
  return (
    <div className={styles.summary} data-testid="result">
      <Text weight="semibold" data-testid="result-title">
        {s.resultTitle(check.sheetName)}
      </Text>
      <Caption1 className={styles.muted} data-testid="result-summary">
        {[resultSummary(check, s), summaryCounts(check, s)].filter(Boolean).join(" · ")}
      </Caption1>
      {stale && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{staleText(stale, s)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={commands.check} data-testid="stale-recheck">
              {s.recheckButton}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

function CheckedViews({ lang, state, session }: { lang: Lang; state: PaneState; session: Extract<CheckSession, { phase: "checked" }> }) {
  const s = strings(lang);
  const styles = useStyles();
  const commands = usePaneCommandsContext();
  const { check, grid } = session;
  const taskRows = useMemo(() => new Set(isTaskTableCheck(check) ? check.tasks.map((t) => t.row.row) : []), [check]);
  const legacyCells = useLegacyCells(state, session);
  return (
    <>
      <section className={styles.card} aria-labelledby="issues-heading">
        <Subtitle2 as="h2" id="issues-heading" className={styles.heading}>
          {s.issuesHeading}
        </Subtitle2>
        {check.issues.length === 0 ? (
          <MessageBar intent="success" data-testid="no-issues">
            <MessageBarBody>
              <MessageBarTitle>{s.noIssuesTitle}</MessageBarTitle>
              {check.kind === "delegations" ? s.noIssuesDelegationsBody : s.noIssuesBody}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <IssueList
            key={session.id}
            issues={check.issues}
            lang={lang}
            selected={session.selected}
            sheet={check.sheetName}
            grid={grid}
            taskRows={taskRows}
            plan={isTaskTableCheck(check) ? check.plan : null}
            busy={state.busy !== null}
            legacyCells={legacyCells}
          />
        )}
      </section>

      {check.table !== null && (
        <section className={styles.card} aria-labelledby="tallies-heading">
          <Subtitle2 as="h2" id="tallies-heading" className={styles.heading}>
            {s.talliesHeading}
          </Subtitle2>
          {isTaskTableCheck(check) ? (
            <TaskTallies check={check} lang={lang} />
          ) : (
            <>
              <DelegationTallies check={check} lang={lang} />
              <StatedTotalsForm
                key={session.id}
                check={check}
                lang={lang}
                stored={state.checkInputs.stated}
                onSubmit={commands.submitStated}
              />
            </>
          )}
        </section>
      )}
    </>
  );
}

/** Legacy cells "Chuyển sang Unicode" would change: none once converted (the result is then out of date). */
function useLegacyCells(state: PaneState, session: CheckSession): number {
  const grid = session.phase === "checked" ? session.grid : null;
  const hasLegacy = session.phase === "checked" && session.check.issues.some((i) => i.code === "legacy-encoding");
  const count = useMemo(() => (grid && hasLegacy ? findLegacyCells(grid).length : 0), [grid, hasLegacy]);
  return session.phase === "checked" && session.stale === "cells" ? 0 : count;
}

function WorkbookActions({ lang, state }: { lang: Lang; state: PaneState }) {
  const s = strings(lang);
  const styles = useStyles();
  const commands = usePaneCommandsContext();
  const { session } = state;
  const working = state.busy !== null;
  const check = session.phase === "checked" ? session.check : null;
  const legacyCells = useLegacyCells(state, session);
  const conversion = lastConversion(state);
  return (
    <section className={styles.card} aria-labelledby="actions-heading">
      <Subtitle2 as="h2" id="actions-heading" className={styles.heading}>
        {s.actionsHeading}
      </Subtitle2>
      <div className={styles.actions}>
        {check?.table && (
          <Button data-testid="write-summary-button" disabledFocusable={working} onClick={commands.writeSummaries}>
            {s.writeSummary}
          </Button>
        )}
        {check && check.issues.length > 0 && (
          <Button data-testid="export-issues-button" disabledFocusable={working} onClick={commands.exportIssues}>
            {s.exportIssues}
          </Button>
        )}
        {check?.table && (
          <Button
            data-testid="highlight-button"
            disabledFocusable={working || check.issues.every((i) => i.cell === null || i.severity === "info")}
            onClick={commands.highlight}
          >
            {s.highlight}
          </Button>
        )}
        {state.highlighted && (
          <Button data-testid="clear-highlights-button" disabledFocusable={working} onClick={commands.clearHighlights}>
            {s.clearHighlights}
          </Button>
        )}
        {check && isTaskTableCheck(check) && check.table?.header.columns.lead !== undefined && (
          <Button data-testid="add-pickers-button" disabledFocusable={working} onClick={commands.addPickers}>
            {s.addPickers}
          </Button>
        )}
        {check && legacyCells > 0 && (
          <ConvertLegacyButton
            lang={lang}
            cells={legacyCells}
            sheet={check.sheetName}
            disabled={working}
            onConfirm={commands.convertLegacy}
          />
        )}
        {conversion && <UndoConvertButton lang={lang} disabled={working} onUndo={() => commands.undo(conversion.id)} />}
      </div>
    </section>
  );
}
