/**
 * Access to the shared fixtures (../shared beside the project) for tests.
 */
import * as fs from "fs";
import * as path from "path";
import { Grid, gridFromRows } from "../../src/core/sheet/grid";

export const SHARED = path.resolve(__dirname, "..", "..", "..", "shared");
export const FIXTURES = path.join(SHARED, "fixtures");
export const SEED_APPENDIX_XLSX = path.join(FIXTURES, "seed", "seed-001-appendix.xlsx");
export const SEED_DELEGATIONS_XLSX = path.join(FIXTURES, "seed", "seed-002-delegations.xlsx");

export function realFixtureNames(): string[] {
  return fs
    .readdirSync(path.join(FIXTURES, "real"))
    .filter((f) => f.endsWith(".tsv"))
    .sort();
}

/** Rows of a TSV fixture, without its "# source:" line. */
export function tsvRows(name: string): string[][] {
  const text = fs.readFileSync(path.join(FIXTURES, "real", name), "utf8");
  return text
    .split("\n")
    .filter((line, i) => !(i === 0 && line.startsWith("# source")))
    .map((line) => line.replace(/\r$/, "").split("\t"));
}

export function tsvGrid(name: string): Grid {
  return gridFromRows(tsvRows(name), name.replace(/\.tsv$/, "").slice(0, 31));
}

export interface SeedAppendix {
  header: string[];
  rows: Array<string[] | { repeatedHeader: true }>;
}

export function seedAppendixJson(): SeedAppendix {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "seed", "seed-001-appendix.json"), "utf8"));
}

/** Task rows of the seed appendix JSON (rows whose STT is not a section numeral), as transcribed. */
export function seedTaskRows(): string[][] {
  return seedAppendixJson().rows.filter((r): r is string[] => Array.isArray(r) && !/^[IVX]+$/.test(r[0]));
}
