/**
 * What the page says when it is not running inside Excel (opened in a plain browser, or in another Office app):
 * plainly that it needs Excel, and how to sideload it — in both languages, since there is no Office to say which
 * one the reader uses (the browser's language only decides which comes first). When office.js itself did not load
 * (a network that blocks Microsoft's CDN), it says that instead, Vietnamese first, and what to check.
 */
import {
  Button,
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
      <main className={styles.root} data-testid="outside-office">
        <Sideloading lang={order[0]} />
        <Divider />
        <Sideloading lang={order[1]} />
      </main>
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
      <Text weight="semibold" as="h2" style={{ margin: 0 }}>
        {s.outsideHowTo}
      </Text>
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

/** office.js did not load: say so, and what to check — in Vietnamese first (the product's language), then English. */
export function OfficeMissing() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang="vi">
      <main className={styles.root} data-testid="office-missing">
        <OfficeMissingText lang="vi" />
        <Divider />
        <OfficeMissingText lang="en" />
        <div>
          <Button appearance="primary" onClick={() => window.location.reload()}>
            {strings("vi").reload}
          </Button>
        </div>
      </main>
    </FluentProvider>
  );
}

function OfficeMissingText({ lang }: { lang: Lang }) {
  const s = strings(lang);
  const styles = useStyles();
  return (
    <section className={styles.root} lang={lang} data-testid={`office-missing-${lang}`}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{s.officeMissingTitle}</MessageBarTitle>
          {s.officeMissingBody}
        </MessageBarBody>
      </MessageBar>
      <Text weight="semibold" as="h2" style={{ margin: 0 }}>
        {s.officeMissingCheck}
      </Text>
      <ul className={styles.steps}>
        <li>
          <Text>{s.officeMissingNetwork}</Text>
        </li>
        <li>
          <Text>{s.officeMissingProxy}</Text>
        </li>
        <li>
          <Text>{s.officeMissingRetry}</Text>
        </li>
      </ul>
    </section>
  );
}
