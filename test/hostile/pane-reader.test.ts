/**
 * The hostile corpus through the pane's and the checker page's reader: the XML reader with pako's inflate held to
 * each part's limit and the zip code's CRC-32 (SCRIPT_READ), not ExcelJS. Every case gives the outcome the command
 * line gives, so ExcelJS's gaps (row 400,000,000, a stray value in XFD, inline _x escapes, CDATA, rows written twice,
 * t="d" dates) are gone for the pane too.
 */
import * as fs from "fs";
import * as zlib from "zlib";
import { defaultDirectory } from "../../src/core/agencies/default-directory";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { readReplyFile } from "../../src/taskpane/reply-files";
import { readSourceFile } from "../../src/standalone/source-files";
import { readWorkbook } from "../../src/xlsx/read";
import { scriptInflateRaw, SCRIPT_READ } from "../../src/xlsx/script-inflate";
import { HOSTILE_CASES, HostileCase } from "./corpus";
import { CorpusFile, corpusFiles } from "./corpus-files";
import { expectRead, outcomeTitle, HOSTILE_TIME_BOUND } from "./outcome";

let files: Map<string, CorpusFile>;
beforeAll(async () => {
  files = await corpusFiles();
}, 300_000);

const bytesOf = (c: HostileCase) => new Uint8Array(fs.readFileSync(files.get(c.name)!.file));

for (const c of HOSTILE_CASES) {
  const title = `${c.name}: the pane's reader gives ${outcomeTitle(c.expected)}`;
  const body = async () => expectRead(await readWorkbook(bytesOf(c), SCRIPT_READ), c.expected);
  if (c.gaps?.reader) test.failing(`${title} — KNOWN GAP: ${c.gaps.reader}`, body, HOSTILE_TIME_BOUND);
  else test(title, body, HOSTILE_TIME_BOUND);
}

test(
  "the reply files and the checker page read an ExcelJS gap case as the command line does",
  async () => {
    const c = HOSTILE_CASES.find((x) => x.name === "row-400000000");
    expect(c?.gaps?.exceljs).toBeDefined();
    const bytes = bytesOf(c!);
    const reply = await readReplyFile(new Blob([bytes]), { directory: defaultDirectory(), settings: DEFAULT_SETTINGS });
    expect(reply).toMatchObject({ ok: false, reason: "corrupt" });
    expect(await readSourceFile("phu-luc.xlsx", bytes)).toMatchObject({ ok: false, reason: "corrupt" });
  },
  HOSTILE_TIME_BOUND,
);

describe("pako's inflate, held to a limit", () => {
  const text = new TextEncoder().encode("Sở Ngoại vụ; ".repeat(100_000));
  const deflated = new Uint8Array(zlib.deflateRawSync(text));

  test("inflates what zlib inflates, byte for byte", () => {
    expect(Buffer.from(scriptInflateRaw(deflated, text.length)).equals(Buffer.from(text))).toBe(true);
    expect(scriptInflateRaw(new Uint8Array(zlib.deflateRawSync(new Uint8Array(0))), 1)).toHaveLength(0);
  });

  test("stops as soon as the output passes the limit, as zlib's maxOutputLength does", () => {
    expect(() => scriptInflateRaw(deflated, 1000)).toThrow(/more than 1000 bytes/);
    expect(() => zlib.inflateRawSync(deflated, { maxOutputLength: 1000 })).toThrow();
  });

  test("refuses a damaged stream", () => {
    expect(() => scriptInflateRaw(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toThrow();
  });
});
