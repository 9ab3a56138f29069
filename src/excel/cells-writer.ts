/**
 * Changing the text of given cells of the source table — only for the conversion of legacy-encoded (TCVN3/VNI) text
 * to Unicode that the user asked for — and handing back what the cells held, so the pane can offer to undo it.
 */
import { excelApi } from "./capabilities";
import { parseAddress } from "../core/sheet/grid";
import { literal } from "./literals";
import { ACTION_BYTES, jsonBytes, PayloadOptions, payloadBudget, Piece, syncPieces } from "./payload";
import { ExcelFailure, protectedSheet } from "./run";

type CellValue = string | number | boolean;

/** Response bytes of one cell's value, for cutting large reads on the web. */
const VALUE_READ_BYTES = 200;

/**
 * Writes `text` into each cell (as text, even when it starts with "=" or "-"), after reading what the cells held.
 * Two round trips; a protected sheet fails before anything is written.
 */
export async function replaceCellTexts(
  context: Excel.RequestContext,
  sheetName: string,
  changes: Array<{ address: string; text: string }>,
  options: PayloadOptions = {},
): Promise<{ previous: Array<{ address: string; value: CellValue }> }> {
  const bad = changes.find((c) => !parseAddress(c.address));
  if (bad) throw new ExcelFailure("not-found", `"${bad.address}" is not the address of one cell.`);
  if (changes.length === 0) return { previous: [] };
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
  const writes = changes.map((c): Piece<void> => ({
    bytes: jsonBytes(c.text) + ACTION_BYTES,
    queue: () => {
      sheet().getRange(c.address).values = [[literal(c.text)]];
      return () => undefined;
    },
  }));
  await syncPieces(context, writes, budget);
  return { previous: changes.map((c, i) => ({ address: c.address, value: values[i] })) };
}
