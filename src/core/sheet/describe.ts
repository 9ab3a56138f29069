/**
 * What a sheet without a table looks like, for the no-table message's hint.
 */
import { foldKey } from "./text";
import { SheetView } from "./view";

export type SheetHint = "empty" | "schedule" | "no-header";

/** What the sheet looks like instead of a table. */
export function describeSheet(view: SheetView): SheetHint {
  if (view.firstFilledRow > view.lastRow || view.lastCol < view.firstCol) return "empty";
  const last = Math.min(view.lastRow, view.firstFilledRow + 50);
  let any = false;
  for (let r = view.firstFilledRow; r <= last; r++) {
    const keys: string[] = [];
    for (let c = view.firstCol; c <= view.lastCol; c++) {
      const t = view.text(r, c);
      if (t !== "") keys.push(foldKey(t));
    }
    if (keys.length) any = true;
    // A weekly work schedule (lịch công tác): "Ngày | Thời gian | Nội dung | Lãnh đạo chủ trì".
    if (keys.includes("ngay") && keys.some((k) => k.startsWith("noi dung")) && keys.some((k) => k.startsWith("thoi gian")))
      return "schedule";
  }
  return any ? "no-header" : "empty";
}
