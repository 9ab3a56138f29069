/**
 * Hostile cases of the second round (issue 12), valid files that regexes over raw XML misread: ECMA-376 escapes,
 * single-quoted attributes, ">" inside a value, comments holding a row or a shared string, CDATA, UTF-16 parts, ISO
 * date cells; files that say something no reader should guess at (a row or cell written twice); and other formats
 * named .xlsx, each named in its reason.
 */
import type { HostileCase } from "./corpus";
import { rawClean } from "./corpus-limits";
import { oleContainer } from "./ole-container";
import { cellXml, escapeXml, rawAppendix, rowsXml, sheetXml, utf16le, workbookParts, zipOf } from "./raw-workbook";
import { APPENDIX, Value } from "./workbooks";

/** The appendix with its text in shared strings (as Excel writes it); `strings` edits the part, `texts` the items. */
function sharedStringAppendix(options: { strings?: (xml: string) => string; texts?: (t: string) => string } = {}): Uint8Array {
  const texts: string[] = [];
  const index = new Map<string, number>();
  const rows = APPENDIX.map((r, i) =>
    r
      .map((v: Value, j) => {
        const ref = `${"ABCDE"[j]}${i + 1}`;
        if (typeof v !== "string") return cellXml(ref, v);
        if (!index.has(v)) {
          index.set(v, texts.length);
          texts.push(v);
        }
        return `<c r="${ref}" t="s"><v>${index.get(v)}</v></c>`;
      })
      .join(""),
  );
  const sheet = sheetXml(rows.map((r, i) => `<row r="${i + 1}">${r}</row>`).join(""));
  const items = texts.map((t) => `<si><t xml:space="preserve">${escapeXml(options.texts ? options.texts(t) : t)}</t></si>`).join("");
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${texts.length}" uniqueCount="${texts.length}">${items}</sst>`;
  return zipOf(workbookParts({ sheets: [{ name: "Phụ lục", xml: sheet }], strings: options.strings ? options.strings(sst) : sst }));
}

const inRow = (row: number, edit: (rowXml: string) => string) => (xml: string) =>
  xml.replace(new RegExp(`<row r="${row}">[\\s\\S]*?</row>`), (m) => edit(m));

function utf16Appendix(): Uint8Array {
  const xml = sheetXml(rowsXml(APPENDIX)).replace('encoding="UTF-8"', 'encoding="UTF-16"');
  return zipOf(workbookParts({ sheets: [{ name: "Phụ lục", xml: utf16le(xml) }] }));
}

export const XML_CASES: HostileCase[] = [
  {
    name: "x000d-escapes-in-shared-strings",
    built: 'shared strings as Excel writes a cell with a carriage return: every text ending "_x000D_" (ECMA-376 escape)',
    build: async () => sharedStringAppendix({ texts: (t) => (t === "Công an tỉnh" ? "Công an tỉnh_x000D_" : t) }),
    expected: rawClean({ reads: [[9, "coordinating", "Công an tỉnh"]] }),
  },
  {
    name: "x000d-escapes-in-inline-strings",
    built: "raw XML: inline strings with _x000D_ and _x0009_ escapes inside agency names",
    build: async () => rawAppendix((x) => x.replace(">Sở Tài chính<", ">Sở Tài_x0009_chính_x000D_<")),
    expected: rawClean({ reads: [[6, "lead", "Sở Tài chính"]] }),
    gaps: { exceljs: "ExcelJS decodes the escapes in shared strings only, not in inline strings" },
  },
  {
    name: "single-quoted-attributes",
    built: "raw XML: every attribute of the sheet in single quotes (r='B5' t='inlineStr')",
    build: async () => rawAppendix((x) => x.replace(/ (\w+(?::\w+)?)="([^"]*)"/g, " $1='$2'")),
    expected: rawClean(),
  },
  {
    name: "gt-inside-an-attribute",
    built: 'raw XML: rows carrying an attribute whose value holds ">" (a="x>y")',
    build: async () => rawAppendix((x) => x.replace(/<row r="(\d+)">/g, '<row r="$1" spans="1:5" a="x>y" b=\'"q"/>\'>')),
    expected: rawClean(),
  },
  {
    name: "comment-holding-a-row",
    built: "raw XML: a commented-out task row after the table",
    build: async () =>
      rawAppendix((x) =>
        x.replace(
          "</sheetData>",
          `<!-- <row r="10"><c r="A10"><v>3</v></c><c r="B10" t="inlineStr"><is><t>Nhiệm vụ đã xóa</t></is></c><c r="C10" t="inlineStr"><is><t>Sở Ngoại vụ</t></is></c></row> --></sheetData>`,
        ),
      ),
    expected: rawClean(),
  },
  {
    name: "comment-in-shared-strings",
    built: "shared strings with a comment holding an old item before the first one",
    build: async () => sharedStringAppendix({ strings: (x) => x.replace("<si>", "<!-- <si><t>mục cũ</t></si> --><si>") }),
    expected: rawClean({ reads: [[5, "lead", "Sở Ngoại vụ"]] }),
  },
  {
    name: "cdata-text",
    built: "raw XML: a task's content in a CDATA section, with & and < inside",
    build: async () =>
      rawAppendix(
        inRow(8, (r) =>
          r.replace(/<t xml:space="preserve">Biên soạn[^<]*<\/t>/, "<t><![CDATA[Biên soạn tài liệu <tiềm năng> & thế mạnh]]></t>"),
        ),
      ),
    expected: rawClean({ reads: [[8, "content", "Biên soạn tài liệu <tiềm năng> & thế mạnh"]] }),
    gaps: { exceljs: "ExcelJS drops the text of a CDATA section" },
  },
  {
    name: "duplicate-row-number",
    built: "raw XML: row 6 written twice, with different tasks",
    build: async () => rawAppendix(inRow(6, (r) => r + r.replace("Xây dựng kế hoạch", "Nhiệm vụ khác"))),
    expected: { kind: "unusable", reason: "corrupt", says: /sheet "Phụ lục": row 6 is written twice/ },
    gaps: { exceljs: "ExcelJS keeps one of the two rows without a word" },
  },
  {
    name: "duplicate-cell-reference",
    built: "raw XML: the cell B5 written twice in its row",
    build: async () =>
      rawAppendix(inRow(5, (r) => r.replace(/(<c r="B5"[\s\S]*?<\/c>)/, '$1<c r="B5" t="inlineStr"><is><t>Nội dung khác</t></is></c>'))),
    expected: { kind: "unusable", reason: "corrupt", says: /the cell B5 is written twice/ },
    gaps: { exceljs: "ExcelJS keeps one of the two values without a word" },
  },
  {
    name: "utf16-sheet-part",
    built: 'raw XML: the sheet part in UTF-16LE with a byte order mark and encoding="UTF-16"',
    build: async () => utf16Appendix(),
    expected: rawClean(),
    exceljs: { kind: "unusable", reason: "corrupt", says: /disallowed character/ },
  },
  {
    name: "iso-date-cells",
    built: 'raw XML: a task\'s timeframe as an ISO date cell (t="d", 2025-06-30T00:00:00Z)',
    build: async () => rawAppendix(inRow(6, (r) => r.replace(/<c r="E6"[\s\S]*?<\/c>/, '<c r="E6" t="d"><v>2025-06-30T00:00:00Z</v></c>'))),
    expected: rawClean({ reads: [[6, "timeframe", "30/6/2025"]] }),
    gaps: {
      exceljs: 'ExcelJS reads a t="d" cell with parseFloat: the year, 2025',
      // The in-memory host is loaded through ExcelJS; real Excel turns a t="d" cell into a date serial with a date format.
      "add-in": 'the in-memory host is loaded through ExcelJS, which gives a t="d" cell as a bare serial without its date format',
    },
  },
  {
    name: "xlsb-named-xlsx",
    built: "a zip holding xl/workbook.bin (an Excel binary workbook) named .xlsx",
    build: async () => zipOf({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": new Uint8Array([0x83, 0x01, 0x00]) }),
    expected: { kind: "unusable", reason: "xlsb", says: /Excel binary workbook \(\.xlsb\)/ },
  },
  {
    name: "ods-named-xlsx",
    built: 'a zip with a stored "mimetype" of an OpenDocument spreadsheet and content.xml, named .xlsx',
    build: async () =>
      zipOf({
        mimetype: "application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": "<office:document-content/>",
        "META-INF/manifest.xml": "<m/>",
      }),
    expected: { kind: "unusable", reason: "ods", says: /OpenDocument spreadsheet \(\.ods\)/ },
  },
  {
    name: "docx-named-xlsx",
    built: "a zip holding word/document.xml (a Word document) named .xlsx",
    build: async () => zipOf({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    // The workbook reader names it a Word document; the command line, which reads Word files by their content, hands it
    // to the Word reader, which finds no body in it.
    expected: {
      kind: "unusable",
      reason: "word",
      says: /this is a Word document, not an Excel workbook \(a \.docx document\)|(the \.docx is damaged or truncated and cannot be opened|tệp \.docx bị hỏng hoặc bị cắt cụt, không mở được) \(word\/document\.xml has no body\)/,
    },
  },
  {
    name: "doc-named-xlsx",
    built: 'byte by byte: an OLE compound file with a "WordDocument" stream (a Word 97-2003 .doc) named .xlsx',
    build: async () => oleContainer([{ name: "WordDocument", data: new Uint8Array(4096).fill(0xec, 0, 2) }]),
    // As above: the workbook reader names it; the command line's Word reader says to save it as .docx.
    expected: {
      kind: "unusable",
      reason: "word",
      says: /Word document.*\.doc document|an old Word 97-2003 \(\.doc\) file, not a \.docx|tệp Word 97-2003 \(\.doc\) cũ/,
    },
  },
];
