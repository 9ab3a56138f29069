/**
 * Plans that write their tasks as paragraphs (a numbered heading, then "- Đơn vị chủ trì: …" lines) as a source of
 * task checks: not a kind of table with a header of its own, but the text a sheet, a .txt or a .docx holds, read
 * into the appendix table it should carry and checked as the tasks kind checks that table.
 */
import type { SheetSource } from "../kind";
import type { TaskCheck } from "../tasks/check";
import { checkPastedPlan } from "./sheet-text";

/** A sheet with the plan's text pasted on it, one paragraph per row. */
export const pastedPlanSource: SheetSource<TaskCheck> = {
  name: "paragraphs",
  check: checkPastedPlan,
};
