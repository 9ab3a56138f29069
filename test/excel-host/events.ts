/**
 * Worksheet.onChanged as Office.js documents it (ExcelApi 1.7): `worksheet.onChanged.add(handler)` queues the
 * registration, which takes effect at the next sync and returns an EventHandlerResult whose `remove()` queues the
 * removal on the same context (`Excel.run(result.context, …)` runs a batch on it again). After a round trip that
 * changed cells of a sheet — or after a user's edit (SheetInspector.setCell) — each handler of that sheet is called,
 * asynchronously, with WorksheetChangedEventArgs: type "WorksheetChanged", worksheetId, address (the changed
 * rectangle in A1 form), changeType "RangeEdited" and source "Local".
 */
import { rectAddress } from "./addresses";
import type { Rect } from "./addresses";

export interface WorksheetChangedEventArgs {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local" | "Remote";
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
  flush(sheets: ReadonlyArray<{ id: string; written: Rect | null }>): void {
    const changed: Array<[string, Rect]> = [];
    for (const sheet of sheets) {
      if (sheet.written) changed.push([sheet.id, sheet.written]);
      (sheet as { written: Rect | null }).written = null;
    }
    for (const [sheetId, area] of changed) {
      const event: WorksheetChangedEventArgs = {
        type: "WorksheetChanged",
        worksheetId: sheetId,
        address: rectAddress(area),
        changeType: "RangeEdited",
        source: "Local",
      };
      for (const r of this.registrations.filter((x) => x.sheetId === sheetId)) {
        setTimeout(() => void Promise.resolve(r.handler(event)).catch(() => undefined), 0);
      }
    }
  }
}
