/**
 * What the repeat flags and their texts need of every merged row, kept compactly (the ledger), and the keys rows are
 * compared by across tables: the content, the set of lead agencies, and the period a timeframe reads as.
 *
 * A consolidation of thousands of replies must not hold its rows, so a row is kept here as a few integers in typed
 * columns (about 30 bytes), and its content as a 64-bit fingerprint of its key (`wordKeyHalves`), not as the key: two
 * different contents share a fingerprint with a chance of about n²/2⁶⁵ (4 in 100 million at 1.2 million rows), where
 * holding every key took a fifth of the memory of a 2,000-file consolidation.
 */
import type { AgencyPart } from "../agencies/split";
import { contentKey, TaskAnalysis } from "../kinds/tasks/checks";
import { detached } from "../output/summaries";
import { foldKey, wordKeyHalves } from "../sheet/text";
import { Timeframe } from "../timeframe/timeframe";
import type { ConsolidatedRow, ConsolidatedTable, RowRefs } from "./consolidation";

/** The set of lead agencies, as compared across tables. */
function leadKey(task: TaskAnalysis): string {
  if (task.leads.length === 0) return contentKey(task.row.fields.lead);
  const names = new Set<string>();
  for (const p of task.leads) names.add(foldKey(p.name));
  return [...names].sort().join("|");
}

/** What a timeframe means, as compared across tables: "Quý IV/2022" and "Quí IV-2022" agree. */
function timeframeKey(tf: Timeframe): string {
  if (tf.period) {
    const s = tf.period.start;
    const e = tf.period.end;
    return `${s.year}-${s.month}-${s.day}/${e ? `${e.year}-${e.month}-${e.day}` : "…"}`;
  }
  if (tf.kind === "ongoing" || tf.kind === "annual") return tf.kind;
  return `${tf.kind}:${contentKey(tf.text)}`;
}

/** A growable column of 32-bit integers: a million rows in 4 MB, where an array of numbers takes twice that. */
export class IntColumn {
  private data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i];
  }
  set(i: number, v: number): void {
    this.data[i] = v;
  }
}

/**
 * Rows by content fingerprint, open addressing over typed arrays: each distinct content holds its two halves and
 * the first and last row of its chain (`next` links a row to the next row of the same content).
 */
class ContentIndex {
  private h1 = new Uint32Array(1 << 12);
  private h2 = new Uint32Array(1 << 12);
  private first = new Int32Array(1 << 12).fill(-1);
  private last = new Int32Array(1 << 12);
  private used = 0;

  /** Adds `row` under the fingerprint; the row before it of the same content, or -1 for a new content. */
  add(a: number, b: number, row: number): number {
    if ((this.used + 1) * 2 > this.first.length) this.grow();
    const mask = this.first.length - 1;
    for (let at = (a ^ Math.imul(b, 0x9e3779b1)) & mask; ; at = (at + 1) & mask) {
      if (this.first[at] === -1) {
        this.h1[at] = a;
        this.h2[at] = b;
        this.first[at] = row;
        this.last[at] = row;
        this.used++;
        return -1;
      }
      if (this.h1[at] === a && this.h2[at] === b) {
        const before = this.last[at];
        this.last[at] = row;
        return before;
      }
    }
  }

  private grow(): void {
    const { h1, h2, first, last } = this;
    const size = first.length * 2;
    this.h1 = new Uint32Array(size);
    this.h2 = new Uint32Array(size);
    this.first = new Int32Array(size).fill(-1);
    this.last = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < first.length; i++) {
      if (first[i] === -1) continue;
      let at = (h1[i] ^ Math.imul(h2[i], 0x9e3779b1)) & mask;
      while (this.first[at] !== -1) at = (at + 1) & mask;
      this.h1[at] = h1[i];
      this.h2[at] = h2[i];
      this.first[at] = first[i];
      this.last[at] = last[i];
    }
  }
}

const HALVES = new Uint32Array(2);

/**
 * Every row merged, as the repeat flags need it: its table and place, its lead and timeframe as compared and as
 * written (interned: tables repeat the same leads and timeframes), and the chain of rows with the same content.
 */
export class RowLedger {
  readonly table = new IntColumn();
  readonly row = new IntColumn();
  readonly heading = new Map<number, string>();
  readonly leadKey = new IntColumn();
  readonly timeKey = new IntColumn();
  readonly leadText = new IntColumn();
  readonly timeText = new IntColumn();
  /** The next row with the same content, or -1. */
  readonly next = new IntColumn();
  /** The first row of each content, in the order the contents first appeared. */
  readonly heads = new IntColumn();
  private readonly index = new ContentIndex();
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];
  // The keys of one table's leads and timeframes, by the parsed value the table shares among its rows.
  private leadKeys = new Map<AgencyPart[], number>();
  private timeKeys = new Map<Timeframe, number>();

  get size(): number {
    return this.table.length;
  }

  private intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      // A copy: the text read is a slice of its reply's XML, which it would keep alive (see output/summaries.ts).
      const own = detached(text);
      this.ids.set(own, id);
      this.texts.push(own);
    }
    return id;
  }

  /** A new table's rows follow: the parsed leads and timeframes of the one before are not met again. */
  startTable(): void {
    this.leadKeys = new Map();
    this.timeKeys = new Map();
  }

  add(r: ConsolidatedRow, task: TaskAnalysis): void {
    const i = this.table.length;
    this.table.push(r.table);
    this.row.push(r.row);
    if (r.heading !== undefined) this.heading.set(i, r.heading);
    let lead = task.leads.length ? this.leadKeys.get(task.leads) : undefined;
    if (lead === undefined) {
      lead = this.intern(leadKey(task));
      if (task.leads.length) this.leadKeys.set(task.leads, lead);
    }
    let time = this.timeKeys.get(task.timeframe);
    if (time === undefined) this.timeKeys.set(task.timeframe, (time = this.intern(timeframeKey(task.timeframe))));
    this.leadKey.push(lead);
    this.timeKey.push(time);
    this.leadText.push(this.intern(r.fields.lead));
    this.timeText.push(this.intern(r.fields.timeframe));
    this.next.push(-1);
    if (!wordKeyHalves(r.fields.content, HALVES)) return;
    const before = this.index.add(HALVES[0], HALVES[1], i);
    if (before === -1) this.heads.push(i);
    else this.next.set(before, i);
  }
}

export function ledgerRefs(ledger: RowLedger, tables: readonly ConsolidatedTable[]): RowRefs {
  return {
    table: (i) => ledger.table.get(i),
    file: (i) => tables[ledger.table.get(i)].file,
    sheet: (i) => tables[ledger.table.get(i)].sheet,
    row: (i) => ledger.row.get(i),
    heading: (i) => ledger.heading.get(i),
    lead: (i) => ledger.texts[ledger.leadText.get(i)],
    timeframe: (i) => ledger.texts[ledger.timeText.get(i)],
  };
}
