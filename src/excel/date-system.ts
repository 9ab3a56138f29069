/**
 * Which date system the open workbook counts in. A workbook made with "Use 1904 date system" (old Mac workbooks)
 * stores a date as days from 1904-01-01, 1,462 fewer than the same date in the 1900 system, and range.values gives
 * only the serial. Office.js has no property for it that every supported Excel knows, so the workbook is asked
 * DATE(2000, 1, 1) through `workbook.functions` (ExcelApi 1.2), queued with the read's first round trip: the answer
 * is its serial in the workbook's own system.
 */
import { excelApi } from "./capabilities";

const JAN_1_2000_IN_1904 = 35_064;

/** Queues the question; the answer is known after the next sync (false where the Excel cannot be asked). */
export function queueDateSystem(context: Excel.RequestContext): () => boolean {
  if (!excelApi("1.2")) return () => false;
  const probe = context.workbook.functions.date(2000, 1, 1);
  probe.load("value");
  return () => probe.value === JAN_1_2000_IN_1904;
}
