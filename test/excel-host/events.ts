/**
 * Worksheet.onChanged as Office.js documents it (ExcelApi 1.7): `worksheet.onChanged.add(handler)` queues the
 * registration, which takes effect at the next sync and returns an EventHandlerResult whose `remove()` queues the
 * removal on the same context (`Excel.run(result.context, …)` runs a batch on it again). After a round trip that
 * changed cells of a sheet — or after a user's edit (SheetInspector.setCell) — each handler of that sheet is called,
 * asynchronously, with WorksheetChangedEventArgs: type "WorksheetChanged", worksheetId, address (the changed
 * rectangle in A1 form), changeType "RangeEdited" (the host has no row or column insert and delete) and source
 * "Local". From ExcelApi 1.9 a change of a single cell carries `details` (the value before and after, with their
 * types); a change of several cells has none, as Office documents. From ExcelApi 1.14 `triggerSource` says who made
 * the change: "ThisLocalAddin" for the add-in's own writes (Excel reports those too), "Unknown" for anything else.
 */
import { rectAddress } from "./addresses";
import type { Rect } from "./addresses";

/** Excel.DataChangeType. */
export type DataChangeType =
  "Unknown" | "RangeEdited" | "RowInserted" | "RowDeleted" | "ColumnInserted" | "ColumnDeleted" | "CellInserted" | "CellDeleted";

type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

/** Excel.ChangedEventDetail (ExcelApi 1.9). */
export interface ChangedEventDetail {
  valueBefore: string | number | boolean;
  valueAfter: string | number | boolean;
  valueTypeBefore: ValueType;
  valueTypeAfter: ValueType;
}

export interface WorksheetChangedEventArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: DataChangeType;
  source: "Local" | "Remote";
  details?: ChangedEventDetail;
  triggerSource?: "Unknown" | "ThisLocalAddin";
}

type Stored = { value: string | number | boolean | null; error?: string } | null | undefined;

function valueOf(cell: Stored): { value: string | number | boolean; type: ValueType } {
  if (cell?.error) return { value: cell.error, type: "Error" };
  const v = cell?.value;
  if (v === null || v === undefined || v === "") return { value: "", type: "Empty" };
  return { value: v, type: typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String" };
}

/** How the host reports who made a change and which requirement sets it has. */
export interface FlushOptions {
  trigger: "ThisLocalAddin" | "Unknown";
  hasApi(version: string): boolean;
}

/** What the registry needs of a sheet: its id, what was written and the cell the details describe. */
export interface WrittenSheet {
  id: string;
  written: Rect | null;
  writtenBefore: Stored;
  get(row: number, col: number): Stored;
}

export type ChangedHandler = (event: WorksheetChangedEventArgs) => Promise<unknown> | unknown;

interface Registration {
  sheetId: string;
  handler: ChangedHandler;
}

/** The handlers registered on the host's sheets, and the cells changed since they were last told. */
export class SheetEventRegistry {
  private registrations: Registration[] = [];

  register(sheetId: string, handler: ChangedHandler): Registration {
    const r = { sheetId, handler };
    this.registrations.push(r);
    return r;
  }

  unregister(registration: Registration): void {
    this.registrations = this.registrations.filter((r) => r !== registration);
  }

  get count(): number {
    return this.registrations.length;
  }

  /**
   * Tells every handler of a sheet whose cells changed (SheetModel.written, which this resets) once the current round
   * trip has been answered.
   */
  flush(sheets: ReadonlyArray<WrittenSheet>, options: FlushOptions): void {
    const changed: WorksheetChangedEventArgs[] = [];
    for (const sheet of sheets) {
      const area = sheet.written;
      if (area) {
        const event: WorksheetChangedEventArgs = {
          type: "WorksheetChanged",
          worksheetId: sheet.id,
          address: rectAddress(area),
          changeType: "RangeEdited",
          source: "Local",
        };
        if (options.hasApi("1.9") && area.top === area.bottom && area.left === area.right) {
          const before = valueOf(sheet.writtenBefore);
          const after = valueOf(sheet.get(area.top, area.left));
          event.details = { valueBefore: before.value, valueAfter: after.value, valueTypeBefore: before.type, valueTypeAfter: after.type };
        }
        if (options.hasApi("1.14")) event.triggerSource = options.trigger;
        changed.push(event);
      }
      sheet.written = null;
      sheet.writtenBefore = null;
    }
    for (const event of changed) {
      for (const r of this.registrations.filter((x) => x.sheetId === event.worksheetId)) {
        setTimeout(() => void Promise.resolve(r.handler(event)).catch(() => undefined), 0);
      }
    }
  }
}
