/**
 * One cell that names both roles, each after its label (issue 11): "Chủ trì: Sở Công Thương.\nPhối hợp: Sở Tài
 * chính, Sở NN&MT, …" under a header such as "Phân công nhiệm vụ". The lead is what follows "Chủ trì:", the
 * coordinating bodies what follows "Phối hợp:"; a cell without the labels is left alone.
 */

const LABEL = /(^|[\n;.]\s*)(chủ trì|phối hợp)\s*:/giu;

export interface RoleParts {
  lead: string;
  coordinating: string;
}

/** The lead and coordinating texts of a labelled cell, or null when the cell names no role by label. */
export function splitRoleLabels(cell: string): RoleParts | null {
  if (cell.indexOf(":") < 0) return null;
  const marks: Array<{ role: "lead" | "coordinating"; from: number; to: number }> = [];
  for (const m of cell.matchAll(LABEL)) {
    const start = m.index! + m[1].length;
    marks.push({ role: m[2].toLowerCase() === "chủ trì" ? "lead" : "coordinating", from: start, to: m.index! + m[0].length });
  }
  // A lone "Chủ trì:" labels only the lead; "Phối hợp:" is the mark that the cell holds both roles.
  if (!marks.some((m) => m.role === "coordinating")) return null;
  const parts: RoleParts = { lead: "", coordinating: "" };
  // Text before the first label is the lead written without its label ("Sở Công Thương.\nPhối hợp: …").
  const head = cell.slice(0, marks[0].from).trim();
  if (head !== "") parts.lead = head;
  marks.forEach((m, i) => {
    const text = cell.slice(m.to, i + 1 < marks.length ? marks[i + 1].from : cell.length).trim();
    if (text !== "") parts[m.role] = parts[m.role] === "" ? text : `${parts[m.role]}\n${text}`;
  });
  return parts;
}
