/**
 * An in-memory stand-in for Excel and its JavaScript API (Office.js), for jest and the demo page.
 * Pure TypeScript: no Node imports, no DOM.
 *
 *   const host = createHost();                       // options: platform, requirementSets, payloadLimitBytes…
 *   host.addSheet("Phụ lục", rows, { merges: ["A5:E5"] });
 *   installOfficeGlobals(host);                      // Office, Excel, OfficeExtension on globalThis
 *   await Excel.run(async (context) => { … });       // or host.run(…), or new Excel.RequestContext()
 *   expect(host.syncCount).toBeLessThanOrEqual(3);
 *   expect(host.sheet("Phụ lục").cell("B7").fill).toBe("#FFC7CE");
 *
 * Modelled as Excel does it: PropertyNotLoaded before load+sync; only syncs with queued actions are
 * round trips; actions run in order and stop at the first failure; writes are checked at sync
 * (shape, colours, names, protection → AccessDenied); values are entries as if typed ("=1+1" and
 * "-Sở Nội vụ" become formulas, "01" becomes 1, "12/2022" a date, a leading apostrophe keeps text
 * and is dropped from values and formulas, a Text "@" cell keeps strings); requirement sets gate
 * members (ApiNotFound, e.g. getMergedAreasOrNullObject needs ExcelApi 1.13); on the web requests and
 * responses over the payload limit fail; reads over five million cells fail; getRanges refuses
 * addresses over 8,192 characters; getMergedAreasOrNullObject reports only merges whose top-left cell
 * is in the range and fails above 512 areas; `host.editing` refuses every sync.
 *
 * Events: Worksheet.onChanged only (ExcelApi 1.7, events.ts): fired after a round trip or a user's edit
 * (SheetInspector.setCell, or .paste for a block: one event) that changes cells of the sheet, with `details` for a
 * single cell (ExcelApi 1.9) and `triggerSource` (1.14: "ThisLocalAddin" for the add-in's own writes).
 *
 * Data validation: Range.dataValidation (ExcelApi 1.8, data-validation.ts) with list rules, alerts and prompts;
 * refuses inline lists over 255 characters, sources that are no reference, rules over cells that do not share
 * one validation, and writes that cut through a merged area.
 *
 * Not modelled: other events, named ranges, row/column insert and delete, conditional formats, validation
 * criteria other than lists, most functions in formulas (they evaluate to #NAME?), locale-dependent parsing
 * (entries are read as en-US).
 */

export { createHost, ExcelHost, SheetInspector, DEFAULT_PAYLOAD_LIMIT } from "./host";
export type { HostOptions, HostPlatform, AddSheetOptions, CellView, FixtureValue } from "./host";
export {
  installOfficeGlobals,
  createOfficeNamespace,
  createExcelNamespace,
  createOfficeExtensionNamespace,
  HostType,
  PlatformType,
} from "./office-global";
export {
  RequestContext,
  Workbook,
  Worksheet,
  WorksheetCollection,
  Range,
  RangeAreas,
  RangeCollection,
  RangeFormat,
  RangeFill,
  RangeFont,
  RangeBorder,
  Table,
  TableCollection,
  Chart,
  ChartCollection,
  Setting,
  SettingCollection,
  CustomXmlPart,
  CustomXmlPartCollection,
  WorksheetCustomProperty,
  WorksheetCustomPropertyCollection,
  MAX_CELLS_PER_READ,
  MAX_AREAS_ADDRESS_LENGTH,
  MAX_MERGED_AREAS,
} from "./excel-api";
export { ClientResult } from "./request-context";
export { DataValidation, MAX_INLINE_LIST } from "./data-validation";
export type { ValidationSettings } from "./workbook-model";
export { OfficeError, isOfficeError } from "./office-errors";
export type { OfficeErrorCode, DebugInfo } from "./office-errors";
export { sheetNameProblem } from "./workbook-model";
export { interpretEntry } from "./cell-entry";
