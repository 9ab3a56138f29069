/**
 * Range.dataValidation in the stand-in: what it keeps, what it reads back, and what real Excel refuses (inline lists
 * over 255 characters, sources that are no reference, a rule over cells that do not share one validation, writes
 * that cut through a merged area, protected sheets, old requirement sets).
 */

import { createHost, ExcelHost } from "./index";
import { rejection } from "./rejection";

function hostWithTable(): ExcelHost {
  const host = createHost();
  host.addSheet(
    "Phụ lục",
    [
      ["STT", "Nội dung", "Cơ quan chủ trì"],
      ["I", "Kinh tế số", null],
      [1, "Xây dựng kế hoạch", "Sở Ngoại vụ"],
      [2, "Tổ chức hội nghị", "Sở Nội vụ"],
      [3, "Báo cáo", "Ban Không Có"],
    ],
    { merges: ["B2:C2"] },
  );
  host.addSheet("Danh sách", [["Sở Ngoại vụ"], ["Sở Nội vụ"], ["Sở Tài chính"]]);
  return host;
}

const listRule = (source: string) => ({ list: { inCellDropDown: true, source } });

describe("data validation: what is kept and read back", () => {
  test("a list from another sheet, a warning alert and a prompt are kept per cell and read back", async () => {
    const host = hostWithTable();
    await host.run(async (context) => {
      const dv = context.workbook.worksheets.getItem("Phụ lục").getRange("C3:C5").dataValidation;
      dv.rule = listRule("='Danh sách'!$A$1:$A$3");
      dv.errorAlert = { showAlert: true, style: "Warning", title: "Chưa có", message: "Tên không có trong danh mục" };
      dv.prompt = { showPrompt: true, title: "Cơ quan chủ trì", message: "Chọn trong danh sách" };
      await context.sync();
      dv.load("type,rule,errorAlert,prompt,ignoreBlanks,valid");
      await context.sync();
      expect(dv.type).toBe("List");
      expect(dv.rule).toEqual(listRule("='Danh sách'!$A$1:$A$3"));
      expect(dv.errorAlert).toEqual({ showAlert: true, style: "Warning", title: "Chưa có", message: "Tên không có trong danh mục" });
      expect(dv.prompt).toEqual({ showPrompt: true, title: "Cơ quan chủ trì", message: "Chọn trong danh sách" });
      expect(dv.ignoreBlanks).toBe(true);
      // "Ban Không Có" is not on the list: some cells pass, one does not.
      expect(dv.valid).toBeNull();
    });
    const sheet = host.sheet("Phụ lục");
    expect(sheet.validationAt("C4")?.rule?.list.source).toBe("='Danh sách'!$A$1:$A$3");
    expect(sheet.validationAt("C2")).toBeNull();
    expect(sheet.validationAt("D4")).toBeNull();
  });

  test("a Range as the source is kept as its absolute address", async () => {
    const host = hostWithTable();
    await host.run(async (context) => {
      const source = context.workbook.worksheets.getItem("Danh sách").getRange("A1:A3");
      const dv = context.workbook.worksheets.getItem("Phụ lục").getRange("C3:C4").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source } };
      await context.sync();
      dv.load("rule,valid");
      await context.sync();
      expect(dv.rule).toEqual(listRule("='Danh sách'!$A$1:$A$3"));
      expect(dv.valid).toBe(true);
    });
  });

  test("clear() removes validation only where the ranges overlap; type then tells the parts apart", async () => {
    const host = hostWithTable();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Phụ lục");
      sheet.getRange("C3:C5").dataValidation.rule = listRule("a,b");
      sheet.getRange("C4").dataValidation.clear();
      const all = sheet.getRange("C3:C5").dataValidation.load("type");
      const one = sheet.getRange("C5").dataValidation.load("type");
      const none = sheet.getRange("C4").dataValidation.load("type");
      await context.sync();
      expect(all.type).toBe("Inconsistent");
      expect(one.type).toBe("List");
      expect(none.type).toBe("None");
    });
    expect(host.sheet("Phụ lục").validationAt("C4")).toBeNull();
    expect(host.sheet("Phụ lục").validationAt("C3")?.rule).toEqual(listRule("a,b"));
  });

  test("a new rule over one that covers the whole range replaces it", async () => {
    const host = hostWithTable();
    await host.run(async (context) => {
      const dv = context.workbook.worksheets.getItem("Phụ lục").getRange("C3:C5").dataValidation;
      dv.rule = listRule("a,b");
      await context.sync();
      dv.rule = listRule("c,d");
      await context.sync();
    });
    expect(host.sheet("Phụ lục").validationAt("C5")?.rule).toEqual(listRule("c,d"));
  });
});

describe("data validation: what real Excel refuses", () => {
  test("an inline list over 255 characters is refused; 255 is accepted", async () => {
    const host = hostWithTable();
    const exactly = "x".repeat(255);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Phụ lục").getRange("C3").dataValidation.rule = listRule(exactly);
      await context.sync();
    });
    const e = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("C4").dataValidation.rule = listRule(exactly + ",y");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo.errorLocation).toBe("DataValidation.rule");
    expect(host.sheet("Phụ lục").validationAt("C4")).toBeNull();
    expect(host.sheet("Phụ lục").validationAt("C3")?.rule?.list.source).toBe(exactly);
  });

  test.each([
    ["a sheet that does not exist", "='Không có'!$A$1:$A$3"],
    ["text that is not a reference", "=Sở Nội vụ"],
    ["a block of rows and columns", "='Danh sách'!$A$1:$B$3"],
    ["an empty source", ""],
  ])("a source naming %s is refused", async (_what, source) => {
    const host = hostWithTable();
    const e = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("C3:C5").dataValidation.rule = listRule(source);
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(host.sheet("Phụ lục").validationAt("C3")).toBeNull();
  });

  test("a range that cuts through a merged area is refused; one holding whole merged areas is not", async () => {
    const host = hostWithTable();
    const e = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("C2:C5").dataValidation.rule = listRule("a,b");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidOperation");
    expect(host.sheet("Phụ lục").validationAt("C3")).toBeNull();
    const prompt = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("C1:C2").dataValidation.prompt = {
          showPrompt: true,
          title: "",
          message: "x",
        };
        await context.sync();
      }),
    );
    expect(prompt.code).toBe("InvalidOperation");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Phụ lục").getRange("B2:C5").dataValidation.rule = listRule("a,b");
      await context.sync();
    });
    expect(host.sheet("Phụ lục").validationAt("B2")?.rule).toEqual(listRule("a,b"));
  });

  test("a rule over cells that only partly have validation is refused until they are cleared", async () => {
    const host = hostWithTable();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Phụ lục").getRange("C4:C5").dataValidation.prompt = {
        showPrompt: true,
        title: "",
        message: "Chọn",
      };
      await context.sync();
    });
    const e = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("C3:C5").dataValidation.rule = listRule("a,b");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    await host.run(async (context) => {
      const dv = context.workbook.worksheets.getItem("Phụ lục").getRange("C3:C5").dataValidation;
      dv.clear();
      dv.rule = listRule("a,b");
      await context.sync();
    });
    expect(host.sheet("Phụ lục").validationAt("C3")?.rule).toEqual(listRule("a,b"));
  });

  test.each([
    ["an alert style Excel does not know", { showAlert: true, style: "warning", title: "", message: "" }],
    ["a title over 32 characters", { showAlert: true, style: "Warning", title: "t".repeat(33), message: "" }],
    ["a message over 255 characters", { showAlert: true, style: "Warning", title: "", message: "m".repeat(256) }],
  ])("an error alert with %s is refused", async (_what, errorAlert) => {
    const host = hostWithTable();
    const e = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("C3").dataValidation.errorAlert = errorAlert;
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(host.sheet("Phụ lục").validationAt("C3")).toBeNull();
  });

  test("criteria other than a list are refused rather than pretended", async () => {
    const host = hostWithTable();
    const e = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("C3").dataValidation.rule = {
          wholeNumber: { formula1: 0, operator: "GreaterThan" },
        };
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
  });

  test("a protected sheet refuses validation; below ExcelApi 1.8 there is none", async () => {
    const host = hostWithTable();
    host.sheet("Phụ lục").protect();
    const refused = await rejection(
      host.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("C3").dataValidation.rule = listRule("a,b");
        await context.sync();
      }),
    );
    expect(refused.code).toBe("AccessDenied");
    const old = createHost({ requirementSets: { ExcelApi: "1.7" } });
    old.addSheet("Phụ lục", [["x"]]);
    const e = await rejection(
      old.run(async (context) => {
        context.workbook.worksheets.getItem("Phụ lục").getRange("A1").dataValidation.clear();
        await context.sync();
      }),
    );
    expect(e.code).toBe("ApiNotFound");
  });
});
