/**
 * The pane's reducer on its own — no React, no Excel: each change of the check session, the undo kept across
 * checks, stale results, and notices that belong to their tab.
 */
import { gridFromRows } from "../../src/core/sheet/grid";
import { checkWorkbook } from "../../src/core/workbook";
import type { SheetCheck } from "../../src/core/workbook";
import { initialState, lastConversion, paneReducer, visibleMessages } from "../../src/taskpane/session";
import type { PaneAction, PaneState } from "../../src/taskpane/session";

const ROWS = [
  ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
  ["1", "Tổ chức hội nghị xúc tiến đầu tư", "Sở Ngoại vụ", "Sở Công Thương", "Quý IV/2025"],
  ["", "Xây dựng kế hoạch hợp tác quốc tế", "Sở Công Thương", "", "Năm 2025"],
];
const grid = gridFromRows(ROWS, "PL");
const check: SheetCheck = (() => {
  const r = checkWorkbook([grid]);
  if (!r.ok) throw new Error("no table");
  return r.checks[0];
})();

const run = (...actions: PaneAction[]): PaneState => actions.reduce(paneReducer, initialState());
const text = () => "x";

describe("the check session", () => {
  it("starts unchecked, and a check brings the result, the grid and a fresh id", () => {
    expect(initialState().session).toEqual({ phase: "unchecked" });
    const s = run({ type: "checked", check, grid });
    expect(s.session).toMatchObject({ phase: "checked", check, grid, stale: null, selected: null });
    const again = paneReducer(s, { type: "checked", check, grid });
    const id = (x: PaneState) => (x.session.phase === "checked" ? x.session.id : -1);
    expect(id(again)).toBeGreaterThan(id(s));
  });

  it("marks the result stale when settings change or the checked sheet is edited, never another sheet", () => {
    const s = run({ type: "checked", check, grid });
    expect(paneReducer(s, { type: "sheet-changed", sheet: "Other" }).session).toMatchObject({ stale: null });
    expect(paneReducer(s, { type: "sheet-changed", sheet: "PL" }).session).toMatchObject({ stale: "sheet" });
    expect(paneReducer(s, { type: "settings", settings: s.settings, directory: null }).session).toMatchObject({ stale: "settings" });
    // Before any check there is nothing to go stale.
    expect(run({ type: "sheet-changed", sheet: "PL" }).session).toEqual({ phase: "unchecked" });
  });

  it("a new check clears staleness; stated totals clear only a settings staleness", () => {
    const stale = run({ type: "checked", check, grid }, { type: "sheet-changed", sheet: "PL" });
    expect(paneReducer(stale, { type: "checked", check, grid }).session).toMatchObject({ stale: null });
    expect(paneReducer(stale, { type: "rechecked", check }).session).toMatchObject({ stale: "sheet" });
    const settings = run({ type: "checked", check, grid }, { type: "read-legacy", on: true });
    expect(paneReducer(settings, { type: "rechecked", check }).session).toMatchObject({ stale: null });
  });

  it("selects an issue only when there is a result", () => {
    expect(run({ type: "select", index: 0 }).session).toEqual({ phase: "unchecked" });
    expect(run({ type: "checked", check, grid }, { type: "select", index: 1 }).session).toMatchObject({ selected: 1 });
  });
});

describe("work under way", () => {
  it("shows a step, its retries and cancelling, then nothing; starting clears old messages", () => {
    let s = run({ type: "notice", notice: { intent: "info", text, tab: "check" } });
    s = paneReducer(s, { type: "work-started" });
    expect(s.notice).toBeNull();
    s = paneReducer(s, { type: "step", busy: { step: "reading", index: 1, of: 2, cancellable: true } });
    s = paneReducer(s, { type: "retrying", attempt: 2 });
    s = paneReducer(s, { type: "cancelling" });
    expect(s.busy).toEqual({ step: "reading", index: 1, of: 2, cancellable: true, cancelling: true, retry: 2 });
    expect(paneReducer(s, { type: "work-ended" }).busy).toBeNull();
  });
});

describe("undo kept by the pane", () => {
  const cells = [{ address: "B2", before: "Sở Tài chín", after: "Sở Tài chính" }];

  it("keeps a conversion's undo across the next check (issue 13, 12)", () => {
    let s = run({ type: "checked", check, grid });
    s = paneReducer(s, {
      type: "converted",
      undo: { kind: "convert", sheet: "PL", cells },
      notice: { intent: "success", text, tab: "check" },
    });
    expect(s.session).toMatchObject({ stale: "cells" });
    expect(s.notice?.undoId).toBe(lastConversion(s)!.id);
    s = paneReducer(s, { type: "checked", check, grid });
    expect(lastConversion(s)).toBeDefined();
    // Undoing a conversion the check already read changes what the sheet holds: the result goes stale.
    s = paneReducer(s, { type: "undone", id: lastConversion(s)!.id });
    expect(lastConversion(s)).toBeUndefined();
    expect(s.session).toMatchObject({ stale: "cells" });
  });

  it("undoing a conversion made after the check puts back what the check read", () => {
    let s = run({ type: "checked", check, grid });
    s = paneReducer(s, {
      type: "converted",
      undo: { kind: "convert", sheet: "PL", cells },
      notice: { intent: "success", text, tab: "check" },
    });
    s = paneReducer(s, { type: "undone", id: lastConversion(s)!.id });
    expect(s.session).toMatchObject({ stale: null });
    expect(s.notice).toBeNull();
  });

  it("a fix replaces the result in place (same id, so filters stay) and is undoable", () => {
    const s0 = run({ type: "checked", check, grid });
    const fixed = paneReducer(s0, {
      type: "fixed",
      undo: { kind: "fix", sheet: "PL", cells },
      grid,
      check,
      notice: { intent: "success", text, tab: "check" },
    });
    const id = (x: PaneState) => (x.session.phase === "checked" ? x.session.id : -1);
    expect(id(fixed)).toBe(id(s0));
    expect(fixed.undo).toHaveLength(1);
    expect(fixed.notice?.undoId).toBe(fixed.undo[0].id);
  });
});

describe("messages", () => {
  it("a notice shows on the tab it was given on only; a failure of the whole pane shows everywhere", () => {
    let s = run({ type: "notice", notice: { intent: "success", text, tab: "consolidate" } });
    expect(visibleMessages(s).notice).toBeNull();
    s = paneReducer(s, { type: "tab", tab: "consolidate" });
    expect(visibleMessages(s).notice).not.toBeNull();
    expect(s.consolidateOpened).toBe(true);
    s = paneReducer(s, { type: "dismiss-notice" });
    expect(s.notice).toBeNull();
    s = paneReducer(s, { type: "load-failed", failure: { text: () => "f", tab: null } });
    expect(visibleMessages(paneReducer(s, { type: "tab", tab: "settings" })).failure).not.toBeNull();
  });

  it("the language choice changes settings only, not the result", () => {
    const s = run({ type: "checked", check, grid }, { type: "lang", lang: "en" });
    expect(s.settings.lang).toBe("en");
    expect(s.session).toMatchObject({ stale: null });
    expect(paneReducer(s, { type: "lang", lang: undefined }).settings.lang).toBeUndefined();
  });
});
