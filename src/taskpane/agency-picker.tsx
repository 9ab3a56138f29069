/**
 * The agency picker for coordinating cells (issue 16): a search box that ignores diacritics and reads
 * abbreviations, the directory's groups offered as groups above its agencies, ticks for several at once, and one
 * button that writes the chosen names — canonical, in the order chosen, joined the way the table joins them — into
 * the cell the user stands on. Enter in the search box takes the best match (a body before a group on a tie), so names can be typed one after another.
 */
import { useMemo, useState } from "react";
import type { KeyboardEvent } from "react";
import { Button, Caption1, Checkbox, Field, makeStyles, SearchBox, Text, tokens } from "@fluentui/react-components";
import { DEFAULT_AGENCY_JOIN, joinAgencyNames } from "../core/agencies/agency-joining";
import type { AgencyJoin } from "../core/agencies/agency-joining";
import { searchAgencies } from "../core/agencies/agency-search";
import type { AgencyChoice } from "../core/agencies/agency-search";
import type { AgencyDirectory } from "../core/agencies/directory";
import type { Lang } from "../core/issues/catalogue";
import { strings } from "./strings";

/** Agencies listed at once: the directory holds hundreds, and the search narrows them. */
const SHOWN = 30;

const useStyles = makeStyles({
  picker: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  chosen: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyleType: "none", margin: 0, padding: 0 },
  options: { display: "flex", flexDirection: "column", maxHeight: "18rem", overflowY: "auto", margin: 0, padding: 0, border: "none" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  alias: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXS },
  preview: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface AgencyPickerProps {
  lang: Lang;
  directory: AgencyDirectory;
  /** How the table joins names in one cell; "; " when it has no cell with several. */
  join?: AgencyJoin;
  busy: boolean;
  onWrite(text: string): void;
  onClose?(): void;
}

export function AgencyPicker({ lang, directory, join = DEFAULT_AGENCY_JOIN, busy, onWrite, onClose }: AgencyPickerProps) {
  const s = strings(lang);
  const styles = useStyles();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<AgencyChoice[]>([]);
  const found = useMemo(() => searchAgencies(directory, query, SHOWN), [directory, query]);
  const isChosen = (name: string) => chosen.some((c) => c.name === name);
  const toggle = (choice: AgencyChoice, on: boolean) =>
    setChosen((list) =>
      on ? (list.some((c) => c.name === choice.name) ? list : [...list, choice]) : list.filter((c) => c.name !== choice.name),
    );
  const text = joinAgencyNames(
    chosen.map((c) => c.name),
    join,
  );

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const first = found.best.find((c) => !isChosen(c.name));
    if (query.trim() === "" || !first) return;
    toggle(first, true);
    setQuery("");
  };

  const option = (choice: AgencyChoice) => (
    <Checkbox
      key={choice.name}
      data-testid="picker-option"
      data-name={choice.name}
      data-kind={choice.kind}
      checked={isChosen(choice.name)}
      onChange={(_, d) => toggle(choice, d.checked === true)}
      label={
        <>
          {choice.name}
          {choice.matched !== undefined && <Caption1 className={styles.alias}>{`(${s.pickerAlias(choice.matched)})`}</Caption1>}
        </>
      }
    />
  );

  return (
    <div className={styles.picker} data-testid="agency-picker">
      <Caption1 className={styles.muted}>{s.pickerHint}</Caption1>
      <Field label={s.pickerSearch}>
        <SearchBox value={query} data-testid="picker-search" onChange={(_, d) => setQuery(d.value)} onKeyDown={onKeyDown} />
      </Field>

      <div role="group" aria-label={s.pickerChosen}>
        <Text className={styles.legend}>{s.pickerChosen}</Text>
        {chosen.length === 0 ? (
          <Caption1 className={styles.muted}>{s.pickerNoneChosen}</Caption1>
        ) : (
          <ul className={styles.chosen}>
            {chosen.map((c) => (
              <li key={c.name}>
                <Button size="small" data-testid="picker-chosen" aria-label={s.pickerRemove(c.name)} onClick={() => toggle(c, false)}>
                  {`${c.name} ✕`}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>

      {found.groups.length > 0 && (
        <fieldset className={styles.options} data-testid="picker-groups">
          <legend className={styles.legend}>{s.pickerGroups}</legend>
          {found.groups.map(option)}
        </fieldset>
      )}
      {found.agencies.length > 0 && (
        <fieldset className={styles.options} data-testid="picker-agencies">
          <legend className={styles.legend}>{s.pickerAgencies}</legend>
          {found.agencies.map(option)}
        </fieldset>
      )}
      {found.groups.length === 0 && found.agencies.length === 0 && <Caption1 data-testid="picker-none">{s.pickerNone}</Caption1>}
      {found.totalAgencies > found.agencies.length && (
        <Caption1 className={styles.muted}>{s.pickerMore(found.agencies.length, found.totalAgencies)}</Caption1>
      )}

      {chosen.length > 0 && (
        <div aria-live="polite">
          <Caption1 className={styles.muted}>{s.pickerPreview}</Caption1>
          <Text as="p" block className={styles.preview} data-testid="picker-preview">
            {text}
          </Text>
        </div>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          data-testid="picker-write"
          disabledFocusable={busy || chosen.length === 0}
          onClick={() => onWrite(text)}
        >
          {s.pickerWrite}
        </Button>
        {chosen.length > 0 && (
          <Button data-testid="picker-clear" onClick={() => setChosen([])}>
            {s.pickerClear}
          </Button>
        )}
        {onClose && (
          <Button appearance="subtle" data-testid="picker-close" onClick={onClose}>
            {s.pickerClose}
          </Button>
        )}
      </div>
    </div>
  );
}
