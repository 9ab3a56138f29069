/**
 * The issues of one check: counts by severity (which double as the severity filter), a filter by kind, and the
 * list itself. Clicking an issue with a cell selects that cell in Excel. Long lists render a page at a time.
 */
import { useMemo, useState } from "react";
import { Badge, Caption1, Field, makeStyles, mergeClasses, Select, Text, ToggleButton, tokens, Button } from "@fluentui/react-components";
import { countBySeverity, ISSUE_CODES } from "../core/issues/catalogue";
import type { Issue, IssueCode, Lang, Severity } from "../core/issues/catalogue";
import { issueText } from "../core/issues/text";
import { label } from "../core/output/labels";
import { RULE_NAMES, strings } from "./strings";

const PAGE = 100;

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export const SEVERITY_BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalS },
  severities: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":disabled": { cursor: "default", backgroundColor: tokens.colorNeutralBackground2 },
  },
  selected: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  itemHead: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  code: { color: tokens.colorNeutralForeground3, marginLeft: "auto" },
  suggestion: { color: tokens.colorPaletteGreenForeground1 },
  value: {
    color: tokens.colorNeutralForeground3,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
});

export interface IssueListProps {
  issues: readonly Issue[];
  lang: Lang;
  /** Index (in `issues`) of the issue whose cell was last selected. */
  selected: number | null;
  onSelect(index: number): void;
}

export function IssueList({ issues, lang, selected, onSelect }: IssueListProps) {
  const s = strings(lang);
  const styles = useStyles();
  const [severity, setSeverity] = useState<Severity | "all">("all");
  const [code, setCode] = useState<IssueCode | "all">("all");
  const [limit, setLimit] = useState(PAGE);

  const counts = useMemo(() => countBySeverity(issues), [issues]);
  const codes = useMemo(() => {
    const n = new Map<IssueCode, number>();
    for (const i of issues) if (severity === "all" || i.severity === severity) n.set(i.code, (n.get(i.code) ?? 0) + 1);
    return ISSUE_CODES.filter((c) => n.has(c)).map((c) => ({ code: c, count: n.get(c)! }));
  }, [issues, severity]);
  const shown = useMemo(
    () =>
      issues
        .map((issue, index) => ({ issue, index }))
        .filter(({ issue }) => (severity === "all" || issue.severity === severity) && (code === "all" || issue.code === code)),
    [issues, severity, code],
  );

  const countOf: Record<Severity, number> = { error: counts.errors, warning: counts.warnings, info: counts.infos };
  const pickSeverity = (next: Severity | "all") => {
    setSeverity(next);
    setLimit(PAGE);
    // A kind filter that the new severity hides would leave an empty list with no visible reason.
    if (code !== "all" && next !== "all" && !issues.some((i) => i.code === code && i.severity === next)) setCode("all");
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
              disabled={countOf[sev] === 0}
              onClick={() => pickSeverity(severity === sev ? "all" : sev)}
              data-testid={`severity-${sev}`}
              icon={<Badge size="extra-small" color={SEVERITY_BADGE[sev]} />}
            >
              {`${label(sev, lang)} (${countOf[sev]})`}
            </ToggleButton>
          ))}
        </div>
        <Field label={s.codeFilter} size="small">
          <Select
            size="small"
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
        </Field>
      </div>
      <Caption1 data-testid="issue-count">{s.showing(Math.min(limit, shown.length), shown.length)}</Caption1>
      {shown.length === 0 ? (
        <Text>{s.noneMatch}</Text>
      ) : (
        <ul className={styles.list} data-testid="issue-list">
          {shown.slice(0, limit).map(({ issue, index }) => (
            <li key={index}>
              <button
                type="button"
                className={mergeClasses(styles.item, selected === index && styles.selected)}
                data-testid="issue-item"
                data-code={issue.code}
                data-cell={issue.cell ?? ""}
                data-severity={issue.severity}
                disabled={issue.cell === null}
                aria-current={selected === index ? "true" : undefined}
                title={issue.cell ? s.goToCell(issue.cell) : undefined}
                onClick={() => onSelect(index)}
              >
                <span className={styles.itemHead}>
                  <Badge size="small" color={SEVERITY_BADGE[issue.severity]} appearance="filled">
                    {label(issue.severity, lang)}
                  </Badge>
                  <span className={styles.cell}>{issue.cell ?? s.tableLevel}</span>
                  <Caption1 className={styles.code}>{issue.code}</Caption1>
                </span>
                <Text>{issueText(issue, lang)}</Text>
                {issue.value !== "" && issue.cell !== null && <Caption1 className={styles.value}>{issue.value}</Caption1>}
                {issue.suggestion !== undefined && (
                  <Caption1 className={styles.suggestion} data-testid="issue-suggestion">
                    {`${s.suggestion} ${issue.suggestion}`}
                  </Caption1>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {shown.length > limit && (
        <Button size="small" appearance="subtle" onClick={() => setLimit((l) => l + PAGE)} data-testid="show-more-issues">
          {s.showMore}
        </Button>
      )}
    </>
  );
}
