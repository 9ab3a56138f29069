/**
 * What the page says when it is not running inside Excel (opened in a plain browser, or in another Office app):
 * plainly that it needs Excel, and how to sideload it — in both languages, since there is no Office to say which
 * one the reader uses (the browser's language only decides which comes first).
 */
import {
  Divider,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../core/issues/catalogue";
import { strings } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function OutsideOffice({ lang }: { lang: Lang }) {
  const styles = useStyles();
  const order: Lang[] = lang === "vi" ? ["vi", "en"] : ["en", "vi"];
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <div className={styles.root} data-testid="outside-office">
        <Sideloading lang={order[0]} />
        <Divider />
        <Sideloading lang={order[1]} />
      </div>
    </FluentProvider>
  );
}

function Sideloading({ lang }: { lang: Lang }) {
  const s = strings(lang);
  const styles = useStyles();
  return (
    <section className={styles.root} lang={lang} data-testid={`outside-office-${lang}`}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.outsideTitle}</MessageBarTitle>
          {s.outsideBody}
        </MessageBarBody>
      </MessageBar>
      <Text weight="semibold">{s.outsideHowTo}</Text>
      <ol className={styles.steps}>
        <li>
          <Text>{s.outsideWeb}</Text>
        </li>
        <li>
          <Text>{s.outsideDesktop}</Text>
        </li>
        <li>
          <Text>{s.outsideDemo}</Text>
        </li>
      </ol>
    </section>
  );
}
