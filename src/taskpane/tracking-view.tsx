/**
 * The tracking views of the checked task table: its deadlines as of today (click a task to select its row), the
 * per-agency scorecard from the statuses the sheet itself holds (a progress report), and "Tách theo cơ quan" —
 * one workbook per lead agency offered as downloads. Downloads rather than sheets in a new workbook: a new workbook
 * cannot be opened from a task pane on Excel on the web (createWorkbook opens it in another tab without the
 * add-in's access), while a download works in the browsers and in Excel on Windows; on Excel for Mac, where the
 * pane's web view refuses downloads, the command line's `split` does the same.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { AgencyDirectory } from "../core/agencies/directory";
import { Lang } from "../core/issues/catalogue";
import { TaskTable } from "../core/kinds/tasks/table";
import { cellAddress } from "../core/sheet/grid";
import { DateParts } from "../core/timeframe/timeframe";
import { dueText } from "../core/tracking/deadline-sheet";
import { deadlineView } from "../core/tracking/deadline-view";
import { DEFAULT_REPORTING_DATE, reportingDateFromText, todayInVietnam } from "../core/tracking/deadlines";
import { planTasks } from "../core/tracking/plan-tasks";
import { scorecard } from "../core/tracking/scorecard";
import { AgencyTaskList, splitPlan } from "../core/tracking/split";
import { ReplyTable, track } from "../core/tracking/track";
import { bucketLabel } from "../core/tracking/tracking-labels";
import { cardStyle } from "./card-style";
import { TrackingReplies } from "./tracking-replies";

export interface TrackingViewProps {
  lang: Lang;
  table: TaskTable;
  directory: AgencyDirectory;
  /** Today (in Vietnam) when not given. */
  asOf?: DateParts;
  onSelect: (sheet: string, address: string) => void;
  /** Hands the agencies' task lists to whoever writes them (downloads in the pane). */
  onSplit: (lists: AgencyTaskList[]) => void;
  /** Reads the agencies' filled-in task lists; without it the view tracks only the statuses the sheet itself holds. */
  readReplies?: (files: File[]) => Promise<RepliesRead>;
}

export interface RepliesRead {
  replies: ReplyTable[];
  unusable: Array<{ file: string; why: string }>;
}

type RepliesState = { reading: boolean; read: RepliesRead | null };
type RepliesAction = { type: "reading" } | { type: "read"; read: RepliesRead } | { type: "clear" };

function repliesReducer(state: RepliesState, action: RepliesAction): RepliesState {
  switch (action.type) {
    case "reading":
      return { ...state, reading: true };
    case "read":
      return { reading: false, read: action.read };
    case "clear":
      return { reading: false, read: null };
  }
}

const useStyles = makeStyles({
  card: cardStyle,
  row: { textAlign: "left", justifyContent: "flex-start", width: "100%" },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
});

const WORDS = {
  vi: { deadlines: "Hạn thực hiện", scorecard: "Kết quả theo cơ quan", split: "Tách theo cơ quan", none: "Không có nhiệm vụ đến hạn." },
  en: { deadlines: "Deadlines", scorecard: "Agency scorecard", split: "Split by agency", none: "No task is due." },
};

export function TrackingView({ lang, table, directory, asOf: given, onSelect, onSplit, readReplies }: TrackingViewProps) {
  const styles = useStyles();
  const [asOf] = React.useState<DateParts>(() => given ?? todayInVietnam());
  const w = WORDS[lang];
  const plan = React.useMemo(() => planTasks(table, directory), [table, directory]);
  const reporting = reportingDateFromText(table.titleText) ?? DEFAULT_REPORTING_DATE;
  const [replies, dispatch] = React.useReducer(repliesReducer, { reading: false, read: null });
  const merged = replies.read && replies.read.replies.length > 0 ? replies.read.replies : null;
  // Without replies the sheet is its own report (a plan whose status columns are filled in is tracked as it stands).
  const tracking = React.useMemo(
    () => track(plan, merged ?? [{ file: table.sheetName, table }], { asOf, reporting, lang }),
    [plan, table, merged, asOf, reporting, lang],
  );
  const pick = (files: File[]) => {
    if (!readReplies) return;
    dispatch({ type: "reading" });
    void readReplies(files).then((read) => dispatch({ type: "read", read }));
  };
  const view = React.useMemo(() => {
    const statuses = new Map(tracking.tasks.flatMap((t) => (t.latest ? [[t.task.index, t.latest.report.status.status] as const] : [])));
    return deadlineView(plan, asOf, reporting, statuses);
  }, [plan, tracking, asOf, reporting]);
  const cards = React.useMemo(() => scorecard(tracking), [tracking]);
  const due = view.entries.filter((e) => e.bucket === "overdue" || e.bucket === "this-month" || e.bucket === "this-quarter");
  const col = table.header.columns.content ?? table.header.firstCol;
  return (
    <section className={styles.card} data-testid="tracking-view">
      <h3>
        {w.deadlines} ({bucketLabel("overdue", lang)}: {view.totals.overdue})
      </h3>
      {due.length === 0 && <p>{w.none}</p>}
      {due.map((e) => (
        <Button
          key={e.task.id}
          appearance="subtle"
          className={styles.row}
          data-testid="deadline-item"
          onClick={() => onSelect(table.sheetName, cellAddress(e.task.sheetRow, col))}
        >
          <span className={e.bucket === "overdue" ? styles.overdue : undefined}>
            {e.task.id} · {dueText(e, lang)} · {bucketLabel(e.bucket, lang)} — {e.task.content.slice(0, 60)}
          </span>
        </Button>
      ))}
      <h3>{w.scorecard}</h3>
      <table className={styles.table} data-testid="scorecard">
        <tbody>
          {cards.map((c) => (
            <tr key={c.agency} data-testid="scorecard-row">
              <td>{c.agency}</td>
              <td>{c.tasks}</td>
              <td>{c.completedOnTime}</td>
              <td>{c.overdue}</td>
              <td>{c.notReported}</td>
              <td>{c.onTimeRate === null ? "" : `${Math.round(c.onTimeRate * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button data-testid="split-button" onClick={() => onSplit(splitPlan(plan, { lang, asOf, reporting, planName: table.sheetName }))}>
        {w.split}
      </Button>
      {readReplies && (
        <TrackingReplies
          lang={lang}
          tracking={merged ? tracking : null}
          picked={replies.read ? { tables: replies.read.replies.length, unusable: replies.read.unusable } : null}
          reading={replies.reading}
          onPick={pick}
          onClear={() => dispatch({ type: "clear" })}
        />
      )}
    </section>
  );
}

/** Offers each list as an .xlsx download (ExcelJS is loaded only now: it is the pane's heaviest part). */
export async function downloadTaskLists(lists: readonly AgencyTaskList[], doc: Document = document): Promise<number> {
  const { workbookBytes } = await import("../xlsx/write");
  for (const list of lists) {
    const bytes = await workbookBytes([list.model]);
    const url = URL.createObjectURL(
      new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const a = doc.createElement("a");
    a.href = url;
    a.download = list.fileName;
    doc.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  }
  return lists.length;
}
