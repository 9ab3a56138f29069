/**
 * LibreOffice as a third-party reader of the files we write: converts every sheet to UTF-8 CSV.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export function hasLibreOffice(): boolean {
  try {
    execFileSync("libreoffice", ["--version"], { stdio: "ignore", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** CSV rows of every sheet, in sheet order (LibreOffice names the files <base>-<SheetName>.csv). */
export function sheetsAsCsv(xlsx: string): Map<string, string[][]> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ac-lo-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ac-lo-profile-"));
  execFileSync(
    "libreoffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
      "--outdir",
      out,
      xlsx,
    ],
    { stdio: "ignore", timeout: 120_000 },
  );
  const base = path.basename(xlsx, ".xlsx");
  const result = new Map<string, string[][]>();
  for (const f of fs.readdirSync(out).sort()) {
    const sheet = f.slice(base.length + 1, -4);
    result.set(sheet, parseCsv(fs.readFileSync(path.join(out, f), "utf8")));
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
  return result;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
