/**
 * An issue's message and field name as a person reads them, for every kind of table. The catalogue (issues.ts)
 * names task fields; delegation fields ("Trưởng đoàn", "Số thành viên" …) are named here, and a
 * delegation-total-mismatch that lists several figures gets one sentence per figure.
 */
import { DelegationField } from "../kinds/delegations/fields";
import { fieldName, Issue, issueMessage, Lang } from "./catalogue";

const DELEGATION_FIELD_NAMES: Record<Lang, Record<Exclude<DelegationField, "stt">, string>> = {
  vi: {
    name: "tên đoàn",
    leader: "trưởng đoàn",
    members: "số thành viên",
    country: "nước đến (quốc gia, tổ chức)",
    purpose: "mục đích",
    time: "thời gian thực hiện",
    days: "số ngày",
    funding: "kinh phí",
    report: "báo cáo",
    planned: "cột đoàn trong kế hoạch",
    note: "ghi chú",
  },
  en: {
    name: "delegation name",
    leader: "head of delegation",
    members: "number of members",
    country: "destination (country or organisation)",
    purpose: "purpose",
    time: "time",
    days: "duration in days",
    funding: "funding",
    report: "report",
    planned: "in-plan mark",
    note: "notes",
  },
};

/** The name of a task or delegation field (or an extra column's header, as written). */
export function issueFieldName(field: string, lang: Lang): string {
  return (DELEGATION_FIELD_NAMES[lang] as Record<string, string>)[field] ?? fieldName(field, lang);
}

/** The issue's message in the chosen language. */
export function issueText(issue: Pick<Issue, "code" | "params" | "value" | "field">, lang: Lang): string {
  const params = issue.field ? { fieldName: issueFieldName(issue.field, lang), ...issue.params } : issue.params;
  const figures = issue.code === "delegation-total-mismatch" && typeof params.figures === "string" ? params.figures.split(",") : [];
  if (figures.length <= 1) return issueMessage({ ...issue, params }, lang);
  return figures
    .map((figure) =>
      issueMessage(
        {
          ...issue,
          params: {
            ...params,
            figure,
            counted: params[`${figure}Counted`],
            stated: params[`${figure}Stated`],
            diff: params[`${figure}Diff`],
          },
        },
        lang,
      ),
    )
    .join(" ");
}
