/**
 * The "Thay đổi" sheet: every change between two plans, one row each, with the task before and after.
 */
import { Lang } from "../issues/catalogue";
import { ModelCell, SheetModel } from "../output/sheet-model";
import { ChangeField, PlanDiff } from "./diff";
import { PlanTask } from "./plan-tasks";
import { tl } from "./tracking-labels";
import { text, trackingModel } from "./model-cells";

const FIELD_LABELS: Record<ChangeField, Record<Lang, string>> = {
  lead: { vi: "Cơ quan chủ trì", en: "Lead agency" },
  coordinating: { vi: "Cơ quan phối hợp", en: "Coordinating agencies" },
  timeframe: { vi: "Thời gian thực hiện", en: "Timeframe" },
  wording: { vi: "Nội dung", en: "Wording" },
  section: { vi: "Mục", en: "Section" },
};

const KIND_LABELS: Record<"changed" | "new" | "dropped", Record<Lang, string>> = {
  changed: { vi: "Thay đổi", en: "Changed" },
  new: { vi: "Mới", en: "New" },
  dropped: { vi: "Bỏ", en: "Dropped" },
};

export interface DiffChange {
  kind: "changed" | "new" | "dropped";
  old: PlanTask | null;
  new: PlanTask | null;
  fields: ChangeField[];
  score: number | null;
}

/** The changes in the new plan's order, dropped tasks where they stood in the old one. */
export function diffChanges(d: PlanDiff): DiffChange[] {
  const out: DiffChange[] = [];
  for (const p of d.pairs) if (p.fields.length) out.push({ kind: "changed", old: p.old, new: p.new, fields: p.fields, score: p.score });
  for (const t of d.added) out.push({ kind: "new", old: null, new: t, fields: [], score: null });
  for (const t of d.dropped) out.push({ kind: "dropped", old: t, new: null, fields: [], score: null });
  const at = (c: DiffChange) => (c.new ? c.new.index : (c.old?.index ?? 0) - 0.5);
  return out.sort((a, b) => at(a) - at(b));
}

export function changeFieldLabel(f: ChangeField, lang: Lang): string {
  return FIELD_LABELS[f][lang];
}

export function changeKindLabel(k: DiffChange["kind"], lang: Lang): string {
  return KIND_LABELS[k][lang];
}

function describe(t: PlanTask | null, fields: readonly ChangeField[]): string {
  if (!t) return "";
  const parts: string[] = [];
  const wanted = fields.length ? fields : (["wording", "lead", "timeframe"] as const);
  for (const f of wanted) {
    if (f === "lead") parts.push(t.lead);
    if (f === "coordinating") parts.push(t.coordinating);
    if (f === "timeframe") parts.push(t.timeframeText);
    if (f === "wording") parts.push(t.content);
    if (f === "section") parts.push(t.sectionPath);
  }
  return parts.join("\n");
}

export function changesSheet(d: PlanDiff, lang: Lang, names: { old: string; new: string }): SheetModel {
  const changes = diffChanges(d);
  const changed = changes.filter((c) => c.kind === "changed").length;
  const rows: ModelCell[][] = [
    [text(tl("changesTitle", lang), "title")],
    [
      text(
        tl("changesSubtitle", lang, {
          old: names.old,
          new: names.new,
          carried: d.pairs.length - changed,
          changed,
          added: d.added.length,
          dropped: d.dropped.length,
        }),
        "subtitle",
      ),
    ],
    [
      tl("no", lang),
      tl("change", lang),
      tl("section", lang),
      tl("stt", lang),
      tl("content", lang),
      tl("before", lang),
      tl("after", lang),
      tl("oldRow", lang),
      tl("newRow", lang),
      tl("score", lang),
    ].map((h) => text(h, "header")),
  ];
  changes.forEach((c, i) => {
    const t = c.new ?? c.old!;
    const what = c.kind === "changed" ? c.fields.map((f) => changeFieldLabel(f, lang)).join(", ") : changeKindLabel(c.kind, lang);
    rows.push([
      { value: i + 1, style: "integer" },
      text(what, c.kind === "dropped" ? "error" : c.kind === "new" ? "warning" : undefined),
      text(t.sectionPath),
      text(t.stt),
      text(t.content),
      text(describe(c.old, c.fields)),
      text(describe(c.new, c.fields)),
      c.old ? { value: c.old.sheetRow, style: "integer" } : text(""),
      c.new ? { value: c.new.sheetRow, style: "integer" } : text(""),
      c.score === null ? text("") : { value: c.score, style: "percent" },
    ]);
  });
  return trackingModel("changes", lang, rows, [6, 24, 10, 6, 60, 40, 40, 10, 10, 10], 3, true);
}
