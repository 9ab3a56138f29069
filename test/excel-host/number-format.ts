/**
 * The display text Excel shows for a value under a number format (`range.text`). Covers General,
 * Text, fixed decimals, thousands separators, percent, scientific and day/month/year dates — the
 * formats an appendix table and its summaries use. Other formats fall back to General.
 */

import { serialToDate } from "./cell-entry";

const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_LONG = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** General: up to 11 characters, switching to scientific notation for very large or small numbers. */
export function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(5).split("e");
    const m = mant.replace(/\.?0+$/, "");
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (Number.isInteger(n)) return String(n);
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const room = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
  return String(Number(n.toFixed(Math.min(room, 15))));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatFixed(n: number, section: string): string {
  const percent = section.includes("%");
  const value = percent ? n * 100 : n;
  const dot = section.indexOf(".");
  let decimals = 0;
  if (dot >= 0) {
    for (let i = dot + 1; i < section.length && (section[i] === "0" || section[i] === "#"); i++) decimals++;
  }
  const thousands = /[0#],[0#]/.test(section);
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart, frac] = fixed.split(".");
  const body = (thousands ? groupThousands(intPart) : intPart) + (frac ? `.${frac}` : "");
  const literals = /"([^"]*)"/.exec(section);
  const suffix = literals ? literals[1] : "";
  return `${body}${percent ? "%" : ""}${suffix}`;
}

function formatScientific(n: number, section: string): string {
  const dot = section.indexOf(".");
  const e = section.search(/E/i);
  const decimals = dot >= 0 && e > dot ? e - dot - 1 : 0;
  const [mant, exp] = n.toExponential(decimals).split("e");
  const ev = Number(exp);
  return `${mant}E${ev < 0 ? "-" : "+"}${String(Math.abs(ev)).padStart(2, "0")}`;
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

function formatDate(serial: number, section: string): string {
  const { year, month, day } = serialToDate(serial);
  const bare = section.replace(/\[[^\]]*\]/g, "").replace(/;@$/, "");
  return bare.replace(/"([^"]*)"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|\\(.)/gi, (tok, lit, esc) => {
    if (lit !== undefined) return lit;
    if (esc !== undefined) return esc;
    switch (tok.toLowerCase()) {
      case "yyyy":
        return String(year);
      case "yy":
        return String(year % 100).padStart(2, "0");
      case "mmmm":
        return MONTH_LONG[month - 1];
      case "mmm":
        return MONTH_SHORT[month - 1];
      case "mm":
        return String(month).padStart(2, "0");
      case "m":
        return String(month);
      case "dd":
        return String(day).padStart(2, "0");
      case "d":
        return String(day);
      default:
        return tok;
    }
  });
}

export function displayText(value: string | number | boolean | null, error: string | undefined, numberFormat: string): string {
  if (error) return error;
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = numberFormat || "General";
  if (format === "General" || format === "@") return formatGeneral(value);
  const sections = format.split(";");
  let section = sections[0];
  let n = value;
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    n = -value;
  }
  if (isDateFormat(section)) return formatDate(value, section);
  if (/^General$/i.test(section.trim())) return formatGeneral(n);
  const sign = n < 0 ? "-" : "";
  if (/E[+-]/i.test(section)) return sign + formatScientific(Math.abs(n), section);
  if (/[0#]/.test(section)) return sign + formatFixed(Math.abs(n), section);
  return formatGeneral(value);
}
