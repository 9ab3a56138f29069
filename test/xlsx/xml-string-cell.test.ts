/**
 * The shared-string cell read in place (xml-string-cell.ts) reads exactly what it claims and nothing else: every other
 * form is left to the general reader, which gives the same grid and says the same damage.
 */
import { sheetGrid, SheetDamage } from "../../src/xlsx/sheet-xml";
import { StringCellTag } from "../../src/xlsx/xml-string-cell";

const ctx = { strings: ["Sở Ngoại vụ", "Quý IV/2026", ""], formats: [{ isDate: false }, { format: "@", isDate: false }], date1904: false };
const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

describe("StringCellTag", () => {
  const read = (xml: string) => {
    const t = new StringCellTag();
    return t.read(xml, 0) ? { col: t.col, row: t.row, style: t.style, index: t.index, end: t.end } : null;
  };

  it("reads a shared-string cell with its attributes in any order", () => {
    const xml = '<c r="AB12" s="1" t="s"><v>2</v></c>';
    expect(read(xml)).toEqual({ col: 28, row: 12, style: 1, index: 2, end: xml.length });
    expect(read('<c t="s" r="C3"><v>17</v></c>')).toMatchObject({ col: 3, row: 3, style: 0, index: 17 });
    expect(read('<c t="s"><v>0</v></c>')).toMatchObject({ col: 0, row: 0, index: 0 });
  });

  it.each([
    ["a number cell", '<c r="A1" s="1"><v>2</v></c>'],
    ["another type", '<c r="A1" t="str"><v>2</v></c>'],
    ["an empty cell", '<c r="A1" t="s"/>'],
    ["a lower-case reference", '<c r="a1" t="s"><v>0</v></c>'],
    ["a reference past three letters", '<c r="ABCD1" t="s"><v>0</v></c>'],
    ["a reference past seven digits", '<c r="A12345678" t="s"><v>0</v></c>'],
    ["single quotes", "<c r='A1' t='s'><v>0</v></c>"],
    ["two spaces", '<c r="A1"  t="s"><v>0</v></c>'],
    ["an attribute twice", '<c r="A1" r="B1" t="s"><v>0</v></c>'],
    ["another attribute", '<c r="A1" t="s" cm="1"><v>0</v></c>'],
    ["a formula", '<c r="A1" t="s"><f>A2</f><v>0</v></c>'],
    ["an index that is not digits", '<c r="A1" t="s"><v> 0</v></c>'],
    ["an empty value", '<c r="A1" t="s"><v></v></c>'],
    ["a row tag", '<col r="A1" t="s"><v>0</v></col>'],
  ])("leaves %s to the general reader", (_name, xml) => {
    expect(read(xml)).toBeNull();
  });
});

describe("shared-string cells in a sheet", () => {
  it("read as the general reader reads them, number formats and follow-on columns included", () => {
    const grid = sheetGrid(
      "S",
      sheet('<row r="2"><c r="B2" s="1" t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="E2" t="s"><v>2</v></c></row>'),
      ctx,
    );
    expect(grid.cells[1]).toEqual([
      undefined,
      { value: "Sở Ngoại vụ", numberFormat: "@" },
      { value: "Quý IV/2026" },
      undefined,
      { value: "" },
    ]);
    const general = sheetGrid(
      "S",
      sheet("<row r=\"2\"><c r='B2' s='1' t='s'><v>0</v></c><c t='s'><v>1</v></c><c r='E2' t='s'><v>2</v></c></row>"),
      ctx,
    );
    expect(general.cells).toEqual(grid.cells);
  });

  it.each([
    ["cell-not-in-row", '<row r="2"><c r="B3" t="s"><v>0</v></c></row>'],
    ["cell-twice", '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'],
    ["missing-shared-string", '<row r="2"><c r="B2" t="s"><v>9</v></c></row>'],
    ["cell-beyond", '<row r="2"><c r="XFE2" t="s"><v>0</v></c></row>'],
  ])("say %s as the general reader does", (kind, rows) => {
    let thrown: unknown;
    try {
      sheetGrid("S", sheet(rows), ctx);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SheetDamage);
    expect((thrown as SheetDamage).problem.kind).toBe(kind);
  });
});
