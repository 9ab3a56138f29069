/**
 * "Gắn danh sách chọn": the directory's canonical agency names on a hidden sheet the add-in owns, and list validation
 * on the lead column of the checked table referring to it (core/agencies/pickers.ts says what goes where). Running it
 * again rewrites the same sheet and the same validation; it never makes a second list.
 *
 * The list sheet is ours by the same two marks as the summary sheets (sheet-ownership.ts): its name in the record of
 * our sheets, and from ExcelApi 1.12 the worksheet custom property, here with the value "agency-list", which a file
 * reader also sees (xlsx/owned-sheets.ts) so the checker and the consolidation pass the sheet by.
 *
 * Round trips: one to read which sheets exist and which are ours, one more to check the mark of an earlier list when
 * there is one (ExcelApi 1.12), one to write — more only when the web's payload limit cuts the writing.
 */
import { Lang } from "../core/issues/catalogue";
import {
  AGENCY_LIST_MARK,
  AGENCY_LIST_SHEET,
  PickerTarget,
  isAgencyListName,
  listSourceFormula,
  pickerAddresses,
  pickerTexts,
} from "../core/agencies/pickers";
import { uniqueSheetName } from "../core/output/sheet-names";
import { excelApi } from "./capabilities";
import { literal } from "./literals";
import { ACTION_BYTES, jsonBytes, PayloadOptions, payloadBudget, Piece, syncPieces } from "./payload";
import { ExcelFailure } from "./run";
import { OWNED_MARK, ownedNames, sameSheetName } from "./sheet-ownership";
import { loadSetting, saveSetting, SETTING_KEYS } from "./workbook-settings";

export interface PickersWritten {
  /** The list sheet (hidden). */
  listSheet: string;
  /** How many names it holds. */
  names: number;
  /** The validated cells of the lead column ("C7:C12", …). */
  areas: string[];
  /** True when an earlier list of ours was rewritten rather than a new one made. */
  updated: boolean;
}

/** Our earlier list sheet, if the record names one that still exists (and, from ExcelApi 1.12, still has our mark). */
async function earlierList(context: Excel.RequestContext): Promise<{ existing: string[]; owned: string[]; list: string | null }> {
  const readOwned = loadSetting(context, SETTING_KEYS.ownedSheets);
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const existing = sheets.items.map((s) => s.name);
  const owned = ownedNames(readOwned());
  const candidates = owned
    .filter(isAgencyListName)
    .map((n) => existing.find((e) => sameSheetName(e, n)))
    .filter((n): n is string => n !== undefined);
  if (candidates.length === 0 || !excelApi("1.12")) return { existing, owned, list: candidates[0] ?? null };
  const marks = candidates.map((n) =>
    context.workbook.worksheets.getItem(n).customProperties.getItemOrNullObject(OWNED_MARK).load("value"),
  );
  await context.sync();
  const list = candidates.find((_, i) => !marks[i].isNullObject && marks[i].value === AGENCY_LIST_MARK) ?? null;
  return { existing, owned, list };
}

/**
 * Writes `names` onto the list sheet and list validation on the target's areas: an input message, and a warning
 * (not a stop) for a name off the list, so a new body can still be typed.
 */
export async function writeAgencyPickers(
  context: Excel.RequestContext,
  target: PickerTarget,
  names: readonly string[],
  lang: Lang,
  options: PayloadOptions = {},
): Promise<PickersWritten> {
  if (!excelApi("1.8"))
    throw new ExcelFailure("unsupported", "Data validation needs ExcelApi 1.8.", "ApiNotFound", { feature: "ExcelApi 1.8" });
  if (names.length === 0) throw new ExcelFailure("unknown", "The agency directory holds no agency to list.");
  const { existing, owned, list } = await earlierList(context);
  const listSheet = list ?? uniqueSheetName(AGENCY_LIST_SHEET[lang], existing);
  const source = listSourceFormula(listSheet, names.length);
  const texts = pickerTexts(lang);
  const areas = pickerAddresses(target);
  const values = names.map((n) => [literal(n)]);

  const listPiece: Piece<void> = {
    bytes: jsonBytes(values) + 8 * ACTION_BYTES,
    queue: () => {
      const sheets = context.workbook.worksheets;
      let sheet: Excel.Worksheet;
      if (list) {
        sheet = sheets.getItem(list);
        // The list may have been longer before: what stood below it would stay in the drop-down's reach otherwise.
        sheet.getRange("A:A").clear("Contents");
      } else {
        sheet = sheets.add(listSheet);
        if (excelApi("1.12")) sheet.customProperties.add(OWNED_MARK, AGENCY_LIST_MARK);
        saveSetting(context, SETTING_KEYS.ownedSheets, [...owned.filter((n) => !sameSheetName(n, listSheet)), listSheet]);
      }
      sheet.getRange(`A1:A${names.length}`).values = values;
      sheet.visibility = "Hidden";
      return () => undefined;
    },
  };
  const areaPiece = (address: string): Piece<void> => ({
    bytes: jsonBytes(texts) + jsonBytes(source) + 5 * ACTION_BYTES,
    queue: () => {
      const dv = context.workbook.worksheets.getItem(target.sheetName).getRange(address).dataValidation;
      // Cleared first: Excel refuses a rule over cells that do not all share one validation (a user's own on some).
      dv.clear();
      dv.rule = { list: { inCellDropDown: true, source } };
      dv.errorAlert = { showAlert: true, style: "Warning", title: texts.errorTitle, message: texts.error };
      dv.prompt = { showPrompt: true, title: texts.promptTitle, message: texts.prompt };
      dv.ignoreBlanks = true;
      return () => undefined;
    },
  });
  await syncPieces(context, [listPiece, ...areas.map(areaPiece)], payloadBudget(options));
  return { listSheet, names: names.length, areas, updated: list !== null };
}
