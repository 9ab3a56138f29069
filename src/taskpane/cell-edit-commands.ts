/**
 * The pane's commands that write into the user's cells: legacy conversion, one-click fixes, the agency picker and
 * "Chuẩn hóa tên cơ quan". Each keeps an undo, and the checked sheet's result follows the written cells at once.
 */
import { defaultDirectory } from "../core/agencies/default-directory";
import type { DirectoryData } from "../core/agencies/directory";
import type { NormalisationPlan } from "../core/agencies/normalise";
import { findLegacyCells } from "../core/legacy/grid";
import type { Settings } from "../core/settings/settings";
import type { CommandRunner } from "./command-runner";
import type { IssueFix } from "./issue-fixes";
import { withCellText } from "./issue-fixes";
import type { CellUndo } from "./session";
import type { OwnWrites } from "./sheet-watch";
import type { Strings } from "./strings";
import { activeCellInExcel, checkGrid, writeCellsInExcel } from "./workbook-actions";
import type { CellWrite } from "./workbook-actions";

export interface CellEditCommands {
  convertLegacy(): void;
  undo(id: number): void;
  applyFix(fix: IssueFix): void;
  /** Writes the agency picker's names into the cell the user stands on (issue 16). */
  writeSelectedCell(text: string): void;
  /** Writes the planned rewrites of "Chuẩn hóa tên cơ quan" in one batch, with an undo. */
  normaliseAgencies(plan: NormalisationPlan): void;
}

export function cellEditCommands(
  run: CommandRunner,
  ownWrites: OwnWrites,
  saveSettings: (settings: Settings, directory: DirectoryData | null) => void,
): CellEditCommands {
  const { dispatch, checked, checkOptions, say, tabNow } = run;

  /** Writes cells through the pane (noted as its own writes, so the sheet watch does not call them a user's edit). */
  const writeCells = (sheet: string, changes: CellWrite[], step: "converting" | "restoring" | "fixing") =>
    run.work(
      (p) => {
        for (const c of changes) ownWrites.note(sheet, c.address);
        return writeCellsInExcel(sheet, changes, step, p);
      },
      { sheet },
      (t) => t.cancelledWrite,
    );

  /** Writes cells the user asked for and keeps their undo; the checked sheet's result follows at once. */
  const writeWithUndo = async (sheet: string, changes: CellWrite[], text: (t: Strings, written: number, skipped: number) => string) => {
    const done = await writeCells(sheet, changes, "fixing");
    if (!done) return;
    const s = checked();
    if (done.cells.length === 0) {
      if (s?.check.sheetName === sheet) dispatch({ type: "sheet-changed", sheet });
      say("warning", (t) => t.fixStale(done.skipped.join(", ")));
      return;
    }
    const [written, skipped] = [done.cells.length, done.skipped.length];
    const notice = { intent: "success" as const, text: (t: Strings) => text(t, written, skipped), tab: tabNow() };
    const undo = { kind: "fix" as const, sheet: done.sheet, cells: done.cells };
    if (s && s.check.sheetName === sheet) {
      let grid = s.grid;
      for (const c of done.cells) grid = withCellText(grid, c.address, c.after);
      dispatch({ type: "fixed", undo, grid, check: checkGrid(grid, checkOptions()), notice });
      if (skipped > 0) dispatch({ type: "sheet-changed", sheet });
    } else {
      dispatch({ type: "cells-written", undo, notice });
    }
  };

  return {
    convertLegacy: async () => {
      const s = checked();
      if (!s) return;
      const changes = findLegacyCells(s.grid).map((c) => ({ address: c.address, text: c.converted }));
      if (changes.length === 0) return;
      const done = await writeCells(s.check.sheetName, changes, "converting");
      if (!done) return;
      const count = done.cells.length;
      dispatch({
        type: "converted",
        undo: { kind: "convert", sheet: done.sheet, cells: done.cells },
        notice: { intent: "success", text: (t) => t.converted(count), tab: tabNow() },
      });
    },

    undo: async (id) => {
      const entry: CellUndo | undefined = run.state().undo.find((u) => u.id === id);
      if (!entry) return;
      // Only cells that still hold what the pane wrote go back: a cell edited since keeps the user's text.
      const changes = entry.cells.map((c) => ({ address: c.address, text: String(c.before), expected: c.after }));
      const done = await writeCells(entry.sheet, changes, "restoring");
      if (!done) return;
      const s = checked();
      if (entry.kind === "fix" && s && s.check.sheetName === entry.sheet && done.cells.length > 0) {
        let grid = s.grid;
        for (const c of done.cells) grid = withCellText(grid, c.address, c.after);
        dispatch({ type: "undone", id, grid, check: checkGrid(grid, checkOptions()) });
      } else {
        dispatch({ type: "undone", id });
      }
      const restored = done.cells.length;
      const skipped = done.skipped.length;
      say("success", (t) => (skipped > 0 ? t.restoredSome(restored, skipped) : t.restored(restored)));
    },

    applyFix: async (fix) => {
      const s = checked();
      if (!s) return;
      if (fix.kind === "add-agency") {
        const state = run.state();
        const data = state.directory ?? defaultDirectory().data;
        if (data.agencies.some((a) => a.name === fix.name)) return;
        saveSettings(state.settings, { ...data, agencies: [{ name: fix.name, aliases: [], kind: "agency" }, ...data.agencies] });
        say("success", (t) => t.addedAgency(fix.name));
        return;
      }
      await writeWithUndo(s.check.sheetName, [{ address: fix.cell, text: fix.text, expected: fix.expected }], (t) => t.fixed(fix.cell));
    },

    writeSelectedCell: async (text) => {
      let cell;
      try {
        cell = await activeCellInExcel();
      } catch (error) {
        run.fail(error);
        return;
      }
      const { sheet, address } = cell;
      if (cell.formula) return say("warning", (t) => t.pickerFormula(address));
      await writeWithUndo(sheet, [{ address, text, expected: cell.text }], (t) => t.pickerWrote(address));
    },

    normaliseAgencies: async (plan) => {
      const s = checked();
      if (!s || plan.rewrites.length === 0) return;
      const changes = plan.rewrites.map((r) => ({ address: r.address, text: r.after, expected: r.before }));
      await writeWithUndo(s.check.sheetName, changes, (t, written, skipped) => t.normalised(written, skipped));
    },
  };
}
