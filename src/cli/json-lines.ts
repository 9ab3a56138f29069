/**
 * Values kept on disk as one JSON line each, written in order and read back in order: what a consolidation of
 * thousands of replies would otherwise hold in memory until its last file is read (its rows, its issues).
 */
import * as fs from "fs";

const BUFFERED = 1 << 20;
const NEWLINE = 0x0a;

export class JsonLines<T> {
  private readonly fd: number;
  private readonly readers: number[] = [];
  // Each line is encoded into this buffer as it is added: kept as strings until a megabyte had gathered, they lived
  // long enough to be moved to the old generation, and a consolidation's rows passed through it whole.
  private readonly buffer = Buffer.allocUnsafe(BUFFERED);
  private used = 0;
  count = 0;

  /** `file` is created (private to this user) and truncated. */
  constructor(private readonly file: string) {
    this.fd = fs.openSync(file, "w", 0o600);
  }

  add(value: T): void {
    const json = JSON.stringify(value) + "\n";
    // Three bytes of UTF-8 at most for each UTF-16 unit: a line that may not fit is written on its own.
    if (this.used + json.length * 3 > BUFFERED) {
      this.flush();
      if (json.length * 3 > BUFFERED) {
        this.writeAll(Buffer.from(json, "utf8"));
        this.count++;
        return;
      }
    }
    this.used += this.buffer.write(json, this.used, "utf8");
    this.count++;
  }

  private writeAll(bytes: Uint8Array): void {
    for (let at = 0; at < bytes.length;) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /**
   * The values in the order added, one at a time from the start: `next` gives the next one (a sheet takes its share,
   * the next sheet the rest). Each reader reads the file anew.
   */
  reader(): { next(): T } {
    this.flush();
    const fd = fs.openSync(this.file, "r");
    this.readers.push(fd);
    const chunk = Buffer.alloc(BUFFERED);
    let data: Buffer = Buffer.alloc(0);
    let from = 0;
    return {
      next: () => {
        let nl = data.indexOf(NEWLINE, from);
        while (nl < 0) {
          const n = fs.readSync(fd, chunk, 0, chunk.length, null);
          if (n === 0) throw new Error(`the temporary file ${this.file} was cut short`);
          // A line cut by the chunk's end waits for the next chunk; copied, as the chunk is read into again.
          const rest = data.length - from;
          data = rest > 0 ? Buffer.concat([data.subarray(from), chunk.subarray(0, n)]) : Buffer.from(chunk.subarray(0, n));
          from = 0;
          nl = data.indexOf(NEWLINE, rest);
        }
        const value = JSON.parse(data.toString("utf8", from, nl)) as T;
        from = nl + 1;
        return value;
      },
    };
  }

  /** Every value in order (`count` of them). */
  each(visit: (value: T) => void): void {
    const r = this.reader();
    for (let i = 0; i < this.count; i++) visit(r.next());
  }

  close(): void {
    for (const fd of [this.fd, ...this.readers]) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
  }
}
