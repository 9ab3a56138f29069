/**
 * What jsdom leaves out that a browser has: the text codecs the xlsx reader needs to build host workbooks from the
 * fixtures, and ResizeObserver for Fluent's MessageBar. Imported first by the pane harness.
 */
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as Record<string, unknown>;
if (g.TextDecoder === undefined) g.TextDecoder = TextDecoder;
if (g.TextEncoder === undefined) g.TextEncoder = TextEncoder;

/** jsdom does no layout, so nothing is ever resized; Fluent's MessageBar only needs the constructor to exist. */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== "undefined" && (window as unknown as Record<string, unknown>).ResizeObserver === undefined) {
  (window as unknown as Record<string, unknown>).ResizeObserver = NoLayoutResizeObserver;
}
