/**
 * The demo page's Excel (`npm run demo`): the in-memory host, preloaded with the seed appendix, the seed's delegation
 * tables (đoàn ra / đoàn vào) and a TCVN3-typed copy of the appendix, and installed as the page's Office/Excel globals
 * before the task pane starts, so Office.onReady resolves with host Excel. A banner
 * says plainly that this is sample data, and a small grid shows the in-memory workbook — sheet tabs and cells — so
 * a person sees summary sheets appear, highlights land and the selection move.
 *
 * Built only into dist-demo (DEMO=1); the seed workbooks are turned into rows and merges at build time by
 * test/demo/xlsx-fixture-loader.js. Query parameters: ?displayLanguage=en-US (what Office reports), ?latency=ms.
 */
import { encodeLegacy } from "../../src/core/legacy/encoding";
import { createHost, installOfficeGlobals } from "./index";
import type { ExcelHost, FixtureValue } from "./index";

interface DemoWorkbook {
  sheets: Array<{ name: string; rows: FixtureValue[][]; merges: string[] }>;
}

declare global {
  interface Window {
    /** The demo's workbook, for tests and for the curious (DevTools). */
    __demoHost?: ExcelHost;
  }
}

const seed: DemoWorkbook = require("../fixtures/seed-001-appendix.xlsx");
const delegations: DemoWorkbook = require("../fixtures/seed-002-delegations.xlsx");

/** The sheet of the appendix typed in TCVN3, as old documents are: for "Chuyển sang Unicode". */
const LEGACY_SHEET = "Phụ lục (TCVN3)";

const MAX_ROWS_SHOWN = 400;
const MAX_COLS_SHOWN = 16;

const params = new URLSearchParams(window.location.search);
const host = createHost({
  displayLanguage: params.get("displayLanguage") || "vi-VN",
  // A little latency per round trip, as in Excel, so the pane's progress is visible.
  latencyMs: Number(params.get("latency") ?? 60) || 0,
  workbookName: "seed-001-appendix.xlsx",
});
for (const sheet of [...seed.sheets, ...delegations.sheets]) host.addSheet(sheet.name, sheet.rows, { merges: sheet.merges });
const appendix = seed.sheets[0];
host.addSheet(
  LEGACY_SHEET,
  appendix.rows.map((row) => row.map((v) => (typeof v === "string" && !v.startsWith("=") ? encodeLegacy(v, "tcvn3") : v))),
  { merges: appendix.merges },
);
installOfficeGlobals(host, window);
window.__demoHost = host;

const STYLE = `
  html, body { margin: 0; height: 100%; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; }
  body { display: flex; flex-direction: column; }
  .demo-banner { flex: none; padding: 6px 12px; background: #8a3707; color: #fff; font-weight: 600; font-size: 13px; }
  .demo-banner small { font-weight: 400; opacity: .9; margin-left: 8px; }
  .demo-layout { flex: 1; display: flex; min-height: 0; }
  .demo-workbook { flex: 1; display: flex; flex-direction: column; min-width: 0; background: #fff; }
  .demo-tabs { display: flex; gap: 2px; padding: 4px 6px 0; background: #f3f2f1; border-bottom: 1px solid #c8c6c4; overflow-x: auto; }
  .demo-tab { border: 1px solid #c8c6c4; border-bottom: none; background: #e1dfdd; padding: 4px 10px; font: inherit; font-size: 12px; cursor: pointer; white-space: nowrap; }
  .demo-tab[aria-selected="true"] { background: #fff; color: #107c41; font-weight: 600; }
  .demo-grid-wrap { flex: 1; overflow: auto; }
  .demo-grid { border-collapse: collapse; font-size: 11px; table-layout: fixed; }
  .demo-grid th { position: sticky; top: 0; background: #f3f2f1; color: #605e5c; font-weight: 400; border: 1px solid #d2d0ce; padding: 1px 4px; z-index: 1; }
  .demo-grid th.demo-rownum { position: sticky; left: 0; z-index: 2; width: 34px; }
  .demo-grid td { border: 1px solid #e1dfdd; padding: 1px 4px; max-width: 220px; height: 17px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: top; cursor: cell; }
  .demo-grid td.demo-sel { outline: 2px solid #107c41; outline-offset: -2px; }
  .demo-grid td.demo-bold { font-weight: 600; }
  .demo-status { flex: none; padding: 3px 8px; font-size: 11px; color: #605e5c; background: #f3f2f1; border-top: 1px solid #c8c6c4; }
  .demo-pane { flex: none; width: 380px; border-left: 1px solid #c8c6c4; overflow-y: auto; }
  @media (max-width: 760px) { .demo-layout { flex-direction: column-reverse; } .demo-pane { width: auto; border-left: none; } }
  body.demo-pane-only .demo-banner, body.demo-pane-only .demo-workbook { display: none; }
  body.demo-pane-only, body.demo-pane-only .demo-layout { display: block; height: auto; }
  body.demo-pane-only .demo-pane { width: 100%; border-left: none; overflow: visible; }
`;

function columnName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseArea(a1: string): Area | null {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!m) return null;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

/** The selection's areas on its sheet, from Excel's "'Phụ lục'!A43" form. */
function selectionAreas(): { sheet: string; areas: Area[] } {
  const text = host.selection;
  const bang = text.lastIndexOf("!");
  const sheet = bang < 0 ? host.activeSheet : text.slice(0, bang).split(", ")[0].replace(/^'|'$/g, "").replace(/''/g, "'");
  const areas = text
    .split(", ")
    .map((part) => parseArea(part.slice(part.lastIndexOf("!") + 1)))
    .filter((a): a is Area => a !== null);
  return { sheet, areas };
}

function mountDemo(): void {
  const style = document.createElement("style");
  style.textContent = STYLE;
  document.head.appendChild(style);

  const banner = document.createElement("div");
  banner.className = "demo-banner";
  banner.setAttribute("role", "note");
  banner.dataset.testid = "demo-banner";
  banner.append("DEMO — dữ liệu mẫu, không phải Excel");
  const note = document.createElement("small");
  note.textContent = "Sample data in memory, not Excel: changes are lost when the page reloads.";
  banner.appendChild(note);

  const layout = document.createElement("div");
  layout.className = "demo-layout";
  const workbook = document.createElement("section");
  workbook.className = "demo-workbook";
  workbook.setAttribute("aria-label", "Sổ làm việc mẫu / sample workbook");
  const tabs = document.createElement("div");
  tabs.className = "demo-tabs";
  tabs.setAttribute("role", "tablist");
  const gridWrap = document.createElement("div");
  gridWrap.className = "demo-grid-wrap";
  const status = document.createElement("div");
  status.className = "demo-status";
  status.dataset.testid = "demo-status";
  workbook.append(tabs, gridWrap, status);

  const pane = document.createElement("aside");
  pane.className = "demo-pane";
  const container = document.getElementById("container") ?? document.createElement("div");
  container.id = "container";
  pane.appendChild(container);
  layout.append(workbook, pane);
  document.body.prepend(banner, layout);
  // ?pane=only: the pane alone, filling the window as Office's task pane does (for the 350 px browser tests).
  if (params.get("pane") === "only") document.body.classList.add("demo-pane-only");

  let lastSignature = "";
  let anchor: { row: number; col: number } | null = null;

  const render = () => {
    const names = host.sheetNames();
    const active = host.activeSheet;
    tabs.replaceChildren(
      ...names.map((name) => {
        const tab = document.createElement("button");
        tab.type = "button";
        tab.className = "demo-tab";
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-selected", String(name === active));
        tab.textContent = name;
        tab.addEventListener("click", () => {
          host.activeSheet = name;
          anchor = null;
          refresh();
        });
        return tab;
      }),
    );
    gridWrap.replaceChildren(gridOf(active));
    const sel = selectionAreas();
    status.textContent = `${host.selection} · ${host.syncCount} context.sync()`;
    if (sel.sheet === active) gridWrap.querySelector(".demo-sel")?.scrollIntoView({ block: "nearest", inline: "nearest" });
  };

  const gridOf = (name: string): HTMLTableElement => {
    const sheet = host.sheet(name);
    const used = sheet.usedAddress();
    const usedArea = used ? parseArea(used.slice(used.lastIndexOf("!") + 1)) : null;
    const rows = Math.min(MAX_ROWS_SHOWN, usedArea ? usedArea.bottom + 1 : 20);
    const cols = Math.min(MAX_COLS_SHOWN, usedArea ? usedArea.right + 1 : 8);
    const merges = host
      .mergesOf(name)
      .map(parseArea)
      .filter((a): a is Area => a !== null);
    const covered = new Set<string>();
    const mergeAt = new Map<string, Area>();
    for (const m of merges) {
      mergeAt.set(`${m.top},${m.left}`, m);
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
    const sel = selectionAreas();
    const selected = (r: number, c: number) =>
      sel.sheet === name && sel.areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);

    const table = document.createElement("table");
    table.className = "demo-grid";
    table.dataset.testid = "demo-grid";
    table.dataset.sheet = name;
    const head = table.createTHead().insertRow();
    const corner = document.createElement("th");
    corner.className = "demo-rownum";
    head.appendChild(corner);
    for (let c = 0; c < cols; c++) {
      const th = document.createElement("th");
      th.textContent = columnName(c);
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (let r = 0; r < rows; r++) {
      const tr = body.insertRow();
      const rowNum = document.createElement("th");
      rowNum.className = "demo-rownum";
      rowNum.textContent = String(r + 1);
      tr.appendChild(rowNum);
      for (let c = 0; c < cols; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const address = `${columnName(c)}${r + 1}`;
        const view = sheet.cell(address);
        const td = tr.insertCell();
        const merge = mergeAt.get(`${r},${c}`);
        if (merge) {
          td.colSpan = Math.min(cols, merge.right + 1) - c;
          td.rowSpan = Math.min(rows, merge.bottom + 1) - r;
        }
        td.textContent = view.text;
        td.title = `${address}: ${view.text}`;
        td.dataset.address = address;
        if (view.fill) td.style.backgroundColor = view.fill;
        if (view.fontColor && view.fontColor !== "#000000") td.style.color = view.fontColor;
        if (view.bold) td.classList.add("demo-bold");
        if (selected(r, c)) td.classList.add("demo-sel");
        // Pressing selects a cell, as in Excel, and shift extends from the last one: enough to try "Vùng đang chọn".
        // On mousedown, not click: the grid is drawn again whenever the pane syncs, and a cell replaced between the
        // press and the release would never receive the click.
        td.addEventListener("mousedown", (event) => {
          const from = event.shiftKey && anchor ? anchor : { row: r, col: c };
          if (!event.shiftKey) anchor = { row: r, col: c };
          const top = Math.min(from.row, r);
          const left = Math.min(from.col, c);
          const range = `${columnName(left)}${top + 1}:${columnName(Math.max(from.col, c))}${Math.max(from.row, r) + 1}`;
          host.selection = `'${name.replace(/'/g, "''")}'!${range}`;
          refresh();
        });
      }
    }
    return table;
  };

  const signature = () => `${host.syncCount}|${host.selection}|${host.activeSheet}|${host.sheetNames().join("\u0000")}`;
  const refresh = () => {
    lastSignature = signature();
    render();
  };
  // The host has no change events for cells: a change always comes with a round trip, so the sync count says when.
  setInterval(() => {
    if (signature() !== lastSignature) refresh();
  }, 250);
  host.onSelectionChanged(() => setTimeout(refresh, 0));
  refresh();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountDemo);
else mountDemo();
