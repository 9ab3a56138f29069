/**
 * "Hỗ trợ nhập liệu" on the Check tab (issue 16): the agency picker for the cell the user stands on, and, once a
 * task table is checked, "Chuẩn hóa tên cơ quan" over its lead and coordinating columns. Both write only when asked
 * and keep an undo in the pane.
 */
import { useMemo, useState } from "react";
import { Button, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { DEFAULT_AGENCY_JOIN, detectAgencyJoin } from "../core/agencies/agency-joining";
import { planNormalisation } from "../core/agencies/normalise";
import type { Lang } from "../core/issues/catalogue";
import { agencyCells } from "./agency-cells";
import { AgencyPicker } from "./agency-picker";
import { cardStyle } from "./card-style";
import { NormaliseAgenciesButton } from "./normalise-agencies";
import { useDirectory, usePaneCommandsContext } from "./pane-commands";
import type { PaneState } from "./session";
import { strings } from "./strings";
import { isTaskTableCheck } from "../core/kinds";

const useStyles = makeStyles({
  card: cardStyle,
  heading: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export function TypingHelp({ lang, state }: { lang: Lang; state: PaneState }) {
  const s = strings(lang);
  const styles = useStyles();
  const commands = usePaneCommandsContext();
  const directory = useDirectory(state);
  const [picking, setPicking] = useState(false);
  const session = state.session;
  const checked = session.phase === "checked" && isTaskTableCheck(session.check) && session.check.table ? session : null;
  const join = useMemo(
    () =>
      checked
        ? detectAgencyJoin(
            agencyCells(checked.check, checked.grid, ["coordinating"]).map((c) => c.text),
            directory,
          )
        : DEFAULT_AGENCY_JOIN,
    [checked, directory],
  );
  // The plan follows the grid the pane knows: a fix or an undo updates it, so the preview is never of older cells.
  const plan = useMemo(
    () => (checked ? planNormalisation(agencyCells(checked.check, checked.grid), directory) : null),
    [checked, directory],
  );
  const working = state.busy !== null;
  return (
    <section className={styles.card} aria-labelledby="typing-heading" data-testid="typing-help">
      <Subtitle2 as="h2" id="typing-heading" className={styles.heading}>
        {picking ? s.pickerHeading : s.typingHeading}
      </Subtitle2>
      {picking ? (
        <AgencyPicker
          lang={lang}
          directory={directory}
          join={join}
          busy={working}
          onWrite={commands.writeSelectedCell}
          onClose={() => setPicking(false)}
        />
      ) : (
        <div className={styles.actions}>
          <Button data-testid="picker-open" onClick={() => setPicking(true)}>
            {s.pickerOpen}
          </Button>
          {checked && plan && (
            <NormaliseAgenciesButton
              lang={lang}
              plan={plan}
              sheet={checked.check.sheetName}
              disabled={working || checked.stale !== null}
              onConfirm={() => commands.normaliseAgencies(plan)}
            />
          )}
        </div>
      )}
    </section>
  );
}
