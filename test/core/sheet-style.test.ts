/**
 * One style specification (src/core/output/sheet-style.ts), translated by every writer: each named style comes out
 * of the SpreadsheetML writer's styles.xml, the Office.js writers (against the in-memory host) and the ExcelJS
 * writers with the same font, fill, border, number format and alignment — the ones the specification gives it.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { checkSheet } from "../../src/core/kinds/tasks/check";
import { AppendixLayout } from "../../src/core/kinds/paragraphs/appendix-layout";
import { appendixStyleAt } from "../../src/core/kinds/paragraphs/appendix-style";
import { CellStyle, cellsByStyle, SheetModel } from "../../src/core/output/sheet-model";
import { APPENDIX_STYLES, AppendixStyle, cellLook, SHEET_STYLES, StyleSpec } from "../../src/core/output/sheet-style";
import { summarySheets } from "../../src/core/output/summaries";
import { cellAddress } from "../../src/core/sheet/grid";
import { writeAppendixSheet } from "../../src/excel/appendix-writer";
import { runInExcel } from "../../src/excel/run";
import { writeSheetModels } from "../../src/excel/sheet-writer";
import { addAppendixSheet } from "../../src/xlsx/appendix-writer";
import { NATIVE_WRITE } from "../../src/xlsx/native-zlib";
import { readWorkbook } from "../../src/xlsx/read";
import { xlsxOfModels } from "../../src/xlsx/sheet-writer";
import { stylesXml } from "../../src/xlsx/styles-xml";
import { workbookOf } from "../../src/xlsx/write";
import { openZip } from "../../src/xlsx/zip";
import { ExcelHost } from "../excel-host";
import { hostPerTest } from "../support/host-per-test";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";


/** What a cell looks like, in one vocabulary for every writer. */
interface Look {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  size: number;
  color: string | null;
  fill: string | null;
  numberFormat: string;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  border: boolean;
}

/** The look a spec asks for. */
function expectedLook(spec: StyleSpec): Look {
  return {
    bold: spec.font?.bold ?? false,
    italic: spec.font?.italic ?? false,
    underline: spec.font?.underline ?? false,
    size: spec.font?.size ?? 11,
    color: spec.font?.color ?? null,
    fill: spec.fill ?? null,
    numberFormat: spec.numberFormat ?? "General",
    horizontal: spec.alignment?.horizontal ?? "general",
    vertical: spec.alignment?.vertical ?? "bottom",
    wrap: spec.alignment?.wrap ?? false,
    border: spec.border === "thin",
  };
}

// ---- styles.xml, read as Excel reads it: a cell's s → its xf → the font, fill, border and number format it names.

const BUILTIN: Record<string, string> = { "0": "General", "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00", "9": "0%", "10": "0.00%" };
const listOf = (xml: string, tag: string, item: string) =>
  [
    ...(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`).exec(xml)?.[1] ?? "").matchAll(new RegExp(`<${item}\\b(?:[^>]*/>|.*?</${item}>)`, "g")),
  ].map((m) => m[0]);
const attrOf = (xml: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

function stylesXmlLooks(xml: string): Look[] {
  const fonts = listOf(xml, "fonts", "font");
  const fills = listOf(xml, "fills", "fill");
  const borders = listOf(xml, "borders", "border");
  const formats = new Map(listOf(xml, "numFmts", "numFmt").map((f) => [attrOf(f, "numFmtId")!, attrOf(f, "formatCode")!]));
  return listOf(xml, "cellXfs", "xf").map((xf) => {
    const font = fonts[Number(attrOf(xf, "fontId"))];
    const fill = fills[Number(attrOf(xf, "fillId"))];
    const border = borders[Number(attrOf(xf, "borderId"))];
    const id = attrOf(xf, "numFmtId")!;
    const alignment = /<alignment[^>]*>/.exec(xf)?.[0] ?? "";
    return {
      bold: font.includes("<b/>"),
      italic: font.includes("<i/>"),
      underline: font.includes("<u/>"),
      size: Number(/<sz val="([^"]+)"/.exec(font)![1]),
      color: /<color rgb="FF([0-9A-F]{6})"/.exec(font)?.[1] ?? null,
      fill: /patternType="solid"><fgColor rgb="FF([0-9A-F]{6})"/.exec(fill)?.[1] ?? null,
      numberFormat: BUILTIN[id] ?? formats.get(id)!,
      horizontal: attrOf(alignment, "horizontal") ?? "general",
      vertical: attrOf(alignment, "vertical") ?? "bottom",
      wrap: attrOf(alignment, "wrapText") === "1",
      border: ["left", "right", "top", "bottom"].every((side) => new RegExp(`<${side} style="thin"`).test(border)),
    };
  });
}

// ---- Office.js, as the in-memory host shows a cell (inside borders are kept on the cell above or to the left).

function hostLook(host: ExcelHost, sheet: string, row: number, col: number): Look {
  const s = host.sheet(sheet);
  const c = s.cell(cellAddress(row, col));
  const above = row > 1 ? s.cell(cellAddress(row - 1, col)).borders : [];
  const left = col > 1 ? s.cell(cellAddress(row, col - 1)).borders : [];
  const has = (side: string) => c.borders.includes(side);
  return {
    bold: c.bold,
    italic: c.italic,
    underline: c.underline === "Single",
    size: c.fontSize,
    color: c.fontColor === "#000000" ? null : c.fontColor.slice(1),
    fill: c.fill?.slice(1) ?? null,
    numberFormat: c.numberFormat,
    horizontal: c.horizontalAlignment.toLowerCase(),
    vertical: c.verticalAlignment.toLowerCase(),
    wrap: c.wrapText,
    border:
      (has("EdgeTop") || above.includes("EdgeBottom")) &&
      (has("EdgeLeft") || left.includes("EdgeRight")) &&
      has("EdgeBottom") &&
      has("EdgeRight"),
  };
}

// ---- ExcelJS.

function exceljsLook(cell: ExcelJS.Cell): Look {
  const side = (s?: Partial<ExcelJS.Border>) => s?.style === "thin";
  const b = cell.border ?? {};
  return {
    bold: cell.font?.bold ?? false,
    italic: cell.font?.italic ?? false,
    underline: cell.font?.underline === true,
    size: cell.font?.size ?? 11,
    color: cell.font?.color?.argb?.slice(2) ?? null,
    fill: cell.fill?.type === "pattern" ? (cell.fill.fgColor?.argb?.slice(2) ?? null) : null,
    numberFormat: cell.numFmt || "General",
    horizontal: cell.alignment?.horizontal ?? "general",
    vertical: cell.alignment?.vertical === "middle" ? "center" : (cell.alignment?.vertical ?? "bottom"),
    wrap: cell.alignment?.wrapText ?? false,
    border: side(b.top) && side(b.left) && side(b.bottom) && side(b.right),
  };
}

const useHost = hostPerTest();

const CELL_STYLES = Object.keys(SHEET_STYLES) as CellStyle[];

test("every style the summary sheets use is specified", async () => {
  const wb = await readWorkbook(new Uint8Array(fs.readFileSync(SEED_APPENDIX_XLSX)));
  if (!wb.ok) throw new Error(wb.message);
  const used = new Set<string>();
  for (const lang of ["vi", "en"] as const)
    for (const model of summarySheets([{ check: checkSheet(wb.sheets[0]) }], lang))
      for (const style of cellsByStyle(model).keys()) used.add(style);
  expect(used.size).toBeGreaterThan(3);
  for (const style of used) expect(CELL_STYLES).toContain(style);
});

describe("a summary sheet with every style, plain and as a link", () => {
  // Row i: the style plain in A, the style holding a link in B; the last row a plain cell holding a link.
  const looks = [...CELL_STYLES.map((style) => ({ style, linked: false })), ...CELL_STYLES.map((style) => ({ style, linked: true }))];
  const model: SheetModel = {
    kind: "issues",
    name: "Styles",
    rows: [
      ...CELL_STYLES.map((style) => [
        { value: "x", style },
        { value: "x", style, link: { sheet: "Styles", cell: "A1" } },
      ]),
      [{ value: "x", link: { sheet: "Styles", cell: "A1" } }],
    ],
    columnWidths: [10, 10],
    headerRow: 0,
    autoFilter: false,
  };
  const expected = (row: number, col: number): Look =>
    expectedLook(row > CELL_STYLES.length ? cellLook(undefined, true) : cellLook(CELL_STYLES[row - 1], col === 2));

  test("the SpreadsheetML writer's styles.xml gives each cell its specified look", () => {
    const opened = openZip(xlsxOfModels([model], NATIVE_WRITE), (d) => new Uint8Array(zlib.inflateRawSync(d)));
    if (!opened.ok) throw new Error(opened.failure.kind);
    const text = (name: string) => new TextDecoder().decode(opened.zip.read(name)!);
    const xfLooks = stylesXmlLooks(text("xl/styles.xml"));
    const sheet = text("xl/worksheets/sheet1.xml");
    for (let row = 1; row <= model.rows.length; row++)
      model.rows[row - 1].forEach((_, ci) => {
        const address = cellAddress(row, ci + 1);
        const s = Number(new RegExp(`<c r="${address}"(?: s="(\\d+)")?`).exec(sheet)?.[1] ?? 0);
        expect({ address, ...xfLooks[s] }).toEqual({ address, ...expected(row, ci + 1) });
      });
    expect(looks.length).toBe(CELL_STYLES.length * 2);
  });

  test("the Office.js writer and the ExcelJS writer give each cell the same look", async () => {
    const host = useHost();
    host.addSheet("Phụ lục");
    const { written } = await runInExcel((context) => writeSheetModels(context, [model]));
    const ws = workbookOf([model]).getWorksheet(model.name)!;
    for (let row = 1; row <= model.rows.length; row++)
      model.rows[row - 1].forEach((_, ci) => {
        const address = cellAddress(row, ci + 1);
        const want = { address, ...expected(row, ci + 1) };
        expect({ address, ...hostLook(host, written[0], row, ci + 1) }).toEqual(want);
        expect({ address, ...exceljsLook(ws.getCell(address)) }).toEqual(want);
      });
  });
});

describe("the appendix table's styles", () => {
  const layout: AppendixLayout = {
    columns: ["stt", "content", "lead", "coordinating", "timeframe"],
    rows: [
      ["PHỤ LỤC", "", "", "", ""],
      ["DANH MỤC NHIỆM VỤ", "", "", "", ""],
      ["(Kèm theo Kế hoạch số 1)", "", "", "", ""],
      ["", "", "", "", ""],
      ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
      ["I", "Phát triển kinh tế", "", "", ""],
      ["1", "Nhiệm vụ một", "Sở Tài chính", "Các sở", "Năm 2025"],
      ["2", "Nhiệm vụ hai", "Sở Nội vụ", "", "Quý I"],
    ],
    titleRows: [1, 2, 3],
    headerRow: 5,
    merges: [],
    sources: new Map(),
    widths: [7, 60, 28, 34, 18],
    sectionRows: [6],
  };
  const cells = layout.rows.flatMap((r, ri) => r.map((_, ci) => [ri + 1, ci + 1] as const));
  const styled = cells.filter(([r, c]) => appendixStyleAt(layout, r, c) !== null);

  test("the layout uses every appendix style", () => {
    expect(new Set(styled.map(([r, c]) => appendixStyleAt(layout, r, c)))).toEqual(new Set(Object.keys(APPENDIX_STYLES)));
  });

  test("styles.xml, Office.js and ExcelJS give each style its specified look", async () => {
    const names = Object.keys(APPENDIX_STYLES) as AppendixStyle[];
    const { xml, xfOf } = stylesXml(names.map((n) => APPENDIX_STYLES[n]));
    const xfLooks = stylesXmlLooks(xml);
    const host = useHost();
    host.addSheet("Phụ lục");
    const sheet = await runInExcel((context) => writeAppendixSheet(context, layout, "Phụ lục"));
    const ws = addAppendixSheet(new ExcelJS.Workbook(), layout, "Phụ lục");
    for (const [row, col] of styled) {
      const style = appendixStyleAt(layout, row, col)!;
      const want = { style, ...expectedLook(APPENDIX_STYLES[style]) };
      expect({ style, ...xfLooks[xfOf[names.indexOf(style)]] }).toEqual(want);
      expect({ style, ...hostLook(host, sheet, row, col) }).toEqual(want);
      expect({ style, ...exceljsLook(ws.getCell(row, col)) }).toEqual(want);
    }
  });
});
