/**
 * Worksheet.onChanged in the in-memory host, as Office.js documents it: registered at sync, fired after a round trip
 * (or a user's edit) that changes cells of that sheet with WorksheetChangedEventArgs, removed through the returned
 * EventHandlerResult on its own context, refused below ExcelApi 1.7 — and the pane's watch in src/excel on top.
 */
import { canWatchSheets, watchSheetChanges } from "../../src/excel/sheet-changes";
import { createHost, installOfficeGlobals } from ".";
import type { ExcelHost } from ".";

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

function hostWithSheets(options: Parameters<typeof createHost>[0] = {}): ExcelHost {
  const host = createHost(options);
  host.addSheet("A", [["x", "y"]]);
  host.addSheet("B", [["z"]]);
  return host;
}

describe("Worksheet.onChanged", () => {
  it("tells a handler of its own sheet's changes, with the changed rectangle, after the sync", async () => {
    const host = hostWithSheets();
    const events: Array<Record<string, unknown>> = [];
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("A").onChanged.add(async (e) => {
        events.push({ ...e });
      });
      await context.sync();
    });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("A");
      sheet.getRange("B3").values = [["new"]];
      sheet.getRange("C5").values = [["more"]];
      expect(events).toEqual([]);
      await context.sync();
    });
    await settle();
    expect(events).toEqual([
      {
        type: "WorksheetChanged",
        worksheetId: host.workbook.sheetByName("A")!.id,
        address: "B3:C5",
        changeType: "RangeEdited",
        source: "Local",
        // Several cells changed: no details (Office gives them for a single cell only); the add-in made the change.
        triggerSource: "ThisLocalAddin",
      },
    ]);
  });

  it("gives the details of a single cell's change, and says a user's edit is not the add-in's", async () => {
    const host = hostWithSheets();
    const events: Array<Record<string, unknown>> = [];
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("A").onChanged.add((e) => {
        events.push({ address: e.address, details: e.details, triggerSource: e.triggerSource });
      });
      await context.sync();
    });
    host.sheet("A").setCell("A1", 6);
    await settle();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("A").getRange("B1").values = [[""]];
      await context.sync();
    });
    await settle();
    expect(events).toEqual([
      {
        address: "A1",
        details: { valueBefore: "x", valueAfter: 6, valueTypeBefore: "String", valueTypeAfter: "Double" },
        triggerSource: "Unknown",
      },
      {
        address: "B1",
        details: { valueBefore: "y", valueAfter: "", valueTypeBefore: "String", valueTypeAfter: "Empty" },
        triggerSource: "ThisLocalAddin",
      },
    ]);
  });

  it("has no details below ExcelApi 1.9 and no triggerSource below 1.14", async () => {
    for (const [version, details, trigger] of [
      ["1.8", false, false],
      ["1.13", true, false],
    ] as const) {
      const host = hostWithSheets({ requirementSets: { ExcelApi: version } });
      const events: Array<Record<string, unknown>> = [];
      await host.run(async (context) => {
        context.workbook.worksheets.getItem("A").onChanged.add((e) => {
          events.push({ ...e });
        });
        // One batch per host, not a loop of syncs on one context.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      });
      host.sheet("A").setCell("A1", "typed");
      await settle();
      expect(events).toHaveLength(1);
      expect("details" in events[0]).toBe(details);
      expect("triggerSource" in events[0]).toBe(trigger);
    }
  });

  it("reports a user's paste of 5,000 rows as one change of the whole block", async () => {
    const host = hostWithSheets();
    const events: Array<Record<string, unknown>> = [];
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("A").onChanged.add((e) => {
        events.push({ ...e });
      });
      await context.sync();
    });
    const rows = Array.from({ length: 5000 }, (_, i) => [i + 1, `Nhiệm vụ ${i + 1}`, "Sở Nội vụ"]);
    host.sheet("A").paste("A10", rows);
    await settle();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ address: "A10:C5009", changeType: "RangeEdited", triggerSource: "Unknown" });
    expect(events[0].details).toBeUndefined();
    expect(host.sheet("A").values("B5009")).toEqual([["Nhiệm vụ 5000"]]);
  });

  it("is not told of other sheets, of formats, or of reads", async () => {
    const host = hostWithSheets();
    let calls = 0;
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("A").onChanged.add(() => {
        calls++;
      });
      await context.sync();
    });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("B").getRange("A1").values = [["changed"]];
      context.workbook.worksheets.getItem("A").getRange("A1").format.fill.color = "#FFFF00";
      context.workbook.worksheets.getItem("A").getRange("A1:B1").load("values");
      await context.sync();
    });
    await settle();
    expect(calls).toBe(0);
  });

  it("hears a user's edit, and stops after remove() on the result's context", async () => {
    const host = hostWithSheets();
    const addresses: string[] = [];
    const result = await host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("A").onChanged.add((e) => {
        addresses.push(e.address);
      });
      await context.sync();
      return r;
    });
    host.sheet("A").setCell("A7", "typed");
    await settle();
    expect(addresses).toEqual(["A7"]);
    expect(host.events.count).toBe(1);
    await host.run(async () => undefined);
    const restore = installOfficeGlobals(host);
    try {
      await Excel.run(result.context as unknown as Excel.RequestContext, async (context) => {
        result.remove();
        await context.sync();
      });
    } finally {
      restore();
    }
    expect(host.events.count).toBe(0);
    host.sheet("A").setCell("A8", "typed again");
    await settle();
    expect(addresses).toEqual(["A7"]);
  });

  it("registers nothing without a sync, and refuses below ExcelApi 1.7", async () => {
    const host = hostWithSheets();
    const context = host.newContext();
    context.workbook.worksheets.getItem("A").onChanged.add(() => undefined);
    expect(host.events.count).toBe(0);
    await context.sync();
    expect(host.events.count).toBe(1);

    const old = hostWithSheets({ requirementSets: { ExcelApi: "1.6" } });
    await expect(
      old.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("A").onChanged.add(() => undefined);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("watchSheetChanges (src/excel)", () => {
  it("reports changes of the watched sheet until stopped", async () => {
    const host = hostWithSheets();
    const restore = installOfficeGlobals(host);
    try {
      expect(canWatchSheets()).toBe(true);
      const seen: string[] = [];
      const watch = await Excel.run((context) => watchSheetChanges(context, "A", (c) => seen.push(c.address)));
      host.sheet("A").setCell("B2", "edited");
      host.sheet("B").setCell("B2", "elsewhere");
      await settle();
      expect(seen).toEqual(["B2"]);
      await watch.stop();
      host.sheet("A").setCell("B3", "after");
      await settle();
      expect(seen).toEqual(["B2"]);
    } finally {
      restore();
    }
  });

  it("says when this Excel cannot watch", () => {
    const restore = installOfficeGlobals(hostWithSheets({ requirementSets: { ExcelApi: "1.6" } }));
    try {
      expect(canWatchSheets()).toBe(false);
    } finally {
      restore();
    }
  });
});
