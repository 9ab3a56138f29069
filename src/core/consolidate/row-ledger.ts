/**
 * What the repeat flags and their texts need of every merged row, kept compactly (the ledger), and the keys rows are
 * compared by across tables: the set of lead agencies, and the period a timeframe reads as.
 */
import { contentKey, TaskAnalysis } from "../kinds/tasks/checks";
import { detached } from "../output/summaries";
import { foldKey } from "../sheet/text";
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

/**
 * What the repeat flags and their texts need of every row, kept compactly for each row merged: its table, its
 * place, and its content, lead and timeframe as compared (interned, as tables repeat the same leads and timeframes).
 * Enough to flag and name repeats without holding the rows themselves.
 */
export class RowLedger {
  readonly table: number[] = [];
  readonly row: number[] = [];
  readonly heading = new Map<number, string>();
  readonly leadKey: number[] = [];
  readonly timeKey: number[] = [];
  readonly leadText: number[] = [];
  readonly timeText: number[] = [];
  /** Rows by content key: the first row alone, or every row once the content repeats. */
  readonly byContent = new Map<string, number | number[]>();
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];

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

  add(r: ConsolidatedRow, task: TaskAnalysis): void {
    const i = this.table.length;
    this.table.push(r.table);
    this.row.push(r.row);
    if (r.heading !== undefined) this.heading.set(i, r.heading);
    this.leadKey.push(this.intern(leadKey(task)));
    this.timeKey.push(this.intern(timeframeKey(task.timeframe)));
    this.leadText.push(this.intern(r.fields.lead));
    this.timeText.push(this.intern(r.fields.timeframe));
    const key = contentKey(r.fields.content);
    if (key === "") return;
    const seen = this.byContent.get(key);
    if (seen === undefined) this.byContent.set(detached(key), i);
    else if (typeof seen === "number") this.byContent.set(key, [seen, i]);
    else seen.push(i);
  }
}

export function ledgerRefs(ledger: RowLedger, tables: readonly ConsolidatedTable[]): RowRefs {
  return {
    table: (i) => ledger.table[i],
    file: (i) => tables[ledger.table[i]].file,
    sheet: (i) => tables[ledger.table[i]].sheet,
    row: (i) => ledger.row[i],
    heading: (i) => ledger.heading.get(i),
    lead: (i) => ledger.texts[ledger.leadText[i]],
    timeframe: (i) => ledger.texts[ledger.timeText[i]],
  };
}
