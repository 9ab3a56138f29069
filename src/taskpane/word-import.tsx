/**
 * "Nhập từ Word": the officer picks a .docx, sees the tables it holds (what the engine finds in each), and writes the
 * chosen one into a new sheet with its merged cells, to check and fix it in Excel. The Word reader is loaded with
 * import() when a file is picked (word-tables.ts), never in the pane's initial JavaScript.
 */
import { useRef, useState } from "react";
import type { ChangeEvent } from "react";
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { AgencyDirectory } from "../core/agencies/directory";
import type { Lang } from "../core/issues/catalogue";
import type { Settings } from "../core/settings/settings";
import { runInExcel } from "../excel/run";
import { writeTableSheet } from "../excel/table-sheet-writer";
import { cardStyle } from "./card-style";
import { failureText } from "./failure-text";
import { bytesOf } from "./file-bytes";
import { wordImportText } from "./word-import-text";
import type { FoundTable, WordTables } from "./word-tables";

export interface WordImportProps {
  lang: Lang;
  directory: AgencyDirectory;
  settings: Settings;
  /** The pane is doing something with the workbook: writing waits for it. */
  busy: boolean;
  /** Tells the pane a sheet was written (its name), for the message it shows. */
  onWritten(text: string): void;
}

const useStyles = makeStyles({
  card: cardStyle,
  fileInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
  },
  task: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  preview: { color: tokens.colorNeutralForeground3, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export function WordImport(props: WordImportProps) {
  const { lang } = props;
  const t = wordImportText(lang);
  const styles = useStyles();
  const input = useRef<HTMLInputElement | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [found, setFound] = useState<WordTables | null>(null);
  const [state, setState] = useState<"idle" | "reading" | "writing">("idle");
  const [failure, setFailure] = useState<string | null>(null);

  const onPick = async (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    event.target.value = "";
    if (!picked) return;
    setFile(picked.name);
    setFound(null);
    setFailure(null);
    setState("reading");
    try {
      const [{ wordTables }, bytes] = await Promise.all([import("./word-tables"), bytesOf(picked)]);
      setFound(wordTables(bytes, { directory: props.directory, settings: props.settings, lang }));
    } catch (error) {
      setFailure(failureText(error, lang));
    } finally {
      setState("idle");
    }
  };

  const write = async (table: FoundTable) => {
    setFailure(null);
    setState("writing");
    try {
      const sheet = await runInExcel((context) =>
        writeTableSheet(context, {
          name: lang === "vi" ? `Bảng ${table.table}` : `Table ${table.table}`,
          grid: table.grid,
          headerRows: table.headerRows,
        }),
      );
      props.onWritten(t.written(table.table, sheet));
    } catch (error) {
      setFailure(failureText(error, lang, { addsSheets: true }));
    } finally {
      setState("idle");
    }
  };

  return (
    <section className={styles.card} aria-label={t.button} data-testid="word-import">
      <Subtitle2>{t.button}</Subtitle2>
      <Text>{t.intro}</Text>
      <input
        ref={input}
        id="word-import-file"
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        className={styles.fileInput}
        data-testid="word-import-file"
        aria-label={t.button}
        onChange={(e) => void onPick(e)}
      />
      <div>
        <Button appearance="secondary" disabled={state !== "idle"} onClick={() => input.current?.click()} data-testid="word-import-button">
          {t.button}
        </Button>
      </div>
      {state !== "idle" && <Spinner size="tiny" label={state === "reading" ? t.reading : t.writing} />}
      {failure && (
        <MessageBar intent="error" data-testid="word-import-failure">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      {found && !found.ok && (
        <MessageBar intent="warning" data-testid="word-import-failure">
          <MessageBarBody>{t.unreadable(found.text)}</MessageBarBody>
        </MessageBar>
      )}
      {found && found.ok && (
        <>
          {file && <Caption1>{found.title ? `${file} — ${found.title}` : file}</Caption1>}
          {found.tables.length === 0 ? (
            <Text>{t.noTables}</Text>
          ) : (
            <ul className={styles.list} data-testid="word-import-tables">
              {found.tables.map((table) => (
                <li
                  key={table.table}
                  className={table.kind ? `${styles.item} ${styles.task}` : styles.item}
                  data-testid="word-import-table"
                >
                  <Text weight="semibold">{t.tableLine(table.table, table.rows, table.columns)}</Text>
                  <Caption1>{t.kindLine(table.kind, table.items)}</Caption1>
                  {table.preview && <Caption1 className={styles.preview}>{table.preview}</Caption1>}
                  <div>
                    <Button
                      size="small"
                      appearance={table.kind ? "primary" : "secondary"}
                      disabled={state !== "idle" || props.busy}
                      onClick={() => void write(table)}
                      data-testid={`word-import-write-${table.table}`}
                    >
                      {t.write(table.table)}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
