/**
 * `track` of 200 reply files against a 1,000-task plan: the plan and the replies (split from it, statuses filled in)
 * are generated first, outside the timed part; then the command runs once, in-process, and its time and memory are
 * printed. Run alone with `npx tsx bench/run.ts track`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { CliIO } from "../src/cli/io";
import { main } from "../src/cli/main";
import { defaultDirectory } from "../src/core/agencies/default-directory";
import { planTasks } from "../src/core/tracking/plan-tasks";
import { splitPlan } from "../src/core/tracking/split";
import { taskTableOf } from "../src/core/tracking/task-table";
import { readWorkbook } from "../src/xlsx/read";
import { workbookBytes } from "../src/xlsx/write";
import { Measurement } from "./measurement";

const TASKS = 1000;
const AGENCIES = 200;
const SECTIONS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const STATUSES = ["Hoàn thành đúng hạn", "Đang thực hiện", "Hoàn thành quá hạn", "Chưa thực hiện", "", "Đã hoàn thành"];
const TIMEFRAMES = ["Quý IV/2022", "Tháng 11/2022", "Năm 2023", "Hằng năm", "Thường xuyên", "Năm 2022 và các năm tiếp theo"];

async function planWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục");
  ws.addRow(["KẾ HOẠCH THỰC HIỆN NĂM 2022"]);
  ws.addRow(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]);
  const perSection = TASKS / SECTIONS.length;
  for (let s = 0; s < SECTIONS.length; s++) {
    ws.addRow([SECTIONS[s], `LĨNH VỰC CÔNG TÁC SỐ ${s + 1}`]);
    for (let i = 0; i < perSection; i++) {
      const n = s * perSection + i;
      ws.addRow([
        i + 1,
        `Triển khai nhiệm vụ số ${n + 1} về hợp tác quốc tế trong lĩnh vực ${s + 1}, nội dung chi tiết ${n * 7919}`,
        `Phòng Nghiệp vụ số ${(n % AGENCIES) + 1}`,
        "Các sở, ban, ngành liên quan",
        TIMEFRAMES[n % TIMEFRAMES.length],
      ]);
    }
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const silent: CliIO = {
  out: () => undefined,
  err: () => undefined,
  stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
};

export async function benchTrack(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ac-bench-track-"));
  try {
    const planFile = path.join(dir, "ke-hoach.xlsx");
    const bytes = await planWorkbook();
    fs.writeFileSync(planFile, bytes);
    const wb = await readWorkbook(bytes);
    if (!wb.ok) throw new Error(wb.message);
    const plan = planTasks(taskTableOf(wb.sheets[0])!, defaultDirectory());
    const replies = path.join(dir, "replies");
    fs.mkdirSync(replies);
    const lists = splitPlan(plan, { lang: "vi", asOf: { year: 2022, month: 12, day: 31 } });
    let k = 0;
    for (const list of lists) {
      const statusCol = list.model.rows[3].findIndex((c) => c?.value === "Tình trạng");
      for (const row of list.model.rows.slice(4)) if (row.length > statusCol) row[statusCol] = { value: STATUSES[k++ % STATUSES.length] };
      fs.writeFileSync(path.join(replies, list.fileName), await workbookBytes([list.model]));
    }
    const out = path.join(dir, "theo-doi.xlsx");
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const code = await main(["track", planFile, replies, "-o", out, "--as-of", "2022-12-31"], silent);
    const ms = performance.now() - t0;
    const mem = process.memoryUsage();
    if (code > 1) throw new Error(`track exited ${code}`);
    return [
      { name: `track: ${lists.length} replies against a ${plan.tasks.length}-task plan`, value: Math.round(ms), unit: "ms" },
      { name: "track: heap growth", value: Math.round((mem.heapUsed - heapBefore) / 1e6), unit: "MB" },
      { name: "track: process RSS (inputs and harness included)", value: Math.round(mem.rss / 1e6), unit: "MB" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
