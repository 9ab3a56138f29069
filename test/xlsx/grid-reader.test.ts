/**
 * The direct XML reader gives the same grids as the ExcelJS path, on the fixtures and on hand-made workbooks with
 * the features tables carry (merges, formulas, errors, dates, rich text, hidden rows), and steps aside (null) on
 * what it does not handle.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { Grid } from "../../src/core/sheet/grid";
import { gridsFromXlsx } from "../../src/xlsx/grid-reader";
import { readWorkbook } from "../../src/xlsx/read";
import { crc32, openZip, writeZip } from "../../src/xlsx/zip";
import { readDetailText } from "../../src/xlsx/read-failure-text";
import { realFixtureNames, SEED_APPENDIX_XLSX, SEED_DELEGATIONS_XLSX, tsvRows } from "../support/fixtures";
import { xlsxFromRows } from "../support/xlsx";

const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));
const codec = { deflateRaw: (d: Uint8Array) => new Uint8Array(zlib.deflateRawSync(d)) };

/** A grid compared without trailing empty cells and rows, which neither reader gives meaning to. */
function comparable(g: Grid): unknown {
  const cells = g.cells.map((r) => {
    const out = r.map((c) => ({ ...c }));
    while (out.length && out[out.length - 1].value === null && !out[out.length - 1].error && !out[out.length - 1].formula) out.pop();
    return out;
  });
  while (cells.length && cells[cells.length - 1].length === 0) cells.pop();
  return {
    sheetName: g.sheetName,
    cells,
    merges: g.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort(),
    hiddenRows: (g.hiddenRows ?? []).filter((r) => r <= cells.length),
  };
}

async function expectSameAsExcelJs(bytes: Uint8Array): Promise<Grid[]> {
  const fast = gridsFromXlsx(bytes, inflateRaw);
  expect(fast).not.toBeNull();
  const slow = await readWorkbook(bytes);
  if (!slow.ok) throw new Error(slow.message);
  expect(fast!.map(comparable)).toEqual(slow.sheets.map(comparable));
  const viaOption = await readWorkbook(bytes, { inflateRaw });
  expect(viaOption.ok && viaOption.sheets.map(comparable)).toEqual(slow.sheets.map(comparable));
  return fast!;
}

test("the seed workbooks", async () => {
  for (const file of [SEED_APPENDIX_XLSX, SEED_DELEGATIONS_XLSX]) {
    const grids = await expectSameAsExcelJs(new Uint8Array(fs.readFileSync(file)));
    expect(grids.some((g) => g.merges.length > 0)).toBe(true);
  }
});

test("every real fixture written as .xlsx", async () => {
  for (const name of realFixtureNames()) await expectSameAsExcelJs(await xlsxFromRows([{ name: "Phụ lục", rows: tsvRows(name) }]));
});

test("merges, formulas, shared formulas, errors, dates, booleans, rich text, links, hidden rows and several sheets", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục 'A' & B");
  ws.getCell("A1").value = 'PHỤ LỤC <1> & "2"';
  ws.mergeCells("A1:E1");
  ws.getCell("A3").value = 1;
  ws.getCell("B3").value = { richText: [{ text: "Tổ chức " }, { font: { bold: true }, text: "hội nghị" }] };
  ws.getCell("C3").value = "Sở Ngoại vụ\nSở Tư pháp";
  ws.mergeCells("C3:C5");
  ws.getCell("D3").value = { formula: "A3*2", result: 2 };
  ws.getCell("E3").value = new Date(Date.UTC(2025, 10, 30));
  ws.getCell("A4").value = { formula: "A3+1", result: 2, shareType: "shared", ref: "A4:A5" } as unknown as ExcelJS.CellValue;
  ws.getCell("A5").value = { sharedFormula: "A4", result: 3 } as unknown as ExcelJS.CellValue;
  ws.getCell("B4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("D4").value = { formula: "B9", result: { error: "#REF!" } } as unknown as ExcelJS.CellValue;
  ws.getCell("E4").value = 0.25;
  ws.getCell("E4").numFmt = "0%";
  ws.getCell("B5").value = true;
  ws.getCell("D5").value = { formula: '"Quý "&"IV"', result: "Quý IV" };
  ws.getCell("E5").value = 45000;
  ws.getCell("E5").numFmt = "dd/mm/yyyy";
  ws.getCell("B6").value = { text: "liên kết", hyperlink: "https://example.org" };
  ws.getRow(6).hidden = true;
  ws.getCell("B8").value = "   khoảng trắng   ";
  wb.addWorksheet("Trống");
  wb.addWorksheet("Sheet 3").getCell("C2").value = "một ô";
  const grids = await expectSameAsExcelJs(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const g = grids[0];
  expect(g.cells[2][2].value).toBe("Sở Ngoại vụ\nSở Tư pháp");
  expect(g.cells[3][2]).toBeUndefined(); // covered by the merge above; rows are sparse
  expect(g.cells[2][4]).toMatchObject({ value: "30/11/2025", isDate: true });
  expect(g.cells[3][1]).toEqual({ value: null, error: "#N/A" });
  expect(g.cells[3][3]).toMatchObject({ error: "#REF!", formula: "B9" });
  expect(g.cells[4][3]).toMatchObject({ value: "Quý IV" });
  expect(g.cells[4][0]).toMatchObject({ value: 3 });
  expect(g.hiddenRows).toEqual([6]);
  expect(grids.map((x) => x.sheetName)).toEqual(["Phụ lục 'A' & B", "Trống", "Sheet 3"]);
});

function zipOf(parts: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  return writeZip(
    Object.entries(parts).map(([name, xml]) => ({ name, data: enc.encode(xml) })),
    codec,
  );
}

const NS =
  'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function handMade(sheet: string, extra: { strings?: string; styles?: string; date1904?: boolean } = {}): Uint8Array {
  return zipOf({
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${
      extra.strings
        ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        : ""
    }${extra.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ""}</Types>`,
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0"?><x:workbook ${NS}>${extra.date1904 ? '<x:workbookPr date1904="1"/>' : ""}<x:sheets><x:sheet name="PL" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${
      extra.strings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""
    }${extra.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : ""}</Relationships>`,
    "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><x:worksheet ${NS}><x:sheetData>${sheet}</x:sheetData></x:worksheet>`,
    ...(extra.strings ? { "xl/sharedStrings.xml": `<?xml version="1.0"?><x:sst ${NS}>${extra.strings}</x:sst>` } : {}),
    ...(extra.styles ? { "xl/styles.xml": `<?xml version="1.0"?><x:styleSheet ${NS}>${extra.styles}</x:styleSheet>` } : {}),
  });
}

test("prefixed tags (Open XML SDK), inline strings, phonetic runs, cells and rows without references", () => {
  const bytes = handMade(
    `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>STT</x:t></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>` +
      `<x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="D2" t="str"><x:f>A2&amp;"x"</x:f><x:v>1x</x:v></x:c></x:row>`,
    {
      strings: `<x:si><x:t>Nội dung &amp; ghi chú</x:t></x:si><x:si><x:r><x:t>Tổ chức</x:t></x:r><x:r><x:t xml:space="preserve"> hội nghị</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ソ</x:t></x:rPh></x:si>`,
    },
  );
  const grids = gridsFromXlsx(bytes, inflateRaw)!;
  expect(grids).not.toBeNull();
  expect(grids[0].cells).toEqual([
    [{ value: "STT" }, { value: "Nội dung & ghi chú" }],
    // Rows are sparse: the empty C2 is a hole, as in the ExcelJS path.
    [{ value: 1 }, { value: "Tổ chức hội nghị" }, undefined, { value: "1x", formula: 'A2&"x"' }],
  ]);
});

test("rows and shared strings written plainly read as the scanner reads them, and the rows after one that is not come back", () => {
  // Written once without prefixes (read in place, xml-plain.ts, where plain) and once with x: on every tag, which only
  // the scanner reads: both must give the same grid.
  const sheet = (p: string) =>
    `<${p}row><${p}c t="s"><${p}v>0</${p}v></${p}c><${p}c><${p}v>2</${p}v></${p}c></${p}row>` +
    `<${p}row><${p}c><${p}v>1</${p}v></${p}c><${p}c t="inlineStr"><${p}is><${p}t>x</${p}t></${p}is></${p}c></${p}row>` +
    `<${p}row><${p}c t="s"><${p}v>1</${p}v></${p}c><${p}c r="C3"><${p}f>A3</${p}f><${p}v>5</${p}v></${p}c></${p}row>` +
    `<${p}row r="5" hidden="1"><${p}c r="A5" t="s"><${p}v>2</${p}v></${p}c><${p}c r='B5' t='s'><${p}v>3</${p}v></${p}c></${p}row>` +
    `<!-- <${p}row r="6"><${p}c r="A6"><${p}v>9</${p}v></${p}c></${p}row> -->` +
    `<${p}row r="7" x14ac:dyDescent="0.25"><${p}c r="A7" t="e"><${p}v>#N/A</${p}v></${p}c><${p}c r="B7" t="str"><${p}v>a&amp;b</${p}v></${p}c></${p}row>` +
    `<${p}row r="8" ><${p}c r="A8" t="s" ><${p}v>4</${p}v></${p}c><${p}c r="B8"/></${p}row><${p}row r="9"/>`;
  const strings = (p: string) =>
    `<${p}si><${p}t>STT</${p}t></${p}si><${p}si><${p}r><${p}t>Nội</${p}t></${p}r><${p}r><${p}t xml:space="preserve"> dung</${p}t></${p}r></${p}si>` +
    `<${p}si><${p}t xml:space="preserve"> Sở A </${p}t></${p}si><${p}si><${p}t>B_x000D_</${p}t></${p}si><${p}si><${p}t>C &lt;1&gt;</${p}t></${p}si>`;
  const plain = gridsFromXlsx(handMade(sheet(""), { strings: strings("") }), inflateRaw)!;
  const scanned = gridsFromXlsx(handMade(sheet("x:"), { strings: strings("x:") }), inflateRaw)!;
  expect(plain[0].cells).toEqual([
    [{ value: "STT" }, { value: 2 }],
    [{ value: 1 }, { value: "x" }],
    [{ value: "Nội dung" }, undefined, { value: 5, formula: "A3" }],
    [],
    [{ value: " Sở A " }, { value: "B\r" }],
    [],
    [{ value: null, error: "#N/A" }, { value: "a&b" }],
    [{ value: "C <1>" }],
  ]);
  expect(plain[0].hiddenRows).toEqual([5]);
  expect(plain).toEqual(scanned);
});

test("dates by number format, in the 1900 and the 1904 systems", () => {
  const styles = `<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellXfs count="3"><x:xf numFmtId="0"/><x:xf numFmtId="164"/><x:xf numFmtId="14"/></x:cellXfs>`;
  const sheet = `<x:row r="1"><x:c r="A1" s="1"><x:v>45991</x:v></x:c><x:c r="B1" s="2"><x:v>45991</x:v></x:c><x:c r="C1"><x:v>45991</x:v></x:c></x:row>`;
  const g1900 = gridsFromXlsx(handMade(sheet, { styles }), inflateRaw)![0];
  expect(g1900.cells[0]).toEqual([
    { value: "30/11/2025", isDate: true, numberFormat: "dd/mm/yyyy" },
    { value: "30/11/2025", isDate: true, numberFormat: "mm-dd-yy" },
    { value: 45991 },
  ]);
  const g1904 = gridsFromXlsx(handMade(sheet, { styles, date1904: true }), inflateRaw)![0];
  expect(g1904.cells[0][0].value).toBe("1/12/2029");
});

test("what it does not handle is left to ExcelJS", () => {
  expect(gridsFromXlsx(new TextEncoder().encode("not a zip at all"), inflateRaw)).toBeNull();
  expect(gridsFromXlsx(handMade(`<x:row r="1"><x:c r="A1" t="s"><x:v>7</x:v></x:c></x:row>`), inflateRaw)).toBeNull();
  expect(gridsFromXlsx(handMade(`<x:row r="2"><x:c r="A1"><x:v>1</x:v></x:c></x:row>`), inflateRaw)).toBeNull();
});

test("an archive taken apart and written again by the zip code opens in ExcelJS with the same cells", async () => {
  const original = await xlsxFromRows([{ name: "Phụ lục", rows: tsvRows(realFixtureNames()[0]) }]);
  const zip = openedZip(openZip(original, inflateRaw));
  const rewritten = writeZip(
    [...zip.entries.keys()].map((name) => ({ name, data: zip.read(name)! })),
    codec,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(rewritten as unknown as ArrayBuffer);
  const before = await readWorkbook(original);
  const after = await readWorkbook(rewritten);
  expect(after.ok && after.sheets.map(comparable)).toEqual(before.ok && before.sheets.map(comparable));
  expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
});

function openedZip(opened: ReturnType<typeof openZip>) {
  if (!opened.ok) throw new Error(`not a zip: ${opened.failure.kind}`);
  return opened.zip;
}

test("a damaged directory's entry name never breaks the reason onto a second line", () => {
  const name = `xl/\nPK\u0001${"x".repeat(200)}.xml`;
  const bytes = writeZip([{ name, data: new TextEncoder().encode("<a/>".repeat(50)) }], codec);
  // The directory claims more data than the file holds: the reader names the entry in its reason.
  const eocd = bytes.length - 22;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dirOffset = view.getUint32(eocd + 16, true);
  view.setUint32(dirOffset + 20, bytes.length * 2, true);
  const opened = openZip(bytes, inflateRaw);
  expect(opened.ok).toBe(false);
  const detail = !opened.ok && "detail" in opened.failure ? readDetailText(opened.failure.detail, "en") : "";
  expect(detail).toMatch(/runs past the end of the file/);
  expect(detail).not.toMatch(/[\n\u0001]/);
  expect(detail.length).toBeLessThan(160);
});
