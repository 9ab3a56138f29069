/**
 * What the command line prints for a person: issues grouped by row, tallies as a table, a progress bar.
 */
import { TaskCheck } from "../core/check";
import { Issue, issueMessage, Lang } from "../core/issues";
import { label } from "../core/labels";
import { rangeAddress } from "../core/grid";

const MARK: Record<Issue["severity"], string> = { error: "✖", warning: "▲", info: "·" };

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function padLeft(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

export function renderCheck(file: string, check: TaskCheck, lang: Lang): string {
  const lines: string[] = [];
  const t = check.table;
  const where = t ? ` (${rangeAddress(t.firstRow, t.header.firstCol, t.lastRow, t.header.lastCol)})` : "";
  lines.push(`${file} › ${check.sheetName}${where}`);
  const c = check.counts;
  lines.push(
    lang === "vi"
      ? `  ${c.sections} mục, ${c.tasks} nhiệm vụ — ${c.errors} lỗi, ${c.warnings} cảnh báo, ${c.infos} thông tin`
      : `  ${c.sections} sections, ${c.tasks} tasks — ${c.errors} errors, ${c.warnings} warnings, ${c.infos} infos`,
  );
  let lastRow: number | null | undefined;
  for (const i of check.issues) {
    if (i.row !== lastRow) {
      lines.push(i.row === null ? `  ${lang === "vi" ? "Toàn bảng" : "Table"}` : `  ${label("row", lang)} ${i.row}`);
      lastRow = i.row;
    }
    const suggestion = i.suggestion ? `  → ${i.suggestion}` : "";
    lines.push(`    ${MARK[i.severity]} ${pad(i.cell ?? "", 5)} ${pad(i.code, 22)} ${issueMessage(i, lang)}${suggestion}`);
  }
  if (check.agencies.length) {
    const nameWidth = Math.min(60, Math.max(...check.agencies.map((a) => a.name.length), 10));
    lines.push("");
    lines.push(
      `  ${pad(label("agency", lang), nameWidth)}  ${padLeft(label("lead", lang), 8)}  ${padLeft(label("coordinating", lang), 12)}  ${padLeft(label("total", lang), 6)}`,
    );
    let groupsShown = false;
    for (const a of check.agencies) {
      if (a.kind === "group" && !groupsShown) {
        lines.push(`  — ${label("group", lang)} —`);
        groupsShown = true;
      }
      const name = a.name.length > nameWidth ? a.name.slice(0, nameWidth - 1) + "…" : a.name;
      lines.push(
        `  ${pad(name, nameWidth)}  ${padLeft(String(a.lead), 8)}  ${padLeft(String(a.coordinating), 12)}  ${padLeft(String(a.total), 6)}`,
      );
    }
  }
  return lines.join("\n");
}

/** A progress bar on stderr when it is a terminal; silent when piped. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): { tick(label: string): void; done(): void } {
  const active = Boolean(stream.isTTY) && total > 1;
  let n = 0;
  return {
    tick(name: string) {
      n++;
      if (!active) return;
      const width = 24;
      const filled = Math.round((n / total) * width);
      const short = name.length > 40 ? "…" + name.slice(-39) : name;
      stream.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${n}/${total} ${pad(short, 40)}`);
    },
    done() {
      if (active) stream.write("\r" + " ".repeat(80) + "\r");
    },
  };
}
