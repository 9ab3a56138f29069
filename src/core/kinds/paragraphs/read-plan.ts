/**
 * Reading a plan that writes its tasks as paragraphs: a numbered heading followed by labelled lines
 * ("- Nội dung thực hiện: …", "- Đơn vị chủ trì: …", "- Thời gian thực hiện: …"). A heading is a task when it
 * carries such lines and a section when it only holds headings that do; the plan's other parts (purpose,
 * requirements, funding, organisation) are neither, whatever they hold.
 */
import { foldKey } from "../../sheet/text";
import { labelledLine, PlanRole } from "./field-labels";
import { Heading, HeadingStyle, isNonTaskPart, parseHeading } from "./plan-headings";
import { LogicalParagraph, logicalParagraphs, PlanParagraph } from "./plan-paragraphs";

/** The roles a task's lines give, besides its content. */
export type TaskRole = Exclude<PlanRole, "content">;
const TASK_ROLES: readonly TaskRole[] = ["lead", "coordinating", "monitoring", "timeframe", "product", "funding", "note"];

export interface PlanTask {
  /** The heading's number: the appendix's STT ("5.2", "3", "a"). */
  number: string;
  style: HeadingStyle;
  /** The heading's own text. */
  title: string;
  /** The heading together with its "Nội dung thực hiện" and sub-points, one per line. */
  content: string;
  /** Text of each labelled role ("" when the plan gives none). */
  fields: Record<TaskRole, string>;
  /** The labels as written, by role ("Đơn vị phối hợp, hướng dẫn"). */
  labels: Partial<Record<PlanRole, string>>;
  /** Line of the task's block (1 = the heading) where each role's label stands. */
  lineOf: Partial<Record<PlanRole, number>>;
  /** Source position (see LogicalParagraph.at) of each line of the block, index 0 = the heading. */
  lines: number[];
  /** Index into `sections` of the innermost section the task is under, or -1. */
  section: number;
}

export interface PlanSection {
  number: string;
  style: HeadingStyle;
  title: string;
  /** Source position of the heading. */
  at: number;
  parent: number;
  level: number;
}

export interface ParagraphPlan {
  /** The text before the first heading: the plan's title and preamble. */
  title: string;
  tasks: PlanTask[];
  sections: PlanSection[];
  /** The body after broken lines were joined. */
  paragraphs: LogicalParagraph[];
  /** Numbered headings found, tasks or not (for the message when none is a task). */
  headings: number;
}

interface Node {
  heading: Heading;
  para: number;
  body: number[];
  children: Node[];
  parent: Node | null;
  rank: number;
}

function rankOf(h: Heading): number {
  if (h.style === "roman") return 0;
  if (h.style === "number") return h.parts.length;
  return 10;
}

const OPENS_ITEM = /^[-–—+•*●◦▪]/;

interface Block {
  content: string[];
  fields: Record<TaskRole, string>;
  labels: Partial<Record<PlanRole, string>>;
  lineOf: Partial<Record<PlanRole, number>>;
  labelled: boolean;
}

/** The labelled lines under one heading, read into fields; what no label claims is the task's content. */
function readBlock(node: Node, paragraphs: readonly LogicalParagraph[]): Block {
  const fields = Object.fromEntries(TASK_ROLES.map((r) => [r, ""])) as Record<TaskRole, string>;
  const block: Block = { content: [], fields, labels: {}, lineOf: {}, labelled: false };
  let current: PlanRole | null = null;
  let currentValue = "";
  const append = (role: PlanRole, text: string, sep: string) => {
    if (role === "content") block.content.push(text);
    else fields[role] = fields[role] === "" ? text : `${fields[role]}${sep}${text}`;
  };
  node.body.forEach((pi, k) => {
    const text = paragraphs[pi].text;
    const line = labelledLine(text);
    if (line) {
      block.labelled = true;
      current = line.role;
      currentValue = line.value;
      if (block.lineOf[line.role] === undefined) {
        block.lineOf[line.role] = k + 2;
        block.labels[line.role] = line.label;
      }
      if (line.value !== "") append(line.role, line.value, "; ");
      return;
    }
    if (current !== null && (!OPENS_ITEM.test(text) || currentValue === "" || (current === "content" && text.startsWith("+")))) {
      // A line without its own bullet carries on the label above; bullets under an empty label are its items.
      append(current, text, OPENS_ITEM.test(text) ? "\n" : " ");
      if (current === "content" && !OPENS_ITEM.test(text) && block.content.length > 1) {
        const last = block.content.pop()!;
        block.content[block.content.length - 1] += ` ${last}`;
      }
      return;
    }
    current = null;
    block.content.push(text);
  });
  return block;
}

function outline(paragraphs: readonly LogicalParagraph[]): { roots: Node[]; preamble: number[]; count: number } {
  const roots: Node[] = [];
  const preamble: number[] = [];
  const stack: Node[] = [];
  let count = 0;
  paragraphs.forEach((p, i) => {
    const heading = labelledLine(p.text) ? null : parseHeading(p.text);
    if (!heading) {
      if (stack.length) stack[stack.length - 1].body.push(i);
      else preamble.push(i);
      return;
    }
    count++;
    const rank = rankOf(heading);
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : null;
    const node: Node = { heading, para: i, body: [], children: [], parent, rank };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  });
  return { roots, preamble, count };
}

/** Reads the tasks and sections of a plan's body. */
export function readParagraphPlan(source: readonly PlanParagraph[]): ParagraphPlan {
  const paragraphs = logicalParagraphs(source);
  const { roots, preamble, count } = outline(paragraphs);
  const blocks = new Map<Node, Block>();
  const excluded = new Set<Node>();
  const visit = (n: Node, inExcluded: boolean) => {
    const out = inExcluded || isNonTaskPart(foldKey(n.heading.title));
    if (out) excluded.add(n);
    blocks.set(n, readBlock(n, paragraphs));
    n.children.forEach((c) => visit(c, out));
  };
  roots.forEach((r) => visit(r, false));
  const isTask = (n: Node) => !excluded.has(n) && blocks.get(n)!.labelled;
  const holdsTasks = (n: Node): boolean => n.children.some((c) => isTask(c) || holdsTasks(c));

  // A Roman part is a section only when tasks stand in more than one: one "II. NỘI DUNG" is the plan, not a section.
  const romanWithTasks = roots.filter((r) => r.heading.style === "roman" && holdsTasks(r)).length;
  const sections: PlanSection[] = [];
  const tasks: PlanTask[] = [];
  const walk = (n: Node, section: number, level: number) => {
    if (isTask(n)) {
      const b = blocks.get(n)!;
      tasks.push({
        number: n.heading.number,
        style: n.heading.style,
        title: n.heading.title,
        content: [n.heading.title, ...b.content].join("\n"),
        fields: b.fields,
        labels: b.labels,
        lineOf: b.lineOf,
        lines: [paragraphs[n.para].at, ...n.body.map((i) => paragraphs[i].at)],
        section,
      });
    }
    let inner = section;
    let innerLevel = level;
    if (!isTask(n) && holdsTasks(n) && (n.heading.style !== "roman" || romanWithTasks > 1)) {
      sections.push({
        number: n.heading.number,
        style: n.heading.style,
        title: n.heading.title,
        at: paragraphs[n.para].at,
        parent: section,
        level,
      });
      inner = sections.length - 1;
      innerLevel = level + 1;
    }
    for (const c of n.children) walk(c, inner, innerLevel);
  };
  roots.forEach((r) => walk(r, -1, 0));
  return { title: preamble.map((i) => paragraphs[i].text).join("\n"), tasks, sections, paragraphs, headings: count };
}
