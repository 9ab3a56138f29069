/**
 * Splitting a lead or coordinating cell into agencies, groups and contacts (SPEC 3.2): the cell is rewritten into
 * its plain form (lists.ts, abbreviation-lists.ts), contact lines are set aside (contacts.ts), and each line is read
 * into parts (cell-line.ts).
 */
import { AgencyDirectory } from "./directory";
import { rewriteAgencyList } from "./lists";
import { distributeAbbreviatedHeads } from "./abbreviation-lists";
import { contactAside, contactsAfterColon, isContact } from "./contacts";
import { AgencyPart, CellLine, LEADING_BULLETS } from "./cell-line";
import { normalizeText } from "../sheet/text";

export type { AgencyPart } from "./cell-line";

/** Splits one lead or coordinating cell into agencies and groups; contact lines are left out. Never throws. */
export function splitAgencies(cell: string, directory: AgencyDirectory): AgencyPart[] {
  return splitAgencyCell(cell, directory).parts;
}

export interface AgencyCell {
  parts: AgencyPart[];
  /** Lines or parts that name a person to contact (a name, a title, a phone number, an e-mail): kept, not counted. */
  contacts: string[];
}

/** Splits one lead or coordinating cell into agencies, groups and contacts. Never throws. */
export function splitAgencyCell(cell: string, directory: AgencyDirectory): AgencyCell {
  const raw = typeof cell === "string" ? cell : String(cell ?? "");
  // Consolidation checks hundreds of tables written with the same agency cells: split each text once per directory.
  let memo = splitMemo.get(directory);
  if (!memo) {
    memo = new Map();
    splitMemo.set(directory, memo);
  }
  const known = memo.get(raw);
  if (known) return known;
  const read = Object.freeze(splitText(distributeAbbreviatedHeads(rewriteAgencyList(normalizeText(raw)), directory), directory));
  if (memo.size >= SPLIT_MEMO_LIMIT) memo.clear();
  memo.set(raw, read);
  return read;
}

const SPLIT_MEMO_LIMIT = 50_000;
const splitMemo = new WeakMap<AgencyDirectory, Map<string, AgencyCell>>();

function splitText(text: string, directory: AgencyDirectory): AgencyCell {
  const parts: AgencyPart[] = [];
  const contacts: string[] = [];
  if (text === "") return { parts, contacts };
  for (const whole of text.split("\n")) {
    if (isContact(whole) && !directory.find(whole.replace(LEADING_BULLETS, ""))) {
      contacts.push(whole.replace(LEADING_BULLETS, "").trim());
      continue;
    }
    // "Nhung - Sở Tư pháp": the officer in charge, a dash, the body.
    const line = contactsAfterColon(contactAside(whole, contacts), contacts);
    const reader = new CellLine(blankListMark(line), directory);
    for (const [s, e] of reader.parts()) {
      const part = reader.resolve(s, e);
      if (!part) continue;
      if (!part.known && part.kind === "agency" && isContact(part.text)) contacts.push(part.text);
      else parts.push(part);
    }
  }
  return { parts: Object.freeze(parts) as AgencyPart[], contacts: Object.freeze(contacts) as string[] };
}

/** "- ", "+ ", "•", "1. ", "a) " before the first agency of a line; blanked so offsets stay put. */
const LIST_MARK = /^(?:[\s\-–—+•·*●○▪◦►]+|(?:\d{1,2}|[a-zđ])[.)]\s+)+/iu;

function blankListMark(line: string): string {
  return line.replace(LIST_MARK, (m) => " ".repeat(m.length));
}
