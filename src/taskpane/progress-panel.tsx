/** The step under way with its Cancel button (disabled while a write is halfway and cannot stop). */
import { Button, makeStyles, ProgressBar, Spinner, Text, tokens } from "@fluentui/react-components";
import type { Busy } from "./session";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { flexGrow: 1, minWidth: 0 },
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
    case "fixing":
      return s.stepFixing;
  }
}

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
    <div className={styles.progress} data-testid="progress" role="status">
      <div className={styles.line}>
        <Spinner size="tiny" aria-hidden="true" />
        <Text className={styles.label} data-testid="progress-label">
          {label}
        </Text>
        <Button
          size="small"
          data-testid={cancelTestId}
          disabledFocusable={!busy.cancellable || busy.cancelling}
          title={busy.cancellable ? undefined : s.cannotCancelNow}
          onClick={onCancel}
        >
          {s.cancel}
        </Button>
      </div>
      <ProgressBar value={(busy.index - 0.5) / busy.of} thickness="large" aria-label={label} />
    </div>
  );
}
