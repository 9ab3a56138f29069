/**
 * What a stored cell means, for every reader (the direct XML reader, the ExcelJS reader, the Office.js reader): a
 * number is a date when its number format shows a date or time, and a date is written as Vietnamese readers write
 * it, d/m/yyyy. Serials count days from 1899-12-30, or from 1904-01-01 in a workbook that uses the 1904 date
 * system (ECMA-376 Part 1, 18.17.4.1 "Date Conversion for Serial Date-Times"; workbookPr/@date1904, 18.2.28).
 */

/** Days between the 1900 and the 1904 date systems' day 0. */
const DAYS_1904 = 1462;
/** The serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

/**
 * A number format that shows a date or time: y, m, d, h, s (or b, Buddhist years) outside quoted text, [..] parts
 * (colours, conditions, locales, elapsed-time brackets aside) and the characters that \, _ and * take literally —
 * so `#,##0 \d` (a literal d) and `0_h` (a space as wide as h) are numbers, not dates.
 */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format || format === "General") return false;
  const bare = format
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/[\\_*]./g, "");
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ""));
}

/** d/m/yyyy of a JavaScript date read as UTC (how ExcelJS hands dates over). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

/** d/m/yyyy of a date serial. */
export function serialDateText(serial: number, date1904 = false): string {
  return dateText(new Date(Math.round((serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0)) * DAY_MS)));
}

/** The serial a date reader made into a Date (to undo it where the format is not a date). */
export function serialOfDate(d: Date, date1904 = false): number {
  const serial = d.getTime() / DAY_MS + UNIX_EPOCH_SERIAL - (date1904 ? DAYS_1904 : 0);
  // Readers round to the millisecond; a serial is exact to far fewer digits.
  return Math.round(serial * 1e9) / 1e9;
}
