/**
 * Which sheets the add-in wrote, so a rewrite replaces those and never a user's own sheet of the same name. The names
 * are kept in the workbook's settings; where Excel has worksheet custom properties (ExcelApi 1.12) each sheet also
 * carries a mark, which a user's sheet made later under the same name does not have.
 */
import { z } from "zod";
import { SHEET_NAMES } from "../core/output/sheet-names";
import { SummaryKind } from "../core/output/sheet-model";
import { OWNED_SHEET_MARK } from "../core/settings/keys";

/** The worksheet custom property that marks a sheet as written by the add-in. */
export const OWNED_MARK = OWNED_SHEET_MARK;

const OwnedSheetsSchema = z.array(z.string());

/** The recorded names; anything unreadable counts as no record (then nothing is replaced, which is safe). */
export function ownedNames(stored: unknown): string[] {
  const parsed = OwnedSheetsSchema.safeParse(stored);
  return parsed.success ? parsed.data : [];
}

/** The kind of summary a name of ours stands for, in either language, with or without a " (2)" suffix. */
export function summaryKindOf(name: string): SummaryKind | null {
  const base = name.replace(/ \(\d+\)$/, "").toLowerCase();
  for (const [kind, names] of Object.entries(SHEET_NAMES) as Array<[SummaryKind, Record<string, string>]>) {
    if (Object.values(names).some((n) => n.toLowerCase() === base)) return kind;
  }
  return null;
}

export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
