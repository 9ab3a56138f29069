/**
 * Just enough of Excel's formula language to tell a formula from text and to compute simple results.
 * What matters for the stand-in is the first half: text written through `values` that Excel would read
 * as a formula ("=1+1", "-Sở Nội vụ", "@x") must become a formula (or fail) here too, so tests catch
 * formula injection. Evaluation covers arithmetic, comparison, "&", references and a handful of
 * functions; any other function evaluates to #NAME? — a documented limit of the stand-in.
 */

import { MAX_COLUMNS, MAX_ROWS, Rect, columnFromLetters, rect } from "./addresses";

export type Scalar = number | string | boolean;
export interface ErrorValue {
  error: string;
}
export interface RefValue {
  sheet?: string;
  rect: Rect;
}
export type FormulaValue = Scalar | ErrorValue | RefValue | null;

export const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
];

export function errorLiteral(text: string): string | null {
  const upper = text.toUpperCase();
  return ERROR_LITERALS.includes(upper) ? upper : null;
}

type Node =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: string }
  | { t: "ref"; sheet?: string; rect: Rect }
  | { t: "name"; v: string }
  | { t: "func"; name: string; args: Node[] }
  | { t: "unary"; op: string; x: Node }
  | { t: "pct"; x: Node }
  | { t: "bin"; op: string; a: Node; b: Node }
  | { t: "union"; items: Node[] };

type Token =
  | { k: "num"; v: number; raw: string }
  | { k: "str"; v: string }
  | { k: "err"; v: string }
  | { k: "word"; v: string }
  | { k: "sheet"; v: string }
  | { k: "op"; v: string }
  | { k: "space" };

export class FormulaSyntaxError extends Error {}

const WORD_CHAR = /[\p{L}\p{N}_.$\\?]/u;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t" || ch === "\u00a0") {
      while (i < src.length && /[ \n\r\t\u00a0]/.test(src[i])) i++;
      out.push({ k: "space" });
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ k: "str", v: s });
      continue;
    }
    if (ch === "'") {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new FormulaSyntaxError("unterminated sheet name");
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      if (src[i] !== "!") throw new FormulaSyntaxError("quoted name without '!'");
      i++;
      out.push({ k: "sheet", v: s });
      continue;
    }
    if (ch === "#") {
      const hit = ERROR_LITERALS.find((e) => src.slice(i, i + e.length).toUpperCase() === e);
      if (!hit) throw new FormulaSyntaxError("bad error literal");
      out.push({ k: "err", v: hit });
      i += hit.length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num && !(i > 0 && WORD_CHAR.test(src[i - 1]))) {
      // A number directly followed by letters (e.g. "1A") is not a number; let the word rule read it.
      const after = src[i + num[0].length];
      if (after === undefined || !/[\p{L}_]/u.test(after)) {
        out.push({ k: "num", v: Number(num[0]), raw: num[0] });
        i += num[0].length;
        continue;
      }
    }
    if (WORD_CHAR.test(ch)) {
      let w = "";
      while (i < src.length && WORD_CHAR.test(src[i])) w += src[i++];
      if (src[i] === "!") {
        i++;
        out.push({ k: "sheet", v: w });
      } else {
        out.push({ k: "word", v: w });
      }
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%(),:@{};".includes(ch)) {
      out.push({ k: "op", v: ch });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected character ${ch}`);
  }
  return out;
}

/** Spaces matter only as Excel's intersection operator; elsewhere they are dropped. */
function dropInsignificantSpaces(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const endsOperand = (t: Token | undefined) =>
    !!t && (t.k === "num" || t.k === "str" || t.k === "err" || t.k === "word" || (t.k === "op" && (t.v === ")" || t.v === "%")));
  const startsOperand = (t: Token | undefined) =>
    !!t && (t.k === "num" || t.k === "str" || t.k === "err" || t.k === "word" || t.k === "sheet" || (t.k === "op" && t.v === "("));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.k !== "space") {
      out.push(t);
      continue;
    }
    if (endsOperand(out[out.length - 1]) && startsOperand(tokens[i + 1])) out.push({ k: "op", v: " " });
  }
  return out;
}

const CELL_WORD = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN_WORD = /^\$?([A-Za-z]{1,3})$/;

function cellFromWord(word: string): { row: number; col: number } | null {
  const m = CELL_WORD.exec(word);
  if (!m) return null;
  const col = columnFromLetters(m[1]);
  const row = Number(m[2]) - 1;
  if (col < 0 || row < 0 || row >= MAX_ROWS) return null;
  return { row, col };
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.comparison();
    if (this.pos < this.tokens.length) throw new FormulaSyntaxError("unexpected token");
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.k === "op" && t.v === v;
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new FormulaSyntaxError(`expected ${v}`);
    this.pos++;
  }

  private binaryLevel(ops: string[], next: () => Node): Node {
    let left = next();
    for (;;) {
      const t = this.peek();
      if (t && t.k === "op" && ops.includes(t.v)) {
        this.pos++;
        left = { t: "bin", op: t.v, a: left, b: next() };
      } else return left;
    }
  }

  private comparison(): Node {
    return this.binaryLevel(["=", "<>", "<", ">", "<=", ">="], () => this.concat());
  }
  private concat(): Node {
    return this.binaryLevel(["&"], () => this.additive());
  }
  private additive(): Node {
    return this.binaryLevel(["+", "-"], () => this.multiplicative());
  }
  private multiplicative(): Node {
    return this.binaryLevel(["*", "/"], () => this.power());
  }
  private power(): Node {
    return this.binaryLevel(["^"], () => this.unary());
  }

  private unary(): Node {
    const t = this.peek();
    if (t && t.k === "op" && (t.v === "+" || t.v === "-" || t.v === "@")) {
      this.pos++;
      return { t: "unary", op: t.v, x: this.unary() };
    }
    let node = this.intersectionLevel();
    while (this.isOp("%")) {
      this.pos++;
      node = { t: "pct", x: node };
    }
    return node;
  }

  private intersectionLevel(): Node {
    let left = this.rangeLevel();
    while (this.isOp(" ")) {
      this.pos++;
      left = { t: "bin", op: " ", a: left, b: this.rangeLevel() };
    }
    return left;
  }

  private rangeLevel(): Node {
    const sheetTok = this.peek();
    let sheet: string | undefined;
    if (sheetTok && sheetTok.k === "sheet") {
      sheet = sheetTok.v;
      this.pos++;
    }
    const first = this.primary(sheet);
    if (!this.isOp(":")) return first;
    this.pos++;
    const second = this.primary(undefined, true);
    const joined = joinRange(first, second, sheet);
    if (!joined) throw new FormulaSyntaxError("bad range");
    return joined;
  }

  private primary(sheet?: string, afterColon = false): Node {
    const t = this.peek();
    if (!t) throw new FormulaSyntaxError("unexpected end");
    if (sheet !== undefined && t.k !== "word" && t.k !== "num") throw new FormulaSyntaxError("sheet without reference");
    switch (t.k) {
      case "num":
        this.pos++;
        if (sheet !== undefined || afterColon || this.isOp(":")) {
          // Row references such as 3:5 are numbers on both sides of a colon.
          if (!Number.isInteger(t.v) || t.raw.includes(".")) throw new FormulaSyntaxError("bad row");
          return { t: "name", v: `#row:${t.v}` };
        }
        return { t: "num", v: t.v };
      case "str":
        this.pos++;
        return { t: "str", v: t.v };
      case "err":
        this.pos++;
        return { t: "err", v: t.v };
      case "word": {
        this.pos++;
        if (this.isOp("(") && sheet === undefined) {
          this.pos++;
          const args: Node[] = [];
          if (!this.isOp(")")) {
            for (;;) {
              if (this.isOp(",") || this.isOp(")")) args.push({ t: "str", v: "" });
              else args.push(this.comparison());
              if (this.isOp(",")) {
                this.pos++;
                continue;
              }
              break;
            }
          }
          this.expectOp(")");
          return { t: "func", name: t.v.toUpperCase(), args };
        }
        const cell = cellFromWord(t.v);
        if (cell) return { t: "ref", sheet, rect: rect(cell.row, cell.col, cell.row, cell.col) };
        const upper = t.v.toUpperCase();
        if (sheet === undefined && !afterColon && (upper === "TRUE" || upper === "FALSE") && !this.isOp(":")) {
          return { t: "bool", v: upper === "TRUE" };
        }
        if (!/^[\p{L}_\\]/u.test(t.v)) throw new FormulaSyntaxError("bad name");
        return { t: "name", v: t.v };
      }
      case "op":
        if (t.v === "(") {
          this.pos++;
          const items = [this.comparison()];
          while (this.isOp(",")) {
            this.pos++;
            items.push(this.comparison());
          }
          this.expectOp(")");
          return items.length === 1 ? items[0] : { t: "union", items };
        }
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
      default:
        throw new FormulaSyntaxError("unexpected token");
    }
  }
}

function joinRange(a: Node, b: Node, sheet: string | undefined): Node | null {
  if (a.t === "ref" && b.t === "ref") {
    return {
      t: "ref",
      sheet,
      rect: rect(
        Math.min(a.rect.top, b.rect.top),
        Math.min(a.rect.left, b.rect.left),
        Math.max(a.rect.bottom, b.rect.bottom),
        Math.max(a.rect.right, b.rect.right),
      ),
    };
  }
  const rowOf = (n: Node) => (n.t === "name" && n.v.startsWith("#row:") ? Number(n.v.slice(5)) : null);
  const colOf = (n: Node) => (n.t === "name" && COLUMN_WORD.test(n.v) ? columnFromLetters(n.v.replace("$", "")) : -1);
  const ra = rowOf(a);
  const rb = rowOf(b);
  if (ra !== null && rb !== null && ra >= 1 && rb >= 1 && ra <= MAX_ROWS && rb <= MAX_ROWS) {
    return { t: "ref", sheet, rect: rect(Math.min(ra, rb) - 1, 0, Math.max(ra, rb) - 1, MAX_COLUMNS - 1) };
  }
  const ca = colOf(a);
  const cb = colOf(b);
  if (ca >= 0 && cb >= 0) return { t: "ref", sheet, rect: rect(0, Math.min(ca, cb), MAX_ROWS - 1, Math.max(ca, cb)) };
  return null;
}

/** Parses the text after "="; throws FormulaSyntaxError when Excel would refuse the entry. */
export function parseFormula(body: string): Node {
  if (body.trim() === "") throw new FormulaSyntaxError("empty formula");
  const node = new Parser(dropInsignificantSpaces(tokenize(body))).parse();
  if (containsRowMarker(node)) throw new FormulaSyntaxError("bare row number");
  return node;
}

function containsRowMarker(n: Node): boolean {
  switch (n.t) {
    case "name":
      return n.v.startsWith("#row:");
    case "func":
      return n.args.some(containsRowMarker);
    case "unary":
    case "pct":
      return containsRowMarker(n.x);
    case "bin":
      return containsRowMarker(n.a) || containsRowMarker(n.b);
    case "union":
      return n.items.some(containsRowMarker);
    default:
      return false;
  }
}

export function isValidFormula(formula: string): boolean {
  if (!formula.startsWith("=")) return false;
  try {
    parseFormula(formula.slice(1));
    return true;
  } catch {
    return false;
  }
}

/** What evaluation needs from the workbook. */
export interface FormulaScope {
  /** The value of one cell; `sheet` undefined means the formula's own sheet. Null for empty. */
  cell(sheet: string | undefined, row: number, col: number): Scalar | ErrorValue | null;
  sheetExists(sheet: string): boolean;
  /** Cells that hold something, within a rectangle (so SUM(A:A) does not walk a million rows). */
  storedCells(sheet: string | undefined, r: Rect): Array<Scalar | ErrorValue | null>;
}

const isError = (v: unknown): v is ErrorValue => typeof v === "object" && v !== null && "error" in v;
const isRef = (v: unknown): v is RefValue => typeof v === "object" && v !== null && "rect" in v;

export function evaluateFormula(formula: string, scope: FormulaScope): Scalar | ErrorValue {
  let node: Node;
  try {
    node = parseFormula(formula.startsWith("=") ? formula.slice(1) : formula);
  } catch {
    return { error: "#NAME?" };
  }
  const v = deref(evaluate(node, scope), scope);
  if (v === null) return 0;
  return v;
}

function deref(v: FormulaValue, scope: FormulaScope): Scalar | ErrorValue | null {
  if (!isRef(v)) return v;
  if (v.sheet !== undefined && !scope.sheetExists(v.sheet)) return { error: "#REF!" };
  if (v.rect.top !== v.rect.bottom || v.rect.left !== v.rect.right) return { error: "#VALUE!" };
  return scope.cell(v.sheet, v.rect.top, v.rect.left);
}

function toNumber(v: Scalar | ErrorValue | null): number | ErrorValue {
  if (v === null) return 0;
  if (isError(v)) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t === "") return { error: "#VALUE!" };
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : { error: "#VALUE!" };
}

function toText(v: Scalar | ErrorValue | null): string | ErrorValue {
  if (v === null) return "";
  if (isError(v)) return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

function compare(a: Scalar | null, b: Scalar | null): number {
  const rank = (x: Scalar | null) => (x === null ? -1 : typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  const av = a === null ? (typeof b === "string" ? "" : typeof b === "boolean" ? false : 0) : a;
  const bv = b === null ? (typeof a === "string" ? "" : typeof a === "boolean" ? false : 0) : b;
  if (rank(av) !== rank(bv)) return rank(av) - rank(bv);
  if (typeof av === "string" && typeof bv === "string") {
    const x = av.toLowerCase();
    const y = bv.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return av < bv ? -1 : av > bv ? 1 : 0;
}

function flatten(args: FormulaValue[], scope: FormulaScope): Array<{ v: Scalar | ErrorValue | null; fromRef: boolean }> {
  const out: Array<{ v: Scalar | ErrorValue | null; fromRef: boolean }> = [];
  for (const a of args) {
    if (isRef(a)) {
      if (a.sheet !== undefined && !scope.sheetExists(a.sheet)) out.push({ v: { error: "#REF!" }, fromRef: false });
      else for (const v of scope.storedCells(a.sheet, a.rect)) out.push({ v, fromRef: true });
    } else out.push({ v: a, fromRef: false });
  }
  return out;
}

function evaluate(n: Node, scope: FormulaScope): FormulaValue {
  switch (n.t) {
    case "num":
    case "str":
    case "bool":
      return n.v;
    case "err":
      return { error: n.v };
    case "ref":
      return { sheet: n.sheet, rect: n.rect };
    case "name":
      return { error: "#NAME?" };
    case "union":
      return { error: "#VALUE!" };
    case "pct": {
      const x = toNumber(deref(evaluate(n.x, scope), scope));
      return isError(x) ? x : x / 100;
    }
    case "unary": {
      const x = deref(evaluate(n.x, scope), scope);
      if (n.op === "@") return x;
      const num = toNumber(x);
      if (isError(num)) return num;
      return n.op === "-" ? -num : num;
    }
    case "bin":
      return binary(n.op, n.a, n.b, scope);
    case "func":
      return callFunction(n.name, n.args, scope);
  }
}

function binary(op: string, an: Node, bn: Node, scope: FormulaScope): FormulaValue {
  if (op === " ") {
    const a = evaluate(an, scope);
    const b = evaluate(bn, scope);
    if (isError(a)) return a;
    if (isError(b)) return b;
    if (!isRef(a) || !isRef(b)) return { error: "#VALUE!" };
    const top = Math.max(a.rect.top, b.rect.top);
    const left = Math.max(a.rect.left, b.rect.left);
    const bottom = Math.min(a.rect.bottom, b.rect.bottom);
    const right = Math.min(a.rect.right, b.rect.right);
    if (top > bottom || left > right) return { error: "#NULL!" };
    return { sheet: a.sheet, rect: rect(top, left, bottom, right) };
  }
  const a = deref(evaluate(an, scope), scope);
  const b = deref(evaluate(bn, scope), scope);
  if (isError(a)) return a;
  if (isError(b)) return b;
  if (op === "&") {
    return `${toText(a) as string}${toText(b) as string}`;
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compare(a, b);
    switch (op) {
      case "=":
        return c === 0;
      case "<>":
        return c !== 0;
      case "<":
        return c < 0;
      case ">":
        return c > 0;
      case "<=":
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? { error: "#DIV/0!" } : x / y;
    default: {
      const p = Math.pow(x, y);
      return Number.isFinite(p) ? p : { error: "#NUM!" };
    }
  }
}

function callFunction(name: string, argNodes: Node[], scope: FormulaScope): FormulaValue {
  const lazy = () => argNodes.map((a) => evaluate(a, scope));
  const scalar = (i: number) => (i < argNodes.length ? deref(evaluate(argNodes[i], scope), scope) : null);
  const numbersOf = (values: ReturnType<typeof flatten>): number[] | ErrorValue => {
    const nums: number[] = [];
    for (const { v, fromRef } of values) {
      if (isError(v)) return v;
      if (typeof v === "number") nums.push(v);
      else if (!fromRef && v !== null) {
        const n = toNumber(v);
        if (isError(n)) return n;
        nums.push(n);
      }
    }
    return nums;
  };
  switch (name) {
    case "SUM":
    case "AVERAGE":
    case "MIN":
    case "MAX": {
      const nums = numbersOf(flatten(lazy(), scope));
      if (isError(nums)) return nums;
      if (name === "SUM") return nums.reduce((s, x) => s + x, 0);
      if (nums.length === 0) return name === "AVERAGE" ? { error: "#DIV/0!" } : 0;
      if (name === "AVERAGE") return nums.reduce((s, x) => s + x, 0) / nums.length;
      return name === "MIN" ? Math.min(...nums) : Math.max(...nums);
    }
    case "COUNT":
      return flatten(lazy(), scope).filter(({ v }) => typeof v === "number").length;
    case "COUNTA":
      return flatten(lazy(), scope).filter(({ v }) => v !== null && v !== "").length;
    case "IF": {
      const cond = scalar(0);
      if (isError(cond)) return cond;
      const truthy = typeof cond === "string" ? null : toNumber(cond);
      if (truthy === null || isError(truthy)) return { error: "#VALUE!" };
      if (truthy !== 0) return argNodes.length > 1 ? scalar(1) : true;
      return argNodes.length > 2 ? scalar(2) : false;
    }
    case "IFERROR": {
      const v = scalar(0);
      return isError(v) ? scalar(1) : v;
    }
    case "AND":
    case "OR": {
      const vals = flatten(lazy(), scope).map(({ v }) => v);
      const bad = vals.find(isError);
      if (bad) return bad;
      const bools = vals.filter((v) => v !== null && typeof v !== "string").map((v) => toNumber(v) !== 0);
      if (bools.length === 0) return { error: "#VALUE!" };
      return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
    }
    case "NOT": {
      const x = toNumber(scalar(0));
      return isError(x) ? x : x === 0;
    }
    case "LEN":
    case "UPPER":
    case "LOWER":
    case "TRIM": {
      const s = toText(scalar(0));
      if (isError(s)) return s;
      if (name === "LEN") return s.length;
      if (name === "UPPER") return s.toUpperCase();
      if (name === "LOWER") return s.toLowerCase();
      return s.replace(/ +/g, " ").trim();
    }
    case "CONCATENATE":
    case "CONCAT": {
      let s = "";
      for (const { v } of flatten(lazy(), scope)) {
        const t = toText(v);
        if (isError(t)) return t;
        s += t;
      }
      return s;
    }
    case "LEFT":
    case "RIGHT": {
      const s = toText(scalar(0));
      const k = argNodes.length > 1 ? toNumber(scalar(1)) : 1;
      if (isError(s)) return s;
      if (isError(k)) return k;
      return name === "LEFT" ? s.slice(0, k) : k === 0 ? "" : s.slice(-k);
    }
    case "ROUND": {
      const x = toNumber(scalar(0));
      const d = toNumber(scalar(1));
      if (isError(x)) return x;
      if (isError(d)) return d;
      const f = Math.pow(10, Math.trunc(d));
      return Math.round(x * f) / f;
    }
    case "ABS":
    case "INT": {
      const x = toNumber(scalar(0));
      if (isError(x)) return x;
      return name === "ABS" ? Math.abs(x) : Math.floor(x);
    }
    case "HYPERLINK":
      return argNodes.length > 1 ? scalar(1) : scalar(0);
    case "NA":
      return { error: "#N/A" };
    case "ISBLANK":
      return scalar(0) === null;
    case "ISNUMBER":
      return typeof scalar(0) === "number";
    case "ISTEXT":
      return typeof scalar(0) === "string";
    case "ISERROR":
      return isError(scalar(0));
    default:
      return { error: "#NAME?" };
  }
}
