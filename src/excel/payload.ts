/**
 * Keeping requests and responses under Excel on the web's 5 MB limit: work is cut into pieces of known (writes) or
 * estimated (reads) size, packed into as few context.sync() round trips as the budget allows, and cut smaller when
 * Excel refuses a round trip for its size anyway. On the desktop there is no such limit and everything goes in one.
 */
import { onTheWeb } from "./capabilities";
import { isPayloadError } from "./run";

/** What one round trip may carry on the web: below the 5 MB limit, with room for Office.js's own envelope. */
const WEB_PAYLOAD_BUDGET = 4 * 1024 * 1024;

export interface PayloadOptions {
  /** Bytes per round trip; default WEB_PAYLOAD_BUDGET on Excel on the web, unlimited elsewhere. */
  payloadBudget?: number;
}

/**
 * What a read's answer may carry on the web: under 5 MB whether Excel counts 5,000,000 bytes or 5 MiB. A read is
 * sized by what the rows before it measured, and every round trip saved is worth more than the margin: a 100,000-row
 * table is 35 MB of values, seven answers at this size and nine at the writes' budget.
 */
export const WEB_READ_BUDGET = 4_900_000;

export function payloadBudget(options?: PayloadOptions, webBudget = WEB_PAYLOAD_BUDGET): number {
  return options?.payloadBudget ?? (onTheWeb() ? webBudget : Infinity);
}

/** Bytes of `text` in UTF-8, the way it travels. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/** Bytes an action adds to a request besides its arguments (object path, method name). */
export const ACTION_BYTES = 120;

/**
 * A part of the work that goes into one round trip: `queue` puts its actions and loads on the context and returns
 * what reads the loaded values after the sync; `split` cuts it in smaller pieces doing the same work.
 */
export interface Piece<T> {
  bytes: number;
  queue(): () => T;
  split?(): Array<Piece<T>> | null;
}

/**
 * Runs the pieces in order, as many per round trip as `budget` allows, and returns what each piece read (a split
 * piece gives the results of its parts, in order). A round trip refused for its size is not applied by Excel, so it
 * is sent again smaller; `tooLarge` says which errors mean that (by default, the payload limit).
 */
export async function syncPieces<T>(
  context: Excel.RequestContext,
  pieces: Array<Piece<T>>,
  budget: number,
  tooLarge: (error: unknown) => boolean = isPayloadError,
): Promise<T[]> {
  const results: T[] = [];
  let pending = pieces.slice();
  let limit = budget;
  let start = 0;
  while (start < pending.length) {
    let end = start;
    let size = 0;
    while (end < pending.length && (end === start || size + pending[end].bytes <= limit)) {
      size += pending[end].bytes;
      end++;
    }
    const readers = pending.slice(start, end).map((p) => p.queue());
    try {
      // One round trip per batch: more than one only when the budget (the web's payload limit) requires it.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!tooLarge(e)) throw e;
      if (end - start > 1) {
        limit = size / 2;
        continue;
      }
      const parts = pending[start].split?.();
      if (!parts || parts.length < 2) throw e;
      pending = [...pending.slice(0, start), ...parts, ...pending.slice(start + 1)];
      continue;
    }
    for (const read of readers) results.push(read());
    start = end;
  }
  return results;
}
