/**
 * The Consolidate tab ("Hợp nhất", SPEC 7): the .xlsx files the agencies sent back are picked and read here in the
 * pane, one by one with a status each; the optional list of agencies expected to reply says who is missing; nothing
 * touches the workbook until "Ghi vào sổ" writes the consolidated table, the summaries and the file report.
 *
 * pane.tsx loads this module with React.lazy(() => import(...)): through reply-files.ts it brings ExcelJS, which must
 * stay out of the pane's initial JavaScript.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ChangeEvent } from "react";
import { Button, Caption1, Field, makeStyles, mergeClasses, Subtitle2, Text, Textarea, tokens } from "@fluentui/react-components";
import { consolidate, consolidationSummary, parseExpectedAgencies } from "../core/consolidate/consolidate";
import type { Consolidation } from "../core/consolidate/consolidate";
import type { AgencyDirectory } from "../core/agencies/directory";
import type { Lang } from "../core/issues/catalogue";
import { issueText } from "../core/issues/text";
import type { Settings } from "../core/settings/settings";
import { ProgressPanel } from "./check-view";
import type { Busy, Notice } from "./pane";
import { nextPaint } from "./progress";
import { consolidationInputs, readReplyFile, replyStatus, textOf } from "./reply-files";
import type { ReplyRead } from "./reply-files";
import { strings } from "./strings";
import type { Strings } from "./strings";
import { cardStyle } from "./card-style";

export interface ConsolidateViewProps {
  lang: Lang;
  settings: Settings;
  directory: AgencyDirectory;
  /** The pane's work under way (writing the sheets, or a check started on the other tab), or null. */
  busy: Busy | null;
  onWrite(consolidation: Consolidation): void;
  /** Cancels the pane's work under way. */
  onCancel(): void;
  onNotice(text: Notice["text"]): void;
}

/** One picked file: waiting its turn, being read, or read (`read` holds the outcome). */
interface Entry {
  key: number;
  name: string;
  read: ReplyRead | null;
  reading: boolean;
}

const useStyles = makeStyles({
  card: cardStyle,
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  // Reachable by label and by tests (setInputFiles), out of sight: the button beside it opens it.
  fileInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  file: {
    display: "flex",
    flexDirection: "column",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
  },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  ok: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  warn: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  bad: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  lost: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

type FileState = "waiting" | "reading" | "tables" | "delegations" | "no-table" | "unreadable";

function stateOf(entry: Entry): FileState {
  if (entry.reading) return "reading";
  if (!entry.read) return "waiting";
  return replyStatus(entry.read).kind;
}

/** Why a file could not be read, in the pane's language (the reader's own messages are English). */
function unreadableText(read: Extract<ReplyRead, { ok: false }>, s: Strings): string {
  return read.reason === "error" ? s.fileError(read.detail) : s.readFailure[read.reason];
}

function statusText(entry: Entry, s: Strings, lang: Lang): { text: string; detail?: string } {
  if (entry.reading) return { text: s.fileReading };
  if (!entry.read) return { text: s.fileWaiting };
  const status = replyStatus(entry.read);
  switch (status.kind) {
    case "tables": {
      const text = s.fileTables(status.tables, status.rows);
      return status.delegationTables ? { text, detail: s.fileDelegations(status.delegationTables) } : { text };
    }
    case "delegations":
      return { text: s.fileDelegations(status.delegationTables) };
    case "no-table":
      return { text: s.fileNoTable, detail: status.issue ? issueText(status.issue, lang) : undefined };
    case "unreadable":
      return { text: s.fileUnreadable(unreadableText(status.read, s)) };
  }
}

export function ConsolidateView(props: ConsolidateViewProps) {
  const { lang, busy } = props;
  const s = strings(lang);
  const styles = useStyles();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [reading, setReading] = useState<Busy | null>(null);
  const [expectedText, setExpectedText] = useState("");
  const readAbort = useRef<AbortController | null>(null);
  const nextKey = useRef(1);
  const filesInput = useRef<HTMLInputElement | null>(null);
  const expectedInput = useRef<HTMLInputElement | null>(null);

  // Leaving the pane stops the reading; nothing was written, so there is nothing to undo.
  useEffect(() => () => readAbort.current?.abort(), []);

  const update = (key: number, change: Partial<Entry>) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, ...change } : e)));

  const readFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const picked: Entry[] = files.map((f) => ({ key: nextKey.current++, name: f.name, read: null, reading: false }));
      const names = new Set(picked.map((e) => e.name));
      // The file name is the file's identity in the consolidation: the same name picked again replaces the earlier one.
      setEntries((list) => [...list.filter((e) => !names.has(e.name)), ...picked]);
      const abort = new AbortController();
      readAbort.current = abort;
      const { directory, settings } = props;
      try {
        for (let i = 0; i < files.length; i++) {
          setReading({ step: "files", index: i + 1, of: files.length, cancellable: true, cancelling: false });
          update(picked[i].key, { reading: true });
          await nextPaint();
          if (abort.signal.aborted) return;
          const read = await readReplyFile(files[i], { directory, settings });
          if (abort.signal.aborted) return;
          update(picked[i].key, { reading: false, read });
        }
      } finally {
        if (readAbort.current === abort) {
          readAbort.current = null;
          setReading(null);
        }
      }
    },
    [props],
  );

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // Cleared so that picking the same file again (after fixing it) is a change too.
    event.target.value = "";
    void readFiles(files);
  };

  const onExpectedFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) setExpectedText(await textOf(file));
  };

  /**
   * Cancel at any point: the reading stops and the files are dropped; the pane's work under way (the write, before
   * its last step) stops between steps. Either way the workbook stays as it was.
   */
  const cancel = () => {
    if (!reading && busy) {
      props.onCancel();
      return;
    }
    readAbort.current?.abort();
    readAbort.current = null;
    setReading(null);
    setEntries([]);
    props.onNotice((t) => t.cancelledConsolidate);
  };

  const expected = useMemo(() => parseExpectedAgencies(expectedText), [expectedText]);
  const { directory } = props;
  // Computed once the reading is over: per file as it is read would merge everything again for every file.
  const consolidation = useMemo(() => {
    if (reading || entries.length === 0 || entries.some((e) => !e.read)) return null;
    const t = strings(lang);
    const inputs = entries.flatMap((e) => consolidationInputs(e.name, e.read!, (r) => unreadableText(r, t)));
    return consolidate(inputs, { directory, expected: expected.length > 0 ? expected : undefined, lang });
  }, [entries, reading, expected, directory, lang]);

  const progress = reading ?? busy;
  const canWrite = consolidation !== null && consolidation.checks.length > 0 && !busy && !reading;

  return (
    <>
      <section className={styles.card} aria-label={s.tabConsolidate}>
        <Text>{s.consolidateIntro}</Text>
        <div className={styles.actions}>
          <input
            ref={filesInput}
            id="consolidate-files"
            className={styles.fileInput}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={s.consolidateFiles}
            data-testid="consolidate-files"
            disabled={reading !== null}
            onChange={onPick}
          />
          <Button appearance="primary" disabled={reading !== null} onClick={() => filesInput.current?.click()}>
            {s.consolidateFiles}
          </Button>
        </div>
        <Field label={s.expectedLabel} hint={expected.length > 0 ? s.expectedCount(expected.length) : undefined}>
          <Textarea
            data-testid="consolidate-expected"
            resize="vertical"
            rows={3}
            value={expectedText}
            onChange={(_, data) => setExpectedText(data.value)}
          />
        </Field>
        <div className={styles.actions}>
          <input
            ref={expectedInput}
            className={styles.fileInput}
            type="file"
            accept=".txt,text/plain"
            aria-label={s.expectedFromFile}
            data-testid="consolidate-expected-file"
            onChange={(event) => void onExpectedFile(event)}
          />
          <Button size="small" appearance="subtle" onClick={() => expectedInput.current?.click()}>
            {s.expectedFromFile}
          </Button>
        </div>
      </section>

      <section className={styles.card} aria-label={s.consolidateFilesLabel}>
        <Subtitle2>{s.consolidateFilesLabel}</Subtitle2>
        {entries.length === 0 ? (
          <Caption1 className={styles.muted}>{s.consolidateNoFiles}</Caption1>
        ) : (
          <ul className={styles.list}>
            {entries.map((e) => {
              const state = stateOf(e);
              const status = statusText(e, s, lang);
              const tone =
                state === "tables" || state === "delegations"
                  ? styles.ok
                  : state === "no-table"
                    ? styles.warn
                    : state === "unreadable"
                      ? styles.bad
                      : undefined;
              return (
                <li
                  key={e.key}
                  className={mergeClasses(styles.file, tone)}
                  data-testid="consolidate-file-status"
                  data-file={e.name}
                  data-status={state}
                >
                  <span className={styles.fileName} title={e.name}>
                    {e.name}
                  </span>
                  <Caption1>{status.text}</Caption1>
                  {status.detail && <Caption1 className={styles.muted}>{status.detail}</Caption1>}
                </li>
              );
            })}
          </ul>
        )}
        {progress && <ProgressPanel busy={progress} s={s} onCancel={cancel} cancelTestId="consolidate-cancel-button" />}
        {consolidation && <Summary consolidation={consolidation} s={s} />}
        {entries.length > 0 && !reading && (
          <div className={styles.actions}>
            <Button
              appearance="primary"
              data-testid="consolidate-write-button"
              disabled={!canWrite}
              onClick={() => consolidation && props.onWrite(consolidation)}
            >
              {s.consolidateWrite}
            </Button>
            {!progress && (
              <Button data-testid="consolidate-cancel-button" onClick={cancel}>
                {s.cancel}
              </Button>
            )}
          </div>
        )}
        {consolidation && consolidation.checks.length === 0 && <Caption1 className={styles.muted}>{s.consolidateNothing}</Caption1>}
      </section>
    </>
  );
}

function Summary({ consolidation: c, s }: { consolidation: Consolidation; s: Strings }) {
  const styles = useStyles();
  const summary = consolidationSummary(c);
  return (
    <div
      className={styles.summary}
      data-testid="consolidate-summary"
      data-rows-in={summary.rowsIn}
      data-rows-out={summary.rowsOut}
      data-duplicates={summary.duplicates}
      data-conflicts={summary.conflicts}
      data-missing={summary.missingAgencies.join("\n")}
      role="status"
    >
      <Subtitle2>{s.consolidateSummaryTitle}</Subtitle2>
      <Text>{s.consolidateFilesLine(c.perFile.length, c.tables.length)}</Text>
      <Text className={summary.rowsIn === summary.rowsOut ? undefined : styles.lost}>{s.rowsInOut(summary.rowsIn, summary.rowsOut)}</Text>
      <Text>{s.duplicatesLine(summary.duplicates)}</Text>
      <Text>{s.conflictsLine(summary.conflicts)}</Text>
      {c.expected && <Text data-testid="consolidate-missing">{s.missingLine(summary.missingAgencies, c.expected.length)}</Text>}
    </div>
  );
}
