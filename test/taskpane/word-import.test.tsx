/** @jest-environment jsdom */
/**
 * "Nhập từ Word" in the pane against the in-memory host: a .docx picked, its tables listed with what the engine
 * finds in each, the chosen one written into a new sheet with its merged cells and Word's automatic numbers, which
 * the Check button then checks as the seed; an old .doc gets its reason. And .docx replies in the consolidation.
 */
import "./jsdom-globals";
import "@testing-library/jest-dom";
import * as fs from "fs";
import * as path from "path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createHost } from "../excel-host";
import { FIXTURES, SEED_APPENDIX_XLSX } from "../support/fixtures";
import { panePerTest } from "./pane-harness";

const WORD = path.join(FIXTURES, "word");
const fileOf = (p: string, name = path.basename(p)) => new File([new Uint8Array(fs.readFileSync(p)) as Uint8Array<ArrayBuffer>], name);

const panes = panePerTest();

function hostWithOneSheet() {
  const host = createHost();
  host.addSheet("Kế hoạch", [["Sổ của Sở Ngoại vụ"]]);
  return host;
}

it("lists the tables of a picked .docx and writes the chosen one into a new sheet with its merges", async () => {
  const { host } = await panes.mount(hostWithOneSheet());
  fireEvent.change(screen.getByTestId("word-import-file"), { target: { files: [fileOf(path.join(WORD, "seed-001-plan.docx"))] } });
  const list = await screen.findByTestId("word-import-tables");
  const items = within(list).getAllByTestId("word-import-table");
  expect(items).toHaveLength(3);
  expect(items[2]).toHaveTextContent("Bảng 3: 34 dòng × 5 cột");
  expect(items[2]).toHaveTextContent("bảng nhiệm vụ, 25 nhiệm vụ");
  expect(items[0]).toHaveTextContent("không phải bảng nhiệm vụ");
  expect(host.sheetNames()).toEqual(["Kế hoạch"]); // nothing written before the choice

  fireEvent.click(screen.getByTestId("word-import-write-3"));
  const notice = await screen.findByTestId("notice");
  expect(notice).toHaveTextContent("Đã ghi bảng 3 vào trang tính “Bảng 3”");
  expect(host.sheetNames()).toEqual(["Kế hoạch", "Bảng 3"]);
  const sheet = host.sheet("Bảng 3");
  expect(sheet.cell("A1").value).toBe("STT");
  expect(sheet.cell("A3").value).toBe("1."); // Word's automatic number, as text
  expect(sheet.cell("C1").value).toBe("Cơ quan chủ trì\ntham mưu/thực hiện");
  expect(host.mergesOf("Bảng 3")).toEqual(expect.arrayContaining(["B2:E2", "E4:E5", "C31:C32", "E31:E32"]));
  expect(host.mergesOf("Bảng 3")).toHaveLength(11);

  // The officer then checks the new sheet in Excel: the seed's figures.
  await act(async () => {
    fireEvent.click(screen.getByTestId("check-button"));
  });
  const summary = await screen.findByTestId("result-summary");
  expect(summary).toHaveTextContent("25 nhiệm vụ trong 8 mục");
  expect(screen.getByTestId("result-title")).toHaveTextContent("Bảng 3");
});

it("an old .doc renamed .docx gets its reason, and nothing is written", async () => {
  const pane = await panes.mount(hostWithOneSheet());
  fireEvent.change(screen.getByTestId("word-import-file"), {
    target: { files: [fileOf(path.join(WORD, "hostile", "word97-binary-renamed.docx"))] },
  });
  const failure = await screen.findByTestId("word-import-failure");
  expect(failure).toHaveTextContent("Word 97-2003 (.doc)");
  expect(failure).toHaveTextContent("lưu lại dưới dạng .docx");
  expect(pane.host.sheetNames()).toEqual(["Kế hoạch"]);
});

it("the consolidation reads .docx replies beside .xlsx ones", async () => {
  const pane = await panes.mount(hostWithOneSheet());
  await act(async () => {
    fireEvent.click(screen.getByTestId("consolidate-tab"));
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  await screen.findByTestId("consolidate-files");
  fireEvent.change(screen.getByTestId("consolidate-files"), {
    target: {
      files: [
        fileOf(SEED_APPENDIX_XLSX, "so-ngoai-vu.xlsx"),
        fileOf(path.join(WORD, "seed-001-plan.docx"), "ubnd-tinh.docx"),
        fileOf(path.join(WORD, "hostile", "word97-binary-renamed.docx"), "cu.docx"),
      ],
    },
  });
  await waitFor(() => {
    const list = screen.queryAllByTestId("consolidate-file-status");
    expect(list).toHaveLength(3);
    for (const el of list) expect(["waiting", "reading"]).not.toContain(el.dataset.status);
  });
  const [, word, old] = screen.getAllByTestId("consolidate-file-status");
  expect(word.dataset.status).toBe("tables");
  expect(word).toHaveTextContent("1 bảng, 25 dòng nhiệm vụ");
  expect(old.dataset.status).toBe("unreadable");
  expect(old).toHaveTextContent("Word 97-2003 (.doc)");
  const summary = await screen.findByTestId("consolidate-summary");
  expect(summary.dataset.rowsIn).toBe("50");
  expect(summary.dataset.rowsOut).toBe("50");
  fireEvent.click(screen.getByTestId("consolidate-write-button"));
  await screen.findByTestId("notice");
  const rows = pane.host
    .sheet("Dữ liệu hợp nhất")
    .values()
    .slice(3)
    .filter((r) => r[1] === "ubnd-tinh.docx");
  expect(rows).toHaveLength(25);
  expect(rows.every((r) => r[2] === "Bảng 3")).toBe(true);
  expect(rows.map((r) => r[3])).toContain(34);
});
