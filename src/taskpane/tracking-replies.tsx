/**
 * Replies merged back into the checked plan in the pane (the command line's `track`): the agencies' filled-in task
 * lists are picked as files, each reported row is matched to its task — by the task identifier a split workbook
 * carries, else by section and content — and what could not be matched surely is listed for a person, never applied.
 * Rows in = rows out holds here as on the command line.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { Lang } from "../core/issues/catalogue";
import { Tracking } from "../core/tracking/track";

export interface RepliesPicked {
  /** Task tables read from the files, each named by its file. */
  tables: number;
  /** Files that could not be used, with why, in the pane's language. */
  unusable: Array<{ file: string; why: string }>;
}

const WORDS = {
  vi: {
    pick: "Gộp báo cáo của cơ quan",
    reading: "Đang đọc báo cáo…",
    summary: (t: Tracking) => {
      const n = (o: string) => t.replies.filter((r) => r.outcome === o).length;
      const byId = t.replies.filter((r) => r.matchedBy === "id").length;
      return `${t.replies.length} dòng báo cáo: ${byId} khớp theo mã nhiệm vụ, ${n("matched") - byId} khớp theo nội dung, ${n("uncertain")} cần xác nhận, ${n("unmatched")} không khớp nhiệm vụ nào — dòng vào ${t.rowsIn} = dòng ra ${t.rowsOut}.`;
    },
    uncertain: (task: string, score: number) => `có thể là nhiệm vụ ${task} (độ giống ${score}) — cần xác nhận`,
    unmatched: "không khớp nhiệm vụ nào (giữ lại để xem xét)",
    unusable: (file: string, why: string) => `${file}: ${why}`,
    clear: "Bỏ các báo cáo đã gộp",
  },
  en: {
    pick: "Merge agencies' reports",
    reading: "Reading the reports…",
    summary: (t: Tracking) => {
      const n = (o: string) => t.replies.filter((r) => r.outcome === o).length;
      const byId = t.replies.filter((r) => r.matchedBy === "id").length;
      return `${t.replies.length} reported rows: ${byId} matched by task ID, ${n("matched") - byId} by content, ${n("uncertain")} to confirm, ${n("unmatched")} matching no task — rows in ${t.rowsIn} = rows out ${t.rowsOut}.`;
    },
    uncertain: (task: string, score: number) => `may be task ${task} (similarity ${score}) — please confirm`,
    unmatched: "matches no task (kept for review)",
    unusable: (file: string, why: string) => `${file}: ${why}`,
    clear: "Drop the merged reports",
  },
};

const useStyles = makeStyles({
  fileInput: { display: "none" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface TrackingRepliesProps {
  lang: Lang;
  /** The tracking of the plan against the picked replies; null while none are picked. */
  tracking: Tracking | null;
  picked: RepliesPicked | null;
  reading: boolean;
  onPick: (files: File[]) => void;
  onClear: () => void;
}

export function TrackingReplies({ lang, tracking, picked, reading, onPick, onClear }: TrackingRepliesProps) {
  const styles = useStyles();
  const w = WORDS[lang];
  const input = React.useRef<HTMLInputElement>(null);
  const doubtful = tracking ? tracking.replies.filter((r) => r.outcome !== "matched") : [];
  return (
    <div data-testid="tracking-replies">
      <input
        ref={input}
        className={styles.fileInput}
        type="file"
        multiple
        accept=".xlsx,.docx"
        aria-label={w.pick}
        data-testid="tracking-reply-files"
        disabled={reading}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          if (files.length) onPick(files);
        }}
      />
      <Button disabled={reading} onClick={() => input.current?.click()}>
        {reading ? w.reading : w.pick}
      </Button>
      {picked && picked.tables > 0 && (
        <Button appearance="subtle" onClick={onClear}>
          {w.clear}
        </Button>
      )}
      {tracking && (
        <Caption1 as="p" data-testid="tracking-replies-summary">
          {w.summary(tracking)}
        </Caption1>
      )}
      {(doubtful.length > 0 || (picked?.unusable.length ?? 0) > 0) && (
        <ul className={styles.list} data-testid="tracking-replies-doubtful">
          {doubtful.map((r) => (
            <li key={`${r.file}:${r.sheet}:${r.report.row.row}`}>
              <Caption1>
                {r.file} › {r.sheet}, {lang === "vi" ? "dòng" : "row"} {r.report.row.row}:{" "}
                {r.outcome === "uncertain" && r.task ? w.uncertain(r.task.id, r.score ?? 0) : w.unmatched}
              </Caption1>
            </li>
          ))}
          {picked?.unusable.map((u) => (
            <li key={`unusable:${u.file}`}>
              <Caption1>{w.unusable(u.file, u.why)}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
