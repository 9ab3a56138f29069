/**
 * One issue: a button that selects its cell (named for screen readers by cell, severity and kind — never the rule
 * code or the whole cell text), the message, the cell's text in full, and the one-click fixes and "Sao chép" beside.
 */
import { Badge, Button, Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { Issue, Lang, Severity } from "../core/issues/catalogue";
import { issueText } from "../core/issues/text";
import { label } from "../core/output/labels";
import type { IssueFix } from "./issue-fixes";
import { useOptionalPaneCommands } from "./pane-commands";
import { RULE_NAMES, strings } from "./strings";
import type { Strings } from "./strings";

export const SEVERITY_BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: { border: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  main: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    ":disabled": { cursor: "default" },
  },
  head: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS}`,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  kind: { color: tokens.colorNeutralForeground2 },
  text: { overflowWrap: "anywhere" },
  value: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  suggestion: { color: tokens.colorPaletteGreenForeground1 },
  fixes: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
});

function fixLabel(fix: IssueFix, s: Strings): string {
  if (fix.kind === "add-agency") return s.fixAddAgency;
  switch (fix.why) {
    case "agency":
      return s.fixReplaceAgency(fix.shows);
    case "stt":
      return s.fixWriteStt(fix.shows);
    case "legacy":
      return s.fixConvert;
    case "lead":
      return s.fixFillLead(fix.shows);
    case "timeframe":
      return s.fixTimeframe(fix.shows);
  }
}

export interface IssueCardProps {
  issue: Issue;
  index: number;
  lang: Lang;
  selected: boolean;
  fixes: readonly IssueFix[];
  busy: boolean;
  onSelect(index: number): void;
}

export function IssueCard({ issue, index, lang, selected, fixes, busy, onSelect }: IssueCardProps) {
  const s = strings(lang);
  const styles = useStyles();
  // Outside the pane (the standalone checker page) there is no workbook to fix or notice to give: no fix, no copy.
  const commands = useOptionalPaneCommands();
  return (
    <div className={mergeClasses(styles.card, selected && styles.selected)}>
      <button
        type="button"
        className={styles.main}
        data-testid="issue-item"
        data-index={index}
        data-code={issue.code}
        data-cell={issue.cell ?? ""}
        data-severity={issue.severity}
        disabled={issue.cell === null}
        aria-current={selected ? "true" : undefined}
        aria-describedby={`issue-text-${index}`}
        onClick={() => onSelect(index)}
      >
        {/* The button's name is what it shows: severity, cell and kind (WCAG 2.5.3), never the rule code or the
            whole cell; the message and the cell's text below describe it. */}
        <span className={styles.head}>
          <Badge size="small" color={SEVERITY_BADGE[issue.severity]} appearance="filled">
            {label(issue.severity, lang)}
          </Badge>
          <span className={styles.cell}>{issue.cell ? `${s.cellWord} ${issue.cell}` : s.tableLevel}</span>
          <Caption1 className={styles.kind}>{RULE_NAMES[lang][issue.code]}</Caption1>
        </span>
      </button>
      <div className={styles.body} id={`issue-text-${index}`}>
        <Text className={styles.text}>{issueText(issue, lang)}</Text>
        {issue.value !== "" && issue.cell !== null && <Caption1 className={styles.value}>{issue.value}</Caption1>}
        {issue.suggestion !== undefined && (
          <Caption1 className={styles.suggestion} data-testid="issue-suggestion">
            {`${s.suggestion} ${issue.suggestion}`}
          </Caption1>
        )}
      </div>
      {commands && (
        <div className={styles.fixes}>
          {fixes.map((fix, i) => (
            <Button
              key={i}
              size="small"
              appearance={i === 0 ? "primary" : "secondary"}
              data-testid="issue-fix"
              data-fix={fix.kind === "write" ? fix.why : "add-agency"}
              disabledFocusable={busy}
              onClick={() => commands.applyFix(fix)}
            >
              {fixLabel(fix, s)}
            </Button>
          ))}
          <Button
            size="small"
            appearance="subtle"
            data-testid="issue-copy"
            aria-label={issue.cell ? s.copyIssueName(issue.cell) : s.copyIssue}
            onClick={() => commands.copyIssue(index)}
          >
            {s.copyIssue}
          </Button>
        </div>
      )}
    </div>
  );
}
