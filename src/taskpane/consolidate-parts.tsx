/**
 * Pieces of the Consolidate tab: one picked file (its status, the agency that sent it — guessed from the file name or
 * title, or picked from the directory — and "Bỏ tệp"), and the result with the duplicated tasks that can be left out.
 */
import { Button, Caption1, Checkbox, makeStyles, mergeClasses, Select, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { consolidationSummary } from "../core/consolidate/consolidate";
import type { Consolidation } from "../core/consolidate/consolidate";
import { rowsLeftOut } from "./consolidation-choices";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  file: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
  },
  fileHead: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  // File names wrap: a tooltip is no use by touch or keyboard.
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", flexGrow: 1, minWidth: 0 },
  ok: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  warn: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  bad: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  picker: { maxWidth: "100%" },
  muted: { color: tokens.colorNeutralForeground2 },
  summary: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  lost: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  heading: { margin: 0 },
  dupes: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  dupeText: { overflowWrap: "anywhere" },
});

export type FileState = "waiting" | "reading" | "tables" | "delegations" | "no-table" | "unreadable";

export interface FileItemProps {
  name: string;
  state: FileState;
  status: { text: string; detail?: string };
  /** The agency picked for the file ("" while it is guessed), and the directory's agencies to pick from. */
  agency: string;
  agencies: readonly string[];
  busy: boolean;
  s: Strings;
  onAgency(agency: string): void;
  onRemove(): void;
}

export function FileItem({ name, state, status, agency, agencies, busy, s, onAgency, onRemove }: FileItemProps) {
  const styles = useStyles();
  const tone =
    state === "tables" || state === "delegations"
      ? styles.ok
      : state === "no-table"
        ? styles.warn
        : state === "unreadable"
          ? styles.bad
          : undefined;
  return (
    <li className={mergeClasses(styles.file, tone)} data-testid="consolidate-file-status" data-file={name} data-status={state}>
      <div className={styles.fileHead}>
        <span className={styles.fileName}>{name}</span>
        <Button
          size="small"
          appearance="subtle"
          data-testid="consolidate-file-remove"
          aria-label={s.fileRemove(name)}
          disabledFocusable={busy}
          onClick={onRemove}
        >
          {s.fileRemoveShort}
        </Button>
      </div>
      <Caption1>{status.text}</Caption1>
      {status.detail && <Caption1 className={styles.muted}>{status.detail}</Caption1>}
      {state === "unreadable" && <Caption1 className={styles.lost}>{s.fileNotReceived}</Caption1>}
      <Select
        size="small"
        className={styles.picker}
        aria-label={s.fileAgencyFor(name)}
        data-testid="consolidate-file-agency"
        value={agency}
        disabled={busy}
        onChange={(_, d) => onAgency(d.value)}
      >
        <option value="">{`${s.fileAgency}: ${s.fileAgencyGuess}`}</option>
        {agencies.map((a) => (
          <option key={a} value={a}>{`${s.fileAgency}: ${a}`}</option>
        ))}
      </Select>
    </li>
  );
}

export interface SummaryProps {
  consolidation: Consolidation;
  s: Strings;
  leftOut: ReadonlySet<number>;
  onKeep(group: number, keep: boolean): void;
}

export function ConsolidationSummary({ consolidation: c, s, leftOut, onKeep }: SummaryProps) {
  const styles = useStyles();
  const summary = consolidationSummary(c);
  const dropped = rowsLeftOut(c, leftOut);
  return (
    <div
      className={styles.summary}
      data-testid="consolidate-summary"
      data-rows-in={summary.rowsIn}
      data-rows-out={summary.rowsOut}
      data-duplicates={summary.duplicates}
      data-conflicts={summary.conflicts}
      data-missing={summary.missingAgencies.join("\n")}
    >
      <Subtitle2 as="h3" className={styles.heading}>
        {s.consolidateSummaryTitle}
      </Subtitle2>
      <Text>{s.consolidateFilesLine(c.perFile.length, c.tables.length)}</Text>
      <Text className={summary.rowsIn === summary.rowsOut ? undefined : styles.lost}>{s.rowsInOut(summary.rowsIn, summary.rowsOut)}</Text>
      <Text>{s.duplicatesLine(summary.duplicates)}</Text>
      {dropped > 0 && <Text data-testid="consolidate-left-out">{s.duplicatesLeftOut(dropped)}</Text>}
      <Text>{s.conflictsLine(summary.conflicts)}</Text>
      {c.expected && <Text data-testid="consolidate-missing">{s.missingLine(summary.missingAgencies, c.expected.length)}</Text>}
      {c.duplicates.length > 0 && (
        <details data-testid="consolidate-duplicates">
          <summary>{s.duplicatesShow}</summary>
          <ul className={styles.dupes}>
            {c.duplicates.map((d, g) => {
              const first = c.rows[d.rows[0]];
              const files = [...new Set(d.rows.map((r) => c.rows[r].file))].join(", ");
              return (
                <li key={g}>
                  <Text block className={styles.dupeText}>
                    {first?.fields.content ?? ""}
                  </Text>
                  <Caption1 block className={styles.muted}>
                    {s.duplicateFrom(files)}
                  </Caption1>
                  <Checkbox
                    data-testid="consolidate-duplicate-keep"
                    checked={!leftOut.has(g)}
                    label={s.duplicateKeep}
                    onChange={(_, data) => onKeep(g, data.checked === true)}
                  />
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </div>
  );
}
