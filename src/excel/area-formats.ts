/**
 * One format over many rectangles at once: a RangeAreas per address list (Worksheet.getRanges, ExcelApi 1.9), or,
 * where Excel lacks RangeAreas, one Range per rectangle. Each list (or batch of rectangles) is its own part, so a
 * large format can be spread over round trips when the web's payload limit requires it.
 */
import { addressLists, Area, areaAddress } from "./cell-areas";
import { excelApi } from "./capabilities";
import { ACTION_BYTES, Piece } from "./payload";

export type FormatSetter = (format: Excel.RangeFormat) => void;

/** Work that queues actions; `bytes` is what it adds to a request. */
export interface Part {
  bytes: number;
  queue(): void;
}

/** Rectangles per part where each is its own Range. */
const RANGES_PER_PART = 200;

export function formatAreas(sheet: () => Excel.Worksheet, areas: readonly Area[], set: FormatSetter): Part[] {
  if (excelApi("1.9")) {
    return addressLists(areas).map((list) => ({ bytes: list.length + 4 * ACTION_BYTES, queue: () => set(sheet().getRanges(list).format) }));
  }
  const parts: Part[] = [];
  for (let i = 0; i < areas.length; i += RANGES_PER_PART) {
    const addresses = areas.slice(i, i + RANGES_PER_PART).map(areaAddress);
    parts.push({
      bytes: addresses.reduce((n, a) => n + a.length + 4 * ACTION_BYTES, 0),
      queue: () => addresses.forEach((a) => set(sheet().getRange(a).format)),
    });
  }
  return parts;
}

/** Fills the areas with `color`, or removes their fill when it is null ("no fill", not white). */
export function fillAreas(sheet: () => Excel.Worksheet, areas: readonly Area[], color: string | null): Part[] {
  return formatAreas(sheet, areas, (f) => (color === null ? f.fill.clear() : (f.fill.color = color)));
}

/** Parts as pieces of work for syncPieces, one each. */
export function piecesOf(parts: readonly Part[]): Array<Piece<void>> {
  return parts.map((p) => ({
    bytes: p.bytes,
    queue: () => {
      p.queue();
      return () => undefined;
    },
  }));
}
