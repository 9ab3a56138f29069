/**
 * What a directory of agencies holds (SPEC 3.2): its entries as a zod schema (users share directories as JSON),
 * and what a built directory answers.
 */
import * as z from "zod";

export const AgencyEntrySchema = z.object({
  name: z.string().trim().min(1, { error: "the name must not be empty" }),
  aliases: z.array(z.string()).default([]),
  kind: z.enum(["agency", "group"]).default("agency"),
  /** Where the body sits: a national body, one of a province, or one of the communes (xã, phường, đặc khu). */
  level: z.enum(["national", "province", "commune"]).optional(),
  /** Free text for people, e.g. the 2025 merger that ended a body. */
  note: z.string().optional(),
});

export const DirectorySchema = z.object({
  version: z.literal(1),
  name: z.string().optional(),
  agencies: z.array(AgencyEntrySchema),
});

export type AgencyEntry = z.infer<typeof AgencyEntrySchema>;
export type DirectoryData = z.infer<typeof DirectorySchema>;
export type AgencyKind = "agency" | "group";

export interface DirectoryMatch {
  name: string;
  kind: AgencyKind;
}

export interface AgencyDirectory {
  readonly data: DirectoryData;
  /** canonical entry for a name/alias (any case/diacritics/tone placement/abbreviation) */
  find(name: string): DirectoryMatch | undefined;
  /** up to `max` nearest canonical names (edit distance on folded keys, prefix/abbreviation aware) */
  suggest(name: string, max?: number): string[];
  /**
   * The entry for an already folded key (see `agencyKey`). `addTinh` allows the bare form of a provincial
   * body ("Công an" for "Công an tỉnh"); callers turn it off when the words after a name are still unread.
   */
  lookupKey(key: string, options?: { addTinh?: boolean }): DirectoryMatch | undefined;
  /** True when some name or alias of the directory begins with these key words (whole words). */
  startsName(key: string): boolean;
  /** The most key words any entry has, plus room for a province name: bounds the splitter's look-ahead. */
  readonly maxKeyWords: number;
}
