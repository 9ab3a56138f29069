/**
 * `--per-agency DIR` on check and consolidate: one workbook per lead agency with its tasks' issues, to send back.
 */
import * as path from "path";
import { AgencyDirectory } from "../core/agencies/directory";
import { Lang } from "../core/issues/catalogue";
import { agencyReturns } from "../core/tracking/return-report";
import { SheetCheck } from "../core/workbook";
import { NATIVE_WRITE } from "../xlsx/native-zlib";
import { xlsxOfModels } from "../xlsx/sheet-writer";
import { CliIO } from "./io";
import { writeWhole } from "./files";
import { writeFailureText } from "./messages";
import { isTaskTableCheck } from "../core/kinds";

export async function writePerAgency(
  dir: string,
  checked: ReadonlyArray<{ file: string; linkFile?: string; check: SheetCheck }>,
  directory: AgencyDirectory,
  lang: Lang,
  io: CliIO,
): Promise<boolean> {
  const sources = checked.flatMap((c) =>
    isTaskTableCheck(c.check) && c.check.table
      ? [
          {
            file: c.file,
            linkFile: path
              .relative(dir, path.resolve(c.linkFile ?? c.file))
              .split(path.sep)
              .join("/"),
            check: c.check,
          },
        ]
      : [],
  );
  for (const r of agencyReturns(sources, directory, lang)) {
    const file = path.join(dir, r.fileName);
    try {
      await writeWhole(file, xlsxOfModels([r.model], NATIVE_WRITE));
    } catch (e) {
      io.err(`appendix-checker: ${writeFailureText(file, e, lang)}`);
      return false;
    }
  }
  return true;
}
