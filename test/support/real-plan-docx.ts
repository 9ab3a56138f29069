/**
 * A real plan laid out as a Word document, from its text (test/fixtures/word/*.txt, "# source:" first): the heading
 * block and the signature as borderless two-column tables, the title and body paragraphs — "1." headings and "a)"
 * items numbered by Word, restarting under each heading — then the PHỤ LỤC lines and its table, whose header row
 * repeats (tblHeader), whose section rows span the row, and whose STT column Word numbers 1, 2, … running on.
 */
import * as fs from "fs";
import { abstractNum, cell, docx, level, num, para, row, startOverride, table } from "./docx";

interface PlanText {
  source: string;
  heading: string[][];
  body: string[];
  signature: string[][];
  appendix: string[];
  table: string[][];
}

export function readPlanText(file: string): PlanText {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const out: PlanText = { source: lines[0], heading: [], body: [], signature: [], appendix: [], table: [] };
  let part = "";
  for (const line of lines.slice(1)) {
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      part = section[1];
      continue;
    }
    if (line.trim() === "") continue;
    if (part === "heading") out.heading.push(line.split("|"));
    else if (part === "signature") out.signature.push(line.split("|"));
    else if (part === "body") out.body.push(line);
    else if (part === "appendix") out.appendix.push(line);
    else if (part === "table") out.table.push(line.split("\t"));
  }
  return out;
}

const lines = (parts: string[]) => parts.map((p) => para(p)).join("");

export function realPlanDocx(file: string): Uint8Array {
  const plan = readPlanText(file);
  const numbering =
    abstractNum(0, level(0, "decimal", "%1.")) +
    abstractNum(1, level(0, "lowerLetter", "%1)")) +
    abstractNum(2, level(0, "decimal", "%1.")) +
    num(1, 0) +
    num(2, 2);
  let items = 10; // numIds of the "a)" lists, one per heading, each restarted
  const instances: string[] = [];
  const body: string[] = [];
  for (const text of plan.body) {
    if (text.startsWith("#1 ")) body.push(para(text.slice(3), undefined, "Heading1"));
    else if (text.startsWith("#2 ")) {
      body.push(para(text.slice(3), { numId: 1 }));
      items++;
      instances.push(num(items, 1, startOverride(0, 1)));
    } else if (text.startsWith("#a ")) body.push(para(text.slice(3), { numId: items }));
    else body.push(para(text));
  }
  const layout = (rows: string[][]) => table([row(rows.map((c) => cell(lines(c))))], rows.length);
  const [header, ...rest] = plan.table;
  const tableRows = [
    row(
      header.map((h) => cell(para(h))),
      "<w:tblHeader/>",
    ),
    ...rest.map((r) =>
      r.length === 1 || r.slice(1).every((c) => c === "")
        ? row([cell(para(r[0]), `<w:gridSpan w:val="${header.length}"/>`)])
        : row([cell(para("", { numId: 2 })), ...r.slice(1).map((c) => cell(lines(c.split("\n"))))]),
    ),
  ];
  return docx({
    body:
      layout(plan.heading) +
      body.join("") +
      layout(plan.signature) +
      `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` +
      lines(plan.appendix) +
      table(tableRows, header.length),
    numbering: numbering + instances.join(""),
  });
}
