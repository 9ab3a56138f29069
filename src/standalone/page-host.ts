/**
 * The checker page's WorkbookHost (src/taskpane/workbook-host.ts): without Excel, "select the cell" shows the row in
 * the page's read-only grid, and "write the sheets" makes an .xlsx the browser downloads — built in the page, from the
 * same sheet models the add-in writes into Excel.
 */
import type { SheetModel } from "../core/output/sheet-model";
import type { WorkbookHost } from "../taskpane/workbook-host";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Hands `bytes` to the browser as a download named `name` (nothing leaves the computer: the URL is a local blob). */
export function downloadFile(name: string, bytes: Uint8Array | string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function pageWorkbookHost(show: (sheet: string, address: string) => void, save = downloadFile): WorkbookHost {
  return {
    showCell: (sheet, address) => {
      show(sheet, address);
      return Promise.resolve();
    },
    writeSheets: async (models: readonly SheetModel[], fileName: string) => {
      const { workbookBytes } = await import("../xlsx/write");
      save(fileName, await workbookBytes(models), XLSX_TYPE);
      return models.map((m) => m.name);
    },
  };
}
