/**
 * The Check tab: what to check, the Check button, progress while it runs, then the result — issues, tallies and
 * the actions that write to the workbook.
 */
import { useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from "@fluentui/react-components";
import { rangeAddress } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import type { StatedTotals } from "../core/kinds/delegations/stated-totals";
import type { SheetCheck } from "../core/workbook";
import { IssueList } from "./issue-list";
import { ConvertLegacyButton, UndoConvertButton } from "./legacy-actions";
import type { Busy } from "./pane";
import { strings } from "./strings";
import type { Strings } from "./strings";
import { StatedTotalsForm } from "./stated-totals-form";
import { DelegationTallies, TaskTallies } from "./tallies-view";
import { tablesInExcel } from "./workbook-actions";
import type { TableChoice } from "./workbook-actions";
import { cardStyle } from "./card-style";

export type Scope = { kind: "sheet" } | { kind: "selection" } | { kind: "table"; name: string };

export interface CheckViewProps {
  lang: Lang;
  /** The workbook's settings are loaded (checking before that would ignore them). */
  ready: boolean;
  scope: Scope;
  onScope(scope: Scope): void;
  check: SheetCheck | null;
  /** Changes with every new check, so filters start afresh. */
  checkId: number;
  /** Why the result no longer matches the workbook: settings changed, or the pane changed cells. */
  stale: Stale | null;
  busy: Busy | null;
  selectedIssue: number | null;
  onCheck(): void;
  onCancel(): void;
  onSelectIssue(index: number): void;
  onWriteSummaries(): void;
  onHighlight(): void;
  onClearHighlights(): void;
  /** Checks read legacy-encoded text as Unicode (the cells stay as they are). */
  readLegacyAsUnicode: boolean;
  onReadLegacyAsUnicode(on: boolean): void;
  /** Legacy-encoded cells the last check found that "Chuyển sang Unicode" would change (0: none, or already done). */
  legacyCells: number;
  /** The pane holds the text of converted cells: "Hoàn tác" can put it back. */
  canUndoConvert: boolean;
  onConvertLegacy(): void;
  onUndoConvert(): void;
  /** Delegation totals the user stated (saved with the workbook). */
  stated: StatedTotals | null;
  onStated(stated: StatedTotals | null): void;
}

export type Stale = "settings" | "cells";

const useStyles = makeStyles({
  card: cardStyle,
  row: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: "9rem" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  progressLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  progressLabel: { flexGrow: 1 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

function stepLabel(busy: Busy, s: Strings): string {
  switch (busy.step) {
    case "reading":
      return s.stepReading;
    case "checking":
      return s.stepChecking;
    case "summaries":
      return s.stepSummaries;
    case "writing":
      return s.stepWriting;
    case "highlighting":
      return s.stepHighlighting;
    case "clearing":
      return s.stepClearing;
    case "selecting":
      return s.stepSelecting;
    case "files":
      return s.stepFiles(busy.index, busy.of);
    case "converting":
      return s.stepConverting;
    case "restoring":
      return s.stepRestoring;
  }
}

export function CheckView(props: CheckViewProps) {
  const { lang, check, busy } = props;
  const s = strings(lang);
  const styles = useStyles();
  return (
    <>
      <section className={styles.card} aria-label={s.scopeLabel}>
        <ScopePicker lang={lang} scope={props.scope} onScope={props.onScope} disabled={busy !== null} />
        <Switch
          data-testid="read-legacy-switch"
          checked={props.readLegacyAsUnicode}
          disabled={busy !== null}
          label={s.readLegacyAsUnicode}
          onChange={(_, data) => props.onReadLegacyAsUnicode(data.checked)}
        />
        <div className={styles.actions}>
          <Button
            appearance="primary"
            data-testid="check-button"
            disabled={busy !== null || !props.ready || (props.scope.kind === "table" && props.scope.name === "")}
            onClick={props.onCheck}
          >
            {s.checkButton}
          </Button>
          <Button data-testid="clear-highlights-button" disabled={busy !== null} onClick={props.onClearHighlights}>
            {s.clearHighlights}
          </Button>
        </div>
        {busy && <ProgressPanel busy={busy} s={s} onCancel={props.onCancel} />}
      </section>

      {!check && !busy && (
        <section className={styles.card} data-testid="empty-state">
          <Subtitle2>{s.emptyTitle}</Subtitle2>
          <Text>{s.emptyBody}</Text>
        </section>
      )}

      {check && (
        <>
          <section className={styles.card} data-testid="result">
            <Subtitle2 data-testid="result-title">{s.resultTitle(check.sheetName)}</Subtitle2>
            <Caption1 className={styles.muted} data-testid="result-summary">
              {resultSummary(check, s)}
            </Caption1>
            {props.stale && (
              <MessageBar intent="info" data-testid="stale">
                <MessageBarBody>{props.stale === "cells" ? s.staleCells : s.staleResult}</MessageBarBody>
              </MessageBar>
            )}
            {(check.table !== null || props.legacyCells > 0 || props.canUndoConvert) && (
              <div className={styles.actions} aria-label={s.actionsHeading}>
                {check.table !== null && (
                  <>
                    <Button data-testid="write-summary-button" disabled={busy !== null} onClick={props.onWriteSummaries}>
                      {s.writeSummary}
                    </Button>
                    <Button
                      data-testid="highlight-button"
                      disabled={busy !== null || check.issues.every((i) => i.cell === null)}
                      onClick={props.onHighlight}
                    >
                      {s.highlight}
                    </Button>
                  </>
                )}
                {props.legacyCells > 0 && (
                  <ConvertLegacyButton
                    lang={lang}
                    cells={props.legacyCells}
                    sheet={check.sheetName}
                    disabled={busy !== null}
                    onConfirm={props.onConvertLegacy}
                  />
                )}
                {props.canUndoConvert && <UndoConvertButton lang={lang} disabled={busy !== null} onUndo={props.onUndoConvert} />}
              </div>
            )}
          </section>

          <section className={styles.card} aria-label={s.issuesHeading}>
            <Subtitle2>{s.issuesHeading}</Subtitle2>
            {check.issues.length === 0 ? (
              <MessageBar intent="success" data-testid="no-issues">
                <MessageBarBody>
                  <MessageBarTitle>{s.noIssuesTitle}</MessageBarTitle>
                  {s.noIssuesBody}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <IssueList
                key={props.checkId}
                issues={check.issues}
                lang={lang}
                selected={props.selectedIssue}
                onSelect={props.onSelectIssue}
              />
            )}
          </section>

          {check.table !== null && (
            <section className={styles.card} aria-label={s.talliesHeading}>
              {check.kind === "tasks" ? (
                <TaskTallies check={check} lang={lang} />
              ) : (
                <>
                  <DelegationTallies check={check} lang={lang} />
                  <StatedTotalsForm key={props.checkId} check={check} lang={lang} stored={props.stated} onSubmit={props.onStated} />
                </>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}

export function resultSummary(check: SheetCheck, s: Strings): string {
  const parts: string[] = [];
  if (check.kind === "tasks") {
    if (check.table) parts.push(s.resultTasks(check.counts.tasks, check.counts.sections));
  } else {
    parts.push(s.resultDelegations(check.rows.length));
  }
  const t = check.table;
  if (t) parts.push(s.tableRange(rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol)));
  return parts.join(" · ");
}

/** The step under way with its Cancel button (disabled while a write is halfway and cannot stop). */
export function ProgressPanel({
  busy,
  s,
  onCancel,
  cancelTestId = "cancel-button",
}: {
  busy: Busy;
  s: Strings;
  onCancel(): void;
  cancelTestId?: string;
}) {
  const styles = useStyles();
  const label = busy.retry ? s.stepRetry(busy.retry) : stepLabel(busy, s);
  return (
    <div className={styles.progress} data-testid="progress" role="status" aria-live="polite">
      <div className={styles.progressLine}>
        <Spinner size="tiny" />
        <Text className={styles.progressLabel} data-testid="progress-label">
          {label}
        </Text>
        <Button
          size="small"
          data-testid={cancelTestId}
          disabled={!busy.cancellable || busy.cancelling}
          title={busy.cancellable ? undefined : s.cannotCancelNow}
          onClick={onCancel}
        >
          {s.cancel}
        </Button>
      </div>
      <ProgressBar value={(busy.index - 0.5) / busy.of} thickness="large" />
    </div>
  );
}

function ScopePicker({ lang, scope, onScope, disabled }: { lang: Lang; scope: Scope; onScope(scope: Scope): void; disabled: boolean }) {
  const s = strings(lang);
  const styles = useStyles();
  const [tables, setTables] = useState<TableChoice[] | null>(null);
  const [tablesFailed, setTablesFailed] = useState(false);
  const wantsTables = scope.kind === "table";

  useEffect(() => {
    if (!wantsTables) return;
    let live = true;
    setTables(null);
    setTablesFailed(false);
    tablesInExcel()
      .then((found) => {
        if (!live) return;
        setTables(found);
        // Pick the first table when none is picked yet, so Check is one click away.
        if (found.length > 0) onScope({ kind: "table", name: found[0].name });
      })
      .catch(() => {
        if (live) {
          setTables([]);
          setTablesFailed(true);
        }
      });
    return () => {
      live = false;
    };
    // onScope changes identity on every render of the pane; the list is read once per switch to "table".
  }, [wantsTables]);

  return (
    <div className={styles.row}>
      <Field label={s.scopeLabel} className={styles.grow}>
        <Select
          data-testid="scope-select"
          value={scope.kind}
          disabled={disabled}
          onChange={(_, data) =>
            onScope(data.value === "table" ? { kind: "table", name: "" } : { kind: data.value as "sheet" | "selection" })
          }
        >
          <option value="sheet">{s.scopeSheet}</option>
          <option value="selection">{s.scopeSelection}</option>
          <option value="table">{s.scopeTable}</option>
        </Select>
      </Field>
      {scope.kind === "table" && (
        <Field
          label={s.tablePick}
          className={styles.grow}
          validationState={tables !== null && tables.length === 0 ? "warning" : "none"}
          validationMessage={
            tables === null
              ? s.tablesLoading
              : tables.length === 0
                ? tablesFailed
                  ? s.failNotFound(s.failNotFoundThing)
                  : s.tablesNone
                : undefined
          }
        >
          <Select
            data-testid="table-select"
            value={scope.name}
            disabled={disabled || !tables || tables.length === 0}
            onChange={(_, data) => onScope({ kind: "table", name: data.value })}
          >
            {(tables ?? []).map((t) => (
              <option key={t.name} value={t.name}>
                {`${t.name} (${t.sheet}!${t.address})`}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
