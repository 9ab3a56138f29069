/**
 * The Word reader on broken and strange documents: each gets a typed reason or a reading, never an exception, and
 * in what its content costs (a nesting or a span that runs away is refused or clipped, not followed).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { FIXTURES } from "../support/fixtures";
import { cell, docx, para, row, table } from "../support/docx";
import { writeZip } from "../../src/xlsx/zip";
import { readWordDocument, WordReadResult } from "../../src/word/read";
import { fileKind } from "../../src/word/file-kind";
import { checkWordDocument } from "../../src/word/word-check";

const HOSTILE = path.join(FIXTURES, "word", "hostile");

function read(bytes: Uint8Array): WordReadResult {
  return readWordDocument(bytes, { inflateRaw: (d) => zlib.inflateRawSync(d) });
}

const zipOf = (files: Record<string, string>) =>
  writeZip(
    Object.entries(files).map(([name, text]) => ({ name, data: new TextEncoder().encode(text) })),
    { deflateRaw: (d) => zlib.deflateRawSync(d) },
  );

describe("the hostile fixtures, read in-process", () => {
  it.each([
    ["word97-binary-renamed.docx", "legacy-doc"],
    ["zero-bytes.docx", "empty-file"],
    ["truncated-zip.docx", "corrupt"],
  ])("%s is refused as %s", (name, reason) => {
    const r = read(new Uint8Array(fs.readFileSync(path.join(HOSTILE, name))));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });

  it("every hostile file is either read or refused with a reason, and the readable ones check", () => {
    for (const name of fs.readdirSync(HOSTILE).filter((f) => f.endsWith(".docx"))) {
      const r = read(new Uint8Array(fs.readFileSync(path.join(HOSTILE, name))));
      if (r.ok) expect(() => checkWordDocument(r.document)).not.toThrow();
      else expect(r.message).toMatch(/\S/);
    }
  });

  it("a nested table is listed as its own table, right after the one that holds it", () => {
    const r = read(new Uint8Array(fs.readFileSync(path.join(HOSTILE, "nested-tables-in-cells.docx"))));
    if (!r.ok) throw new Error(r.message);
    expect(r.document.tables.map((t) => t.nested)).toEqual([false, true, true]);
    expect(r.document.tables[1].grid.cells).toHaveLength(5);
    const outer = r.document.tables[0].grid;
    const i2 = outer.cells.find((c) => String(c[2]?.value ?? "").startsWith("Sở Ngoại vụ\nSở Kế hoạch"));
    expect(i2?.[2].value).toBe("Sở Ngoại vụ\nSở Kế hoạch và Đầu tư\nSở Công Thương\nSở Du lịch\nBan Quản lý Khu kinh tế tỉnh");
  });
});

describe("made-up damage", () => {
  it("a part that is not well-formed XML: damaged, with the part named", () => {
    const r = read(zipOf({ "word/document.xml": "<w:document><w:body><w:p></w:body></w:document>" }));
    expect(r).toMatchObject({ ok: false, reason: "corrupt" });
    if (!r.ok) expect(r.message).toContain("word/document.xml");
  });

  it("a zip without Word's parts is not a .docx; random bytes neither", () => {
    expect(read(zipOf({ "hello.txt": "hi" }))).toMatchObject({ ok: false, reason: "not-docx" });
    expect(read(new TextEncoder().encode("STT,Nội dung\n1,x"))).toMatchObject({ ok: false, reason: "not-docx" });
  });

  it("a package whose main part is missing is damaged", () => {
    expect(read(zipOf({ "word/styles.xml": "<w:styles/>" }))).toMatchObject({ ok: false, reason: "corrupt" });
  });

  it("an encrypted (password-protected) package is named as such", () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const name = "EncryptedPackage";
    for (let i = 0; i < name.length; i++) ole[1024 + 2 * i] = name.charCodeAt(i);
    expect(fileKind(ole)).toBe("encrypted");
    expect(read(ole)).toMatchObject({ ok: false, reason: "encrypted" });
  });

  it("a doctype's own entities are never expanded (no billion laughs)", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`;
    const doc = `${lol}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const r = read(zipOf({ "word/document.xml": doc }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.document.paragraphs[0].text.length).toBeLessThan(10);
  });

  it("tables nested thousands deep are refused, not recursed into", () => {
    const deep = "<w:tbl><w:tr><w:tc>".repeat(3000) + "<w:p/>" + "</w:tc></w:tr></w:tbl>".repeat(3000);
    const r = read(docx({ body: deep }));
    expect(r).toMatchObject({ ok: false, reason: "corrupt" });
  });

  it("a span past any real table is clipped; a vMerge continue with nothing above is an ordinary cell", () => {
    const rows = [row([cell(para("a"), '<w:gridSpan w:val="99999999"/>')]), row([cell(para("b"), "<w:vMerge/>"), cell(para("c"))])];
    const r = read(docx({ body: table(rows, 2) }));
    if (!r.ok) throw new Error(r.message);
    const grid = r.document.tables[0].grid;
    expect(grid.merges[0].right).toBeLessThanOrEqual(1000);
    expect(grid.cells[1].map((c) => c.value)).toEqual(["b", "c"]);
  });

  it("fields read as their result, never their instruction; hidden text left out", () => {
    const field =
      `<w:p><w:r><w:t xml:space="preserve">Quý </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>MERGEFIELD quy</w:instrText></w:r>` +
      `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>IV</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
      `<w:fldSimple w:instr="DOCPROPERTY year"><w:r><w:t>/2026</w:t></w:r></w:fldSimple><w:r><w:rPr><w:vanish/></w:rPr><w:t>secret</w:t></w:r></w:p>` +
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p><w:p><w:r><w:t>next</w:t></w:r></w:p>`;
    const r = read(docx({ body: field }));
    if (!r.ok) throw new Error(r.message);
    expect(r.document.paragraphs.map((p) => p.text)).toEqual(["Quý IV/2026", "", "next"]);
  });

  it("any namespace prefix reads the same as Word's w:", () => {
    const body = para("KẾ HOẠCH") + table([row([cell(para("x")), cell(para("y"), '<w:gridSpan w:val="2"/>')])], 3);
    const a = read(docx({ body }));
    const b = read(docx({ body, prefix: "ns0" }));
    expect(b).toEqual(a);
    expect(a.ok && a.document.tables[0].grid.merges).toEqual([{ top: 1, left: 2, bottom: 1, right: 3 }]);
  });
});
