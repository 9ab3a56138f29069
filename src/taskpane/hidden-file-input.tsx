/**
 * The hidden file input behind an "import" button (the button opens it through its ref): it hands over the one file
 * picked and forgets it at once, so picking the same file again after fixing it is a new pick.
 */
import { makeStyles } from "@fluentui/react-components";
import type { Ref } from "react";

const useStyles = makeStyles({ hidden: { display: "none" } });

export function HiddenFileInput(props: {
  inputRef: Ref<HTMLInputElement>;
  accept: string;
  testId: string;
  label?: string;
  onFile(file: File): void;
}) {
  const styles = useStyles();
  return (
    <input
      ref={props.inputRef}
      className={styles.hidden}
      type="file"
      accept={props.accept}
      data-testid={props.testId}
      aria-label={props.label}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = "";
        if (file) props.onFile(file);
      }}
    />
  );
}
