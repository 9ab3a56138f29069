/**
 * "Tạo bảng phụ lục từ văn bản": the appendix table of a plan that writes its tasks as paragraphs, made from the
 * text pasted on the current sheet or from a picked .docx, and written to a new sheet ready to check. Self-contained:
 * it reads and writes through src/excel and reports in its own message.
 */
import { useRef, useState } from "react";
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import type { Lang } from "../core/issues/catalogue";
import { appendixLayout } from "../core/kinds/paragraphs/appendix-layout";
import { noTasksMessage } from "../core/kinds/paragraphs/no-tasks";
import type { PlanParagraph } from "../core/kinds/paragraphs/plan-paragraphs";
import { readParagraphPlan } from "../core/kinds/paragraphs/read-plan";
import { sheetParagraphs, sheetText } from "../core/kinds/paragraphs/sheet-text";
import { writeAppendixSheet } from "../excel/appendix-writer";
import { readGrid } from "../excel/grid-reader";
import { runInExcel } from "../excel/run";
import { appendixStrings } from "./appendix-strings";
import { cardStyle } from "./card-style";
import { failureText } from "./failure-text";
import { wordFailureText } from "../word/failure-text";
import { HiddenFileInput } from "./hidden-file-input";

const useStyles = makeStyles({
  card: { ...cardStyle, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** A picked file that is no Word document: said as it is, not as a failure of Excel. */
class UnreadableDocument extends Error {}

type Outcome =
  | { kind: "done"; sheet: string; tasks: number; sections: number }
  | { kind: "none"; message: string }
  | { kind: "error"; message: (lang: Lang) => string };

export interface AppendixFromTextProps {
  lang: Lang;
  /** Another action is running in the pane. */
  disabled?: boolean;
}

export function AppendixFromText({ lang, disabled = false }: AppendixFromTextProps) {
  const s = appendixStrings(lang);
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const file = useRef<HTMLInputElement>(null);

  /** From the paragraphs to the new sheet; a text without tasks says what was looked for. */
  const make = async (paragraphs: () => Promise<PlanParagraph[]>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const plan = readParagraphPlan(await paragraphs());
      if (plan.tasks.length === 0) {
        setOutcome({ kind: "none", message: noTasksMessage(plan, lang) });
        return;
      }
      const layout = appendixLayout(plan);
      const sheet = await runInExcel((context) => writeAppendixSheet(context, layout, s.sheetName));
      setOutcome({ kind: "done", sheet, tasks: plan.tasks.length, sections: plan.sections.length });
    } catch (error) {
      const message = error instanceof UnreadableDocument ? error.message : null;
      setOutcome({ kind: "error", message: (l) => message ?? failureText(error, l, { addsSheets: true }) });
    } finally {
      setBusy(false);
    }
  };

  const fromSheet = () =>
    make(async () => {
      const grid = await runInExcel((context) => readGrid(context, { kind: "sheet" }));
      return sheetText(grid)?.paragraphs ?? sheetParagraphs(grid);
    });

  const fromDocx = (picked: File) =>
    make(async () => {
      // The Word reader loads only when a document is picked.
      const [{ readWordDocument }, { planParagraphsOfWord }, { bytesOf }] = await Promise.all([
        import("../word/read"),
        import("../word/plan-paragraphs"),
        import("./reply-files"),
      ]);
      const read = readWordDocument(await bytesOf(picked));
      if (!read.ok)
        throw new UnreadableDocument(appendixStrings(lang).notDocx(picked.name, wordFailureText(read.reason, lang, read.detail)));
      return planParagraphsOfWord(read.document);
    });

  return (
    <section className={styles.card} data-testid="appendix-from-text" aria-label={s.title}>
      <Text weight="semibold">{s.title}</Text>
      <Text size={200}>{s.hint}</Text>
      <div className={styles.actions}>
        <Button data-testid="appendix-from-sheet" disabled={disabled || busy} onClick={() => void fromSheet()}>
          {s.fromSheet}
        </Button>
        <Button data-testid="appendix-pick-docx" disabled={disabled || busy} onClick={() => file.current?.click()}>
          {s.fromDocx}
        </Button>
        <HiddenFileInput
          inputRef={file}
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          testId="appendix-docx-file"
          onFile={(picked) => void fromDocx(picked)}
        />
      </div>
      {busy && <Spinner size="tiny" label={s.working} />}
      {outcome && (
        <MessageBar
          intent={outcome.kind === "done" ? "success" : outcome.kind === "none" ? "warning" : "error"}
          data-testid="appendix-outcome"
        >
          <MessageBarBody>
            {outcome.kind === "done"
              ? s.done(outcome.sheet, outcome.tasks, outcome.sections)
              : outcome.kind === "none"
                ? outcome.message
                : outcome.message(lang)}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
