/**
 * Realistic table rows for benchmarks, drawn from the fixtures' own words (agencies, timeframes, contents).
 */
import * as fs from "fs";
import * as path from "path";
import { Cell, Grid } from "../src/core/sheet/grid";

const SHARED = path.resolve(__dirname, "..", "..", "shared", "fixtures");

export interface Vocabulary {
  contents: string[];
  leads: string[];
  coordinating: string[];
  timeframes: string[];
}

export function loadVocabulary(): Vocabulary {
  const v: Vocabulary = { contents: [], leads: [], coordinating: [], timeframes: [] };
  const seed = JSON.parse(fs.readFileSync(path.join(SHARED, "seed", "seed-001-appendix.json"), "utf8"));
  for (const r of seed.rows) {
    if (!Array.isArray(r) || /^[IVX]+$/.test(r[0])) continue;
    v.contents.push(r[1]);
    v.leads.push(r[2]);
    v.coordinating.push(r[3]);
    v.timeframes.push(r[4]);
  }
  for (const f of [
    "dongnai_kh179-2025_kinh-te-so-xa-hoi-so.tsv",
    "chinhphu_qd2629-2025_pl2_chinh-phu-so.tsv",
    "dongthap_kh617-2025_cds-doanh-nghiep.tsv",
  ]) {
    const lines = fs
      .readFileSync(path.join(SHARED, "real", f), "utf8")
      .split("\n")
      .slice(2);
    for (const line of lines) {
      const c = line.split("\t");
      if (!/^\d/.test(c[0] ?? "") || !c[2]) continue;
      v.contents.push(c[1]);
      v.leads.push(c[2]);
      if (c[3]) v.coordinating.push(c[3]);
      if (f.startsWith("chinhphu") ? c[5] : c[4]) v.timeframes.push(f.startsWith("chinhphu") ? c[5] : c[4]);
    }
  }
  return v;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** A task table of `tasks` rows in sections of 25, each content made unique so duplicate detection has real work. */
export function generateTable(tasks: number, vocab: Vocabulary, seed = 1): Grid {
  let x = seed;
  const rand = (n: number) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const cells: Cell[][] = [
    [{ value: "PHỤ LỤC" }],
    [{ value: "Kế hoạch thực hiện năm 2026" }],
    ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"].map((value) => ({ value })),
  ];
  let n = 0;
  for (let s = 0; n < tasks; s++) {
    cells.push([{ value: ROMAN[s % 10] }, { value: `Nhóm nhiệm vụ ${s + 1}` }]);
    for (let i = 1; i <= 25 && n < tasks; i++, n++) {
      cells.push([
        { value: i },
        { value: `${vocab.contents[rand(vocab.contents.length)]} (${n + 1})` },
        { value: vocab.leads[rand(vocab.leads.length)] },
        { value: vocab.coordinating[rand(vocab.coordinating.length)] },
        { value: vocab.timeframes[rand(vocab.timeframes.length)] },
      ]);
    }
  }
  return { sheetName: "Phụ lục", originRow: 1, originCol: 1, cells, merges: [] };
}
