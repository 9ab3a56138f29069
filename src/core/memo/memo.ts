/**
 * The engine's one memo policy. Tables repeat the same short texts (agency cells, timeframes, header words, STT)
 * thousands of times, so pure functions of a text are memoised; a memo that reaches its limit is cleared whole
 * (cheaper than tracking recency, and a table that repeats texts fills it again at once). Every memo is registered
 * here, so a long-running host (the pane, a batch) can drop them all with `clearMemos()`.
 */

/** Entries per memo: enough for every distinct short text of a 100,000-task table. */
export const MEMO_LIMIT = 50_000;

const all: Array<Map<unknown, unknown>> = [];

/** `fn` memoised by its argument. Results must not be mutated by callers: they are shared. */
export function memoize<K, V>(fn: (key: K) => V, limit = MEMO_LIMIT): (key: K) => V {
  const memo = new Map<K, V>();
  all.push(memo as Map<unknown, unknown>);
  return (key: K): V => {
    let v = memo.get(key);
    if (v === undefined && !memo.has(key)) {
      v = fn(key);
      if (memo.size >= limit) memo.clear();
      memo.set(key, v);
    }
    return v as V;
  };
}

/** Forget every memoised result (tests, and a host that wants its memory back between batches). */
export function clearMemos(): void {
  for (const m of all) m.clear();
}
