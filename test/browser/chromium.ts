/**
 * Debian's chromium, driven by playwright-core (never a downloaded browser build): for the browser tests and the
 * task pane benchmark.
 */
import { chromium } from "playwright-core";
import type { Browser, Page } from "playwright-core";
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
