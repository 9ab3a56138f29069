/**
 * The sentences the pane shows when Excel refuses, for each kind of ExcelFailure, built from real Office errors
 * raised by the in-memory host and mapped by src/excel/run.ts.
 */
import { failureText } from "../../src/taskpane/failure-text";
import { ExcelFailure, runInExcel } from "../../src/excel/run";
import { createHost, installOfficeGlobals } from "../excel-host";
import type { ExcelHost } from "../excel-host";

let host: ExcelHost;
let restore: () => void;
beforeEach(() => {
  host = createHost();
  host.addSheet("Phụ lục", [["STT", "Nội dung"]]);
  restore = installOfficeGlobals(host);
});
afterEach(() => restore());

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the work to fail");
}

const writeA1 = () =>
  runInExcel(
    async (context) => {
      context.workbook.worksheets.getItem("Phụ lục").getRange("A1").values = [["x"]];
      await context.sync();
    },
    { delayMs: 1 },
  );

it("asks to leave cell-edit mode", async () => {
  host.editing = true;
  const error = await failureOf(writeA1);
  expect(error).toBeInstanceOf(ExcelFailure);
  expect(failureText(error, "vi")).toBe("Excel đang ở chế độ sửa ô — nhấn Enter hoặc Esc rồi thử lại.");
  expect(failureText(error, "en")).toBe("Excel is in cell-edit mode — press Enter or Esc, then try again.");
});

it("names the protected sheet, or the workbook's structure when sheets are being added", async () => {
  host.sheet("Phụ lục").protect();
  const error = await failureOf(writeA1);
  expect((error as ExcelFailure).kind).toBe("protected");
  expect(failureText(error, "vi", { sheet: "Phụ lục" })).toContain("Trang tính “Phụ lục” đang được bảo vệ");
  expect(failureText(error, "en", { sheet: "Phụ lục" })).toContain("The sheet “Phụ lục” is protected");
  expect(failureText(error, "vi", { addsSheets: true })).toContain("Cấu trúc sổ làm việc đang được bảo vệ");
  expect(failureText(error, "vi")).toContain("Một trang tính đang được bảo vệ");
});

it("says what to do when the request is too large", async () => {
  host.failNextSync("RequestPayloadSizeLimitExceeded");
  const error = await failureOf(writeA1);
  expect(failureText(error, "vi")).toContain("Vùng đang chọn");
  expect(failureText(error, "en")).toContain("too large");
});

it("names the missing feature when this Excel lacks an API", async () => {
  host.requirementSets = { ExcelApi: "1.4" };
  host.failNextSync("ApiNotFound");
  const error = await failureOf(writeA1);
  const text = failureText(error, "vi");
  expect(text).toContain("Phiên bản Excel này chưa hỗ trợ");
  expect(text).toContain("ExcelApi 1.13");
});

it("says what was not found", async () => {
  const error = await failureOf(() =>
    runInExcel(async (context) => {
      context.workbook.worksheets.getItem("Không có").getRange("A1").select();
      await context.sync();
    }),
  );
  expect((error as ExcelFailure).kind).toBe("not-found");
  expect(failureText(error, "vi", { sheet: "Không có" })).toContain("Không tìm thấy “Không có”");
});

it("gives the detail of anything else, never an empty message", () => {
  // Office's and the code's own wording is English: the Vietnamese pane says what to do without repeating it.
  expect(failureText(new Error("An internal error has occurred."), "vi")).toBe(
    "Excel báo một lỗi không mong muốn. Hãy thử lại; nếu vẫn lỗi, đóng rồi mở lại phần bổ trợ.",
  );
  expect(failureText(new Error("boom."), "en")).toContain("boom");
  expect(failureText("plain", "en")).toContain("plain");
});
