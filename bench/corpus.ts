/**
 * `npm run corpus`: the engine scored against the hand-counted truths of the real-table corpus
 * (test/fixtures/real/truths.json) — the share of figures right per table, per family and overall.
 * The .xlsx workbooks of the corpus are read through the real .xlsx reader and scored against the truths of the
 * tables their sheets hold. `--failures` lists every figure that is wrong; `--json` prints the figures as JSON.
 */
import { Figure, loadTruths, scoreCorpus, scoreWorkbooks, shares } from "../test/support/corpus";

function pct(right: number, total: number): string {
  return total === 0 ? "—" : `${((100 * right) / total).toFixed(1)}%`;
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const truths = loadTruths();
  // The workbooks' sheets are the same tables read through the .xlsx reader: counted apart ("xlsx tables").
  const books = scoreWorkbooks(truths);
  const figures: Figure[] = [...scoreCorpus(truths), ...books];
  if (args.has("--json")) {
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    return;
  }
  const origin = new Map<string, string>(truths.map((t) => [t.file, t.origin]));
  for (const f of books) origin.set(f.table, "xlsx");
  const lines: string[] = [];
  lines.push("table".padEnd(58) + "right / figures");
  for (const s of shares(figures, (f) => f.table)) {
    lines.push(
      `${`${s.key} (${origin.get(s.key)})`.padEnd(58)}${String(s.right).padStart(3)} / ${String(s.total).padEnd(4)} ${pct(s.right, s.total)}`,
    );
  }
  lines.push("");
  for (const s of shares(figures, (f) => f.family))
    lines.push(`family ${s.key.padEnd(51)}${String(s.right).padStart(3)} / ${String(s.total).padEnd(4)} ${pct(s.right, s.total)}`);
  lines.push("");
  for (const s of shares(figures, (f) => `${origin.get(f.table)} tables`))
    lines.push(`${s.key.padEnd(58)}${String(s.right).padStart(3)} / ${String(s.total).padEnd(4)} ${pct(s.right, s.total)}`);
  const right = figures.filter((f) => f.ok).length;
  lines.push(`${"overall".padEnd(58)}${String(right).padStart(3)} / ${String(figures.length).padEnd(4)} ${pct(right, figures.length)}`);
  if (args.has("--failures")) {
    lines.push("", "wrong figures:");
    for (const f of figures.filter((x) => !x.ok)) lines.push(`  ${f.table}: ${f.name}: expected ${f.expected}, read ${f.actual}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
