/**
 * The cells of a located table, in row chunks packed as close to the web's payload budget as their measured cost
 * allows: values of the used columns, the number format of number cells, the text and type of formula cells, and
 * the merged areas, each read once. Without the cell kinds (Excel before ExcelApi 1.9) every property of every cell
 * is read instead. On the desktop there is no budget and the chunks all go in one round trip.
 */
import { MergeArea } from "../core/sheet/grid";
import { Area } from "./cell-areas";
import { jsonBytes, Piece, syncPieces } from "./payload";
import { toExcelFailure } from "./run";
import { CellKinds, Located, rowsAddress } from "./table-locator";

/** Bytes a cell's value is expected to cost before any was measured (values alone; all four properties: more). */
const VALUE_BYTES_PER_CELL = 100;
export const ALL_PROPERTIES_BYTES_PER_CELL = 150;
/** Bytes a number cell's format, and a formula cell's text, type and format, are expected to cost. */
const FORMAT_BYTES_PER_CELL = 12;
const FORMULA_BYTES_PER_CELL = 80;

/** Cells per load on any platform: large reads take Excel's memory, and Excel refuses reads of 5 million cells. */
export const MAX_CELLS_PER_READ = 1_000_000;

/**
 * Cells per getMergedAreas call. Excel answers it with an error when a range holds too many merged areas (the host
 * models 512); a block of this many cells cannot hold more, whatever the table, so no round trip is lost to it.
 */
const MERGE_BLOCK_CELLS = 500;

const AREA_FIELDS = "areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount";

export function mergesOf(areas: Excel.RangeAreas): MergeArea[] {
  if (areas.isNullObject) return [];
  return areas.areas.items.map((a) => ({
    top: a.rowIndex + 1,
    left: a.columnIndex + 1,
    bottom: a.rowIndex + a.rowCount,
    right: a.columnIndex + a.columnCount,
  }));
}

/** A cell of the sheet as one number (0-based row and column), for the maps below. */
const keyOf = (row: number, col: number) => row * 16384 + col;

/** What a chunk read, by sheet cell (0-based). */
export interface ChunkRead {
  /** First row (0-based sheet row) and first column of `values`. */
  first: number;
  /** Rows this chunk read the values of, counted towards the table (0 for the rest of the sample's rows). */
  rows: number;
  left: number;
  /** Null when the rows' values were read before (the sample) or every column is empty there. */
  values: unknown[][] | null;
  valueTypes: unknown[][] | null;
  formulas: unknown[][] | null;
  numberFormat: unknown[][] | null;
  /** Number formats of number and formula cells; formula text and value type of formula cells. */
  formats: Map<number, string>;
  formulaOf: Map<number, { formula: string; valueType: string }>;
  merges: MergeArea[];
}

/** Areas cut to rows [first, end) (0-based sheet rows). */
function within(areas: Area[], first: number, end: number): Area[] {
  const out: Area[] = [];
  for (const a of areas) {
    const top = Math.max(a.top, first + 1);
    const bottom = Math.min(a.bottom, end);
    if (top <= bottom) out.push({ top, left: a.left, bottom, right: a.right });
  }
  return out;
}

const cellsIn = (areas: Area[]) => areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);

export interface ChunkPlan {
  at: Located;
  /** The first column (0-based offset in the table) whose values are still to read: beyond the sample's, in its rows. */
  fromColumn: number;
  /** False for the sample's rows: what was left of them is read, but they are not counted again. */
  counted: boolean;
  withMerges: boolean;
  /** Expected bytes of one row's values. */
  rowBytes: number;
}

/** The columns (0-based sheet columns) used in rows [first, end): the span of those whose used rows meet them. */
function usedColumns(at: Located, first: number, end: number, from: number): [number, number] | null {
  let left = -1;
  let right = -1;
  for (let c = from; c < at.columnCount; c++) {
    const rows = c < at.columnRows.length ? at.columnRows[c] : ([first, end - 1] as [number, number]);
    if (!rows || rows[1] < first || rows[0] >= end) continue;
    if (left < 0) left = c;
    right = c;
  }
  return left < 0 ? null : [at.columnIndex + left, at.columnIndex + right];
}

export function chunkPiece(context: Excel.RequestContext, plan: ChunkPlan, first: number, count: number): Piece<ChunkRead> {
  const { at } = plan;
  const end = first + count;
  const kinds: CellKinds | null = at.kinds;
  const numbers = kinds ? within(kinds.numbers, first, end) : [];
  const formulas = kinds ? within(kinds.formulas, first, end) : [];
  const columns = usedColumns(at, first, end, plan.fromColumn);
  const blockRows = Math.max(1, Math.floor(MERGE_BLOCK_CELLS / at.columnCount));
  return {
    bytes:
      (columns ? count * plan.rowBytes * (plan.counted ? 1 : (columns[1] - columns[0] + 1) / at.columnCount) : 0) +
      cellsIn(numbers) * FORMAT_BYTES_PER_CELL +
      cellsIn(formulas) * FORMULA_BYTES_PER_CELL,
    queue() {
      const sheet = context.workbook.worksheets.getItem(at.sheetName);
      const cells = columns ? sheet.getRange(rowsAddress(first, end, columns[0], columns[1])) : null;
      cells?.load(kinds ? "values" : "values, valueTypes, formulas, numberFormat");
      const areaRange = (a: Area) => sheet.getRange(rowsAddress(a.top - 1, a.bottom, a.left - 1, a.right - 1));
      const numberRanges = numbers.map((a) => ({ a, r: areaRange(a).load("numberFormat") }));
      const formulaRanges = formulas.map((a) => ({ a, r: areaRange(a).load("formulas, valueTypes, numberFormat") }));
      const mergeBlocks: Excel.RangeAreas[] = [];
      if (plan.withMerges) {
        for (let top = first; top < end; top += blockRows) {
          const address = rowsAddress(top, Math.min(end, top + blockRows), at.columnIndex, at.columnIndex + at.columnCount - 1);
          mergeBlocks.push(sheet.getRange(address).getMergedAreasOrNullObject().load(AREA_FIELDS));
        }
      }
      return () => {
        const formats = new Map<number, string>();
        const formulaOf = new Map<number, { formula: string; valueType: string }>();
        const eachCell = (a: Area, visit: (r: number, c: number, key: number) => void) => {
          for (let r = 0; r <= a.bottom - a.top; r++)
            for (let c = 0; c <= a.right - a.left; c++) visit(r, c, keyOf(a.top - 1 + r, a.left - 1 + c));
        };
        for (const { a, r } of numberRanges) eachCell(a, (i, j, key) => formats.set(key, String(r.numberFormat[i][j])));
        for (const { a, r } of formulaRanges) {
          eachCell(a, (i, j, key) => {
            formats.set(key, String(r.numberFormat[i][j]));
            formulaOf.set(key, { formula: String(r.formulas[i][j]), valueType: String(r.valueTypes[i][j]) });
          });
        }
        return {
          first,
          rows: plan.counted ? count : 0,
          left: columns ? columns[0] : at.columnIndex,
          values: cells ? cells.values : null,
          valueTypes: cells && !kinds ? cells.valueTypes : null,
          formulas: cells && !kinds ? cells.formulas : null,
          numberFormat: cells && !kinds ? cells.numberFormat : null,
          formats,
          formulaOf,
          merges: mergeBlocks.flatMap(mergesOf),
        };
      };
    },
    split: () => {
      if (count < 2) return null;
      const half = Math.floor(count / 2);
      return [chunkPiece(context, plan, first, half), chunkPiece(context, plan, first + half, count - half)];
    },
  };
}

/** Excel refuses a round trip for its size (the web's limit) or for too many merged areas in one answer. */
const tooLarge = (e: unknown) => {
  const failure = toExcelFailure(e);
  return failure.kind === "payload" || failure.code === "GeneralException";
};

/**
 * Every row of the table after the sample (`done` rows already read): as many round trips as the expected bytes
 * need at `budget` each, the rows shared evenly among them, and the expected cost per row corrected after each.
 */
export async function readChunks(
  context: Excel.RequestContext,
  at: Located,
  budget: number,
  done: number,
  withMerges: boolean,
): Promise<ChunkRead[]> {
  const perCell = at.kinds ? VALUE_BYTES_PER_CELL : ALL_PROPERTIES_BYTES_PER_CELL;
  const sampled = at.sample?.[0]?.length ?? 0;
  let rowBytes =
    at.sample && done > 0 ? (1.01 * jsonBytes(at.sample) * at.columnCount) / (done * Math.max(1, sampled)) : at.columnCount * perCell;
  const end = at.rowIndex + at.rowCount;
  const maxRows = Math.max(1, Math.floor(MAX_CELLS_PER_READ / at.columnCount));
  const reads: ChunkRead[] = [];
  // The sample's rows still need their formats, formulas and merges: they ride with the first chunk.
  let extras: Array<Piece<ChunkRead>> =
    done > 0 ? [chunkPiece(context, { at, fromColumn: sampled, counted: false, withMerges, rowBytes }, at.rowIndex, done)] : [];
  let first = at.rowIndex + done;
  if (first >= end && extras.length === 0) return reads;
  do {
    const plan: ChunkPlan = { at, fromColumn: 0, counted: true, withMerges, rowBytes };
    const left = end - first;
    let pieces: Array<Piece<ChunkRead>>;
    if (Number.isFinite(budget)) {
      const whole = chunkPiece(context, plan, first, left);
      const extra = extras.reduce((n, p) => n + p.bytes, 0);
      const trips = Math.max(1, Math.ceil((whole.bytes + extra) / budget));
      const count = Math.min(maxRows, Math.ceil(left / trips));
      pieces = left > 0 ? [...extras, chunkPiece(context, plan, first, count)] : extras;
    } else {
      pieces = [...extras];
      for (let r = first; r < end; r += maxRows) pieces.push(chunkPiece(context, plan, r, Math.min(maxRows, end - r)));
    }
    extras = [];
    // The pieces are sized to the budget already; packing them again by their estimates would only add round trips.
    const read = await syncPieces(context, pieces, Infinity, tooLarge);
    let rows = 0;
    let bytes = 0;
    for (const r of read) {
      reads.push(r);
      rows += r.rows;
      // Per row of what was read: the columns a chunk leaves out are the rarely used ones, and cost next to nothing.
      if (r.values && r.rows > 0 && Number.isFinite(budget)) bytes += jsonBytes(r.values);
    }
    first += rows;
    // A little over the measured cost: the rows are shared evenly, so a chunk strays little from the average, and
    // the budget is itself under the limit.
    if (bytes > 0) rowBytes = (1.01 * bytes) / rows;
  } while (first < end);
  return reads;
}
