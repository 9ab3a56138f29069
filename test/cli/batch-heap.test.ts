import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BATCH_HEAP_FLAG, collectBetweenFiles } from "../../src/cli/batch-heap";
import { runConsolidate } from "../../src/cli/consolidate-command";
import { processIO } from "../../src/cli/io";
import { xlsxFromRows } from "../support/xlsx";

const HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"];

// v8.setFlagsFromString ignores a flag V8 does not know, so a flag renamed by a later Node would silently stop
// working; on Node's own command line an unknown V8 flag is refused, which is what this holds it to.
test("the batch's collector flag is one this Node's V8 knows (a misspelt one is refused)", () => {
  const known = spawnSync(process.execPath, [BATCH_HEAP_FLAG, "-e", ""], { encoding: "utf8" });
  expect(known.stderr).toBe("");
  expect(known.status).toBe(0);
  const misspelt = spawnSync(process.execPath, [BATCH_HEAP_FLAG.replace("growing", "growin"), "-e", ""], { encoding: "utf8" });
  expect(misspelt.status).not.toBe(0);
  expect(misspelt.stderr).toContain("bad option");
});

test("the process’s own IO sets the batch’s collector (a test’s IO keeps its own)", () => {
  expect(processIO.beforeBatch).toBe(collectBetweenFiles);
});

test("consolidate asks for the batch's collector once, with the number of files it will read", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-batch-heap-"));
  try {
    for (const agency of ["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"]) {
      const rows = [HEADER, [1, `Nhiệm vụ của ${agency}`, agency, "", "Năm 2026"]];
      fs.writeFileSync(path.join(dir, `${agency}.xlsx`), await xlsxFromRows([{ name: "Phụ lục", rows }]));
    }
    const asked: number[] = [];
    let stdout = "";
    const io = {
      out: (t: string) => void (stdout += `${t}\n`),
      err: (t: string) => {
        throw new Error(t);
      },
      stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
      beforeBatch: async (n: number) => void asked.push(n),
    };
    const out = path.join(os.tmpdir(), `ac-batch-heap-${process.pid}.xlsx`);
    try {
      expect(await runConsolidate({ inputs: [dir], output: out, json: false, lang: "vi" }, io)).toBe(0);
    } finally {
      fs.rmSync(out, { force: true });
    }
    expect(asked).toEqual([3]);
    expect(stdout).toContain("Dòng vào 3 = dòng ra 3");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
