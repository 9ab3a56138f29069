/**
 * What Excel stores when a value is written through `range.values` (or `formulas`): the same thing
 * as when a person types it into the cell (en-US parsing). This is where real Excel surprises code
 * that writes text: "=1+1" becomes a formula, "-Sở Nội vụ" is read as a formula too, "01" becomes
 * the number 1, "12/2022" becomes a date, "TRUE" a boolean, "#N/A" an error. A leading apostrophe
 * keeps the rest as text (the apostrophe itself is not part of the value), and so does a cell whose
 * number format is Text ("@").
 */

import { ERROR_LITERALS, FormulaSyntaxError, parseFormula } from "./formula";

export type CellScalar = string | number | boolean;

/** What a cell holds after an entry. `numberFormat` is set when Excel picks one for the entry. */
export interface CellEntry {
  value: CellScalar | null;
  error?: string;
  formula?: string;
  /** Typed with a leading apostrophe: the value is text even if it looks like something else. */
  prefixed?: boolean;
  numberFormat?: string;
}

export class EntryRejected extends Error {}

/** Longest text a cell holds, and longest formula Excel accepts. */
export const MAX_CELL_TEXT = 32767;
export const MAX_FORMULA_LENGTH = 8192;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's 1900 date system, including its fictitious 29 February 1900. */
export function dateSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  const ms = Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30);
  const serial = Math.round(ms / 86400000);
  return serial < 61 ? serial - 1 : serial;
}

export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  const adjusted = whole < 61 ? whole + 1 : whole;
  const d = new Date(Date.UTC(1899, 11, 30) + adjusted * 86400000);
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/** A date as typed in en-US: 12/31/2022, 12/2022, 2022-12-31, 15-Feb, 15-Feb-2022, Feb-22. */
function parseDate(text: string, currentYear: number): { serial: number; numberFormat: string } | null {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const s = dateSerial(expandYear(m[3]), Number(m[1]), Number(m[2]));
    return s === null ? null : { serial: s, numberFormat: "m/d/yyyy" };
  }
  m = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) {
    const s = dateSerial(Number(m[2]), Number(m[1]), 1);
    return s === null ? null : { serial: s, numberFormat: "mmm-yy" };
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) {
    const s = dateSerial(currentYear, Number(m[1]), Number(m[2]));
    return s === null ? null : { serial: s, numberFormat: "d-mmm" };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const s = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    return s === null ? null : { serial: s, numberFormat: "m/d/yyyy" };
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*(?:[- ](\d{2}|\d{4}))?$/.exec(text);
  if (m && MONTHS.includes(m[2].toLowerCase())) {
    const year = m[3] ? expandYear(m[3]) : currentYear;
    const s = dateSerial(year, MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1]));
    return s === null ? null : { serial: s, numberFormat: m[3] ? "d-mmm-yy" : "d-mmm" };
  }
  m = /^([A-Za-z]{3})[a-z]*[- ](\d{2}|\d{4})$/.exec(text);
  if (m && MONTHS.includes(m[1].toLowerCase())) {
    const s = dateSerial(expandYear(m[2]), MONTHS.indexOf(m[1].toLowerCase()) + 1, 1);
    return s === null ? null : { serial: s, numberFormat: "mmm-yy" };
  }
  return null;
}

/** A number as typed in en-US: 12, -1.5, 1,234, 1e3, 50%, (5). */
function parseNumber(text: string): { value: number; numberFormat?: string } | null {
  let t = text;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  const m = /^([+-])?(\d{1,3}(,\d{3})+|\d*)(\.\d*)?([eE][+-]?\d+)?$/.exec(t);
  if (!m || (m[2] === "" && (m[4] === undefined || m[4] === "."))) return null;
  if (m[2] === "" && m[4] === undefined) return null;
  const value = Number(t.replace(/,/g, ""));
  if (!Number.isFinite(value)) return null;
  let result = negative ? -value : value;
  if (percent) result /= 100;
  const decimals = m[4] ? m[4].length - 1 : 0;
  if (percent) return { value: result, numberFormat: decimals > 0 ? "0.00%" : "0%" };
  if (m[5]) return { value: result, numberFormat: "0.00E+00" };
  if (m[3]) return { value: result, numberFormat: decimals > 0 ? "#,##0.00" : "#,##0" };
  return { value: result };
}

function asFormula(formula: string): CellEntry {
  if (formula.length > MAX_FORMULA_LENGTH) throw new EntryRejected("formula too long");
  try {
    parseFormula(formula.slice(1));
  } catch (e) {
    if (e instanceof FormulaSyntaxError) throw new EntryRejected(`not a valid formula: ${formula}`);
    throw e;
  }
  return { value: null, formula };
}

/**
 * Interprets one written value. `cellFormat` is the cell's number format before the write: a Text
 * ("@") cell keeps strings as they are. Throws EntryRejected where Excel refuses the entry.
 */
export function interpretEntry(input: unknown, cellFormat: string | undefined, currentYear = 2025): CellEntry {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new EntryRejected("not a finite number");
    return { value: input };
  }
  if (typeof input === "boolean") return { value: input };
  if (typeof input !== "string") throw new EntryRejected(`cannot write a value of type ${typeof input}`);
  if (input.length > MAX_CELL_TEXT) throw new EntryRejected("text longer than 32,767 characters");
  if (input === "") return { value: null };
  if (input.startsWith("'")) return { value: input.slice(1), prefixed: true };
  if (cellFormat === "@") return { value: input };
  if (input.startsWith("=")) return asFormula(input);
  const trimmed = input.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  if (ERROR_LITERALS.includes(upper)) return { value: null, error: upper };
  const num = parseNumber(trimmed);
  if (num) return num.numberFormat && isGeneral(cellFormat) ? { value: num.value, numberFormat: num.numberFormat } : { value: num.value };
  const date = parseDate(trimmed, currentYear);
  if (date) return isGeneral(cellFormat) ? { value: date.serial, numberFormat: date.numberFormat } : { value: date.serial };
  // Excel reads an entry that starts with + or - (and, in current versions, @) as the start of a
  // formula: "-Sở Nội vụ" becomes =-Sở Nội vụ (#NAME?) or is refused. Lone signs stay text.
  if ((input.startsWith("+") || input.startsWith("-") || input.startsWith("@")) && trimmed.length > 1) {
    return asFormula(`=${input}`);
  }
  return { value: input };
}

/** A formula written through `formulas`: strings that do not start with "=" are entries like any other. */
export function interpretFormulaEntry(input: unknown, cellFormat: string | undefined, currentYear = 2025): CellEntry {
  if (typeof input === "string" && input.startsWith("=") && input.length > 1) {
    if (cellFormat === "@") return { value: input };
    return asFormula(input);
  }
  return interpretEntry(input, cellFormat, currentYear);
}

function isGeneral(format: string | undefined): boolean {
  return format === undefined || format === "General";
}
