/**
 * The Consolidate tab ("Hợp nhất", SPEC 7): the .xlsx files the agencies sent back are picked and read here in the
 * pane, one by one with a status each; the optional list of agencies expected to reply says who is missing; nothing
 * touches the workbook until "Ghi vào sổ" writes the consolidated table, the summaries and the file report.
 *
 * pane.tsx loads this module with React.lazy(() => import(...)): through reply-files.ts it brings ExcelJS, which must
 * stay out of the pane's initial JavaScript.
 */
import { wordFailureText } from "../word/failure-text";
import { readDetailText } from "../xlsx/read-failure-text";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ChangeEvent } from "react";
import { Button, Caption1, Field, makeStyles, Subtitle2, Text, Textarea, tokens } from "@fluentui/react-components";
import { consolidate, parseExpectedAgencies } from "../core/consolidate/consolidate";
import type { AgencyDirectory } from "../core/agencies/directory";
import type { Lang } from "../core/issues/catalogue";
import { issueText } from "../core/issues/text";
import type { Settings } from "../core/settings/settings";
import { cardStyle } from "./card-style";
import { ConfirmDialog } from "./confirm-dialog";
import { ConsolidationSummary, FileItem } from "./consolidate-parts";
import type { FileState } from "./consolidate-parts";
import { withoutDuplicates } from "./consolidation-choices";
import { usePaneCommandsContext } from "./pane-commands";
import { nextPaint } from "./progress";
import { ProgressPanel } from "./progress-panel";
import { consolidationInputs, readReplyFile, replyStatus, textOf } from "./reply-files";
import type { ReplyRead } from "./reply-files";
import type { Busy } from "./session";
import { strings } from "./strings";
import type { Strings } from "./strings";

export interface ConsolidateViewProps {
  lang: Lang;
  settings: Settings;
  directory: AgencyDirectory;
  /** The pane's work under way (writing the sheets, or a check started on the other tab), or null. */
  busy: Busy | null;
}

/** One picked file: waiting its turn, being read, or read (`read` holds the outcome); `agency` as picked ("" guessed). */
interface Entry {
  key: number;
  name: string;
  read: ReplyRead | null;
  reading: boolean;
  agency: string;
}

const useStyles = makeStyles({
  card: cardStyle,
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  // Reachable by label and by tests (setInputFiles), out of sight: the button beside it opens it.
  fileInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
});

function stateOf(entry: Entry): FileState {
  if (entry.reading) return "reading";
  if (!entry.read) return "waiting";
  return replyStatus(entry.read).kind;
}

/** Why a file could not be read, in the pane's language (the reader's own messages are English). */
function unreadableText(read: Extract<ReplyRead, { ok: false }>, s: Strings, lang: Lang): string {
  if ("failure" in read) return wordFailureText(read.failure, lang, read.detail);
  if (read.reason === "error") return s.fileError(read.detail);
  // The reader's detail (which entry, which limit) in the pane's language, from the readers' one catalogue.
  return read.detail ? `${s.readFailure[read.reason]} (${readDetailText(read.detail, lang)})` : s.readFailure[read.reason];
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
      return { text: s.fileUnreadable(unreadableText(status.read, s, lang)) };
  }
}

export function ConsolidateView(props: ConsolidateViewProps) {
  const { lang, busy } = props;
  const s = strings(lang);
  const styles = useStyles();
  const commands = usePaneCommandsContext();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [confirmClear, setConfirmClear] = useState(false);
  const [leftOut, setLeftOut] = useState<ReadonlySet<number>>(new Set());
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
      const picked: Entry[] = files.map((f) => ({ key: nextKey.current++, name: f.name, read: null, reading: false, agency: "" }));
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
          const read = await readReplyFile(files[i], { directory, settings, lang });
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
      commands.cancel();
      return;
    }
    readAbort.current?.abort();
    readAbort.current = null;
    setReading(null);
    setEntries([]);
    setLeftOut(new Set());
    commands.notice((t) => t.cancelledConsolidate, "consolidate");
  };

  /** "Bỏ tất cả tệp", once confirmed: the list empties, the workbook is untouched. */
  const clearAll = () => {
    setConfirmClear(false);
    setEntries([]);
    setLeftOut(new Set());
    commands.notice((t) => t.clearedConsolidate, "consolidate");
  };

  const removeFile = (key: number) => {
    setEntries((list) => list.filter((e) => e.key !== key));
    setLeftOut(new Set());
  };

  const expected = useMemo(() => parseExpectedAgencies(expectedText), [expectedText]);
  const { directory } = props;
  // Computed once the reading is over: per file as it is read would merge everything again for every file.
  const consolidation = useMemo(() => {
    if (reading || entries.length === 0 || entries.some((e) => !e.read)) return null;
    const t = strings(lang);
    const inputs = entries.flatMap((e) =>
      consolidationInputs(e.name, e.read!, (r) => unreadableText(r, t, lang)).map((input) =>
        e.agency ? { ...input, agency: e.agency } : input,
      ),
    );
    return consolidate(inputs, { directory, expected: expected.length > 0 ? expected : undefined, lang });
  }, [entries, reading, expected, directory, lang]);

  const progress = reading ?? busy;
  const agencies = useMemo(
    () =>
      directory.data.agencies
        .filter((a) => a.kind === "agency")
        .map((a) => a.name)
        .sort((a, b) => a.localeCompare(b, "vi")),
    [directory],
  );
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
            accept=".xlsx,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
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
        <Subtitle2 as="h2" className={styles.heading}>
          {s.consolidateFilesLabel}
        </Subtitle2>
        {entries.length === 0 ? (
          <Caption1 className={styles.muted}>{s.consolidateNoFiles}</Caption1>
        ) : (
          <ul className={styles.list}>
            {entries.map((e) => (
              <FileItem
                key={e.key}
                name={e.name}
                state={stateOf(e)}
                status={statusText(e, s, lang)}
                agency={e.agency}
                agencies={agencies}
                busy={reading !== null || busy !== null}
                s={s}
                onAgency={(agency) => update(e.key, { agency })}
                onRemove={() => removeFile(e.key)}
              />
            ))}
          </ul>
        )}
        {progress && <ProgressPanel busy={progress} s={s} onCancel={cancel} cancelTestId="consolidate-cancel-button" />}
        {consolidation && (
          <ConsolidationSummary
            consolidation={consolidation}
            s={s}
            leftOut={leftOut}
            onKeep={(group, keep) =>
              setLeftOut((was) => {
                const next = new Set(was);
                if (keep) next.delete(group);
                else next.add(group);
                return next;
              })
            }
          />
        )}
        {entries.length > 0 && !reading && (
          <div className={styles.actions}>
            <Button
              appearance="primary"
              data-testid="consolidate-write-button"
              disabled={!canWrite}
              onClick={() => consolidation && commands.writeConsolidation(withoutDuplicates(consolidation, leftOut))}
            >
              {s.consolidateWrite}
            </Button>
            {!progress && (
              <Button data-testid="consolidate-clear-button" onClick={() => setConfirmClear(true)}>
                {s.consolidateClear}
              </Button>
            )}
          </div>
        )}
        {consolidation && consolidation.checks.length === 0 && <Caption1 className={styles.muted}>{s.consolidateNothing}</Caption1>}
      </section>
      <ConfirmDialog
        open={confirmClear}
        title={s.consolidateClearTitle}
        confirm={s.consolidateClearConfirm}
        cancel={s.cancelEdit}
        testId="consolidate-clear"
        onConfirm={clearAll}
        onCancel={() => setConfirmClear(false)}
      >
        {s.consolidateClearBody(entries.length)}
      </ConfirmDialog>
    </>
  );
}
