/**
 * The workbooks the whole-process benchmarks read, written once and kept in test-output/bench (git-ignored), so
 * generating 300,000 rows is never inside a timed part. Two kinds: "clean" (the fixtures' own rows, few issues) and
 * "issue-heavy" (the same rows with no timeframe, so every task carries one issue).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { Grid } from "../src/core/sheet/grid";
import { ModelCell, SheetModel } from "../src/core/output/sheet-model";
import { xlsxOfModels } from "../src/xlsx/sheet-writer";
import { generateTable, loadVocabulary, Vocabulary } from "./vocabulary";

export type InputKind = "clean" | "issue-heavy";

export const BENCH_DIR = path.resolve(__dirname, "..", "test-output", "bench");

const codec = { deflateRaw: (d: Uint8Array) => zlib.deflateRawSync(d, { level: 6 }), crc32: (d: Uint8Array) => zlib.crc32(d) };

let vocabulary: Vocabulary | null = null;

/** Blanks the timeframe of every task row (rows whose STT is a number), so each task has exactly one issue. */
function withoutTimeframes(grid: Grid): Grid {
  for (const row of grid.cells) if (typeof row[0]?.value === "number" && row[4]) row[4] = { value: null };
  return grid;
}

function modelOf(grid: Grid): SheetModel {
  const rows: ModelCell[][] = grid.cells.map((r) => r.map((c) => ({ value: c ? (c.value as string | number | null) : null })));
  return { kind: "consolidated", name: grid.sheetName, rows, columnWidths: [6, 60, 30, 30, 20], headerRow: 3, autoFilter: false };
}

/** The path of the workbook of `tasks` rows of this kind, written now if it is not there yet. */
export function benchInput(tasks: number, kind: InputKind): string {
  const file = path.join(BENCH_DIR, `tasks-${tasks}-${kind}.xlsx`);
  if (fs.existsSync(file)) return file;
  vocabulary ??= loadVocabulary();
  const grid = generateTable(tasks, vocabulary, 1);
  const bytes = xlsxOfModels([modelOf(kind === "issue-heavy" ? withoutTimeframes(grid) : grid)], codec);
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(`${file}.part`, bytes);
  fs.renameSync(`${file}.part`, file);
  return file;
}
