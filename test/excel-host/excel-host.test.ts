/**
 * The stand-in must behave like Excel where the add-in could get it wrong: proxies that throw until
 * loaded and synced, round trips that are counted, writes checked at sync, text that Excel would
 * turn into formulas, limits of Excel on the web, cell-edit mode, protection, persistence.
 */

// These tests read proxies before load/sync on purpose: that is the behaviour under test.
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */

import { OfficeError, RequestContext, createHost, installOfficeGlobals, ExcelHost } from "./index";
import { rejection } from "./rejection";

function thrown(fn: () => unknown): OfficeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof OfficeError) return e;
    throw e;
  }
  throw new Error("expected a throw");
}

const appendix = [
  ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
  ["I", "Kinh tế số", null, null, null],
  [1, "Xây dựng kế hoạch", "Sở Ngoại vụ", "Sở Tài chính", "Quý IV/2022"],
  [2, "Tổ chức hội nghị", "Sở Nội vụ", null, 2023],
];

describe("proxies: load, sync and PropertyNotLoaded", () => {
  test("reading a property before load and sync throws PropertyNotLoaded", async () => {
    const host = createHost();
    host.addSheet("Phụ lục", appendix);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Phụ lục").getRange("A1:E4");
      const before = thrown(() => range.values);
      expect(before.code).toBe("PropertyNotLoaded");
      expect(before.message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      expect(before.debugInfo.errorLocation).toBe("Range.values");

      range.load("values, address");
      // Queued but not synced: still not available.
      expect(thrown(() => range.values).code).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values[2]).toEqual([1, "Xây dựng kế hoạch", "Sở Ngoại vụ", "Sở Tài chính", "Quý IV/2022"]);
      expect(range.values[1][2]).toBe("");
      expect(range.address).toBe("'Phụ lục'!A1:E4");
      // Loading values does not load formulas.
      expect(thrown(() => range.formulas).code).toBe("PropertyNotLoaded");
    });
  });

  test("loaded values are a snapshot of the sync that loaded them", async () => {
    const host = createHost();
    host.addSheet("S", [["a"]]);
    await host.run(async (context) => {
      const a1 = context.workbook.worksheets.getItem("S").getRange("A1");
      a1.load("values");
      await context.sync();
      host.sheet("S").setCell("A1", "changed by the user");
      expect(a1.values).toEqual([["a"]]);
      a1.load("values");
      await context.sync();
      expect(a1.values).toEqual([["changed by the user"]]);
    });
  });

  test("a sparse fixture row (a stray value in XFD) puts in the cells it holds, at their columns", async () => {
    const host = createHost();
    const row: Array<string | number> = ["a"];
    row[16_383] = 1;
    host.addSheet("S", [row, [], ["b", "c"]]);
    expect(host.workbook.sheetByName("S")!.cells.size).toBe(4);
    expect(host.sheet("S").cell("XFD1").value).toBe(1);
    expect(host.sheet("S").cell("A1").value).toBe("a");
    expect(host.sheet("S").cell("B3").value).toBe("c");
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("S").getUsedRange(true).load("address");
      await context.sync();
      // Rows A to XFD are whole rows, which Excel names by their numbers.
      expect(used.address).toBe("S!1:3");
    });
  });

  test("writes are queued, applied in order at sync, and echoed locally as Office.js does", async () => {
    const host = createHost();
    host.addSheet("S");
    const context = host.newContext();
    const r = context.workbook.worksheets.getItem("S").getRange("A1:B1");
    r.values = [["first", 1]];
    r.values = [["second", 2]];
    expect(host.sheet("S").cell("A1").value).toBe("");
    expect(r.values).toEqual([["second", 2]]);
    await context.sync();
    expect(host.sheet("S").cell("A1").value).toBe("second");
    expect(host.sheet("S").cell("B1").value).toBe(2);
  });

  test("nested load paths and collections: items/name, format/fill/color", async () => {
    const host = createHost();
    host.addSheet("One");
    host.addSheet("Two");
    host.sheet("One").format("B2", { fill: "#FFC7CE", bold: true });
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe("PropertyNotLoaded");
      sheets.load("items/name");
      const b2 = sheets.getItem("One").getRange("B2");
      b2.load("format/fill/color, format/font/bold");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["One", "Two"]);
      expect(thrown(() => sheets.items[0].position).code).toBe("PropertyNotLoaded");
      expect(b2.format.fill.color).toBe("#FFC7CE");
      expect(b2.format.font.bold).toBe(true);
    });
  });

  test("a mixed format reads as null, a cell without fill as white", async () => {
    const host = createHost();
    host.addSheet("S");
    host.sheet("S").format("A1", { fill: "#FFFF00" });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const mixed = ws.getRange("A1:A2").format.fill.load("color");
      const plain = ws.getRange("B1:B2").format.fill.load("color");
      await context.sync();
      expect(mixed.color).toBeNull();
      expect(plain.color).toBe("#FFFFFF");
    });
  });

  test("getItem on a missing sheet fails at sync with ItemNotFound; getItemOrNullObject does not", async () => {
    const host = createHost();
    host.addSheet("S");
    await host.run(async (context) => {
      const missing = context.workbook.worksheets.getItem("Không có");
      missing.load("name"); // nothing fails yet: the proxy is only resolved at sync
      const error = await rejection(context.sync());
      expect(error.code).toBe("ItemNotFound");
      expect(error.debugInfo.errorLocation).toBe("Worksheet.load");

      const maybe = context.workbook.worksheets.getItemOrNullObject("Không có");
      expect(thrown(() => maybe.isNullObject).code).toBe("PropertyNotLoaded");
      const present = context.workbook.worksheets.getItemOrNullObject("s");
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test("a failing action stops the batch: earlier writes stay, loads of that batch are not delivered", async () => {
    const host = createHost();
    host.addSheet("S");
    const context = host.newContext();
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [["kept"]];
    const a1 = ws.getRange("A1").load("values");
    ws.getRange("A2:B2").values = [["only one"]];
    ws.getRange("A3").values = [["never written"]];
    const error = await rejection(context.sync());
    expect(error.code).toBe("InvalidArgument");
    expect(error.debugInfo.errorLocation).toBe("Range.values");
    expect(host.sheet("S").cell("A1").value).toBe("kept");
    expect(host.sheet("S").cell("A3").value).toBe("");
    expect(thrown(() => a1.values).code).toBe("PropertyNotLoaded");
  });

  test("ClientResult values arrive with the sync", async () => {
    const host = createHost();
    host.addSheet("A");
    host.addSheet("B");
    await host.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(thrown(() => count.value).code).toBe("ValueNotLoaded");
      await context.sync();
      expect(count.value).toBe(2);
    });
  });

  test("Excel.run syncs what is left after the batch, and refuses a batch that returns no promise", async () => {
    const host = createHost();
    host.addSheet("S");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("C3").values = [["after run"]];
    });
    expect(host.sheet("S").cell("C3").value).toBe("after run");
    const error = await rejection(host.run((() => undefined) as unknown as (c: RequestContext) => Promise<void>));
    expect(error.code).toBe("RunMustReturnPromise");
  });
});

describe("round trips", () => {
  test("only syncs that carry actions are counted; resetSyncCount starts again", async () => {
    const host = createHost();
    host.addSheet("S", appendix);
    await host.run(async (context) => {
      await context.sync(); // nothing queued: no round trip
      const used = context.workbook.worksheets.getItem("S").getUsedRange().load("values");
      await context.sync();
      used.format.fill.color = "#FFFF00";
      await context.sync();
      await context.sync();
    });
    expect(host.syncCount).toBe(2);
    host.resetSyncCount();
    expect(host.syncCount).toBe(0);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1").format.font.bold = true;
    });
    expect(host.syncCount).toBe(1);
  });
});

describe("merged cells", () => {
  test("merges of the workbook come back with Excel's address format", async () => {
    const host = createHost();
    host.addSheet("Sheet1", appendix, { merges: ["B2:E2", "A3:A4"] });
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Sheet1").getUsedRange();
      const merged = used.getMergedAreasOrNullObject();
      merged.load("address, areaCount, areas/items/address, areas/items/rowIndex, areas/items/rowCount");
      await context.sync();
      expect(merged.isNullObject).toBe(false);
      expect(merged.address).toBe("Sheet1!B2:E2, Sheet1!A3:A4");
      expect(merged.areaCount).toBe(2);
      expect(merged.areas.items.map((a) => a.address)).toEqual(["Sheet1!B2:E2", "Sheet1!A3:A4"]);
      expect(merged.areas.items.map((a) => [a.rowIndex, a.rowCount])).toEqual([
        [1, 1],
        [2, 2],
      ]);
    });
  });

  test("no merges is a null object; merges starting above the range are not reported (as in Excel)", async () => {
    const host = createHost();
    host.addSheet("S", appendix, { merges: ["A2:A4"] });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const none = ws.getRange("B1:E4").getMergedAreasOrNullObject();
      const startsAbove = ws.getRange("A3:E4").getMergedAreasOrNullObject();
      const whole = ws.getRange("A1:E4").getMergedAreasOrNullObject().load("address");
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(startsAbove.isNullObject).toBe(true);
      expect(whole.address).toBe("S!A2:A4");
    });
  });

  test("merge() and merge(true) through the API land in the workbook; unmerge() removes them", async () => {
    const host = createHost();
    host.addSheet("S", [
      ["title", "dropped"],
      ["x", "y"],
      ["p", "q"],
    ]);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:B1").merge();
      ws.getRange("A2:B3").merge(true);
      await context.sync();
    });
    expect(host.mergesOf("S")).toEqual(["A1:B1", "A2:B2", "A3:B3"]);
    // Excel keeps only the upper-left value of a merged area.
    expect(host.sheet("S").cell("B1").value).toBe("");
    expect(host.sheet("S").cell("A1").mergedArea).toBe("A1:B1");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B2").unmerge();
    });
    expect(host.mergesOf("S")).toEqual(["A3:B3"]);
  });

  test("more merged areas than Excel returns at once is an error", async () => {
    const host = createHost();
    const rows = Array.from({ length: 1200 }, (_, i) => [`r${i}`, null]);
    const merges = Array.from({ length: 600 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`);
    host.addSheet("S", rows, { merges });
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:B1200").getMergedAreasOrNullObject().load("address");
      expect((await rejection(context.sync())).code).toBe("GeneralException");
      const half = ws.getRange("A1:B600").getMergedAreasOrNullObject().load("areaCount");
      await context.sync();
      expect(half.areaCount).toBe(300);
    });
  });
});

describe("sheet names", () => {
  async function addSheet(host: ExcelHost, name: string): Promise<OfficeError | null> {
    try {
      await host.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      });
      return null;
    } catch (e) {
      if (e instanceof OfficeError) return e;
      throw e;
    }
  }

  test("Excel's rules: 31 characters, no []:*?/\\, no edge apostrophe, not blank, unique ignoring case", async () => {
    const host = createHost();
    host.addSheet("Phụ lục");
    expect(await addSheet(host, "x".repeat(31))).toBeNull();
    expect((await addSheet(host, "y".repeat(32)))?.code).toBe("InvalidArgument");
    expect((await addSheet(host, "[x]"))?.code).toBe("InvalidArgument");
    for (const bad of ["a:b", "a*b", "a?b", "a/b", "a\\b", "'quoted", "quoted'", "   ", ""]) {
      expect((await addSheet(host, bad))?.code).toBe("InvalidArgument");
    }
    expect((await addSheet(host, "PHỤ LỤC"))?.code).toBe("ItemAlreadyExists");
    expect(await addSheet(host, "Tổng hợp cơ quan")).toBeNull();
    expect(await addSheet(host, "it's fine")).toBeNull();
    expect(host.sheetNames()).toEqual(["Phụ lục", "x".repeat(31), "Tổng hợp cơ quan", "it's fine"]);
  });

  test("renaming follows the same rules; addresses quote names that need it", async () => {
    const host = createHost();
    host.addSheet("Data", [[1]]);
    host.addSheet("Other");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.name = "other";
      expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
      ws.name = "Danh sách lỗi";
      const a1 = ws.getRange("A1").load("address");
      await context.sync();
      expect(a1.address).toBe("'Danh sách lỗi'!A1");
    });
    expect(host.sheetNames()).toEqual(["Danh sách lỗi", "Other"]);
  });
});

describe("values are entries, as if typed", () => {
  test('"=1+1" written through values becomes a formula, as in Excel', async () => {
    const host = createHost();
    host.addSheet("S");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:A2").values = [["=1+1"], ["=A1*10"]];
      const r = ws.getRange("A1:A2").load("values, formulas, valueTypes, text");
      await context.sync();
      expect(r.values).toEqual([[2], [20]]);
      expect(r.formulas).toEqual([["=1+1"], ["=A1*10"]]);
      expect(r.valueTypes).toEqual([["Double"], ["Double"]]);
    });
    expect(host.sheet("S").cell("A1").formula).toBe("=1+1");
  });

  test("a leading apostrophe keeps text; Excel drops the apostrophe from values and formulas", async () => {
    const host = createHost();
    host.addSheet("S");
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:B1");
      r.values = [["'=1+1", "'0123"]];
      r.load("values, formulas, valueTypes, text");
      await context.sync();
      expect(r.values).toEqual([["=1+1", "0123"]]);
      expect(r.formulas).toEqual([["=1+1", "0123"]]);
      expect(r.valueTypes).toEqual([["String", "String"]]);
      expect(r.text).toEqual([["=1+1", "0123"]]);
    });
    expect(host.sheet("S").cell("A1").formula).toBeNull();
  });

  test("an address written as text loses its leading apostrophe, like any typed entry", async () => {
    const host = createHost();
    host.addSheet("S");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["'Phụ lục'!A4", "''Phụ lục'!A4"]];
    });
    expect(host.sheet("S").cell("A1").value).toBe("Phụ lục'!A4");
    expect(host.sheet("S").cell("B1").value).toBe("'Phụ lục'!A4");
  });

  test("text starting with -, + or @ is read as a formula too, or refused", async () => {
    const host = createHost();
    host.addSheet("S");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:C1").values = [["- Sở Nội vụ", "+84", "@Sở"]];
      await context.sync();
      ws.getRange("A2").values = [["- UBND tỉnh, các sở"]];
      const error = await rejection(context.sync());
      expect(error.code).toBe("InvalidArgument");
    });
    const s = host.sheet("S");
    expect(s.cell("A1").formula).toBe("=- Sở Nội vụ");
    expect(s.cell("A1").value).toBe("#NAME?");
    expect(s.cell("B1").value).toBe(84);
    expect(s.cell("C1").formula).toBe("=@Sở");
  });

  test("numbers, booleans, dates and errors are parsed; a Text (@) cell keeps strings as written", async () => {
    const host = createHost();
    host.addSheet("S");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:F1").values = [["01", "1.10", "TRUE", "12/2022", "#N/A", "50%"]];
      const text = ws.getRange("A2:C2");
      text.numberFormat = [["@", "@", "@"]];
      text.values = [["01", "=1+1", "12/2022"]];
      const r = ws.getRange("A1:F2").load("values, valueTypes, text");
      await context.sync();
      expect(r.values[0]).toEqual([1, 1.1, true, 44896, "#N/A", 0.5]);
      expect(r.valueTypes[0]).toEqual(["Double", "Double", "Boolean", "Double", "Error", "Double"]);
      expect(r.text[0]).toEqual(["1", "1.1", "TRUE", "Dec-22", "#N/A", "50%"]);
      expect(r.values[1]).toEqual(["01", "=1+1", "12/2022", "", "", ""]);
    });
    expect(host.sheet("S").cell("B2").formula).toBeNull();
  });

  test('null leaves a cell unchanged, "" empties it; the array must match the range', async () => {
    const host = createHost();
    host.addSheet("S", [["a", "b", "c"]]);
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:C1");
      r.values = [[null, "", "z"]] as unknown as string[][];
      await context.sync();
      r.values = [["x", "y"]];
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      r.values = [["x"], ["y"]];
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
    expect(host.sheet("S").values("A1:C1")).toEqual([["a", "", "z"]]);
  });
});

describe("protection", () => {
  test("writing to a protected sheet fails with AccessDenied and changes nothing; reading still works", async () => {
    const host = createHost();
    host.addSheet("S", appendix).protect();
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("B3").values = [["changed"]];
      const error = await rejection(context.sync());
      expect(error.code).toBe("AccessDenied");
      ws.getRange("B3").format.fill.color = "yellow";
      expect((await rejection(context.sync())).code).toBe("AccessDenied");
      const b3 = ws.getRange("B3").load("values");
      ws.protection.load("protected");
      await context.sync();
      expect(b3.values).toEqual([["Xây dựng kế hoạch"]]);
      expect(ws.protection.protected).toBe(true);
    });
    expect(host.sheet("S").cell("B3").fill).toBeNull();
  });
});

describe("limits of Excel on the web", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`Nhiệm vụ số ${i + 1}`, "Sở Ngoại vụ", "Quý IV/2022"]);

  test("a request over the payload limit fails whole on the web, and succeeds when chunked", async () => {
    const host = createHost({ platform: "web", payloadLimitBytes: 20_000 });
    host.addSheet("S");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:C1000").values = rows(1000);
      const error = await rejection(context.sync());
      expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
      expect(error.message).toMatch(/^The request payload size has exceeded the limit/);
    });
    expect(host.sheet("S").usedAddress()).toBeNull();
    host.resetSyncCount();
    const data = rows(1000);
    for (let start = 0; start < 1000; start += 250) {
      await host.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange(`A${start + 1}:C${start + 250}`).values = data.slice(start, start + 250);
      });
    }
    expect(host.syncCount).toBe(4);
    expect(Math.max(...host.requestBytes)).toBeLessThanOrEqual(20_000);
    expect(host.sheet("S").cell("A1000").value).toBe("Nhiệm vụ số 1000");
  });

  test("the limit applies to responses too, and not at all on the desktop", async () => {
    const web = createHost({ platform: "web", payloadLimitBytes: 20_000 });
    web.addSheet("S", rows(1000));
    const error = await rejection(
      web.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:C1000").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");

    const desktop = createHost({ platform: "windows", payloadLimitBytes: 20_000 });
    desktop.addSheet("S");
    await desktop.run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:C1000").values = rows(1000);
    });
    expect(desktop.sheet("S").usedAddress()).toBe("A1:C1000");
  });

  test("a request carries the paths of the objects it acts on: a long getRanges address counts, once", async () => {
    const host = createHost({ platform: "web" });
    host.addSheet("S");
    const list = Array.from({ length: 1200 }, (_, i) => `A${i * 2 + 1}`).join(",");
    await host.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("S").getRanges(list);
      areas.format.fill.color = "#FFC7CE";
      areas.format.font.bold = true;
      await context.sync();
    });
    const [bytes] = host.requestBytes;
    expect(bytes).toBeGreaterThan(list.length);
    expect(bytes).toBeLessThan(list.length + 1000);
  });

  test("payloads are counted in UTF-8 bytes: Vietnamese text under the limit in characters is refused over it in bytes", async () => {
    // "Phối hợp thực hiện" is 18 characters and 26 bytes of UTF-8; 800 of them are ~16,000 characters, ~22,400 bytes.
    const text = Array.from({ length: 800 }, () => ["Phối hợp thực hiện"]);
    const chars = JSON.stringify(text).length;
    const bytes = new TextEncoder().encode(JSON.stringify(text)).length;
    expect(chars).toBeLessThan(20_000);
    expect(bytes).toBeGreaterThan(20_000);
    const host = createHost({ platform: "web", payloadLimitBytes: 20_000 });
    host.addSheet("S", text);
    host.resetSyncCount();
    const error = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1:A800").load("values");
        await context.sync();
      }),
    );
    expect(error.name).toBe("RichApi.Error");
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
    expect(host.responseBytes[0]).toBe(bytes);
    const write = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("B1:B800").values = text;
        await context.sync();
      }),
    );
    expect(write.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(host.sheet("S").cell("B1").value).toBe("");
  });

  test("a read of more than five million cells fails everywhere", async () => {
    const host = createHost();
    host.addSheet("S", [[1]]);
    const error = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A:F").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("RangeExceedsLimit");
  });
});

describe("cell-edit mode", () => {
  test("every sync is refused while the user edits a cell, and works once they stop", async () => {
    const host = createHost();
    host.addSheet("S");
    host.editing = true;
    const attempt = () =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").values = [["done"]];
        await context.sync();
      });
    const first = await rejection(attempt());
    expect(first.code).toBe("InvalidOperationInCellEditMode");
    expect(first.message).toMatch(/cell-editing mode/);
    expect((await rejection(attempt())).code).toBe("InvalidOperationInCellEditMode");
    expect(host.sheet("S").cell("A1").value).toBe("");
    host.editing = false;
    await attempt();
    expect(host.sheet("S").cell("A1").value).toBe("done");
    expect(host.syncCount).toBe(3);
  });
});

describe("what travels with the workbook", () => {
  test("settings persist across Excel.run calls", async () => {
    const host = createHost();
    host.addSheet("S");
    await host.run(async (context) => {
      context.workbook.settings.add("appendixChecker.sheets", { issues: "Danh sách lỗi", ids: ["{1}"] });
    });
    const value = await host.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject("appendixChecker.sheets");
      const missing = context.workbook.settings.getItemOrNullObject("nothing");
      setting.load("value");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      return setting.value;
    });
    expect(value).toEqual({ issues: "Danh sách lỗi", ids: ["{1}"] });
    expect(host.settings.get("appendixChecker.sheets")).toEqual(value);
    await host.run(async (context) => {
      context.workbook.settings.getItem("appendixChecker.sheets").delete();
    });
    expect(host.settings.has("appendixChecker.sheets")).toBe(false);
  });

  test("custom XML parts: add, find by namespace, read back, delete", async () => {
    const host = createHost();
    host.addSheet("S");
    const ns = "urn:appendix-checker:v1";
    await host.run(async (context) => {
      context.workbook.customXmlParts.add(`<?xml version="1.0"?><marks xmlns="${ns}"><sheet id="1">Issues</sheet></marks>`);
      context.workbook.customXmlParts.add("<not-closed>");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
    expect(host.customXmlParts.map((p) => p.namespaceUri)).toEqual([ns]);
    const xml = await host.run(async (context) => {
      const part = context.workbook.customXmlParts.getByNamespace(ns).getOnlyItemOrNullObject();
      const none = context.workbook.customXmlParts.getByNamespace("urn:other").getOnlyItemOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
      const text = part.getXml();
      await context.sync();
      part.delete();
      return text.value;
    });
    expect(xml).toContain('<sheet id="1">Issues</sheet>');
    expect(host.customXmlParts).toEqual([]);
  });

  test("worksheet custom properties (ExcelApi 1.12) stay with their sheet, not with its name", async () => {
    const host = createHost();
    host.addSheet("Data", appendix);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.add("Issues");
      ws.customProperties.add("appendixChecker.owned", "summary");
      ws.customProperties.add("APPENDIXCHECKER.OWNED", "again"); // keys ignore case: this overwrites
    });
    expect(host.sheet("Issues").customProperties).toEqual({ "appendixChecker.owned": "again" });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Issues").name = "Renamed";
      context.workbook.worksheets.add("Issues");
    });
    const found = await host.run(async (context) => {
      const kept = context.workbook.worksheets
        .getItem("Renamed")
        .customProperties.getItemOrNullObject("appendixchecker.owned")
        .load("key, value");
      const fresh = context.workbook.worksheets.getItem("Issues").customProperties.getItemOrNullObject("appendixChecker.owned");
      const all = context.workbook.worksheets.getItem("Renamed").customProperties.load("items/key");
      await context.sync();
      return { kept: kept.isNullObject ? null : [kept.key, kept.value], fresh: fresh.isNullObject, keys: all.items.map((p) => p.key) };
    });
    expect(found).toEqual({ kept: ["appendixChecker.owned", "again"], fresh: true, keys: ["appendixChecker.owned"] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Renamed").customProperties.getItem("appendixChecker.owned").delete();
    });
    expect(host.sheet("Renamed").customProperties).toEqual({});
    host.requirementSets = { ExcelApi: "1.11" };
    const error = await rejection(
      host.run(async (context) => context.workbook.worksheets.getItem("Issues").customProperties.load("items")),
    );
    expect(error.code).toBe("ApiNotFound");
  });
});

describe("worksheets, tables, charts and the rest of the surface", () => {
  test("adding, activating, positioning and deleting sheets", async () => {
    const host = createHost();
    host.addSheet("Data", appendix);
    await host.run(async (context) => {
      const summary = context.workbook.worksheets.add("Tổng hợp cơ quan");
      summary.position = 0;
      summary.activate();
      summary.load("name, position");
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(summary.position).toBe(0);
      expect(active.name).toBe("Tổng hợp cơ quan");
    });
    expect(host.sheetNames()).toEqual(["Tổng hợp cơ quan", "Data"]);
    expect(host.activeSheet).toBe("Tổng hợp cơ quan");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Tổng hợp cơ quan").delete();
    });
    expect(host.sheetNames()).toEqual(["Data"]);
    const lastOne = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Data").delete();
      }),
    );
    expect(lastOne.code).toBe("InvalidOperation");
  });

  test("getRangeByIndexes, getCell, getResizedRange, getOffsetRange, getRow, getColumn, getEntireRow", async () => {
    const host = createHost();
    host.addSheet("S", appendix);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      const block = ws.getRangeByIndexes(2, 1, 2, 3);
      const list = [
        block,
        block.getCell(1, 2),
        block.getResizedRange(1, -1),
        block.getOffsetRange(-1, 1),
        block.getRow(1),
        block.getColumn(0),
        block.getEntireRow(),
        ws.getRange("B:B"),
        ws.getRange("3:4"),
      ].map((r) => r.load("address, rowIndex, columnIndex, rowCount, columnCount"));
      await context.sync();
      expect(list.map((r) => r.address)).toEqual([
        "S!B3:D4",
        "S!D4",
        "S!B3:C5",
        "S!C2:E3",
        "S!B4:D4",
        "S!B3:B4",
        "S!3:4",
        "S!B:B",
        "S!3:4",
      ]);
      expect([list[0].rowIndex, list[0].columnIndex, list[0].rowCount, list[0].columnCount]).toEqual([2, 1, 2, 3]);
      ws.getRange("A1").getOffsetRange(-1, 0).load("address");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      ws.getRange("ZZZZ1").load("address");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  test("used range: an empty sheet answers A1, or a null object", async () => {
    const host = createHost();
    host.addSheet("Empty");
    host.addSheet("Data", appendix, { origin: "B3" });
    host.sheet("Data").format("H20", { fill: "#FFFF00" });
    await host.run(async (context) => {
      const empty = context.workbook.worksheets.getItem("Empty");
      const data = context.workbook.worksheets.getItem("Data");
      const a = empty.getUsedRange().load("address");
      const b = empty.getUsedRangeOrNullObject();
      const c = data.getUsedRange(true).load("address");
      const d = data.getUsedRange().load("address");
      await context.sync();
      expect(a.address).toBe("Empty!A1");
      expect(b.isNullObject).toBe(true);
      expect(c.address).toBe("Data!B3:F6");
      expect(d.address).toBe("Data!B3:H20");
    });
  });

  test("highlights through RangeAreas, one call per colour, and clearing only those cells", async () => {
    const host = createHost();
    host.addSheet("S", appendix);
    host.sheet("S").format("E4", { fill: "#00FF00" }); // the user's own fill
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRanges("C3, A4:B4").format.fill.color = "#FFC7CE";
      ws.getRanges("D4").format.fill.color = "#FFEB9C";
    });
    expect(host.syncCount).toBe(1);
    const s = host.sheet("S");
    expect([s.cell("C3").fill, s.cell("A4").fill, s.cell("B4").fill, s.cell("D4").fill]).toEqual([
      "#FFC7CE",
      "#FFC7CE",
      "#FFC7CE",
      "#FFEB9C",
    ]);
    await host.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("S").getRanges("C3, A4:B4, D4");
      areas.format.fill.clear();
      areas.load("address, areaCount");
      await context.sync();
      expect(areas.address).toBe("S!C3, S!A4:B4, S!D4");
    });
    expect([s.cell("C3").fill, s.cell("D4").fill, s.cell("E4").fill]).toEqual([null, null, "#00FF00"]);
    const tooLong = Array.from({ length: 2000 }, (_, i) => `A${i + 1}`).join(",");
    expect(tooLong.length).toBeGreaterThan(8192);
    const error = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRanges(tooLong).format.fill.color = "red";
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });

  test("getCellProperties remembers fills; setCellProperties puts them back (no fill stays no fill)", async () => {
    const host = createHost();
    host.addSheet("S", appendix);
    host.sheet("S").format("B3", { fill: "#00B050" });
    const saved = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A3:B3");
      const props = r.getCellProperties({ address: true, format: { fill: { color: true, pattern: true } } });
      r.format.fill.color = "#FFC7CE";
      await context.sync();
      return props.value;
    });
    expect(saved).toEqual([
      [
        { address: "S!A3", format: { fill: { color: "#FFFFFF", pattern: "None" } } },
        { address: "S!B3", format: { fill: { color: "#00B050", pattern: "Solid" } } },
      ],
    ]);
    expect(host.sheet("S").cell("A3").fill).toBe("#FFC7CE");
    await host.run(async (context) => {
      context.workbook.worksheets
        .getItem("S")
        .getRange("A3:B3")
        .setCellProperties(saved.map((row) => row.map((p) => ({ format: (p as { format: unknown }).format }))));
    });
    expect([host.sheet("S").cell("A3").fill, host.sheet("S").cell("B3").fill]).toEqual([null, "#00B050"]);
  });

  test("select() moves the workbook selection; getSelectedRange reads it", async () => {
    const host = createHost();
    host.addSheet("Phụ lục", appendix);
    host.addSheet("Other");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Phụ lục").getRange("B4").select();
    });
    expect(host.selection).toBe("'Phụ lục'!B4");
    expect(host.activeSheet).toBe("Phụ lục");
    host.selection = "Other!A1:B2";
    const address = await host.run(async (context) => {
      const sel = context.workbook.getSelectedRange().load("address");
      await context.sync();
      return sel.address;
    });
    expect(address).toBe("Other!A1:B2");
    host.selection = "Other!A1, Other!C3";
    const error = await rejection(
      host.run(async (context) => {
        context.workbook.getSelectedRange().load("address");
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidSelection");
  });

  test("a summary sheet: formats, hyperlinks, frozen rows, filter, table and chart", async () => {
    const host = createHost();
    host.addSheet("Phụ lục", appendix);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.add("Danh sách lỗi");
      const header = ws.getRange("A1:C1");
      header.values = [["Ô", "Mã", "Nội dung"]];
      header.format.font.bold = true;
      header.format.fill.color = "#D9E1F2";
      header.format.horizontalAlignment = "Center";
      ws.getRange("A2:C2").values = [["'Phụ lục'!A4", "missing-stt", "'- thiếu STT"]];
      ws.getRange("A2").hyperlink = { documentReference: "'Phụ lục'!A4", textToDisplay: "A4", screenTip: "Đi tới ô" };
      ws.getRange("A:C").format.wrapText = true;
      ws.getRange("B:B").format.columnWidth = 120;
      ws.getRange("A1:C2").format.autofitColumns();
      ws.freezePanes.freezeRows(1);
      ws.autoFilter.apply(ws.getRange("A1:C2"));
      const table = ws.tables.add("A4:C5", true);
      table.name = "Issues";
      const chart = ws.charts.add("BarClustered", ws.getRange("A1:B2"), "Columns");
      chart.title.text = "Số nhiệm vụ";
      const frozen = ws.freezePanes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(frozen.address).toBe("'Danh sách lỗi'!1:1");
      header.format.load("horizontalAlignment");
      ws.getRange("A1:C1").format.font.load("bold");
      await context.sync();
      expect(header.format.horizontalAlignment).toBe("Center");
    });
    const s = host.sheet("Danh sách lỗi");
    expect(s.cell("A1").bold).toBe(true);
    expect(s.cell("B1").fill).toBe("#D9E1F2");
    expect(s.cell("A2").value).toBe("A4");
    expect(s.cell("A2").hyperlink).toEqual({ documentReference: "'Phụ lục'!A4", textToDisplay: "A4", screenTip: "Đi tới ô" });
    expect(s.cell("C2").value).toBe("- thiếu STT");
    expect(s.cell("C2").formula).toBeNull();
    expect(s.cell("C40").wrapText).toBe(true); // a whole-column format reaches cells written later
    expect(s.columnWidth("B")).toBe(120);
    expect(s.frozen).toEqual({ rows: 1, columns: 0 });
    expect(s.autoFilter).toBe("A1:C2");
    expect(s.tables).toEqual([{ name: "Issues", address: "A4:C5" }]);
    expect(s.cell("A4").value).toBe("Column1");
    expect(s.charts).toEqual([{ name: "Chart 1", type: "BarClustered", title: "Số nhiệm vụ", source: "A1:B2", seriesBy: "Columns" }]);
  });

  test("invalid arguments fail at sync: colours, alignments, chart types", async () => {
    const host = createHost();
    host.addSheet("S", appendix);
    const attempts: Array<(c: RequestContext) => void> = [
      (c) => (c.workbook.worksheets.getItem("S").getRange("A1").format.fill.color = "not a colour"),
      (c) => (c.workbook.worksheets.getItem("S").getRange("A1").format.horizontalAlignment = "Middle"),
      (c) => c.workbook.worksheets.getItem("S").charts.add("Bars", c.workbook.worksheets.getItem("S").getRange("A1:B2")),
      (c) => c.workbook.worksheets.getItem("S").getRange("A1").clear("Everything"),
    ];
    for (const attempt of attempts) {
      const error = await rejection(host.run(async (c) => attempt(c)));
      expect(error.code).toBe("InvalidArgument");
    }
  });

  test("formulas: setting formulas, results, errors and #NAME? for unknown names", async () => {
    const host = createHost();
    host.addSheet("S", [[2, 3, null, "=SUM(A1:B1)", "=A1/0", "=VLOOKUPX(1)", '="Tổng: "&D1', '="#N/A"']]);
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("C1").formulas = [["=A1*B1"]];
      const r = ws.getRange("C1:H1").load("values, valueTypes, formulas");
      await context.sync();
      expect(r.values).toEqual([[6, 5, "#DIV/0!", "#NAME?", "Tổng: 5", "#N/A"]]);
      expect(r.valueTypes).toEqual([["Double", "Double", "Error", "Error", "String", "String"]]);
      expect(r.formulas[0][0]).toBe("=A1*B1");
      ws.getRange("A2").formulas = [["=1+"]];
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  test("numberFormat and text", async () => {
    const host = createHost();
    host.addSheet("S", [[1234.5, 0.25, 44896, 1 / 3, 123456789012]]);
    await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:E1");
      r.numberFormat = [["#,##0.00", "0%", "dd/mm/yyyy", "General", "General"]];
      r.load("text, numberFormat");
      await context.sync();
      expect(r.text).toEqual([["1,234.50", "25%", "01/12/2022", "0.333333333", "1.23457E+11"]]);
      expect(r.numberFormat[0][0]).toBe("#,##0.00");
    });
  });

  test("objects from another context are refused; a finished run's context cannot sync again", async () => {
    const host = createHost();
    host.addSheet("S", appendix);
    const other = host.newContext();
    const foreign = other.workbook.worksheets.getItem("S").getRange("A1:B2");
    await host.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      expect(thrown(() => ws.charts.add("Pie", foreign as never)).code).toBe("InvalidRequestContext");
    });
    let kept: RequestContext | null = null;
    let range: ReturnType<RequestContext["workbook"]["worksheets"]["getItem"]> | null = null;
    await host.run(async (context) => {
      kept = context;
      range = context.workbook.worksheets.getItem("S");
    });
    range!.load("name");
    expect((await rejection(kept!.sync())).code).toBe("InvalidObjectPath");
  });
});

describe("Office globals", () => {
  let uninstall: () => void = () => undefined;
  afterEach(() => uninstall());

  test("installOfficeGlobals provides Office, Excel and OfficeExtension bound to the host", async () => {
    const host = createHost({ platform: "web", displayLanguage: "en-US" });
    host.addSheet("S", appendix);
    uninstall = installOfficeGlobals(host);
    const g = globalThis as unknown as {
      Office: {
        onReady(): Promise<{ host: string; platform: string }>;
        context: { displayLanguage: string; requirements: { isSetSupported(n: string, v?: string): boolean } };
        HostType: { Excel: string };
        PlatformType: { OfficeOnline: string };
      };
      Excel: {
        run<T>(batch: (c: RequestContext) => Promise<T>): Promise<T>;
        RequestContext: new () => RequestContext;
        ChartType: Record<string, string>;
        ErrorCodes: Record<string, string>;
        HorizontalAlignment: Record<string, string>;
        ChartSeriesBy: Record<string, string>;
      };
      OfficeExtension: { Error: typeof OfficeError };
    };
    expect(await g.Office.onReady()).toEqual({ host: g.Office.HostType.Excel, platform: g.Office.PlatformType.OfficeOnline });
    expect(g.Office.context.displayLanguage).toBe("en-US");
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
    expect(g.Office.context.requirements.isSetSupported("ExcelApi", "1.99")).toBe(false);
    expect(g.Excel.ChartType.barClustered).toBe("BarClustered");
    expect(g.Excel.ChartSeriesBy.columns).toBe("Columns");
    expect(g.Excel.HorizontalAlignment.center).toBe("Center");
    expect(g.Excel.ErrorCodes.invalidOperationInCellEditMode).toBe("InvalidOperationInCellEditMode");

    const name = await g.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return ws.name;
    });
    expect(name).toBe("S");
    const ctx = new g.Excel.RequestContext();
    const a1 = ctx.workbook.worksheets.getItem("S").getRange("A1").load("values");
    await ctx.sync();
    expect(a1.values).toEqual([["STT"]]);
    try {
      await g.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("nope").load("name");
        await context.sync();
      });
      throw new Error("expected a failure");
    } catch (e) {
      expect(e).toBeInstanceOf(g.OfficeExtension.Error);
    }
  });

  test("members of requirement sets the host lacks throw ApiNotFound when called", async () => {
    const host = createHost({ requirementSets: { ExcelApi: "1.12" } });
    host.addSheet("S", appendix);
    await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("S").getUsedRange();
      const error = thrown(() => used.getMergedAreasOrNullObject());
      expect(error.code).toBe("ApiNotFound");
      expect(error.message).toContain("ExcelApi 1.13");
    });
    uninstall = installOfficeGlobals(host);
    const office = (globalThis as unknown as { Office: { context: { requirements: { isSetSupported(n: string, v: string): boolean } } } })
      .Office;
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
  });
});

describe("size", () => {
  test("a 20,000-row × 6-column sheet loads, is read in one round trip, and highlights in one more", async () => {
    const host = createHost();
    const rows = Array.from({ length: 20000 }, (_, i) => [
      i + 1,
      `Nhiệm vụ ${i + 1}: triển khai kế hoạch`,
      i % 7 === 0 ? null : "Sở Ngoại vụ",
      "Sở Tài chính; Sở Nội vụ",
      `Quý ${["I", "II", "III", "IV"][i % 4]}/2023`,
      i % 11 === 0 ? "#N/A" : "ghi chú",
    ]);
    const merges = Array.from({ length: 200 }, (_, i) => `B${i * 100 + 2}:F${i * 100 + 2}`);
    host.addSheet("Phụ lục", rows, { merges });
    const result = await host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Phụ lục").getUsedRange();
      used.load("values, rowCount, columnCount, address");
      const merged = used.getMergedAreasOrNullObject().load("areaCount");
      await context.sync();
      const missingLead = used.values.map((row, i) => (row[2] === "" ? `C${i + 1}` : null)).filter((a): a is string => a !== null);
      for (let i = 0; i < missingLead.length; i += 500) {
        context.workbook.worksheets.getItem("Phụ lục").getRanges(missingLead.slice(i, i + 500).join(",")).format.fill.color = "#FFC7CE";
      }
      await context.sync();
      return { rows: used.rowCount, cols: used.columnCount, merges: merged.areaCount, address: used.address, flagged: missingLead.length };
    });
    expect(result).toEqual({ rows: 20000, cols: 6, merges: 200, address: "'Phụ lục'!A1:F20000", flagged: 2858 });
    expect(host.syncCount).toBe(2);
    expect(host.sheet("Phụ lục").cell("C19944").fill).toBe("#FFC7CE");
    expect(host.sheet("Phụ lục").cell("F1").value).toBe("#N/A");
  });
});

describe("special cells (Range.getSpecialCells, ExcelApi 1.9)", () => {
  test("constants and formulas by the type of their value, as rectangles; none is ItemNotFound or a null object", async () => {
    const host = createHost();
    host.addSheet("S", [
      ["STT", "Nội dung", "Ngày"],
      [1, "Việc một", 45000],
      [2, "Việc hai", "=C2+1"],
      ["#N/A", true, "=1/0"],
    ]);
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:C4");
      const numbers = range.getSpecialCells("Constants", "LogicalNumbers").load("address, areaCount, cellCount");
      const text = range.getSpecialCells("Constants", "Text").load("address");
      const errors = range.getSpecialCellsOrNullObject("Constants", "Errors").load("address");
      const formulas = range.getSpecialCellsOrNullObject("Formulas").load("address");
      const formulaErrors = range.getSpecialCellsOrNullObject("Formulas", "Errors").load("address");
      const blanks = range.getSpecialCellsOrNullObject("Blanks").load("address");
      await context.sync();
      expect(numbers.address).toBe("S!A2:A3, S!C2, S!B4");
      expect([numbers.areaCount, numbers.cellCount]).toEqual([3, 4]);
      expect(text.address).toBe("S!A1:C1, S!B2:B3");
      expect(errors.address).toBe("S!A4");
      expect(formulas.address).toBe("S!C3:C4");
      expect(formulaErrors.address).toBe("S!C4");
      expect(blanks.isNullObject).toBe(true);
      const none = range.getSpecialCells("Blanks");
      none.load("address");
      expect((await rejection(context.sync())).code).toBe("ItemNotFound");
    });
    const old = createHost({ requirementSets: { ExcelApi: "1.8" } });
    old.addSheet("S", [[1]]);
    const error = await rejection(
      old.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("A1").getSpecialCells("Constants");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });
});
