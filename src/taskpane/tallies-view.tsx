/**
 * Tallies of one check (SPEC 5): per agency with a small inline bar chart (plain divs: no chart library in the
 * pane), per section, per period; for a delegation table, outbound/inbound split planned/supplementary with the
 * totals the plan states beside the counted ones.
 */
import { useState } from "react";
import { Button, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import type { DelegationCheck } from "../core/kinds/delegations/check";
import type { DirectionTally } from "../core/kinds/delegations/tallies";
import type { Lang } from "../core/issues/catalogue";
import { label, periodLabel } from "../core/output/labels";
import type { AgencyTally } from "../core/kinds/tasks/tallies";
import { strings } from "./strings";
import type { TaskTableCheck } from "../core/kinds";
import type { Progress } from "../core/kinds/reports/check";
import { formatDay } from "../core/tracking/deadlines";
import { STATUS_LABELS, TASK_STATUSES } from "../core/tracking/statuses";

const TOP_AGENCIES = 10;
const TOP_COUNTRIES = 8;

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  legend: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  swatch: { display: "inline-block", width: "10px", height: "10px", borderRadius: "2px" },
  // Every bar stands 3:1 or more against its track (WCAG 1.4.11); lead and coordinating differ in hue too, and the
  // figures beside them say which is which in words.
  lead: { backgroundColor: tokens.colorBrandBackground },
  coordinating: { backgroundColor: tokens.colorPaletteTealForeground2 },
  neutral: { backgroundColor: tokens.colorNeutralForeground3 },
  planned: { backgroundColor: tokens.colorPaletteGreenForeground1 },
  supplementary: { backgroundColor: tokens.colorPaletteMarigoldForeground1 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  barRow: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", columnGap: tokens.spacingHorizontalS, alignItems: "center" },
  // Names wrap instead of being cut short: a tooltip cannot be read by touch or keyboard.
  name: { overflowWrap: "anywhere", minWidth: 0 },
  figure: { fontVariantNumeric: "tabular-nums", color: tokens.colorNeutralForeground2 },
  track: {
    gridColumn: "1 / span 2",
    display: "flex",
    height: "8px",
    borderRadius: "4px",
    overflow: "hidden",
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
  },
  td: { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke3}`, verticalAlign: "top" },
  num: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
});

/** One bar: segments as shares of `max` (the largest total in the list), so bars compare across rows. */
function Bar({ segments, max }: { segments: Array<{ value: number; className: string }>; max: number }) {
  const styles = useStyles();
  return (
    <div className={styles.track} aria-hidden="true">
      {segments.map((seg, i) =>
        seg.value > 0 ? <div key={i} className={seg.className} style={{ width: `${(100 * seg.value) / Math.max(1, max)}%` }} /> : null,
      )}
    </div>
  );
}

function AgencyBars({ agencies, lang, testId }: { agencies: readonly AgencyTally[]; lang: Lang; testId: string }) {
  const styles = useStyles();
  const s = strings(lang);
  const [all, setAll] = useState(false);
  const max = agencies.reduce((m, a) => Math.max(m, a.total), 0);
  const shown = all ? agencies : agencies.slice(0, TOP_AGENCIES);
  return (
    <>
      <ul className={styles.list} data-testid={testId}>
        {shown.map((a) => (
          <li
            key={a.name}
            className={styles.barRow}
            data-testid="agency-row"
            data-name={a.name}
            data-lead={a.lead}
            data-coordinating={a.coordinating}
          >
            <span className={styles.name}>{a.name}</span>
            <span className={styles.figure} aria-label={s.agencyFigures(a.lead, a.coordinating)}>
              {`${a.lead} / ${a.coordinating}`}
            </span>
            <Bar
              max={max}
              segments={[
                { value: a.lead, className: styles.lead },
                { value: a.coordinating, className: styles.coordinating },
              ]}
            />
          </li>
        ))}
      </ul>
      {agencies.length > TOP_AGENCIES && (
        <Button size="small" appearance="subtle" onClick={() => setAll(!all)} data-testid={`${testId}-toggle`}>
          {all ? s.showFewer : s.showAll(agencies.length)}
        </Button>
      )}
    </>
  );
}

export function TaskTallies({ check, lang }: { check: TaskTableCheck; lang: Lang }) {
  const styles = useStyles();
  const s = strings(lang);
  const bodies = check.agencies.filter((a) => a.kind === "agency");
  const groups = check.agencies.filter((a) => a.kind === "group");
  const maxPeriod = check.periods.reduce((m, p) => Math.max(m, p.tasks), 0);
  const withIssues = sectionIssueCounts(check);
  return (
    <>
      {check.kind === "reports" && <ProgressTally progress={check.progress} lang={lang} />}
      <div className={styles.block}>
        <Subtitle2 as="h3" className={styles.heading}>
          {s.agenciesHeading}
        </Subtitle2>
        <Caption1 className={styles.legend}>
          <span className={mergeClasses(styles.swatch, styles.lead)} />
          {label("lead", lang)}
          <span className={mergeClasses(styles.swatch, styles.coordinating)} />
          {label("coordinating", lang)}
        </Caption1>
        {bodies.length === 0 ? (
          <Caption1 data-testid="tally-agencies">{s.noAgencies}</Caption1>
        ) : (
          <AgencyBars agencies={bodies} lang={lang} testId="tally-agencies" />
        )}
      </div>
      {groups.length > 0 && (
        <div className={styles.block}>
          <Subtitle2 as="h3" className={styles.heading}>
            {s.groupsHeading}
          </Subtitle2>
          <AgencyBars agencies={groups} lang={lang} testId="tally-groups" />
        </div>
      )}
      <div className={styles.block}>
        <Subtitle2 as="h3" className={styles.heading}>
          {s.periodsHeading}
        </Subtitle2>
        <ul className={styles.list} data-testid="tally-periods">
          {check.periods.map((p) => (
            <li key={p.bucket} className={styles.barRow}>
              <span className={styles.name}>
                {periodLabel(p.bucket, lang)}
                {p.quarters && p.quarters.some((q) => q > 0) && (
                  <Caption1 className={styles.figure}>
                    {` (${p.quarters
                      .map((q, i) => (q > 0 ? `${label(`q${i + 1}` as "q1", lang)}: ${q}` : ""))
                      .filter(Boolean)
                      .join(", ")})`}
                  </Caption1>
                )}
              </span>
              <span className={styles.figure}>{p.tasks}</span>
              <Bar max={maxPeriod} segments={[{ value: p.tasks, className: styles.neutral }]} />
            </li>
          ))}
        </ul>
      </div>
      <div className={styles.block}>
        <Subtitle2 as="h3" className={styles.heading}>
          {s.sectionsHeading}
        </Subtitle2>
        <table className={styles.table} data-testid="tally-sections">
          <thead>
            <tr>
              <th className={styles.th}>{label("section", lang)}</th>
              <th className={mergeClasses(styles.th, styles.num)}>{s.tasks}</th>
              <th className={mergeClasses(styles.th, styles.num)}>{s.tasksWithErrors}</th>
              <th className={mergeClasses(styles.th, styles.num)}>{s.tasksWithWarnings}</th>
            </tr>
          </thead>
          <tbody>
            {check.sections.map((sec, i) => (
              <tr key={sec.row} data-testid="section-row" data-errors={withIssues[i].errors} data-warnings={withIssues[i].warnings}>
                <td className={styles.td} style={{ paddingLeft: `${4 + 12 * sec.level}px` }}>
                  {`${sec.path}. ${sec.title}`}
                </td>
                <td className={mergeClasses(styles.td, styles.num)}>{sec.tasks}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{withIssues[i].errors}</td>
                <td className={mergeClasses(styles.td, styles.num)}>{withIssues[i].warnings}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Caption1 className={styles.note}>{s.sectionsNote}</Caption1>
      </div>
    </>
  );
}

/**
 * Per section (index as in check.sections), the tasks with at least one error and those with at least one warning,
 * in the section and its sub-sections. Notes are not counted: "Có lỗi" means errors.
 */
export function sectionIssueCounts(check: TaskTableCheck): Array<{ errors: number; warnings: number }> {
  const out = check.sections.map(() => ({ errors: 0, warnings: 0 }));
  const table = check.table;
  if (!table) return out;
  const worst = new Map<number, { error: boolean; warning: boolean }>();
  for (const i of check.issues) {
    if (i.row === null || i.severity === "info") continue;
    const w = worst.get(i.row) ?? { error: false, warning: false };
    w[i.severity] = true;
    worst.set(i.row, w);
  }
  for (const r of table.rows) {
    const w = r.kind === "task" ? worst.get(r.row) : undefined;
    if (!w) continue;
    for (let sec = r.section; sec >= 0 && sec < out.length; sec = table.sections[sec].parent) {
      if (w.error) out[sec].errors++;
      if (w.warning) out[sec].warnings++;
    }
  }
  return out;
}

export function DelegationTallies({ check, lang }: { check: DelegationCheck; lang: Lang }) {
  const styles = useStyles();
  const s = strings(lang);
  const directions = (["outbound", "inbound"] as const).filter((d) => check.tallies[d].total > 0 || check.direction === d);
  return (
    <div className={styles.block} data-testid="tally-delegations">
      <Subtitle2 as="h3" className={styles.heading}>
        {s.delegationsHeading}
      </Subtitle2>
      {directions.map((d) => (
        <DirectionBlock key={d} tally={check.tallies[d]} check={check} lang={lang} />
      ))}
    </div>
  );
}

function DirectionBlock({ tally, check, lang }: { tally: DirectionTally; check: DelegationCheck; lang: Lang }) {
  const styles = useStyles();
  const s = strings(lang);
  const d = tally.direction;
  const counted = check.workbook.counted[d];
  const stated = check.workbook.stated?.[d];
  const figures = [
    { key: "total", name: s.delegationsTotal },
    { key: "planned", name: s.planned },
    { key: "supplementary", name: s.supplementary },
  ] as const;
  const maxCountry = tally.countries.reduce((m, c) => Math.max(m, c.total), 0);
  return (
    <div className={styles.block} data-testid={`delegations-${d}`}>
      <Subtitle2 as="h3" className={styles.heading}>
        {d === "outbound" ? s.outbound : s.inbound}
      </Subtitle2>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.th} />
            <th className={mergeClasses(styles.th, styles.num)}>{s.counted}</th>
            {stated && <th className={mergeClasses(styles.th, styles.num)}>{s.stated}</th>}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => {
            const want = stated?.[f.key];
            const off = want !== undefined && want !== counted[f.key];
            return (
              <tr key={f.key}>
                <td className={styles.td}>{f.name}</td>
                <td className={mergeClasses(styles.td, styles.num, off && styles.mismatch)}>{counted[f.key]}</td>
                {stated && <td className={mergeClasses(styles.td, styles.num)}>{want ?? "—"}</td>}
              </tr>
            );
          })}
          <tr>
            <td className={styles.td}>{s.members}</td>
            <td className={mergeClasses(styles.td, styles.num)}>{tally.members}</td>
            {stated && <td className={styles.td} />}
          </tr>
        </tbody>
      </table>
      {tally.membersUnknown > 0 && <Caption1>{s.membersUnknown(tally.membersUnknown)}</Caption1>}
      {tally.countries.length > 0 && (
        <>
          <Caption1 className={styles.legend}>
            {s.countries}
            <span className={mergeClasses(styles.swatch, styles.planned)} />
            {s.planned}
            <span className={mergeClasses(styles.swatch, styles.supplementary)} />
            {s.supplementary}
          </Caption1>
          <ul className={styles.list}>
            {tally.countries.slice(0, TOP_COUNTRIES).map((c) => (
              <li key={c.name} className={styles.barRow}>
                <span className={styles.name}>{c.name}</span>
                <span className={styles.figure} aria-label={`${s.planned} ${c.planned}, ${s.supplementary} ${c.supplementary}`}>
                  {`${c.planned} / ${c.supplementary}`}
                </span>
                <Bar
                  max={maxCountry}
                  segments={[
                    { value: c.planned, className: styles.planned },
                    { value: c.supplementary, className: styles.supplementary },
                  ]}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {tally.periods.length > 0 && (
        <Caption1 data-testid={`delegation-years-${d}`}>
          {`${s.byYear}: ${tally.periods.map((p) => s.yearFigure(periodLabel(p.bucket, lang), p.delegations)).join(" · ")}`}
        </Caption1>
      )}
    </div>
  );
}

/** A progress report's tasks per status, as judged on the day of the check (kinds/reports). */
function ProgressTally({ progress, lang }: { progress: Progress; lang: Lang }) {
  const styles = useStyles();
  const s = strings(lang);
  const shown = TASK_STATUSES.filter((st) => progress.statuses[st] > 0);
  return (
    <div className={styles.block} data-testid="tally-progress">
      <Subtitle2 as="h3" className={styles.heading}>
        {s.progressHeading(formatDay(progress.asOf))}
      </Subtitle2>
      <ul className={styles.list}>
        {shown.map((st) => (
          <li key={st}>
            <Caption1>
              {STATUS_LABELS[st][lang]}: {progress.statuses[st]}
            </Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}
