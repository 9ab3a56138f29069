/**
 * A written sheet model's look, as core/output/sheet-style specifies it: number formats, fills, fonts by style,
 * links back to the source cells, column widths, the frozen header, the filter, and (in the add-in only) a bar chart.
 * Each style is formatted in one call over all its cells (RangeAreas, ExcelApi 1.9), or one call per rectangle of
 * cells where Excel lacks RangeAreas.
 */
import { cellAddress, columnLetter, rangeAddress } from "../core/sheet/grid";
import { CellLink, cellsByStyle, modelWidth, SheetModel } from "../core/output/sheet-model";
import { fileUri, LINK_STYLE, linkLocation, SHEET_STYLES } from "../core/output/sheet-style";
import { areaAddress, areasOfCells } from "./cell-areas";
import { formatAreas, Part, piecesOf } from "./area-formats";
import { excelApi } from "./capabilities";
import { ACTION_BYTES, jsonBytes, Piece } from "./payload";
import { formatSetterOf } from "./style-format";

/** Column widths in the model are in characters (as in ExcelJS); Office.js wants points. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Where a link of the issues sheet points, for Range.hyperlink. */
function hyperlinkOf(link: CellLink): Excel.RangeHyperlink {
  const reference = linkLocation(link);
  return link.file ? { address: `${fileUri(link.file)}#${reference}` } : { documentReference: reference };
}

function filled<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

/** Cells that hold a link, as [row, col, link]. */
function linkCells(model: SheetModel): Array<[number, number, CellLink]> {
  const out: Array<[number, number, CellLink]> = [];
  model.rows.forEach((r, ri) =>
    r.forEach((cell, ci) => {
      if (cell?.link && typeof cell.value === "string") out.push([ri + 1, ci + 1, cell.link]);
    }),
  );
  return out;
}

/** The formats of a sheet (everything but its values and links), as pieces of work. */
export function formatPieces(context: Excel.RequestContext, sheetName: string, model: SheetModel): Array<Piece<void>> {
  const sheet = () => context.workbook.worksheets.getItem(sheetName);
  const parts: Part[] = [];
  for (const [style, cells] of cellsByStyle(model)) {
    const areas = areasOfCells(cells);
    const spec = SHEET_STYLES[style];
    const numberFormat = spec.numberFormat;
    if (numberFormat) {
      const formats = areas.map((a) => ({
        address: areaAddress(a),
        matrix: filled(a.bottom - a.top + 1, a.right - a.left + 1, numberFormat),
      }));
      parts.push({
        bytes: formats.reduce((n, f) => n + jsonBytes(f.matrix) + ACTION_BYTES, 0),
        queue: () => formats.forEach((f) => (sheet().getRange(f.address).numberFormat = f.matrix)),
      });
    }
    const set = formatSetterOf(spec);
    if (set) for (const p of formatAreas(sheet, areas, set)) parts.push(p);
  }
  const links = linkCells(model);
  if (links.length) {
    parts.push(...formatAreas(sheet, areasOfCells(links.map(([r, c]) => [r, c] as const)), formatSetterOf(LINK_STYLE)!));
  }
  // Column widths need ExcelApi 1.2; Office 2016 (1.1) writes the sheets at Excel's default width.
  const widths = excelApi("1.2") ? model.columnWidths : [];
  parts.push({
    bytes: widths.length * 2 * ACTION_BYTES,
    queue: () =>
      widths.forEach((w, i) => {
        const letter = columnLetter(i + 1);
        sheet().getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(w);
      }),
  });
  // Frozen header rows need ExcelApi 1.7 (Office 2019 and later); below it the sheet is written without them.
  if (model.headerRow > 0 && excelApi("1.7")) {
    parts.push({ bytes: ACTION_BYTES, queue: () => sheet().freezePanes.freezeRows(model.headerRow) });
  }
  const width = modelWidth(model);
  if (model.autoFilter && model.rows.length > model.headerRow && excelApi("1.9")) {
    const address = rangeAddress(model.headerRow, 1, model.rows.length, width);
    parts.push({ bytes: 2 * ACTION_BYTES, queue: () => sheet().autoFilter.apply(sheet().getRange(address)) });
  }
  const chart = model.chart;
  if (chart && chart.lastRow >= chart.firstRow) {
    const cols = [chart.categoryCol, ...chart.valueCols];
    // A source from the category column to the last value column: the value columns of the models sit side by side.
    const source = rangeAddress(chart.headerRow, Math.min(...cols), chart.lastRow, Math.max(...cols));
    const from = cellAddress(chart.headerRow, width + 2);
    const to = cellAddress(chart.headerRow + 18, width + 9);
    parts.push({
      bytes: 4 * ACTION_BYTES,
      queue: () => {
        const ws = sheet();
        const added = ws.charts.add("BarClustered", ws.getRange(source), "Columns");
        added.title.text = chart.title;
        added.setPosition(from, to);
      },
    });
  }
  return piecesOf(parts);
}

/**
 * The links of a sheet: per column, one setCellProperties over the rows that hold links (ExcelApi 1.9), cut by rows
 * to fit `budget`; one Range.hyperlink per cell where Excel lacks it.
 */
export function linkPieces(context: Excel.RequestContext, sheetName: string, model: SheetModel, budget: number): Array<Piece<void>> {
  const sheet = () => context.workbook.worksheets.getItem(sheetName);
  const links = linkCells(model);
  if (links.length === 0 || !excelApi("1.7")) return [];
  if (!excelApi("1.9")) {
    const each = links.map(([r, c, link]) => ({ address: cellAddress(r, c), hyperlink: hyperlinkOf(link) }));
    return [
      {
        bytes: each.reduce((n, e) => n + jsonBytes(e) + ACTION_BYTES, 0),
        queue: () => {
          each.forEach((e) => (sheet().getRange(e.address).hyperlink = e.hyperlink));
          return () => undefined;
        },
      },
    ];
  }
  const byColumn = new Map<number, Map<number, CellLink>>();
  for (const [r, c, link] of links) {
    const col = byColumn.get(c) ?? new Map<number, CellLink>();
    col.set(r, link);
    byColumn.set(c, col);
  }
  const pieces: Array<Piece<void>> = [];
  for (const [col, rows] of byColumn) {
    const sorted = [...rows.keys()].sort((a, b) => a - b);
    const piece = (first: number, last: number): Piece<void> => {
      const props: Excel.SettableCellProperties[][] = [];
      for (let r = first; r <= last; r++) {
        const link = rows.get(r);
        props.push([link ? { hyperlink: hyperlinkOf(link) } : {}]);
      }
      const address = rangeAddress(first, col, last, col);
      return {
        bytes: jsonBytes(props) + ACTION_BYTES,
        queue: () => {
          sheet().getRange(address).setCellProperties(props);
          return () => undefined;
        },
        split: () =>
          last > first
            ? [piece(first, first + Math.floor((last - first) / 2)), piece(first + Math.floor((last - first) / 2) + 1, last)]
            : null,
      };
    };
    const whole = piece(sorted[0], sorted[sorted.length - 1]);
    for (const p of cutToBudget(whole, budget)) pieces.push(p);
  }
  return pieces;
}

/** A piece cut in halves until each part fits the budget (or cannot be cut further). */
function cutToBudget<T>(piece: Piece<T>, budget: number): Array<Piece<T>> {
  if (piece.bytes <= budget) return [piece];
  const parts = piece.split?.();
  if (!parts || parts.length < 2) return [piece];
  return parts.flatMap((p) => cutToBudget(p, budget));
}
