/**
 * Word's automatic numbering (numbering.xml), computed as Word displays it. STT columns and "1. / a) / I." headings
 * are often numbered by Word itself, so the digits are in no w:t: they are the level text ("%1.%2.") of the
 * paragraph's level with each %n replaced by that level's counter in its format.
 *
 * How Word counts: a w:num is a numbering instance of an abstract numbering; paragraphs of instances that share one
 * abstract numbering share its counters (a new w:num alone continues the list), and an instance with a
 * lvlOverride/startOverride restarts the list at its first paragraph. Using a level restarts the deeper levels
 * (unless their lvlRestart says otherwise). A lvlOverride holding a whole w:lvl replaces that level's definition.
 */
import { childrenNamed, child, XmlElement } from "./xml";
import { isOn, W, wAttr, wInt } from "./wordml";

interface LevelDef {
  start: number;
  format: string;
  text: string;
  /** lvlRestart: 0 never restarts; n restarts after a use of levels 0..n-1; absent: after any shallower level. */
  restart?: number;
  /** isLgl: every level's number shown in decimal ("1.1" under "I"). */
  legal: boolean;
}

interface NumInstance {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, LevelDef>;
}

export interface NumberingDefinitions {
  nums: Map<string, NumInstance>;
  abstracts: Map<string, LevelDef[]>;
}

export const NO_NUMBERING: NumberingDefinitions = { nums: new Map(), abstracts: new Map() };

function levelDef(lvl: XmlElement): LevelDef {
  return {
    start: wInt(child(lvl, W, "start")) ?? 0,
    format: wAttr(child(lvl, W, "numFmt"), "val") ?? "decimal",
    text: wAttr(child(lvl, W, "lvlText"), "val") ?? "",
    restart: wInt(child(lvl, W, "lvlRestart")),
    legal: isOn(child(lvl, W, "isLgl")),
  };
}

function levelsOf(abstract: XmlElement): LevelDef[] {
  const levels: LevelDef[] = [];
  for (const lvl of childrenNamed(abstract, W, "lvl")) {
    const i = wInt(lvl, "ilvl") ?? 0;
    if (i >= 0 && i < 9) levels[i] = levelDef(lvl);
  }
  return levels;
}

export function readNumbering(root: XmlElement | null): NumberingDefinitions {
  if (!root) return NO_NUMBERING;
  const abstracts = new Map<string, LevelDef[]>();
  const byStyleLink = new Map<string, string>();
  const linked = new Map<string, string>();
  for (const a of childrenNamed(root, W, "abstractNum")) {
    const id = wAttr(a, "abstractNumId") ?? "";
    abstracts.set(id, levelsOf(a));
    const styleLink = wAttr(child(a, W, "styleLink"), "val");
    if (styleLink) byStyleLink.set(styleLink, id);
    const numStyleLink = wAttr(child(a, W, "numStyleLink"), "val");
    if (numStyleLink) linked.set(id, numStyleLink);
  }
  // An abstract numbering that only links to a numbering style takes the levels of the one that defines the style.
  for (const [id, style] of linked) {
    const target = byStyleLink.get(style);
    if (target !== undefined && target !== id && (abstracts.get(id) ?? []).length === 0) abstracts.set(id, abstracts.get(target) ?? []);
  }
  const nums = new Map<string, NumInstance>();
  for (const num of childrenNamed(root, W, "num")) {
    const id = wAttr(num, "numId") ?? "";
    const instance: NumInstance = { abstractId: wAttr(child(num, W, "abstractNumId"), "val") ?? "", starts: new Map(), levels: new Map() };
    for (const o of childrenNamed(num, W, "lvlOverride")) {
      const i = wInt(o, "ilvl") ?? 0;
      const start = wInt(child(o, W, "startOverride"));
      if (start !== undefined) instance.starts.set(i, start);
      const lvl = child(o, W, "lvl");
      if (lvl) instance.levels.set(i, levelDef(lvl));
    }
    nums.set(id, instance);
  }
  return { nums, abstracts };
}

export interface DisplayedNumber {
  text: string;
  level: number;
}

/** Counts numbered paragraphs in document order, as Word does, and gives the number each displays. */
export class NumberingCounter {
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly started = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The number the next paragraph of this instance and level displays; undefined for numId 0 or an unknown one. */
  next(numId: string, ilvl: number): DisplayedNumber | undefined {
    const num = this.defs.nums.get(numId);
    if (!num) return undefined; // numId 0 switches numbering off; an unknown id shows nothing in Word either
    const level = Math.max(0, Math.min(8, ilvl));
    const levelOf = (i: number): LevelDef | undefined => num.levels.get(i) ?? this.defs.abstracts.get(num.abstractId)?.[i];
    const def = levelOf(level);
    if (!def) return undefined;
    let counters = this.counters.get(num.abstractId);
    if (!counters) this.counters.set(num.abstractId, (counters = []));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      if (num.starts.size > 0) {
        // A restarted instance: the list begins again, at the override's value where it gives one.
        counters.length = 0;
        for (const [i, start] of num.starts) counters[i] = start - 1;
      }
    }
    const current = counters[level];
    counters[level] = (current ?? def.start - 1) + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) {
      const d = levelOf(deeper);
      const restarts = d?.restart === undefined ? true : d.restart !== 0 && level < d.restart;
      if (restarts) counters[deeper] = undefined;
    }
    const text = def.text.replace(/%([1-9])/g, (_, n: string) => {
      const i = Number(n) - 1;
      const d = levelOf(i);
      const value = counters![i] ?? d?.start ?? 1;
      return formatNumber(value, def.legal && i < level ? "decimal" : (d?.format ?? "decimal"));
    });
    if (def.format === "bullet") return { text: bulletText(def.text), level };
    if (def.format === "none" && text.trim() === "") return undefined;
    return { text, level };
  }
}

const ROMAN: Array<[number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = "";
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

/** Word's letters: A … Z, then AA, BB … ZZ, then AAA (the letter repeated, not a base-26 count). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "decimalZero":
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case "none":
      return "";
    default:
      // decimal, and the forms nobody numbers an appendix with (ordinal words, CJK counting) as their digits
      return String(n);
  }
}

/** Symbol-font bullets live in the private use area; they are shown as the bullet they draw. */
function bulletText(text: string): string {
  const t = text.trim();
  if (t === "") return "•";
  return [...t].map((ch) => (ch === "\uf02d" ? "-" : /[\ue000-\uf8ff]/.test(ch) ? "•" : ch)).join("");
}
