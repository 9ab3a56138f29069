/**
 * A `--json` report written as it is made, in pieces of about 64 KB: the report of a 100,000-task table is tens of
 * megabytes, and holding it whole as one string (twice, once escaped for the terminal) is what ran the process out of
 * address space. The text is exactly what `JSON.stringify(value, null, 2)` gives, followed by a newline.
 */
import { CliIO } from "./io";

const CHUNK = 64 * 1024;

/** The pieces of `JSON.stringify(value, null, 2)`, in order; each value is stringified where it is small. */
export function* jsonPieces(value: unknown, indent = ""): Generator<string> {
  const v = toJsonValue(value);
  if (v === null || typeof v !== "object") {
    yield JSON.stringify(v) ?? "null";
    return;
  }
  // A small value (an issue, a count) is one piece: JSON.stringify is many times faster than walking it here. Its
  // lines are indented to where it stands; a JSON string never holds a raw line break, so only layout is touched.
  if (isSmall(v)) {
    yield indented(v, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    // Small items are stringified a batch at a time, the batch's brackets taken off: one piece per few thousand values.
    let i = 0;
    while (i < v.length) {
      yield i ? "," : "";
      let end = i;
      for (let budget = SMALL; end < v.length; end++) {
        budget -= size(v[end], budget);
        if (budget < 0) break;
      }
      if (end === i) {
        yield `\n${inner}`;
        yield* jsonPieces(v[i], inner);
        i++;
        continue;
      }
      // The batch's text without its brackets: "\n" + inner + item, … (what follows "[" up to "\n" + indent + "]").
      const text = indented(v.slice(i, end), indent);
      yield text.slice(1, text.length - indent.length - 2);
      i = end;
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(v)) {
    const item = toJsonValue((v as Record<string, unknown>)[key]);
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(item, inner);
  }
  yield first ? "{}" : `\n${indent}}`;
}

const SMALL = 4096;

/**
 * `JSON.stringify(value, null, 2)` with every line after the first indented by `indent` (an even number of spaces),
 * as it stands at that depth: the value is stringified inside as many arrays as `indent` is deep, so JSON.stringify
 * indents it itself, and the value's text is cut out of the wrappers' (a slice, not a copy of tens of megabytes).
 */
function indented(value: unknown, indent: string): string {
  const depth = indent.length / 2;
  if (depth === 0) return JSON.stringify(value, null, 2);
  let wrapped = value;
  for (let d = 0; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Before the value: "[\n  " … "[\n" + indent; after it: "\n" + (indent less two spaces) + "]" … "\n]".
  const before = depth * 2 + depth * (depth + 1);
  const after = depth * 2 + depth * (depth - 1);
  return text.slice(before, text.length - after);
}

/** Whether the value holds at most SMALL values. */
function isSmall(value: object): boolean {
  return size(value, SMALL) <= SMALL;
}

/** How many values the value holds, itself included, counted only until there are more than `most`. */
function size(value: unknown, most: number): number {
  let n = 0;
  const stack: unknown[] = [value];
  while (stack.length && n <= most) {
    const v = stack.pop();
    n++;
    if (v !== null && typeof v === "object") for (const key in v) stack.push((v as Record<string, unknown>)[key]);
  }
  return n;
}

/** What JSON.stringify would write for the value: its toJSON(), a boxed primitive unboxed. */
function toJsonValue(value: unknown): unknown {
  if (value !== null && typeof value === "object") {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") return (toJSON as () => unknown).call(value);
    if (value instanceof Number || value instanceof String || value instanceof Boolean) return value.valueOf();
  }
  return value;
}

/** Writes the value as `JSON.stringify(value, null, 2)` and a newline, a piece at a time when the output can take pieces. */
export function writeJson(io: CliIO, value: unknown): void {
  if (!io.write) {
    io.out(JSON.stringify(value, null, 2));
    return;
  }
  let buffer = "";
  for (const piece of jsonPieces(value)) {
    buffer += piece;
    if (buffer.length >= CHUNK) {
      io.write(buffer);
      buffer = "";
    }
  }
  io.write(`${buffer}\n`);
}
