/**
 * A consolidation's issues kept on disk until "Danh sách lỗi" is written (core/output/summaries' IssueShelf): at
 * thousands of replies they were the larger part of what the merge held in memory to its last file.
 */
import type { IssueShelf, SummarySource } from "../core/output/summaries";
import type { JsonLines } from "./json-lines";

export function diskIssueShelf(lines: JsonLines<SummarySource>): IssueShelf {
  let issues = 0;
  let withFile = false;
  return {
    add(source) {
      // A source without issues adds no row to the list: only its file mark counts.
      withFile ||= source.file !== undefined;
      if (source.issues.length === 0) return;
      issues += source.issues.length;
      lines.add(source);
    },
    get issues() {
      return issues;
    },
    get withFile() {
      return withFile;
    },
    each(visit) {
      lines.each(visit);
    },
  };
}
