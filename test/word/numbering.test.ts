/**
 * Word's automatic numbering as Word displays it, one test per form: decimal, roman, letters, multi-level "%1.%2",
 * restarts (a new w:num with startOverride), continuation (a new w:num without one), level overrides, numbering
 * from a style — and, end to end, an STT column numbered by Word read by the checks as typed numbers.
 */
import { abstractNum, cell, docx, level, num, para, row, startOverride, table, TASK_HEADER } from "../support/docx";
import { readWordDocument, WordDocument } from "../../src/word/read";
import { checkWordDocument } from "../../src/word/word-check";
import { TaskCheck } from "../../src/core/kinds/tasks/check";

function read(bytes: Uint8Array): WordDocument {
  const r = readWordDocument(bytes);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

/** The numbers Word shows for body paragraphs, in order ("" for a paragraph without one). */
function shown(body: string, numbering: string, styles?: string): string[] {
  return read(docx({ body, numbering, styles })).paragraphs.map((p) => p.numberText ?? "");
}

const paras = (n: number, numId: number, ilvl = 0) => Array.from({ length: n }, (_, i) => para(`item ${i + 1}`, { numId, ilvl })).join("");

describe("Word's automatic numbering", () => {
  it("decimal, with the level text around the number", () => {
    expect(shown(paras(3, 1), abstractNum(0, level(0, "decimal", "%1.")) + num(1, 0))).toEqual(["1.", "2.", "3."]);
    expect(shown(paras(2, 1), abstractNum(0, level(0, "decimal", "(%1)", 5)) + num(1, 0))).toEqual(["(5)", "(6)"]);
    expect(shown(paras(2, 1), abstractNum(0, level(0, "decimalZero", "%1.", 9)) + num(1, 0))).toEqual(["09.", "10."]);
  });

  it("upper and lower roman", () => {
    expect(shown(paras(4, 1), abstractNum(0, level(0, "upperRoman", "%1.")) + num(1, 0))).toEqual(["I.", "II.", "III.", "IV."]);
    expect(shown(paras(3, 1), abstractNum(0, level(0, "lowerRoman", "%1)", 8)) + num(1, 0))).toEqual(["viii)", "ix)", "x)"]);
  });

  it("upper and lower letters, past Z as Word does (AA, BB)", () => {
    expect(shown(paras(3, 1), abstractNum(0, level(0, "lowerLetter", "%1)")) + num(1, 0))).toEqual(["a)", "b)", "c)"]);
    expect(shown(paras(3, 1), abstractNum(0, level(0, "upperLetter", "%1.", 25)) + num(1, 0))).toEqual(["Y.", "Z.", "AA."]);
  });

  it("multi-level %1.%2: the deeper level restarts under each new parent, and keeps the parent's format", () => {
    const levels = level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2") + level(2, "lowerLetter", "%3)");
    const body = [
      para("a", { numId: 1, ilvl: 0 }),
      para("b", { numId: 1, ilvl: 1 }),
      para("c", { numId: 1, ilvl: 1 }),
      para("d", { numId: 1, ilvl: 2 }),
      para("e", { numId: 1, ilvl: 0 }),
      para("f", { numId: 1, ilvl: 1 }),
    ].join("");
    const doc = read(docx({ body, numbering: abstractNum(0, levels) + num(1, 0) }));
    expect(doc.paragraphs.map((p) => p.numberText)).toEqual(["1.", "1.1", "1.2", "a)", "2.", "2.1"]);
    expect(doc.paragraphs.map((p) => p.level)).toEqual([0, 1, 1, 2, 0, 1]);
    // Roman sections with decimal tasks under them: "II.1" as hierarchical STT columns write it.
    const roman = abstractNum(0, level(0, "upperRoman", "%1") + level(1, "decimal", "%1.%2"));
    expect(shown([para("x", { numId: 1 }), para("y", { numId: 1 }), para("z", { numId: 1, ilvl: 1 })].join(""), roman + num(1, 0))).toEqual(
      ["I", "II", "II.1"],
    );
  });

  it("restarts per section: each new w:num with startOverride begins again", () => {
    const numbering = abstractNum(0, level(0, "decimal", "%1.")) + num(1, 0, startOverride(0, 1)) + num(2, 0, startOverride(0, 1));
    expect(shown(paras(3, 1) + para("Section II") + paras(2, 2), numbering)).toEqual(["1.", "2.", "3.", "", "1.", "2."]);
    // A start override other than 1 begins there.
    expect(
      shown(paras(2, 1) + paras(2, 2), abstractNum(0, level(0, "decimal", "%1.")) + num(1, 0) + num(2, 0, startOverride(0, 7))),
    ).toEqual(["1.", "2.", "7.", "8."]);
  });

  it("a new w:num of the same list without an override continues the numbering", () => {
    expect(shown(paras(2, 1) + paras(2, 2), abstractNum(0, level(0, "decimal", "%1.")) + num(1, 0) + num(2, 0))).toEqual([
      "1.",
      "2.",
      "3.",
      "4.",
    ]);
  });

  it("a level override replaces the level's definition for that instance only", () => {
    const override = `<w:lvlOverride w:ilvl="0">${level(0, "upperLetter", "%1/")}</w:lvlOverride>`;
    const numbering = abstractNum(0, level(0, "decimal", "%1.")) + num(1, 0) + num(2, 0, override);
    expect(shown(paras(2, 1) + paras(2, 2), numbering)).toEqual(["1.", "2.", "C/", "D/"]);
  });

  it("numbering off (numId 0), an unknown instance and bullets", () => {
    const numbering = abstractNum(0, level(0, "decimal", "%1.")) + abstractNum(1, level(0, "bullet", "\uf0b7")) + num(1, 0) + num(2, 1);
    expect(shown(para("a", { numId: 1 }) + para("b", { numId: 0 }) + para("c", { numId: 9 }) + para("d", { numId: 2 }), numbering)).toEqual(
      ["1.", "", "", "•"],
    );
  });

  it("numbering that comes from the paragraph's style (an outline list linked to Heading 1)", () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>`;
    const body = para("Mục đích", undefined, "Heading1") + para("Nội dung", undefined, "MyHeading") + para("plain");
    expect(shown(body, abstractNum(0, level(0, "upperRoman", "%1.")) + num(1, 0), styles)).toEqual(["I.", "II.", ""]);
  });

  it("counts table cells and body paragraphs in one document order", () => {
    const numbering = abstractNum(0, level(0, "decimal", "%1.")) + num(1, 0);
    const body = para("before", { numId: 1 }) + table([row([cell(para("", { numId: 1 }))])], 1) + para("after", { numId: 1 });
    const doc = read(docx({ body, numbering }));
    expect(doc.paragraphs.map((p) => p.numberText)).toEqual(["1.", "3."]);
    expect(doc.tables[0].grid.cells[0][0].value).toBe("2.");
  });
});

describe("an STT column numbered by Word", () => {
  const task = (stt: string, content: string) =>
    row([cell(stt), cell(para(content)), cell(para("Sở Ngoại vụ")), cell(para("Công an tỉnh")), cell(para("Quý IV/2026"))]);
  const section = (numeral: string, title: string) => row([cell(numeral), cell(para(title), '<w:gridSpan w:val="4"/>')]);

  it.each([
    ["decimal, restarted in each section", "decimal", "%1.", ["1.", "2.", "1.", "2."]],
    ["letters", "lowerLetter", "%1)", ["a)", "b)", "a)", "b)"]],
    ["decimal with a leading zero", "decimalZero", "%1.", ["01.", "02.", "01.", "02."]],
  ])("%s: the checks read the displayed numbers as the STT", (_, format, text, expected) => {
    const numbering = abstractNum(0, level(0, format, text)) + num(1, 0, startOverride(0, 1)) + num(2, 0, startOverride(0, 1));
    const rows = [
      TASK_HEADER,
      section(para("I"), "KINH TẾ"),
      task(para("", { numId: 1 }), "Nhiệm vụ một"),
      task(para("", { numId: 1 }), "Nhiệm vụ hai"),
      section(para("II"), "VĂN HÓA"),
      task(para("", { numId: 2 }), "Nhiệm vụ ba"),
      task(para("", { numId: 2 }), "Nhiệm vụ bốn"),
    ];
    const doc = read(docx({ body: para("Phụ lục") + table(rows, 5), numbering }));
    const check = checkWordDocument(doc, { lang: "vi" }).result;
    expect(check.ok).toBe(true);
    const tasks = (check.ok ? check.checks[0] : null) as TaskCheck;
    expect(tasks.counts).toMatchObject({ sections: 2, tasks: 4 });
    expect(tasks.tasks.map((t) => t.row.fields.stt)).toEqual(expected);
    expect(tasks.issues.filter((i) => i.code === "missing-stt" || i.code === "duplicate-stt")).toEqual([]);
  });

  it("multi-level: Word numbers the sections I, II and their tasks I.1, I.2, II.1", () => {
    const numbering = abstractNum(0, level(0, "upperRoman", "%1") + level(1, "decimal", "%1.%2")) + num(1, 0);
    const rows = [
      TASK_HEADER,
      section(para("", { numId: 1, ilvl: 0 }), "KINH TẾ"),
      task(para("", { numId: 1, ilvl: 1 }), "Nhiệm vụ một"),
      task(para("", { numId: 1, ilvl: 1 }), "Nhiệm vụ hai"),
      section(para("", { numId: 1, ilvl: 0 }), "VĂN HÓA"),
      task(para("", { numId: 1, ilvl: 1 }), "Nhiệm vụ ba"),
    ];
    const doc = read(docx({ body: table(rows, 5), numbering }));
    const check = checkWordDocument(doc).result;
    const tasks = (check.ok ? check.checks[0] : null) as TaskCheck;
    expect(doc.tables[0].grid.cells.map((r) => r[0].value)).toEqual(["STT", "I", "I.1", "I.2", "II", "II.1"]);
    expect(tasks.counts).toMatchObject({ sections: 2, tasks: 3 });
    expect(tasks.issues.filter((i) => i.severity === "error")).toEqual([]);
  });
});
