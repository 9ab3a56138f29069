/**
 * The issues of one check: counts by severity (which double as the severity filter), a filter by kind, previous /
 * next buttons (and Alt+↑ / Alt+↓) that move the selection in the sheet, and the list itself — errors first, many
 * issues of one kind folded into one line. Long lists render a page at a time.
 */
import { useEffect, useMemo, useState } from "react";
import { Badge, Button, Caption1, makeStyles, Select, Text, ToggleButton, tokens } from "@fluentui/react-components";
import type { Grid } from "../core/sheet/grid";
import { ISSUE_CODES } from "../core/issues/catalogue";
import type { Issue, IssueCode, Lang, Severity } from "../core/issues/catalogue";
import { label } from "../core/output/labels";
import { IssueCard, SEVERITY_BADGE } from "./issue-card";
import { fixesFor } from "./issue-fixes";
import { listEntries, neighbourIssue, severityCounts } from "./issue-order";
import type { ListEntry } from "./issue-order";
import { ConvertLegacyButton } from "./legacy-actions";
import { useOptionalPaneCommands } from "./pane-commands";
import { RULE_NAMES, strings } from "./strings";

const PAGE = 100;
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  severities: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  code: { minWidth: "8rem", maxWidth: "100%" },
  nav: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  groupHead: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  groupName: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
});

export interface IssueListProps {
  issues: readonly Issue[];
  lang: Lang;
  /** Index (in `issues`) of the issue whose cell was last selected. */
  selected: number | null;
  /** Where a click takes the user; the pane's own selectIssue when not given. */
  onSelect?(index: number): void;
  sheet?: string;
  /** The grid the issues were found in and the table's task rows, for the one-click fixes (none without them). */
  grid?: Grid;
  taskRows?: ReadonlySet<number>;
  /** The plan's period, for the years of the timeframe fixes. */
  plan?: { startYear: number; endYear: number } | null;
  busy?: boolean;
  /** Cells "Chuyển tất cả" would convert (0 once converted). */
  legacyCells?: number;
}

export function IssueList(props: IssueListProps) {
  const { issues, lang, selected, sheet = "", grid, taskRows, busy = false, legacyCells = 0 } = props;
  const s = strings(lang);
  const styles = useStyles();
  const commands = useOptionalPaneCommands();
  const select = props.onSelect ?? commands?.selectIssue ?? (() => undefined);
  const [severity, setSeverity] = useState<Severity | "all">("all");
  const [code, setCode] = useState<IssueCode | "all">("all");
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());

  const counts = useMemo(() => severityCounts(issues), [issues]);
  const codes = useMemo(() => {
    const n = new Map<IssueCode, number>();
    for (const i of issues) if (severity === "all" || i.severity === severity) n.set(i.code, (n.get(i.code) ?? 0) + 1);
    return ISSUE_CODES.filter((c) => n.has(c)).map((c) => ({ code: c, count: n.get(c)! }));
  }, [issues, severity]);
  const shown = useMemo(
    () =>
      issues
        .map((issue, index) => ({ issue, index }))
        .filter(({ issue }) => (severity === "all" || issue.severity === severity) && (code === "all" || issue.code === code))
        .map(({ index }) => index),
    [issues, severity, code],
  );
  const entries = useMemo(() => listEntries(issues, shown), [issues, shown]);
  const visibleCount = entries.slice(0, limit).reduce((n, e) => n + (e.kind === "issue" ? 1 : e.indexes.length), 0);

  const move = (step: 1 | -1) => {
    const next = neighbourIssue(issues, shown, selected, step);
    if (next === null) return;
    const entry = entries.find((e) => e.kind === "group" && e.indexes.includes(next));
    if (entry && entry.kind === "group") setOpen((o) => new Set([...o, `${entry.severity}|${entry.code}`]));
    select(next);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  const pickSeverity = (next: Severity | "all") => {
    setSeverity(next);
    setLimit(PAGE);
    // A kind filter that the new severity hides would leave an empty list with no visible reason.
    if (code !== "all" && next !== "all" && !issues.some((i) => i.code === code && i.severity === next)) setCode("all");
  };

  const card = (index: number) => (
    <li key={index}>
      <IssueCard
        issue={issues[index]}
        index={index}
        lang={lang}
        selected={selected === index}
        fixes={grid && taskRows ? fixesFor(issues[index], grid, issues, taskRows, props.plan ?? null) : []}
        busy={busy}
        onSelect={select}
      />
    </li>
  );
  const entryView = (entry: ListEntry) => {
    if (entry.kind === "issue") return card(entry.index);
    const key = `${entry.severity}|${entry.code}`;
    const expanded = open.has(key);
    return (
      <li key={key}>
        <div className={styles.group} data-testid="issue-group" data-code={entry.code} data-count={entry.indexes.length}>
          <div className={styles.groupHead}>
            <Badge size="small" color={SEVERITY_BADGE[entry.severity]} appearance="filled">
              {label(entry.severity, lang)}
            </Badge>
            <Text weight="semibold" className={styles.groupName}>
              {s.groupLine(entry.indexes.length, RULE_NAMES[lang][entry.code])}
            </Text>
          </div>
          <div className={styles.nav}>
            {entry.code === "legacy-encoding" && legacyCells > 0 && commands && (
              <ConvertLegacyButton
                lang={lang}
                cells={legacyCells}
                sheet={sheet}
                disabled={busy}
                label={s.convertAll}
                testId="convert-all-button"
                onConfirm={commands.convertLegacy}
              />
            )}
            <Button
              size="small"
              aria-expanded={expanded}
              data-testid="issue-group-toggle"
              onClick={() => setOpen((o) => (expanded ? new Set([...o].filter((k) => k !== key)) : new Set([...o, key])))}
            >
              {expanded ? s.groupHide : s.groupShow}
            </Button>
          </div>
          {expanded && <ul className={styles.list}>{entry.indexes.map(card)}</ul>}
        </div>
      </li>
    );
  };

  return (
    <>
      <div className={styles.filters}>
        <div className={styles.severities} role="group" aria-label={s.severityFilter} data-testid="severity-filter">
          <ToggleButton size="small" checked={severity === "all"} onClick={() => pickSeverity("all")} data-testid="severity-all">
            {`${s.allSeverities} (${issues.length})`}
          </ToggleButton>
          {SEVERITIES.map((sev) => (
            <ToggleButton
              key={sev}
              size="small"
              checked={severity === sev}
              disabled={counts[sev] === 0}
              onClick={() => pickSeverity(severity === sev ? "all" : sev)}
              data-testid={`severity-${sev}`}
            >
              {`${label(sev, lang)} (${counts[sev]})`}
            </ToggleButton>
          ))}
        </div>
        <Select
          size="small"
          className={styles.code}
          aria-label={s.codeFilter}
          data-testid="code-filter"
          value={code}
          onChange={(_, data) => {
            setCode(data.value as IssueCode | "all");
            setLimit(PAGE);
          }}
        >
          <option value="all">{s.allCodes}</option>
          {codes.map(({ code: c, count }) => (
            <option key={c} value={c}>{`${RULE_NAMES[lang][c]} (${count})`}</option>
          ))}
        </Select>
      </div>
      <div className={styles.nav}>
        <Button
          size="small"
          data-testid="previous-issue"
          onClick={() => move(-1)}
          aria-keyshortcuts="Alt+ArrowUp"
          disabled={shown.length === 0}
        >
          {s.previousIssue}
        </Button>
        <Button
          size="small"
          data-testid="next-issue"
          onClick={() => move(1)}
          aria-keyshortcuts="Alt+ArrowDown"
          disabled={shown.length === 0}
        >
          {s.nextIssue}
        </Button>
        <Caption1 data-testid="issue-count">{s.showing(visibleCount, shown.length)}</Caption1>
      </div>
      {shown.length === 0 ? (
        <Text>{s.noneMatch}</Text>
      ) : (
        <ul className={styles.list} data-testid="issue-list">
          {entries.slice(0, limit).map(entryView)}
        </ul>
      )}
      {entries.length > limit && (
        <Button size="small" appearance="subtle" onClick={() => setLimit((l) => l + PAGE)} data-testid="show-more-issues">
          {s.showMore}
        </Button>
      )}
    </>
  );
}
