/**
 * Writing the appendix table laid out from a plan written as paragraphs into the open workbook, on a new sheet of
 * its own: the user's document to edit and send, so it is never marked as the add-in's and never replaced later.
 * Two round trips: one to learn the sheet names, one to write the values and the look at once.
 */
import { columnLetter, rangeAddress } from "../core/sheet/grid";
import { AppendixLayout } from "../core/kinds/paragraphs/appendix-layout";
import { appendixCellsByStyle } from "../core/kinds/paragraphs/appendix-style";
import { APPENDIX_STYLES } from "../core/output/sheet-style";
import { uniqueSheetName } from "../core/output/sheet-names";
import { formatAreas } from "./area-formats";
import { excelApi } from "./capabilities";
import { areasOfCells } from "./cell-areas";
import { literal } from "./literals";
import { widthInPoints } from "./sheet-formats";
import { formatSetterOf } from "./style-format";

/** Writes the table on a new sheet named `baseName` (or "baseName (2)" …), activates it, and returns its name. */
export async function writeAppendixSheet(context: Excel.RequestContext, layout: AppendixLayout, baseName: string): Promise<string> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(
    baseName,
    sheets.items.map((s) => s.name),
  );
  const ws = context.workbook.worksheets.add(name);
  const width = layout.columns.length;
  const last = layout.rows.length;
  ws.getRange(rangeAddress(1, 1, last, width)).values = layout.rows.map((r) => r.map(literal));
  if (excelApi("1.2"))
    layout.widths.forEach((w, i) => {
      const letter = columnLetter(i + 1);
      ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(w);
    });
  for (const [style, cells] of appendixCellsByStyle(layout)) {
    const set = formatSetterOf(APPENDIX_STYLES[style]);
    if (set) for (const part of formatAreas(() => ws, areasOfCells(cells), set)) part.queue();
  }
  // Older Excel (ExcelApi 1.1) cannot merge, freeze or size columns: the table reads the same without them.
  if (excelApi("1.2")) for (const m of layout.merges) ws.getRange(rangeAddress(m.top, m.left, m.bottom, m.right)).merge(false);
  if (excelApi("1.7")) ws.freezePanes.freezeRows(layout.headerRow);
  ws.activate();
  await context.sync();
  return name;
}
