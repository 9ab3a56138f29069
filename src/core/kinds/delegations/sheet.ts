/**
 * The "Tổng hợp đoàn" / "Delegations" summary sheet (SPEC 6): per workbook and direction the counted totals beside
 * those the plan states, then the delegations by country or organisation and by quarter of start.
 */
import { DIRECTIONS, Figure, FIGURES } from "./fields";
import { DelegationCheck } from "./check";
import { DelegationTallies, mergeTallies } from "./tallies";
import { Lang } from "../../issues/catalogue";
import { label, periodLabel } from "../../output/labels";
import { ModelCell, SheetModel } from "../../output/sheet-model";
import { sheetName } from "../../output/sheet-names";

const LABELS = {
  vi: {
    title: "Tổng hợp đoàn ra, đoàn vào",
    outbound: "Đoàn ra",
    inbound: "Đoàn vào",
    direction: "Loại đoàn",
    total: "Tổng số đoàn",
    planned: "Trong kế hoạch",
    supplementary: "Đề nghị bổ sung",
    members: "Số thành viên",
    membersUnknown: "Đoàn chưa rõ số thành viên",
    statedTotal: "Kế hoạch ghi: tổng số",
    statedPlanned: "Kế hoạch ghi: trong kế hoạch",
    statedSupplementary: "Kế hoạch ghi: bổ sung",
    comparison: "Đối chiếu",
    matches: "Khớp",
    differs: "Lệch",
    notStated: "Kế hoạch không ghi",
    both: "Cộng",
    byCountry: "Theo quốc gia, tổ chức",
    country: "Quốc gia / Tổ chức",
    noCountry: "(chưa ghi)",
    byPeriod: "Theo thời gian thực hiện (quý bắt đầu)",
    delegations: "Số đoàn",
  },
  en: {
    title: "Outbound and inbound delegations",
    outbound: "Outbound",
    inbound: "Inbound",
    direction: "Direction",
    total: "Delegations",
    planned: "Planned",
    supplementary: "Supplementary",
    members: "Members",
    membersUnknown: "Member count unknown",
    statedTotal: "Plan states: total",
    statedPlanned: "Plan states: planned",
    statedSupplementary: "Plan states: supplementary",
    comparison: "Check",
    matches: "Matches",
    differs: "Differs",
    notStated: "Not stated",
    both: "Both",
    byCountry: "By country or organisation",
    country: "Country / organisation",
    noCountry: "(not given)",
    byPeriod: "By time (quarter of start)",
    delegations: "Delegations",
  },
} as const;

export type DelegationLabel = keyof (typeof LABELS)["vi"];

export function delegationLabel(key: DelegationLabel, lang: Lang): string {
  return LABELS[lang][key];
}

const STATED_LABEL: Record<Figure, DelegationLabel> = {
  total: "statedTotal",
  planned: "statedPlanned",
  supplementary: "statedSupplementary",
};

const text = (value: string | number | null, style?: ModelCell["style"]): ModelCell => (style ? { value, style } : { value });
const int = (n: number): ModelCell => ({ value: n, style: "integer" });
const header = (labels: string[]): ModelCell[] => labels.map((l) => text(l, "header"));

export interface DelegationSource {
  /** The workbook file, when several are summarised together. */
  file?: string;
  check: DelegationCheck;
}

export function delegationsSheet(sources: readonly DelegationSource[], lang: Lang): SheetModel {
  const L = (k: DelegationLabel) => delegationLabel(k, lang);
  // Workbooks in order of appearance; each one's totals are on every one of its delegation sheets.
  const workbooks = new Map<string, DelegationCheck>();
  for (const s of sources) if (!workbooks.has(s.file ?? "")) workbooks.set(s.file ?? "", s.check);
  const withFile = workbooks.size > 1;
  const subtitle = withFile
    ? `${workbooks.size} ${lang === "vi" ? "tệp" : "files"}`
    : [sources[0]?.file, ...sources.map((s) => s.check.sheetName)].filter(Boolean).join(" › ");

  const rows: ModelCell[][] = [
    [text(L("title"), "title")],
    [text(subtitle, "subtitle")],
    header([
      ...(withFile ? [label("file", lang)] : []),
      L("direction"),
      L("total"),
      L("planned"),
      L("supplementary"),
      L("members"),
      L("membersUnknown"),
      ...FIGURES.map((f) => L(STATED_LABEL[f])),
      L("comparison"),
    ]),
  ];
  const headerRow = rows.length;
  const sum = { total: 0, planned: 0, supplementary: 0, members: 0, membersUnknown: 0 };
  for (const [file, first] of workbooks) {
    const tallies = mergeTallies(sources.filter((s) => (s.file ?? "") === file).map((s) => s.check.tallies));
    const { counted, stated } = first.workbook;
    for (const d of DIRECTIONS) {
      const t = tallies[d];
      const says = stated?.[d];
      const statedFigures = FIGURES.filter((f) => says?.[f] !== undefined);
      const differs = statedFigures.some((f) => says![f] !== counted[d][f]);
      rows.push([
        ...(withFile ? [text(file)] : []),
        text(L(d)),
        int(counted[d].total),
        int(counted[d].planned),
        int(counted[d].supplementary),
        int(t.members),
        int(t.membersUnknown),
        ...FIGURES.map((f) => (says?.[f] === undefined ? text("") : int(says[f]!))),
        statedFigures.length === 0 ? text(L("notStated")) : differs ? text(L("differs"), "error") : text(L("matches")),
      ]);
      sum.total += counted[d].total;
      sum.planned += counted[d].planned;
      sum.supplementary += counted[d].supplementary;
      sum.members += t.members;
      sum.membersUnknown += t.membersUnknown;
    }
  }
  const bold = (v: string | number): ModelCell => ({ value: v, style: "group-header" });
  rows.push([
    ...(withFile ? [bold("")] : []),
    bold(L("both")),
    bold(sum.total),
    bold(sum.planned),
    bold(sum.supplementary),
    bold(sum.members),
    bold(sum.membersUnknown),
  ]);

  const all: DelegationTallies = mergeTallies(sources.map((s) => s.check.tallies));
  rows.push([]);
  rows.push([text(L("byCountry"), "subtitle")]);
  rows.push(header([L("direction"), L("country"), L("delegations"), L("planned"), L("supplementary"), L("members")]));
  for (const d of DIRECTIONS)
    for (const c of all[d].countries)
      rows.push([text(L(d)), text(c.name || L("noCountry")), int(c.total), int(c.planned), int(c.supplementary), int(c.members)]);

  rows.push([]);
  rows.push([text(L("byPeriod"), "subtitle")]);
  rows.push(
    header([
      L("direction"),
      label("period", lang),
      L("delegations"),
      label("q1", lang),
      label("q2", lang),
      label("q3", lang),
      label("q4", lang),
      label("noQuarter", lang),
    ]),
  );
  for (const d of DIRECTIONS)
    for (const p of all[d].periods)
      rows.push([
        text(L(d)),
        text(periodLabel(p.bucket, lang)),
        int(p.delegations),
        ...(p.quarters ? [...p.quarters.map(int), int(p.noQuarter ?? 0)] : []),
      ]);

  return {
    kind: "delegations",
    name: sheetName("delegations", lang),
    rows,
    columnWidths: [...(withFile ? [28] : []), 16, 30, 14, 16, 14, 16, 18, 18, 18, 14],
    headerRow,
    autoFilter: false,
  };
}
