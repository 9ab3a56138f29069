/** @jest-environment jsdom */
/**
 * "Tạo bảng phụ lục từ văn bản" in the pane, against the in-memory Excel host: the seed 004 text pasted one line per
 * row becomes an appendix on a new sheet that checks to the plan's figures; a picked .docx does the same; a text
 * without tasks says so and writes nothing.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { parseAddress } from "../../src/core/sheet/grid";
import type { Grid, MergeArea } from "../../src/core/sheet/grid";
import type { TaskCheck } from "../../src/core/kinds/tasks/check";
import { logicalParagraphs, paragraphsFromText } from "../../src/core/kinds/paragraphs/plan-paragraphs";
import { checkWorkbook } from "../../src/core/workbook";
import { createHost } from "../excel-host";
import type { ExcelHost } from "../excel-host";
import { docxBytes, withWordNumbering } from "../support/plan-docx";
import { expectSeed004Figures, planText, SEED_004 } from "../support/paragraph-plans";
import { panePerTest } from "./pane-harness";

const APPENDIX = "Phụ lục nhiệm vụ";
const seedRows = () =>
  planText(SEED_004)
    .split("\n")
    .map((l) => [l]);

const panes = panePerTest();

/** The written sheet as the engine reads it: values and merges from the host. */
function writtenGrid(host: ExcelHost, name: string): Grid {
  const merges: MergeArea[] = host.mergesOf(name).map((a) => {
    const [from, to] = a.split(":").map((x) => parseAddress(x)!);
    return { top: from.row, left: from.col, bottom: to.row, right: to.col };
  });
  const cells = host
    .sheet(name)
    .values()
    .map((r) => r.map((v) => ({ value: v === "" ? null : v })));
  return { sheetName: name, originRow: 1, originCol: 1, cells, merges };
}

async function outcome(): Promise<HTMLElement> {
  return screen.findByTestId("appendix-outcome");
}

test("from the text pasted on the sheet: a new sheet with the appendix, which checks to the plan's figures", async () => {
  const host = createHost();
  host.addSheet("Kế hoạch", seedRows(), { activate: true });
  await panes.mount(host);
  const before = host.sheet("Kế hoạch").values();
  await act(async () => {
    fireEvent.click(screen.getByTestId("appendix-from-sheet"));
  });
  expect(await outcome()).toHaveTextContent(`Đã tạo trang tính “${APPENDIX}”: 12 nhiệm vụ trong 2 mục`);
  expect(host.sheetNames()).toEqual(["Kế hoạch", APPENDIX]);
  expect(host.activeSheet).toBe(APPENDIX);
  const values = host.sheet(APPENDIX).values();
  expect(values[4].slice(0, 3)).toEqual(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì"]);
  expect(values.slice(5).map((r) => r[0])).toEqual([
    "1",
    "2",
    "2.1",
    "2.2",
    "3",
    "4",
    "5",
    "5.1",
    "5.2",
    "5.3",
    "5.4",
    "5.5",
    "5.6",
    "5.7",
  ]);
  // Section rows merged across the row, the title lines across the table; the header frozen; text kept as text.
  expect(host.mergesOf(APPENDIX)).toEqual(expect.arrayContaining(["A1:F1", "B7:F7", "B12:F12"]));
  expect(host.sheet(APPENDIX).frozen.rows).toBe(5);
  expect(host.sheet(APPENDIX).cell("B8").wrapText).toBe(true);
  expect(host.sheet(APPENDIX).cell("A5").bold).toBe(true);
  const result = checkWorkbook([writtenGrid(host, APPENDIX)]);
  expect(result.ok).toBe(true);
  if (result.ok) expectSeed004Figures(result.checks[0] as TaskCheck);
  // The pasted text is left as it was.
  expect(host.sheet("Kế hoạch").values()).toEqual(before);
});

test("from a picked .docx (headings under Word numbering): the same appendix; made twice, the second takes a free name", async () => {
  const host = createHost();
  host.addSheet("Sheet1", [], { activate: true });
  await panes.mount(host);
  const numbered = withWordNumbering(logicalParagraphs(paragraphsFromText(planText(SEED_004))).map((p) => p.text));
  const file = new File([docxBytes(numbered.paragraphs, numbered.lists) as Uint8Array<ArrayBuffer>], "ke-hoach.docx");
  for (const expected of [APPENDIX, `${APPENDIX} (2)`]) {
    await act(async () => {
      fireEvent.change(screen.getByTestId("appendix-docx-file"), { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getByTestId("appendix-outcome")).toHaveTextContent(`“${expected}”`));
  }
  expect(host.sheetNames()).toEqual(["Sheet1", APPENDIX, `${APPENDIX} (2)`]);
  const result = checkWorkbook([writtenGrid(host, `${APPENDIX} (2)`)]);
  if (!result.ok) throw new Error("no table");
  expectSeed004Figures(result.checks[0] as TaskCheck);
});

test("a sheet whose text holds no labelled task: the no-tasks message, nothing written; a file that is no document is named", async () => {
  const host = createHost();
  host.addSheet("Ghi chú", [["1. Mục đích"], ["- Nâng cao nhận thức."], ["2. Yêu cầu"], ["- Bám sát chủ trương."]], { activate: true });
  await panes.mount(host);
  await act(async () => {
    fireEvent.click(screen.getByTestId("appendix-from-sheet"));
  });
  expect(await outcome()).toHaveTextContent(/Không tìm thấy nhiệm vụ nào trong văn bản .* 2 đề mục đánh số/);
  expect(host.sheetNames()).toEqual(["Ghi chú"]);
  await act(async () => {
    fireEvent.change(screen.getByTestId("appendix-docx-file"), { target: { files: [new File(["không phải docx"], "ghi-chu.docx")] } });
  });
  await waitFor(() => expect(screen.getByTestId("appendix-outcome")).toHaveTextContent(/Không đọc được “ghi-chu\.docx”/));
  // The reason in the pane's language, never the Word reader's English line.
  expect(screen.getByTestId("appendix-outcome")).toHaveTextContent(/không phải văn bản Word \.docx/);
  expect(screen.getByTestId("appendix-outcome")).not.toHaveTextContent(/not a Word/);
  expect(host.sheetNames()).toEqual(["Ghi chú"]);
});

test("on Excel 2016 (ExcelApi 1.1): the table is written without merges or frozen rows, and still checks to the figures", async () => {
  const host = createHost({ requirementSets: { ExcelApi: "1.1" } });
  host.addSheet("Kế hoạch", seedRows(), { activate: true });
  await panes.mount(host);
  await act(async () => {
    fireEvent.click(screen.getByTestId("appendix-from-sheet"));
  });
  expect(await outcome()).toHaveTextContent(`Đã tạo trang tính “${APPENDIX}”`);
  expect(host.mergesOf(APPENDIX)).toEqual([]);
  const result = checkWorkbook([writtenGrid(host, APPENDIX)]);
  if (!result.ok) throw new Error("no table");
  expectSeed004Figures(result.checks[0] as TaskCheck);
});
