/**
 * What to tell a person when the workbook refused: ExcelFailure kinds (src/excel/run.ts) as sentences that say
 * what to do next, in the pane's language.
 */
import type { Lang } from "../core/issues/catalogue";
import { capabilities, missingCapabilities } from "../excel/capabilities";
import { ExcelFailure } from "../excel/run";
import { strings } from "./strings";

export interface FailureContext {
  /** The sheet the action worked on (the checked sheet, for highlights and selection). */
  sheet?: string;
  /** The action adds sheets: protection then means the workbook's structure. */
  addsSheets?: boolean;
}

export function failureText(error: unknown, lang: Lang, context: FailureContext = {}): string {
  const s = strings(lang);
  if (!(error instanceof ExcelFailure)) return s.failUnknown(detailOf(error));
  switch (error.kind) {
    case "cell-edit":
      return s.failCellEdit;
    case "protected": {
      const named = sheetNamed(error);
      if (named) return s.failProtectedSheet(named);
      if (context.addsSheets) return s.failProtectedWorkbook;
      return context.sheet ? s.failProtectedSheet(context.sheet) : s.failProtectedSomeSheet;
    }
    case "unsupported":
      return s.failUnsupported(unsupportedFeature(error, lang) ?? s.failUnsupportedUnknown);
    case "payload":
      return s.failPayload;
    case "not-found":
      return s.failNotFound(context.sheet ? `“${context.sheet}”` : s.failNotFoundThing);
    default:
      return s.failUnknown(detailOf(error));
  }
}

/** A sheet name the failure carries, when src/excel knows which sheet refused. */
function sheetNamed(error: ExcelFailure): string | undefined {
  const sheet = (error as unknown as { sheet?: unknown }).sheet;
  return typeof sheet === "string" && sheet !== "" ? sheet : undefined;
}

/** The missing features of this Excel, named for people; else whatever the failure itself names. */
function unsupportedFeature(error: ExcelFailure, lang: Lang): string | undefined {
  const feature = (error as unknown as { feature?: unknown }).feature;
  if (typeof feature === "string" && feature !== "") return feature;
  let missing: string[] = [];
  try {
    missing = missingCapabilities(capabilities(), lang);
  } catch {
    missing = [];
  }
  return missing.length ? missing.join(", ") : undefined;
}

function detailOf(error: unknown): string {
  if (error instanceof Error) return error.message.replace(/[.\s]+$/, "") || error.name;
  return String(error);
}
