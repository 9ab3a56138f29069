/**
 * The real plans written as paragraphs under test/fixtures/paragraph-plans/, without their "# source:" line.
 */
import * as fs from "fs";
import * as path from "path";
import { TaskCheck } from "../../src/core/kinds/tasks/check";

export const PARAGRAPH_PLANS = path.resolve(__dirname, "..", "fixtures", "paragraph-plans");
export const SEED_004 = "binhphuoc_kh-ttdn-2022.txt";

export function planText(name: string): string {
  const text = fs.readFileSync(path.join(PARAGRAPH_PLANS, name), "utf8");
  return text.startsWith("# source:") ? text.slice(text.indexOf("\n") + 1) : text;
}

/** The figures issue 19 states for seed 004, asserted on any check of it (text, sheet, docx, extracted table). */
export function expectSeed004Figures(check: TaskCheck): void {
  expect(check.counts.tasks).toBe(12);
  expect(check.counts.sections).toBe(2);
  expect(check.periods).toEqual([expect.objectContaining({ bucket: "2022", tasks: 12 })]);
  const ict = check.agencies.find((a) => a.name === "Sở Thông tin và Truyền thông")!;
  expect(ict.lead).toBe(5);
  expect(check.monitoring.find((m) => m.name === "Sở Thông tin và Truyền thông")?.tasks).toBe(3);
  const leadRows = check.tasks.filter((t) => t.leads.some((l) => l.name === "Sở Thông tin và Truyền thông")).map((t) => t.row.fields.stt);
  expect(leadRows).toEqual(["3", "5.2", "5.4", "5.5", "5.7"]);
}
