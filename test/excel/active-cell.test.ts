/**
 * readActiveCell (the agency picker's target, issue 16) against the in-memory host: the active cell where Excel has
 * it (ExcelApi 1.7), the top-left cell of the selection before that, in one round trip.
 */
import { readActiveCell } from "../../src/excel/active-cell";
import { runInExcel } from "../../src/excel/run";
import { createHost, installOfficeGlobals } from "../excel-host";
import type { HostOptions } from "../excel-host";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function hostWith(options: HostOptions = {}) {
  const host = createHost(options);
  host.addSheet("Khác", [["x"]]);
  host.addSheet("Phụ lục", [
    ["STT", "Nội dung", "Chủ trì", "Phối hợp"],
    [1, "Việc", "Sở Ngoại vụ", "- Sở Y tế\n- Sở Tư pháp"],
    [2, "Việc khác", "=C2", null],
  ]);
  uninstall = installOfficeGlobals(host);
  return host;
}

test("reads the sheet, address and text of the active cell, line breaks kept, in one round trip", async () => {
  const host = hostWith();
  host.selection = "'Phụ lục'!D2:D3";
  host.resetSyncCount();
  const cell = await runInExcel((context) => readActiveCell(context));
  expect(cell).toEqual({ sheet: "Phụ lục", address: "D2", text: "- Sở Y tế\n- Sở Tư pháp", formula: false });
  expect(host.syncCount).toBe(1);
});

test("says when the cell holds a formula, and reads an empty cell as empty text", async () => {
  const host = hostWith();
  host.selection = "'Phụ lục'!C3";
  expect(await runInExcel((context) => readActiveCell(context))).toMatchObject({ address: "C3", text: "Sở Ngoại vụ", formula: true });
  host.selection = "'Phụ lục'!D3";
  expect(await runInExcel((context) => readActiveCell(context))).toEqual({ sheet: "Phụ lục", address: "D3", text: "", formula: false });
});

test("takes the selection's first cell where Excel has no getActiveCell (ExcelApi 1.6)", async () => {
  const host = hostWith({ requirementSets: { ExcelApi: "1.6" } });
  host.selection = "'Phụ lục'!C2:D3";
  expect(await runInExcel((context) => readActiveCell(context))).toMatchObject({ sheet: "Phụ lục", address: "C2", text: "Sở Ngoại vụ" });
});
