/**
 * A real plan as a Word document: Kế hoạch 617/KH-UBND (2025) of UBND tỉnh Đồng Tháp, laid out from its text
 * (test/fixtures/word/dongthap-kh617-2025.txt, "# source:" first) the way such plans are written in Word — heading
 * block and signature as layout tables, "1." and "a)" numbered by Word, the appendix's STT column numbered by Word
 * running on across its sections. The committed .docx is the one the builder makes (LibreOffice renders its numbers
 * as 1., 2.; a), b), c) restarted; 1.–11.). Its reading must equal the engine's reading of the same table as text.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/workbook";
import { readWordDocument } from "../../src/word/read";
import { checkWordDocument } from "../../src/word/word-check";
import { TaskCheck } from "../../src/core/kinds/tasks/check";
import { gridFromRows } from "../../src/core/sheet/grid";
import { readPlanText, realPlanDocx } from "../support/real-plan-docx";

const TEXT = path.join(__dirname, "..", "fixtures", "word", "dongthap-kh617-2025.txt");
const DOCX = path.join(__dirname, "..", "fixtures", "word", "dongthap-kh617-2025.docx");

describe("Kế hoạch 617/KH-UBND Đồng Tháp as a Word document", () => {
  const bytes = new Uint8Array(fs.readFileSync(DOCX));
  const read = readWordDocument(bytes);
  if (!read.ok) throw new Error(read.message);
  const doc = read.document;
  const word = checkWordDocument(doc);

  it("keeps its source, and the committed file is the one the builder makes from the text", () => {
    expect(readPlanText(TEXT).source).toMatch(/^# source: github:tnt305\/tai_lieu_noi_bo@[0-9a-f]{40} .*617\/KH-UBND/);
    const rebuilt = readWordDocument(realPlanDocx(TEXT));
    expect(rebuilt.ok && rebuilt.document).toEqual(doc);
  });

  it("numbers the body's headings and items as Word shows them, restarting a) under each heading", () => {
    const numbered = doc.paragraphs.filter((p) => p.numberText).map((p) => `${p.numberText} ${p.text.slice(0, 12)}`);
    expect(numbered).toEqual([
      "1. Mục đích",
      "a) Thúc đẩy mạn",
      "b) Ứng dụng côn",
      "c) Góp phần thự",
      "2. Yêu cầu",
      "a) Kế hoạch đượ",
      "b) Huy động ngu",
    ]);
  });

  it("reads the plan's number, date and title from its heading block", () => {
    expect(word.facts.number).toBe("617/KH-UBND");
    expect(word.facts.date).toMatchObject({ day: 1, month: 12, year: 2025 });
    expect(word.facts.title).toMatch(/^KẾ HOẠCH Chuyển đổi số cho các doanh nghiệp/);
  });

  it("checks the appendix as the same table typed out: 11 tasks in 4 sections, Word's numbers as the STT", () => {
    expect(word.result.ok).toBe(true);
    const checks = word.result.ok ? word.result.checks : [];
    expect(checks).toHaveLength(1);
    const check = checks[0] as TaskCheck;
    expect(check.sheetName).toBe("Bảng 3");
    expect(check.counts).toMatchObject({ sections: 4, tasks: 11, errors: 0 });
    expect(check.tasks.map((t) => t.row.fields.stt)).toEqual(Array.from({ length: 11 }, (_, i) => `${i + 1}.`));
    const typed = checkWorkbook([gridFromRows(readPlanText(TEXT).table)]);
    const typedCheck = (typed.ok ? typed.checks[0] : null) as TaskCheck;
    expect(check.agencies).toEqual(typedCheck.agencies);
    expect(check.tasks.map((t) => t.row.fields.content)).toEqual(typedCheck.tasks.map((t) => t.row.fields.content));
    expect(check.issues.map((i) => i.code).sort()).toEqual(typedCheck.issues.map((i) => i.code).sort());
  });
});
