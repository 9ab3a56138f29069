/**
 * A .docx built from the seed 004 text reads to the same figures as the text: headings typed, and headings as
 * Word's automatic numbering (the numbers then live in numbering.xml, not in the paragraphs' text).
 */
import * as zlib from "zlib";
import { checkParagraphPlan } from "../../src/core/kinds/paragraphs/check-plan";
import { logicalParagraphs, paragraphsFromText } from "../../src/core/kinds/paragraphs/plan-paragraphs";
import { readParagraphPlan } from "../../src/core/kinds/paragraphs/read-plan";
import { planParagraphsOfWord } from "../../src/word/plan-paragraphs";
import { readWordDocument } from "../../src/word/read";
import { docxBytes, withWordNumbering } from "../support/plan-docx";
import { expectSeed004Figures, planText, SEED_004 } from "../support/paragraph-plans";

const inflateRaw = (d: Uint8Array) => zlib.inflateRawSync(d);
const typed = logicalParagraphs(paragraphsFromText(planText(SEED_004))).map((p) => p.text);

function checkDocx(bytes: Uint8Array) {
  const read = readWordDocument(bytes, { inflateRaw });
  if (!read.ok) throw new Error(read.message);
  const plan = readParagraphPlan(planParagraphsOfWord(read.document));
  const r = checkParagraphPlan(plan, { sheetName: "plan.docx", format: "docx" });
  if (!r.ok) throw new Error("no tasks");
  return { plan, check: r.check, doc: read.document };
}

test("headings typed as text: the same 12 tasks and figures", () => {
  const { check, plan } = checkDocx(docxBytes(typed.map((text) => ({ text }))));
  expectSeed004Figures(check);
  expect(plan.sections.map((s) => s.number)).toEqual(["2", "5"]);
});

test("headings as Word automatic numbering: the same tasks, numbered from numbering.xml", () => {
  const numbered = withWordNumbering(typed);
  expect(numbered.paragraphs.filter((p) => p.num).length).toBeGreaterThan(20);
  expect(numbered.paragraphs.some((p) => /^5\.2\./.test(p.text))).toBe(false);
  const { check, plan, doc } = checkDocx(docxBytes(numbered.paragraphs, numbered.lists));
  expect(doc.paragraphs.find((p) => p.text.startsWith("Tiếp tục hướng dẫn nghiệp vụ"))?.numberText).toBe("5.2.");
  expect(plan.tasks.map((t) => t.number)).toEqual(["1", "2.1", "2.2", "3", "4", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]);
  expectSeed004Figures(check);
});

test("every printed line its own paragraph (text pasted from the PDF into Word): lines joined back", () => {
  const lines = planText(SEED_004)
    .split("\n")
    .filter((l) => l.trim() !== "");
  const { check } = checkDocx(docxBytes(lines.map((text) => ({ text }))));
  expectSeed004Figures(check);
});
