/**
 * Run in a child process by the hostile tests: reads one workbook through ExcelJS (readWorkbook without the XML
 * reader) and prints what the engine found, as one line of JSON. A child, because a read that never ends must be
 * killed from outside: a synchronous loop cannot be stopped by a test's timeout.
 *
 *   node --require tsx/cjs test/hostile/read-with-exceljs.ts FILE
 */
import * as fs from "fs";
import { fileReport } from "../../src/core/output/file-report";
import { checkWorkbook } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx/read";

async function run(file: string): Promise<void> {
  const read = await readWorkbook(new Uint8Array(fs.readFileSync(file)));
  if (!read.ok) {
    process.stdout.write(`${JSON.stringify({ ok: false, reason: read.reason, message: read.message })}\n`);
    return;
  }
  const result = checkWorkbook(read.sheets);
  const checks = result.ok || result.reason === "no-table" ? result.checks : [];
  const tables = checks.filter((c) => c.table).map((c) => fileReport("f", c, "en"));
  process.stdout.write(
    `${JSON.stringify({ ok: true, tables: tables.map((t) => ({ sheet: t.sheet, range: t.table?.range, tasks: t.counts.tasks })) })}\n`,
  );
}

run(process.argv[2]).catch((e: Error) => {
  process.stdout.write(`${JSON.stringify({ ok: false, crash: e.message })}\n`);
  process.exitCode = 3;
});
