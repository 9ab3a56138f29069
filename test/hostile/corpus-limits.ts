/**
 * Hostile cases of the second round (issue 12), resource exhaustion: references past Excel's last cell, stray values
 * at the sheet's edge, zip bombs that lie or tell the truth about their size, zip64, a directory of 100,000 entries,
 * one sheet part listed 300 times, damaged entries. Each must cost what its data costs and end with its reason.
 *
 * ExcelJS (the pane's reader) has no limits of its own: where it would run out of memory the case names it as a gap
 * of that layer, and the layer's test runs in a child process with a memory cap.
 */
import type { Expected, ExpectedTable, HostileCase } from "./corpus";
import { manyEntries, patchEntry, rawAppendix, rowsXml, sheetXml, workbookParts, zip64Of, zipOf } from "./raw-workbook";
import { APPENDIX } from "./workbooks";

const SHEET1 = "xl/worksheets/sheet1.xml";

/** The clean appendix as the raw writer puts it: header on row 3, sections on rows 4 and 7, tasks on 5, 6, 8, 9. */
export const RAW_CLEAN: ExpectedTable = {
  sheet: "Phụ lục",
  range: "A3:E9",
  headerRow: 3,
  columns: { stt: "A", content: "B", lead: "C", coordinating: "D", timeframe: "E" },
  sections: 2,
  tasks: 4,
  errors: [],
};

export const rawClean = (over: Partial<ExpectedTable> = {}): Expected => ({ kind: "tables", tables: [{ ...RAW_CLEAN, ...over }] });

const beforeEnd = (xml: string, rows: string) => xml.replace("</sheetData>", `${rows}</sheetData>`);

/** ExcelJS reads every entry whole and every reference as written: no limit stops it. */
const EXCELJS_UNBOUNDED = "ExcelJS (the pane's reader) has no size or reference limits; the pane needs the XML reader with a JS inflate";

function strayColumnRows(): string {
  const rows: string[] = [];
  for (let r = 10; r < 20_010; r++) rows.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
  return rows.join("");
}

export const LIMIT_CASES: HostileCase[] = [
  {
    name: "cell-reference-beyond-xfd",
    built: 'raw XML: the clean appendix and one cell r="ZZZZZZ12" (column 321,272,406, past XFD)',
    build: async () => rawAppendix((x) => beforeEnd(x, `<row r="12"><c r="ZZZZZZ12" t="inlineStr"><is><t>x</t></is></c></row>`)),
    expected: { kind: "unusable", reason: "corrupt", says: /the cell ZZZZZZ12 lies beyond the sheet's last cell XFD1048576/ },
    exceljs: { kind: "unusable", reason: "corrupt", says: /Invalid column letter: ZZZZZZ/ },
  },
  {
    name: "row-400000000",
    built: "raw XML: the clean appendix and a value on row 400,000,000",
    build: async () => rawAppendix((x) => beforeEnd(x, `<row r="400000000"><c r="A400000000"><v>1</v></c></row>`)),
    expected: { kind: "unusable", reason: "corrupt", says: /row 400,000,000 lies beyond the sheet's last row 1,048,576/ },
    gaps: { exceljs: EXCELJS_UNBOUNDED },
  },
  {
    name: "stray-value-in-xfd-on-20000-rows",
    built: "raw XML: the clean appendix, then rows 10 to 20,009 each holding only a 1 in column XFD",
    build: async () => rawAppendix((x) => beforeEnd(x, strayColumnRows())),
    expected: rawClean(),
    gaps: { exceljs: EXCELJS_UNBOUNDED },
    // The add-in does not read a used range stretched to XFD: it asks for the table to be selected, then reads that.
    addInRefuses: /select the table/,
  },
  {
    name: "zip-bomb-lying-about-its-size",
    built: "the clean appendix whose sheet part carries 16 MB of spaces but declares its old size (a few KB)",
    build: async () => {
      const xml = sheetXml(rowsXml(APPENDIX));
      const honest = new TextEncoder().encode(xml).length;
      const padded = xml.replace("</worksheet>", `${" ".repeat(16 * 2 ** 20)}</worksheet>`);
      const parts = workbookParts({ sheets: [{ name: "Phụ lục", xml: padded }] });
      return patchEntry(zipOf(parts), SHEET1, { size: honest });
    },
    expected: { kind: "unusable", reason: "corrupt", says: /xl\/worksheets\/sheet1\.xml does not inflate to the \d+ KB it declares/ },
    exceljs: { kind: "unusable", reason: "corrupt", says: /uncompressed data size mismatch/ },
  },
  {
    name: "zip64-bomb-declaring-5-gb",
    built: "a zip64 archive whose sheet part declares 5 GB",
    build: async () =>
      zip64Of(workbookParts({ sheets: [{ name: "Phụ lục", xml: sheetXml(rowsXml(APPENDIX)) }] }), { [SHEET1]: 5 * 2 ** 30 }),
    expected: { kind: "unusable", reason: "too-large", says: /sheet1\.xml would inflate to 5\.0 GB; a part may hold at most 160\.0 MB/ },
  },
  {
    name: "zip64-workbook",
    built: "the clean appendix in a zip64 archive (sizes and offsets in zip64 extra fields, a zip64 end record)",
    build: async () => zip64Of(workbookParts({ sheets: [{ name: "Phụ lục", xml: sheetXml(rowsXml(APPENDIX)) }] })),
    expected: rawClean(),
  },
  {
    name: "parts-over-the-total-limit",
    built: "a zip64 archive: the clean appendix and three pictures declaring 150 MB each (450 MB in all)",
    build: async () => {
      const parts = workbookParts({ sheets: [{ name: "Phụ lục", xml: sheetXml(rowsXml(APPENDIX)) }] });
      const pics = { "xl/media/a.png": "a", "xl/media/b.png": "b", "xl/media/c.png": "c" };
      const size = 150 * 2 ** 20;
      return zip64Of({ ...parts, ...pics }, { "xl/media/a.png": size, "xl/media/b.png": size, "xl/media/c.png": size });
    },
    expected: {
      kind: "unusable",
      reason: "too-large",
      says: /its entries would inflate to 450\.\d MB; a workbook may hold at most 320\.0 MB/,
    },
  },
  {
    name: "thirty-thousand-entries",
    built: "the clean appendix and 30,000 empty entries under xl/media/",
    build: async () => manyEntries(workbookParts({ sheets: [{ name: "Phụ lục", xml: sheetXml(rowsXml(APPENDIX)) }] }), 30_000),
    expected: { kind: "unusable", reason: "too-large", says: /it lists 30,00\d entries; a workbook has at most 20,000/ },
  },
  {
    name: "one-sheet-part-listed-300-times",
    built: "raw XML: the workbook lists 300 sheets, every one pointing at the same sheet part",
    build: async () => {
      const list = Array.from(
        { length: 300 },
        (_, i) => `<sheet name="${i === 0 ? "Phụ lục" : `Phụ lục ${i}`}" sheetId="${i + 1}" r:id="rId1"/>`,
      );
      return zipOf(workbookParts({ sheets: [{ name: "Phụ lục", xml: sheetXml(rowsXml(APPENDIX)) }], sheetList: list.join("") }));
    },
    expected: rawClean(),
    // ExcelJS keeps one sheet of the 300 too, under the last name listed.
    exceljs: rawClean({ sheet: "Phụ lục 299" }),
  },
  {
    name: "entry-failing-its-crc",
    built: "the clean appendix with the sheet part's declared CRC-32 changed",
    build: async () => patchEntry(rawAppendix(), SHEET1, { crc: 0x12345678 }),
    expected: { kind: "unusable", reason: "corrupt", says: /the entry xl\/worksheets\/sheet1\.xml fails its CRC-32 check/ },
    // ExcelJS (JSZip) does not check CRCs; the bytes themselves are sound here.
    exceljs: rawClean(),
  },
  {
    name: "damaged-deflate-stream",
    built: "the clean appendix with one bit of the sheet part's compressed data flipped",
    build: async () => patchEntry(rawAppendix(), SHEET1, { flipByte: 40 }),
    expected: {
      kind: "unusable",
      reason: "corrupt",
      says: /the entry xl\/worksheets\/sheet1\.xml (fails its CRC-32 check|does not inflate|inflates to)/,
    },
    exceljs: { kind: "unusable", reason: "corrupt", says: /damaged or truncated/ },
  },
];
