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
const NEWLINE = 0x0a;

export class RowSpool {
  private readonly dir: string;
  private readonly file: string;
  private fd: number;
  private readonly tables: TableOf[] = [];
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly openFiles: number[] = [];
  count = 0;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "appendix-checker-rows-"));
    this.file = path.join(this.dir, "rows.jsonl");
    this.fd = fs.openSync(this.file, "w", 0o600);
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
    const line: Line = [
      r.table,
      r.row,
      r.cell,
      r.heading ?? null,
      f.stt,
      f.content,
      f.lead,
      f.coordinating,
      f.timeframe,
      r.section,
      extras,
    ];
    const json = JSON.stringify(line);
    this.pending.push(json);
    this.pendingLength += json.length;
    this.count++;
    if (this.pendingLength >= BUFFERED) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join("\n") + "\n", "utf8");
    for (let at = 0; at < bytes.length;) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
    this.pending = [];
    this.pendingLength = 0;
  }

  /** The rows in the order added, one at a time: `next` gives the next row (a sheet takes its share, the next the rest). */
  reader(): { next(): RowToWrite } {
    this.flush();
    const fd = fs.openSync(this.file, "r");
    this.openFiles.push(fd);
    const chunk = Buffer.alloc(BUFFERED);
    let data: Buffer = Buffer.alloc(0);
    let from = 0;
    return {
      next: () => {
        let nl = data.indexOf(NEWLINE, from);
        while (nl < 0) {
          const n = fs.readSync(fd, chunk, 0, chunk.length, null);
          if (n === 0) throw new Error("the temporary file of the merged rows was cut short");
          // A line cut by the chunk's end waits for the next chunk; copied, as the chunk is read into again.
          const rest = data.length - from;
          data = rest > 0 ? Buffer.concat([data.subarray(from), chunk.subarray(0, n)]) : Buffer.from(chunk.subarray(0, n));
          from = 0;
          nl = data.indexOf(NEWLINE, rest);
        }
        const row = this.rowOf(JSON.parse(data.toString("utf8", from, nl)) as Line);
        from = nl + 1;
        return row;
      },
    };
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
    for (const fd of [this.fd, ...this.openFiles]) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
