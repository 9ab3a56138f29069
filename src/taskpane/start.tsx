/**
 * Starting the pane: a "loading" line at once, then — when Office.onReady says where we are — the pane inside
 * Excel, or the outside-Office page. A render error shows a message instead of a blank pane.
 */
import { Component } from "react";
import type { ErrorInfo, ReactNode } from "react";
import { createRoot } from "react-dom/client";
import type { Root } from "react-dom/client";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../core/issues/catalogue";
import { resolveLang } from "../core/settings/settings";
import { capabilities, missingCapabilities } from "../excel/capabilities";
import { officeJsFailure, OfficeJsMissing } from "./office-js-missing";
import { OfficeMissing, OutsideOffice } from "./outside-office";
import { Pane, PaneLoading } from "./pane";
import { strings } from "./strings";

export interface OfficeInfo {
  inExcel: boolean;
  displayLanguage: string;
  /** office.js is not on the page at all: its script could not be loaded. */
  officeMissing?: boolean;
}

/** How long to wait for Office.onReady before deciding the page is not in Office (office.js never settled). */
const READY_TIMEOUT_MS = 10_000;

function browserLanguage(): string {
  return typeof navigator !== "undefined" && navigator.language ? navigator.language : "vi-VN";
}

/** Where the page runs, from Office.onReady (host null outside Office; no Office at all when office.js failed to load). */
async function officeReady(timeoutMs = READY_TIMEOUT_MS): Promise<OfficeInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== "function") return { inExcel: false, displayLanguage: browserLanguage(), officeMissing: true };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    office.onReady().catch(() => null),
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  const inExcel = info !== null && info.host !== null && String(info.host) === "Excel";
  const displayLanguage = (inExcel && office.context?.displayLanguage) || browserLanguage();
  return { inExcel, displayLanguage };
}

function missingFeatures(lang: Lang): string[] {
  try {
    return missingCapabilities(capabilities(), lang);
  } catch {
    return [];
  }
}

class PaneBoundary extends Component<{ lang: Lang; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error("Appendix Checker pane failed", error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const s = strings(this.props.lang);
    return (
      <FluentProvider theme={webLightTheme}>
        <MessageBar intent="error" layout="multiline" data-testid="failure">
          <MessageBarBody>
            <MessageBarTitle>{s.failureTitle}</MessageBarTitle>
            {s.failUnknown(this.state.error.message)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => window.location.reload()}>{s.reload}</Button>
          </MessageBarActions>
        </MessageBar>
      </FluentProvider>
    );
  }
}

/** Renders the pane into `container`; resolves once it knows whether it runs in Excel. */
export async function startPane(container: HTMLElement, options: { readyTimeoutMs?: number } = {}): Promise<Root> {
  const root = createRoot(container);
  const guess = resolveLang(undefined, browserLanguage());
  root.render(<PaneLoading lang={guess} />);
  const info = await officeReady(options.readyTimeoutMs);
  const lang = resolveLang(undefined, info.displayLanguage);
  const noOfficeJs = info.inExcel ? null : officeJsFailure();
  root.render(
    <PaneBoundary lang={lang}>
      {info.inExcel ? (
        <Pane environment={{ displayLanguage: info.displayLanguage, missingFeatures }} />
      ) : noOfficeJs ? (
        <OfficeJsMissing failure={noOfficeJs} />
      ) : info.officeMissing ? (
        // No office.js at all and no word from the page on where it was to come from.
        <OfficeMissing />
      ) : (
        <OutsideOffice lang={lang} />
      )}
    </PaneBoundary>,
  );
  return root;
}
