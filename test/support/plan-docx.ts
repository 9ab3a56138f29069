/**
 * A small .docx writer for the paragraph-plan tests: body paragraphs, some of them under Word's automatic numbering, as Word stores
 * them (document.xml, numbering.xml, their relationships).
 */
import * as zlib from "zlib";
import { writeZip } from "../../src/xlsx/zip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

export interface DocxParagraph {
  text: string;
  /** Automatic numbering: the list (numId of `DocxList`) and the level. */
  num?: { list: number; level: number };
}

/** A numbering instance: `restart` makes a new w:num over the same abstract list, counting from 1 again. */
export interface DocxList {
  id: number;
  abstract: "decimal-outline" | "roman";
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function paragraphXml(p: DocxParagraph): string {
  const num = p.num ? `<w:pPr><w:numPr><w:ilvl w:val="${p.num.level}"/><w:numId w:val="${p.num.list}"/></w:numPr></w:pPr>` : "";
  return `<w:p>${num}<w:r><w:t xml:space="preserve">${esc(p.text)}</w:t></w:r></w:p>`;
}

const ABSTRACTS = `<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>`;

function numberingXml(lists: readonly DocxList[]): string {
  const nums = lists
    .map((l) =>
      l.abstract === "roman"
        ? `<w:num w:numId="${l.id}"><w:abstractNumId w:val="1"/></w:num>`
        : `<w:num w:numId="${l.id}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${ABSTRACTS}${nums}</w:numbering>`;
}

export function docxBytes(paragraphs: readonly DocxParagraph[], lists: readonly DocxList[] = []): Uint8Array {
  const enc = new TextEncoder();
  const body = paragraphs.map(paragraphXml).join("");
  const files = [
    {
      name: "[Content_Types].xml",
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    {
      name: "word/_rels/document.xml.rels",
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
      ),
    },
    { name: "word/numbering.xml", data: enc.encode(numberingXml(lists)) },
    {
      name: "word/document.xml",
      data: enc.encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
      ),
    },
  ];
  return writeZip(files, { deflateRaw: (d) => zlib.deflateRawSync(d) });
}

const HEADING = /^((?:\d{1,2}\.)+|[IVX]{1,4}\.)\s+(.*)$/s;

/**
 * Paragraphs as a person types them in Word, with the headings' numbers moved into automatic numbering: Roman
 * parts on one list, numbered headings on an outline list that restarts in each part.
 */
export function withWordNumbering(paragraphs: readonly string[]): { paragraphs: DocxParagraph[]; lists: DocxList[] } {
  const lists: DocxList[] = [{ id: 1, abstract: "roman" }];
  let outline = 0;
  const out = paragraphs.map((text): DocxParagraph => {
    const m = HEADING.exec(text);
    if (!m) return { text };
    if (/^[IVX]/.test(m[1])) {
      outline = 0;
      return { text: m[2], num: { list: 1, level: 0 } };
    }
    if (outline === 0) {
      outline = 100 + lists.length;
      lists.push({ id: outline, abstract: "decimal-outline" });
    }
    const level = m[1].split(".").filter((x) => x !== "").length - 1;
    return { text: m[2], num: { list: outline, level } };
  });
  return { paragraphs: out, lists };
}
