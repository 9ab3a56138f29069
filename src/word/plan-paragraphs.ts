/**
 * The body of a Word document as the paragraph-plan reader takes it: each body paragraph with the numbering Word
 * displays in front of it.
 */
import { PlanParagraph } from "../core/kinds/paragraphs/plan-paragraphs";
import { WordDocument } from "./read";

export function planParagraphsOfWord(doc: WordDocument): PlanParagraph[] {
  return doc.paragraphs.map((p) => {
    const out: PlanParagraph = { text: p.text };
    if (p.numberText) out.numberText = p.numberText;
    if (p.level !== undefined) out.level = p.level;
    return out;
  });
}
