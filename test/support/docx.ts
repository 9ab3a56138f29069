/**
 * Building small .docx files in tests: WordprocessingML body and numbering markup written by hand, zipped with the
 * project's zip writer, so a test states exactly the markup it reads.
 */
import * as zlib from "zlib";
import { writeZip } from "../../src/xlsx/zip";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface DocxParts {
  /** The children of w:body. */
  body: string;
  /** The children of w:numbering (abstractNum and num elements), when the document numbers anything. */
  numbering?: string;
  /** The children of w:styles. */
  styles?: string;
  /** The namespace prefix to write WordprocessingML with ("w" as Word does; others prove the reader ignores it). */
  prefix?: string;
}

const encode = (s: string) => new TextEncoder().encode(s);

export function docx(parts: DocxParts): Uint8Array {
  const p = parts.prefix ?? "w";
  const ns = `xmlns:${p}="${W_NS}" xmlns:r="${REL}"`;
  const wrap = (xml: string) => (p === "w" ? xml : xml.replace(/<(\/?)w:/g, `<$1${p}:`).replace(/ w:/g, ` ${p}:`));
  const files = [
    {
      name: "[Content_Types].xml",
      data: encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: encode(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    {
      name: "word/_rels/document.xml.rels",
      data: encode(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    {
      name: "word/document.xml",
      data: encode(wrap(`<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${parts.body}</w:body></w:document>`)),
    },
  ];
  if (parts.numbering !== undefined)
    files.push({
      name: "word/numbering.xml",
      data: encode(wrap(`<?xml version="1.0"?><w:numbering ${ns}>${parts.numbering}</w:numbering>`)),
    });
  if (parts.styles !== undefined)
    files.push({ name: "word/styles.xml", data: encode(wrap(`<?xml version="1.0"?><w:styles ${ns}>${parts.styles}</w:styles>`)) });
  return writeZip(files, { deflateRaw: (d) => zlib.deflateRawSync(d) }, new Date(2022, 8, 12));
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A paragraph: its text in one run, numbered when numId is given. */
export function para(text: string, numbering?: { numId: number; ilvl?: number }, style?: string): string {
  const pPr =
    (style ? `<w:pStyle w:val="${style}"/>` : "") +
    (numbering ? `<w:numPr><w:ilvl w:val="${numbering.ilvl ?? 0}"/><w:numId w:val="${numbering.numId}"/></w:numPr>` : "");
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${text ? `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` : ""}</w:p>`;
}

/** A numbering level: format, level text ("%1.", "%1.%2"), start. */
export function level(ilvl: number, format: string, text: string, start = 1, extra = ""): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
}

export function abstractNum(id: number, levels: string): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels}</w:abstractNum>`;
}

/** A numbering instance; `overrides` are lvlOverride elements (startOverride or a whole w:lvl). */
export function num(id: number, abstractId: number, overrides = ""): string {
  return `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

export function startOverride(ilvl: number, start: number): string {
  return `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;
}

/** A cell holding the given paragraphs' markup; `props` goes into w:tcPr (gridSpan, vMerge). */
export function cell(content: string, props = ""): string {
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${content || "<w:p/>"}</w:tc>`;
}

export function row(cells: string[], props = ""): string {
  return `<w:tr>${props ? `<w:trPr>${props}</w:trPr>` : ""}${cells.join("")}</w:tr>`;
}

export function table(rows: string[], columns: number): string {
  return `<w:tbl><w:tblPr/><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>${rows.join("")}</w:tbl>`;
}

/** The header of a task table, marked as a repeated header row. */
export const TASK_HEADER = row(
  ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"].map((h) => cell(para(h))),
  "<w:tblHeader/>",
);
