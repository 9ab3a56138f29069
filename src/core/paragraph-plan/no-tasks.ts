/**
 * What to say when a text holds no task written as paragraphs: not an empty report, but what was looked for and
 * what the text has instead.
 */
import { Lang } from "../issues";
import { ParagraphPlan } from "./read-plan";

export function noTasksMessage(plan: ParagraphPlan, lang: Lang): string {
  const looked =
    lang === "vi"
      ? "đã tìm các đề mục đánh số (1., 2.1., …) có các dòng “Đơn vị chủ trì:”, “Cơ quan phối hợp:”, “Thời gian thực hiện:” …"
      : "looked for numbered headings (1., 2.1., …) followed by lines such as “Đơn vị chủ trì:”, “Cơ quan phối hợp:”, “Thời gian thực hiện:”";
  const found =
    plan.paragraphs.length === 0
      ? lang === "vi"
        ? "văn bản trống"
        : "the text is empty"
      : lang === "vi"
        ? `văn bản có ${plan.paragraphs.length} đoạn và ${plan.headings} đề mục đánh số, không đề mục nào có các dòng đó`
        : `the text has ${plan.paragraphs.length} paragraphs and ${plan.headings} numbered headings, none with such lines`;
  return lang === "vi"
    ? `Không tìm thấy nhiệm vụ nào trong văn bản (${looked}; ${found}).`
    : `No tasks found in the text (${looked}; ${found}).`;
}
