/**
 * What the pane says when office.js itself could not be loaded (the page has no Office global although its HTML asked
 * for office.js): from where it was meant to come — Microsoft's CDN, or the add-in's own server in the build for
 * isolated networks — since that decides whom the officer should call (the network's firewall, or the add-in's host).
 */
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../core/issues/catalogue";

export type OfficeJsSource = "cdn" | "local";

export interface OfficeJsFailure {
  source: OfficeJsSource;
  /** The office.js address the page asked for, as written in its script tag. */
  url: string;
}

const TEXT: Record<Lang, { title: string; body: Record<OfficeJsSource, (url: string) => string> }> = {
  vi: {
    title: "Không tải được office.js",
    body: {
      cdn: (url) =>
        `Trang này tải office.js từ CDN của Microsoft (${url}) nhưng không tải được: mạng có thể chặn appsforoffice.microsoft.com. ` +
        "Hãy nhờ bộ phận CNTT mở địa chỉ đó, hoặc dùng bản cài đặt cho mạng nội bộ (office.js phục vụ từ máy chủ của add-in).",
      local: (url) =>
        `Trang này tải office.js từ chính máy chủ của add-in (${url}, bản cho mạng nội bộ) nhưng không tải được. ` +
        "Hãy báo bộ phận CNTT kiểm tra thư mục office-js trên máy chủ.",
    },
  },
  en: {
    title: "office.js could not be loaded",
    body: {
      cdn: (url) =>
        `This page loads office.js from Microsoft's CDN (${url}) and could not: the network may block appsforoffice.microsoft.com. ` +
        "Ask IT to allow that address, or use the build for isolated networks (office.js served from the add-in's own server).",
      local: (url) =>
        `This page loads office.js from the add-in's own server (${url}, the build for isolated networks) and could not. ` +
        "Ask IT to check the office-js folder on the server.",
    },
  },
};

/** The office.js the page asked for when it is missing (no Office global), or null when it loaded or was never asked for. */
export function officeJsFailure(doc: Document = document): OfficeJsFailure | null {
  if (typeof (globalThis as { Office?: unknown }).Office !== "undefined") return null;
  const meta = doc.querySelector('meta[name="office-js-source"]');
  const source = meta?.getAttribute("content");
  if (source !== "cdn" && source !== "local") return null;
  const script = Array.from(doc.querySelectorAll("script[src]")).find((s) => /(^|\/)office\.js(\?|$)/.test(s.getAttribute("src") ?? ""));
  return { source, url: script ? new URL(script.getAttribute("src")!, doc.baseURI).href : "office.js" };
}

/**
 * Both languages, Vietnamese first: without office.js there is no Office display language to follow, and the browser's
 * language says little about the officer's (SPEC 1: Vietnamese by default).
 */
export function OfficeJsMissing({ failure }: { failure: OfficeJsFailure }) {
  const order: Lang[] = ["vi", "en"];
  return (
    <FluentProvider theme={webLightTheme} lang={order[0]}>
      <div
        data-testid="office-js-missing"
        data-source={failure.source}
        style={{ display: "flex", flexDirection: "column", gap: 12, padding: 12 }}
      >
        {order.map((l) => (
          <MessageBar key={l} intent="error" layout="multiline" lang={l} data-testid={`office-js-missing-${l}`}>
            <MessageBarBody>
              <MessageBarTitle>{TEXT[l].title}</MessageBarTitle>
              {TEXT[l].body[failure.source](failure.url)}
            </MessageBarBody>
          </MessageBar>
        ))}
      </div>
    </FluentProvider>
  );
}
