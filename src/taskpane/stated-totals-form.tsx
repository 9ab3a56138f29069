/**
 * The totals a plan states for its delegations (đoàn ra / đoàn vào: tổng số, trong kế hoạch, đề nghị bổ sung), typed
 * in beside the counted ones. Prefilled with what the user entered before (saved with the workbook) over what the
 * plan's own text on the sheet states; submitting compares again and shows each difference as the engine words it.
 */
import { useState } from "react";
import type { FormEvent } from "react";
import { Button, Caption1, Input, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from "@fluentui/react-components";
import { DIRECTIONS, FIGURES } from "../core/kinds/delegations/fields";
import type { Direction, Figure } from "../core/kinds/delegations/fields";
import type { DelegationCheck } from "../core/kinds/delegations/check";
import type { Lang } from "../core/issues/catalogue";
import { issueText } from "../core/issues/text";
import { StatedTotalsSchema } from "../core/kinds/delegations/stated-totals";
import { mergeStated, statedTotalsFromText } from "../core/kinds/delegations/stated-totals";
import type { StatedTotals } from "../core/kinds/delegations/stated-totals";
import { strings } from "./strings";
import type { Strings } from "./strings";
import { checkedDirections } from "./workbook-actions";

export interface StatedTotalsFormProps {
  check: DelegationCheck;
  lang: Lang;
  /** What the user stated before (the workbook's stored totals), or null. */
  stored: StatedTotals | null;
  onSubmit(stated: StatedTotals | null): void;
}

type Values = Record<Direction, Record<Figure, string>>;

const WHOLE_NUMBER = /^\d{1,5}$/;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, padding: "2px 4px" },
  td: { padding: "2px 4px", verticalAlign: "top" },
  input: { width: "5rem", minWidth: 0 },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
});

/** What the plan's words on this sheet state: the title above the table and the notes under it. */
function planStated(check: DelegationCheck): StatedTotals | null {
  return statedTotalsFromText([check.table.titleText, check.table.notesText].filter((t) => t !== "").join("\n"));
}

function valuesOf(stated: StatedTotals | null): Values {
  const out = {} as Values;
  for (const d of DIRECTIONS) {
    out[d] = {} as Record<Figure, string>;
    for (const f of FIGURES) {
      const n = stated?.[d]?.[f];
      out[d][f] = n === undefined ? "" : String(n);
    }
  }
  return out;
}

/** The typed figures as StatedTotals (blank: not stated), or null when one of them is not a whole number. */
function statedOf(values: Values): { ok: true; stated: StatedTotals | null } | { ok: false } {
  const out: StatedTotals = {};
  for (const d of DIRECTIONS) {
    for (const f of FIGURES) {
      const text = values[d][f].trim();
      if (text === "") continue;
      if (!WHOLE_NUMBER.test(text)) return { ok: false };
      (out[d] ??= {})[f] = Number(text);
    }
  }
  const checked = StatedTotalsSchema.safeParse(out);
  if (!checked.success) return { ok: false };
  return { ok: true, stated: Object.keys(checked.data).length > 0 ? checked.data : null };
}

function figureName(f: Figure, s: Strings): string {
  return f === "total" ? s.delegationsTotal : f === "planned" ? s.planned : s.supplementary;
}

export function StatedTotalsForm({ check, lang, stored, onSubmit }: StatedTotalsFormProps) {
  const s = strings(lang);
  const styles = useStyles();
  const fromPlan = planStated(check);
  const [values, setValues] = useState<Values>(() => valuesOf(mergeStated(fromPlan, stored)));
  const parsed = statedOf(values);
  const compared = checkedDirections(check);
  // Only this sheet's directions take figures here: the other direction's are typed on its own sheet.
  const shownDirections = DIRECTIONS.filter((d) => compared.includes(d));
  const mismatches = check.issues.filter((i) => i.code === "delegation-total-mismatch");
  const stated = check.workbook.stated;
  const anyCompared = compared.some((d) => FIGURES.some((f) => stated?.[d]?.[f] !== undefined));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parsed.ok) onSubmit(parsed.stated);
  };
  const set = (d: Direction, f: Figure, text: string) => setValues((v) => ({ ...v, [d]: { ...v[d], [f]: text } }));

  return (
    <form className={styles.form} data-testid="stated-totals-form" onSubmit={submit} noValidate>
      <Subtitle2 as="h3" className={styles.heading}>
        {s.statedHeading}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.statedHint}</Caption1>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th} />
            {shownDirections.map((d) => (
              <th key={d} className={styles.th} scope="col">
                {d === "outbound" ? s.outbound : s.inbound}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FIGURES.map((f) => (
            <tr key={f}>
              <th className={styles.th} scope="row">
                {figureName(f, s)}
              </th>
              {shownDirections.map((d) => {
                const text = values[d][f];
                const bad = text.trim() !== "" && !WHOLE_NUMBER.test(text.trim());
                return (
                  <td key={d} className={styles.td}>
                    <Input
                      className={styles.input}
                      size="small"
                      inputMode="numeric"
                      data-testid={`stated-${d}-${f}`}
                      aria-label={`${d === "outbound" ? s.outbound : s.inbound}: ${figureName(f, s)}`}
                      aria-invalid={bad}
                      aria-describedby={bad ? "stated-invalid" : undefined}
                      value={text}
                      onChange={(_, data) => set(d, f, data.value)}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {!parsed.ok && (
        <Caption1 id="stated-invalid" className={styles.invalid} data-testid="stated-invalid">
          {s.statedInvalid}
        </Caption1>
      )}
      {fromPlan && <Caption1 className={styles.muted}>{s.statedFromPlan}</Caption1>}
      {stored && <Caption1 className={styles.muted}>{s.statedStored}</Caption1>}
      {DIRECTIONS.filter((d) => !compared.includes(d)).map((d) => (
        <Caption1 key={d} className={styles.muted}>
          {s.statedElsewhere(d === "outbound" ? s.outbound : s.inbound)}
        </Caption1>
      ))}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" data-testid="stated-submit" disabled={!parsed.ok}>
          {s.statedSubmit}
        </Button>
      </div>
      {mismatches.map((issue, i) => (
        <MessageBar
          key={i}
          intent={issue.severity === "error" ? "error" : "warning"}
          data-testid="delegation-mismatch"
          data-direction={issue.params.direction}
        >
          <MessageBarBody>{issueText(issue, lang)}</MessageBarBody>
        </MessageBar>
      ))}
      {mismatches.length === 0 && anyCompared && (
        <MessageBar intent="success" data-testid="delegation-match">
          <MessageBarBody>{s.statedMatch}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
