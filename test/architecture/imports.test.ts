/**
 * The import graph of src/: no cycles (type-only imports included, so a type cannot pull its module into a knot
 * either), and every layer points where the README says — core is pure, excel and xlsx never see each other, xlsx
 * never reaches into the command line, and the pane reaches Office.js only through src/excel.
 */
import fs from "fs";
import path from "path";

const SRC = path.resolve(__dirname, "../../src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")])
    if (fs.existsSync(candidate)) return candidate;
  return null;
}

const files = sourceFiles(SRC);
const graph = new Map<string, { local: string[]; external: string[] }>();
for (const f of files) {
  const text = fs.readFileSync(f, "utf8");
  const local: string[] = [];
  const external: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    const target = resolve(f, spec);
    if (target) local.push(target);
    else if (!spec.startsWith(".")) external.push(spec);
    else throw new Error(`${path.relative(SRC, f)}: cannot resolve ${spec}`);
  }
  graph.set(f, { local, external });
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join("/");
const layer = (f: string) => rel(f).split("/")[0];

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)!.local) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(rel(w));
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.local.includes(v)) out.push(scc.sort());
    }
  };
  for (const f of graph.keys()) if (!idx.has(f)) visit(f);
  return out;
}

test("the walk sees the tree: the entry points and their imports", () => {
  expect(files.length).toBeGreaterThan(50);
  expect(graph.get(path.join(SRC, "core/workbook.ts"))!.local.map(rel)).toContain("core/kinds/index.ts");
});

test("src/ has no import cycle", () => {
  expect(cycles()).toEqual([]);
});

/**
 * Which layers each layer may import. src/word is a file format like src/xlsx and opens .docx with the same zip
 * reader (src/xlsx/zip.ts) and says its failures with the same reasons, so it may import src/xlsx. The checker page
 * without Excel (src/standalone) shows the pane's views on files read in the browser: never src/excel.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: ["core"],
  xlsx: ["core", "xlsx"],
  word: ["core", "xlsx", "word"],
  excel: ["core", "excel"],
  cli: ["core", "xlsx", "word", "cli"],
  taskpane: ["core", "excel", "xlsx", "word", "taskpane"],
  standalone: ["core", "xlsx", "word", "taskpane", "standalone"],
};

test("every folder of src/ is a layer with its arrows listed", () => {
  const layers = [...new Set(files.map(layer))].filter((l) => !l.includes("."));
  expect(layers.filter((l) => !(l in ALLOWED))).toEqual([]);
});

test("every layer imports only the layers below it", () => {
  const wrong: string[] = [];
  for (const [f, { local }] of graph) {
    const allowed = ALLOWED[layer(f)] ?? [];
    for (const t of local) if (!allowed.includes(layer(t))) wrong.push(`${rel(f)} → ${rel(t)}`);
  }
  expect(wrong).toEqual([]);
});

test("excel and xlsx never import each other, and xlsx never imports the command line", () => {
  const wrong: string[] = [];
  for (const [f, { local }] of graph)
    for (const t of local) {
      const arrow = `${layer(f)}→${layer(t)}`;
      if (arrow === "excel→xlsx" || arrow === "xlsx→excel" || arrow === "xlsx→cli") wrong.push(`${rel(f)} → ${rel(t)}`);
    }
  expect(wrong).toEqual([]);
});

test("the engine imports no Node, DOM or Office package, only zod", () => {
  const wrong: string[] = [];
  for (const [f, { external }] of graph) if (layer(f) === "core") for (const e of external) if (e !== "zod") wrong.push(`${rel(f)} → ${e}`);
  expect(wrong).toEqual([]);
});

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

/**
 * The two pages that start in Office wait for Office.onReady, the page's handshake with the host before there is any
 * workbook to reach: the pane's start (which also reads the display language it hands to the pane) and the ribbon's
 * function file. Everything else of Office.js is src/excel's.
 */
const OFFICE_HANDSHAKE = new Set(["taskpane/start.tsx", "taskpane/commands.ts"]);

test("the pane and the checker page reach Office.js only through src/excel", () => {
  const wrong: string[] = [];
  for (const [f, { external }] of graph) {
    if (layer(f) !== "taskpane" && layer(f) !== "standalone") continue;
    const code = withoutComments(fs.readFileSync(f, "utf8"));
    if (/\bExcel\.\w|context\.sync\(/.test(code)) wrong.push(`${rel(f)}: Excel's API`);
    if (/\bOffice\.\w/.test(code) && !OFFICE_HANDSHAKE.has(rel(f))) wrong.push(`${rel(f)}: Office's API`);
    for (const e of external) if (/office/i.test(e)) wrong.push(`${rel(f)} → ${e}`);
  }
  expect(wrong).toEqual([]);
});

/**
 * Issue 10: no file of src/ over 400 lines, whatever its layer: a file that grows past it is split by what it holds.
 */
test("no file of src/ is over 400 lines", () => {
  const lines = (text: string) => text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  const long = files.map((f) => [rel(f), lines(fs.readFileSync(f, "utf8"))] as const).filter(([, n]) => n > 400);
  expect(long).toEqual([]);
});

test("the checks can fail: a cycle of two files is found, and core may not import xlsx", () => {
  const a = path.join(SRC, "core/a.ts");
  const b = path.join(SRC, "xlsx/b.ts");
  const saved = new Map(graph);
  try {
    graph.set(a, { local: [b], external: [] });
    graph.set(b, { local: [a], external: [] });
    expect(cycles()).toContainEqual(["core/a.ts", "xlsx/b.ts"]);
  } finally {
    graph.clear();
    for (const [k, v] of saved) graph.set(k, v);
  }
  expect(ALLOWED[layer(a)]).not.toContain(layer(b));
});
