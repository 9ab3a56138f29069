/**
 * Debian's chromium, driven by playwright-core (never a downloaded browser build): for the browser tests and the
 * task pane benchmark; and the demo's task pane opened in it, as every browser test on the demo starts.
 */
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
import { DEMO_DIR, ensureDemoBuild, serveDirectory } from "../demo/serve";
import type { ExcelHost } from "../excel-host";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The selector of an element by its data-testid. */
export const testId = (id: string) => `[data-testid="${id}"]`;

/** Runs `fn` in the page against the demo's in-memory Excel host (window.__demoHost), with `arg` passed as JSON. */
export function inDemoHost<T, A>(page: Page, fn: (host: ExcelHost, arg: A) => T, arg: A): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__demoHost, ${JSON.stringify(arg)})`) as Promise<T>;
}

/** The demo's task pane, served locally and open in chromium. */
export interface DemoPane {
  page: Page;
  /** Where the demo is served: http://127.0.0.1:<port>. */
  url: string;
  /** Every URL the page asked for, in order: the tests hold that none leaves the page's origin. */
  requests: string[];
  /** Errors the page threw and nobody caught. */
  pageErrors: string[];
  /** `inDemoHost` on this page. */
  inHost<T, A = null>(fn: (host: ExcelHost, arg: A) => T, arg?: A): Promise<T>;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

export interface DemoPaneOptions {
  viewport: { width: number; height: number };
  /** The page's query string ("pane=only&latency=0"), if any. */
  query?: string;
  /** A selector to wait for before the tests start (the check button once it is enabled), if any. */
  ready?: string;
}

/**
 * Builds the demo if its build is stale, serves it on a free port, opens taskpane.html in chromium and records the
 * page's requests and errors from the start. For a beforeAll with a generous timeout: a build takes minutes.
 */
export async function openDemoPane(options: DemoPaneOptions): Promise<DemoPane> {
  ensureDemoBuild((line) => process.stderr.write(`${line}\n`));
  const server = await serveDirectory(DEMO_DIR, 0);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: options.viewport });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/taskpane.html${options.query ? `?${options.query}` : ""}`);
  if (options.ready) await page.waitForSelector(options.ready, { timeout: 60_000 });
  return {
    page,
    url: server.url,
    requests,
    pageErrors,
    inHost: <T, A = null>(fn: (host: ExcelHost, arg: A) => T, arg?: A) => inDemoHost(page, fn, (arg ?? null) as A),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The demo's pane for the tests of one file: opened before the first (the build, when stale, takes minutes) and
 * closed after the last. Its fields are there from the first test on.
 */
export function useDemoPane(options: DemoPaneOptions): DemoPane {
  const pane = {} as DemoPane;
  beforeAll(async () => {
    Object.assign(pane, await openDemoPane(options));
  }, 600_000);
  afterAll(() => pane.close?.());
  return pane;
}

/**
 * The check button once the pane has loaded the workbook's settings and may check. Fluent's disabledFocusable says
 * "disabled" with aria-disabled, never with the disabled attribute.
 */
export const CHECK_READY = `${testId("check-button")}:not([aria-disabled="true"])`;
