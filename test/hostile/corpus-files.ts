/**
 * The hostile corpus on disk, in a temporary folder (never in git). Building it takes seconds — a million formatted
 * rows, two hundred sheets — so the folder is named after a hash of the code that builds it and reused by every test
 * file until that code changes; files are written under a temporary name and renamed, so test files building it at
 * the same time never see half a workbook.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HOSTILE_CASES, HostileCase } from "./corpus";

const BUILDERS = ["corpus.ts", "workbooks.ts", "xlsx-parts.ts", "ole-container.ts"].map((f) => path.join(__dirname, f));
const LEGACY_ENCODER = path.resolve(__dirname, "..", "..", "src", "core", "legacy", "encoding.ts");

function corpusFolder(): string {
  const hash = createHash("sha256");
  for (const f of [...BUILDERS, LEGACY_ENCODER]) hash.update(fs.readFileSync(f));
  return path.join(os.tmpdir(), `appendix-checker-hostile-${hash.digest("hex").slice(0, 16)}`);
}

export interface CorpusFile {
  case: HostileCase;
  file: string;
}

/** Corpora built by earlier versions of the builders, untouched for a day: tens of megabytes each. */
function removeStaleCorpora(current: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    const dir = path.join(os.tmpdir(), name);
    if (!name.startsWith("appendix-checker-hostile-") || dir === current) continue;
    try {
      if (fs.statSync(dir).mtimeMs < dayAgo) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another test run removed it first.
    }
  }
}

/** Every case of the corpus with the path of its file, built when missing. */
export async function corpusFiles(): Promise<Map<string, CorpusFile>> {
  const dir = corpusFolder();
  removeStaleCorpora(dir);
  fs.mkdirSync(dir, { recursive: true });
  const out = new Map<string, CorpusFile>();
  for (const c of HOSTILE_CASES) {
    const file = path.join(dir, `${c.name}.xlsx`);
    if (!fs.existsSync(file)) {
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, await c.build());
      fs.renameSync(tmp, file);
    }
    out.set(c.name, { case: c, file });
  }
  return out;
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}
