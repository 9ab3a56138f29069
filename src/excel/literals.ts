/**
 * Values as Excel must receive them to store them as they are. Writing through range.values is typing: "=1+1"
 * becomes a formula, "-Sở Nội vụ" and "@x" are read as formulas too, "01" a number, "12/2022" a date, "TRUE" a
 * boolean, and how digits and dates are read depends on the user's locale. A leading apostrophe makes Excel keep the
 * rest as text (the apostrophe is not part of the value), so every string gets one. The Text number format ("@")
 * would do the same, but Excel shows "####" for Text cells longer than 255 characters, and task contents are longer.
 */

/** The longest text a cell holds. */
const MAX_CELL_TEXT = 32767;

export type Literal = string | number | boolean;

/** What to write through range.values so the cell holds `value` itself; null empties the cell. */
export function literal(value: string | number | boolean | null | undefined): Literal {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : literal(String(value));
  if (typeof value === "boolean") return value;
  return `'${value.length >= MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT - 1) : value}`;
}
