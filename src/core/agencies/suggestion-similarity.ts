/**
 * How alike an unknown name and a directory name are, for suggestions (issue 12: wrong suggestions are worse than
 * none). Two names that begin with the same head word ("Văn phòng …") are compared on what follows it, because
 * that is what tells bodies apart: "Văn phòng Ban Chỉ huy" shares its head with "Văn phòng Tỉnh ủy" and nothing else.
 * Two different head words ("Sở …" and "Bộ …") are different kinds of body. The threshold is calibrated on the real
 * unknown names of the corpus in test/core/suggestions.test.ts.
 */

/** Suggest a name only at or above this similarity (0..1) of the words after the head word. */
export const SUGGESTION_SIMILARITY = 0.6;

// prettier-ignore
const HEADS = [
  "uy ban nhan dan", "hoi dong nhan dan", "bo chi huy", "ban chi huy", "van phong", "trung tam", "chi cuc", "tong cuc",
  "cong an", "thanh tra", "ngan hang", "kho bac", "bao hiem", "hoc vien", "lien hiep", "lien doan", "hiep hoi",
  "tap doan", "tong cong ty", "cong ty", "dai hoc", "uy ban", "hoi dong", "so", "bo", "ban", "cuc", "vu", "vien",
  "truong", "dai", "bao", "hoi", "phong",
].map((h) => h.split(" "));

/** The head word(s) a folded key begins with, and the rest. */
export function splitHead(key: string): { head: string; rest: string } {
  const words = key.split(" ");
  for (const h of HEADS) {
    if (h.length < words.length && h.every((w, i) => words[i] === w)) return { head: h.join(" "), rest: words.slice(h.length).join(" ") };
  }
  return { head: "", rest: key };
}

/** Similarity of two folded keys, 0..1, given their edit distance function. */
export function keySimilarity(query: string, key: string, distance: (a: string, b: string, bound: number) => number): number {
  const q = splitHead(query);
  const k = splitHead(key);
  if (q.head !== "" && k.head !== "" && q.head !== k.head) return 0;
  // A name written without its head word ("Thống kê tỉnh") is compared with what follows the other's head word:
  // "Phòng KHTH" is not "Thống kê tỉnh" because "phong khth" and "thong ke tinh" happen to look alike.
  const a = q.head === k.head || k.head === "" ? q.rest : query;
  const b = q.head === k.head || q.head === "" ? k.rest : key;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - distance(a, b, longest) / longest;
}
