const encoder = new TextEncoder();

/**
 * XML as bytes, written in place: a large sheet is hundreds of thousands of small pieces, and building them as
 * strings first leaves the garbage collector most of the work.
 */
export class XmlBytes {
  private buf = new Uint8Array(1 << 16);
  private len = 0;
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  /** Text known to be ASCII (markup, references, numbers). */
  ascii(text: string): this {
    this.room(text.length);
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < text.length; i++) buf[len++] = text.charCodeAt(i);
    this.len = len;
    return this;
  }
  /** A non-negative integer's digits, without making a string of it. */
  digits(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) return this.ascii(String(n));
    let width = 1;
    for (let p = 10; p <= n; p *= 10) width++;
    this.room(width);
    let at = this.len + width;
    this.len = at;
    do {
      this.buf[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    return this;
  }
  /** Any text, already escaped, as UTF-8: long texts through TextEncoder, short ones here (a call there costs more). */
  text(text: string): this {
    this.room(text.length * 3);
    if (text.length > 24) {
      this.len += encoder.encodeInto(text, this.buf.subarray(this.len)).written;
      return this;
    }
    const buf = this.buf;
    let len = this.len;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) buf[len++] = c;
      else if (c < 0x800) {
        buf[len++] = 0xc0 | (c >> 6);
        buf[len++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            buf[len++] = 0xf0 | (c >> 18);
            buf[len++] = 0x80 | ((c >> 12) & 0x3f);
            buf[len++] = 0x80 | ((c >> 6) & 0x3f);
            buf[len++] = 0x80 | (c & 0x3f);
            continue;
          }
        }
        buf[len++] = 0xe0 | (c >> 12);
        buf[len++] = 0x80 | ((c >> 6) & 0x3f);
        buf[len++] = 0x80 | (c & 0x3f);
      }
    }
    this.len = len;
    return this;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
  get size(): number {
    return this.len;
  }
  /**
   * What was written so far handed to `sink`, which must be done with it when it returns (the zip writer copies it
   * into its piece), and the buffer emptied for more. A copy per piece of a large sheet left hundreds of megabytes of
   * buffers outside the heap for the collector to find.
   */
  handTo(sink: (bytes: Uint8Array) => void): void {
    sink(this.buf.subarray(0, this.len));
    this.len = 0;
  }
  /** What was written so far, as a copy, and the buffer emptied for more. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.len);
    this.len = 0;
    return out;
  }
}
