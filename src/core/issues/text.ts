/**
 * An issue as a person reads it, in the chosen language: the one place the engine, the command line, the summary
 * sheets and the pane get an issue's words from.
 */
import type { Issue, IssueCode, IssueOf, Lang } from "./catalogue";
import { EN, FIELD_NAMES as EN_FIELDS } from "./en";
import { VI, FIELD_NAMES as VI_FIELDS } from "./vi";

const SAY = { vi: VI, en: EN };
const FIELDS = { vi: VI_FIELDS, en: EN_FIELDS };

/** The name of a task or delegation field (or an extra column's header, as written). */
export function issueFieldName(field: string, lang: Lang): string {
  return FIELDS[lang][field] ?? field;
}

/** The issue's message in the chosen language. */
export function issueText(issue: Issue, lang: Lang): string {
  const say = SAY[lang][issue.code] as (i: IssueOf<IssueCode>, fieldName: string) => string;
  return say(issue, issue.field ? issueFieldName(issue.field, lang) : "");
}
