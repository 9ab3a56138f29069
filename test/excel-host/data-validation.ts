/**
 * Range.dataValidation (ExcelApi 1.8) as Office.js documents it: `rule` (one criterion; the stand-in knows `list`, the
 * one the add-in writes, and refuses the others rather than pretend), `errorAlert` {showAlert, style Stop | Warning |
 * Information, title, message}, `prompt` {showPrompt, title, message}, `ignoreBlanks`, the read-only `type` and
 * `valid`, and `clear()`, which clears only the cells the range shares with earlier validation.
 *
 * What real Excel refuses is refused here, at sync:
 * - an inline list source (a comma-separated text) over 255 characters: Excel keeps a list formula to 255 characters;
 * - a source "=…" that is not a reference Excel can read: no such sheet, not a range, more than one row and column;
 * - a rule on a range whose cells do not share one validation (some with, some without: OfficeDev/office-js#2594
 *   reports InvalidArgument for a rule over cells that only partly have a prompt) — clear() first;
 * - any write on a range that cuts through a merged area (part of a merged cell cannot change on its own; whole
 *   merged areas inside the range are accepted, as Excel's own dialog accepts a merged cell);
 * - titles over 32 and messages over 255 characters, as Excel's dialog and the file format limit them;
 * - any write on a protected sheet (AccessDenied).
 */
import {
  MAX_ROWS,
  Rect,
  columnCountOf,
  contains,
  intersection,
  intersects,
  parseRangeRef,
  quoteSheetName,
  rect,
  rowCountOf,
  cellAddress,
} from "./addresses";
import { ClientObject, Exec } from "./request-context";
import { ModelError, SheetModel, ValidationSettings } from "./workbook-model";

export const MAX_INLINE_LIST = 255;
export const MAX_VALIDATION_TITLE = 32;
export const MAX_VALIDATION_MESSAGE = 255;

const ALERT_STYLES = ["Stop", "Warning", "Information"];
const RULE_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

export const DEFAULT_VALIDATION: ValidationSettings = {
  rule: null,
  errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
  prompt: { showPrompt: false, title: "", message: "" },
  ignoreBlanks: true,
};

interface ValidationEntity {
  sheet: SheetModel;
  rect: Rect;
}

function invalid(detail: string): ModelError {
  return new ModelError("InvalidArgument", detail);
}

/** `a` without `b`: up to four rectangles. */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  const i = intersection(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.top < i.top) out.push(rect(a.top, a.left, i.top - 1, a.right));
  if (i.bottom < a.bottom) out.push(rect(i.bottom + 1, a.left, a.bottom, a.right));
  if (a.left < i.left) out.push(rect(i.top, a.left, i.bottom, i.left - 1));
  if (i.right < a.right) out.push(rect(i.top, i.right + 1, i.bottom, a.right));
  return out;
}

/** The parts of `r` with the settings each has (the default where none was written). */
function piecesOf(sheet: SheetModel, r: Rect): Array<{ rect: Rect; settings: ValidationSettings }> {
  const pieces: Array<{ rect: Rect; settings: ValidationSettings }> = [];
  let rest: Rect[] = [r];
  for (const v of sheet.validations) {
    const i = intersection(v.rect, r);
    if (!i) continue;
    pieces.push({ rect: i, settings: v.settings });
    rest = rest.flatMap((x) => subtractRect(x, i));
  }
  for (const x of rest) pieces.push({ rect: x, settings: DEFAULT_VALIDATION });
  return pieces;
}

const same = (a: ValidationSettings, b: ValidationSettings) => JSON.stringify(a) === JSON.stringify(b);

function checkWritable(e: ValidationEntity): void {
  if (e.sheet.protection.protected) throw new ModelError("AccessDenied", `the sheet "${e.sheet.name}" is protected`);
  const cut = e.sheet.merges.find((m) => intersects(m, e.rect) && !contains(e.rect, m));
  if (cut) {
    throw new ModelError(
      "InvalidOperation",
      `the range cuts through the merged cells ${cellAddress(cut.top, cut.left)}:${cellAddress(cut.bottom, cut.right)}`,
    );
  }
}

/** Replaces the settings of every cell of the range with `update` of what it had. */
function updateCells(e: ValidationEntity, update: (s: ValidationSettings) => ValidationSettings): void {
  const pieces = piecesOf(e.sheet, e.rect).map((p) => ({ rect: p.rect, settings: update(p.settings) }));
  removeArea(e.sheet, e.rect);
  for (const p of pieces) if (!same(p.settings, DEFAULT_VALIDATION)) e.sheet.validations.push(p);
}

function removeArea(sheet: SheetModel, r: Rect): void {
  sheet.validations = sheet.validations.flatMap((v) => subtractRect(v.rect, r).map((x) => ({ rect: x, settings: v.settings })));
}

function text(value: unknown, what: string, max: number): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw invalid(`${what} must be text`);
  if (value.length > max) throw invalid(`${what} is longer than ${max} characters`);
  return value;
}

/** The list source as Excel keeps it: the inline text, or "=" and an absolute reference. */
function listSource(source: unknown, x: Exec, sheet: SheetModel): string {
  if (typeof source === "object" && source !== null && "__rangeRef" in source) {
    return (source as { __rangeRef: string }).__rangeRef;
  }
  if (typeof source !== "string" || source.trim() === "") throw invalid("ListDataValidation.source must be a list or a reference");
  if (!source.startsWith("=")) {
    if (source.length > MAX_INLINE_LIST) throw invalid(`an inline list longer than ${MAX_INLINE_LIST} characters`);
    return source;
  }
  const ref = parseRangeRef(source.slice(1));
  if (!ref) throw invalid(`"${source}" is not a reference (the stand-in does not model names)`);
  const target = ref.sheet === undefined ? sheet : x.workbook.sheetByName(ref.sheet);
  if (!target) throw invalid(`no sheet named "${ref.sheet}"`);
  if (rowCountOf(ref.rect) > 1 && columnCountOf(ref.rect) > 1) throw invalid("a list source must be one row or one column");
  return `=${absoluteAddress(target.name, ref.rect, ref.sheet !== undefined)}`;
}

export function absoluteAddress(sheetName: string, r: Rect, qualified = true): string {
  const abs = (row: number, col: number) => cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  const a = r.top === r.bottom && r.left === r.right ? abs(r.top, r.left) : `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
  return qualified ? `${quoteSheetName(sheetName)}!${a}` : a;
}

function parseRule(wire: unknown, x: Exec, sheet: SheetModel): ValidationSettings["rule"] {
  if (typeof wire !== "object" || wire === null) throw invalid("DataValidation.rule must be an object");
  const keys = Object.keys(wire).filter((k) => (wire as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1) throw invalid("a DataValidationRule holds exactly one criterion");
  const key = keys[0];
  if (!(key in RULE_TYPES)) throw invalid(`unknown criterion "${key}"`);
  if (key !== "list") throw invalid(`the stand-in models list validation only, not ${key}`);
  const list = (wire as { list: unknown }).list as { inCellDropDown?: unknown; source?: unknown } | null;
  if (typeof list !== "object" || list === null) throw invalid("ListDataValidation must be an object");
  if (list.inCellDropDown !== undefined && typeof list.inCellDropDown !== "boolean") throw invalid("inCellDropDown must be true or false");
  return { list: { inCellDropDown: list.inCellDropDown !== false, source: listSource(list.source, x, sheet) } };
}

/** The values a list allows: its items, or the texts of the cells it refers to. */
function listValues(source: string, x: Exec): string[] {
  if (!source.startsWith("=")) return source.split(",").map((s) => s.trim());
  const ref = parseRangeRef(source.slice(1))!;
  const sheet = ref.sheet === undefined ? undefined : x.workbook.sheetByName(ref.sheet);
  if (!sheet) return [];
  const out: string[] = [];
  const last = Math.min(ref.rect.bottom, MAX_ROWS - 1);
  for (let row = ref.rect.top; row <= last; row++) {
    for (let col = ref.rect.left; col <= ref.rect.right; col++) {
      const v = sheet.get(row, col)?.value;
      if (v !== null && v !== undefined) out.push(String(v));
    }
  }
  return out;
}

/** What an error alert and a prompt share: a flag to show it, a title and a message, each left as it was when absent. */
function parseBox(
  wire: unknown,
  what: string,
  showKey: string,
): { fields: Record<string, unknown>; show?: boolean; title?: string; message?: string } {
  if (typeof wire !== "object" || wire === null) throw invalid(`DataValidation.${what} must be an object`);
  const fields = wire as Record<string, unknown>;
  const show = fields[showKey];
  if (show !== undefined && typeof show !== "boolean") throw invalid(`${showKey} must be true or false`);
  return {
    fields,
    show: show as boolean | undefined,
    title: fields.title === undefined ? undefined : text(fields.title, `the ${what} title`, MAX_VALIDATION_TITLE),
    message: fields.message === undefined ? undefined : text(fields.message, `the ${what} message`, MAX_VALIDATION_MESSAGE),
  };
}

export class DataValidation extends ClientObject {
  get _className(): string {
    return "DataValidation";
  }
  _scalarNames(): string[] {
    return ["errorAlert", "ignoreBlanks", "prompt", "rule", "type", "valid"];
  }

  _read(name: string, entity: unknown, x: Exec): unknown {
    const e = entity as ValidationEntity;
    const pieces = piecesOf(e.sheet, e.rect);
    const uniform = pieces.every((p) => same(p.settings, pieces[0].settings));
    const first = pieces[0].settings;
    switch (name) {
      case "type": {
        const types = new Set(pieces.map((p) => ruleType(p.settings)));
        if (uniform) return ruleType(first);
        return types.size === 1 && !types.has("None") ? "MixedCriteria" : "Inconsistent";
      }
      case "rule":
        return uniform ? JSON.parse(JSON.stringify(first.rule ?? {})) : null;
      case "errorAlert":
        return uniform ? { ...first.errorAlert } : null;
      case "prompt":
        return uniform ? { ...first.prompt } : null;
      case "ignoreBlanks":
        return uniform ? first.ignoreBlanks : null;
      case "valid":
        return validity(e, pieces, x);
      default:
        return undefined;
    }
  }

  get rule(): unknown {
    return this._get("rule");
  }
  set rule(value: unknown) {
    // A Range given as the source travels as its address, as Office.js sends it.
    const v = value as { list?: { source?: unknown } } | null;
    const source = v?.list?.source;
    const rangeSource = source instanceof ClientObject ? (source as ClientObject) : null;
    if (rangeSource) this._sameContext(rangeSource);
    this._setProperty("rule", value, (entity, wire, x) => {
      const e = entity as ValidationEntity;
      checkWritable(e);
      let w = wire;
      if (rangeSource) {
        const r = rangeSource._resolve(x) as ValidationEntity | null;
        if (!r || !r.rect) throw invalid("the source range does not exist");
        w = { list: { ...(wire as { list: object }).list, source: { __rangeRef: `=${absoluteAddress(r.sheet.name, r.rect)}` } } };
      }
      const rule = parseRule(w, x, e.sheet);
      const pieces = piecesOf(e.sheet, e.rect);
      if (!pieces.every((p) => same(p.settings, pieces[0].settings))) {
        throw invalid("the cells of the range do not share one data validation; clear it first");
      }
      updateCells(e, (s) => ({ ...s, rule }));
    });
  }

  get errorAlert(): unknown {
    return this._get("errorAlert");
  }
  set errorAlert(value: unknown) {
    this._setProperty("errorAlert", value, (entity, wire) => {
      const e = entity as ValidationEntity;
      checkWritable(e);
      const box = parseBox(wire, "errorAlert", "showAlert");
      const style = box.fields.style as string | undefined;
      if (style !== undefined && !ALERT_STYLES.includes(style)) throw invalid(`unknown alert style ${String(style)}`);
      updateCells(e, (s) => ({
        ...s,
        errorAlert: {
          showAlert: box.show ?? s.errorAlert.showAlert,
          style: style ?? s.errorAlert.style,
          title: box.title ?? s.errorAlert.title,
          message: box.message ?? s.errorAlert.message,
        },
      }));
    });
  }

  get prompt(): unknown {
    return this._get("prompt");
  }
  set prompt(value: unknown) {
    this._setProperty("prompt", value, (entity, wire) => {
      const e = entity as ValidationEntity;
      checkWritable(e);
      const box = parseBox(wire, "prompt", "showPrompt");
      updateCells(e, (s) => ({
        ...s,
        prompt: {
          showPrompt: box.show ?? s.prompt.showPrompt,
          title: box.title ?? s.prompt.title,
          message: box.message ?? s.prompt.message,
        },
      }));
    });
  }

  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this._setProperty("ignoreBlanks", value, (entity, wire) => {
      const e = entity as ValidationEntity;
      checkWritable(e);
      if (typeof wire !== "boolean") throw invalid("ignoreBlanks must be true or false");
      updateCells(e, (s) => ({ ...s, ignoreBlanks: wire }));
    });
  }

  get type(): string {
    return this._get("type");
  }
  set type(_value: string) {
    throw invalid("DataValidation.type is read-only; set the rule");
  }

  get valid(): boolean | null {
    return this._get("valid");
  }

  clear(): void {
    this._invoke("clear", [], (entity) => {
      const e = entity as ValidationEntity;
      if (e.sheet.protection.protected) throw new ModelError("AccessDenied", `the sheet "${e.sheet.name}" is protected`);
      removeArea(e.sheet, e.rect);
    });
  }
}

function ruleType(s: ValidationSettings): string {
  if (!s.rule) return "None";
  return RULE_TYPES[Object.keys(s.rule)[0]] ?? "None";
}

/** True when every cell passes, false when none does, null when some do. */
function validity(e: ValidationEntity, pieces: Array<{ rect: Rect; settings: ValidationSettings }>, x: Exec): boolean | null {
  let pass = 0;
  let fail = 0;
  for (const p of pieces) {
    const list = p.settings.rule?.list;
    const allowed = list ? new Set(listValues(list.source, x).map((v) => v.toLowerCase())) : null;
    for (let row = p.rect.top; row <= p.rect.bottom; row++) {
      for (let col = p.rect.left; col <= p.rect.right; col++) {
        const v = e.sheet.get(row, col)?.value;
        const blank = v === null || v === undefined || v === "";
        if (!allowed || (blank && p.settings.ignoreBlanks) || (!blank && allowed.has(String(v).toLowerCase()))) pass++;
        else fail++;
      }
    }
  }
  return fail === 0 ? true : pass === 0 ? false : null;
}

/** What a test sees of one cell's validation (SheetInspector.validationAt). */
export function validationAt(sheet: SheetModel, row: number, col: number): ValidationSettings | null {
  const v = sheet.validations.find((a) => intersects(a.rect, rect(row, col, row, col)));
  return v ? JSON.parse(JSON.stringify(v.settings)) : null;
}
