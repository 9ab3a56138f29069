/**
 * Writing the engine's sheet models (the summary sheets of SPEC 6) into the open workbook, replacing the sheets the
 * add-in wrote before and never a user's own sheet of the same name.
 *
 * Round trips: one to read which sheets exist and which are ours, one more to check the marks of ours when there are
 * some to replace (ExcelApi 1.12), one to write everything — more only when the writing must be cut to stay under
 * the web's payload limit.
 */
import { rangeAddress } from "../core/sheet/grid";
import { modelValues, modelWidth, SheetModel } from "../core/output/sheet-model";
import { isValidSheetName, uniqueSheetName } from "../core/output/sheet-names";
import { excelApi } from "./capabilities";
import { Literal, literal } from "./literals";
import { ACTION_BYTES, jsonBytes, PayloadOptions, payloadBudget, Piece, syncPieces } from "./payload";
import { ExcelFailure } from "./run";
import { formatPieces, linkPieces } from "./sheet-formats";
import { OWNED_MARK, ownedNames, sameSheetName, summaryKindOf } from "./sheet-ownership";
import { loadSetting, saveSetting, SETTING_KEYS } from "./workbook-settings";

export type WriteOptions = PayloadOptions;

interface Plan {
  /** Our earlier sheets that this write replaces. */
  replaced: string[];
  /** Names of the new sheets, one per model, and the temporary names they are added under. */
  names: string[];
  temporary: string[];
  /** The record of our sheets after the write. */
  owned: string[];
}

/** Sheets among `names` that still carry our mark (a user may have deleted ours and made one of the same name). */
async function stillMarked(context: Excel.RequestContext, names: string[]): Promise<string[]> {
  const marks = names.map((n) => context.workbook.worksheets.getItem(n).customProperties.getItemOrNullObject(OWNED_MARK).load("key"));
  await context.sync();
  return names.filter((_, i) => !marks[i].isNullObject);
}

async function planWrite(context: Excel.RequestContext, models: readonly SheetModel[]): Promise<Plan> {
  const readOwned = loadSetting(context, SETTING_KEYS.ownedSheets);
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const existing = sheets.items.map((s) => s.name);
  const recorded = ownedNames(readOwned())
    .map((n) => existing.find((e) => sameSheetName(e, n)))
    .filter((n): n is string => n !== undefined);
  const kinds = new Set(models.map((m) => m.kind));
  const candidates = recorded.filter((n) => {
    const kind = summaryKindOf(n);
    return (kind !== null && kinds.has(kind)) || models.some((m) => sameSheetName(m.name, n));
  });
  const replaced = candidates.length && excelApi("1.12") ? await stillMarked(context, candidates) : candidates;
  const taken = existing.filter((e) => !replaced.includes(e));
  const names: string[] = [];
  for (const m of models) names.push(uniqueSheetName(m.name, [...taken, ...names]));
  const temporary: string[] = [];
  for (let i = 0; i < models.length; i++) {
    temporary.push(uniqueSheetName(`~appendix-checker ${i + 1}`, [...existing, ...names, ...temporary]));
  }
  const owned = [...recorded.filter((n) => !candidates.includes(n)), ...names];
  return { replaced, names, temporary, owned };
}

/**
 * The sheets come in under temporary names, then ours are deleted and the new ones renamed: Excel refuses to delete
 * the last visible sheet, which ours can be. The record of our sheets is written with them, so a write cut short
 * still knows its sheets next time.
 */
function structurePiece(context: Excel.RequestContext, plan: Plan): Piece<void> {
  const mark = excelApi("1.12");
  return {
    bytes: jsonBytes(plan) + (plan.names.length * 3 + plan.replaced.length + 1) * ACTION_BYTES,
    queue: () => {
      const sheets = context.workbook.worksheets;
      const added = plan.temporary.map((t) => sheets.add(t));
      if (mark) added.forEach((s) => s.customProperties.add(OWNED_MARK, "summary"));
      plan.replaced.forEach((n) => sheets.getItem(n).delete());
      added.forEach((s, i) => (s.name = plan.names[i]));
      saveSetting(context, SETTING_KEYS.ownedSheets, plan.owned);
      return () => undefined;
    },
  };
}

/** The model's values as rows of literals (text stays text), in row blocks that fit the budget. */
function valuePieces(context: Excel.RequestContext, sheetName: string, model: SheetModel, budget: number): Array<Piece<void>> {
  const rows: Literal[][] = modelValues(model).map((r) => r.map(literal));
  const width = modelWidth(model);
  if (rows.length === 0 || width === 0) return [];
  const block = (first: number, last: number): Piece<void> => {
    const values = rows.slice(first - 1, last);
    const address = rangeAddress(first, 1, last, width);
    return {
      bytes: jsonBytes(values) + ACTION_BYTES,
      queue: () => {
        context.workbook.worksheets.getItem(sheetName).getRange(address).values = values;
        return () => undefined;
      },
      split: () =>
        last > first
          ? [block(first, first + Math.floor((last - first) / 2)), block(first + Math.floor((last - first) / 2) + 1, last)]
          : null,
    };
  };
  const pieces: Array<Piece<void>> = [];
  let first = 1;
  let size = 0;
  rows.forEach((r, i) => {
    const bytes = jsonBytes(r) + 1;
    if (size > 0 && size + bytes > budget - ACTION_BYTES) {
      pieces.push(block(first, i));
      first = i + 1;
      size = 0;
    }
    size += bytes;
  });
  pieces.push(block(first, rows.length));
  return pieces;
}

/**
 * Writes the models as new sheets, after the workbook's other sheets. Replaces only sheets the add-in wrote before
 * (of the same kinds); a user's own sheet with the same name is left alone and ours takes a free name ("Issues (2)").
 */
export async function writeSheetModels(
  context: Excel.RequestContext,
  models: SheetModel[],
  options: WriteOptions = {},
): Promise<{ written: string[] }> {
  const invalid = models.find((m) => !isValidSheetName(m.name));
  if (invalid) throw new ExcelFailure("unknown", `"${invalid.name}" cannot be a sheet name (1–31 characters, none of [ ] : * ? / \\).`);
  if (models.length === 0) return { written: [] };
  const budget = payloadBudget(options);
  const plan = await planWrite(context, models);
  const pieces: Array<Piece<void>> = [structurePiece(context, plan)];
  models.forEach((m, i) => {
    pieces.push(...valuePieces(context, plan.names[i], m, budget));
    pieces.push(...formatPieces(context, plan.names[i], m));
    pieces.push(...linkPieces(context, plan.names[i], m, budget));
  });
  await syncPieces(context, pieces, budget);
  return { written: plan.names };
}
