/**
 * How alike two task texts are, on their word keys: the Dice coefficient of their word pairs (so word order
 * counts a little and a reworded task still scores high), with single words for texts of one word.
 */

function pairs(key: string): Map<string, number> {
  const words = key === "" ? [] : key.split(" ");
  const out = new Map<string, number>();
  if (words.length === 1) out.set(words[0], 1);
  for (let i = 0; i + 1 < words.length; i++) {
    const p = `${words[i]} ${words[i + 1]}`;
    out.set(p, (out.get(p) ?? 0) + 1);
  }
  return out;
}

/** Word pairs of a key, to compare one text with many. */
export type PairSet = { pairs: Map<string, number>; size: number };

export function pairSet(key: string): PairSet {
  const p = pairs(key);
  let size = 0;
  for (const n of p.values()) size += n;
  return { pairs: p, size };
}

/** 0 (nothing shared) … 1 (the same words in the same order). */
export function similarity(a: PairSet, b: PairSet): number {
  if (a.size === 0 || b.size === 0) return a.size === b.size ? 1 : 0;
  const [small, large] = a.pairs.size <= b.pairs.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [p, n] of small.pairs) {
    const m = large.pairs.get(p);
    if (m) shared += Math.min(n, m);
  }
  return (2 * shared) / (a.size + b.size);
}
