/**
 * The merged rows of a consolidation held on disk until the workbook is written: a consolidation of thousands of
 * replies keeps in memory only what flags repeats (core/consolidate's ledger), and each row, once its file is folded
 * in, waits here as one JSON line in a private temporary folder, read back in order as the sheet is written.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { RowToWrite } from "../core/output/consolidated-sheet";
import type { ByteSpill } from "../xlsx/sheet-writer";
import { JsonLines } from "./json-lines";

/** What a row shares with the other rows of its table, kept once per table. */
interface TableOf {
  file: string;
  linkFile?: string;
  sheet: string;
  sourceAgency: string | null;
}

type Line = [
  table: number,
  row: number,
  cell: string,
  heading: string | null,
  stt: string,
  content: string,
  lead: string,
  coordinating: string,
  timeframe: string,
  section: string,
  extras: Array<string | null>,
];

const BUFFERED = 1 << 20;

export class RowSpool {
  private readonly dir: string;
  private readonly rows: JsonLines<Line>;
  private readonly tables: TableOf[] = [];
  private readonly kept: Array<JsonLines<unknown>> = [];
  private readonly openFiles: number[] = [];

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "appendix-checker-rows-"));
    this.rows = this.lines<Line>("rows");
  }

  get count(): number {
    return this.rows.count;
  }

  /** Another file of JSON lines in the spool's folder, removed with it. */
  lines<T>(name: string): JsonLines<T> {
    const lines = new JsonLines<T>(path.join(this.dir, `${name}-${this.kept.length}.jsonl`));
    this.kept.push(lines as JsonLines<unknown>);
    return lines;
  }

  add(r: RowToWrite): void {
    if (this.tables.length <= r.table) {
      const t: TableOf = { file: r.file, sheet: r.sheet, sourceAgency: r.sourceAgency };
      if (r.linkFile !== undefined) t.linkFile = r.linkFile;
      this.tables[r.table] = t;
    }
    const extras: Array<string | null> = [];
    for (let i = 0; i < r.extras.length; i++) extras.push(r.extras[i] ?? null);
    const f = r.fields;
    this.rows.add([r.table, r.row, r.cell, r.heading ?? null, f.stt, f.content, f.lead, f.coordinating, f.timeframe, r.section, extras]);
  }

  /** The rows in the order added, one at a time: `next` gives the next row (a sheet takes its share, the next the rest). */
  reader(): { next(): RowToWrite } {
    const lines = this.rows.reader();
    return { next: () => this.rowOf(lines.next()) };
  }

  private rowOf(l: Line): RowToWrite {
    const t = this.tables[l[0]];
    const r: RowToWrite = {
      table: l[0],
      file: t.file,
      sheet: t.sheet,
      row: l[1],
      cell: l[2],
      sourceAgency: t.sourceAgency,
      section: l[9],
      fields: { stt: l[4], content: l[5], lead: l[6], coordinating: l[7], timeframe: l[8] },
      extras: l[10].map((e) => e ?? ""),
    };
    if (l[3] !== null) r.heading = l[3];
    if (t.linkFile !== undefined) r.linkFile = t.linkFile;
    return r;
  }

  /**
   * A file beside the rows for what the sheet writer sets aside (a consolidated sheet's links, a hundred bytes a row,
   * which follow its cells), so they wait on disk, not in memory.
   */
  spill(): ByteSpill {
    const fd = fs.openSync(path.join(this.dir, `spill-${this.openFiles.length}.bin`), "w+", 0o600);
    this.openFiles.push(fd);
    let size = 0;
    return {
      write(bytes) {
        for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at, size + at);
        size += bytes.length;
      },
      drain(sink) {
        const chunk = Buffer.alloc(BUFFERED);
        for (let at = 0; at < size;) {
          const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
          if (n === 0) throw new Error("the temporary file of the workbook's links was cut short");
          at += n;
          sink(chunk.subarray(0, n));
        }
        fs.ftruncateSync(fd, 0);
        size = 0;
      },
    };
  }

  /** Removes the temporary folder. */
  dispose(): void {
    for (const lines of this.kept) lines.close();
    for (const fd of this.openFiles) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
