/**
 * The direct SpreadsheetML writer: what ExcelJS, LibreOffice and our own reader see in the files it writes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import ExcelJS from "exceljs";
import { SheetModel } from "../../src/core/output/sheet-model";
import { gridsFromXlsx } from "../../src/xlsx/grid-reader";
import { ByteSpill, escapeXml, StreamedSheet, writeXlsx, xlsxOfModels } from "../../src/xlsx/sheet-writer";
import { openZip, ZipWriter } from "../../src/xlsx/zip";
import { runCli } from "../support/cli";
import { SEED_APPENDIX_XLSX } from "../support/fixtures";
import { hasLibreOffice, sheetsAsCsv } from "../support/libreoffice";

const codec = { deflateRaw: (d: Uint8Array) => new Uint8Array(zlib.deflateRawSync(d)), crc32: (d: Uint8Array) => zlib.crc32(d) };
const inflateRaw = (d: Uint8Array) => new Uint8Array(zlib.inflateRawSync(d));

const MODEL: SheetModel = {
  kind: "consolidated",
  name: "Dữ liệu 'hợp' nhất",
  rows: [
    [{ value: "Tiêu đề", style: "title" }],
    [{ value: "dòng phụ", style: "subtitle" }],
    [
      { value: "TT", style: "header" },
      { value: "Tệp", style: "header" },
      { value: "Nội dung", style: "header" },
      { value: "Tỷ lệ", style: "header" },
    ],
    [
      { value: 1 },
      { value: "a b.xlsx", link: { file: "thư mục/a b.xlsx", sheet: "Phụ lục", cell: "B7" } },
      { value: "=SUM(A1:A3)" },
      { value: 0.25, style: "percent" },
    ],
    [
      { value: 2 },
      { value: "nội bộ", link: { sheet: "Báo cáo tệp", cell: "A1" } },
      { value: 'A & B <c>\u000b\u0001 "d"' },
      { value: 1234, style: "integer" },
    ],
    [{ value: 3 }, { value: "" }, { value: "  hai dòng\nthứ hai  ", style: "warning" }, { value: null, style: "error" }],
  ],
  columnWidths: [6, 28, 60, 10],
  headerRow: 3,
  autoFilter: true,
};
const SECOND: SheetModel = {
  kind: "files",
  name: "Báo cáo tệp",
  rows: [[{ value: "x" }]],
  columnWidths: [],
  headerRow: 0,
  autoFilter: false,
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

test("values, text that stays text, styles, frozen header, widths, filter and links as ExcelJS reads them", async () => {
  const wb = await load(xlsxOfModels([MODEL, SECOND], codec));
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Dữ liệu 'hợp' nhất", "Báo cáo tệp"]);
  expect(wb.creator).toBe("appendix-checker");
  const ws = wb.worksheets[0];
  expect(ws.getCell("A4").value).toBe(1);
  expect(ws.getCell("C4").value).toBe("=SUM(A1:A3)");
  expect(ws.getCell("C4").formula).toBeUndefined();
  expect(ws.getCell("C5").value).toBe('A & B <c> "d"'); // control characters XML cannot carry are dropped
  expect(ws.getCell("C6").value).toBe("  hai dòng\nthứ hai  ");
  expect(ws.getCell("B6").value).toBeNull();
  expect(ws.getCell("D4").numFmt).toBe("0.0%");
  expect(ws.getCell("D5").numFmt).toBe("#,##0");
  expect(ws.getCell("A3").font?.bold).toBe(true);
  expect(ws.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
  expect(ws.getCell("C6").fill).toMatchObject({ fgColor: { argb: "FFFFF4CE" } });
  expect(ws.getCell("D6").fill).toMatchObject({ fgColor: { argb: "FFFDE2E1" } });
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3, topLeftCell: "A4" });
  expect(ws.getColumn(3).width).toBe(60);
  expect(ws.autoFilter).toBe("A3:D6");
  expect(ws.getCell("B4").value).toMatchObject({ text: "a b.xlsx" });
  expect(String((ws.getCell("B4").value as ExcelJS.CellHyperlinkValue).hyperlink)).toContain(encodeURI("thư mục/a b.xlsx"));
  expect(wb.worksheets[1].views[0]?.state).not.toBe("frozen");
});

test("links go to the source cell: another workbook's sheet and cell, or a sheet of this one", () => {
  const zip = zipOf(openZip(xlsxOfModels([MODEL, SECOND], codec), inflateRaw));
  const sheet = new TextDecoder().decode(zip.read("xl/worksheets/sheet1.xml")!);
  const rels = new TextDecoder().decode(zip.read("xl/worksheets/_rels/sheet1.xml.rels")!);
  expect(sheet).toContain(`<hyperlink ref="B4" r:id="rId1" location="'Phụ lục'!B7" display="a b.xlsx"/>`);
  expect(sheet).toContain(`<hyperlink ref="B5" location="'Báo cáo tệp'!A1" display="nội bộ"/>`);
  expect(rels).toContain(
    `Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${encodeURI("thư mục/a b.xlsx")}" TargetMode="External"`,
  );
  const workbook = new TextDecoder().decode(zip.read("xl/workbook.xml")!);
  expect(workbook).toContain(
    `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Dữ liệu ''hợp'' nhất'!$A$3:$D$6</definedName>`,
  );
});

test("our reader reads back what was written", () => {
  const grids = gridsFromXlsx(xlsxOfModels([MODEL], codec), inflateRaw)!;
  expect(grids[0].sheetName).toBe("Dữ liệu 'hợp' nhất");
  expect(grids[0].cells[3].map((c) => c.value)).toEqual([1, "a b.xlsx", "=SUM(A1:A3)", 0.25]);
  expect(grids[0].cells[4][3]).toEqual({ value: 1234, numberFormat: "#,##0" });
});

test("escaping", () => {
  expect(escapeXml('a&b<c>"d"')).toBe("a&amp;b&lt;c&gt;&quot;d&quot;");
  expect(escapeXml("x\u0000y\ud800z😀")).toBe("xyz😀");
  expect(escapeXml("Tiếng Việt")).toBe("Tiếng Việt");
});

const lo = hasLibreOffice();
if (!lo && process.env.CI) throw new Error("LibreOffice is required in CI (.ci/test.sh installs libreoffice-calc)");
(lo ? test : test.skip)(
  "a consolidated workbook opens in LibreOffice with its sheets and rows",
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-lo-consolidate-"));
    try {
      fs.copyFileSync(SEED_APPENDIX_XLSX, path.join(dir, "so-ngoai-vu.xlsx"));
      fs.copyFileSync(SEED_APPENDIX_XLSX, path.join(dir, "cong-an-tinh.xlsx"));
      const out = path.join(dir, "out", "tong-hop.xlsx");
      const r = await runCli(["consolidate", path.join(dir, "so-ngoai-vu.xlsx"), path.join(dir, "cong-an-tinh.xlsx"), "-o", out]);
      expect(r.code).toBe(1);
      const sheets = sheetsAsCsv(out);
      expect([...sheets.keys()].sort()).toEqual(
        ["Báo cáo tệp", "Danh sách lỗi", "Dữ liệu hợp nhất", "Tổng hợp cơ quan", "Tổng hợp theo mục", "Tổng hợp thời gian"].sort(),
      );
      const merged = sheets.get("Dữ liệu hợp nhất")!;
      const rows = merged.slice(3).filter((row) => row.some((cell) => cell !== ""));
      expect(rows).toHaveLength(50);
      expect(rows.filter((row) => row[1] === "cong-an-tinh.xlsx" && row[4] === "Công an tỉnh")).toHaveLength(25);
      expect(rows.every((row) => row[row.length - 2].startsWith("Trùng với"))).toBe(true);
      const agencies = sheets.get("Tổng hợp cơ quan")!;
      expect(agencies.find((row) => row[1] === "Sở Ngoại vụ")!.slice(2, 5)).toEqual(["36", "14", "50"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);

function zipOf(opened: ReturnType<typeof openZip>) {
  if (!opened.ok) throw new Error(`not a zip: ${opened.failure.kind}`);
  return opened.zip;
}

test("a sheet's links set aside while its rows are written come back whole and in order", () => {
  const rows = 5_000;
  const sheet: StreamedSheet = {
    name: "Dữ liệu hợp nhất",
    columnWidths: [10],
    headerRow: 0,
    autoFilter: false,
    rows(emit) {
      for (let i = 1; i <= rows; i++)
        emit([{ value: `phu-luc-${i}.xlsx`, link: { file: `tra-loi/phu-luc-${i}.xlsx`, sheet: "PL", cell: `B${i}` } }]);
    },
  };
  const parts: Uint8Array[] = [];
  let spilled = 0;
  const kept: Uint8Array[] = [];
  const spill: ByteSpill = {
    write: (b) => {
      spilled += b.length;
      kept.push(b.slice());
    },
    drain: (sink) => kept.splice(0).forEach(sink),
  };
  writeXlsx([sheet], new ZipWriter((b) => parts.push(b), codec), new Date(), spill);
  expect(spilled).toBeGreaterThan(0);
  const bytes = new Uint8Array(Buffer.concat(parts));
  const xml = new TextDecoder().decode(zipOf(openZip(bytes, inflateRaw)).read("xl/worksheets/sheet1.xml")!);
  const refs = [...xml.matchAll(/<hyperlink ref="A(\d+)" r:id="rId(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
  expect(refs).toEqual(Array.from({ length: rows }, (_, i) => [i + 1, i + 1]));
  expect(xml.endsWith("</worksheet>")).toBe(true);
});
