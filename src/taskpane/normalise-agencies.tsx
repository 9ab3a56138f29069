/**
 * "Chuẩn hóa tên cơ quan" (issue 16): a preview of what would change — how many cells, which written form becomes
 * which directory name and how often — before one batch write. The pane keeps the previous text for "Hoàn tác".
 */
import { useState } from "react";
import { Button, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { NormalisationPlan } from "../core/agencies/normalise";
import type { Lang } from "../core/issues/catalogue";
import { ConfirmDialog } from "./confirm-dialog";
import { strings } from "./strings";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "14rem", overflowY: "auto", overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface NormaliseAgenciesProps {
  lang: Lang;
  plan: NormalisationPlan;
  sheet: string;
  disabled: boolean;
  onConfirm(): void;
}

export function NormaliseAgenciesButton({ lang, plan, sheet, disabled, onConfirm }: NormaliseAgenciesProps) {
  const s = strings(lang);
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const cells = plan.rewrites.length;
  if (cells === 0) {
    return (
      <Caption1 className={styles.muted} data-testid="normalise-nothing">
        {s.normaliseNothing}
      </Caption1>
    );
  }
  return (
    <>
      <Button data-testid="normalise-button" disabledFocusable={disabled} onClick={() => setOpen(true)}>
        {s.normaliseButton}
      </Button>
      <ConfirmDialog
        open={open}
        title={s.normaliseTitle}
        confirm={s.normaliseConfirm(cells)}
        cancel={s.cancelEdit}
        testId="normalise"
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
        onCancel={() => setOpen(false)}
      >
        <Text as="p" block data-testid="normalise-count" data-cells={cells}>
          {s.normaliseBody(cells, sheet)}
        </Text>
        <ul className={styles.list} data-testid="normalise-aliases">
          {plan.aliases.map((a) => (
            <li key={`${a.from}\u0000${a.to}`} data-testid="normalise-alias" data-from={a.from} data-to={a.to} data-count={a.count}>
              {s.normaliseAlias(a.from, a.to, a.count)}
            </li>
          ))}
        </ul>
        <Text as="p" block>
          {s.convertLegacyUndoNote}
        </Text>
      </ConfirmDialog>
    </>
  );
}
