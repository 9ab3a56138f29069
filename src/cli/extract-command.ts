/**
 * `appendix-checker extract <plan.docx|plan.txt|plan.xlsx> -o appendix.xlsx [--sheet NAME] [--lang vi|en]`: the
 * appendix table a plan written as paragraphs should carry, written as a workbook ready to check and send.
 * Exit status: 0 written; 2 for usage, an unreadable input, or a plan in which no task was found.
 */
import * as path from "path";
import * as zlib from "zlib";
import { Grid } from "../core/sheet/grid";
import { Lang } from "../core/issues/catalogue";
import { appendixLayout } from "../core/kinds/paragraphs/appendix-layout";
import { noTasksMessage } from "../core/kinds/paragraphs/no-tasks";
import { PlanParagraph } from "../core/kinds/paragraphs/plan-paragraphs";
import { readParagraphPlan } from "../core/kinds/paragraphs/read-plan";
import { sheetText } from "../core/kinds/paragraphs/sheet-text";
import { findHeader } from "../core/kinds/tasks/header";
import { sheetView } from "../core/sheet/view";
import { appendixWorkbookBytes } from "../xlsx/appendix-writer";
import { Parsed } from "./args";
import { readBytes, sameFile, writeWhole } from "./files";
import { CliIO } from "./io";
import { readSource } from "./plan-source";
import { INPUT_TEXT, writeFailureText } from "./messages";
import { REPORT_TEXT } from "./report-text";

const inflateRaw = (data: Uint8Array): Uint8Array => zlib.inflateRawSync(data);

const APPENDIX_SHEET: Record<Lang, string> = { vi: "Phụ lục nhiệm vụ", en: "Task appendix" };

/** The sheet a workbook's plan text is pasted on: the one named, else the first that holds such text. */
function pastedPlan(sheets: readonly Grid[], sheet: string | undefined, lang: Lang): { paragraphs: PlanParagraph[] } | { error: string } {
  const candidates = sheet === undefined ? sheets : sheets.filter((s) => s.sheetName.toLowerCase() === sheet.toLowerCase());
  if (candidates.length === 0) return { error: INPUT_TEXT[lang].noSheet(sheet ?? "", sheets.map((s) => s.sheetName).join(", ")) };
  for (const grid of candidates) {
    const text = sheetText(grid);
    if (text) return { paragraphs: text.paragraphs };
  }
  const withTable = candidates.find((g) => findHeader(sheetView(g)) !== null);
  if (withTable) return { error: INPUT_TEXT[lang].alreadyTable(withTable.sheetName) };
  return {
    paragraphs: candidates.length === 1 ? candidates[0].cells.map((r) => ({ text: r.map((c) => String(c.value ?? "")).join(" ") })) : [],
  };
}

/** Runs extract on arguments the registry parsed and checked (one plan, -o given). */
export async function runExtract(parsed: Parsed, lang: Lang, io: CliIO): Promise<number> {
  const o = parsed.options;
  if (typeof o.output !== "string") return 2;
  const file = parsed.positional[0];
  const output = o.output;
  if (await sameFile(file, output)) {
    io.err(`appendix-checker: ${INPUT_TEXT[lang].outputIsTheInput(output)}`);
    return 2;
  }
  const bytes = await readBytes(file);
  if (!bytes.ok) {
    io.err(`appendix-checker: ${file}: ${INPUT_TEXT[lang].refused(bytes.why)}`);
    return 2;
  }
  const source = await readSource(file, bytes.bytes, inflateRaw, lang);
  if (!source.ok) {
    io.err(`appendix-checker: ${file}: ${source.message}`);
    return 2;
  }
  let paragraphs: PlanParagraph[];
  if (source.kind === "workbook") {
    const found = pastedPlan(source.sheets, typeof o.sheet === "string" ? o.sheet : undefined, lang);
    if ("error" in found) {
      io.err(`appendix-checker: ${file}: ${found.error}`);
      return 2;
    }
    paragraphs = found.paragraphs;
  } else paragraphs = source.paragraphs;

  const plan = readParagraphPlan(paragraphs);
  if (plan.tasks.length === 0) {
    io.err(`appendix-checker: ${file}: ${noTasksMessage(plan, lang)}`);
    return 2;
  }
  const layout = appendixLayout(plan);
  try {
    await writeWhole(output, await appendixWorkbookBytes(layout, APPENDIX_SHEET[lang]));
  } catch (e) {
    io.err(`appendix-checker: ${writeFailureText(output, e, lang)}`);
    return 2;
  }
  const n = plan.tasks.length;
  const s = plan.sections.length;
  io.out(REPORT_TEXT[lang].extracted(output, n, s, path.basename(file)));
  return 0;
}
