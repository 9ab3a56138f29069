/**
 * Running against Excel (src/excel/run.ts): the retry while the user edits a cell, and Office errors turned into
 * failures the pane can explain.
 */
import { ExcelFailure, runInExcel, toExcelFailure } from "../../src/excel/run";
import { createHost, ExcelHost, installOfficeGlobals, OfficeError } from "../excel-host";

let uninstall: (() => void) | null = null;

function useHost(): ExcelHost {
  const host = createHost();
  host.addSheet("S", [["a"]]);
  uninstall = installOfficeGlobals(host);
  return host;
}

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const writeA1 = (text: string) => async (context: Excel.RequestContext) => {
  context.workbook.worksheets.getItem("S").getRange("A1").values = [[text]];
  await context.sync();
  return text;
};

async function failureOf(promise: Promise<unknown>): Promise<ExcelFailure> {
  const e = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(e instanceof ExcelFailure)) throw new Error(`expected an ExcelFailure, got ${String(e)}`);
  return e;
}

describe("cell-edit mode", () => {
  test("the batch is tried again, with a growing wait, until the user leaves the cell", async () => {
    const host = useHost();
    host.editing = true;
    const retries: number[] = [];
    const result = await runInExcel(writeA1("done"), {
      delayMs: 1,
      onRetry: (attempt) => {
        retries.push(attempt);
        if (attempt === 2) host.editing = false;
      },
    });
    expect(result).toBe("done");
    expect(retries).toEqual([1, 2]);
    expect(host.sheet("S").cell("A1").value).toBe("done");
    expect(host.syncCount).toBe(3);
  });

  test("after three tries it gives up with a cell-edit failure and nothing written", async () => {
    const host = useHost();
    host.editing = true;
    const failure = await failureOf(runInExcel(writeA1("never"), { delayMs: 1 }));
    expect(failure.kind).toBe("cell-edit");
    expect(failure.code).toBe("InvalidOperationInCellEditMode");
    expect(host.syncCount).toBe(3);
    expect(host.sheet("S").cell("A1").value).toBe("a");
  });

  test("other failures are not retried", async () => {
    const host = useHost();
    host.sheet("S").protect();
    const failure = await failureOf(runInExcel(writeA1("x"), { delayMs: 1, onRetry: () => fail("no retry expected") }));
    expect(failure.kind).toBe("protected");
    expect(host.syncCount).toBe(1);
  });
});

describe("Office errors as failures", () => {
  test("each error code maps to a kind the pane explains", async () => {
    const host = useHost();
    const kindOf = async (batch: (context: Excel.RequestContext) => Promise<unknown>) =>
      (await failureOf(runInExcel(batch, { delayMs: 1 }))).kind;
    expect(
      await kindOf(async (context) => {
        context.workbook.worksheets.getItem("Missing").load("name");
        await context.sync();
      }),
    ).toBe("not-found");
    host.failNextSync("RequestPayloadSizeLimitExceeded");
    expect(await kindOf(writeA1("x"))).toBe("payload");
    host.failNextSync("GeneralException");
    expect(await kindOf(writeA1("x"))).toBe("unknown");
    host.requirementSets = { ExcelApi: "1.8" };
    expect(
      await kindOf(async (context) => {
        context.workbook.worksheets.getItem("S").getRanges("A1,B2").load("address");
        await context.sync();
      }),
    ).toBe("unsupported");
  });

  test("an ExcelFailure passes through as it is; anything else keeps its message", () => {
    const own = new ExcelFailure("protected", "already mapped", "AccessDenied", { sheet: "S" });
    expect(toExcelFailure(own)).toBe(own);
    const plain = toExcelFailure(new Error("boom"));
    expect([plain.kind, plain.message, plain.code]).toEqual(["unknown", "boom", undefined]);
    const office = toExcelFailure(
      new OfficeError("InvalidOperation", "The cell or chart you're trying to change is on a protected sheet."),
    );
    expect(office.kind).toBe("protected");
  });
});
