/**
 * What a text that holds no task written as paragraphs gets: not an empty report, but a no-tasks error that says
 * what was looked for and what the text has instead.
 */
import type { CheckOptions } from "../kind";
import { checkSheet, TaskCheck } from "../tasks/check";
import { gridFromRows } from "../../sheet/grid";
import { countBySeverity, Issue, Lang, makeIssue } from "../../issues/catalogue";
import { issueText } from "../../issues/text";
import { applyRules, DEFAULT_SETTINGS } from "../../settings/settings";
import { ParagraphPlan } from "./read-plan";

function noTasksIssue(plan: ParagraphPlan): Issue {
  return makeIssue("no-tasks", {}, { paragraphs: plan.paragraphs.length, headings: plan.headings });
}

export function noTasksMessage(plan: ParagraphPlan, lang: Lang): string {
  return issueText(noTasksIssue(plan), lang);
}

/** The check of a text without tasks: no table, no tallies, the no-tasks error. */
export function noTasksCheck(plan: ParagraphPlan, sheetName: string, options: CheckOptions = {}): TaskCheck {
  const empty = checkSheet(gridFromRows([], sheetName), options);
  const issues = applyRules([noTasksIssue(plan)], (options.settings ?? DEFAULT_SETTINGS).rules);
  return { ...empty, issues, counts: { sections: 0, tasks: 0, ...countBySeverity(issues) } };
}
