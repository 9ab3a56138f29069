/**
 * The .docx reader on the seed plans as Word and LibreOffice store them (../shared/fixtures/word/README.md).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { FIXTURES } from "../support/fixtures";
import { readWordDocument, WordDocument } from "../../src/word/read";

const WORD = path.join(FIXTURES, "word");
const inflateRaw = (d: Uint8Array) => zlib.inflateRawSync(d);

function read(name: string, native = true): WordDocument {
  const r = readWordDocument(new Uint8Array(fs.readFileSync(path.join(WORD, name))), native ? { inflateRaw } : {});
  if (!r.ok) throw new Error(`${name}: ${r.message}`);
  return r.document;
}

const texts = (row: { value: unknown }[]) => row.map((c) => c.value);

describe("seed-001-plan.docx", () => {
  const doc = read("seed-001-plan.docx");
  const appendix = doc.tables[2];

  it("reads the body paragraphs in order, with headings' styles and soft breaks", () => {
    const title = doc.paragraphs.findIndex((p) => p.text === "KẾ HOẠCH");
    expect(title).toBeGreaterThanOrEqual(0);
    expect(doc.paragraphs[title + 1].text).toBe(
      "Triển khai thực hiện công tác đối ngoại năm 2022 - 2023\nvà các năm tiếp theo trên địa bàn tỉnh",
    );
    expect(doc.paragraphs.find((p) => p.text === "I. MỤC ĐÍCH, YÊU CẦU")?.style).toBe("Heading1");
    expect(doc.paragraphs.map((p) => p.index)).toEqual(doc.paragraphs.map((_, i) => i));
    expect(doc.paragraphs.some((p) => p.text.startsWith("Trong quá trình tổ chức thực hiện Kế hoạch"))).toBe(true);
  });

  it("lists the two layout tables and the appendix table in body order", () => {
    expect(doc.tables.map((t) => t.nested)).toEqual([false, false, false]);
    expect(String(doc.tables[0].grid.cells[0][0].value)).toContain("Số:");
    expect(appendix.grid.cells).toHaveLength(34);
    expect(appendix.headerRows).toEqual([1]);
    expect(appendix.textAbove).toContain("CÁC NHIỆM VỤ CỤ THỂ TRIỂN KHAI CÔNG TÁC ĐỐI NGOẠI\nNĂM 2022 - 2023");
    expect(texts(appendix.grid.cells[0])[2]).toBe("Cơ quan chủ trì\ntham mưu/thực hiện");
  });

  it("shows Word's automatic numbers where the STT cell holds no text", () => {
    const stt = appendix.grid.cells.map((r) => r[0]?.value ?? null);
    expect(stt.slice(2, 7)).toEqual(["1.", "2.", "3.", "4.", "5."]);
    expect(stt.slice(14, 20)).toEqual(["1.", "2.", "3.", "4.", "5.", "6."]);
    expect(stt[8]).toBe("1");
    expect(stt.slice(30, 32)).toEqual(["1.", "2."]);
    expect(stt[33]).toBeNull();
  });

  it("turns gridSpan and vMerge into merged areas; a continue cell holds no value of its own", () => {
    const spans = appendix.grid.merges.filter((m) => m.top === m.bottom);
    expect(spans).toHaveLength(8);
    expect(spans.every((m) => m.left === 2 && m.right === 5)).toBe(true);
    const vertical = appendix.grid.merges.filter((m) => m.bottom > m.top);
    expect(vertical).toEqual(
      expect.arrayContaining([
        { top: 4, left: 5, bottom: 5, right: 5 },
        { top: 31, left: 3, bottom: 32, right: 3 },
        { top: 31, left: 5, bottom: 32, right: 5 },
      ]),
    );
    expect(vertical).toHaveLength(3);
    expect(appendix.grid.cells[3][4].value).toBe("Năm 2022, 2023 và các năm tiếp theo");
    expect(appendix.grid.cells[4][4]?.value ?? null).toBeNull();
  });

  it("joins a cell's paragraphs with line breaks and keeps soft breaks", () => {
    const ii2 = appendix.grid.cells.find((r) => String(r[1]?.value).startsWith("Tổ chức Hội nghị Xúc tiến đầu tư các doanh nghiệp Đức"))!;
    expect(ii2[3].value).toBe(
      "- Sở Kế hoạch và Đầu tư, Sở Công Thương, Ban Quản lý Khu kinh tế tỉnh và các sở, ban, ngành liên quan\n- Phòng Thương mại và Công nghiệp Đức tại Việt Nam",
    );
    expect(appendix.grid.cells[14][2].value).toBe("Sở Ngoại vụ;\nSở Thông tin và Truyền thông");
  });

  it("reads the same with the pure JavaScript inflate the pane uses", () => {
    expect(read("seed-001-plan.docx", false)).toEqual(doc);
  });
});

describe("seed-001-appendix-libreoffice.docx", () => {
  it("reads LibreOffice's markup: tblHeader w:val=true, the same merges", () => {
    const doc = read("seed-001-appendix-libreoffice.docx");
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0];
    expect(t.grid.cells).toHaveLength(34);
    expect(t.headerRows).toEqual([1]);
    expect(t.grid.merges.filter((m) => m.bottom > m.top)).toHaveLength(3);
    expect(t.grid.merges.filter((m) => m.top === m.bottom)).toHaveLength(8);
  });
});
