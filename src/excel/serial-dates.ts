/**
 * Dates as Excel hands them over: serial numbers (days since 1899-12-30) in cells whose number format is a date.
 * The engine reads dates as Vietnamese readers write them, d/m/yyyy — the text the xlsx reader gives too.
 */

/**
 * A number format that shows a date or time: y, m, d, h, s (or b, Buddhist years) outside quoted text, [..] parts
 * and the characters that \, _ and * take literally.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || format === "General") return false;
  const bare = format
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/[\\_*]./g, "");
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ""));
}

/** The d/m/yyyy text of an Excel date serial (1900 date system), as the xlsx reader writes it. */
export function serialDateText(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}
