/**
 * The real plans written as paragraphs under test/fixtures/paragraph-plans/, without their "# source:" line.
 */
import * as fs from "fs";
import * as path from "path";

export const PARAGRAPH_PLANS = path.resolve(__dirname, "..", "fixtures", "paragraph-plans");
export const SEED_004 = "binhphuoc_kh-ttdn-2022.txt";

export function planText(name: string): string {
  const text = fs.readFileSync(path.join(PARAGRAPH_PLANS, name), "utf8");
  return text.startsWith("# source:") ? text.slice(text.indexOf("\n") + 1) : text;
}
