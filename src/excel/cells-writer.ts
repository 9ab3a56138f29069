/**
 * Changing the text of given cells of the source table — only for what the user asked for: the conversion of
 * legacy-encoded (TCVN3/VNI) text to Unicode, a one-click fix of one cell, or putting either back — and handing back
 * what the cells held, so the pane can offer to undo it.
 */
import { excelApi } from "./capabilities";
import { parseAddress } from "../core/sheet/grid";
import { literal } from "./literals";
import { ACTION_BYTES, jsonBytes, PayloadOptions, payloadBudget, Piece, syncPieces } from "./payload";
import { ExcelFailure, protectedSheet } from "./run";

type CellValue = string | number | boolean;

/** Response bytes of one cell's value, for cutting large reads on the web. */
const VALUE_READ_BYTES = 200;

/** A cell to write; with `expected`, only while it still holds that (as text), else it is skipped. */
export interface CellChange {
  address: string;
  text: string;
  expected?: string;
}

/**
 * Writes `text` into each cell (as text, even when it starts with "=" or "-"), after reading what the cells held.
 * Two round trips; a protected sheet fails before anything is written. A cell that no longer holds its `expected`
 * text (someone edited it since the pane read it) is left alone and named in `skipped`.
 */
export async function replaceCellTexts(
  context: Excel.RequestContext,
  sheetName: string,
  changes: CellChange[],
  options: PayloadOptions = {},
): Promise<{ previous: Array<{ address: string; value: CellValue }>; skipped: string[] }> {
  const bad = changes.find((c) => !parseAddress(c.address));
  if (bad) throw new ExcelFailure("not-found", `"${bad.address}" is not the address of one cell.`);
  if (changes.length === 0) return { previous: [], skipped: [] };
  const budget = payloadBudget(options);
  const sheet = () => context.workbook.worksheets.getItem(sheetName);
  const state: Piece<CellValue> = {
    bytes: ACTION_BYTES,
    queue: () => {
      // Worksheet.protection came with ExcelApi 1.2: before it, a protected sheet shows as Excel's own refusal.
      const protection = excelApi("1.2") ? sheet().protection.load("protected") : null;
      return () => protection?.protected ?? false;
    },
  };
  const reads = changes.map((c): Piece<CellValue> => ({
    bytes: VALUE_READ_BYTES,
    queue: () => {
      const range = sheet().getRange(c.address).load("values");
      return () => range.values[0][0] as CellValue;
    },
  }));
  const [isProtected, ...values] = await syncPieces(context, [state, ...reads], budget);
  if (isProtected) throw protectedSheet(sheetName);
  const stillAsRead = (c: CellChange, i: number) => c.expected === undefined || String(values[i] ?? "") === c.expected;
  const skipped = changes.filter((c, i) => !stillAsRead(c, i)).map((c) => c.address);
  const writes = changes
    .filter((c, i) => stillAsRead(c, i))
    .map((c): Piece<void> => ({
      bytes: jsonBytes(c.text) + ACTION_BYTES,
      queue: () => {
        sheet().getRange(c.address).values = [[literal(c.text)]];
        return () => undefined;
      },
    }));
  if (writes.length > 0) await syncPieces(context, writes, budget);
  const previous = changes.flatMap((c, i) => (stillAsRead(c, i) ? [{ address: c.address, value: values[i] }] : []));
  return { previous, skipped };
}
