/**
 * The checker page (checker.html): the task pane's views served as a plain web page, for officers whose office suite
 * runs no Office add-in (WPS Office, LibreOffice). Files chosen by the user are read and checked in the browser with
 * the same engine; the issues and tallies are the pane's own views; clicking an issue shows its row in a read-only
 * grid; the summary workbook, the consolidated workbook and the issue report are downloads. No byte of a file leaves
 * the page.
 */
import { wordFailureText } from "../word/failure-text";
import { readDetailText } from "../xlsx/read-failure-text";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ChangeEvent } from "react";
import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { defaultDirectory } from "../core/agencies/default-directory";
import { parseAddress } from "../core/sheet/grid";
import type { Lang } from "../core/issues/catalogue";
import { DEFAULT_SETTINGS } from "../core/settings/settings";
import { cardStyle } from "../taskpane/card-style";
import { resultSummary } from "../taskpane/check-view";
import { IssueList } from "../taskpane/issue-list";
import { strings } from "../taskpane/strings";
import { DelegationTallies, TaskTallies } from "../taskpane/tallies-view";
import { checkFile, consolidatedModels, fileStem, gridOf, issueReport, summaryModels } from "./checked-files";
import type { CheckedFile } from "./checked-files";
import { downloadFile, pageWorkbookHost } from "./page-host";
import { pageStrings } from "./page-strings";
import { SheetGrid } from "./sheet-grid";
import { ACCEPTED_FILES, readSourceFile } from "./source-files";
import { isTaskTableCheck } from "../core/kinds";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(320px, 420px) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    "@media (max-width: 800px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  card: cardStyle,
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "9rem" },
  muted: { color: tokens.colorNeutralForeground3 },
});

const failureText = (file: CheckedFile, lang: Lang): string => {
  const s = strings(lang);
  const p = pageStrings(lang);
  const read = file.read;
  if (read.ok) return "";
  switch (read.reason) {
    case "docx-failed":
      return wordFailureText(read.failure, lang, read.detail);
    case "unknown-format":
      return p.unknownFormat;
    case "error":
      return s.fileError(read.detail);
    default:
      return read.detail ? `${s.readFailure[read.reason]} (${readDetailText(read.detail, lang)})` : s.readFailure[read.reason];
  }
};

export function CheckerPage({ offline }: { offline: Promise<boolean> }) {
  const styles = useStyles();
  const [lang, setLang] = useState<Lang>("vi");
  const s = strings(lang);
  const p = pageStrings(lang);
  const [files, setFiles] = useState<CheckedFile[]>([]);
  const [reading, setReading] = useState(false);
  const [chosen, setChosen] = useState<{ file: number; sheet: string } | null>(null);
  const [selectedIssue, setSelectedIssue] = useState<number | null>(null);
  const [shownCell, setShownCell] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  const nextKey = useRef(1);
  const directory = useMemo(() => defaultDirectory(), []);
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    let live = true;
    void offline.then((ready) => live && setOfflineReady(ready));
    return () => {
      live = false;
    };
  }, [offline]);

  const host = useMemo(() => pageWorkbookHost((_sheet, address) => setShownCell(address)), []);
  const file = chosen ? (files.find((f) => f.key === chosen.file) ?? null) : null;
  const check = file && chosen ? (file.checks.find((c) => c.sheetName === chosen.sheet) ?? null) : null;
  const grid = file && chosen ? gridOf(file, chosen.sheet) : null;

  const choose = useCallback((f: CheckedFile, sheet?: string) => {
    setChosen({ file: f.key, sheet: sheet ?? f.checks[0]?.sheetName ?? "" });
    setSelectedIssue(null);
    setShownCell(null);
  }, []);

  const open = useCallback(
    async (event: ChangeEvent<HTMLInputElement>) => {
      const picked = Array.from(event.target.files ?? []);
      event.target.value = "";
      if (picked.length === 0) return;
      setReading(true);
      setNotice(null);
      const opened: CheckedFile[] = [];
      for (const f of picked) {
        // Read here, in the page: the bytes go to the reader and nowhere else.
        const read = await readSourceFile(f.name, new Uint8Array(await f.arrayBuffer()), lang);
        opened.push(checkFile(nextKey.current++, f.name, read, { directory, settings: DEFAULT_SETTINGS }));
      }
      setFiles((was) => [...was, ...opened]);
      setReading(false);
      const first = opened.find((f) => f.hasTable) ?? opened[0];
      choose(first);
    },
    [directory, choose],
  );

  const selectIssue = useCallback(
    (index: number) => {
      const issue = check?.issues[index];
      if (!check || !issue?.cell) return;
      setSelectedIssue(index);
      void host.showCell(check.sheetName, issue.cell);
    },
    [check, host],
  );

  const download = useCallback(
    async (what: "summary" | "consolidated" | "report") => {
      if (what === "report") {
        const name = files.length === 1 ? `${fileStem(files[0].name)}-bao-cao-loi.json` : "bao-cao-loi.json";
        downloadFile(name, issueReport(files, lang), "application/json");
        setNotice(p.downloaded(name));
        return;
      }
      if (what === "summary" && file) {
        const name = `${fileStem(file.name)}-tong-hop.xlsx`;
        await host.writeSheets(summaryModels(file, lang), name);
        setNotice(p.downloaded(name));
        return;
      }
      const name = "hop-nhat.xlsx";
      await host.writeSheets(
        consolidatedModels(files, directory, lang, (f) => failureText(f, lang)),
        name,
      );
      setNotice(p.downloaded(name));
    },
    [files, file, lang, host, directory, p],
  );

  const focus = shownCell ? parseAddress(shownCell) : null;

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.root}>
        <header className={styles.header}>
          <span className={styles.title}>{p.pageTitle}</span>
          <Select
            size="small"
            aria-label={s.settingsLanguage}
            data-testid="language-switch"
            value={lang}
            onChange={(_, d) => setLang(d.value as Lang)}
          >
            <option value="vi">{s.langVi}</option>
            <option value="en">{s.langEn}</option>
          </Select>
        </header>
        <div className={styles.layout}>
          <div className={styles.column}>
            <section className={styles.card}>
              <Text>{p.intro}</Text>
              <div className={styles.row}>
                <Button appearance="primary" data-testid="open-files-button" onClick={() => input.current?.click()}>
                  {p.openFiles}
                </Button>
                <input
                  ref={input}
                  id="checker-files"
                  data-testid="checker-files"
                  type="file"
                  multiple
                  accept={ACCEPTED_FILES}
                  hidden
                  onChange={(e) => void open(e)}
                />
                {reading && <Spinner size="tiny" label={p.reading} data-testid="reading" />}
              </div>
              <Caption1 className={styles.muted}>
                {p.privacy} {offlineReady && <span data-testid="offline-ready">{p.offlineReady}</span>}
              </Caption1>
            </section>

            {files.length > 0 && (
              <section className={styles.card} data-testid="opened-files">
                <Subtitle2>{p.filesHeading}</Subtitle2>
                <div className={styles.row}>
                  <Field label={p.fileLabel} className={styles.grow}>
                    <Select
                      data-testid="file-select"
                      value={String(chosen?.file ?? "")}
                      onChange={(_, d) => {
                        const f = files.find((x) => String(x.key) === d.value);
                        if (f) choose(f);
                      }}
                    >
                      {files.map((f) => (
                        <option key={f.key} value={String(f.key)}>
                          {f.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {file && file.checks.length > 0 && (
                    <Field label={p.sheetLabel} className={styles.grow}>
                      <Select data-testid="sheet-select" value={chosen?.sheet ?? ""} onChange={(_, d) => choose(file, d.value)}>
                        {file.checks.map((c) => (
                          <option key={c.sheetName} value={c.sheetName}>
                            {c.sheetName}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  )}
                </div>
                {file && !file.read.ok && (
                  <MessageBar intent="error" data-testid="file-failure">
                    <MessageBarBody>{`${file.name}: ${failureText(file, lang)}`}</MessageBarBody>
                  </MessageBar>
                )}
                <Subtitle2>{p.downloadsHeading}</Subtitle2>
                <div className={styles.row}>
                  <Button data-testid="download-summary" disabled={!file?.hasTable} onClick={() => void download("summary")}>
                    {p.downloadSummary}
                  </Button>
                  <Button
                    data-testid="download-consolidated"
                    disabled={!files.some((f) => f.hasTable)}
                    onClick={() => void download("consolidated")}
                  >
                    {p.downloadConsolidated}
                  </Button>
                  <Button data-testid="download-report" disabled={!files.some((f) => f.hasTable)} onClick={() => void download("report")}>
                    {p.downloadReport}
                  </Button>
                </div>
                {notice && (
                  <MessageBar intent="success" data-testid="notice">
                    <MessageBarBody>{notice}</MessageBarBody>
                  </MessageBar>
                )}
              </section>
            )}

            {check && (
              <section className={styles.card} data-testid="result">
                <Subtitle2>{s.resultTitle(check.sheetName)}</Subtitle2>
                <Caption1 className={styles.muted} data-testid="result-summary">
                  {check.table ? resultSummary(check, s) : p.noTableHere}
                </Caption1>
                {check.issues.length === 0 ? (
                  <MessageBar intent="success" data-testid="no-issues">
                    <MessageBarBody>{s.noIssuesTitle}</MessageBarBody>
                  </MessageBar>
                ) : (
                  <IssueList
                    key={`${file?.key}-${check.sheetName}`}
                    issues={check.issues}
                    lang={lang}
                    selected={selectedIssue}
                    onSelect={selectIssue}
                  />
                )}
              </section>
            )}
          </div>

          <div className={styles.column}>
            {check?.table && (
              <section className={styles.card} aria-label={s.talliesHeading}>
                {isTaskTableCheck(check) ? <TaskTallies check={check} lang={lang} /> : <DelegationTallies check={check} lang={lang} />}
              </section>
            )}
            {grid && (
              <section className={styles.card}>
                <SheetGrid grid={grid} lang={lang} cell={focus && shownCell ? { ...focus, address: shownCell } : null} />
              </section>
            )}
          </div>
        </div>
      </div>
    </FluentProvider>
  );
}
