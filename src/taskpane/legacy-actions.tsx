/**
 * "Chuyển sang Unicode" for legacy-encoded (TCVN3/VNI) cells: a confirmation that says how many cells change, then
 * one write of those cells only. Excel keeps no undo for what an add-in writes, so the pane holds the previous text
 * and offers "Hoàn tác" — also after the next check, which is what the pane asks for next.
 */
import { useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
} from "@fluentui/react-components";
import type { Lang } from "../core/issues/catalogue";
import { strings } from "./strings";

export interface ConvertLegacyProps {
  lang: Lang;
  /** Cells that would change. */
  cells: number;
  sheet: string;
  disabled: boolean;
  onConfirm(): void;
  /** The button's text ("Chuyển sang Unicode", or "Chuyển tất cả" on a group of legacy-encoding issues). */
  label?: string;
  testId?: string;
}

export function ConvertLegacyButton({
  lang,
  cells,
  sheet,
  disabled,
  onConfirm,
  label,
  testId = "convert-legacy-button",
}: ConvertLegacyProps) {
  const s = strings(lang);
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size={label ? "small" : "medium"} data-testid={testId} disabledFocusable={disabled}>
          {label ?? s.convertLegacy}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.convertLegacyTitle}</DialogTitle>
          <DialogContent>
            <Text as="p" block data-testid="convert-legacy-count" data-cells={cells}>
              {s.convertLegacyBody(cells, sheet)}
            </Text>
            <Text as="p" block>
              {s.convertLegacyUndoNote}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              data-testid="convert-legacy-confirm"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {s.convertLegacyConfirm(cells)}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button data-testid="convert-legacy-dismiss">{s.cancelEdit}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function UndoConvertButton({ lang, disabled, onUndo }: { lang: Lang; disabled: boolean; onUndo(): void }) {
  return (
    <Button data-testid="convert-legacy-undo" disabledFocusable={disabled} onClick={onUndo}>
      {strings(lang).undoConvert}
    </Button>
  );
}
